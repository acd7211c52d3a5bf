/**
 * What a failed case shows beyond its sentence (the differing elements, heatmap cells of
 * expected, actual and their difference, the pitfall it resembles), the learner's attempt
 * history, and the progress overview's days and streak. Pure: both front ends draw from it.
 */
import type { ActivityMark, ArrayDiff, Attempt, Pitfall } from './api';

/** One element of a 1-D output, for the row of highlighted elements. */
export interface IElement {
  index: number;
  expected: number | null;
  actual: number | null;
  differs: boolean;
}

/** One cell of a heatmap: a value of expected, actual or their difference at (slice, row, col). */
export interface IHeatCell {
  panel: 'expected' | 'actual' | 'difference';
  /** The 2-D slice's label ("" for a 2-D output, "[2]" or "channel 2" for a 3-D one). */
  slice: string;
  row: number;
  col: number;
  value: number | null;
  differs: boolean;
}

export interface IHeatmaps {
  cells: IHeatCell[];
  slices: string[];
  rows: number;
  cols: number;
  /** "rows 64–127 of 200, columns 0–63 of 300", when the drawing is a cut of a larger output. */
  cutNote: string | null;
  /** The largest |expected − actual| drawn (the difference panel's scale). */
  maxGap: number;
}

/** "grads", "[1]": which output of a tuple or dict the picture is of ("" for the only one). */
export function diffTitle(diff: ArrayDiff): string {
  const shape = `(${diff.full_shape.join(', ')}${diff.full_shape.length === 1 ? ',' : ''})`;
  return diff.output ? `${diff.output}, shape ${shape}` : `shape ${shape}`;
}

/** The elements of a 1-D diff, each marked when it differs beyond the tolerance. */
export function diffElements(diff: ArrayDiff): IElement[] {
  const differs = new Set(diff.differs);
  const start = diff.offset[0] ?? 0;
  return diff.expected.map((e, i) => ({
    index: start + i,
    expected: e,
    actual: diff.actual[i] ?? null,
    differs: differs.has(i)
  }));
}

function cutNote(diff: ArrayDiff): string | null {
  const names = diff.shape.length === 3 ? ['slices', 'rows', 'columns'] : ['rows', 'columns'];
  const full = diff.channels_last
    ? [diff.full_shape[2], diff.full_shape[0], diff.full_shape[1]]
    : diff.full_shape;
  const parts: string[] = [];
  diff.shape.forEach((n, axis) => {
    if (n < full[axis]) {
      const from = diff.offset[axis];
      parts.push(`${names[axis]} ${from}–${from + n - 1} of ${full[axis]}`);
    }
  });
  return parts.length ? `Showing ${parts.join(', ')}, around the largest difference.` : null;
}

/** Heatmap cells of a 2-D or 3-D diff: expected, actual and actual − expected, per slice. */
export function diffHeatmaps(diff: ArrayDiff): IHeatmaps {
  const [slices, rows, cols] = diff.shape.length === 3 ? diff.shape : [1, ...diff.shape];
  const differs = new Set(diff.differs);
  const labels: string[] = [];
  for (let s = 0; s < slices; s++) {
    const index = (diff.shape.length === 3 ? diff.offset[0] : 0) + s;
    labels.push(
      diff.shape.length < 3 ? '' : diff.channels_last ? `channel ${index}` : `[${index}]`
    );
  }
  const cells: IHeatCell[] = [];
  let maxGap = 0;
  for (let i = 0; i < diff.expected.length; i++) {
    const slice = labels[Math.floor(i / (rows * cols))];
    const row = Math.floor(i / cols) % rows;
    const col = i % cols;
    const e = diff.expected[i];
    const a = diff.actual[i];
    const gap = e === null || a === null ? null : a - e;
    if (gap !== null) {
      maxGap = Math.max(maxGap, Math.abs(gap));
    }
    const d = differs.has(i);
    cells.push({ panel: 'expected', slice, row, col, value: e, differs: d });
    cells.push({ panel: 'actual', slice, row, col, value: a, differs: d });
    cells.push({ panel: 'difference', slice, row, col, value: gap, differs: d });
  }
  return { cells, slices: labels, rows, cols, cutNote: cutNote(diff), maxGap };
}

