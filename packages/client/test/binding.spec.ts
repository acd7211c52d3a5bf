import { describe, expect, it } from 'vitest';

import {
  definesFunction,
  earlierCells,
  guessProblem,
  notebookPath,
  parentFolder,
  pickSourceCell,
  problemIdFromMetadata,
  problemIdFromSource
} from '../src/binding';
import { displayMarkdown, STARTER_CELL_INDEX, starterNotebook } from '../src/starter';
import { signatureLine } from '../src/text';
import { detail } from './fixtures';

describe('problem binding', () => {
  it('reads notebook metadata', () => {
    expect(problemIdFromMetadata({ problem: 'nnx-ema-step' })).toBe('nnx-ema-step');
    expect(problemIdFromMetadata({ problem: '../etc' })).toBeNull();
    expect(problemIdFromMetadata(undefined)).toBeNull();
    expect(problemIdFromMetadata('nnx-ema-step')).toBeNull();
  });

  it('reads the first line of a .py file', () => {
    expect(problemIdFromSource('# jaxlings: nnx-ema-step\ndef ema_step(): ...')).toBe(
      'nnx-ema-step'
    );
    expect(problemIdFromSource('#jaxlings:nnx-ema-step')).toBe('nnx-ema-step');
    expect(problemIdFromSource('import jax\n# jaxlings: nnx-ema-step')).toBeNull();
    expect(problemIdFromSource('')).toBeNull();
  });
});

describe('pickSourceCell', () => {
  const cells = [
    { type: 'markdown', source: '# EMA step' },
    { type: 'code', source: 'import jax' },
    { type: 'code', source: 'def ema_step(seed, p, e, d):\n    return p' },
    { type: 'code', source: 'ema_step(0.0, 1, 2, 0.5)' }
  ];

  it('takes the active cell when it defines the function', () => {
    expect(pickSourceCell(cells, 2, 'ema_step')).toBe(2);
  });

  it('falls back to the nearest defining cell above, then below', () => {
    expect(pickSourceCell(cells, 3, 'ema_step')).toBe(2);
    expect(pickSourceCell(cells, 0, 'ema_step')).toBe(2);
    expect(pickSourceCell(cells, 1, 'ema_step')).toBe(2);
  });

  it('takes the active code cell when no cell defines the function', () => {
    expect(pickSourceCell(cells, 1, 'other_fn')).toBe(1);
    expect(pickSourceCell(cells, 3, null)).toBe(3);
  });

  it('gives null when there is no code to send', () => {
    expect(pickSourceCell([{ type: 'markdown', source: 'x' }], 0, 'ema_step')).toBeNull();
  });

  it('recognises def lines only', () => {
    expect(definesFunction('def ema_step(a):', 'ema_step')).toBe(true);
    expect(definesFunction('  def ema_step (a):', 'ema_step')).toBe(true);
    expect(definesFunction('ema_step(0)', 'ema_step')).toBe(false);
    expect(definesFunction('def ema_step_v2(a):', 'ema_step')).toBe(false);
  });
});

describe('notebook path and content', () => {
  it('names the notebook <NN>-<id>.ipynb in the folder', () => {
    expect(notebookPath('jaxlings', 19, 'nnx-ema-step')).toBe('jaxlings/19-nnx-ema-step.ipynb');
    expect(notebookPath('/work/jax/', 7, 'a')).toBe('work/jax/07-a.ipynb');
    expect(notebookPath('', 7, 'a')).toBe('07-a.ipynb');
    expect(parentFolder('jaxlings/19-x.ipynb')).toBe('jaxlings');
    expect(parentFolder('19-x.ipynb')).toBe('');
  });

  it('binds the starter notebook and puts the starter in a code cell', () => {
    const nb = starterNotebook(detail()) as {
      metadata: Record<string, unknown>;
      cells: { cell_type: string; source: string }[];
      nbformat: number;
    };
    expect(nb.metadata.jaxlings).toEqual({ problem: 'nnx-ema-step' });
    expect(nb.cells[STARTER_CELL_INDEX].cell_type).toBe('code');
    expect(nb.cells[STARTER_CELL_INDEX].source).toContain(
      'def ema_step(seed, params_arr, ema_arr, decay):'
    );
    expect(nb.nbformat).toBe(4);
  });

  it('rewrites fence info strings the highlighter does not know', () => {
    expect(displayMarkdown('```python no-run\nx\n```\n```pycon\n>>> 1\n```')).toBe(
      '```python\nx\n```\n```python\n>>> 1\n```'
    );
    expect(displayMarkdown('```text\nx\n```')).toBe('```text\nx\n```');
  });

  it('writes the signature as a def line', () => {
    expect(signatureLine('f', 'f(a, b)')).toBe('def f(a, b)');
    expect(signatureLine('f', '(a, b)')).toBe('def f(a, b)');
    expect(signatureLine('f', 'def f(a, b):')).toBe('def f(a, b)');
    expect(signatureLine('f', '')).toBe('def f(...)');
  });
});

describe('earlierCells', () => {
  const cells = [
    { type: 'markdown', source: '# title' },
    { type: 'code', source: 'import jax\n' },
    { type: 'code', source: '   ' },
    { type: 'code', source: 'def helper(x):\n    return x\n' },
    { type: 'code', source: 'def f(x):\n    return helper(x)\n' },
    { type: 'code', source: 'print(f(1))\n' }
  ];

  it('sends the code cells above the checked one, numbered as in the notebook', () => {
    expect(earlierCells(cells, 4)).toEqual([
      { cell: 2, code: 'import jax\n' },
      { cell: 4, code: 'def helper(x):\n    return x\n' }
    ]);
    expect(earlierCells(cells, 1)).toEqual([]);
  });

  it('keeps the nearest cells when they are too large together', () => {
    const budget = new TextEncoder().encode(cells[4].source + cells[3].source).length;
    expect(earlierCells(cells, 4, budget).map(c => c.cell)).toEqual([4]);
  });
});

describe('guessProblem', () => {
  const problems = [
    { id: 'jax-immutable-update', function: 'set_rows' },
    { id: 'nnx-ema-step', function: 'ema_step' }
  ];

  it('proposes the problem whose function the code defines, in the order of the sources', () => {
    expect(guessProblem(['x = 1', 'def ema_step(seed, a, b, d):\n    ...'], problems)).toBe(
      'nnx-ema-step'
    );
    expect(guessProblem(['print(ema_step)'], problems)).toBeNull();
  });
});
