import { describe, expect, it } from 'vitest';

import type { CheckResult, IJaxlingsClient, Progress } from '../api';
import { checkLabel, CheckRunner, ICheckHost, ISource } from '../check';
import { JaxlingsModel } from '../model';
import type { Target } from '../targets';
import { detail, result, summary } from '../../packages/client/test/fixtures';

interface INb {
  id: string;
  problem: string | null;
}
type Editor = { marks: Array<{ line: number; sentence: string }> };

class Client implements IJaxlingsClient {
  calls: string[] = [];
  answer: CheckResult = result();
  async progress(): Promise<Progress> {
    this.calls.push('progress');
    return { user: 'me', problems: [summary()], sprints: [], solved: 0, total: 1 };
  }
  async problem() {
    this.calls.push('problem');
    return detail();
  }
  async check(): Promise<CheckResult> {
    this.calls.push('check');
    return this.answer;
  }
  async cancel() {
    return { cancelled: 0 };
  }
  async nextHint(): Promise<never> {
    throw new Error('not used');
  }
  async solution(): Promise<never> {
    throw new Error('not used');
  }
}

class Host implements ICheckHost<INb, never, Editor> {
  editor: Editor = { marks: [] };
  code: string | null = 'def ema_step(seed, params_arr, ema_arr, decay): ...';
  answer: string | null = 'nnx-ema-step';
  asked: string[] = [];
  bound: Array<[string, string]> = [];
  shown: string[] = [];
  said: string[] = [];
  workspace = {
    currentNotebook: () => null,
    notebooks: () => [],
    files: () => [],
    notebookId: (n: INb) => n.id,
    notebookProblem: (n: INb) => n.problem,
    fileProblem: () => null,
    isPythonFile: () => false,
    focus: () => null
  };
  async askProblem(target: Target<INb, never>) {
    this.asked.push(target.kind);
    return this.answer;
  }
  bind(target: Target<INb, never>, id: string) {
    if (target.kind === 'notebook') {
      target.panel.problem = id;
      this.bound.push([target.panel.id, id]);
    }
  }
  async source(): Promise<ISource<Editor> | null> {
    return this.code === null ? null : { code: this.code, editor: this.editor };
  }
  showProblem(id: string) {
    this.shown.push(id);
  }
  clearErrorLine(editor: Editor) {
    editor.marks = [];
  }
  markErrorLine(editor: Editor, line: number, sentence: string) {
    editor.marks.push({ line, sentence });
  }
  warn(message: string) {
    this.said.push(`warn: ${message}`);
  }
  error(message: string) {
    this.said.push(`error: ${message}`);
  }
}

const bound = (): Target<INb, never> => ({
  kind: 'notebook',
  panel: { id: 'nb', problem: 'nnx-ema-step' }
});

describe('CheckRunner', () => {
  it('sends the code once, shows the problem and marks the error line', async () => {
    const client = new Client();
    client.answer = result({
      status: 'error',
      error: { type: 'NameError', message: "name 'x' is not defined", line: 2, traceback: null }
    });
    const host = new Host();
    host.editor.marks = [{ line: 9, sentence: 'stale' }];
    const r = await new CheckRunner(new JaxlingsModel(client), host).run(bound());
    expect(r?.status).toBe('error');
    expect(client.calls).toEqual(['check']);
    expect(host.shown).toEqual(['nnx-ema-step']);
    expect(host.editor.marks).toEqual([
      { line: 2, sentence: "line 2: NameError: name 'x' is not defined" }
    ]);
  });

  it('asks which problem an unlinked notebook is for, binds it, then checks', async () => {
    const client = new Client();
    const host = new Host();
    const target: Target<INb, never> = { kind: 'notebook', panel: { id: 'nb', problem: null } };
    expect(await new CheckRunner(new JaxlingsModel(client), host).run(target)).not.toBeNull();
    expect(host.asked).toEqual(['notebook']);
    expect(host.bound).toEqual([['nb', 'nnx-ema-step']]);
    expect(client.calls).toEqual(['progress', 'check']); // the picker needs the list
  });

  it('checks nothing when the learner cancels the picker', async () => {
    const client = new Client();
    const host = new Host();
    host.answer = null;
    const target: Target<INb, never> = { kind: 'notebook', panel: { id: 'nb', problem: null } };
    expect(await new CheckRunner(new JaxlingsModel(client), host).run(target)).toBeNull();
    expect(client.calls).not.toContain('check');
    expect(host.bound).toEqual([]);
  });

  it('warns when there is no code cell, and reports a failed request', async () => {
    const client = new Client();
    const host = new Host();
    host.code = null;
    const runner = new CheckRunner(new JaxlingsModel(client), host);
    expect(await runner.run(bound())).toBeNull();
    expect(host.said).toEqual([
      'warn: There is no code cell to check: write your function in a code cell first.'
    ]);
    host.code = 'x = 1';
    client.check = () => Promise.reject(new Error('The server answered 502.'));
    expect(await runner.run(bound())).toBeNull();
    expect(host.said[host.said.length - 1]).toBe('error: Check failed: The server answered 502.');
  });

  it('starts no second check of a problem while one runs', async () => {
    const client = new Client();
    let finish: (r: CheckResult) => void = () => undefined;
    client.check = () => {
      client.calls.push('check');
      return new Promise(resolve => (finish = resolve));
    };
    const runner = new CheckRunner(new JaxlingsModel(client), new Host());
    const first = runner.run(bound());
    await new Promise(resolve => setTimeout(resolve, 0));
    expect(await runner.run(bound())).toBeNull();
    finish(result());
    expect(await first).not.toBeNull();
    expect(client.calls).toEqual(['check']);
  });
});

describe('checkLabel', () => {
  it('says what the button will do', () => {
    expect(checkLabel(false, true)).toBe('Check');
    expect(checkLabel(false, false)).toBe('Check Solution');
    expect(checkLabel(true, true)).toBe('Checking…');
  });
});
