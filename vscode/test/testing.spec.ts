import { describe, expect, it } from 'vitest';

import * as vscode from 'vscode';
import { CheckTests } from '../src/testing';
import { result } from '../../packages/client/test/fixtures';

const problem = { id: 'nnx-ema-step', title: 'EMA step', order: 19 };
const where = new vscode.Location(
  vscode.Uri.file('/w/19-nnx-ema-step.py'),
  new vscode.Range(4, 0, 4, 0)
);

function lastRun() {
  return (vscode as any).testRuns[(vscode as any).testRuns.length - 1];
}

describe('checks in Test Explorer', () => {
  it('makes a test item per case and reports expected vs actual as a diff', () => {
    const tests = new CheckTests(async () => {});
    tests.report(problem, result(), where as any);
    const item = tests.controller.items.get('nnx-ema-step')!;
    expect(item.label).toBe('19 · EMA step');
    const ids: string[] = [];
    item.children.forEach(c => ids.push(c.id));
    expect(ids).toEqual([
      'nnx-ema-step/worked example',
      'nnx-ema-step/decay 1.0 keeps ema',
      'nnx-ema-step/random 8'
    ]);
    const run = lastRun();
    expect(run.ended).toBe(true);
    const outcomes = run.outcomes.filter((o: any) => o.kind !== 'started');
    expect(outcomes.map((o: any) => o.kind)).toEqual(['failed', 'passed', 'failed']);
    expect(outcomes[0].message.expectedOutput).toBe('[0.1 0.2 0.3 0.4]');
    expect(outcomes[0].message.actualOutput).toBe('[0.9 1.8 2.7 3.6]');
    expect(outcomes[0].message.location).toBe(where);
    expect(outcomes[2].message.expectedOutput).toBeUndefined();
    expect(outcomes[2].message.message).toContain('Hidden case');
  });
  it('replaces the cases of the last check and errors the problem when nothing ran', () => {
    const tests = new CheckTests(async () => {});
    tests.report(problem, result(), where as any);
    tests.report(
      problem,
      result({
        status: 'error',
        cases: [],
        error: { type: 'SyntaxError', message: 'invalid syntax', line: 2, traceback: null }
      }),
      where as any
    );
    expect(tests.controller.items.get('nnx-ema-step')!.children.size).toBe(0);
    const outcomes = lastRun().outcomes;
    expect(outcomes).toHaveLength(1);
    expect(outcomes[0]).toMatchObject({ id: 'nnx-ema-step', kind: 'errored' });
    expect(outcomes[0].message.message).toBe('line 2: SyntaxError: invalid syntax');
  });
  it("runs a problem's check from Test Explorer's Run", async () => {
    const ran: string[] = [];
    const tests = new CheckTests(async id => {
      ran.push(id);
    });
    tests.report(problem, result(), where as any);
    const profile = (tests.controller as any).profiles[0];
    const child = { id: 'nnx-ema-step/worked example' };
    await profile.handler({ include: [child] }, { isCancellationRequested: false });
    expect(ran).toEqual(['nnx-ema-step']);
  });
});
