/**
 * A Check from the editor's side: bind an unlinked notebook or file, pick the code to send,
 * run it through the model (one request), and mark the line an error points at.
 * JupyterLab's parts come in through `ICheckHost`, so the steps are plain, tested logic.
 */
import type { CheckResult, EarlierCell } from './api';
import { CheckCancelled, type JaxlingsModel } from './model';
import { errorSentence } from '@jaxlings/client';
import type { IWorkspace, Target } from './targets';
import { targetProblem } from './targets';

/** The text to send and the editor whose lines it numbers (E is the editor's type). */
export interface ISource<E> {
  code: string;
  editor: E | null;
  /** The code cells above a notebook's checked cell (their definitions run first). */
  context?: EarlierCell[];
}

export interface ICheckHost<N, F, E> {
  workspace: IWorkspace<N, F>;
  /** Ask the learner which problem an unlinked target is for (null: they cancelled). */
  askProblem(target: Target<N, F>): Promise<string | null>;
  /** Record the binding in the notebook's metadata or the file's first line. */
  bind(target: Target<N, F>, id: string): void;
  /** The code to check: the whole file, or the notebook cell holding the function. */
  source(target: Target<N, F>, id: string): Promise<ISource<E> | null>;
  /** Show the problem's view beside the target. */
  showProblem(id: string, target: Target<N, F>): void;
  clearErrorLine(editor: E): void;
  markErrorLine(editor: E, line: number, sentence: string): void;
  warn(message: string): void;
  error(message: string): void;
}

export class CheckRunner<N, F, E> {
  constructor(
    private readonly model: JaxlingsModel,
    private readonly host: ICheckHost<N, F, E>
  ) {}

  /** Check a target; null when nothing was checked (cancelled, busy, no code, or failed). */
  async run(target: Target<N, F>): Promise<CheckResult | null> {
    const host = this.host;
    const id = targetProblem(host.workspace, target) ?? (await this.bind(target));
    if (!id) {
      return null;
    }
    if (this.model.isBusy(id)) {
      return null; // one check at a time per problem; the running one will report
    }
    const source = await host.source(target, id);
    if (!source) {
      host.warn('There is no code cell to check: write your function in a code cell first.');
      return null;
    }
    host.showProblem(id, target);
    if (source.editor) {
      host.clearErrorLine(source.editor);
    }
    let result: CheckResult;
    try {
      result = await this.model.check(id, source.code, source.context);
    } catch (error) {
      if (!(error instanceof CheckCancelled)) {
        host.error(`Check failed: ${(error as Error).message}`);
      }
      return null;
    }
    if (source.editor && result.error && result.error.line !== null) {
      host.markErrorLine(source.editor, result.error.line, errorSentence(result.error));
    }
    return result;
  }

  /** Bind an unlinked notebook or file by asking which problem it is for. */
  private async bind(target: Target<N, F>): Promise<string | null> {
    if (!this.model.loaded || this.model.loadError) {
      await this.model.refresh();
    }
    const id = await this.host.askProblem(target);
    if (id) {
      this.host.bind(target, id);
    }
    return id;
  }
}

/** The Check command's label: what it will do, or that a check is running. */
export function checkLabel(busy: boolean, toolbar: boolean): string {
  if (busy) {
    return 'Checking…';
  }
  return toolbar ? 'Check' : 'Check Solution';
}
