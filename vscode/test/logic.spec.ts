import { describe, expect, it } from 'vitest';

import {
  caseOutcome,
  choosePython,
  errorMark,
  functionLine,
  parseReadyLine,
  problemIdOfNotebook,
  problemIdOfPython,
  serveCommand,
  starterFileName,
  startFailureMessage,
  verdictLabel
} from '../src/logic';
import { result } from '../../packages/client/test/fixtures';

describe('the server ready line', () => {
  it('reads url and token from the JSON line', () => {
    expect(parseReadyLine('{"url": "http://127.0.0.1:4242/", "token": "abc"}\n')).toEqual({
      url: 'http://127.0.0.1:4242/',
      token: 'abc'
    });
  });
  it('ignores log lines and half lines', () => {
    expect(parseReadyLine('[I 2026] Serving at http://127.0.0.1:4242/')).toBeNull();
    expect(parseReadyLine('{"url": "http://127.0.0.1')).toBeNull();
    expect(parseReadyLine('{"url": 1, "token": "x"}')).toBeNull();
  });
  it('runs the jaxlings module of the chosen Python', () => {
    expect(serveCommand('/venv/bin/python')).toEqual({
      command: '/venv/bin/python',
      args: ['-m', 'jaxlings', 'serve']
    });
  });
});

describe('which Python starts the server', () => {
  it('prefers the jaxlings.pythonPath setting', () => {
    expect(choosePython(' /opt/py/bin/python ', '/ext/python')).toEqual({
      python: '/opt/py/bin/python',
      source: 'setting'
    });
  });
  it("else takes the Python extension's interpreter, else python3", () => {
    expect(choosePython('', '/ext/python')).toEqual({
      python: '/ext/python',
      source: 'python-extension'
    });
    expect(choosePython('', undefined)).toEqual({ python: 'python3', source: 'default' });
  });
});

describe('why the server did not start', () => {
  it('names the pip command for that interpreter when the package is missing', () => {
    const m = startFailureMessage(
      '/venv/bin/python',
      'python-extension',
      '/venv/bin/python: No module named jaxlings\n'
    );
    expect(m).toContain('not installed in /venv/bin/python');
    expect(m).toContain('/venv/bin/python -m pip install jaxlings');
    expect(m).toContain('Python: Select Interpreter');
  });
  it('says Python was not found when spawning fails', () => {
    const m = startFailureMessage(
      '/nope/python',
      'setting',
      '',
      'Error: spawn /nope/python ENOENT'
    );
    expect(m).toMatch(
      /^Python was not found at \/nope\/python \(the jaxlings.pythonPath setting\)/
    );
  });
  it('asks for an upgrade when the installed jaxlings has no serve command', () => {
    const m = startFailureMessage(
      'python3',
      'default',
      "error: argument command: invalid choice: 'serve'"
    );
    expect(m).toContain('python3 -m pip install -U jaxlings');
  });
  it("otherwise quotes the end of the server's own error", () => {
    const m = startFailureMessage('python3', 'default', 'line 1\nline 2\nOSError: disk full\n');
    expect(m).toContain('OSError: disk full');
  });
});

describe('which problem a file is for', () => {
  it("reads VS Code's ipynb metadata in both layouts", () => {
    expect(problemIdOfNotebook({ metadata: { jaxlings: { problem: 'nnx-ema-step' } } })).toBe(
      'nnx-ema-step'
    );
    expect(
      problemIdOfNotebook({ custom: { metadata: { jaxlings: { problem: 'nnx-ema-step' } } } })
    ).toBe('nnx-ema-step');
    expect(problemIdOfNotebook({ metadata: { kernelspec: {} } })).toBeNull();
    expect(problemIdOfNotebook(undefined)).toBeNull();
    expect(problemIdOfNotebook({ metadata: { jaxlings: { problem: '../etc' } } })).toBeNull();
  });
  it('reads the first line of a .py file', () => {
    expect(problemIdOfPython('# jaxlings: nnx-ema-step\ndef ema_step(): ...')).toBe('nnx-ema-step');
    expect(problemIdOfPython('import jax\n# jaxlings: nnx-ema-step')).toBeNull();
  });
});

describe('where the function is', () => {
  const text =
    '# jaxlings: nnx-ema-step\nimport jax\n\n\ndef ema_step(seed, p, e, d):\n    return p\n';
  it('finds the def line by name, or the first def', () => {
    expect(functionLine(text, 'ema_step')).toBe(4);
    expect(functionLine(text, null)).toBe(4);
    expect(functionLine(text, 'other')).toBeNull();
  });
});

describe('verdicts', () => {
  it('puts an error on its 0-based line, clamped to the text', () => {
    const r = result({
      status: 'error',
      cases: [],
      error: { type: 'NameError', message: "name 'x' is not defined", line: 3, traceback: null }
    });
    expect(errorMark(r, 10)).toEqual({
      line: 2,
      message: "line 3: NameError: name 'x' is not defined"
    });
    expect(errorMark(r, 2)?.line).toBe(1);
    expect(errorMark(result(), 10)).toBeNull();
  });
  it('labels a verdict with its case count', () => {
    expect(verdictLabel(result())).toMatch(/^✗ Failed · 1 of \d+$/);
    expect(verdictLabel(result({ status: 'passed', passed: true, cases: [] }))).toBe('✓ Passed');
  });
  it('gives a visible failure expected and actual, a hidden one its verdict only', () => {
    const r = result();
    const visible = caseOutcome(r.cases[0], r);
    expect(visible).toEqual({
      kind: 'failed',
      message: '4 of 4 elements differ; largest |diff| 3.2 at index 3',
      expected: '[0.1 0.2 0.3 0.4]',
      actual: '[0.9 1.8 2.7 3.6]'
    });
    expect(caseOutcome(r.cases[1], r)).toEqual({ kind: 'passed' });
    const hidden = caseOutcome(r.cases[2], r);
    expect(hidden.kind).toBe('failed');
    expect(hidden).toMatchObject({ expected: null, actual: null });
  });
  it('names starter files as the lab does', () => {
    expect(starterFileName(19, 'nnx-ema-step', 'notebook')).toBe('19-nnx-ema-step.ipynb');
    expect(starterFileName(7, 'jax-x', 'python')).toBe('07-jax-x.py');
  });
});
