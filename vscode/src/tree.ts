/** The activity-bar tree: sprints with "n of m solved", problems with status icons, a filter. */
import * as vscode from 'vscode';

import {
  groupBySprint,
  ISprintGroup,
  Progress,
  ProblemSummary,
  problemNumber,
  sprintProgressLabel,
  Status
} from '@jaxlings/client';

type Node = { kind: 'sprint'; group: ISprintGroup } | { kind: 'problem'; problem: ProblemSummary };

const STATUS_ICON: Record<Status, [string, string | undefined]> = {
  solved: ['pass-filled', 'testing.iconPassed'],
  attempted: ['circle-large-filled', 'testing.iconQueued'],
  new: ['circle-large-outline', undefined]
};

/** The tree item of a problem, also used by tests to read labels and icons. */
export function problemItem(p: ProblemSummary): vscode.TreeItem {
  const item = new vscode.TreeItem(
    `${problemNumber(p.order)} · ${p.title}`,
    vscode.TreeItemCollapsibleState.None
  );
  item.id = `problem:${p.id}`;
  item.description = p.status === 'new' ? p.difficulty : `${p.status} · ${p.difficulty}`;
  item.tooltip = `${p.id} — ${p.status}${p.attempts ? `, ${p.attempts} attempts` : ''}`;
  const [icon, color] = STATUS_ICON[p.status];
  item.iconPath = new vscode.ThemeIcon(icon, color ? new vscode.ThemeColor(color) : undefined);
  item.contextValue = 'problem';
  item.command = { command: 'jaxlings.openProblem', title: 'Open', arguments: [p.id] };
  item.accessibilityInformation = { label: `${p.title}, ${p.status}` };
  return item;
}

/** The tree item of a sprint: its title and "n of m solved". */
export function sprintItem(group: ISprintGroup, filtering: boolean): vscode.TreeItem {
  const item = new vscode.TreeItem(
    `${group.key} · ${group.title}`,
    filtering || group.solved < group.total
      ? vscode.TreeItemCollapsibleState.Expanded
      : vscode.TreeItemCollapsibleState.Collapsed
  );
  item.id = `sprint:${group.key}`;
  item.description = sprintProgressLabel(group);
  item.contextValue = 'sprint';
  return item;
}

export class ProblemsTree implements vscode.TreeDataProvider<Node> {
  private readonly changed = new vscode.EventEmitter<Node | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private progress: Progress | null = null;
  filter = '';

  /** Show a new progress (after a refresh or a check). */
  update(progress: Progress): void {
    this.progress = progress;
    this.changed.fire(undefined);
  }

  setFilter(filter: string): void {
    this.filter = filter;
    void vscode.commands.executeCommand('setContext', 'jaxlings.filtered', filter.trim() !== '');
    this.changed.fire(undefined);
  }

  get problems(): ProblemSummary[] {
    return this.progress?.problems ?? [];
  }

  getTreeItem(node: Node): vscode.TreeItem {
    return node.kind === 'sprint'
      ? sprintItem(node.group, this.filter.trim() !== '')
      : problemItem(node.problem);
  }

  getChildren(node?: Node): Node[] {
    if (!this.progress) {
      return [];
    }
    if (!node) {
      return groupBySprint(this.progress.problems, this.filter, this.progress.sprints).map(
        group => ({ kind: 'sprint', group })
      );
    }
    return node.kind === 'sprint'
      ? node.group.problems.map(problem => ({ kind: 'problem', problem }))
      : [];
  }
}
