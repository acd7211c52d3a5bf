/**
 * What a Check acts on: an open notebook (its chosen cell) or a whole .py file, found from the
 * command's arguments and the focused widget. Written over `IWorkspace` so the choice is plain
 * logic; `labWorkspace` in workspace.ts answers it from JupyterLab's trackers.
 */
import type { ReadonlyPartialJSONObject } from '@lumino/coreutils';

export type Target<N, F> = { kind: 'notebook'; panel: N } | { kind: 'file'; widget: F };

/** The focused main-area widget, as far as a Check cares. */
export type Focus<N, F> =
  | { kind: 'notebook'; panel: N }
  | { kind: 'file'; widget: F }
  | { kind: 'view'; problem: string }
  | { kind: 'other' };

/** The open notebooks and editors, and what each is bound to. */
export interface IWorkspace<N, F> {
  /** The notebook tracker's current notebook (the last one focused). */
  currentNotebook(): N | null;
  notebooks(): readonly N[];
  /** Open file editors (any language). */
  files(): readonly F[];
  notebookId(panel: N): string;
  notebookProblem(panel: N): string | null;
  fileProblem(widget: F): string | null;
  isPythonFile(widget: F): boolean;
  focus(): Focus<N, F> | null;
}

export function targetProblem<N, F>(ws: IWorkspace<N, F>, target: Target<N, F>): string | null {
  return target.kind === 'notebook'
    ? ws.notebookProblem(target.panel)
    : ws.fileProblem(target.widget);
}

/** The open notebook (preferably the current one) or .py file bound to a problem. */
export function editorFor<N, F>(ws: IWorkspace<N, F>, id: string): Target<N, F> | null {
  const current = ws.currentNotebook();
  if (current && ws.notebookProblem(current) === id) {
    return { kind: 'notebook', panel: current };
  }
  const panel = ws.notebooks().find(p => ws.notebookProblem(p) === id);
  if (panel) {
    return { kind: 'notebook', panel };
  }
  const file = ws.files().find(w => ws.isPythonFile(w) && ws.fileProblem(w) === id);
  return file ? { kind: 'file', widget: file } : null;
}

/**
 * What a Check would act on: the notebook named by `args.notebook` (a toolbar button), the
 * editor bound to `args.problem` (a problem view), else the focused notebook or .py file, else
 * the editor bound to the focused problem view, else the current notebook.
 */
export function resolveTarget<N, F>(
  ws: IWorkspace<N, F>,
  args: ReadonlyPartialJSONObject
): Target<N, F> | null {
  if (typeof args.notebook === 'string') {
    const panel = ws.notebooks().find(p => ws.notebookId(p) === args.notebook);
    return panel ? { kind: 'notebook', panel } : null;
  }
  if (typeof args.problem === 'string') {
    return editorFor(ws, args.problem);
  }
  const focus = ws.focus();
  if (focus?.kind === 'notebook') {
    return focus;
  }
  if (focus?.kind === 'file') {
    return ws.isPythonFile(focus.widget) ? focus : null;
  }
  if (focus?.kind === 'view') {
    return editorFor(ws, focus.problem);
  }
  const current = ws.currentNotebook();
  return current ? { kind: 'notebook', panel: current } : null;
}

/** A command argument as a string ('' when absent or not a string). */
export function stringArg(args: ReadonlyPartialJSONObject, name: string): string {
  const value = args[name];
  return typeof value === 'string' ? value : '';
}
