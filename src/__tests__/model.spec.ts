import { describe, expect, it } from 'vitest';

import type { CheckResult, IJaxlingsClient, Progress } from '../api';
import { APIError, errorMessageFromBody } from '../api';
import { CheckCancelled, JaxlingsModel, withSummary } from '../model';
import { detail, hints, result, summary } from '../../packages/client/test/fixtures';

class FakeClient implements IJaxlingsClient {
  /** Every request made, by method name: what a Check costs in round trips. */
  calls: string[] = [];
  checks: string[] = [];
  pending: Array<(r: CheckResult) => void> = [];
  status: 'new' | 'attempted' | 'solved' = 'new';
  attemptCount = 0;

  async progress(): Promise<Progress> {
    this.calls.push('progress');
    return {
      user: 'learner',
      problems: [summary({ status: this.status, attempts: this.attemptCount })],
      sprints: [
        {
          key: 'B',
          title: 'Flax NNX',
          total: 1,
          solved: this.status === 'solved' ? 1 : 0,
          attempted: 0
        }
      ],
      solved: this.status === 'solved' ? 1 : 0,
      total: 1,
      activity: []
    };
  }
  async problem(id: string) {
    this.calls.push('problem');
    if (id !== 'nnx-ema-step') {
      throw new APIError('No problem with id "x".', 404);
    }
    return detail({
      status: this.status,
      attempts: this.attemptCount,
      hints: this.attemptCount > 0 ? hints({ next_available: true, locked_reason: null }) : hints()
    });
  }
  refusals: Array<(e: Error) => void> = [];
  check(_id: string, code: string): Promise<CheckResult> {
    this.calls.push('check');
    this.checks.push(code);
    return new Promise((resolve, reject) => {
      this.pending.push(resolve);
      this.refusals.push(reject);
    });
  }
  /** The server stops the running Check: its request is answered 409. */
  async cancel() {
    this.calls.push('cancel');
    this.pending.shift();
    this.refusals.shift()!(new APIError('You cancelled this Check.', 409));
    return { cancelled: 1 };
  }
  async nextHint() {
    this.calls.push('nextHint');
    return {
      index: 1,
      text: 'Which array keeps most weight?',
      hints: hints({
        unlocked: ['Which array keeps most weight?'],
        next_available: true,
        locked_reason: null
      })
    };
  }
  async solution() {
    this.calls.push('solution');
    return { code: 'def ema_step(...): ...', notes_md: '' };
  }
  async attempts(id: string) {
    this.calls.push('attempts');
    return {
      problem: id,
      attempts: this.checks.map((code, i) => ({
        number: i + 1,
        at: 1_700_000_000 + i,
        status: 'failed' as const,
        passed: false,
        duration_ms: 5,
        code
      }))
    };
  }
  /** Answer the oldest pending check as the server would, with what the attempt moved. */
  finish(overrides: Partial<CheckResult> = {}) {
    this.refusals.shift();
    this.attemptCount += 1;
    const passed = overrides.passed ?? false;
    this.status = passed || this.status === 'solved' ? 'solved' : 'attempted';
    this.pending.shift()!(
      result({
        attempt: this.attemptCount,
        summary: summary({ status: this.status, attempts: this.attemptCount }),
        hints: hints({ next_available: true, locked_reason: null }),
        solution_available: this.status === 'solved' || this.attemptCount >= 3,
        solution_locked_reason:
          this.status === 'solved' || this.attemptCount >= 3 ? null : 'Locked.',
        ...overrides
      })
    );
  }
}

const tick = () => new Promise(resolve => setTimeout(resolve, 0));

