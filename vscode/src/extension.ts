/** The jaxlings VS Code extension: wires the server, the views and the Check commands together. */
import * as vscode from 'vscode';

import {
  APIError,
  CheckResult,
  notebookPath,
  ProblemDetail,
  starterNotebook,
  starterPython
} from '@jaxlings/client';

import { errorMark, progressLabel, starterFileName, verdictIcon, verdictLabel } from './logic';
import { StatementPanel } from './panel';
import { Connection, TOKEN_SECRET } from './server';
import {
  activeTarget,
  cellTarget,
  documentTarget,
  findTargets,
  functionLocation,
  ICheckTarget,
  notebookProblem,
  pythonProblem
} from './targets';
import { CheckTests } from './testing';
import { ProblemsTree } from './tree';

/** Everything the extension holds for one window. */
class Jaxlings implements vscode.Disposable {
  readonly log = vscode.window.createOutputChannel('jaxlings');
  readonly connection: Connection;
  readonly tree = new ProblemsTree();
  readonly panel: StatementPanel;
  readonly tests: CheckTests;
  readonly diagnostics = vscode.languages.createDiagnosticCollection('jaxlings');
  readonly status = vscode.window.createStatusBarItem(vscode.StatusBarAlignment.Left, 50);
  readonly details = new Map<string, ProblemDetail>();
  /** The last verdict per checked document (a cell's or a .py file's), for status and lenses. */
  readonly verdicts = new Map<string, CheckResult>();
  readonly verdictsChanged = new vscode.EventEmitter<void>();
  private readonly disposables: vscode.Disposable[] = [];
  /** The problems view, for a message while the server starts or when it cannot. */
  view: vscode.TreeView<unknown> | null = null;

  constructor(readonly context: vscode.ExtensionContext) {
    this.connection = new Connection(context.secrets, this.log);
    this.panel = new StatementPanel(context.extensionUri);
    this.tests = new CheckTests(id => this.checkProblem(id));
    this.status.command = 'workbench.view.extension.jaxlings';
    this.status.text = '$(mortar-board) jaxlings';
    this.status.tooltip = 'jaxlings: open the problems';
    this.status.show();
    this.disposables.push(
      this.log,
      this.connection,
      this.panel,
      this.tests,
      this.diagnostics,
      this.status,
      this.verdictsChanged
    );
  }

  /** A sentence for an error from the server or the connection. */
  sentence(error: unknown): string {
    if (error instanceof APIError) return error.message;
    if (error instanceof Error) {
      return /fetch failed|ECONNREFUSED/.test(error.message)
        ? 'The jaxlings server is not answering; run "jaxlings: Restart Server".'
        : error.message;
    }
    return String(error);
  }

  async refresh(): Promise<void> {
    if (this.view && this.tree.problems.length === 0) {
      this.view.message = 'Starting the jaxlings server…';
    }
    try {
      const client = await this.connection.get();
      const progress = await client.progress();
      if (this.view) this.view.message = undefined;
      this.tree.update(progress);
      this.status.text = progressLabel(progress.solved, progress.total);
      this.status.tooltip = `jaxlings: ${progress.solved} of ${progress.total} problems solved`;
    } catch (error) {
      this.status.text = '$(warning) jaxlings';
      this.status.tooltip = this.sentence(error);
      if (this.view) this.view.message = this.sentence(error);
      const choice = await vscode.window.showErrorMessage(
        this.sentence(error),
        'Retry',
        'Settings'
      );
      if (choice === 'Retry') void this.refresh();
      if (choice === 'Settings') {
        void vscode.commands.executeCommand('workbench.action.openSettings', 'jaxlings');
      }
    }
  }

  async detail(id: string): Promise<ProblemDetail> {
    const detail = await (await this.connection.get()).problem(id);
    this.details.set(id, detail);
    return detail;
  }

  async openProblem(id?: string): Promise<void> {
    if (!id) {
      const pick = await vscode.window.showQuickPick(
        this.tree.problems.map(p => ({ label: p.title, description: p.id, id: p.id })),
        { placeHolder: 'Open a jaxlings problem' }
      );
      id = pick?.id;
    }
    if (!id) return;
    try {
      await this.panel.show(await this.detail(id));
    } catch (error) {
      void vscode.window.showErrorMessage(this.sentence(error));
    }
  }

