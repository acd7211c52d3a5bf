import { describe, expect, it } from 'vitest';

import { ProblemsTree } from '../src/tree';
import { summary } from '../../packages/client/test/fixtures';

function progress() {
  return {
    user: 'os:learner',
    problems: [
      summary({ id: 'nnx-ema-step', order: 19, status: 'solved', attempts: 2 }),
      summary({ id: 'nnx-counters', title: 'Counters', order: 14, status: 'attempted' }),
      summary({
        id: 'jax-add',
        title: 'Add',
        order: 1,
        sprint: 'A',
        sprint_title: 'JAX',
        status: 'new'
      })
    ],
    sprints: [],
    solved: 1,
    total: 3
  };
}

describe('the problems tree', () => {
  it('lists sprints in track order with "n of m solved"', () => {
    const tree = new ProblemsTree();
    tree.update(progress());
    const sprints = tree.getChildren().map(n => tree.getTreeItem(n));
    expect(sprints.map(s => s.label)).toEqual(['A · JAX', 'B · Flax NNX']);
    expect(sprints[1].description).toBe('1 of 2 solved · 1 attempted');
  });
  it('shows each problem with a status icon and opens it on click', () => {
    const tree = new ProblemsTree();
    tree.update(progress());
    const b = tree.getChildren()[1];
    const items = tree.getChildren(b).map(n => tree.getTreeItem(n));
    expect(items.map(i => i.label)).toEqual(['14 · Counters', '19 · EMA step']);
    expect(items.map(i => (i.iconPath as any).id)).toEqual(['circle-large-filled', 'pass-filled']);
    expect(items[1].command).toMatchObject({
      command: 'jaxlings.openProblem',
      arguments: ['nnx-ema-step']
    });
    expect(items[1].contextValue).toBe('problem');
  });
  it('filters by words and drops sprints with no match', () => {
    const tree = new ProblemsTree();
    tree.update(progress());
    tree.setFilter('ema');
    const sprints = tree.getChildren();
    expect(sprints).toHaveLength(1);
    expect(tree.getChildren(sprints[0]).map(n => (n as any).problem.id)).toEqual(['nnx-ema-step']);
  });
});