/** "1.5", "-0.0003", "NaN or ∞" for an element shown as text. */
export function formatElement(value: number | null): string {
  if (value === null) {
    return 'NaN/∞';
  }
  return Number.isInteger(value) ? String(value) : String(Number(value.toPrecision(4)));
}

/** The sentence naming the listed pitfall a wrong answer resembles. */
export function pitfallHeadline(pitfall: Pitfall): string {
  const title = pitfall.title.replace(/\.$/, '');
  return `This looks like a pitfall the statement lists: ${title}.`;
}

/**
 * The repeated error of a Check whose every visible case raised the same error: the view
 * shows it once above the table, and each row says so instead of repeating it.
 */
export const SAME_ERROR = 'Raised the error shown above.';

/** "#3 · failed · 14:05, 2 Dec" for an attempt in the history list (local time). */
export function attemptTitle(attempt: Attempt, now: Date = new Date()): string {
  return `#${attempt.number} · ${attempt.status} · ${whenLabel(attempt.at, now)}`;
}

/** A Unix time as the learner reads it: "14:05" today, "14:05, 2 Dec" on another day. */
export function whenLabel(at: number, now: Date = new Date()): string {
  const d = new Date(at * 1000);
  const time = d.toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' });
  if (dayKey(d) === dayKey(now)) {
    return time;
  }
  return `${time}, ${d.toLocaleDateString(undefined, { day: 'numeric', month: 'short' })}`;
}

/** The two attempts a diff compares by default: the one before the last, and the last. */
export function defaultPair(attempts: readonly Attempt[]): [number, number] | null {
  if (attempts.length < 2) {
    return null;
  }
  const n = attempts.length;
  return [attempts[n - 2].number, attempts[n - 1].number];
}

export interface IDay {
  /** "2026-12-01", in the learner's time zone. */
  day: string;
  attempts: number;
  passed: number;
}

export interface IOverview {
  /** The last `days` days, oldest first, each with its Checks and passing Checks. */
  days: IDay[];
  /** Days in a row, up to today (or up to yesterday, while today has no Check yet), with a Check. */
  streak: number;
  /** Checks over the days shown. */
  checks: number;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** A date's day in local time, as YYYY-MM-DD. */
export function dayKey(d: Date): string {
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** Checks per day over the last `days` days and the current streak, in local time. */
export function progressOverview(
  activity: readonly ActivityMark[],
  now: Date = new Date(),
  days = 14
): IOverview {
  const counts = new Map<string, IDay>();
  for (const mark of activity) {
    const key = dayKey(new Date(mark.at * 1000));
    const day = counts.get(key) ?? { day: key, attempts: 0, passed: 0 };
    day.attempts += 1;
    day.passed += Number(mark.passed);
    counts.set(key, day);
  }
  const back = (n: number) =>
    dayKey(new Date(now.getFullYear(), now.getMonth(), now.getDate() - n, 12));
  const shown: IDay[] = [];
  for (let n = days - 1; n >= 0; n--) {
    const key = back(n);
    shown.push(counts.get(key) ?? { day: key, attempts: 0, passed: 0 });
  }
  let streak = 0;
  for (let n = counts.has(back(0)) ? 0 : 1; counts.has(back(n)); n++) {
    streak++;
  }
  return { days: shown, streak, checks: shown.reduce((sum, d) => sum + d.attempts, 0) };
}

/** "3-day streak", or "No streak yet". */
export function streakLabel(streak: number): string {
  return streak > 0 ? `${streak}-day streak` : 'No streak yet';
}
