/**
 * The instructor's class dashboard: polls the classroom service's class endpoints and redraws
 * what changed (tables, the misconception map, a learner's view and Observable Plot charts).
 */
import './dashboard.css';

import { activityChart, asImage, attemptsHistogram, heatmap, palette } from './charts';
import { h, replace, table, tableRow } from './dom';
import type { Activity, LearnerDetail, Matrix, Overview, ProblemDetail, Submission } from './types';
import {
  ago,
  attemptsSentence,
  clock,
  duration,
  failureKind,
  median,
  percent,
  pickProblem,
  plural,
  pollSeconds,
  problemsBySprint,
  ranked,
  themeParam
} from './view';

const root = document.getElementById('dashboard') as HTMLElement;
const API = root.dataset.api ?? 'api/';
// JupyterHub takes a script's cookie-authenticated request only with the page's XSRF token
const XSRF = root.dataset.xsrf ?? '';
const POLL_S = pollSeconds(location.search);
const BUCKETS: [number, string][] = [
  [300, '5 minutes'],
  [900, '15 minutes'],
  [3600, '1 hour'],
  [86400, '1 day']
];

/** What the instructor chose; kept across polls. */
const state = {
  problem: null as string | null,
  learner: null as string | null,
  submission: null as string | null,
  onlyStarted: true,
  bucket: 900
};

/** A failed call, said as a sentence (the service's own when it sent one). */
class Unavailable extends Error {
  constructor(
    message: string,
    readonly status: number
  ) {
    super(message);
  }
}

async function get<T>(path: string): Promise<T> {
  let resp: Response;
  try {
    resp = await fetch(API + path, {
      credentials: 'same-origin',
      headers: { Accept: 'application/json', 'X-XSRFToken': XSRF }
    });
  } catch {
    throw new Unavailable('The jaxlings service cannot be reached; trying again shortly.', 0);
  }
  if (!resp.ok) {
    let message = `The jaxlings service answered ${resp.status} for ${path}.`;
    try {
      message = ((await resp.json()) as { message?: string }).message ?? message;
    } catch {
      // not JSON: keep the status sentence
    }
    throw new Unavailable(message, resp.status);
  }
  return (await resp.json()) as T;
}

// ------------------------------------------------------------------ the page's frame

const theme = themeParam(location.search);
if (theme) {
  document.documentElement.dataset.theme = theme;
}

const updated = h('span', {}, 'loading…');
const status = h('p', { class: 'status', role: 'status', 'aria-live': 'polite' });
const sprints = h('div');
const problems = h('div');
const heat = h('div', { class: 'chart' });
const problemPick = h('select', { id: 'problem-pick', onchange: () => choose(problemPick.value) });
const map = h('div', { class: 'map' });
const histogram = h('div', { class: 'chart histogram' });
const bucketPick = h(
  'select',
  {
    id: 'bucket-pick',
    onchange: () => {
      state.bucket = Number(bucketPick.value);
      void refresh();
    }
  },
  ...BUCKETS.map(([s, label]) => h('option', { value: s, selected: s === state.bucket }, label))
);
const activity = h('div', { class: 'chart' });
const learners = h('div');
const learner = h('section', { id: 'learner', 'aria-labelledby': 'learner-title', hidden: true });

function section(id: string, title: string, ...children: (Node | string)[]): HTMLElement {
  return h(
    'section',
    { id, 'aria-labelledby': `${id}-title` },
    h('h2', { id: `${id}-title` }, title),
    ...children
  );
}

const onlyStarted = h('input', {
  type: 'checkbox',
  id: 'only-started',
  checked: state.onlyStarted,
  onchange: () => {
    state.onlyStarted = onlyStarted.checked;
    seen.delete('problems');
    void refresh();
  }
});

