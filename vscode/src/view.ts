/** The statement webview's HTML: problem, Start buttons, results, gated hints and solution. */
import {
  attemptLabel,
  caseRows,
  CheckResult,
  errorMessage,
  formatDuration,
  headline,
  hintsView,
  noCaseRan,
  outputSections,
  ProblemDetail,
  problemNumber,
  showErrorBox,
  signatureLine,
  Solution,
  solutionView,
  STATUS_LABEL
} from '@jaxlings/client';

import { escapeHtml as esc } from './logic';

/** What the panel shows; markdown arrives already rendered to HTML by VS Code's renderer. */
export interface IPanelState {
  detail: ProblemDetail;
  statementHtml: string;
  /** The revealed hints, rendered. */
  hintsHtml: string[];
  result: CheckResult | null;
  solution: { value: Solution; codeHtml: string; notesHtml: string } | null;
  /** A sentence about the last failed request (hint refused, server gone), if any. */
  notice: string | null;
}

export interface IWebviewResources {
  cspSource: string;
  nonce: string;
  scriptUri: string;
  styleUri: string;
  /** KaTeX's stylesheet from VS Code's markdown-math extension, when found. */
  mathStyleUri: string | null;
}

function valueRow(label: string, cls: string, text: string | null): string {
  if (text === null) {
    return '';
  }
  return `<tr class="${cls}"><td></td><th scope="row">${label}</th><td><pre>${esc(text)}</pre></td></tr>`;
}

/** The results section, as in JupyterLab: verdict, error, one row group per case, output. */
export function resultHtml(result: CheckResult): string {
  const head = headline(result);
  const meta = [formatDuration(result.duration_ms), attemptLabel(result)].filter(Boolean);
  const parts: string[] = [];
  parts.push(
    `<div class="verdict tone-${head.tone}" data-verdict="${result.status}" role="status">` +
      `<span class="verdict-title">${esc(head.title)}</span> ` +
      `<span class="verdict-detail">${esc(head.detail)}</span>` +
      (meta.length ? ` <span class="verdict-meta">${esc(meta.join(' · '))}</span>` : '') +
      '</div>'
  );
  if (showErrorBox(result) && result.error) {
    const e = result.error;
    parts.push(
      '<div class="error-box">' +
        `<div class="error-line">${e.line !== null ? `line ${e.line}: ` : ''}<b>${esc(e.type)}</b>: ${esc(errorMessage(e))}</div>` +
        (e.traceback
          ? `<details><summary>Traceback</summary><pre>${esc(e.traceback)}</pre></details>`
          : '') +
        '</div>'
    );
  }
  if (result.cases.length > 0 && !noCaseRan(result)) {
    const rows = caseRows(result).map(row => {
      const body = row.hidden
        ? `<tr><td></td><td colspan="2" class="hidden-note">${esc(row.message ?? 'Hidden check: only its verdict is shown.')}</td></tr>`
        : (row.inputs !== null ? valueRow('Inputs', 'case-inputs', row.inputs) : '') +
          (row.passed
            ? valueRow('Result', 'case-actual', row.actual)
            : valueRow('Expected', 'case-expected', row.expected) +
              valueRow('Actual', 'case-actual', row.actual)) +
          (row.message
            ? `<tr><td></td><td colspan="2" class="case-message">${esc(row.message)}</td></tr>`
            : '');
      return (
        `<tbody class="case ${row.passed ? 'pass' : 'fail'}" data-case="${esc(row.name)}" data-verdict="${row.verdict}">` +
        `<tr class="case-head"><td class="mark" aria-label="${row.verdict}">${row.mark}</td>` +
        `<th colspan="2" scope="rowgroup">${esc(row.name)}` +
        (row.hidden ? ' <span class="tag">hidden</span>' : '') +
        (row.structure ? ' <span class="tag">structure</span>' : '') +
        `</th></tr>${body}</tbody>`
      );
    });
    parts.push(
      `<table class="cases"><caption class="sr-only">Checks of your function</caption>` +
        '<colgroup><col class="c-mark"><col class="c-label"><col></colgroup>' +
        `${rows.join('')}</table>`
    );
  }
  for (const out of outputSections(result)) {
    parts.push(
      `<details class="output"><summary>${out.name}${out.truncated ? ' (truncated)' : ''}</summary><pre>${esc(out.text)}</pre></details>`
    );
  }
  return `<section class="results" aria-label="Results">${parts.join('')}</section>`;
}

function hintsHtml(state: IPanelState): string {
  const view = hintsView(state.detail.hints);
  const items = state.hintsHtml
    .map((html, i) => `<li class="hint" data-hint="${i + 1}">${html}</li>`)
    .join('');
  return (
    `<section class="hints" aria-label="Hints"><h2>Hints <span class="count">${view.revealed.length} of ${view.total}</span></h2>` +
    (items ? `<ol>${items}</ol>` : '') +
    (view.nextLabel
      ? `<button class="secondary" data-action="hint">${esc(view.nextLabel)}</button>`
      : '') +
    (view.lockedReason ? `<p class="locked">${esc(view.lockedReason)}</p>` : '') +
    '</section>'
  );
}

function solutionHtml(state: IPanelState): string {
  const view = solutionView(state.detail, state.solution !== null);
  let body: string;
  if (view.state === 'locked') {
    body = `<p class="locked">${esc(view.reason ?? '')}</p>`;
  } else if (view.state === 'available') {
    body = `<button class="secondary" data-action="solution">Show solution…</button>`;
  } else {
    body = `<div class="solution-code">${state.solution?.codeHtml ?? ''}</div>${state.solution?.notesHtml ?? ''}`;
  }
  return `<section class="solution" aria-label="Solution"><h2>Solution</h2>${body}</section>`;
}

/** The whole page. Scripts run only with the nonce; everything else comes from the webview. */
export function panelHtml(state: IPanelState, res: IWebviewResources): string {
  const d = state.detail;
  const csp = [
    "default-src 'none'",
    `img-src ${res.cspSource} https: data:`,
    `style-src ${res.cspSource} 'unsafe-inline'`,
    `font-src ${res.cspSource}`,
    `script-src 'nonce-${res.nonce}'`
  ].join('; ');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
${res.mathStyleUri ? `<link rel="stylesheet" href="${res.mathStyleUri}">` : ''}
<link rel="stylesheet" href="${res.styleUri}">
<title>${esc(d.title)}</title>
</head>
<body data-problem="${esc(d.id)}">
<header>
  <h1>${problemNumber(d.order)} · ${esc(d.title)}</h1>
  <p class="meta"><span class="status status-${d.status}">${STATUS_LABEL[d.status]}</span>
  · ${esc(d.difficulty)} · sprint ${esc(d.sprint)}: ${esc(d.sprint_title)}
  ${d.attempts ? ` · ${d.attempts} attempt${d.attempts === 1 ? '' : 's'}` : ''}</p>
  <p><code>${esc(signatureLine(d.function, d.signature))}</code></p>
  <div class="actions">
    <button data-action="start-notebook">Start in a notebook</button>
    <button class="secondary" data-action="start-python">Start in a .py file</button>
  </div>
</header>
${state.notice ? `<p class="notice" role="alert">${esc(state.notice)}</p>` : ''}
${state.result ? resultHtml(state.result) : ''}
<article class="statement markdown-body">${state.statementHtml}</article>
${hintsHtml(state)}
${solutionHtml(state)}
<script nonce="${res.nonce}" src="${res.scriptUri}"></script>
</body>
</html>`;
}
