import * as React from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';

import type { CheckResult } from '../api';
import { ResultView } from '../resultview';
import { result } from '../../packages/client/test/fixtures';

const SWAPPED = {
  file: 'swapped_blend',
  title: 'Swapped blend',
  summary_md: 'The weights are reversed: `decay` must multiply the running average.'
};

function html(r: CheckResult): string {
  return renderToStaticMarkup(
    <ResultView result={r} markdown={source => <div className="md">{source}</div>} />
  );
}

describe('ResultView', () => {
  it('names the pitfall a wrong answer resembles, with its paragraph', () => {
    const out = html(result({ pitfall: SWAPPED }));
    expect(out).toContain('data-pitfall="swapped_blend"');
    expect(out).toContain('This looks like a pitfall the statement lists: Swapped blend.');
    expect(out).toContain('<div class="md">The weights are reversed');
  });

  it('names no pitfall when there is none, or once the answer passes', () => {
    expect(html(result())).not.toContain('jp-jaxlings-Pitfall');
    expect(html(result({ pitfall: SWAPPED, passed: true, status: 'passed' }))).not.toContain(
      'jp-jaxlings-Pitfall'
    );
  });

  it('shows what each visible case printed and the differing elements of a vector', () => {
    const [first, ...rest] = result().cases;
    const out = html(
      result({
        cases: [
          {
            ...first,
            stdout: 'decay is 0.9\n',
            diff: {
              output: null,
              full_shape: [4],
              shape: [4],
              offset: [0],
              channels_last: false,
              expected: [0.1, 0.2, 0.3, 0.4],
              actual: [0.9, 0.2, 2.7, 3.6],
              differs: [0, 2, 3]
            }
          },
          ...rest
        ]
      })
    );
    expect(out).toContain('Printed');
    expect(out).toContain('decay is 0.9');
    expect(out).toContain('3 of 4 shown differ');
    expect(out.match(/jp-mod-differs/g)?.length).toBe(9); // index, expected, actual × 3
  });
});
