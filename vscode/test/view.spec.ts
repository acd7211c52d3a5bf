import { describe, expect, it } from 'vitest';

import { panelHtml, resultHtml } from '../src/view';
import { detail, hints, result } from '../../packages/client/test/fixtures';

const res = {
  cspSource: 'vscode-webview://x',
  nonce: 'N0NCE',
  scriptUri: 'vscode-webview://x/panel.js',
  styleUri: 'vscode-webview://x/panel.css',
  mathStyleUri: null
};

describe('the results section', () => {
  it('shows expected and actual for a visible failure and the verdict alone for a hidden one', () => {
    const html = resultHtml(result());
    expect(html).toContain('data-verdict="failed"');
    expect(html).toContain('[0.1 0.2 0.3 0.4]');
    expect(html).toContain('[0.9 1.8 2.7 3.6]');
    expect(html).toContain('4 of 4 elements differ');
    const hidden = html.slice(html.indexOf('data-case="random 8"'));
    expect(hidden).toContain('hidden');
    expect(hidden).not.toContain('Expected');
  });
  it('escapes what the learner printed', () => {
    const html = resultHtml(result({ stdout: '<script>alert(1)</script>' }));
    expect(html).not.toContain('<script>alert');
    expect(html).toContain('&lt;script&gt;');
  });
});

describe('the panel', () => {
  it('runs only its own script and offers Start', () => {
    const html = panelHtml(
      {
        detail: detail(),
        statementHtml: '<p>x</p>',
        hintsHtml: [],
        result: null,
        solution: null,
        notice: null
      },
      res
    );
    expect(html).toContain("script-src 'nonce-N0NCE'");
    expect(html).toContain('<script nonce="N0NCE"');
    expect(html).toContain('data-action="start-notebook"');
    expect(html).toContain('Hints unlock after your first attempt.');
    expect(html).toContain('Solve the problem, or make 3 attempts');
    expect(html).not.toContain('data-action="solution"');
  });
  it('offers the next hint and the solution once unlocked', () => {
    const d = detail({
      hints: hints({ unlocked: ['Blend.'], next_available: true, locked_reason: null }),
      solution_available: true,
      status: 'attempted'
    });
    const html = panelHtml(
      {
        detail: d,
        statementHtml: '',
        hintsHtml: ['<p>Blend.</p>'],
        result: null,
        solution: null,
        notice: null
      },
      res
    );
    expect(html).toContain('Show hint 2 of 3');
    expect(html).toContain('<p>Blend.</p>');
    expect(html).toContain('data-action="solution"');
  });
});
