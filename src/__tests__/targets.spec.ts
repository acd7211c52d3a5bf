import { describe, expect, it } from 'vitest';

import { editorFor, Focus, IWorkspace, resolveTarget, stringArg, targetProblem } from '../targets';

interface INb {
  id: string;
  problem: string | null;
}
interface IFile {
  path: string;
  problem: string | null;
}

function workspace(
  notebooks: INb[],
  files: IFile[] = [],
  focus: Focus<INb, IFile> | null = null,
  current: INb | null = null
): IWorkspace<INb, IFile> {
  return {
    currentNotebook: () => current,
    notebooks: () => notebooks,
    files: () => files,
    notebookId: n => n.id,
    notebookProblem: n => n.problem,
    fileProblem: f => f.problem,
    isPythonFile: f => f.path.endsWith('.py'),
    focus: () => focus
  };
}

const ema: INb = { id: 'nb-1', problem: 'nnx-ema-step' };
const ema2: INb = { id: 'nb-2', problem: 'nnx-ema-step' };
const loose: INb = { id: 'nb-3', problem: null };
const script: IFile = { path: 'work/counters.py', problem: 'nnx-counters-and-buffers' };
const notes: IFile = { path: 'notes.md', problem: 'nnx-counters-and-buffers' };

describe('editorFor', () => {
  it('prefers the current notebook, then any bound notebook, then a bound .py file', () => {
    expect(editorFor(workspace([ema, ema2], [], null, ema2), 'nnx-ema-step')).toEqual({
      kind: 'notebook',
      panel: ema2
    });
    expect(editorFor(workspace([ema, ema2], [], null, loose), 'nnx-ema-step')).toEqual({
      kind: 'notebook',
      panel: ema
    });
    expect(editorFor(workspace([ema], [notes, script]), 'nnx-counters-and-buffers')).toEqual({
      kind: 'file',
      widget: script
    });
  });

  it('finds nothing for a problem no editor is bound to, nor in a non-Python file', () => {
    expect(editorFor(workspace([ema, loose], [notes]), 'nnx-counters-and-buffers')).toBeNull();
  });
});

describe('resolveTarget', () => {
  it("follows the toolbar button's notebook, even when another is focused", () => {
    const ws = workspace([ema, loose], [], { kind: 'notebook', panel: ema }, ema);
    expect(resolveTarget(ws, { notebook: 'nb-3' })).toEqual({ kind: 'notebook', panel: loose });
    expect(resolveTarget(ws, { notebook: 'closed' })).toBeNull();
  });

  it("checks the problem's editor when a problem view asks", () => {
    const ws = workspace([loose], [script], { kind: 'other' });
    expect(resolveTarget(ws, { problem: 'nnx-counters-and-buffers' })).toEqual({
      kind: 'file',
      widget: script
    });
  });

  it('uses the focused notebook, .py file or problem view', () => {
    expect(resolveTarget(workspace([loose], [], { kind: 'notebook', panel: loose }), {})).toEqual({
      kind: 'notebook',
      panel: loose
    });
    expect(resolveTarget(workspace([], [script], { kind: 'file', widget: script }), {})).toEqual({
      kind: 'file',
      widget: script
    });
    expect(resolveTarget(workspace([], [notes], { kind: 'file', widget: notes }), {})).toBeNull();
    const view: Focus<INb, IFile> = { kind: 'view', problem: 'nnx-ema-step' };
    expect(resolveTarget(workspace([loose, ema], [], view, loose), {})).toEqual({
      kind: 'notebook',
      panel: ema
    });
  });

  it('falls back to the current notebook when something else has focus', () => {
    expect(resolveTarget(workspace([ema], [], { kind: 'other' }, ema), {})).toEqual({
      kind: 'notebook',
      panel: ema
    });
    expect(resolveTarget(workspace([], [], null, null), {})).toBeNull();
  });
});

describe('targetProblem and stringArg', () => {
  it('reads the binding of either kind of target', () => {
    const ws = workspace([ema], [script]);
    expect(targetProblem(ws, { kind: 'notebook', panel: ema })).toBe('nnx-ema-step');
    expect(targetProblem(ws, { kind: 'file', widget: script })).toBe('nnx-counters-and-buffers');
    expect(targetProblem(ws, { kind: 'notebook', panel: loose })).toBeNull();
  });

  it('takes only strings from command arguments', () => {
    expect(stringArg({ id: 'nnx-ema-step' }, 'id')).toBe('nnx-ema-step');
    expect(stringArg({ id: 3 }, 'id')).toBe('');
    expect(stringArg({}, 'id')).toBe('');
  });
});