  /** Start: create the problem's notebook or .py file in the workspace (or open it if it exists). */
  async start(id: string | undefined, kind: 'notebook' | 'python'): Promise<void> {
    id = id ?? this.panel.problemId ?? undefined;
    if (!id) return;
    const folder = vscode.workspace.workspaceFolders?.[0];
    if (!folder) {
      void vscode.window.showErrorMessage(
        'Open a folder first (File > Open Folder): Start puts the problem file in it.'
      );
      return;
    }
    try {
      const detail = this.details.get(id) ?? (await this.detail(id));
      const sub = vscode.workspace.getConfiguration('jaxlings').get<string>('problemsFolder', '');
      const rel =
        kind === 'notebook'
          ? notebookPath(sub, detail.order, detail.id)
          : [sub, starterFileName(detail.order, detail.id, 'python')].filter(Boolean).join('/');
      const uri = vscode.Uri.joinPath(folder.uri, ...rel.split('/'));
      let exists = true;
      try {
        await vscode.workspace.fs.stat(uri);
      } catch {
        exists = false;
      }
      if (!exists) {
        const text =
          kind === 'notebook'
            ? JSON.stringify(starterNotebook(detail), null, 1) + '\n'
            : starterPython(detail);
        await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
      }
      if (kind === 'notebook') {
        const nb = await vscode.workspace.openNotebookDocument(uri);
        await vscode.window.showNotebookDocument(nb, { viewColumn: vscode.ViewColumn.One });
      } else {
        const doc = await vscode.workspace.openTextDocument(uri);
        await vscode.window.showTextDocument(doc, { viewColumn: vscode.ViewColumn.One });
      }
      await this.panel.show(detail, { reveal: true, column: vscode.ViewColumn.Two });
    } catch (error) {
      void vscode.window.showErrorMessage(this.sentence(error));
    }
  }

  /** Check a target: send its code, then show the verdict everywhere it belongs. */
  async check(target: ICheckTarget | null): Promise<CheckResult | null> {
    if (!target) {
      void vscode.window.showWarningMessage(
        'Nothing to check here: open a notebook or .py file made by jaxlings Start ' +
          '(a .py file starts with "# jaxlings: <problem id>").'
      );
      return null;
    }
    const previous = this.status.text;
    this.status.text = '$(sync~spin) jaxlings: checking…';
    try {
      const client = await this.connection.get();
      const result = await client.check(target.problemId, target.code);
      const detail = await this.detail(target.problemId);
      this.verdicts.set(target.document.uri.toString(), result);
      this.verdictsChanged.fire();
      this.showDiagnostics(target, result);
      this.tests.report(detail, result, functionLocation(target, detail.function));
      await this.panel.showResult(detail, result);
      this.status.text = previous;
      void this.refresh();
      return result;
    } catch (error) {
      this.status.text = previous;
      void vscode.window.showErrorMessage(this.sentence(error));
      return null;
    }
  }

  /** Test Explorer's Run: check the open cell or file bound to the problem. */
  async checkProblem(id: string): Promise<void> {
    const detail = this.details.get(id) ?? (await this.detail(id));
    const [target] = findTargets(id, detail.function);
    if (!target) {
      void vscode.window.showWarningMessage(
        `Open your notebook or .py file for ${detail.title} to check it (Start creates one).`
      );
      return;
    }
    await this.check(target);
  }

  showDiagnostics(target: ICheckTarget, result: CheckResult): void {
    this.diagnostics.delete(target.document.uri);
    const mark = errorMark(result, target.document.lineCount);
    if (!mark) return;
    const line = target.document.lineAt(mark.line);
    const diagnostic = new vscode.Diagnostic(
      new vscode.Range(
        mark.line,
        line.firstNonWhitespaceCharacterIndex,
        mark.line,
        line.text.length
      ),
      mark.message,
      vscode.DiagnosticSeverity.Error
    );
    diagnostic.source = 'jaxlings';
    this.diagnostics.set(target.document.uri, [diagnostic]);
  }