root.replaceChildren(
  h(
    'header',
    {},
    h('h1', {}, 'jaxlings — class dashboard'),
    h(
      'p',
      {},
      'Signed in as ',
      h('b', {}, root.dataset.user ?? ''),
      ` (instructor). Updates every ${plural(POLL_S, 'second')} by itself; last update: `,
      updated,
      '.'
    ),
    h(
      'nav',
      { 'aria-label': 'Downloads' },
      h(
        'a',
        { href: `${API}class/attempts.csv`, download: 'attempts.csv' },
        'Download every attempt (CSV)'
      ),
      h(
        'a',
        { href: `${API}class/progress.csv`, download: 'progress.csv' },
        'Download each learner’s progress (CSV)'
      )
    ),
    status
  ),
  section('sprints', 'Progress by sprint', sprints),
  section(
    'problems',
    'Problems',
    h(
      'p',
      {},
      onlyStarted,
      ' ',
      h('label', { for: 'only-started' }, 'Only problems someone started')
    ),
    problems
  ),
  section(
    'heatmap',
    'Learners × problems',
    h(
      'figure',
      {},
      heat,
      h('figcaption', {}, 'Each learner’s status on each problem someone started.')
    )
  ),
  section(
    'misconceptions',
    'Misconception map',
    h('p', {}, h('label', { for: 'problem-pick' }, 'Problem '), problemPick),
    h('div', { class: 'side-by-side' }, map, histogram)
  ),
  section(
    'activity',
    'Checks over time',
    h('p', {}, h('label', { for: 'bucket-pick' }, 'One bar per '), bucketPick),
    h('figure', {}, activity, h('figcaption', {}, 'Checks per period, passed and failed.'))
  ),
  section('learners', 'Learners', learners),
  learner
);

// ------------------------------------------------------------------ the sections

/** The last answer drawn for each part: a poll that brings the same answer redraws nothing. */
const seen = new Map<string, string>();

function changed(key: string, data: unknown): boolean {
  const text = JSON.stringify(data);
  if (seen.get(key) === text) {
    return false;
  }
  seen.set(key, text);
  return true;
}

function choose(id: string, focusMap = false): void {
  state.problem = id;
  problemPick.value = id;
  void refresh().then(() => {
    if (focusMap) {
      document.getElementById('misconceptions-title')?.focus();
    }
  });
}

function drawSprints(overview: Overview): void {
  const cols = [
    { label: 'sprint' },
    { label: 'problems', numeric: true },
    { label: 'learners who started it', numeric: true },
    { label: 'learners who solved all of it', numeric: true }
  ];
  replace(
    sprints,
    table(
      'Per sprint: learners who started one of its problems, and learners who solved every one',
      cols,
      overview.sprints.map(s => [s.title, s.problems, s.started, s.solved])
    )
  );
}

function drawProblems(overview: Overview): void {
  const cols = [
    { label: 'problem' },
    { label: 'started', numeric: true },
    { label: 'solved', numeric: true },
    { label: 'solve rate', numeric: true },
    { label: 'median attempts to solve', numeric: true },
    { label: 'median time to solve', numeric: true },
    { label: 'hints revealed', numeric: true },
    { label: 'solutions revealed', numeric: true }
  ];
  const groups = problemsBySprint(overview, state.onlyStarted);
  if (groups.length === 0) {
    replace(problems, h('p', {}, 'No learner has checked a problem yet.'));
    return;
  }
  const head = h(
    'tr',
    {},
    ...cols.map(c => h('th', { scope: 'col', class: c.numeric ? 'num' : null }, c.label))
  );
  const bodies = groups.map(({ sprint, problems: rows }) =>
    h(
      'tbody',
      {},
      h(
        'tr',
        { class: 'group' },
        h('th', { scope: 'rowgroup', colspan: cols.length }, sprint.title)
      ),
      ...rows.map(p =>
        tableRow(cols, [
          h(
            'button',
            {
              type: 'button',
              class: 'link',
              'data-focus': `problem:${p.id}`,
              title: 'Show its misconception map',
              onclick: () => choose(p.id, true)
            },
            p.title
          ),
          p.started,
          p.solved,
          p.started ? percent(p.solve_rate) : '—',
          median(p.median_attempts_to_solve),
          duration(p.median_time_to_solve_s),
          p.hints_revealed,
          p.solutions_revealed
        ])
      )
    )
  );
  replace(
    problems,
    h(
      'table',
      { class: 'problems' },
      h(
        'caption',
        {},
        'Per problem: learners who started and solved it, and what they revealed. Pick a problem for its misconception map.'
      ),
      h('thead', {}, head),
      ...bodies
    )
  );
}

function drawProblemPick(overview: Overview): void {
  const started = overview.problems.filter(p => p.started > 0);
  const options = (started.length ? started : overview.problems).map(p =>
    h('option', { value: p.id, selected: p.id === state.problem }, `${p.title} (${p.id})`)
  );
  replace(problemPick, ...options);
  if (state.problem) {
    problemPick.value = state.problem;
  }
}

function drawHeatmap(matrix: Matrix): void {
  if (matrix.learners.length === 0) {
    replace(heat, h('p', {}, 'No learner has checked a problem yet.'));
    return;
  }
  replace(heat, asImage(heatmap(matrix, palette(), heat.clientWidth || 900)));
}

