/** The main-area view of one problem: statement, status, last check, hints and solution. */
import { Dialog, showDialog } from '@jupyterlab/apputils';
import { IRenderMimeRegistry } from '@jupyterlab/rendermime';
import { ReactWidget } from '@jupyterlab/ui-components';
import type { Message } from '@lumino/messaging';
import * as React from 'react';

import type { ProblemDetail } from './api';
import {
  displayMarkdown,
  headline,
  hintsView,
  problemNumber,
  signatureLine,
  solutionView,
  STATUS_LABEL
} from '@jaxlings/client';
import { Markdown } from './markdown';
import { JaxlingsModel } from './model';
import { ResultView } from './resultview';

export interface IProblemViewActions {
  /** Create or reopen the problem's notebook and show this view beside it. */
  start(id: string): Promise<void>;
  /** Check the open notebook or file bound to the problem. */
  check(id: string): Promise<void>;
  /** Whether a notebook or file bound to the problem is open (so Check has a target). */
  hasEditor(id: string): boolean;
  /** Insert the solution as a new cell below the active cell of the bound notebook. */
  insertSolution(id: string): void;
  /** Open the view of another problem (the next or previous one). */
  open(id: string): void;
  /** Put the starter back in the cell holding the function (after asking). */
  reset(id: string): Promise<void>;
  /** Stop the problem's running Check. */
  cancel(id: string): void;
}

export class ProblemView extends ReactWidget {
  constructor(
    readonly problemId: string,
    private readonly model: JaxlingsModel,
    private readonly rendermime: IRenderMimeRegistry,
    private readonly actions: IProblemViewActions
  ) {
    super();
    this.addClass('jp-jaxlings-ProblemView');
    this.node.setAttribute('data-problem-id', problemId);
    // Focusable, so that its shortcuts (Ctrl+Shift+Enter) work wherever the learner clicked.
    this.node.tabIndex = -1;
    model.changed.connect(this._onChange, this);
  }

  protected onActivateRequest(msg: Message): void {
    super.onActivateRequest(msg);
    if (!this.node.contains(document.activeElement)) {
      this.node.focus({ preventScroll: true });
    }
  }

  dispose(): void {
    this.model.changed.disconnect(this._onChange, this);
    super.dispose();
  }

  protected render(): JSX.Element {
    return (
      <ProblemViewBody
        id={this.problemId}
        model={this.model}
        rendermime={this.rendermime}
        actions={this.actions}
      />
    );
  }

  private _onChange(_: JaxlingsModel, change: { id?: string }): void {
    if (change.id === undefined || change.id === this.problemId) {
      this.update();
    }
  }
}

