import { describe, expect, it } from 'vitest';

import type { Overview } from '../src/types';
import {
  ago,
  duration,
  heatCells,
  median,
  percent,
  pickProblem,
  pollSeconds,
  problemsBySprint,
  ranked,
  startedColumns,
  themeParam
} from '../src/view';

const problem = (id: string, sprint: string, order: number, started: number, solved: number) => ({
  id,
  title: id.toUpperCase(),
  sprint,
  order,
  started,
  solved,
  solve_rate: started ? solved / started : 0,
  median_attempts_to_solve: null,
  median_time_to_solve_s: null,
  hints_revealed: 0,
  solutions_revealed: 0
});

const overview: Overview = {
  generated_at: 1000,
  learners: [],
  problems: [
    problem('b', 'A', 2, 2, 2),
    problem('a', 'A', 1, 0, 0),
    problem('c', 'B', 1, 3, 1),
    problem('d', 'B', 2, 1, 1)
  ],
  sprints: [
    { key: 'A', title: 'Sprint A', problems: 2, started: 2, solved: 2 },
    { key: 'B', title: 'Sprint B', problems: 2, started: 3, solved: 1 }
  ]
};

describe('the dashboard in words', () => {
  it('says durations, rates and medians as an instructor reads them', () => {
    expect(duration(null)).toBe('—');
    expect(duration(42.4)).toBe('42 s');
    expect(duration(185)).toBe('3 min');
    expect(duration(3900)).toBe('1 h 5 min');
    expect(duration(2 * 86400 + 3 * 3600)).toBe('2 d 3 h');
    expect(percent(0.5)).toBe('50 %');
    expect(percent(null)).toBe('—');
    expect(median(2)).toBe('2');
    expect(median(2.5)).toBe('2.5');
    expect(ago(990, 1000)).toBe('just now');
    expect(ago(1000 - 240, 1000)).toBe('4 min ago');
    expect(ago(null, 1000)).toBe('never');
  });

  it('reads the theme and the poll period from the address, nothing else', () => {
    expect(themeParam('?theme=dark')).toBe('dark');
    expect(themeParam('?theme=light')).toBe('light');
    expect(themeParam('?theme=<script>')).toBeNull();
    expect(pollSeconds('')).toBe(5);
    expect(pollSeconds('?poll=2')).toBe(2);
    expect(pollSeconds('?poll=0')).toBe(5);
  });
});

describe('the dashboard in rows', () => {
  it('groups problems under their sprint in track order, hiding the untouched on request', () => {
    const all = problemsBySprint(overview, false);
    expect(all.map(g => [g.sprint.key, g.problems.map(p => p.id)])).toEqual([
      ['A', ['a', 'b']],
      ['B', ['c', 'd']]
    ]);
    const started = problemsBySprint(overview, true);
    expect(started[0].problems.map(p => p.id)).toEqual(['b']);
  });

  it('opens the map on the problem most learners are stuck on, and keeps a choice', () => {
    expect(pickProblem(overview, null)).toBe('c');
    expect(pickProblem(overview, 'd')).toBe('d');
    expect(pickProblem(overview, 'gone')).toBe('c');
    expect(pickProblem({ ...overview, problems: [problem('a', 'A', 1, 0, 0)] }, null)).toBeNull();
  });

  it('ranks the map most frequent first, ties by name', () => {
    const rows = [
      { name: 'b', kind: 'case' as const, count: 2 },
      { name: 'a', kind: 'case' as const, count: 2 },
      { name: 'c', kind: 'structure' as const, count: 5 }
    ];
    expect(ranked(rows).map(r => r.name)).toEqual(['c', 'a', 'b']);
  });

  it('turns the matrix into cells, with only started problems as columns', () => {
    const matrix = {
      learners: ['ann', 'bob'],
      problems: ['p1', 'p2', 'p3'],
      cells: [
        ['solved', 'new', 'new'],
        ['attempted', 'new', 'solved']
      ] as ('solved' | 'attempted' | 'new')[][]
    };
    expect(startedColumns(matrix)).toEqual(['p1', 'p3']);
    expect(heatCells(matrix)).toContainEqual({ learner: 'bob', problem: 'p3', status: 'solved' });
    expect(heatCells(matrix)).toHaveLength(6);
  });
});
