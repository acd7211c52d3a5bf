/** JupyterLab's side of targets.ts and check.ts: its trackers, editors and notifications. */
import { JupyterFrontEnd } from '@jupyterlab/application';
import { Notification } from '@jupyterlab/apputils';
import type { CodeEditor } from '@jupyterlab/codeeditor';
import type { IDocumentWidget } from '@jupyterlab/docregistry';
import { FileEditor, IEditorTracker } from '@jupyterlab/fileeditor';
import { INotebookTracker, NotebookPanel } from '@jupyterlab/notebook';

import {
  bindingLine,
  earlierCells,
  guessProblem,
  METADATA_KEY,
  pickSourceCell,
  problemIdFromMetadata,
  problemIdFromSource
} from '@jaxlings/client';
import type { ICheckHost, ISource } from './check';
import { clearErrorLine, markErrorLine } from './errorline';
import type { JaxlingsModel } from './model';
import { askProblem } from './picker';
import { ProblemView } from './problemview';
import type { IWorkspace, Target } from './targets';

export type FileWidget = IDocumentWidget<FileEditor>;
export type LabTarget = Target<NotebookPanel, FileWidget>;
export type LabWorkspace = IWorkspace<NotebookPanel, FileWidget>;

export function notebookProblem(panel: NotebookPanel): string | null {
  return problemIdFromMetadata(panel.content.model?.getMetadata(METADATA_KEY));
}

/** The open notebooks and .py files, from JupyterLab's trackers and shell. */
export function labWorkspace(
  shell: JupyterFrontEnd.IShell,
  notebooks: INotebookTracker,
  editors: IEditorTracker | null
): LabWorkspace {
  return {
    currentNotebook: () => notebooks.currentWidget,
    notebooks: () => notebooks.filter(() => true),
    files: () => editors?.filter(() => true) ?? [],
    notebookId: panel => panel.id,
    notebookProblem,
    fileProblem: widget => problemIdFromSource(widget.content.model.sharedModel.getSource()),
    isPythonFile: widget => /\.py$/i.test(widget.context.path),
    focus: () => {
      const current = shell.currentWidget;
      if (!current) {
        return null;
      }
      if (current instanceof NotebookPanel && notebooks.has(current)) {
        return { kind: 'notebook', panel: current };
      }
      if (editors?.has(current)) {
        return { kind: 'file', widget: current as FileWidget };
      }
      if (current instanceof ProblemView) {
        return { kind: 'view', problem: current.problemId };
      }
      return { kind: 'other' };
    }
  };
}

/** The Check's host in JupyterLab: the picker dialog, notebook cells, CodeMirror, toasts. */
export function labCheckHost(
  workspace: LabWorkspace,
  model: JaxlingsModel,
  showProblem: (id: string, target: LabTarget) => void
): ICheckHost<NotebookPanel, FileWidget, CodeEditor.IEditor> {
  return {
    workspace,
    askProblem: target => {
      // propose the problem whose function the code defines (the active cell first)
      let sources: string[];
      if (target.kind === 'file') {
        sources = [target.widget.content.model.sharedModel.getSource()];
      } else {
        const notebook = target.panel.content;
        const active = notebook.activeCell?.model.sharedModel.getSource() ?? '';
        sources = [active, ...notebook.widgets.map(c => c.model.sharedModel.getSource())];
      }
      const guess = guessProblem(sources, model.problems);
      return askProblem(model.problems, target.kind, guess ?? undefined);
    },
    bind: (target, id) => {
      if (target.kind === 'notebook') {
        target.panel.content.model?.setMetadata(METADATA_KEY, { problem: id });
      } else {
        target.widget.content.model.sharedModel.updateSource(0, 0, bindingLine(id) + '\n');
      }
    },
    source: async (target, id): Promise<ISource<CodeEditor.IEditor> | null> => {
      if (target.kind === 'file') {
        return {
          code: target.widget.content.model.sharedModel.getSource(),
          editor: target.widget.content.editor
        };
      }
      const notebook = target.panel.content;
      const detail = model.detail(id) ?? (await model.loadDetail(id).catch(() => undefined));
      const cells = notebook.widgets.map(cell => ({
        type: cell.model.type,
        source: cell.model.sharedModel.getSource()
      }));
      const index = pickSourceCell(cells, notebook.activeCellIndex, detail?.function ?? null);
      if (index === null) {
        return null;
      }
      const cell = notebook.widgets[index];
      return {
        code: cell.model.sharedModel.getSource(),
        editor: cell.editor,
        context: earlierCells(cells, index)
      };
    },
    showProblem,
    clearErrorLine,
    markErrorLine,
    warn: message => void Notification.warning(message, { autoClose: 6000 }),
    error: message => void Notification.error(message, { autoClose: 8000 })
  };
}