  async nextHint(id?: string): Promise<void> {
    id = id ?? this.panel.problemId ?? activeTarget(() => null)?.problemId;
    if (!id) return;
    try {
      const client = await this.connection.get();
      await client.nextHint(id);
      await this.panel.show(await this.detail(id));
    } catch (error) {
      if (error instanceof APIError && this.panel.problemId === id) {
        this.panel.notify(error.message);
      } else {
        void vscode.window.showErrorMessage(this.sentence(error));
      }
    }
  }

  async showSolution(id?: string): Promise<void> {
    id = id ?? this.panel.problemId ?? undefined;
    if (!id) return;
    try {
      const detail = await this.detail(id);
      if (detail.solution_available && detail.status !== 'solved') {
        const ok = await vscode.window.showWarningMessage(
          `Show the solution to "${detail.title}"? You have not solved it yet; ` +
            'seeing it now ends the puzzle for this problem.',
          { modal: true },
          'Show solution'
        );
        if (ok !== 'Show solution') return;
      }
      const solution = await (await this.connection.get()).solution(id);
      if (this.panel.problemId !== id) await this.panel.show(detail);
      await this.panel.showSolution(solution);
    } catch (error) {
      void vscode.window.showErrorMessage(this.sentence(error));
    }
  }

  /** Keep the `jaxlings.notebookBound` / `jaxlings.editorBound` context keys current. */
  updateContext(): void {
    const editor = vscode.window.activeTextEditor;
    // visible, not only active: the cell toolbar must stay while the statement panel has focus
    void vscode.commands.executeCommand(
      'setContext',
      'jaxlings.notebookBound',
      vscode.window.visibleNotebookEditors.some(e => notebookProblem(e.notebook) !== null)
    );
    void vscode.commands.executeCommand(
      'setContext',
      'jaxlings.editorBound',
      !!editor && pythonProblem(editor.document) !== null
    );
  }

  dispose(): void {
    this.disposables.forEach(d => d.dispose());
  }
}

/** CodeLens "Check · Hint" (and the last verdict) above the function of a bound .py file. */
class CheckLenses implements vscode.CodeLensProvider {
  readonly onDidChangeCodeLenses: vscode.Event<void>;
  constructor(private readonly app: Jaxlings) {
    this.onDidChangeCodeLenses = app.verdictsChanged.event;
  }

  provideCodeLenses(document: vscode.TextDocument): vscode.CodeLens[] {
    const target = documentTarget(document);
    if (!target) return [];
    const name = this.app.details.get(target.problemId)?.function ?? null;
    const where = functionLocation(target, name).range;
    const lenses = [
      new vscode.CodeLens(where, {
        title: 'Check',
        command: 'jaxlings.check',
        arguments: [document.uri]
      }),
      new vscode.CodeLens(where, {
        title: 'Hint',
        command: 'jaxlings.nextHint',
        arguments: [target.problemId]
      })
    ];
    const verdict = this.app.verdicts.get(document.uri.toString());
    if (verdict) {
      lenses.push(
        new vscode.CodeLens(where, {
          title: verdictLabel(verdict),
          command: 'jaxlings.openProblem',
          arguments: [target.problemId]
        })
      );
    }
    return lenses;
  }
}

/** The last verdict in the status bar of the checked cell. */
class CellVerdicts implements vscode.NotebookCellStatusBarItemProvider {
  readonly onDidChangeCellStatusBarItems: vscode.Event<void>;
  constructor(private readonly app: Jaxlings) {
    this.onDidChangeCellStatusBarItems = app.verdictsChanged.event;
  }

  provideCellStatusBarItems(cell: vscode.NotebookCell): vscode.NotebookCellStatusBarItem[] {
    const result = this.app.verdicts.get(cell.document.uri.toString());
    if (!result) return [];
    const item = new vscode.NotebookCellStatusBarItem(
      `$(${verdictIcon(result)}) jaxlings: ${verdictLabel(result)}`,
      vscode.NotebookCellStatusBarAlignment.Left
    );
    item.tooltip = 'The last Check of this cell; click to see the results.';
    item.command = { command: 'jaxlings.openProblem', title: 'Open', arguments: [result.problem] };
    return [item];
  }
}

