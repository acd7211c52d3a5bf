/** The jaxlings commands (Check, Start, open, refresh, insert solution) and where they show. */
import { JupyterFrontEnd } from '@jupyterlab/application';
import {
  CommandToolbarButton,
  Dialog,
  ICommandPalette,
  Notification,
  showDialog
} from '@jupyterlab/apputils';
import type { ILauncher } from '@jupyterlab/launcher';
import type { ReadonlyPartialJSONObject } from '@lumino/coreutils';
import { pickSourceCell } from '@jaxlings/client';
import type { CodeEditor } from '@jupyterlab/codeeditor';
import { NotebookActions, NotebookPanel } from '@jupyterlab/notebook';

import type { CheckRunner } from './check';
import type { ClassDashboard } from './dashboard';
import { checkLabel } from './check';
import { checkIcon, jaxlingsIcon } from './icons';
import type { JaxlingsModel } from './model';
import type { ProblemListPanel } from './panel';
import { pickProblem } from './picker';
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
  export const pickProblem = 'jaxlings:pick-problem';
  export const nextProblem = 'jaxlings:next-problem';
  export const previousProblem = 'jaxlings:previous-problem';
  export const reset = 'jaxlings:reset-to-starter';
  export const cancel = 'jaxlings:cancel-check';
  export const openDashboard = 'jaxlings:open-dashboard';
}

/** The problem a command acts on: its `problem` argument, else the current problem view's. */
function problemArg(args: ReadonlyPartialJSONObject, views: ProblemViews): string {
  return stringArg(args, 'problem') || views.tracker.currentWidget?.problemId || '';
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
  palette: ICommandPalette | null,
  launcher: ILauncher | null
): void {
  const { commands, shell } = app;
  const { model, workspace, checks, views, panel } = parts;
  const targetId = (args: Parameters<typeof resolveTarget>[1]): string => {
    const target = resolveTarget(workspace, args);
    return (target ? targetProblem(workspace, target) : null) ?? '';
  };
  const busyProblem = (args: Parameters<typeof resolveTarget>[1]): boolean => {
    const id = targetId(args);
    return id !== '' && model.isBusy(id);
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
      stringArg(args, 'id')
        ? `Open Problem ${views.titleFor(stringArg(args, 'id'))}`
        : 'Open Problem',
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

  commands.addCommand(CommandIDs.pickProblem, {
    label: args => (args.isLauncher ? 'Problems' : 'Open Problem…'),
    caption: 'Find a jaxlings problem by number or title and open it',
    icon: jaxlingsIcon,
    execute: async () => {
      if (!model.loaded || model.loadError) {
        await model.refresh();
      }
      const id = await pickProblem(model.problems);
      if (id) {
        await commands.execute(CommandIDs.openProblem, { id });
      }
    }
  });

  const neighbour = (step: number) => (args: ReadonlyPartialJSONObject) => {
    const id = problemArg(args, views);
    const ids = [...model.problems].sort((a, b) => a.order - b.order).map(p => p.id);
    const i = ids.indexOf(id);
    return i >= 0 ? (ids[i + step] ?? null) : null;
  };
  for (const [command, step, label] of [
    [CommandIDs.nextProblem, 1, 'Next Problem'],
    [CommandIDs.previousProblem, -1, 'Previous Problem']
  ] as const) {
    commands.addCommand(command, {
      label,
      caption: `Open the ${step > 0 ? 'next' : 'previous'} problem in the bank's order`,
      isEnabled: args => neighbour(step)(args) !== null,
      execute: args => {
        const id = neighbour(step)(args);
        return id ? views.open(id) : undefined;
      }
    });
  }

  commands.addCommand(CommandIDs.reset, {
    label: 'Reset to the Starter',
    caption: 'Put the starter code back in the cell holding your function',
    isEnabled: args => {
      const id = problemArg(args, views);
      return !!id && editorFor(workspace, id) !== null;
    },
    execute: async args => {
      const id = problemArg(args, views);
      const target = id ? editorFor(workspace, id) : null;
      const detail = model.detail(id) ?? (await model.loadDetail(id));
      if (!target || !detail) {
        return;
      }
      const answer = await showDialog({
        title: 'Reset to the starter?',
        body:
          `The cell holding ${detail.function} gets the starter code back; what you wrote ` +
          'there is replaced (Undo in the cell brings it back).',
        buttons: [
          Dialog.cancelButton({ label: 'Keep my code' }),
          Dialog.warnButton({ label: 'Reset' })
        ],
        defaultButton: 0
      });
      if (!answer.button.accept) {
        return;
      }
      const starter = detail.starter.replace(/\s+$/, '') + '\n';
      if (target.kind === 'file') {
        const shared = target.widget.content.model.sharedModel;
        const text = shared.getSource();
        // keep the binding line: it is the first line of a linked file
        const first = text.startsWith('# jaxlings:') ? text.slice(0, text.indexOf('\n') + 1) : '';
        shared.setSource(first + starter);
        return;
      }
      const notebook = target.panel.content;
      const index = pickSourceCell(
        notebook.widgets.map(c => ({
          type: c.model.type,
          source: c.model.sharedModel.getSource()
        })),
        notebook.activeCellIndex,
        detail.function
      );
      if (index !== null) {
        notebook.widgets[index].model.sharedModel.setSource(starter);
        notebook.activeCellIndex = index;
      }
    }
  });

  commands.addCommand(CommandIDs.cancel, {
    label: 'Cancel the Running Check',
    caption: 'Stop the running Check of this problem (it is not recorded)',
    isEnabled: args => {
      const id = problemArg(args, views) || (busyProblem(args) ? targetId(args) : '');
      return !!id && model.isBusy(id);
    },
    execute: args => {
      const id = problemArg(args, views) || targetId(args);
      return id ? model.cancel(id) : undefined;
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
    for (const command of [
      CommandIDs.pickProblem,
      CommandIDs.nextProblem,
      CommandIDs.previousProblem,
      CommandIDs.reset,
      CommandIDs.cancel
    ]) {
      palette.addItem({ command, category });
    }
  }
  launcher?.add({
    command: CommandIDs.pickProblem,
    args: { isLauncher: true }, // labelled "Problems" there
    category: 'jaxlings',
    rank: 0
  });

  // The Check button in every notebook's toolbar, tied to that notebook.
  app.docRegistry.addWidgetExtension('Notebook', {
    createNew: (nbPanel: NotebookPanel) => {
      const button = new CommandToolbarButton({
        commands,
        id: CommandIDs.check,
        args: { toolbar: true, notebook: nbPanel.id }
      });
      button.addClass('jp-jaxlings-CheckButton');
      // First in the toolbar: a narrow notebook moves the last items into its "…" menu.
      nbPanel.toolbar.insertItem(0, 'jaxlings-check', button);
      return button;
    }
  });
}
