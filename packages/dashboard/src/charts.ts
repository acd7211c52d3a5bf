/** The dashboard's pictures, drawn by Observable Plot in the page's theme colours. */
import * as Plot from '@observablehq/plot';

import type { Activity, Matrix } from './types';
import { heatCells, plural, startedColumns } from './view';

/** The colours a chart needs, read from the page's CSS custom properties (the theme). */
export interface Palette {
  fg: string;
  muted: string;
  grid: string;
  solved: string;
  attempted: string;
  fresh: string;
  onSolved: string;
  onAttempted: string;
  accent: string;
}

export function palette(root: Element = document.documentElement): Palette {
  const css = getComputedStyle(root);
  const v = (name: string) => css.getPropertyValue(`--dash-${name}`).trim();
  return {
    fg: v('fg'),
    muted: v('muted'),
    grid: v('border'),
    solved: v('solved'),
    attempted: v('attempted'),
    fresh: v('new'),
    onSolved: v('on-solved'),
    onAttempted: v('on-attempted'),
    accent: v('accent')
  };
}

/**
 * One accessible name per chart: the plot's svg is an image with its label and description,
 * and the marks' own `aria-label`s (not allowed on a bare <g>) are dropped; legend swatches are
 * decoration. The same numbers are in the page's tables.
 */
export function asImage(chart: Element): Element {
  const svgs = chart.tagName.toLowerCase() === 'svg' ? [chart] : [...chart.querySelectorAll('svg')];
  for (const svg of svgs) {
    if (!svg.hasAttribute('aria-label')) {
      svg.setAttribute('aria-hidden', 'true');
      continue;
    }
    svg.setAttribute('role', 'img');
    for (const inner of svg.querySelectorAll('[aria-label], [aria-description]')) {
      inner.removeAttribute('aria-label');
      inner.removeAttribute('aria-description');
    }
  }
  return chart;
}

const STATUS = ['solved', 'attempted', 'new'] as const;
const GLYPH: Record<string, string> = { solved: '✓', attempted: '✗', new: '' };

function common(colors: Palette, width: number) {
  return {
    width,
    style: {
      background: 'transparent',
      color: colors.fg,
      fontSize: '12px',
      fontFamily: 'inherit',
      overflow: 'visible'
    }
  };
}

/**
 * Learners × problems: one cell each, solved / attempted / not started, with a glyph so the
 * status does not rest on colour alone. Only problems someone started are columns.
 */
export function heatmap(matrix: Matrix, colors: Palette, width: number): Element {
  const columns = startedColumns(matrix);
  const shown = new Set(columns);
  const cells = heatCells(matrix).filter(c => shown.has(c.problem));
  const label = (s: string) => (s === 'new' ? 'not started' : s);
  const longest = (names: string[]) => Math.max(4, ...names.map(n => n.length));
  // square-ish cells: a few columns stay narrow instead of stretching across the page
  const marginLeft = Math.min(220, 16 + 7.5 * longest(matrix.learners));
  const marginBottom = Math.min(180, 24 + 5.5 * longest(columns));
  const natural = marginLeft + 40 * columns.length + 30;
  return Plot.plot({
    ...common(colors, Math.max(320, Math.min(width, natural))),
    height: 30 + marginBottom + 30 * matrix.learners.length,
    marginLeft,
    marginBottom,
    ariaLabel: `Heatmap of ${plural(matrix.learners.length, 'learner')} by ${plural(columns.length, 'problem')}`,
    ariaDescription: 'Each cell is solved (✓), attempted but not solved (✗), or not started.',
    x: { domain: columns, label: null, tickRotate: -40 },
    y: { domain: matrix.learners, label: null },
    color: {
      type: 'ordinal',
      domain: STATUS.map(label),
      range: [colors.solved, colors.attempted, colors.fresh],
      legend: true
    },
    marks: [
      Plot.cell(cells, {
        x: 'problem',
        y: 'learner',
        fill: d => label(d.status),
        inset: 1,
        title: d => `${d.learner} · ${d.problem}: ${label(d.status)}`
      }),
      Plot.text(cells, {
        x: 'problem',
        y: 'learner',
        text: d => GLYPH[d.status],
        fill: d => (d.status === 'solved' ? colors.onSolved : colors.onAttempted),
        fontSize: 14,
        fontWeight: 'bold'
      })
    ]
  });
}

/** How many attempts each learner who solved the problem needed, one bar an attempt count. */
export function attemptsHistogram(attempts: number[], colors: Palette, width: number): Element {
  const most = Math.max(1, ...attempts);
  return Plot.plot({
    ...common(colors, Math.min(Math.max(width, 280), 560)),
    height: 220,
    marginBottom: 40,
    ariaLabel: 'Histogram of attempts to solve',
    x: {
      label: 'attempts to solve →',
      domain: Array.from({ length: most }, (_, i) => i + 1),
      type: 'band',
      padding: 0.1
    },
    y: { label: '↑ learners', grid: true, tickFormat: 'd', interval: 1, nice: true },
    marks: [
      Plot.barY(
        attempts,
        Plot.groupX<Plot.BarYOptions>({ y: 'count' }, { x: d => d, fill: colors.solved })
      ),
      Plot.ruleY([0], { stroke: colors.muted })
    ]
  });
}

/** Checks per time bucket, and how many of them passed, over the class's history. */
export function activityChart(activity: Activity, colors: Palette, width: number): Element {
  const rows = activity.points.flatMap(p => {
    const x1 = new Date(p.t * 1000);
    const x2 = new Date((p.t + activity.bucket_s) * 1000);
    return [
      { x1, x2, n: p.attempts - p.passed, kind: 'failed or error' },
      { x1, x2, n: p.passed, kind: 'passed' }
    ];
  });
  const bucket = activity.bucket_s * 1000;
  const first = activity.points[0].t * 1000;
  const end = activity.points[activity.points.length - 1].t * 1000 + bucket;
  // at least a dozen periods wide, so one busy period is a bar and not the whole chart
  const start = Math.min(first, end - 12 * bucket);
  const tallest = Math.max(1, ...activity.points.map(p => p.attempts));
  return Plot.plot({
    ...common(colors, Math.max(width, 320)),
    height: 240,
    ariaLabel: 'Checks over time',
    ariaDescription: 'Stacked bars: checks that passed, and checks that failed, per time bucket.',
    x: {
      type: 'utc',
      domain: [new Date(start), new Date(end)],
      label: 'time (UTC) →',
      tickFormat: end - start > 2 * 86400_000 ? '%b %d' : '%H:%M'
    },
    // whole checks only: no more ticks than the tallest bar has checks
    y: { label: '↑ checks', grid: true, tickFormat: 'd', nice: true, ticks: Math.min(5, tallest) },
    color: {
      domain: ['passed', 'failed or error'],
      range: [colors.solved, colors.attempted],
      legend: true
    },
    marks: [
      Plot.rectY(rows, Plot.stackY({ x1: 'x1', x2: 'x2', y: 'n', fill: 'kind', inset: 0.5 })),
      Plot.ruleY([0], { stroke: colors.muted })
    ]
  });
}