function drawMap(detail: ProblemDetail | null): void {
  if (!detail) {
    replace(map, h('p', {}, 'No learner has checked a problem yet.'));
    replace(histogram);
    return;
  }
  const intro = h('p', {}, attemptsSentence(detail));
  const failures = ranked(detail.failures);
  const pitfalls = ranked(detail.pitfalls);
  const num = { numeric: true };
  replace(
    map,
    h('h3', { id: 'misconceptions-detail', tabindex: -1 }, `${detail.title} (${detail.id})`),
    intro,
    failures.length
      ? table(
          'What fails most: test cases and structural checks, by failing attempts',
          [{ label: 'case or check' }, { label: 'kind' }, { label: 'failing attempts', ...num }],
          failures.map(f => [f.name, failureKind(f.kind), f.count]),
          { class: 'failures' }
        )
      : h('p', {}, 'No attempt has failed a case or a check.'),
    detail.failed_attempts && !detail.pitfalls_ready
      ? h('p', {}, 'Still comparing the failing attempts with the listed pitfalls…')
      : null,
    detail.failed_attempts && detail.pitfalls_ready
      ? table(
          'Which listed pitfall each failing attempt most resembles',
          [
            { label: 'pitfall' },
            { label: 'file' },
            { label: 'attempts', ...num },
            { label: 'learners', ...num }
          ],
          [
            ...pitfalls.map(p => [
              p.title,
              h('code', {}, `wrong/${p.file}.py`),
              p.attempts,
              p.learners
            ]),
            [h('i', {}, 'Unlike any listed pitfall'), '', detail.unlike_any, '']
          ],
          { class: 'pitfalls' }
        )
      : null
  );
  const solved = detail.attempts_to_solve;
  replace(
    histogram,
    h('h3', {}, 'Attempts to solve'),
    solved.length
      ? h(
          'figure',
          {},
          asImage(attemptsHistogram(solved, palette(), histogram.clientWidth || 480)),
          h(
            'figcaption',
            {},
            `How many attempts each of the ${plural(solved.length, 'learner')} who solved it needed.`
          )
        )
      : h('p', {}, 'Nobody has solved it yet.')
  );
}

function drawActivity(data: Activity): void {
  if (data.points.length === 0) {
    replace(activity, h('p', {}, 'No checks yet.'));
    return;
  }
  replace(activity, asImage(activityChart(data, palette(), activity.clientWidth || 900)));
}

function drawLearners(overview: Overview): void {
  if (overview.learners.length === 0) {
    replace(learners, h('p', {}, 'No learner has checked a problem yet.'));
    return;
  }
  const total = overview.problems.length;
  const cols = [
    { label: 'learner' },
    { label: `solved (of ${total})`, numeric: true },
    { label: 'started', numeric: true },
    { label: 'attempts', numeric: true },
    { label: 'last active' }
  ];
  replace(
    learners,
    table(
      'Each learner’s progress across the track. Pick a learner to see their problems and submissions.',
      cols,
      overview.learners.map(l => [
        h(
          'button',
          {
            type: 'button',
            class: 'link',
            'data-focus': `learner:${l.user}`,
            'aria-pressed': l.user === state.learner ? 'true' : 'false',
            onclick: () => openLearner(l.user)
          },
          l.user
        ),
        l.solved,
        l.attempted,
        l.attempts,
        ago(l.last_active, overview.generated_at)
      ]),
      { class: 'learners' }
    )
  );
}

function openLearner(user: string): void {
  state.learner = user;
  state.submission = null;
  seen.delete('learner');
  seen.delete('learners');
  void refresh().then(() => {
    learner.scrollIntoView({ block: 'start' });
    document.getElementById('learner-title')?.focus();
  });
}

