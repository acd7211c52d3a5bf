/** Turns a CheckResult into what the results view shows: a headline, case rows, error, output. */
import type { ArrayDiff, CaseResult, CheckError, CheckResult } from './api';
import { SAME_ERROR } from './feedback';

export type Tone = 'pass' | 'fail' | 'error';

export interface IHeadline {
  /** Short verdict: "Passed", "Failed", "Error", "Timed out", "Out of memory". */
  title: string;
  /** One sentence under the verdict. */
  detail: string;
  tone: Tone;
}

export interface ICaseRow {
  name: string;
  passed: boolean;
  hidden: boolean;
  structure: boolean;
  /** ✓ or ✗ */
  mark: string;
  /** "passed" / "failed", for screen readers and tests. */
  verdict: string;
  inputs: string | null;
  expected: string | null;
  actual: string | null;
  message: string | null;
  /** What the function printed during this case (visible cases only). */
  output: string | null;
  /** Expected and actual arrays to draw, for a failed visible case. */
  diff: ArrayDiff | null;
}

export interface IOutputSection {
  name: 'stdout' | 'stderr';
  text: string;
  truncated: boolean;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** The verdict and one sentence about it. */
export function headline(result: CheckResult): IHeadline {
  const total = result.cases.length;
  const passed = result.cases.filter(c => c.passed).length;
  switch (result.status) {
    case 'passed':
      return {
        title: 'Passed',
        detail: total > 0 ? `All ${plural(total, 'check')} passed.` : 'Every check passed.',
        tone: 'pass'
      };
    case 'failed':
      return {
        title: 'Failed',
        detail: `${passed} of ${plural(total, 'check')} passed.`,
        tone: 'fail'
      };
    case 'timeout':
      return {
        title: 'Timed out',
        detail:
          result.error?.message ||
          'Your function ran past the time limit and was stopped. Look for a loop that never ends.',
        tone: 'error'
      };
    case 'memory':
      return {
        title: 'Out of memory',
        detail:
          result.error?.message || 'Your function used more memory than allowed and was stopped.',
        tone: 'error'
      };
    case 'error':
    default:
      return {
        title: 'Error',
        detail: result.error
          ? result.error.line !== null
            ? `${result.error.type || 'Error'} on line ${result.error.line}.`
            : `${result.error.type || 'Error'}.`
          : 'Your code could not be run.',
        tone: 'error'
      };
  }
}

/**
 * The error's own words without the "line N:" and "Type:" prefixes the server may already
 * have put in front ("line 4: NameError: name 'x' is not defined" → "name 'x' is not defined"),
 * since the view shows the type and line beside it.
 */
export function errorMessage(error: CheckError): string {
  let message = error.message.trim();
  const linePrefix = /^line \d+\s*:\s*/i;
  message = message.replace(linePrefix, '');
  if (error.type && message.startsWith(`${error.type}:`)) {
    message = message.slice(error.type.length + 1).trim();
  }
  return message || error.message;
}

/** "line 3: SyntaxError: invalid syntax" (without "line" when it is not known). */
export function errorSentence(error: CheckError): string {
  const message = errorMessage(error);
  const what = error.type ? `${error.type}: ${message}` : message;
  return error.line !== null && error.line !== undefined ? `line ${error.line}: ${what}` : what;
}

/**
 * An inputs preview with one argument per line: "a=1.0, b=float32[2] [1., 2.]" →
 * "a=1.0\nb=float32[2] [1., 2.]". Splits only before `name=` at bracket depth 0.
 */
export function inputsByArgument(preview: string): string {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < preview.length; i++) {
    const ch = preview[i];
    if (ch === '[' || ch === '(' || ch === '{') {
      depth++;
    } else if (ch === ']' || ch === ')' || ch === '}') {
      depth = Math.max(0, depth - 1);
    } else if (ch === ',' && depth === 0 && /^,\s*[A-Za-z_]\w*=/.test(preview.slice(i))) {
      parts.push(preview.slice(start, i).trim());
      start = i + 1;
    }
  }
  parts.push(preview.slice(start).trim());
  return parts.filter(Boolean).join('\n');
}

function caseMessage(
  message: string | null,
  shownAbove: string | null,
  boxShown: boolean
): string | null {
  if (message === null || shownAbove === null || !boxShown) {
    return message;
  }
  if (message === shownAbove) {
    return SAME_ERROR;
  }
  return message === `Not run: ${shownAbove}` ? 'Not run: see the error above.' : message;
}

/** One row per case; a hidden case keeps only its name and verdict. */
export function caseRows(result: CheckResult): ICaseRow[] {
  // every visible case raised the error the box above shows: say so once, not on each row
  const repeated = result.error?.message ?? null;
  return result.cases.map((c: CaseResult) => ({
    name: c.name,
    passed: c.passed,
    hidden: c.hidden,
    structure: c.kind === 'structure',
    mark: c.passed ? '✓' : '✗',
    verdict: c.passed ? 'passed' : 'failed',
    inputs: c.hidden || c.inputs_preview === null ? null : inputsByArgument(c.inputs_preview),
    expected: c.hidden ? null : c.expected_preview,
    actual: c.hidden ? null : c.actual_preview,
    message: c.passed ? null : caseMessage(c.message, repeated, showErrorBox(result)),
    output: c.hidden ? null : (c.stdout ?? null) || null,
    diff: c.hidden || c.passed ? null : (c.diff ?? null)
  }));
}

/** 840 → "840 ms", 1234 → "1.2 s", 61000 → "61 s". */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) {
    return '';
  }
  if (ms < 1000) {
    return `${Math.round(ms)} ms`;
  }
  const s = ms / 1000;
  return s < 10 ? `${s.toFixed(1)} s` : `${Math.round(s)} s`;
}

/** "attempt 3", or why it was not recorded. */
export function attemptLabel(result: CheckResult): string {
  if (result.saved && result.attempt !== null) {
    return `attempt ${result.attempt}`;
  }
  if (!result.saved) {
    return result.save_error ? `not recorded: ${result.save_error}` : 'not recorded';
  }
  return '';
}

/** The captured streams that have something in them. */
export function outputSections(result: CheckResult): IOutputSection[] {
  const sections: IOutputSection[] = [];
  if (result.stdout || result.stdout_truncated) {
    sections.push({ name: 'stdout', text: result.stdout, truncated: result.stdout_truncated });
  }
  if (result.stderr || result.stderr_truncated) {
    sections.push({ name: 'stderr', text: result.stderr, truncated: result.stderr_truncated });
  }
  return sections;
}

/** Whether to show the error box: an error the headline has not already said in full. */
export function showErrorBox(result: CheckResult): boolean {
  if (!result.error) {
    return false;
  }
  // A timeout's or memory stop's message is the headline's sentence; only a traceback adds to it.
  return !(result.status === 'timeout' || result.status === 'memory') || !!result.error.traceback;
}

/**
 * Whether no case got as far as producing a value (a SyntaxError, a timeout before the first
 * case returned): the table would repeat one message per case, so the view folds it away.
 */
export function noCaseRan(result: CheckResult): boolean {
  return (
    result.status !== 'passed' &&
    result.status !== 'failed' &&
    result.cases.length > 0 &&
    result.cases.every(c => !c.passed && c.actual_preview === null)
  );
}

/** Whether a case table is worth showing (a syntax error, for one, comes with no cases). */
export function hasCases(result: CheckResult): boolean {
  return result.cases.length > 0;
}