function ProblemViewBody(props: {
  id: string;
  model: JaxlingsModel;
  rendermime: IRenderMimeRegistry;
  actions: IProblemViewActions;
}): JSX.Element {
  const { id, model, rendermime, actions } = props;
  const detail = model.detail(id);
  const error = model.error(id);
  if (!detail) {
    return (
      <div className="jp-jaxlings-ProblemView-body">
        {error ? (
          <div className="jp-jaxlings-notice jp-mod-error" role="alert">
            Problem “{id}” could not be loaded: {error}
          </div>
        ) : (
          <p className="jp-jaxlings-muted">Loading problem…</p>
        )}
      </div>
    );
  }
  const summary = model.summary(id);
  const status = summary?.status ?? detail.status;
  const attempts = Math.max(summary?.attempts ?? 0, detail.attempts);
  const busy = model.isBusy(id);
  const result = model.result(id);
  const canCheck = actions.hasEditor(id);
  const neighbours = neighbourIds(model, id);
  return (
    <div className="jp-jaxlings-ProblemView-body">
      <header className="jp-jaxlings-ProblemView-header">
        <h1 className="jp-jaxlings-ProblemView-title">
          <span className="jp-jaxlings-ProblemView-number">{problemNumber(detail.order)}</span>{' '}
          {detail.title}
        </h1>
        <div className="jp-jaxlings-ProblemView-meta">
          <span className="jp-jaxlings-Tag" data-difficulty={detail.difficulty}>
            {detail.difficulty}
          </span>
          <span className="jp-jaxlings-Status" data-status={status}>
            {STATUS_LABEL[status]}
          </span>
          <span className="jp-jaxlings-ProblemView-attempts">
            {attempts} attempt{attempts === 1 ? '' : 's'}
          </span>
          <span className="jp-jaxlings-muted">
            Sprint {detail.sprint} · {detail.sprint_title}
          </span>
        </div>
        <code className="jp-jaxlings-Signature">
          {signatureLine(detail.function, detail.signature)}
        </code>
      </header>
      <div className="jp-jaxlings-ProblemView-bar">
        <div className="jp-jaxlings-ProblemView-actions">
          <button
            className={`jp-mod-styled${canCheck ? '' : ' jp-mod-accept'}`}
            onClick={() => void actions.start(id)}
            title="Create your notebook for this problem, or reopen it"
          >
            Start
          </button>
          <button
            className={`jp-mod-styled${canCheck ? ' jp-mod-accept' : ''}`}
            onClick={() => void actions.check(id)}
            disabled={busy || !canCheck}
            aria-busy={busy}
            title={
              canCheck
                ? 'Check the function in your notebook (Ctrl+Shift+Enter)'
                : 'Open your notebook with Start first'
            }
          >
            {busy ? 'Checking…' : 'Check'}
          </button>
          {busy && (
            <button
              className="jp-mod-styled jp-jaxlings-CancelButton"
              onClick={() => actions.cancel(id)}
              title="Stop this Check (it is not recorded)"
            >
              Cancel
            </button>
          )}
          {!busy && canCheck && (
            <button
              className="jp-mod-styled jp-jaxlings-ResetButton"
              onClick={() => void actions.reset(id)}
              title="Put the starter code back in the cell holding your function"
            >
              Reset
            </button>
          )}
        </div>
        <VerdictChip id={id} busy={busy} result={result} />
        <nav className="jp-jaxlings-ProblemView-nav" aria-label="Other problems">
          <button
            className="jp-jaxlings-linkButton"
            disabled={!neighbours.previous}
            onClick={() => neighbours.previous && actions.open(neighbours.previous)}
            title="Open the previous problem"
          >
            ‹ Previous
          </button>
          <button
            className="jp-jaxlings-linkButton"
            disabled={!neighbours.next}
            onClick={() => neighbours.next && actions.open(neighbours.next)}
            title="Open the next problem"
          >
            Next ›
          </button>
        </nav>
      </div>

      {error && (
        <div className="jp-jaxlings-notice jp-mod-error" role="alert">
          {error}
          <button
            className="jp-jaxlings-linkButton"
            aria-label="Dismiss this message"
            onClick={() => model.clearError(id)}
          >
            Dismiss
          </button>
        </div>
      )}

      <section
        className="jp-jaxlings-Section jp-jaxlings-LastCheck"
        aria-labelledby={`jaxlings-${id}-last-check`}
        aria-live="polite"
        aria-busy={busy}
      >
        <h2 id={`jaxlings-${id}-last-check`}>Last check</h2>
        {busy && (
          <p className="jp-jaxlings-Busy" role="status">
            <span className="jp-jaxlings-Spinner" aria-hidden="true" /> Checking your function…
          </p>
        )}
        {detail.isolation?.note && (
          <p className="jp-jaxlings-Unjailed" role="note">
            {detail.isolation.note}
          </p>
        )}
        {result && !result.passed && result.counted === false && (
          <p className="jp-jaxlings-muted jp-jaxlings-NotCounted">
            This Check does not count toward unlocking the solution: it did not run your function on
            code of your own (the untouched starter, or code that does not run).
          </p>
        )}
        {result ? (
          <ResultView result={result} stale={busy} />
        ) : (
          !busy && (
            <p className="jp-jaxlings-muted">
              No check yet. Write <code>{detail.function}</code> in your notebook and press Check.
            </p>
          )
        )}
      </section>

      <HintsSection detail={detail} model={model} rendermime={rendermime} />
      <SolutionSection detail={detail} model={model} rendermime={rendermime} actions={actions} />

      <section
        className="jp-jaxlings-Section jp-jaxlings-Statement"
        aria-labelledby={`jaxlings-${id}-statement`}
      >
        <h2 id={`jaxlings-${id}-statement`}>Statement</h2>
        <Markdown rendermime={rendermime} source={displayMarkdown(detail.statement_md)} />
      </section>
    </div>
  );
}

/** The previous and next problem in the bank's order. */
function neighbourIds(
  model: JaxlingsModel,
  id: string
): { previous: string | null; next: string | null } {
  const ids = [...model.problems].sort((a, b) => a.order - b.order).map(p => p.id);
  const i = ids.indexOf(id);
  return {
    previous: i > 0 ? ids[i - 1] : null,
    next: i >= 0 && i < ids.length - 1 ? ids[i + 1] : null
  };
}

/**
 * The last verdict (or the running Check) in the bar that stays at the top of the view, so a
 * learner scrolled down in the statement sees a Check finish; a click scrolls to the results.
 */
