/** The jaxlings JupyterLab plugin: wires the model, panel, problem views, Start and Check. */
import { ILayoutRestorer, JupyterFrontEnd, JupyterFrontEndPlugin } from '@jupyterlab/application';
import { ICommandPalette, Notification } from '@jupyterlab/apputils';
import { IDocumentManager } from '@jupyterlab/docmanager';
import type { DocumentRegistry } from '@jupyterlab/docregistry';
import { IEditorTracker } from '@jupyterlab/fileeditor';
import { ILauncher } from '@jupyterlab/launcher';
import { INotebookTracker, NotebookPanel } from '@jupyterlab/notebook';
import { IRenderMimeRegistry } from '@jupyterlab/rendermime';
import { ISettingRegistry } from '@jupyterlab/settingregistry';

import { JaxlingsClient } from './api';
import { METADATA_KEY } from '@jaxlings/client';
import { CheckRunner } from './check';
import { addCommands, CommandIDs } from './commands';
import { JaxlingsModel } from './model';
import { ProblemListPanel } from './panel';
import { ResultsStore } from './persistence';
import { ensureNotebook } from './start';
import { STARTER_CELL_INDEX } from '@jaxlings/client';
import { editorFor } from './targets';
import { ProblemView } from './problemview';
import { ProblemViews, tabBarOf } from './views';
import { labCheckHost, labWorkspace, notebookProblem } from './workspace';

export { CommandIDs } from './commands';

const PLUGIN_ID = 'jaxlings:plugin';

const plugin: JupyterFrontEndPlugin<void> = {
  id: PLUGIN_ID,
  description: 'Checked JAX and Flax NNX exercises: problem panel, Check command, hints.',
  autoStart: true,
  requires: [IRenderMimeRegistry, IDocumentManager, INotebookTracker],
  optional: [ILayoutRestorer, ICommandPalette, ISettingRegistry, IEditorTracker, ILauncher],
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
  editors: IEditorTracker | null,
  launcher: ILauncher | null
): void {
  const { commands, shell, serviceManager } = app;
  const model = new JaxlingsModel(new JaxlingsClient(serviceManager.serverSettings));
  const results = new ResultsStore(serviceManager.serverSettings.baseUrl, window.localStorage);
  const workspace = labWorkspace(shell, notebooks, editors);

  let notebookFolder = 'jaxlings';
  if (settingRegistry) {
    void settingRegistry
      .load(PLUGIN_ID)
      .then(settings => {
        const read = () => {
          const folder = settings.get('notebookFolder').composite;
          notebookFolder = typeof folder === 'string' ? folder : 'jaxlings';
        };
        read();
        settings.changed.connect(read);
      })
      .catch(reason => console.warn('jaxlings: settings could not be loaded', reason));
  }

  const refreshViews = () => {
    views.updateAll();
    commands.notifyCommandChanged(CommandIDs.check);
  };

  const views = new ProblemViews(shell, model, rendermime, {
    start: id => startProblem(id),
    check: async id => {
      await commands.execute(CommandIDs.check, { problem: id });
    },
    hasEditor: id => editorFor(workspace, id) !== null,
    insertSolution: id => void commands.execute(CommandIDs.insertSolution, { problem: id }),
    open: id => void commands.execute(CommandIDs.openProblem, { id }),
    reset: async id => {
      await commands.execute(CommandIDs.reset, { problem: id });
    },
    cancel: id => void model.cancel(id)
  });

  const startProblem = async (id: string): Promise<void> => {
    try {
      const detail = model.detail(id) ?? (await model.loadDetail(id));
      const { path, created } = await ensureNotebook(
        serviceManager.contents,
        notebookFolder,
        detail
      );
      // One notebook area: beside the other problems' notebooks, else in an area other than
      // the view's (where the Launcher was, say), else left of the view.
      const view = views.find(id);
      const viewBar = view ? tabBarOf(view) : null;
      const other =
        notebooks.find(nb => notebookProblem(nb) !== null && tabBarOf(nb) !== null) ??
        Array.from(shell.widgets('main')).find(w => {
          const bar = tabBarOf(w);
          return bar !== null && bar !== viewBar && !(w instanceof ProblemView);
        });
      const place: DocumentRegistry.IOpenOptions = other
        ? { ref: other.id, mode: 'tab-after' }
        : view && viewBar
          ? { ref: view.id, mode: 'split-left' }
          : {};
      // No kernel: a Check runs in the server's workers; the learner can pick one to run cells.
      const widget = docManager.openOrReveal(path, 'default', undefined, place, {
        shouldStart: false,
        canStart: true
      });
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
      views.open(id, { ref: widget, activate: false });
      shell.activateById(widget.id);
      commands.notifyCommandChanged(CommandIDs.check);
      refreshViews();
    } catch (error) {
      Notification.error(`Could not start problem ${id}: ${(error as Error).message}`, {
        autoClose: 8000
      });
    }
  };

  const checks = new CheckRunner(
    model,
    labCheckHost(workspace, model, (id, target) =>
      views.open(id, {
        ref: target.kind === 'notebook' ? target.panel : target.widget,
        activate: false,
        reload: false
      })
    )
  );

  const panel = new ProblemListPanel(model, {
    open: id => void commands.execute(CommandIDs.openProblem, { id }),
    refresh: () => void model.refresh()
  });
  shell.add(panel, 'left', { rank: 650 });

  addCommands(
    app,
    { model, workspace, checks, views, panel, start: startProblem },
    palette,
    launcher
  );

  // ---- keep everything in step -----------------------------------------------------------

  model.changed.connect((_, change) => {
    if (change.kind === 'busy' || change.kind === 'problems') {
      commands.notifyCommandChanged(CommandIDs.check);
    }
    if (change.kind === 'detail' && change.id) {
      views.retitle(change.id);
    }
    if (change.kind === 'result') {
      results.save(model.results);
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
    void restorer.restore(views.tracker, {
      command: CommandIDs.openProblem,
      args: view => ({ id: view.problemId, activate: false }),
      name: view => view.problemId
    });
  }

  model.restoreResults(results.load());
  void app.restored.then(() => model.refresh());
}

export default plugin;
