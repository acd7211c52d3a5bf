/**
 * The learner's state as the front end knows it: problem list, loaded problems, last check
 * results, revealed solutions and in-flight checks; `changed` fires on every change.
 */
import { ISignal, Signal } from '@lumino/signaling';

import type {
  ActivityMark,
  Attempt,
  CheckResult,
  EarlierCell,
  IJaxlingsClient,
  ProblemDetail,
  ProblemSummary,
  Solution,
  SprintProgress
} from './api';

export type ChangeKind =
  'problems' | 'detail' | 'result' | 'busy' | 'solution' | 'error' | 'attempts';

export interface IModelChange {
  kind: ChangeKind;
  /** The problem concerned, when the change is about one. */
  id?: string;
}

/**
 * The list and the sprint totals with one problem's summary replaced: the sprint's solved and
 * attempted counts move with the problem's status, as the server's `progress` would count them.
 */
export function withSummary(
  problems: readonly ProblemSummary[],
  sprints: readonly SprintProgress[],
  next: ProblemSummary
): { problems: ProblemSummary[]; sprints: SprintProgress[] } {
  const old = problems.find(p => p.id === next.id);
  if (!old) {
    return { problems: [...problems], sprints: [...sprints] };
  }
  const solved = Number(next.status === 'solved') - Number(old.status === 'solved');
  // attempted = started and not solved yet, as the server counts it
  const attempted = Number(next.status === 'attempted') - Number(old.status === 'attempted');
  return {
    problems: problems.map(p => (p.id === next.id ? next : p)),
    sprints: sprints.map(s =>
      s.key === next.sprint && (solved || attempted)
        ? { ...s, solved: s.solved + solved, attempted: s.attempted + attempted }
        : s
    )
  };
}

/** A Check the learner cancelled: not an error to show. */
export class CheckCancelled extends Error {
  constructor(readonly problem: string) {
    super('The Check was cancelled.');
    this.name = 'CheckCancelled';
  }
}

export class JaxlingsModel {
  constructor(private readonly client: IJaxlingsClient) {}

  get changed(): ISignal<this, IModelChange> {
    return this._changed;
  }

  /** Problems in the order the server gave them. */
  get problems(): readonly ProblemSummary[] {
    return this._problems;
  }

  /** The learner's recorded Checks of the last weeks (time, passed), for the overview. */
  get activity(): readonly ActivityMark[] {
    return this._activity;
  }

  get sprints(): readonly SprintProgress[] {
    return this._sprints;
  }

  get user(): string {
    return this._user;
  }

  /** Whether the list has been loaded at least once. */
  get loaded(): boolean {
    return this._loaded;
  }

  /** Why the list could not be loaded (null when it could). */
  get loadError(): string | null {
    return this._loadError;
  }

  summary(id: string): ProblemSummary | undefined {
    return this._problems.find(p => p.id === id);
  }

  detail(id: string): ProblemDetail | undefined {
    return this._details.get(id);
  }

  /** The result of the last check of a problem in this browser. */
  result(id: string): CheckResult | undefined {
    return this._results.get(id);
  }

  /** All last results, for saving in the state database. */
  get results(): Record<string, CheckResult> {
    return Object.fromEntries(this._results);
  }

  /** The learner's own attempts at a problem, once loaded (oldest first). */
  attempts(id: string): readonly Attempt[] | undefined {
    return this._attempts.get(id);
  }

  /** Load (or reload) the attempt history of a problem. Rejects when the server does. */
  async loadAttempts(id: string): Promise<readonly Attempt[]> {
    try {
      const history = await this.client.attempts(id);
      this._attempts.set(id, history.attempts);
      this._changed.emit({ kind: 'attempts', id });
      return history.attempts;
    } catch (error) {
      this._setError(id, error);
      throw error;
    }
  }

  solution(id: string): Solution | undefined {
    return this._solutions.get(id);
  }

  /** The last error about a problem (a failed request), to show in its view. */
  error(id: string): string | undefined {
    return this._errors.get(id);
  }

  isBusy(id: string): boolean {
    return this._inFlight.has(id);
  }

  /**
   * Restore last results saved from an earlier session (never over newer ones). Once the
   * list is loaded, a restored result older than the server's latest attempt is dropped:
   * the learner checked again elsewhere (another browser, the CLI).
   */
  restoreResults(saved: Record<string, CheckResult>): void {
    let any = false;
    for (const [id, result] of Object.entries(saved)) {
      if (!this._results.has(id) && result && typeof result === 'object') {
        this._results.set(id, result);
        this._restored.add(id);
        any = true;
      }
    }
    if (any) {
      this._dropStaleRestored();
      this._changed.emit({ kind: 'result' });
    }
  }

  /** Load the problem list and per-sprint totals. */
  async refresh(): Promise<void> {
    try {
      const progress = await this.client.progress();
      this._problems = progress.problems;
      this._sprints = progress.sprints;
      this._activity = progress.activity ?? [];
      this._user = progress.user;
      this._loadError = null;
    } catch (error) {
      this._loadError = (error as Error).message;
    }
    this._loaded = true;
    this._dropStaleRestored();
    this._changed.emit({ kind: 'problems' });
  }

  /** Load (or reload) one problem's detail. Rejects when the server does. */
  async loadDetail(id: string): Promise<ProblemDetail> {
    let detail: ProblemDetail;
    try {
      detail = await this.client.problem(id);
    } catch (error) {
      this._setError(id, error);
      throw error;
    }
    this._details.set(id, detail);
    this._updateSummary(id, detail.status, detail.attempts);
    this._changed.emit({ kind: 'detail', id });
    if (detail.solution_viewed && !this._solutions.has(id)) {
      // seen before (this browser or another): shown again, as revealed hints are
      void this.loadSolution(id).catch(() => undefined);
    }
    return detail;
  }