function VerdictChip(props: {
  id: string;
  busy: boolean;
  result: ReturnType<JaxlingsModel['result']>;
}): JSX.Element {
  const { id, busy, result } = props;
  const toResults = (event: React.MouseEvent) => {
    const view = (event.currentTarget as HTMLElement).closest('.jp-jaxlings-ProblemView');
    view?.querySelector(`#jaxlings-${CSS.escape(id)}-last-check`)?.scrollIntoView({
      block: 'start',
      behavior: 'smooth'
    });
  };
  let body: JSX.Element | null = null;
  if (busy) {
    body = (
      <span className="jp-jaxlings-VerdictChip" data-tone="busy">
        <span className="jp-jaxlings-Spinner" aria-hidden="true" /> Checking…
      </span>
    );
  } else if (result) {
    const line = headline(result);
    body = (
      <button
        className="jp-jaxlings-VerdictChip"
        data-tone={line.tone}
        onClick={toResults}
        title="Show the results of the last Check"
      >
        {line.title}: {line.detail}
      </button>
    );
  }
  return (
    <div className="jp-jaxlings-ProblemView-verdict" role="status" aria-live="polite">
      {body}
    </div>
  );
}

function HintsSection(props: {
  detail: ProblemDetail;
  model: JaxlingsModel;
  rendermime: IRenderMimeRegistry;
}): JSX.Element {
  const { detail, model, rendermime } = props;
  const view = hintsView(detail.hints);
  const [pending, setPending] = React.useState(false);
  const reveal = async () => {
    setPending(true);
    try {
      await model.revealHint(detail.id);
    } catch {
      // shown by the view through model.error
    } finally {
      setPending(false);
    }
  };
  return (
    <section
      className="jp-jaxlings-Section jp-jaxlings-Hints"
      aria-labelledby={`jaxlings-${detail.id}-hints`}
    >
      <h2 id={`jaxlings-${detail.id}-hints`}>
        Hints{' '}
        <span className="jp-jaxlings-muted">
          ({view.revealed.length} of {view.total} shown)
        </span>
      </h2>
      {view.revealed.length > 0 && (
        <ol className="jp-jaxlings-HintList">
          {view.revealed.map((text, i) => (
            <li key={i} className="jp-jaxlings-Hint" data-hint={i + 1}>
              <Markdown rendermime={rendermime} source={text} />
            </li>
          ))}
        </ol>
      )}
      {view.nextLabel && (
        <button
          className="jp-mod-styled jp-jaxlings-HintButton"
          onClick={() => void reveal()}
          disabled={pending}
        >
          {view.nextLabel}
        </button>
      )}
      {view.lockedReason && (
        <p className="jp-jaxlings-Locked" data-locked="hints">
          <span className="jp-jaxlings-Locked-label">Locked.</span> {view.lockedReason}
        </p>
      )}
      {view.allShown && view.total > 0 && <p className="jp-jaxlings-muted">All hints are shown.</p>}
    </section>
  );
}

function SolutionSection(props: {
  detail: ProblemDetail;
  model: JaxlingsModel;
  rendermime: IRenderMimeRegistry;
  actions: IProblemViewActions;
}): JSX.Element {
  const { detail, model, rendermime, actions } = props;
  const solution = model.solution(detail.id);
  const view = solutionView(detail, solution !== undefined);
  const show = async () => {
    if (view.confirmFirst) {
      const answer = await showDialog({
        title: 'Show the solution?',
        body:
          'You have not solved this problem yet. Working it out yourself (with the hints) ' +
          'is how it sticks; the solution will still be here afterwards.',
        buttons: [
          Dialog.cancelButton({ label: 'Keep trying' }),
          Dialog.warnButton({ label: 'Show solution' })
        ],
        defaultButton: 0 // Enter keeps trying: revealing takes a deliberate choice
      });
      if (!answer.button.accept) {
        return;
      }
    }
    await model.loadSolution(detail.id).catch(() => undefined);
  };
  return (
    <section
      className="jp-jaxlings-Section jp-jaxlings-Solution"
      aria-labelledby={`jaxlings-${detail.id}-solution`}
    >
      <h2 id={`jaxlings-${detail.id}-solution`}>Solution</h2>
      {view.state === 'locked' && (
        <p className="jp-jaxlings-Locked" data-locked="solution">
          <span className="jp-jaxlings-Locked-label">Locked.</span> {view.reason}
        </p>
      )}
      {view.state === 'available' && (
        <button className="jp-mod-styled jp-jaxlings-SolutionButton" onClick={() => void show()}>
          View solution
        </button>
      )}
      {view.state === 'shown' && solution && (
        <>
          <div className="jp-jaxlings-SolutionCode">
            <Markdown rendermime={rendermime} source={'```python\n' + solution.code + '\n```'} />
          </div>
          {solution.notes_md && (
            <Markdown
              rendermime={rendermime}
              source={displayMarkdown(solution.notes_md)}
              className="jp-jaxlings-SolutionNotes"
            />
          )}
          <button
            className="jp-mod-styled"
            onClick={() => actions.insertSolution(detail.id)}
            disabled={!actions.hasEditor(detail.id)}
            title={
              actions.hasEditor(detail.id)
                ? 'Insert the solution as a new cell below the active cell of your notebook'
                : 'Open your notebook with Start first'
            }
          >
            Insert as new cell below
          </button>
        </>
      )}
    </section>
  );
}
