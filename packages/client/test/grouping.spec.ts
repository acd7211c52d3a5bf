import { describe, expect, it } from 'vitest';

import {
  groupBySprint,
  matchesFilter,
  percentSolved,
  problemNumber,
  sprintProgressLabel
} from '../src/grouping';
import { summary } from './fixtures';

const bank = [
  summary({
    id: 'nnx-ema-step',
    title: 'EMA step',
    sprint: 'B',
    sprint_title: 'Flax NNX',
    order: 19,
    status: 'solved'
  }),
  summary({
    id: 'jax-grad',
    title: 'Gradients',
    sprint: 'A',
    sprint_title: 'JAX core',
    order: 5,
    status: 'attempted',
    attempts: 2
  }),
  summary({
    id: 'jax-immutable-update',
    title: 'Immutable update',
    sprint: 'A',
    sprint_title: 'JAX core',
    order: 1
  }),
  summary({
    id: 'nnx-module-basics',
    title: 'Module basics',
    sprint: 'B',
    sprint_title: 'Flax NNX',
    order: 13
  })
];

describe('groupBySprint', () => {
  it('orders sprints by their first problem and problems by number', () => {
    const groups = groupBySprint(bank);
    expect(groups.map(g => g.key)).toEqual(['A', 'B']);
    expect(groups[0].problems.map(p => p.order)).toEqual([1, 5]);
    expect(groups[1].problems.map(p => p.order)).toEqual([13, 19]);
    expect(groups[1].title).toBe('Flax NNX');
  });

  it('counts solved and attempted per sprint', () => {
    const [a, b] = groupBySprint(bank);
    expect([a.total, a.solved, a.attempted]).toEqual([2, 0, 1]);
    expect([b.total, b.solved, b.attempted]).toEqual([2, 1, 0]);
  });

  it('keeps whole-sprint counts and drops empty sprints while filtering', () => {
    const groups = groupBySprint(bank, 'ema');
    expect(groups.map(g => g.key)).toEqual(['B']);
    expect(groups[0].problems.map(p => p.id)).toEqual(['nnx-ema-step']);
    expect(groups[0].total).toBe(2);
  });

  it("takes the server's sprint totals when given", () => {
    const groups = groupBySprint(bank, '', [
      { key: 'A', title: 'JAX core', total: 12, solved: 3, attempted: 1 }
    ]);
    expect(groups[0].total).toBe(12);
    expect(groups[0].solved).toBe(3);
  });

  it('returns nothing for an empty bank', () => {
    expect(groupBySprint([])).toEqual([]);
  });
});

describe('matchesFilter', () => {
  const ema = bank[0];
  it.each([
    ['', true],
    ['EMA', true],
    ['ema step', true],
    ['nnx-ema', true],
    ['19', true],
    ['#19', true],
    ['1', false],
    ['solved', true],
    ['attempted', false],
    ['flax', true],
    ['ema grad', false]
  ])('%j → %s', (filter, expected) => {
    expect(matchesFilter(ema, filter)).toBe(expected);
  });
});

describe('labels', () => {
  it('pads problem numbers to two digits', () => {
    expect(problemNumber(7)).toBe('07');
    expect(problemNumber(19)).toBe('19');
    expect(problemNumber(123)).toBe('123');
  });

  it('says progress in words and percent', () => {
    expect(sprintProgressLabel({ total: 8, solved: 3, attempted: 0 })).toBe('3 of 8 solved');
    expect(sprintProgressLabel({ total: 8, solved: 3, attempted: 2 })).toBe(
      '3 of 8 solved · 2 attempted'
    );
    expect(percentSolved({ total: 8, solved: 3 })).toBe(38);
    expect(percentSolved({ total: 0, solved: 0 })).toBe(0);
  });
});
