/** The extension's decisions that need no VS Code API: what to show, what to send, what went wrong. */
import {
  CaseResult,
  CheckResult,
  definesFunction,
  errorSentence,
  headline,
  problemIdFromMetadata,
  problemIdFromSource
} from '@jaxlings/client';

/** The ready line `jaxlings serve` prints: `{"url": ..., "token": ...}`. */
export interface IServerInfo {
  url: string;
  token: string;
}

/** The server's ready line, or null for any other line (a log line, a half-written line). */
export function parseReadyLine(line: string): IServerInfo | null {
  const text = line.trim();
  if (!text.startsWith('{')) {
    return null;
  }
  try {
    const value = JSON.parse(text);
    if (value && typeof value.url === 'string' && typeof value.token === 'string') {
      return { url: value.url, token: value.token };
    }
  } catch {
    // not the ready line
  }
  return null;
}

/** The command that starts the local server with a given Python. */
export function serveCommand(python: string): { command: string; args: string[] } {
  return { command: python, args: ['-m', 'jaxlings', 'serve'] };
}

/** Where the interpreter came from, said in the words of the settings a learner can change. */
export type PythonSource = 'setting' | 'python-extension' | 'default';

/**
 * The Python to start `jaxlings serve` with: the `jaxlings.pythonPath` setting when set (an
 * explicit choice for jaxlings), else the Python extension's interpreter, else `python3`.
 */
export function choosePython(
  setting: string,
  fromPythonExtension: string | undefined
): { python: string; source: PythonSource } {
  if (setting.trim()) {
    return { python: setting.trim(), source: 'setting' };
  }
  if (fromPythonExtension) {
    return { python: fromPythonExtension, source: 'python-extension' };
  }
  return { python: 'python3', source: 'default' };
}

const SOURCE_WORDS: Record<PythonSource, string> = {
  setting: 'the jaxlings.pythonPath setting',
  'python-extension': "the Python extension's selected interpreter",
  default: 'the default python3'
};

/**
 * Why the server did not start, as a sentence saying what to do: a missing package names the
 * pip command for that very interpreter; a missing interpreter names the settings.
 */
export function startFailureMessage(
  python: string,
  source: PythonSource,
  stderr: string,
  spawnError?: string
): string {
  const where = `${python} (${SOURCE_WORDS[source]})`;
  if (spawnError && /ENOENT/.test(spawnError)) {
    return (
      `Python was not found at ${where}. Install Python 3.11 or later, choose an interpreter ` +
      'with "Python: Select Interpreter", or set jaxlings.pythonPath.'
    );
  }
  if (/No module named '?jaxlings'?/.test(stderr)) {
    return (
      `The jaxlings Python package is not installed in ${where}. ` +
      `Install it with: ${python} -m pip install jaxlings — or choose another interpreter ` +
      'with "Python: Select Interpreter" or the jaxlings.pythonPath setting.'
    );
  }
  if (/invalid choice: 'serve'/.test(stderr)) {
    return (
      `The jaxlings package in ${where} is too old to serve VS Code. ` +
      `Upgrade it with: ${python} -m pip install -U jaxlings`
    );
  }
  const tail = stderr.trim().split('\n').slice(-3).join(' ').trim();
  return `The jaxlings server did not start with ${where}${tail ? ': ' + tail : '.'}`;
}

/** The problem a notebook is for, from VS Code's ipynb metadata (either of its two layouts). */
export function problemIdOfNotebook(metadata: unknown): string | null {
  if (!metadata || typeof metadata !== 'object') {
    return null;
  }
  const meta = metadata as Record<string, any>;
  // VS Code's ipynb serializer keeps the file's metadata under `metadata` (older: `custom.metadata`)
  const candidates = [meta.metadata, meta.custom?.metadata, meta];
  for (const candidate of candidates) {
    if (candidate && typeof candidate === 'object') {
      const id = problemIdFromMetadata(candidate.jaxlings);
      if (id) {
        return id;
      }
    }
  }
  return null;
}

/** The problem a .py file is for, from its first line `# jaxlings: <id>`. */
export function problemIdOfPython(text: string): string | null {
  return problemIdFromSource(text);
}

/** The 0-based line of `def <name>(` in a text, or of the first `def` when the name is unknown. */
export function functionLine(text: string, name: string | null): number | null {
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    if (name ? definesFunction(lines[i], name) : /^\s*(async\s+)?def\s+\w+\s*\(/.test(lines[i])) {
      return i;
    }
  }
  return null;
}

/** A diagnostic to put on the learner's code: 0-based line and the error's sentence. */
export interface IErrorMark {
  line: number;
  message: string;
}

/** Where the error of a check points in the text that was sent, if anywhere. */
export function errorMark(result: CheckResult, lineCount: number): IErrorMark | null {
  const error = result.error;
  if (!error || error.line === null || error.line === undefined) {
    return null;
  }
  const line = Math.min(Math.max(error.line - 1, 0), Math.max(lineCount - 1, 0));
  return { line, message: errorSentence(error) };
}

/** "6 of 6" — passed cases out of all. */
export function caseCount(result: CheckResult): string {
  return `${result.cases.filter(c => c.passed).length} of ${result.cases.length}`;
}

/** The short verdict a cell's status bar or a CodeLens shows: "✓ Passed · 6 of 6". */
export function verdictLabel(result: CheckResult): string {
  const h = headline(result);
  const mark = result.status === 'passed' ? '✓' : result.status === 'failed' ? '✗' : '⚠';
  const count = result.cases.length > 0 ? ` · ${caseCount(result)}` : '';
  return `${mark} ${h.title}${count}`;
}

/** A codicon for a verdict. */
export function verdictIcon(result: CheckResult): string {
  return result.status === 'passed'
    ? 'pass-filled'
    : result.status === 'failed'
      ? 'error'
      : 'warning';
}

/** What Test Explorer should say about one case. */
export type CaseOutcome =
  | { kind: 'passed' }
  | { kind: 'failed'; message: string; expected: string | null; actual: string | null }
  | { kind: 'errored'; message: string };

/** One case's outcome: expected vs actual for a visible failure, the verdict alone when hidden. */
export function caseOutcome(c: CaseResult, result: CheckResult): CaseOutcome {
  if (c.passed) {
    return { kind: 'passed' };
  }
  if (c.hidden) {
    return {
      kind: 'failed',
      message: `Hidden case "${c.name}" failed; its inputs stay hidden. Fix the visible cases first.`,
      expected: null,
      actual: null
    };
  }
  if (c.actual_preview === null && result.error) {
    return { kind: 'errored', message: c.message || errorSentence(result.error) };
  }
  return {
    kind: 'failed',
    message: c.message || 'The result differs from the expected value.',
    expected: c.expected_preview,
    actual: c.actual_preview
  };
}

/** A stable test id for a case of a problem. */
export function caseTestId(problemId: string, caseName: string): string {
  return `${problemId}/${caseName}`;
}

/** The status-bar text for the learner's progress. */
export function progressLabel(solved: number, total: number): string {
  return `$(mortar-board) ${solved}/${total} solved`;
}

/** A file name for a problem's starter: `NN-<id>.ipynb` or `NN-<id>.py`. */
export function starterFileName(order: number, id: string, kind: 'notebook' | 'python'): string {
  return `${String(order).padStart(2, '0')}-${id}.${kind === 'notebook' ? 'ipynb' : 'py'}`;
}

/** HTML-escape text for the webview. */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}