describe('JaxlingsModel', () => {
  it('loads the list and signals', async () => {
    const model = new JaxlingsModel(new FakeClient());
    const kinds: string[] = [];
    model.changed.connect((_, c) => kinds.push(c.kind));
    await model.refresh();
    expect(model.problems.map(p => p.id)).toEqual(['nnx-ema-step']);
    expect(model.user).toBe('learner');
    expect(kinds).toContain('problems');
  });

  it('runs one check at a time per problem and is busy meanwhile', async () => {
    const client = new FakeClient();
    const model = new JaxlingsModel(client);
    await model.refresh();
    await model.loadDetail('nnx-ema-step');
    const first = model.check('nnx-ema-step', 'code 1');
    const second = model.check('nnx-ema-step', 'code 2');
    expect(second).toBe(first);
    expect(client.checks).toEqual(['code 1']);
    expect(model.isBusy('nnx-ema-step')).toBe(true);
    client.finish();
    const r = await first;
    expect(r.status).toBe('failed');
    expect(model.isBusy('nnx-ema-step')).toBe(false);
    expect(model.result('nnx-ema-step')).toBe(r);
    // status, attempts and the hint gate follow the attempt
    expect(model.summary('nnx-ema-step')?.status).toBe('attempted');
    expect(model.detail('nnx-ema-step')?.hints.next_available).toBe(true);
    // and a new check may start
    const third = model.check('nnx-ema-step', 'code 3');
    expect(third).not.toBe(first);
    client.finish({ passed: true, status: 'passed' });
    await third;
    expect(model.summary('nnx-ema-step')?.status).toBe('solved');
    expect(model.detail('nnx-ema-step')?.solution_available).toBe(true);
  });

  it('cancels a running Check quietly: no error, not busy, no result', async () => {
    const client = new FakeClient();
    const model = new JaxlingsModel(client);
    await model.refresh();
    const check = model.check('nnx-ema-step', 'while True: pass');
    expect(model.isBusy('nnx-ema-step')).toBe(true);
    await model.cancel('nnx-ema-step');
    await expect(check).rejects.toBeInstanceOf(CheckCancelled);
    expect(model.isBusy('nnx-ema-step')).toBe(false);
    expect(model.error('nnx-ema-step')).toBeUndefined();
    expect(model.result('nnx-ema-step')).toBeUndefined();
  });

  it('costs one round trip per Check and redraws from its answer', async () => {
    const client = new FakeClient();
    const model = new JaxlingsModel(client);
    await model.refresh();
    await model.loadDetail('nnx-ema-step');
    expect(model.sprints[0]).toMatchObject({ solved: 0, attempted: 0 });
    client.calls = [];
    const kinds: string[] = [];
    model.changed.connect((_, c) => kinds.push(c.kind));
    for (const passed of [false, false, true]) {
      const check = model.check('nnx-ema-step', 'code');
      client.finish({ passed, status: passed ? 'passed' : 'failed' });
      await check;
    }
    await tick();
    expect(client.calls).toEqual(['check', 'check', 'check']);
    expect(model.summary('nnx-ema-step')).toMatchObject({ status: 'solved', attempts: 3 });
    expect(model.sprints[0]).toMatchObject({ solved: 1, attempted: 0 });
    expect(model.detail('nnx-ema-step')).toMatchObject({
      status: 'solved',
      attempts: 3,
      solution_available: true,
      solution_locked_reason: null
    });
    expect(model.detail('nnx-ema-step')?.hints.next_available).toBe(true);
    expect(kinds).toContain('problems');
    expect(kinds).toContain('detail');
  });

  it('keeps an open attempt history and the activity current after a Check', async () => {
    const client = new FakeClient();
    const model = new JaxlingsModel(client);
    await model.refresh();
    expect(model.activity).toEqual([]);
    await model.loadAttempts('nnx-ema-step');
    expect(model.attempts('nnx-ema-step')).toEqual([]);
    const check = model.check('nnx-ema-step', 'first try');
    client.finish();
    await check;
    await tick();
    expect(model.attempts('nnx-ema-step')?.map(a => a.code)).toEqual(['first try']);
    expect(model.activity.map(a => a.passed)).toEqual([false]);
  });

  it('changes nothing the server did not save', async () => {
    const client = new FakeClient();
    const model = new JaxlingsModel(client);
    await model.refresh();
    await model.loadDetail('nnx-ema-step');
    const check = model.check('nnx-ema-step', 'code');
    client.finish({ saved: false, attempt: null, save_error: 'Your attempt was not saved.' });
    await check;
    expect(model.summary('nnx-ema-step')).toMatchObject({ status: 'new', attempts: 0 });
    expect(model.detail('nnx-ema-step')?.hints.next_available).toBe(false);
    expect(model.result('nnx-ema-step')?.save_error).toBe('Your attempt was not saved.');
  });

  it('keeps the server error for the view and clears busy', async () => {
    const client = new FakeClient();
    client.check = async () => {
      throw new APIError('The request body is not valid JSON.', 400);
    };
    const model = new JaxlingsModel(client);
    await expect(model.check('nnx-ema-step', 'x')).rejects.toThrow('not valid JSON');
    await tick();
    expect(model.isBusy('nnx-ema-step')).toBe(false);
    expect(model.error('nnx-ema-step')).toBe('The request body is not valid JSON.');
  });

  it('replaces hints from a reveal and caches the solution', async () => {
    const model = new JaxlingsModel(new FakeClient());
    await model.loadDetail('nnx-ema-step');
    await model.revealHint('nnx-ema-step');
    expect(model.detail('nnx-ema-step')?.hints.unlocked).toEqual([
      'Which array keeps most weight?'
    ]);
    await model.loadSolution('nnx-ema-step');
    expect(model.solution('nnx-ema-step')?.code).toMatch(/ema_step/);
  });

  it('records a load error for an unknown problem', async () => {
    const model = new JaxlingsModel(new FakeClient());
    await expect(model.loadDetail('x')).rejects.toThrow();
    expect(model.error('x')).toBe('No problem with id "x".');
  });

  it('drops a restored result older than the latest attempt on the server', async () => {
    const client = new FakeClient();
    client.attemptCount = 3;
    client.status = 'attempted';
    const model = new JaxlingsModel(client);
    model.restoreResults({ 'nnx-ema-step': result({ attempt: 2 }) });
    expect(model.result('nnx-ema-step')?.attempt).toBe(2);
    await model.refresh();
    expect(model.result('nnx-ema-step')).toBeUndefined();
  });

  it('keeps a restored result that is the latest attempt', async () => {
    const client = new FakeClient();
    client.attemptCount = 2;
    const model = new JaxlingsModel(client);
    model.restoreResults({ 'nnx-ema-step': result({ attempt: 2 }) });
    await model.refresh();
    expect(model.result('nnx-ema-step')?.attempt).toBe(2);
  });

  it('restores saved results without overwriting newer ones', () => {
    const model = new JaxlingsModel(new FakeClient());
    model.restoreResults({ 'nnx-ema-step': result({ attempt: 4 }) });
    expect(model.result('nnx-ema-step')?.attempt).toBe(4);
    model.restoreResults({ 'nnx-ema-step': result({ attempt: 1 }) });
    expect(model.result('nnx-ema-step')?.attempt).toBe(4);
  });
});

