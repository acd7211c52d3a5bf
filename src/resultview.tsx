/** Renders one CheckResult: verdict, error, per-case table, captured output. */
import * as React from 'react';

import type { CheckResult } from './api';
import {
  attemptLabel,
  caseRows,
  errorMessage,
  formatDuration,
  hasCases,
  noCaseRan,
  headline,
  outputSections,
  showErrorBox
} from '@jaxlings/client';
import { DiffPicture, PitfallNote } from './feedback';

const TONE_MARK = { pass: '✓', fail: '✗', error: '!' };

export function ResultView(props: {
  result: CheckResult;
  stale?: boolean;
  /** Renders a pitfall's markdown paragraph (rendermime in the lab). */
  markdown?: (source: string) => JSX.Element;
}): JSX.Element {
  const { result, stale, markdown } = props;
  const head = headline(result);
  const rows = caseRows(result);
  const outputs = outputSections(result);
  const meta = [formatDuration(result.duration_ms), attemptLabel(result)].filter(Boolean);
  const caseTable = (
    <table className="jp-jaxlings-Cases">
      <caption className="jp-jaxlings-srOnly">Checks of your function</caption>
      {rows.map((row, i) => (
        <tbody
          key={`${i}-${row.name}`}
          className={`jp-jaxlings-Case jp-mod-${row.passed ? 'pass' : 'fail'}`}
          data-case={row.name}
          data-verdict={row.verdict}
        >
          <tr className="jp-jaxlings-Case-head">
            <td className="jp-jaxlings-Case-mark">
              <span aria-hidden="true">{row.mark}</span>
              <span className="jp-jaxlings-srOnly">{row.verdict}</span>
            </td>
            <th scope="rowgroup" colSpan={2} className="jp-jaxlings-Case-name">
              {row.name}
              {row.hidden && <span className="jp-jaxlings-Tag">hidden</span>}
              {row.structure && <span className="jp-jaxlings-Tag">structure</span>}
            </th>
          </tr>
          {row.hidden ? (
            <tr>
              <td />
              <td colSpan={2} className="jp-jaxlings-Case-hiddenNote">
                {row.message ?? 'Hidden check: only its verdict is shown.'}
              </td>
            </tr>
          ) : (
            <>
              {row.inputs !== null && (
                <ValueRow label="Inputs" className="jp-jaxlings-Case-inputs" text={row.inputs} />
              )}
              {row.passed ? (
                <ValueRow label="Result" className="jp-jaxlings-Case-actual" text={row.actual} />
              ) : (
                <>
                  <ValueRow
                    label="Expected"
                    className="jp-jaxlings-Case-expected"
                    text={row.expected}
                  />
                  <ValueRow label="Actual" className="jp-jaxlings-Case-actual" text={row.actual} />
                </>
              )}
              {row.message && (
                <tr>
                  <td />
                  <td colSpan={2} className="jp-jaxlings-Case-message">
                    {row.message}
                  </td>
                </tr>
              )}
              {row.diff && (
                <tr>
                  <td />
                  <td colSpan={2} className="jp-jaxlings-Case-diff">
                    <DiffPicture diff={row.diff} />
                  </td>
                </tr>
              )}
              {row.output && (
                <tr>
                  <td />
                  <th scope="row" className="jp-jaxlings-Case-label">
                    Printed
                  </th>
                  <td className="jp-jaxlings-Case-output">
                    <pre className="jp-jaxlings-Preview">{row.output}</pre>
                  </td>
                </tr>
              )}
            </>
          )}
        </tbody>
      ))}
    </table>
  );
  return (
    <div
      className={`jp-jaxlings-Result jp-mod-${head.tone}${stale ? ' jp-mod-stale' : ''}`}
      data-status={result.status}
    >
      <div className="jp-jaxlings-Result-headline">
        <span className="jp-jaxlings-Result-mark" aria-hidden="true">
          {TONE_MARK[head.tone]}
        </span>
        <strong className="jp-jaxlings-Result-title">{head.title}</strong>
        <span className="jp-jaxlings-Result-detail">{head.detail}</span>
        {meta.length > 0 && <span className="jp-jaxlings-Result-meta">{meta.join(' · ')}</span>}
      </div>
      {!result.saved && (
        <p className="jp-jaxlings-notice jp-mod-warn" role="status">
          This attempt was not recorded{result.save_error ? `: ${result.save_error}` : '.'}
        </p>
      )}
      {result.pitfall && !result.passed && (
        <PitfallNote pitfall={result.pitfall} markdown={markdown} />
      )}
      {result.error && showErrorBox(result) && (
        <div className="jp-jaxlings-Result-error" role="alert">
          <div className="jp-jaxlings-Result-errorHead">
            <strong>{result.error.type || 'Error'}</strong>
            {result.error.line !== null && (
              <span className="jp-jaxlings-Result-errorLine">line {result.error.line}</span>
            )}
          </div>
          <pre className="jp-jaxlings-Result-errorMessage">{errorMessage(result.error)}</pre>
          {result.error.traceback && (
            <details className="jp-jaxlings-Collapsible">
              <summary>Traceback</summary>
              <pre>{result.error.traceback}</pre>
            </details>
          )}
        </div>
      )}
      {hasCases(result) &&
        (noCaseRan(result) ? (
          <details className="jp-jaxlings-Collapsible jp-jaxlings-NotRun">
            <summary>None of the {rows.length} checks ran. Show them</summary>
            {caseTable}
          </details>
        ) : (
          caseTable
        ))}
      {outputs.map(section => (
        <details
          key={section.name}
          className="jp-jaxlings-Collapsible jp-jaxlings-Output"
          data-stream={section.name}
        >
          <summary>
            Captured {section.name}
            {section.truncated && <span className="jp-jaxlings-Tag">truncated</span>}
          </summary>
          <pre>{section.text}</pre>
          {section.truncated && (
            <p className="jp-jaxlings-muted">Output was truncated: only the beginning is shown.</p>
          )}
        </details>
      ))}
    </div>
  );
}

function ValueRow(props: { label: string; className: string; text: string | null }): JSX.Element {
  return (
    <tr>
      <td />
      <th scope="row" className="jp-jaxlings-Case-label">
        {props.label}
      </th>
      <td className={props.className}>
        <Preview text={props.text} />
      </td>
    </tr>
  );
}

function Preview(props: { text: string | null }): JSX.Element {
  return props.text === null ? (
    <span className="jp-jaxlings-muted">—</span>
  ) : (
    <pre className="jp-jaxlings-Preview">{props.text}</pre>
  );
}
