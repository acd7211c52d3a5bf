/** The dashboard's view logic, pure (no DOM): numbers into words, answers into rows. */
import type {
  CellStatus,
  Failure,
  Matrix,
  Overview,
  PitfallCount,
  ProblemDetail,
  ProblemSummary,
  Seconds,
  SprintSummary
} from './types';

export type Theme = 'light' | 'dark';

/** `?theme=light|dark` pins the theme; anything else follows the browser's preference. */
export function themeParam(search: string): Theme | null {
  const value = new URLSearchParams(search).get('theme');
  return value === 'light' || value === 'dark' ? value : null;
}

/** `?poll=N` (seconds, at least 1) overrides how often the page asks again; 5 s otherwise. */
export function pollSeconds(search: string): number {
  const value = Number(new URLSearchParams(search).get('poll'));
  return Number.isFinite(value) && value >= 1 ? value : 5;
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** "45 s", "3 min", "1 h 5 min", "2 d 3 h"; "—" when unknown. */
export function duration(seconds: number | null): string {
  if (seconds === null || !Number.isFinite(seconds)) {
    return '—';
  }
  const s = Math.round(seconds);
  if (s < 60) {
    return `${s} s`;
  }
  const min = Math.round(s / 60);
  if (min < 60) {
    return `${min} min`;
  }
  const h = Math.floor(min / 60);
  if (h < 24) {
    return min % 60 ? `${h} h ${min % 60} min` : `${h} h`;
  }
  const d = Math.floor(h / 24);
  return h % 24 ? `${d} d ${h % 24} h` : `${d} d`;
}

export function percent(rate: number | null): string {
  return rate === null || !Number.isFinite(rate) ? '—' : `${Math.round(rate * 100)} %`;
}

/** A median of attempts: whole numbers stay whole, halves keep one decimal. */
export function median(value: number | null): string {
  if (value === null || !Number.isFinite(value)) {
    return '—';
  }
  return Number.isInteger(value) ? String(value) : value.toFixed(1);
}

/** "just now", "4 min ago", "3 h ago", or the date for anything older than a day. */
export function ago(at: Seconds | null, now: Seconds): string {
  if (at === null) {
    return 'never';
  }
  const s = Math.max(0, now - at);
  if (s < 30) {
    return 'just now';
  }
  if (s < 86400) {
    return `${duration(s)} ago`;
  }
  return new Date(at * 1000).toISOString().slice(0, 10);
}

/** A time of day in UTC with seconds, for "updated at" and submission times. */
export function clock(at: Seconds): string {
  return new Date(at * 1000).toISOString().replace('T', ' ').slice(0, 19) + ' UTC';
}

export interface SprintRows {
  sprint: SprintSummary;
  problems: ProblemSummary[];
}

/** Problems grouped under their sprint in track order; `onlyStarted` hides the untouched. */
export function problemsBySprint(overview: Overview, onlyStarted: boolean): SprintRows[] {
  return overview.sprints
    .map(sprint => ({
      sprint,
      problems: overview.problems
        .filter(p => p.sprint === sprint.key && (!onlyStarted || p.started > 0))
        .sort((a, b) => a.order - b.order)
    }))
    .filter(group => group.problems.length > 0);
}

/**
 * The problem the misconception map opens on: the one kept if it still exists, else the started
 * problem most learners are stuck on (started but not solved), else the first one started.
 */
export function pickProblem(overview: Overview, kept: string | null): string | null {
  if (kept && overview.problems.some(p => p.id === kept)) {
    return kept;
  }
  const started = overview.problems.filter(p => p.started > 0);
  if (started.length === 0) {
    return null;
  }
  const stuck = (p: ProblemSummary) => p.started - p.solved;
  return started.reduce((best, p) => (stuck(p) > stuck(best) ? p : best)).id;
}

export interface HeatCell {
  learner: string;
  problem: string;
  status: CellStatus;
}

/** The matrix as one record a cell (what a cell mark draws), rows in the service's order. */
export function heatCells(matrix: Matrix): HeatCell[] {
  return matrix.learners.flatMap((learner, i) =>
    matrix.problems.map((problem, j) => ({ learner, problem, status: matrix.cells[i][j] }))
  );
}

/** Problems some learner has started, in the matrix's order: the heatmap's columns. */
export function startedColumns(matrix: Matrix): string[] {
  return matrix.problems.filter((_, j) => matrix.cells.some(row => row[j] !== 'new'));
}

/** Most frequent first; ties by name, so a refresh does not reorder equal rows. */
export function ranked<T extends Failure | PitfallCount>(rows: T[]): T[] {
  const key = (r: T) => ('name' in r ? r.name : r.title);
  const count = (r: T) => ('count' in r ? r.count : r.attempts);
  return [...rows].sort((a, b) => count(b) - count(a) || key(a).localeCompare(key(b)));
}

/** The map's first sentence: how the problem's attempts went. */
export function attemptsSentence(detail: ProblemDetail): string {
  const passed = detail.attempts - detail.failed_attempts - detail.errors;
  return (
    `${plural(detail.attempts, 'attempt')}: ${passed} passed, ` +
    `${detail.failed_attempts} computed a wrong value, ` +
    `${plural(detail.errors, 'error')} (raised, timed out or ran out of memory).`
  );
}

/** What a failure's kind means to an instructor reading the map. */
export function failureKind(kind: Failure['kind']): string {
  return kind === 'case' ? 'test case' : 'structural check';
}
