/** The jaxlings JupyterLab plugin: panel, problem views, Start, Check, and their commands. */
import { ILayoutRestorer, JupyterFrontEnd, JupyterFrontEndPlugin } from '@jupyterlab/application';
import {
  CommandToolbarButton,
  ICommandPalette,
  Notification,
  WidgetTracker
} from '@jupyterlab/apputils';
import type { CodeEditor } from '@jupyterlab/codeeditor';
import { IDocumentManager } from '@jupyterlab/docmanager';
import type { IDocumentWidget } from '@jupyterlab/docregistry';
import { FileEditor, IEditorTracker } from '@jupyterlab/fileeditor';
import { INotebookTracker, NotebookActions, NotebookPanel } from '@jupyterlab/notebook';
import { IRenderMimeRegistry } from '@jupyterlab/rendermime';
import { ISettingRegistry } from '@jupyterlab/settingregistry';
import type { ReadonlyPartialJSONObject } from '@lumino/coreutils';
import type { Widget } from '@lumino/widgets';

import { CheckResult, JaxlingsClient } from './api';
import {
  bindingLine,
  errorSentence,
  METADATA_KEY,
  notebookPath,
  parentFolder,
  pickSourceCell,
  problemIdFromMetadata,
  problemIdFromSource,
  problemNumber,
  STARTER_CELL_INDEX,
  starterNotebook
} from '@jaxlings/client';
import { clearErrorLine, markErrorLine } from './errorline';
import { checkIcon, jaxlingsIcon } from './icons';
import { JaxlingsModel } from './model';
import { ProblemListPanel } from './panel';
import { askProblem } from './picker';
import { IProblemViewActions, ProblemView } from './problemview';

const PLUGIN_ID = 'jaxlings:plugin';

export namespace CommandIDs {
  export const showProblems = 'jaxlings:show-problems';
  export const refresh = 'jaxlings:refresh';
  export const openProblem = 'jaxlings:open-problem';
  export const start = 'jaxlings:start';
  export const check = 'jaxlings:check';
  export const insertSolution = 'jaxlings:insert-solution';
}

type FileWidget = IDocumentWidget<FileEditor>;

/** What a Check sends: a notebook (its chosen cell) or a whole .py file. */
type Target = { kind: 'notebook'; panel: NotebookPanel } | { kind: 'file'; widget: FileWidget };

const plugin: JupyterFrontEndPlugin<void> = {
  id: PLUGIN_ID,
  description: 'Checked JAX and Flax NNX exercises: problem panel, Check command, hints.',
  autoStart: true,
  requires: [IRenderMimeRegistry, IDocumentManager, INotebookTracker],
  optional: [ILayoutRestorer, ICommandPalette, ISettingRegistry, IEditorTracker],
  activate
};

