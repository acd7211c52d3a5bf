/** What a Check sends: the problem a notebook cell or a .py file is for, and its code. */
import * as vscode from 'vscode';

import { pickSourceCell } from '@jaxlings/client';

import { functionLine, problemIdOfNotebook, problemIdOfPython } from './logic';

/** The code to check and where its line numbers point. */
export interface ICheckTarget {
  problemId: string;
  code: string;
  /** The document whose lines the code's lines are: the cell's or the .py file's. */
  document: vscode.TextDocument;
  cell: vscode.NotebookCell | null;
}

export function notebookProblem(notebook: vscode.NotebookDocument): string | null {
  return problemIdOfNotebook(notebook.metadata);
}

export function pythonProblem(document: vscode.TextDocument): string | null {
  return document.languageId === 'python' ? problemIdOfPython(document.getText()) : null;
}

export function cellTarget(cell: vscode.NotebookCell): ICheckTarget | null {
  const problemId = notebookProblem(cell.notebook);
  if (!problemId || cell.kind !== vscode.NotebookCellKind.Code) {
    return null;
  }
  return { problemId, code: cell.document.getText(), document: cell.document, cell };
}

export function documentTarget(document: vscode.TextDocument): ICheckTarget | null {
  const problemId = pythonProblem(document);
  return problemId ? { problemId, code: document.getText(), document, cell: null } : null;
}

/**
 * The target of a Check from the palette or key binding: in a notebook the selected code cell
 * (or the nearest one defining the function), else the active .py file.
 */
export function activeTarget(functionName: (id: string) => string | null): ICheckTarget | null {
  const nb = vscode.window.activeNotebookEditor;
  if (nb && notebookProblem(nb.notebook)) {
    const id = notebookProblem(nb.notebook)!;
    const cells = nb.notebook.getCells();
    const index = pickSourceCell(
      cells.map(c => ({
        type: c.kind === vscode.NotebookCellKind.Code ? 'code' : 'markdown',
        source: c.document.getText()
      })),
      nb.selection?.start ?? 0,
      functionName(id)
    );
    return index === null ? null : cellTarget(cells[index]);
  }
  const editor = vscode.window.activeTextEditor;
  return editor ? documentTarget(editor.document) : null;
}

/** Where a problem's function is in a target (for test items and diagnostics). */
export function functionLocation(
  target: ICheckTarget,
  functionName: string | null
): vscode.Location {
  const line = functionLine(target.document.getText(), functionName) ?? 0;
  return new vscode.Location(target.document.uri, new vscode.Range(line, 0, line, 0));
}

/** Open documents (cells and .py files) bound to a problem, the most recently used first. */
export function findTargets(problemId: string, functionName: string | null): ICheckTarget[] {
  const found: ICheckTarget[] = [];
  const editors = [vscode.window.activeNotebookEditor, ...vscode.window.visibleNotebookEditors];
  const notebooks = new Set<vscode.NotebookDocument>();
  for (const e of editors) {
    if (e) notebooks.add(e.notebook);
  }
  vscode.workspace.notebookDocuments.forEach(nb => notebooks.add(nb));
  for (const nb of notebooks) {
    if (notebookProblem(nb) !== problemId) continue;
    const cells = nb.getCells();
    const index = pickSourceCell(
      cells.map(c => ({
        type: c.kind === vscode.NotebookCellKind.Code ? 'code' : 'markdown',
        source: c.document.getText()
      })),
      cells.length,
      functionName
    );
    const target = index === null ? null : cellTarget(cells[index]);
    if (target) found.push(target);
  }
  for (const doc of vscode.workspace.textDocuments) {
    const target = documentTarget(doc);
    if (target && target.problemId === problemId) found.push(target);
  }
  return found;
}