let app: Jaxlings | null = null;

export function activate(context: vscode.ExtensionContext): void {
  const j = new Jaxlings(context);
  app = j;
  const view = vscode.window.createTreeView('jaxlings.problems', {
    treeDataProvider: j.tree,
    showCollapseAll: true
  });
  j.view = view as vscode.TreeView<unknown>;
  const command = (name: string, fn: (...args: any[]) => unknown) =>
    vscode.commands.registerCommand(name, fn);
  context.subscriptions.push(
    j,
    view,
    view.onDidChangeVisibility(e => {
      if (e.visible && j.tree.problems.length === 0) void j.refresh();
    }),
    command('jaxlings.refresh', () => j.refresh()),
    command('jaxlings.filter', async () => {
      const filter = await vscode.window.showInputBox({
        prompt: 'Show problems whose number, name, sprint or status contains every word',
        value: j.tree.filter,
        placeHolder: 'e.g. ema, 19, attempted'
      });
      if (filter !== undefined) j.tree.setFilter(filter);
    }),
    command('jaxlings.clearFilter', () => j.tree.setFilter('')),
    command('jaxlings.openProblem', (id?: string) => j.openProblem(id)),
    command('jaxlings.startNotebook', (arg?: string | { problem?: { id: string } }) =>
      j.start(typeof arg === 'string' ? arg : undefined, 'notebook')
    ),
    command('jaxlings.startPython', (arg?: string) =>
      j.start(typeof arg === 'string' ? arg : undefined, 'python')
    ),
    command('jaxlings.checkCell', (cell?: vscode.NotebookCell) =>
      j.check(cell ? cellTarget(cell) : activeTarget(id => j.details.get(id)?.function ?? null))
    ),
    command('jaxlings.check', async (uri?: vscode.Uri) => {
      if (uri instanceof vscode.Uri) {
        return j.check(documentTarget(await vscode.workspace.openTextDocument(uri)));
      }
      return j.check(activeTarget(id => j.details.get(id)?.function ?? null));
    }),
    command('jaxlings.nextHint', (id?: string) => j.nextHint(id)),
    command('jaxlings.showSolution', (id?: string) => j.showSolution(id)),
    command('jaxlings.restartServer', async () => {
      j.connection.stop();
      await j.refresh();
    }),
    command('jaxlings.setRemoteToken', async () => {
      const token = await vscode.window.showInputBox({
        prompt: 'The token of your Jupyter server (kept in VS Code secret storage)',
        password: true,
        ignoreFocusOut: true
      });
      if (token !== undefined) {
        await context.secrets.store(TOKEN_SECRET, token);
        j.connection.stop();
        await j.refresh();
      }
    }),
    j.panel.onAction(({ action, id }) => {
      if (action === 'start-notebook') return j.start(id, 'notebook');
      if (action === 'start-python') return j.start(id, 'python');
      if (action === 'hint') return j.nextHint(id);
      if (action === 'solution') return j.showSolution(id);
    }),
    vscode.languages.registerCodeLensProvider({ language: 'python' }, new CheckLenses(j)),
    vscode.notebooks.registerNotebookCellStatusBarItemProvider(
      'jupyter-notebook',
      new CellVerdicts(j)
    ),
    vscode.window.onDidChangeActiveNotebookEditor(() => j.updateContext()),
    vscode.window.onDidChangeVisibleNotebookEditors(() => j.updateContext()),
    vscode.window.onDidChangeActiveTextEditor(() => j.updateContext()),
    vscode.workspace.onDidChangeTextDocument(e => {
      if (e.document === vscode.window.activeTextEditor?.document) j.updateContext();
    }),
    vscode.workspace.onDidChangeConfiguration(e => {
      if (
        e.affectsConfiguration('jaxlings.server') ||
        e.affectsConfiguration('jaxlings.pythonPath')
      ) {
        j.connection.stop();
        void j.refresh();
      }
    })
  );
  j.updateContext();
  if (view.visible) void j.refresh();
}

export function deactivate(): void {
  app?.connection.stop();
  app = null;
}
