import { describe, expect, it } from 'vitest';

import type { ArrayDiff, Attempt } from '../src/api';
import {
  attemptTitle,
  defaultPair,
  diffElements,
  diffHeatmaps,
  diffTitle,
  formatElement,
  pitfallHeadline,
  progressOverview,
  SAME_ERROR,
  streakLabel
} from '../src/feedback';
import { caseRows } from '../src/results';
import { result } from './fixtures';

function diff(overrides: Partial<ArrayDiff> = {}): ArrayDiff {
  return {
    output: null,
    full_shape: [2, 3],
    shape: [2, 3],
    offset: [0, 0],
    channels_last: false,
    expected: [0, 1, 2, 3, 4, 5],
    actual: [0, 1, 9, 3, null, 5],
    differs: [2, 4],
    ...overrides
  };
}

describe('array diffs', () => {
  it('marks the differing elements of a 1-D output at their own indices', () => {
    const d = diff({
      full_shape: [100],
      shape: [3],
      offset: [40],
      expected: [1, 2, 3],
      actual: [1, 5, 3],
      differs: [1]
    });
    expect(diffElements(d).map(e => [e.index, e.differs])).toEqual([
      [40, false],
      [41, true],
      [42, false]
    ]);
    expect(diffTitle(d)).toBe('shape (100,)');
  });

  it('lays a matrix out as expected, actual and difference cells', () => {
    const maps = diffHeatmaps(diff());
    expect(maps.rows).toBe(2);
    expect(maps.cols).toBe(3);
    expect(maps.slices).toEqual(['']);
    expect(maps.cutNote).toBeNull();
    const at = (panel: string, row: number, col: number) =>
      maps.cells.find(c => c.panel === panel && c.row === row && c.col === col);
    expect(at('difference', 0, 2)).toMatchObject({ value: 7, differs: true });
    expect(at('actual', 1, 1)).toMatchObject({ value: null, differs: true });
    expect(at('difference', 1, 1)?.value).toBeNull();
    expect(maps.maxGap).toBe(7);
  });

  it('names the slices of a 3-D output and says where a cut was taken', () => {
    const d = diff({
      output: 'weights',
      full_shape: [40, 50, 3],
      shape: [3, 2, 1],
      offset: [0, 10, 20],
      channels_last: true
    });
    const maps = diffHeatmaps(d);
    expect(maps.slices).toEqual(['channel 0', 'channel 1', 'channel 2']);
    expect(maps.cutNote).toBe(
      'Showing rows 10–11 of 40, columns 20–20 of 50, around the largest difference.'
    );
    expect(diffTitle(d)).toBe('weights, shape (40, 50, 3)');
  });

  it('writes elements short', () => {
    expect(formatElement(0.123456)).toBe('0.1235');
    expect(formatElement(3)).toBe('3');
    expect(formatElement(null)).toBe('NaN/∞');
  });
});

describe('case rows', () => {
  it('say the error once when every visible case raised it', () => {
    const message = "line 2: NameError: name 'ema_ar' is not defined. Did you mean: 'ema_arr'?";
    const r = result({
      status: 'error',
      error: { type: 'NameError', message, line: 2, traceback: null },
      cases: result().cases.map(c => ({
        ...c,
        passed: false,
        message: c.hidden ? c.message : message
      }))
    });
    const rows = caseRows(r);
    expect(rows.filter(row => !row.hidden).map(row => row.message)).toEqual([
      SAME_ERROR,
      SAME_ERROR
    ]);
  });

  it('carry per-case output and the diff of a failed visible case only', () => {
    const cases = result().cases.map(c => ({ ...c, stdout: 'hello\n', diff: diff() }));
    const rows = caseRows(result({ cases }));
    expect(rows.map(r => [r.output, r.diff !== null])).toEqual([
      ['hello\n', true],
      ['hello\n', false],
      [null, false]
    ]);
  });
});

describe('pitfalls', () => {
  it('are named in a sentence', () => {
    expect(
      pitfallHeadline({ file: 'swapped_blend', title: 'Swapped blend', summary_md: 'The weights…' })
    ).toBe('This looks like a pitfall the statement lists: Swapped blend.');
  });
});

describe('attempt history', () => {
  const attempt = (number: number, at: number): Attempt => ({
    number,
    at,
    status: 'failed',
    passed: false,
    duration_ms: 10,
    code: `x = ${number}`
  });

  it('compares the last two attempts by default', () => {
    expect(defaultPair([attempt(1, 0)])).toBeNull();
    expect(defaultPair([attempt(1, 0), attempt(2, 1), attempt(3, 2)])).toEqual([2, 3]);
  });

  it('titles an attempt with its number, verdict and time', () => {
    const now = new Date(2026, 11, 1, 15, 0);
    const t = new Date(2026, 11, 1, 14, 5).getTime() / 1000;
    expect(attemptTitle(attempt(3, t), now)).toMatch(/^#3 · failed · (14|02).05/);
  });
});

describe('progress overview', () => {
  const now = new Date(2026, 11, 10, 18, 0);
  const at = (daysAgo: number, hour = 10) =>
    new Date(2026, 11, 10 - daysAgo, hour).getTime() / 1000;

  it('counts Checks per local day and the days in a row up to today', () => {
    const o = progressOverview(
      [
        { at: at(5), passed: false },
        { at: at(2), passed: false },
        { at: at(1), passed: true },
        { at: at(0, 8), passed: false },
        { at: at(0, 9), passed: true }
      ],
      now,
      7
    );
    expect(o.days.map(d => d.attempts)).toEqual([0, 1, 0, 0, 1, 1, 2]);
    expect(o.days[6]).toEqual({ day: '2026-12-10', attempts: 2, passed: 1 });
    expect(o.streak).toBe(3);
    expect(o.checks).toBe(5);
    expect(streakLabel(o.streak)).toBe('3-day streak');
  });

  it('keeps a streak alive until today ends', () => {
    expect(progressOverview([{ at: at(1), passed: true }], now).streak).toBe(1);
    expect(progressOverview([{ at: at(2), passed: true }], now).streak).toBe(0);
    expect(streakLabel(0)).toMatch(/No streak yet/);
  });
});
