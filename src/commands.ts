/** The jaxlings commands (Check, Start, open, refresh, insert solution) and where they show. */
import { JupyterFrontEnd } from '@jupyterlab/application';
import { CommandToolbarButton, ICommandPalette, Notification } from '@jupyterlab/apputils';
import type { CodeEditor } from '@jupyterlab/codeeditor';
import { NotebookActions, NotebookPanel } from '@jupyterlab/notebook';

import type { CheckRunner } from './check';
import type { ClassDashboard } from './dashboard';
import { checkLabel } from './check';
import { checkIcon, jaxlingsIcon } from './icons';
import type { JaxlingsModel } from './model';
import type { ProblemListPanel } from './panel';
import { editorFor, resolveTarget, stringArg, targetProblem } from './targets';
import type { ProblemViews } from './views';
import type { FileWidget, LabWorkspace } from './workspace';

export namespace CommandIDs {
  export const showProblems = 'jaxlings:show-problems';
  export const refresh = 'jaxlings:refresh';
  export const openProblem = 'jaxlings:open-problem';
  export const start = 'jaxlings:start';
  export const check = 'jaxlings:check';
  export const insertSolution = 'jaxlings:insert-solution';
  export const openDashboard = 'jaxlings:open-dashboard';
}

export interface ICommandParts {
  model: JaxlingsModel;
  workspace: LabWorkspace;
  checks: CheckRunner<NotebookPanel, FileWidget, CodeEditor.IEditor>;
  views: ProblemViews;
  panel: ProblemListPanel;
  dashboard: ClassDashboard;
  /** The lab's theme now, passed on to the dashboard page. */
  theme(): 'light' | 'dark' | null;
  start(id: string): Promise<void>;
}

export function addCommands(
  app: JupyterFrontEnd,
  parts: ICommandParts,
  palette: ICommandPalette | null
): void {
  const { commands, shell } = app;
  const { model, workspace, checks, views, panel } = parts;
  const busyProblem = (args: Parameters<typeof resolveTarget>[1]): boolean => {
    const target = resolveTarget(workspace, args);
    const id = target ? targetProblem(workspace, target) : null;
    return id !== null && model.isBusy(id);
  };

  commands.addCommand(CommandIDs.check, {
    label: args => checkLabel(busyProblem(args), !!args.toolbar),
    caption: 'Check your function against the problem’s test cases',
    icon: checkIcon,
    className: args => (busyProblem(args) ? 'jp-jaxlings-mod-busy' : ''),
    isEnabled: args => resolveTarget(workspace, args) !== null && !busyProblem(args),
    execute: async args => {
      const target = resolveTarget(workspace, args);
      if (!target) {
        Notification.info('Open a notebook (or a .py file) with your function to check it.', {
          autoClose: 5000
        });
        return null;
      }
      return checks.run(target);
    }
  });

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
        views.tracker
          .filter(() => true)
          .map(v => model.loadDetail(v.problemId).catch(() => undefined))
      );
    }
  });

  commands.addCommand(CommandIDs.openProblem, {
    label: args =>
      stringArg(args, 'id') ? `Open Problem ${stringArg(args, 'id')}` : 'Open Problem',
    caption: 'Open a jaxlings problem',
    icon: jaxlingsIcon,
    execute: args => {
      const id = stringArg(args, 'id');
      if (!id) {
        shell.activateById(panel.id);
        return;
      }
      return views.open(id, { activate: args.activate !== false });
    }
  });

  commands.addCommand(CommandIDs.start, {
    label: 'Start Problem',
    caption: 'Create or reopen your notebook for a problem',
    execute: args => {
      const id = stringArg(args, 'id');
      return id ? parts.start(id) : undefined;
    }
  });

  commands.addCommand(CommandIDs.insertSolution, {
    label: 'Insert Solution Below',
    caption: 'Insert the revealed solution as a new cell below the active cell',
    isEnabled: args => {
      const id = stringArg(args, 'problem');
      return !!id && !!model.solution(id) && editorFor(workspace, id) !== null;
    },
    execute: args => {
      const id = stringArg(args, 'problem');
      const solution = model.solution(id);
      const target = editorFor(workspace, id);
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

  // Instructors only, in client mode: the classroom service's own page, in a new browser tab.
  commands.addCommand(CommandIDs.openDashboard, {
    label: 'Open the class dashboard',
    caption: 'The class’s progress and misconceptions, on the classroom service’s page',
    icon: jaxlingsIcon,
    isVisible: () => parts.dashboard.available,
    isEnabled: () => parts.dashboard.available,
    execute: () => {
      const url = parts.dashboard.url(parts.theme());
      if (url) {
        window.open(url, '_blank', 'noopener');
      }
    }
  });
  parts.dashboard.changed.connect(() => commands.notifyCommandChanged(CommandIDs.openDashboard));

  if (palette) {
    const category = 'jaxlings';
    palette.addItem({ command: CommandIDs.openDashboard, category });
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
}
