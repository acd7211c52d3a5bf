import { describe, expect, it } from 'vitest';

import type { CheckResult, IJaxlingsClient, Progress } from '../api';
import { APIError, errorMessageFromBody } from '../api';
import { JaxlingsModel } from '../model';
import { detail, hints, result, summary } from '../../packages/client/test/fixtures';

class FakeClient implements IJaxlingsClient {
  checks: string[] = [];
  pending: Array<(r: CheckResult) => void> = [];
  status: 'new' | 'attempted' | 'solved' = 'new';
  attempts = 0;

  async progress(): Promise<Progress> {
    return {
      user: 'learner',
      problems: [summary({ status: this.status, attempts: this.attempts })],
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
      total: 1
    };
  }
  async problem(id: string) {
    if (id !== 'nnx-ema-step') {
      throw new APIError('No problem with id "x".', 404);
    }
    return detail({
      status: this.status,
      attempts: this.attempts,
      hints: this.attempts > 0 ? hints({ next_available: true, locked_reason: null }) : hints()
    });
  }
  check(_id: string, code: string): Promise<CheckResult> {
    this.checks.push(code);
    return new Promise(resolve => this.pending.push(resolve));
  }
  async nextHint() {
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
    return { code: 'def ema_step(...): ...', notes_md: '' };
  }
  finish(r: CheckResult) {
    this.attempts += 1;
    this.status = r.passed ? 'solved' : 'attempted';
    this.pending.shift()!(r);
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
    const first = model.check('nnx-ema-step', 'code 1');
    const second = model.check('nnx-ema-step', 'code 2');
    expect(second).toBe(first);
    expect(client.checks).toEqual(['code 1']);
    expect(model.isBusy('nnx-ema-step')).toBe(true);
    client.finish(result({ attempt: 1 }));
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
    client.finish(result({ passed: true, status: 'passed', attempt: 2 }));
    await third;
    expect(model.summary('nnx-ema-step')?.status).toBe('solved');
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
    client.attempts = 3;
    client.status = 'attempted';
    const model = new JaxlingsModel(client);
    model.restoreResults({ 'nnx-ema-step': result({ attempt: 2 }) });
    expect(model.result('nnx-ema-step')?.attempt).toBe(2);
    await model.refresh();
    expect(model.result('nnx-ema-step')).toBeUndefined();
  });

  it('keeps a restored result that is the latest attempt', async () => {
    const client = new FakeClient();
    client.attempts = 2;
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
