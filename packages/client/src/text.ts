/** Small text helpers for what the views show. */

/**
 * The function's header as the learner would write it, whatever form the server's
 * signature takes: "def f(a, b)", "f(a, b)" or "(a, b)".
 */
export function signatureLine(functionName: string, signature: string): string {
  const sig = signature.trim().replace(/:\s*$/, '');
  if (!sig) {
    return `def ${functionName}(...)`;
  }
  if (/^(async\s+)?def\s/.test(sig)) {
    return sig;
  }
  if (sig.startsWith('(')) {
    return `def ${functionName}${sig}`;
  }
  return `def ${sig}`;
}
