/** Checks as tests in VS Code's Test Explorer: a test item per problem, a child per case. */
import * as vscode from 'vscode';

import { CheckResult, errorSentence, problemNumber, ProblemSummary } from '@jaxlings/client';

import { caseOutcome, caseTestId } from './logic';

/** Runs the check of a problem for Test Explorer's Run button; resolves when it is reported. */
export type RunCheck = (problemId: string) => Promise<void>;

export class CheckTests implements vscode.Disposable {
  readonly controller: vscode.TestController;

  constructor(private readonly runCheck: RunCheck) {
    this.controller = vscode.tests.createTestController('jaxlings', 'jaxlings');
    this.controller.createRunProfile(
      'Check',
      vscode.TestRunProfileKind.Run,
      (request, token) => this.run(request, token),
      true
    );
  }

  /** The problem's item, created on first use. */
  problemItem(problem: Pick<ProblemSummary, 'id' | 'title' | 'order'>, uri?: vscode.Uri) {
    let item = this.controller.items.get(problem.id);
    if (!item) {
      item = this.controller.createTestItem(
        problem.id,
        `${problemNumber(problem.order)} · ${problem.title}`,
        uri
      );
      this.controller.items.add(item);
    }
    return item;
  }

  /**
   * Report a check: one child per case (replacing the last check's), passed or failed with
   * expected vs actual; the problem errors when the code could not run at all.
   */
  report(
    problem: Pick<ProblemSummary, 'id' | 'title' | 'order'>,
    result: CheckResult,
    location?: vscode.Location
  ): void {
    const item = this.problemItem(problem, location?.uri);
    const children = result.cases.map(c => {
      const child = this.controller.createTestItem(
        caseTestId(problem.id, c.name),
        c.hidden ? `${c.name} (hidden)` : c.name,
        location?.uri
      );
      if (location) {
        child.range = location.range;
      }
      return child;
    });
    item.children.replace(children);
    if (location) {
      item.range = location.range;
    }
    const run = this.controller.createTestRun(
      new vscode.TestRunRequest([item]),
      `Check ${problem.id}`,
      false
    );
    const perCase = result.cases.length > 0 ? result.duration_ms / result.cases.length : undefined;
    result.cases.forEach((c, i) => {
      const child = children[i];
      const outcome = caseOutcome(c, result);
      run.started(child);
      if (outcome.kind === 'passed') {
        run.passed(child, perCase);
      } else if (outcome.kind === 'errored') {
        const message = new vscode.TestMessage(outcome.message);
        message.location = location;
        run.errored(child, message, perCase);
      } else {
        const message =
          outcome.expected !== null && outcome.actual !== null
            ? vscode.TestMessage.diff(outcome.message, outcome.expected, outcome.actual)
            : new vscode.TestMessage(outcome.message);
        message.location = location;
        run.failed(child, message, perCase);
      }
    });
    if (result.cases.length === 0) {
      const sentence = result.error ? errorSentence(result.error) : 'Your code could not be run.';
      const message = new vscode.TestMessage(sentence);
      message.location = location;
      run.errored(item, message, result.duration_ms);
    }
    run.end();
  }

  private async run(request: vscode.TestRunRequest, token: vscode.CancellationToken) {
    const ids = new Set<string>();
    const add = (item: vscode.TestItem) => ids.add(item.id.split('/')[0]);
    if (request.include) {
      request.include.forEach(add);
    } else {
      this.controller.items.forEach(add);
    }
    for (const id of ids) {
      if (token.isCancellationRequested) {
        break;
      }
      await this.runCheck(id);
    }
  }

  dispose(): void {
    this.controller.dispose();
  }
}
