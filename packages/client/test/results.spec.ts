import { describe, expect, it } from 'vitest';

import {
  attemptLabel,
  caseRows,
  errorMessage,
  errorSentence,
  formatDuration,
  headline,
  inputsByArgument,
  noCaseRan,
  outputSections,
  showErrorBox
} from '../src/results';
import { result } from './fixtures';

describe('headline', () => {
  it('counts passed checks on a failure', () => {
    expect(headline(result())).toEqual({
      title: 'Failed',
      detail: '1 of 3 checks passed.',
      tone: 'fail'
    });
  });

  it('says all passed', () => {
    const r = result({
      passed: true,
      status: 'passed',
      cases: result().cases.map(c => ({ ...c, passed: true }))
    });
    expect(headline(r)).toMatchObject({
      title: 'Passed',
      detail: 'All 3 checks passed.',
      tone: 'pass'
    });
  });

  it('puts the line number in front of an error', () => {
    const r = result({
      status: 'error',
      cases: [],
      error: { type: 'SyntaxError', message: 'invalid syntax', line: 2, traceback: null }
    });
    expect(headline(r)).toEqual({
      title: 'Error',
      detail: 'SyntaxError on line 2.',
      tone: 'error'
    });
    expect(showErrorBox(r)).toBe(true);
  });

  it("uses the server's sentence for a timeout, and has its own when there is none", () => {
    const withMessage = result({
      status: 'timeout',
      cases: [],
      error: { type: 'Timeout', message: 'Stopped after 3 s.', line: null, traceback: null }
    });
    expect(headline(withMessage)).toMatchObject({
      title: 'Timed out',
      detail: 'Stopped after 3 s.'
    });
    expect(headline(result({ status: 'timeout', cases: [], error: null })).detail).toMatch(
      /time limit/
    );
    expect(headline(result({ status: 'memory', cases: [], error: null })).title).toBe(
      'Out of memory'
    );
    expect(showErrorBox(withMessage)).toBe(false);
  });
});

describe('caseRows', () => {
  it('marks verdicts and keeps visible previews', () => {
    const [first, second] = caseRows(result());
    expect(first).toMatchObject({
      mark: '✗',
      verdict: 'failed',
      expected: '[0.1 0.2 0.3 0.4]',
      actual: '[0.9 1.8 2.7 3.6]',
      message: '4 of 4 elements differ; largest |diff| 3.2 at index 3'
    });
    expect(second).toMatchObject({ mark: '✓', verdict: 'passed', message: null });
  });

  it('shows a hidden case by verdict only, even if previews slipped through', () => {
    const r = result();
    r.cases[2] = { ...r.cases[2], inputs_preview: 'x', expected_preview: 'y', actual_preview: 'z' };
    const hidden = caseRows(r)[2];
    expect(hidden).toMatchObject({
      hidden: true,
      inputs: null,
      expected: null,
      actual: null,
      mark: '✗'
    });
  });

  it('flags structural checks', () => {
    const r = result({
      cases: [{ ...result().cases[0], kind: 'structure', name: 'counter is a Variable' }]
    });
    expect(caseRows(r)[0].structure).toBe(true);
  });
});

describe('noCaseRan', () => {
  it('is true when an error stopped every case before it returned', () => {
    const notRun = result().cases.map(c => ({
      ...c,
      passed: false,
      actual_preview: null,
      message: 'Not run: line 2: invalid syntax'
    }));
    expect(noCaseRan(result({ status: 'error', cases: notRun }))).toBe(true);
    expect(noCaseRan(result({ status: 'timeout', cases: notRun }))).toBe(true);
  });
  it('is false when cases produced values or the check merely failed', () => {
    expect(noCaseRan(result())).toBe(false);
    expect(noCaseRan(result({ status: 'error' }))).toBe(false);
    expect(noCaseRan(result({ status: 'error', cases: [] }))).toBe(false);
  });
});

describe('inputsByArgument', () => {
  it('puts each argument on its own line, not splitting inside arrays', () => {
    expect(
      inputsByArgument(
        'seed=0.0, params_arr=float32[4] [1., 2., 3., 4.], ema_arr=float32[2] [0., 0.], decay=0.9'
      )
    ).toBe(
      'seed=0.0\nparams_arr=float32[4] [1., 2., 3., 4.]\nema_arr=float32[2] [0., 0.]\ndecay=0.9'
    );
    expect(inputsByArgument('x={a=1, b=2}, y=3')).toBe('x={a=1, b=2}\ny=3');
    expect(inputsByArgument('plain text, no names')).toBe('plain text, no names');
  });
});

describe('small labels', () => {
  it.each([
    [0, '0 ms'],
    [842.4, '842 ms'],
    [1234, '1.2 s'],
    [61000, '61 s'],
    [-1, '']
  ])('formatDuration(%s) = %j', (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });

  it('names the attempt or why it was not saved', () => {
    expect(attemptLabel(result({ attempt: 3 }))).toBe('attempt 3');
    expect(
      attemptLabel(result({ saved: false, attempt: null, save_error: 'database is locked' }))
    ).toBe('not recorded: database is locked');
  });

  it('lists only streams with output, noting truncation', () => {
    expect(outputSections(result())).toEqual([]);
    expect(
      outputSections(result({ stdout: 'hello\n', stderr_truncated: true, stderr: 'x'.repeat(10) }))
    ).toEqual([
      { name: 'stdout', text: 'hello\n', truncated: false },
      { name: 'stderr', text: 'xxxxxxxxxx', truncated: true }
    ]);
  });

  it('does not repeat the line and type the server put in the message', () => {
    const error = {
      type: 'NameError',
      message: "line 4: NameError: name 'undefined_name' is not defined",
      line: 4,
      traceback: null
    };
    expect(errorMessage(error)).toBe("name 'undefined_name' is not defined");
    expect(errorSentence(error)).toBe("line 4: NameError: name 'undefined_name' is not defined");
    expect(
      errorSentence({
        type: 'SyntaxError',
        message: 'line 2: invalid syntax',
        line: 2,
        traceback: null
      })
    ).toBe('line 2: SyntaxError: invalid syntax');
  });

  it('writes an error without a line', () => {
    expect(
      errorSentence({
        type: 'NameError',
        message: "name 'x' is not defined",
        line: null,
        traceback: null
      })
    ).toBe("NameError: name 'x' is not defined");
  });
});
