/** The learner's attempts at a problem: each one's code, and a side-by-side diff of two. */
import { python } from '@codemirror/lang-python';
import { syntaxHighlighting } from '@codemirror/language';
import { MergeView } from '@codemirror/merge';
import { EditorState, Extension } from '@codemirror/state';
import { EditorView } from '@codemirror/view';
import { jupyterHighlightStyle, jupyterTheme } from '@jupyterlab/codemirror';
import * as React from 'react';

import type { Attempt } from './api';
import { attemptTitle, defaultPair } from '@jaxlings/client';
import { JaxlingsModel } from './model';

/** Read-only, yet focusable: a keyboard user can move through the code and scroll it. */
function readOnly(label: string): Extension[] {
  return [
    EditorState.readOnly.of(true),
    // (an explicit tab stop: checkers do not count contenteditable as focusable content)
    EditorView.contentAttributes.of({ 'aria-label': label, tabindex: '0' }),
    python(),
    syntaxHighlighting(jupyterHighlightStyle),
    jupyterTheme
  ];
}

/** Two attempts' code side by side, the changed lines and characters marked (@codemirror/merge). */
function CodeDiff(props: { a: Attempt; b: Attempt }): JSX.Element {
  const { a, b } = props;
  const host = React.useRef<HTMLDivElement>(null);
  React.useEffect(() => {
    const node = host.current;
    if (!node) {
      return;
    }
    const view = new MergeView({
      a: { doc: a.code, extensions: readOnly(`Attempt ${a.number}'s code`) },
      b: { doc: b.code, extensions: readOnly(`Attempt ${b.number}'s code`) },
      parent: node,
      gutter: true,
      highlightChanges: true,
      collapseUnchanged: { margin: 3, minSize: 6 }
    });
    return () => view.destroy();
  }, [a, b]);
  return <div ref={host} className="jp-jaxlings-CodeDiff" data-diff={`${a.number}-${b.number}`} />;
}

/** One attempt's code, read-only and highlighted like a cell. */
function CodeView(props: { attempt: Attempt }): JSX.Element {
  const { attempt } = props;
  const host = React.useRef<HTMLDivElement>(null);
  React.useEffect(() => {
    const node = host.current;
    if (!node) {
      return;
    }
    const view = new EditorView({
      doc: attempt.code,
      extensions: readOnly(`Attempt ${attempt.number}'s code`),
      parent: node
    });
    return () => view.destroy();
  }, [attempt]);
  return <div ref={host} className="jp-jaxlings-AttemptCode" data-attempt={attempt.number} />;
}

function AttemptPicker(props: {
  label: string;
  attempts: readonly Attempt[];
  value: number;
  onChange: (n: number) => void;
}): JSX.Element {
  const { label, attempts, value, onChange } = props;
  return (
    <label className="jp-jaxlings-AttemptPicker">
      {label}{' '}
      <select
        className="jp-mod-styled"
        value={value}
        onChange={event => onChange(Number(event.target.value))}
      >
        {attempts.map(a => (
          <option key={a.number} value={a.number}>
            {attemptTitle(a)}
          </option>
        ))}
      </select>
    </label>
  );
}

/** "Your attempts": loaded when opened, kept current by the model after each Check. */
export function HistorySection(props: { id: string; model: JaxlingsModel }): JSX.Element {
  const { id, model } = props;
  const attempts = model.attempts(id);
  const [open, setOpen] = React.useState(false);
  const [shown, setShown] = React.useState<number | null>(null);
  const [pair, setPair] = React.useState<[number, number] | null>(null);
  const count = Math.max(model.summary(id)?.attempts ?? 0, model.detail(id)?.attempts ?? 0);
  const toggle = (event: React.SyntheticEvent<HTMLDetailsElement>) => {
    const isOpen = event.currentTarget.open;
    setOpen(isOpen);
    if (isOpen) {
      void model.loadAttempts(id).catch(() => undefined);
    }
  };
  const byNumber = (n: number | undefined) => attempts?.find(a => a.number === n);
  const [left, right] = pair ?? (attempts ? (defaultPair(attempts) ?? [0, 0]) : [0, 0]);
  const a = byNumber(left);
  const b = byNumber(right);
  const current = shown === null ? undefined : byNumber(shown);
  return (
    <section
      className="jp-jaxlings-Section jp-jaxlings-History"
      aria-labelledby={`jaxlings-${id}-history`}
    >
      <details className="jp-jaxlings-Collapsible" onToggle={toggle}>
        <summary>
          <h2 id={`jaxlings-${id}-history`}>
            Your attempts <span className="jp-jaxlings-muted">({count})</span>
          </h2>
        </summary>
        {open && !attempts && <p className="jp-jaxlings-muted">Loading your attempts…</p>}
        {attempts && attempts.length === 0 && (
          <p className="jp-jaxlings-muted">No attempt yet: each Check is kept here.</p>
        )}
        {attempts && attempts.length > 0 && (
          <>
            <ol className="jp-jaxlings-AttemptList">
              {[...attempts].reverse().map(attempt => (
                <li key={attempt.number} data-attempt={attempt.number} data-status={attempt.status}>
                  <button
                    className="jp-jaxlings-linkButton"
                    aria-expanded={shown === attempt.number}
                    onClick={() => setShown(shown === attempt.number ? null : attempt.number)}
                  >
                    {attemptTitle(attempt)}
                  </button>
                </li>
              ))}
            </ol>
            {current && <CodeView attempt={current} />}
            {a && b && (
              <div className="jp-jaxlings-Compare">
                <h3>Compare two attempts</h3>
                <div className="jp-jaxlings-Compare-pickers">
                  <AttemptPicker
                    label="Left"
                    attempts={attempts}
                    value={a.number}
                    onChange={n => setPair([n, b.number])}
                  />
                  <AttemptPicker
                    label="Right"
                    attempts={attempts}
                    value={b.number}
                    onChange={n => setPair([a.number, n])}
                  />
                </div>
                {a.code === b.code ? (
                  <p className="jp-jaxlings-muted">These two attempts have the same code.</p>
                ) : (
                  <CodeDiff a={a} b={b} />
                )}
              </div>
            )}
          </>
        )}
      </details>
    </section>
  );
}