describe('errorMessageFromBody', () => {
  it("prefers the server's message", () => {
    expect(
      errorMessageFromBody(
        403,
        'Forbidden',
        '{"message": "Hints unlock after your first attempt."}'
      )
    ).toBe('Hints unlock after your first attempt.');
  });
  it('falls back to the status for non-JSON bodies', () => {
    expect(errorMessageFromBody(502, 'Bad Gateway', '<html>')).toBe(
      'The jaxlings server answered 502 Bad Gateway.'
    );
  });
});

describe('withSummary', () => {
  const sprint = { key: 'B', title: 'Flax NNX', total: 2, solved: 0, attempted: 1 };
  const list = [summary({ status: 'attempted', attempts: 1 }), summary({ id: 'other' })];

  it('moves the sprint counts with the status', () => {
    const solved = withSummary(list, [sprint], summary({ status: 'solved', attempts: 2 }));
    expect(solved.problems[0]).toMatchObject({ status: 'solved', attempts: 2 });
    expect(solved.problems[1].id).toBe('other');
    expect(solved.sprints[0]).toMatchObject({ solved: 1, attempted: 0 });
    const first = withSummary(list, [sprint], summary({ id: 'other', status: 'attempted' }));
    expect(first.sprints[0]).toMatchObject({ solved: 0, attempted: 2 });
  });

  it('leaves other sprints and unknown problems alone', () => {
    const other = { ...sprint, key: 'A' };
    const moved = withSummary(list, [other], summary({ status: 'solved' }));
    expect(moved.sprints[0]).toBe(other);
    const unknown = withSummary(list, [sprint], summary({ id: 'nope', status: 'solved' }));
    expect(unknown.problems).toEqual(list);
    expect(unknown.sprints).toEqual([sprint]);
  });
});