  /**
   * Check code against a problem. While a check of the same problem is running, a second
   * call starts no new request and gets the running one's promise.
   */
  check(id: string, code: string, context?: EarlierCell[]): Promise<CheckResult> {
    const running = this._inFlight.get(id);
    if (running) {
      return running;
    }
    const promise = this._check(id, code, context);
    this._inFlight.set(id, promise);
    this._changed.emit({ kind: 'busy', id });
    const done = () => {
      this._inFlight.delete(id);
      this._changed.emit({ kind: 'busy', id });
    };
    promise.then(done, done);
    return promise;
  }

  /**
   * Stop the running Check of a problem. Its promise then rejects with a CheckCancelled, which
   * callers take quietly: the learner asked for it.
   */
  async cancel(id: string): Promise<void> {
    if (!this._inFlight.has(id)) {
      return;
    }
    this._cancelled.add(id);
    try {
      await this.client.cancel(id);
    } catch (error) {
      this._cancelled.delete(id);
      this._setError(id, error);
    }
  }

  /** Reveal the next hint; the detail's hints are replaced by the server's. */
  async revealHint(id: string): Promise<void> {
    try {
      const reveal = await this.client.nextHint(id);
      const detail = this._details.get(id);
      if (detail) {
        this._details.set(id, { ...detail, hints: reveal.hints });
      }
      this._errors.delete(id);
      this._changed.emit({ kind: 'detail', id });
    } catch (error) {
      this._setError(id, error);
      // The server may know something we do not (e.g. a reveal in another tab).
      await this.loadDetail(id).catch(() => undefined);
      throw error;
    }
  }

  /** Fetch the solution (403 while locked). */
  async loadSolution(id: string): Promise<Solution> {
    try {
      const solution = await this.client.solution(id);
      this._solutions.set(id, solution);
      this._errors.delete(id);
      this._changed.emit({ kind: 'solution', id });
      return solution;
    } catch (error) {
      this._setError(id, error);
      throw error;
    }
  }

  clearError(id: string): void {
    if (this._errors.delete(id)) {
      this._changed.emit({ kind: 'error', id });
    }
  }

  private async _check(id: string, code: string, context?: EarlierCell[]): Promise<CheckResult> {
    let result: CheckResult;
    try {
      result = await this.client.check(id, code, context);
    } catch (error) {
      if (this._cancelled.delete(id)) {
        throw new CheckCancelled(id);
      }
      this._setError(id, error);
      throw error;
    } finally {
      this._cancelled.delete(id);
    }
    this._errors.delete(id);
    this._results.set(id, result);
    this._restored.delete(id);
    if (result.saved) {
      this._activity = [...this._activity, { at: Date.now() / 1000, passed: result.passed }];
      if (this._attempts.has(id)) {
        void this.loadAttempts(id).catch(() => undefined); // the history gained this attempt
      }
      // Status, attempts, hint and solution gates all move after an attempt: the answer says how.
      this._applySummary(result.summary);
      const detail = this._details.get(id);
      if (detail) {
        this._details.set(id, {
          ...detail,
          status: result.summary.status,
          attempts: result.summary.attempts,
          hints: result.hints,
          solution_available: result.solution_available,
          solution_locked_reason: result.solution_locked_reason
        });
        this._changed.emit({ kind: 'detail', id });
      }
    }
    this._changed.emit({ kind: 'result', id });
    return result;
  }

  private _applySummary(next: ProblemSummary): void {
    const old = this.summary(next.id);
    if (!old || (old.status === next.status && old.attempts === next.attempts)) {
      return;
    }
    ({ problems: this._problems, sprints: this._sprints } = withSummary(
      this._problems,
      this._sprints,
      next
    ));
    this._changed.emit({ kind: 'problems' });
  }

  private _updateSummary(
    id: string,
    status: ProblemSummary['status'] | undefined,
    attempts: number | undefined
  ): void {
    const i = this._problems.findIndex(p => p.id === id);
    if (i < 0) {
      return;
    }
    const old = this._problems[i];
    const next: ProblemSummary = {
      ...old,
      status: status === 'solved' || old.status === 'solved' ? 'solved' : (status ?? old.status),
      attempts: attempts ?? old.attempts
    };
    if (next.status === 'new' && next.attempts > 0) {
      next.status = 'attempted';
    }
    if (next.status !== old.status || next.attempts !== old.attempts) {
      this._problems = [...this._problems.slice(0, i), next, ...this._problems.slice(i + 1)];
      this._changed.emit({ kind: 'problems' });
    }
  }

  private _dropStaleRestored(): void {
    for (const id of [...this._restored]) {
      const summary = this.summary(id);
      const result = this._results.get(id);
      if (!summary || !result) {
        continue;
      }
      if (result.attempt !== null && summary.attempts > result.attempt) {
        this._results.delete(id);
      }
      this._restored.delete(id);
    }
  }

  private _setError(id: string, error: unknown): void {
    this._errors.set(id, (error as Error)?.message ?? String(error));
    this._changed.emit({ kind: 'error', id });
  }

  private _changed = new Signal<this, IModelChange>(this);
  private _problems: ProblemSummary[] = [];
  private _sprints: SprintProgress[] = [];
  private _activity: ActivityMark[] = [];
  private _attempts = new Map<string, readonly Attempt[]>();
  private _user = '';
  private _loaded = false;
  private _loadError: string | null = null;
  private _details = new Map<string, ProblemDetail>();
  private _results = new Map<string, CheckResult>();
  private _solutions = new Map<string, Solution>();
  private _errors = new Map<string, string>();
  private _inFlight = new Map<string, Promise<CheckResult>>();
  private _restored = new Set<string>();
  private _cancelled = new Set<string>();
}