function drawLearner(data: LearnerDetail, now: number, code: Submission | null): void {
  learner.hidden = false;
  const touched = data.problems.filter(p => p.status !== 'new');
  const cols = [
    { label: 'problem' },
    { label: 'status' },
    { label: 'attempts', numeric: true },
    { label: 'last check' },
    { label: 'latest submission' }
  ];
  const rows = touched.map(p => [
    p.id,
    h('span', { class: `badge ${p.status}` }, p.status),
    p.attempts,
    ago(p.last_at, now),
    h(
      'button',
      {
        type: 'button',
        'data-focus': `submission:${p.id}`,
        'aria-controls': 'submission',
        'aria-pressed': p.id === state.submission ? 'true' : 'false',
        onclick: () => {
          state.submission = p.id;
          void refresh().then(() => document.getElementById('submission-title')?.focus());
        }
      },
      'Show',
      h('span', { class: 'visually-hidden' }, ` ${data.user}’s latest submission for ${p.id}`)
    )
  ]);
  replace(
    learner,
    h('h2', { id: 'learner-title', tabindex: -1 }, `${data.user}: progress across the track`),
    h(
      'p',
      {},
      `${plural(touched.filter(p => p.status === 'solved').length, 'problem')} solved, `,
      `${touched.filter(p => p.status === 'attempted').length} attempted, `,
      `${data.problems.length - touched.length} not started.`
    ),
    touched.length
      ? table(`${data.user}’s problems`, cols, rows, { class: 'learner-problems' })
      : h('p', {}, `${data.user} has not checked a problem yet.`),
    code && state.submission
      ? h(
          'div',
          { id: 'submission', class: 'submission' },
          h(
            'h3',
            { id: 'submission-title', tabindex: -1 },
            `${data.user}’s latest submission for ${state.submission}`
          ),
          h(
            'p',
            {},
            h(
              'span',
              { class: `badge ${code.status === 'passed' ? 'solved' : 'attempted'}` },
              code.status
            ),
            ` at ${clock(code.at)} (read-only)`
          ),
          h(
            'pre',
            { tabindex: 0, 'aria-label': `${data.user}’s code for ${state.submission}` },
            h('code', {}, code.code)
          )
        )
      : null
  );
}

// ------------------------------------------------------------------ polling

let running: Promise<void> | null = null;

/** One poll: everything the page shows, asked again; only what changed is redrawn. */
function refresh(): Promise<void> {
  running = (running ?? Promise.resolve()).then(poll, poll);
  return running;
}

async function poll(): Promise<void> {
  try {
    const [overview, matrix, checks] = await Promise.all([
      get<Overview>('class/overview'),
      get<Matrix>('class/matrix'),
      get<Activity>(`class/activity?bucket_s=${state.bucket}`)
    ]);
    state.problem = pickProblem(overview, state.problem);
    const detail = state.problem
      ? await get<ProblemDetail>(`class/problems/${encodeURIComponent(state.problem)}`)
      : null;
    const who = state.learner && encodeURIComponent(state.learner);
    const person = who ? await get<LearnerDetail>(`class/learners/${who}`) : null;
    const code =
      who && state.submission
        ? await get<Submission>(
            `class/learners/${who}/problems/${encodeURIComponent(state.submission)}/latest`
          ).catch(() => null)
        : null;

    const { generated_at: now, ...standing } = overview;
    if (changed('sprints', overview.sprints)) {
      drawSprints(overview);
    }
    if (changed('problems', overview.problems)) {
      drawProblems(overview);
      drawProblemPick(overview);
    }
    if (changed('matrix', matrix)) {
      drawHeatmap(matrix);
    }
    if (changed('map', [state.problem, detail])) {
      drawMap(detail);
    }
    if (changed('activity', checks)) {
      drawActivity(checks);
    }
    if (changed('learners', [standing.learners, Math.floor(now / 30)])) {
      drawLearners(overview);
    }
    if (person && changed('learner', [person, code, state.submission])) {
      drawLearner(person, now, code);
    }
    updated.textContent = clock(now);
    status.textContent = '';
    root.dataset.ready = 'true';
  } catch (error) {
    status.textContent =
      error instanceof Error ? error.message : 'The class could not be read; trying again shortly.';
  }
}

function schedule(): void {
  window.setTimeout(() => {
    void (document.hidden ? Promise.resolve() : refresh()).finally(schedule);
  }, POLL_S * 1000);
}

// Charts take their colours from the theme: when the browser's theme changes, draw them again.
window.matchMedia('(prefers-color-scheme: dark)').addEventListener('change', () => {
  for (const key of ['matrix', 'map', 'activity']) {
    seen.delete(key);
  }
  void refresh();
});
document.addEventListener('visibilitychange', () => {
  if (!document.hidden) {
    void refresh();
  }
});

let resized = 0;
window.addEventListener('resize', () => {
  window.clearTimeout(resized);
  resized = window.setTimeout(() => {
    for (const key of ['matrix', 'map', 'activity']) {
      seen.delete(key);
    }
    void refresh();
  }, 300);
});

void refresh().finally(schedule);