function activate(
  app: JupyterFrontEnd,
  rendermime: IRenderMimeRegistry,
  docManager: IDocumentManager,
  notebooks: INotebookTracker,
  restorer: ILayoutRestorer | null,
  palette: ICommandPalette | null,
  settingRegistry: ISettingRegistry | null,
  editors: IEditorTracker | null
): void {
  const { commands, shell, serviceManager } = app;
  const { serverSettings } = serviceManager;
  const model = new JaxlingsModel(new JaxlingsClient(serviceManager.serverSettings));

  // Last results live in the browser's storage, written at once (the workspace state is saved
  // on a debounce and can miss a reload), one key per server URL so Hub users stay apart.
  const resultsKey = `jaxlings:last-results:${serverSettings.baseUrl}`;
  const loadResults = (): Record<string, CheckResult> => {
    try {
      const saved = JSON.parse(window.localStorage.getItem(resultsKey) ?? '{}');
      return saved && typeof saved === 'object' ? saved : {};
    } catch {
      return {};
    }
  };
  const saveResults = (results: Record<string, CheckResult>): void => {
    try {
      window.localStorage.setItem(resultsKey, JSON.stringify(results));
    } catch {
      // storage full or disabled: results are only kept until the page is reloaded
    }
  };
  let notebookFolder = 'jaxlings';

  if (settingRegistry) {
    void settingRegistry
      .load(PLUGIN_ID)
      .then(settings => {
        const read = () => {
          notebookFolder = String(settings.get('notebookFolder').composite ?? 'jaxlings');
        };
        read();
        settings.changed.connect(read);
      })
      .catch(reason => console.warn('jaxlings: settings could not be loaded', reason));
  }

  // ---- where the learner's code lives ----------------------------------------------------

  const notebookProblem = (panel: NotebookPanel): string | null =>
    problemIdFromMetadata(panel.content.model?.getMetadata(METADATA_KEY));

  const fileProblem = (widget: FileWidget): string | null =>
    problemIdFromSource(widget.content.model.sharedModel.getSource());

  const isPythonFile = (widget: FileWidget): boolean => /\.py$/i.test(widget.context.path);

  const targetProblem = (target: Target): string | null =>
    target.kind === 'notebook' ? notebookProblem(target.panel) : fileProblem(target.widget);

  /** The open notebook (preferably the current one) or .py file bound to a problem. */
  const editorFor = (id: string): Target | null => {
    const current = notebooks.currentWidget;
    if (current && notebookProblem(current) === id) {
      return { kind: 'notebook', panel: current };
    }
    const panel = notebooks.find(p => notebookProblem(p) === id);
    if (panel) {
      return { kind: 'notebook', panel };
    }
    const file = editors?.find(w => isPythonFile(w) && fileProblem(w) === id);
    return file ? { kind: 'file', widget: file } : null;
  };

  /** What a Check would act on, given the command's args and the focused widget. */
  const resolveTarget = (args: ReadonlyPartialJSONObject): Target | null => {
    if (typeof args.notebook === 'string') {
      const panel = notebooks.find(p => p.id === args.notebook);
      return panel ? { kind: 'notebook', panel } : null;
    }
    if (typeof args.problem === 'string') {
      return editorFor(args.problem);
    }
    const current = shell.currentWidget;
    if (current) {
      if (current instanceof NotebookPanel && notebooks.has(current)) {
        return { kind: 'notebook', panel: current };
      }
      if (editors?.has(current)) {
        const widget = current as FileWidget;
        return isPythonFile(widget) ? { kind: 'file', widget } : null;
      }
      if (current instanceof ProblemView) {
        return editorFor(current.problemId);
      }
    }
    return notebooks.currentWidget ? { kind: 'notebook', panel: notebooks.currentWidget } : null;
  };

  // ---- problem views ---------------------------------------------------------------------

  const views = new WidgetTracker<ProblemView>({ namespace: 'jaxlings-problem' });

  const refreshViews = () => {
    views.forEach(view => view.update());
    commands.notifyCommandChanged(CommandIDs.check);
  };

  const titleFor = (id: string): string => {
    const p = model.detail(id) ?? model.summary(id);
    return p ? `${problemNumber(p.order)} · ${p.title}` : id;
  };

  const viewActions: IProblemViewActions = {
    start: id => startProblem(id),
    check: async id => {
      await commands.execute(CommandIDs.check, { problem: id });
    },
    hasEditor: id => editorFor(id) !== null,
    insertSolution: id => void commands.execute(CommandIDs.insertSolution, { problem: id })
  };

  /** Open (or reveal) the view of a problem; beside `ref` when given. */
  const openProblem = (
    id: string,
    options: { ref?: Widget; activate?: boolean } = {}
  ): ProblemView => {
    let view = views.find(v => v.problemId === id);
    if (!view) {
      view = new ProblemView(id, model, rendermime, viewActions);
      view.id = `jaxlings-problem-${id}`;
      view.title.label = titleFor(id);
      view.title.caption = `jaxlings problem ${id}`;
      view.title.icon = jaxlingsIcon;
      view.title.closable = true;
      void views.add(view);
      shell.add(view, 'main', options.ref ? { ref: options.ref.id, mode: 'split-right' } : {});
    } else if (options.ref && !(view.isVisible && options.ref.isVisible)) {
      // Not already side by side with its notebook: move it beside it.
      shell.add(view, 'main', { ref: options.ref.id, mode: 'split-right' });
    }
    if (options.activate !== false) {
      shell.activateById(view.id);
    }
    const opened = view;
    void model
      .loadDetail(id)
      .then(() => {
        opened.title.label = titleFor(id);
      })
      .catch(() => undefined);
    return view;
  };

  // ---- Start -----------------------------------------------------------------------------

  const ensureFolder = async (folder: string): Promise<void> => {
    const parts = folder.split('/').filter(Boolean);
    for (let i = 1; i <= parts.length; i++) {
      const path = parts.slice(0, i).join('/');
      try {
        await serviceManager.contents.get(path, { content: false });
      } catch {
        await serviceManager.contents.save(path, { type: 'directory' });
      }
    }
  };

  const startProblem = async (id: string): Promise<void> => {
    try {
      const detail = model.detail(id) ?? (await model.loadDetail(id));
      const path = notebookPath(notebookFolder, detail.order, detail.id);
      let created = false;
      try {
        await serviceManager.contents.get(path, { content: false });
      } catch {
        await ensureFolder(parentFolder(path));
        await serviceManager.contents.save(path, {
          type: 'notebook',
          format: 'json',
          content: starterNotebook(detail)
        });
        created = true;
      }
      const widget = docManager.openOrReveal(path);
      if (!(widget instanceof NotebookPanel)) {
        throw new Error(`${path} did not open as a notebook.`);
      }
      await widget.context.ready;
      if (!notebookProblem(widget)) {
        widget.content.model?.setMetadata(METADATA_KEY, { problem: id });
      }
      if (created && widget.content.widgets.length > STARTER_CELL_INDEX) {
        widget.content.activeCellIndex = STARTER_CELL_INDEX;
      }
      openProblem(id, { ref: widget, activate: false });
      shell.activateById(widget.id);
      commands.notifyCommandChanged(CommandIDs.check);
      refreshViews();
    } catch (error) {
      Notification.error(`Could not start problem ${id}: ${(error as Error).message}`, {
        autoClose: 8000
      });
    }
  };

  // ---- Check -----------------------------------------------------------------------------

  /** Bind an unlinked notebook or file by asking which problem it is for. */
  const bindTarget = async (target: Target): Promise<string | null> => {
    if (!model.loaded || model.loadError) {
      await model.refresh();
    }
    const id = await askProblem(model.problems, target.kind);
    if (!id) {
      return null;
    }
    if (target.kind === 'notebook') {
      target.panel.content.model?.setMetadata(METADATA_KEY, { problem: id });
    } else {
      const shared = target.widget.content.model.sharedModel;
      shared.updateSource(0, 0, bindingLine(id) + '\n');
    }
    return id;
  };

  /** The text to send and the editor whose lines it numbers. */
  const sourceOf = async (
    target: Target,
    id: string
  ): Promise<{ code: string; editor: CodeEditor.IEditor | null } | null> => {
    if (target.kind === 'file') {
      return {
        code: target.widget.content.model.sharedModel.getSource(),
        editor: target.widget.content.editor
      };
    }
    const notebook = target.panel.content;
    const detail = model.detail(id) ?? (await model.loadDetail(id).catch(() => undefined));
    const index = pickSourceCell(
      notebook.widgets.map(cell => ({
        type: cell.model.type,
        source: cell.model.sharedModel.getSource()
      })),
      notebook.activeCellIndex,
      detail?.function ?? null
    );
    if (index === null) {
      return null;
    }
    const cell = notebook.widgets[index];
    return { code: cell.model.sharedModel.getSource(), editor: cell.editor };
  };

  const runCheck = async (target: Target): Promise<CheckResult | null> => {
    let id = targetProblem(target);
    if (!id) {
      id = await bindTarget(target);
      if (!id) {
        return null;
      }
    }
    if (model.isBusy(id)) {
      return null; // one check at a time per problem; the running one will report
    }
    const source = await sourceOf(target, id);
    if (!source) {
      Notification.warning(
        'There is no code cell to check: write your function in a code cell first.',
        { autoClose: 6000 }
      );
      return null;
    }
    const ref = target.kind === 'notebook' ? target.panel : target.widget;
    openProblem(id, { ref, activate: false });
    if (source.editor) {
      clearErrorLine(source.editor);
    }
    let result: CheckResult;
    try {
      result = await model.check(id, source.code);
    } catch (error) {
      Notification.error(`Check failed: ${(error as Error).message}`, { autoClose: 8000 });
      return null;
    }
    if (source.editor && result.error && result.error.line !== null) {
      markErrorLine(source.editor, result.error.line, errorSentence(result.error));
    }
    return result;
  };

  commands.addCommand(CommandIDs.check, {
    label: args => {
      const target = resolveTarget(args);
      const id = target ? targetProblem(target) : null;
      const busy = id !== null && model.isBusy(id);
      if (args.toolbar) {
        return busy ? 'Checking…' : 'Check';
      }
      return busy ? 'Checking…' : 'Check Solution';
    },
    caption: 'Check your function against the problem’s test cases',
    icon: checkIcon,
    className: args => {
      const target = resolveTarget(args);
      const id = target ? targetProblem(target) : null;
      return id !== null && model.isBusy(id) ? 'jp-jaxlings-mod-busy' : '';
    },
    isEnabled: args => {
      const target = resolveTarget(args);
      if (!target) {
        return false;
      }
      const id = targetProblem(target);
      return id === null || !model.isBusy(id);
    },
    execute: async args => {
      const target = resolveTarget(args);
      if (!target) {
        Notification.info('Open a notebook (or a .py file) with your function to check it.', {
          autoClose: 5000
        });
        return null;
      }
      return runCheck(target);
    }
  });

  // ---- other commands --------------------------------------------------------------------

  const panel = new ProblemListPanel(model, {
    open: id => void commands.execute(CommandIDs.openProblem, { id }),
    refresh: () => void model.refresh()
  });
  shell.add(panel, 'left', { rank: 650 });

  commands.addCommand(CommandIDs.showProblems, {
    label: 'Show jaxlings Problems',
    caption: 'Open the jaxlings problem list',
    icon: jaxlingsIcon,
    execute: () => {
      shell.activateById(panel.id);
    }
  });

  commands.addCommand(CommandIDs.refresh, {
    label: 'Refresh jaxlings Problems',
    caption: 'Reload the problem list and your progress',
    execute: async () => {
      await model.refresh();
      await Promise.all(
        views.filter(() => true).map(v => model.loadDetail(v.problemId).catch(() => undefined))
      );
    }
  });

  commands.addCommand(CommandIDs.openProblem, {
    label: args => (args.id ? `Open Problem ${args.id}` : 'Open Problem'),
    caption: 'Open a jaxlings problem',
    icon: jaxlingsIcon,
    execute: args => {
      const id = String(args.id ?? '');
      if (!id) {
        shell.activateById(panel.id);
        return;
      }
      return openProblem(id, { activate: args.activate !== false });
    }
  });

  commands.addCommand(CommandIDs.start, {
    label: 'Start Problem',
    caption: 'Create or reopen your notebook for a problem',
    execute: args => {
      const id = String(args.id ?? '');
      return id ? startProblem(id) : undefined;
    }
  });

  commands.addCommand(CommandIDs.insertSolution, {
    label: 'Insert Solution Below',
    caption: 'Insert the revealed solution as a new cell below the active cell',
    isEnabled: args => {
      const id = String(args.problem ?? '');
      return !!id && !!model.solution(id) && editorFor(id) !== null;
    },
    execute: args => {
      const id = String(args.problem ?? '');
      const solution = model.solution(id);
      const target = editorFor(id);
      if (!solution || !target) {
        return;
      }
      if (target.kind === 'notebook') {
        const notebook = target.panel.content;
        NotebookActions.insertBelow(notebook);
        notebook.activeCell?.model.sharedModel.setSource(solution.code);
        shell.activateById(target.panel.id);
      } else {
        const shared = target.widget.content.model.sharedModel;
        const text = shared.getSource();
        shared.updateSource(text.length, text.length, `\n\n${solution.code}\n`);
        shell.activateById(target.widget.id);
      }
    }
  });

  if (palette) {
    const category = 'jaxlings';
    palette.addItem({ command: CommandIDs.check, category });
    palette.addItem({ command: CommandIDs.showProblems, category });
    palette.addItem({ command: CommandIDs.refresh, category });
  }

  // The Check button in every notebook's toolbar, tied to that notebook.
  app.docRegistry.addWidgetExtension('Notebook', {
    createNew: (nbPanel: NotebookPanel) => {
      const button = new CommandToolbarButton({
        commands,
        id: CommandIDs.check,
        args: { toolbar: true, notebook: nbPanel.id }
      });
      button.addClass('jp-jaxlings-CheckButton');
      nbPanel.toolbar.insertAfter('cellType', 'jaxlings-check', button);
      return button;
    }
  });

  // ---- keep everything in step -----------------------------------------------------------

  model.changed.connect((_, change) => {
    if (change.kind === 'busy' || change.kind === 'problems') {
      commands.notifyCommandChanged(CommandIDs.check);
    }
    if (change.kind === 'detail' && change.id) {
      const view = views.find(v => v.problemId === change.id);
      if (view) {
        view.title.label = titleFor(change.id);
      }
    }
    if (change.kind === 'result') {
      saveResults(model.results);
    }
  });
  notebooks.currentChanged.connect(refreshViews);
  notebooks.widgetAdded.connect((_, nbPanel) => {
    void nbPanel.context.ready.then(refreshViews);
    nbPanel.content.model?.metadataChanged.connect(refreshViews);
    nbPanel.disposed.connect(() => setTimeout(refreshViews, 0));
  });
  editors?.widgetAdded.connect((_, widget) => {
    widget.content.model.sharedModel.changed.connect(() =>
      commands.notifyCommandChanged(CommandIDs.check)
    );
    widget.disposed.connect(() => setTimeout(refreshViews, 0));
  });
  shell.currentChanged?.connect(() => commands.notifyCommandChanged(CommandIDs.check));

  if (restorer) {
    restorer.add(panel, 'jaxlings-problems');
    void restorer.restore(views, {
      command: CommandIDs.openProblem,
      args: view => ({ id: view.problemId, activate: false }),
      name: view => view.problemId
    });
  }

  model.restoreResults(loadResults());
  void app.restored.then(() => model.refresh());
}

export default plugin;
