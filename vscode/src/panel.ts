/** The statement panel: one webview beside the editor showing the current problem and its results. */
import * as vscode from 'vscode';

import { CheckResult, displayMarkdown, ProblemDetail, Solution } from '@jaxlings/client';

import { escapeHtml } from './logic';
import { IPanelState, panelHtml } from './view';

/** Markdown to HTML with VS Code's own renderer (code highlighted, math by markdown-math). */
export async function renderMarkdown(md: string): Promise<string> {
  try {
    const html = await vscode.commands.executeCommand<string>('markdown.api.render', md);
    if (typeof html === 'string') {
      return html;
    }
  } catch {
    // the markdown extension is disabled: show the text as it is
  }
  return `<pre>${escapeHtml(md)}</pre>`;
}

/** KaTeX's stylesheet shipped with VS Code's markdown-math extension, if present. */
function mathStyle(): vscode.Uri | null {
  const ext = vscode.extensions.getExtension('vscode.markdown-math');
  return ext ? vscode.Uri.joinPath(ext.extensionUri, 'notebook-out', 'katex.min.css') : null;
}

function nonce(): string {
  let text = '';
  const chars = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  for (let i = 0; i < 32; i++) {
    text += chars.charAt(Math.floor(Math.random() * chars.length));
  }
  return text;
}

export type PanelAction = 'start-notebook' | 'start-python' | 'hint' | 'solution';

export class StatementPanel implements vscode.Disposable {
  private panel: vscode.WebviewPanel | null = null;
  private state: IPanelState | null = null;
  private readonly actions = new vscode.EventEmitter<{ action: PanelAction; id: string }>();
  readonly onAction = this.actions.event;

  constructor(private readonly extensionUri: vscode.Uri) {}

  /** The problem on show, if any. */
  get problemId(): string | null {
    return this.state?.detail.id ?? null;
  }

  /** Show a problem (keeping its last result and solution if it is already on show). */
  async show(
    detail: ProblemDetail,
    options: { reveal?: boolean; column?: vscode.ViewColumn } = {}
  ): Promise<void> {
    const same = this.state?.detail.id === detail.id;
    this.state = {
      detail,
      statementHtml: await renderMarkdown(displayMarkdown(detail.statement_md)),
      hintsHtml: await Promise.all(detail.hints.unlocked.map(renderMarkdown)),
      result: same ? this.state!.result : null,
      solution: same ? this.state!.solution : null,
      notice: null
    };
    this.ensurePanel(options.reveal ?? true, options.column);
    this.redraw();
  }

  /** Show a check's result with the problem's fresh detail. */
  async showResult(detail: ProblemDetail, result: CheckResult): Promise<void> {
    await this.show(detail, { reveal: false });
    this.state!.result = result;
    this.redraw();
  }

  async showSolution(solution: Solution): Promise<void> {
    if (!this.state) {
      return;
    }
    this.state.solution = {
      value: solution,
      codeHtml: await renderMarkdown('```python\n' + solution.code.replace(/\s+$/, '') + '\n```'),
      notesHtml: solution.notes_md ? await renderMarkdown(solution.notes_md) : ''
    };
    this.redraw();
  }

  notify(sentence: string): void {
    if (this.state) {
      this.state.notice = sentence;
      this.redraw();
    }
  }

  private ensurePanel(reveal: boolean, column?: vscode.ViewColumn): void {
    if (this.panel) {
      if (reveal) {
        this.panel.reveal(column, true);
      }
      return;
    }
    const roots = [vscode.Uri.joinPath(this.extensionUri, 'media')];
    const math = mathStyle();
    if (math) {
      roots.push(vscode.Uri.joinPath(math, '..'));
    }
    this.panel = vscode.window.createWebviewPanel(
      'jaxlings.statement',
      'jaxlings',
      { viewColumn: column ?? vscode.ViewColumn.Beside, preserveFocus: true },
      { enableScripts: true, localResourceRoots: roots, retainContextWhenHidden: true }
    );
    this.panel.iconPath = vscode.Uri.joinPath(this.extensionUri, 'media', 'jaxlings.svg');
    this.panel.onDidDispose(() => {
      this.panel = null;
    });
    this.panel.webview.onDidReceiveMessage((message: { action?: PanelAction }) => {
      if (message.action && this.state) {
        this.actions.fire({ action: message.action, id: this.state.detail.id });
      }
    });
  }

  private redraw(): void {
    if (!this.panel || !this.state) {
      return;
    }
    const webview = this.panel.webview;
    const media = (name: string) =>
      webview.asWebviewUri(vscode.Uri.joinPath(this.extensionUri, 'media', name)).toString();
    const math = mathStyle();
    this.panel.title = `${this.state.detail.title}`;
    webview.html = panelHtml(this.state, {
      cspSource: webview.cspSource,
      nonce: nonce(),
      scriptUri: media('panel.js'),
      styleUri: media('panel.css'),
      mathStyleUri: math ? webview.asWebviewUri(math).toString() : null
    });
  }

  dispose(): void {
    this.panel?.dispose();
    this.actions.dispose();
  }
}
