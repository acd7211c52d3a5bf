/**
 * Classroom mode on a real JupyterHub: two learners and an instructor log in through the hub;
 * the instructor opens the class dashboard from their JupyterLab and watches it fill in while
 * each learner checks from their own JupyterLab (client mode, forwarding to the jaxlings
 * service); each learner sees only their own progress; learners get 403 on the class page and
 * endpoints; a learner's kernel cannot read the bank's solutions, hidden cases or the database;
 * the service restarts and nothing is lost.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import type { Browser, Locator, Page } from '@playwright/test';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

import { clickCheck, expectResult, start, typeFunction } from '../tests/helpers';

const HUB = JSON.parse(process.env.JAXLINGS_HUB || '{}');
const SHOTS = path.resolve(__dirname, '..', 'test-results', 'screenshots', 'classroom');
const ID = 'nnx-ema-step';
const NOTEBOOK = '19-nnx-ema-step.ipynb';
const HEADER = 'def ema_step(seed, params_arr, ema_arr, decay):';
const WRONG = ['return (1.0 - decay) * ema_arr + decay * params_arr'];
const RIGHT = ['return decay * ema_arr + (1.0 - decay) * params_arr'];
const REPO = path.resolve(__dirname, '..', '..');
const PYTHON = process.env.JAXLINGS_UI_PYTHON || path.join(REPO, '.venv', 'bin', 'python');
// bob submits a listed pitfall of the problem word for word: its wrong/ file's function body
const PITFALL_FILE = fs
  .readFileSync(
    path.join(REPO, 'problems', 'B-nnx-modules', '19-nnx-ema-step', 'wrong', 'swapped_blend.py'),
    'utf8'
  )
  .split('\n');
const PITFALL = PITFALL_FILE.filter(l => l.startsWith('    ')).map(l => l.trim());
const PITFALL_TITLE = PITFALL_FILE[0].replace('# pitfall:', '').trim();
const PROBLEM_TITLE = 'Running average (EMA) step';
const CLASS_ENDPOINTS = [
  'class/overview',
  'class/matrix',
  `class/problems/${ID}`,
  'class/activity?bucket_s=3600',
  'class/learners/ann',
  `class/learners/ann/problems/${ID}/latest`,
  'class/attempts.csv',
  'class/progress.csv'
];

async function shot(target: Page | Locator, name: string): Promise<void> {
  await target.screenshot({ path: path.join(SHOTS, `${name}.png`) });
}

/** Log in through the hub's own form; the hub starts the user's server and opens JupyterLab. */
async function login(browser: Browser, name: string): Promise<Page> {
  return test.step(`${name} logs in through the hub`, async () => {
    const context = await browser.newContext({ viewport: { width: 1500, height: 950 } });
    const page = await context.newPage();
    await page.goto(`${HUB.url}hub/login`);
    await page.locator('#username_input').fill(name);
    await page.locator('#password_input').fill('any password');
    await page.locator('#login_submit').click();
    await page.waitForURL(new RegExp(`/user/${name}/lab`), { timeout: 300_000 });
    await expect(page.locator('#jupyterlab-splash')).toHaveCount(0, { timeout: 300_000 });
    return page;
  });
}

async function openPanel(page: Page): Promise<Locator> {
  const panel = page.locator('#jaxlings-problems');
  const tab = page.locator('.lm-TabBar-tab[data-id="jaxlings-problems"]');
  await expect(tab).toBeVisible({ timeout: 120_000 });
  await expect(async () => {
    if (!(await panel.isVisible())) {
      await tab.click();
    }
    await expect(panel).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 60_000 });
  await expect(panel.locator('.jp-jaxlings-ProblemItem').first()).toBeVisible({
    timeout: 120_000
  });
  return panel;
}

async function openProblem(page: Page, panel: Locator): Promise<Locator> {
  await panel.getByRole('searchbox', { name: 'Filter problems' }).fill('ema');
  await panel.locator(`.jp-jaxlings-ProblemItem[data-problem-id="${ID}"]`).click();
  const view = page.locator(`.jp-jaxlings-ProblemView[data-problem-id="${ID}"]`);
  await expect(view.locator('.jp-jaxlings-Statement .jp-RenderedMarkdown')).toBeVisible({
    timeout: 120_000
  });
  return view;
}

/** A learner opens the problem, presses Start and checks each answer in turn. */
async function solve(page: Page, answers: [string[], string][]): Promise<Locator> {
  const panel = await openPanel(page);
  const view = await openProblem(page, panel);
  const notebook = await start(page as any, view, NOTEBOOK);
  const cell = notebook.locator('.jp-Cell').nth(2);
  for (const [body, status] of answers) {
    await typeFunction(page as any, cell, HEADER, body);
    await clickCheck(notebook);
    await expectResult(view, status);
  }
  return notebook;
}

async function api(page: Page, user: string, sub: string) {
  return page.request.get(`${HUB.url}user/${user}/jaxlings/api/${sub}`);
}

async function token(user: string): Promise<string> {
  const r = await fetch(`${HUB.url}hub/api/users/${user}/tokens`, {
    method: 'POST',
    headers: { Authorization: `token ${HUB.admin_token}` },
    body: JSON.stringify({ scopes: ['access:services!service=jaxlings'], expires_in: 3600 })
  });
  expect(r.status).toBe(201);
  return (await r.json()).token;
}

test('a class on a real JupyterHub', async ({ browser }) => {
  fs.mkdirSync(SHOTS, { recursive: true });

  // The instructor logs in first and opens the class dashboard from their JupyterLab.
  const teacher = await login(browser, 'teacher');
  await openPanel(teacher);
  const open = teacher.getByRole('button', { name: 'Open the class dashboard' });
  await expect(open).toBeVisible({ timeout: 60_000 }); // once the lab found the class endpoints
  expect(await paletteHas(teacher, 'Open the class dashboard')).toBe(true);
  const [dash] = await Promise.all([teacher.context().waitForEvent('page'), open.click()]);
  expect(dash.url()).toBe(`${HUB.url}services/jaxlings/?theme=light`);
  const learnerRow = (u: string) =>
    dash.locator('table.learners tbody tr', { has: dash.getByRole('button', { name: u }) });
  await expect(dash.getByRole('heading', { name: 'jaxlings — class dashboard' })).toBeVisible();
  await expect(dash.locator('#learners')).toContainText('No learner has checked a problem yet.');

  // Two learners log in; their servers start in client mode.
  const ann = await login(browser, 'ann');
  const bob = await login(browser, 'bob');

  // ann fails once, then solves; bob submits a listed pitfall. Each from their own JupyterLab;
  // the instructor's dashboard, never reloaded, shows each learner once they have checked.
  const annNotebook = await solve(ann, [
    [WRONG, 'failed'],
    [RIGHT, 'passed']
  ]);
  await expect(learnerRow('ann')).toBeVisible({ timeout: 60_000 });
  await expect(learnerRow('bob')).toHaveCount(0);
  await solve(bob, [[PITFALL, 'failed']]);
  await expect(learnerRow('bob')).toBeVisible({ timeout: 60_000 });
  expect(await paletteHas(bob, 'Open the class dashboard')).toBe(false);
  const annPanel = await openPanel(ann);
  const bobPanel = await openPanel(bob);
  const item = (panel: Locator) =>
    panel.locator(`.jp-jaxlings-ProblemItem[data-problem-id="${ID}"]`);
  await expect(item(annPanel)).toHaveAttribute('data-status', 'solved');
  await expect(item(bobPanel)).toHaveAttribute('data-status', 'attempted');
  await dashboard(dash);
  await shot(ann, 'ann-lab-solved');
  await shot(bob, 'bob-lab-attempted');

  // Each sees only their own progress, keyed to their hub user.
  const annProgress = await (await api(ann, 'ann', 'progress')).json();
  const bobProgress = await (await api(bob, 'bob', 'progress')).json();
  expect(annProgress.user).toBe('hub:ann');
  expect(annProgress.solved).toBe(1);
  expect(bobProgress.user).toBe('hub:bob');
  expect(bobProgress.solved).toBe(0);
  const ema = (p: any) => p.problems.find((r: any) => r.id === ID);
  expect([ema(annProgress).attempts, ema(bobProgress).attempts]).toEqual([2, 1]);
  // bob's solution is locked by his own history, not ann's
  expect((await api(bob, 'bob', `problems/${ID}/solution`)).status()).toBe(403);

  // Learners get 403 on every class endpoint: through their server, and with a token.
  const bobToken = await token('bob');
  for (const sub of ['class/progress', ...CLASS_ENDPOINTS]) {
    const denied = await api(bob, 'bob', sub);
    expect(denied.status(), sub).toBe(403);
    expect((await denied.json()).message, sub).toContain('instructors');
    const direct = await fetch(`${HUB.url}services/jaxlings/api/${sub}`, {
      headers: { Authorization: `token ${bobToken}` }
    });
    expect(direct.status, sub).toBe(403);
  }
  // and on the dashboard page, reached by OAuth through the hub, with a sentence saying why
  const refused = await bob.goto(`${HUB.url}services/jaxlings/`);
  expect(refused?.status()).toBe(403);
  await expect(bob.getByRole('heading')).toHaveText('For the class’s instructors only');
  await expect(bob.locator('main')).toContainText('signed in as bob');
  await expect(bob.locator('table')).toHaveCount(0);
  await shot(bob, 'bob-dashboard-403');

  // The instructor's own server forwards the class endpoints to the service.
  const klass = await (await api(teacher, 'teacher', 'class/progress')).json();
  const row = (u: string) => klass.learners.find((l: any) => l.user === u);
  expect(row('ann').problems[ID]).toEqual({ status: 'solved', attempts: 2 });
  expect(row('bob').problems[ID]).toEqual({ status: 'attempted', attempts: 1 });

  // From ann's kernel, none of the service's files can be read (they are not hers to read).
  const secret = HUB.secret;
  const paths = [secret.solution, secret.cases, secret.database, secret.bank, secret.service_dir];
  const probe =
    "import json, os, subprocess; print('JXL', os.getuid(), json.dumps({p: " +
    "subprocess.run(['cat', p], capture_output=True).returncode for p in " +
    JSON.stringify(paths) +
    '}))';
  await test.step("ann's kernel tries to read the bank and the database", async () => {
    // A problem's notebook opens with no kernel (Checks run in the service's workers); ann
    // picks one (Kernel → Change Kernel…), as a learner who wants to run cells does.
    const last = annNotebook.locator('.jp-Cell').last();
    await last.locator('.cm-content').click();
    await ann.locator('.lm-MenuBar-itemLabel', { hasText: /^Kernel$/ }).click();
    await ann.getByRole('menuitem', { name: /Change Kernel/ }).click();
    const dialog = ann.locator('.jp-Dialog');
    await expect(dialog).toContainText('Select Kernel');
    await dialog.locator('.jp-mod-accept').click();
    await expect(dialog).toHaveCount(0);
    await last.locator('.cm-content').click();
    await ann.keyboard.press('Escape');
    await ann.keyboard.press('b');
    const fresh = annNotebook.locator('.jp-Cell').last();
    await fresh.locator('.cm-content').click();
    await ann.keyboard.insertText(probe);
    await ann.keyboard.press('Shift+Enter');
    const out = annNotebook.locator('.jp-OutputArea-output', { hasText: 'JXL' });
    await expect(out).toBeVisible({ timeout: 180_000 });
    const text = (await out.innerText()).trim();
    const [, uid, json] = text.match(/^JXL (\d+) (.*)$/s) || [];
    expect(Number(uid)).not.toBe(0);
    const codes = JSON.parse(json);
    for (const p of paths) {
      expect(codes[p], `${p} must not be readable by a learner`).not.toBe(0);
    }
    // the package's settings override: a learner is never asked about Jupyter news
    await expect(ann.getByText(/notified about official Jupyter news/)).toHaveCount(0);
    await shot(ann, 'ann-kernel-cannot-read');
  });

  // The service restarts (the hub restarts a managed service that exits); nothing is lost.
  await test.step('the service restarts', async () => {
    const pid = Number(fs.readFileSync(HUB.pid_file, 'utf8'));
    process.kill(pid, 'SIGTERM');
    await expect(async () => {
      const now = Number(fs.readFileSync(HUB.pid_file, 'utf8'));
      expect(now).not.toBe(pid);
      const r = await fetch(`${HUB.url}services/jaxlings/health`);
      expect(r.status).toBe(200);
    }).toPass({ timeout: 240_000, intervals: [2_000] });
  });
  expect(await (await api(ann, 'ann', 'progress')).json()).toEqual(annProgress);
  expect(await (await api(bob, 'bob', 'progress')).json()).toEqual(bobProgress);
  await bob.goto(`${HUB.url}user/bob/lab`);
  await expect(bob.locator('#jupyterlab-splash')).toHaveCount(0, { timeout: 120_000 });
  const again = await openPanel(bob);
  await expect(item(again)).toHaveAttribute('data-status', 'attempted');
  const view = await openProblem(bob, again);
  await expect(view.locator('.jp-jaxlings-ProblemView-attempts')).toHaveText('1 attempt');
  const check = await bob.request.post(`${HUB.url}user/bob/jaxlings/api/problems/${ID}/check`, {
    data: { code: `${HEADER}\n    ${RIGHT[0]}\n` },
    headers: { 'X-XSRFToken': await xsrf(bob, '/user/bob/') }
  });
  expect(check.status()).toBe(200);
  expect((await check.json()).attempt).toBe(2);
  await shot(bob, 'bob-after-restart');
});

/** Whether the lab's command palette lists a command (searched by its label). */
async function paletteHas(page: Page, label: string): Promise<boolean> {
  const input = page.locator('.lm-CommandPalette-input');
  await expect(async () => {
    // the lab's View menu, which works wherever the keyboard focus is
    await page.locator('.lm-MenuBar-itemLabel', { hasText: /^View$/ }).click();
    await page.locator('.lm-Menu-item', { hasText: 'Activate Command Palette' }).click();
    await expect(input).toBeVisible({ timeout: 3_000 });
  }).toPass({ timeout: 60_000 });
  await input.fill(label);
  await expect(input).toHaveValue(label); // the palette filters synchronously on input
  const found = (await page.locator('.lm-CommandPalette-item', { hasText: label }).count()) > 0;
  await page.keyboard.press('Escape');
  return found;
}

/**
 * The dashboard after ann solved (2 attempts) and bob submitted the swapped-blend pitfall: its
 * tables, heatmap, misconception map, a learner's latest code, both CSVs against the database,
 * and how it reads in light and dark (screenshots, axe).
 */
async function dashboard(dash: Page): Promise<void> {
  await test.step('the dashboard shows the class', async () => {
    await dash.bringToFront();
    const learners = dash.locator('table.learners');
    await expect(learners.locator('tbody tr')).toHaveCount(2);
    await expect(learners.locator('tbody tr').nth(0)).toContainText(/ann\s*1\s*1\s*2/);
    await expect(learners.locator('tbody tr').nth(1)).toContainText(/bob\s*0\s*1\s*1/);
    const problem = dash.locator('table.problems tbody tr', { hasText: PROBLEM_TITLE });
    // started, solved, solve rate, median attempts, median time, hints, solutions
    await expect(problem.locator('td')).toHaveText([
      '2',
      '1',
      '50 %',
      '2',
      /\d+ (s|min)/,
      '0',
      '0'
    ]);
    await expect(
      dash.locator('#heatmap svg[aria-label="Heatmap of 2 learners by 1 problem"]')
    ).toBeVisible();
    await expect(dash.locator('#heatmap svg text', { hasText: '✓' })).toHaveCount(1);
    await expect(dash.locator('#heatmap svg text', { hasText: '✗' })).toHaveCount(1);

    // the misconception map names the pitfall bob submitted
    await expect(dash.locator('#problem-pick')).toHaveValue(ID);
    const pitfall = dash.locator('table.pitfalls tbody tr', { hasText: PITFALL_TITLE });
    await expect(pitfall).toContainText('wrong/swapped_blend.py', { timeout: 120_000 });
    await expect(pitfall.locator('td').nth(2)).not.toHaveText('0');
    await expect(dash.locator('table.pitfalls')).toContainText('Unlike any listed pitfall');
    await expect(dash.locator('table.failures tbody tr').first()).toBeVisible();
    await expect(
      dash.locator('#misconceptions svg[aria-label="Histogram of attempts to solve"]')
    ).toBeVisible();
    await expect(dash.locator('#activity svg[aria-label="Checks over time"]')).toBeVisible();

    // ann's latest submission, read-only
    await dash.getByRole('button', { name: 'ann', exact: true }).click();
    await expect(
      dash.getByRole('heading', { name: 'ann: progress across the track' })
    ).toBeFocused();
    await dash.getByRole('button', { name: `Show ann’s latest submission for ${ID}` }).click();
    const code = dash.locator('#submission pre');
    await expect(code).toContainText(RIGHT[0]);
    expect(await code.evaluate(el => (el as HTMLElement).isContentEditable)).toBe(false);
    await dash.locator('#learner').screenshot({ path: path.join(SHOTS, 'dashboard-learner.png') });
  });

  await test.step('both CSVs are the database’s rows', async () => {
    for (const [link, name] of [
      ['Download every attempt (CSV)', 'attempts'],
      ['Download each learner’s progress (CSV)', 'progress']
    ]) {
      const [download] = await Promise.all([
        dash.waitForEvent('download'),
        dash.getByRole('link', { name: link }).click()
      ]);
      const file = path.join(SHOTS, `${name}.csv`);
      await download.saveAs(file);
      const compared = JSON.parse(
        execFileSync(PYTHON, ['-c', CSV_VS_DB, name, file, HUB.secret.database], {
          encoding: 'utf8'
        })
      );
      expect(compared.csv.length, name).toBeGreaterThan(0);
      expect(compared.csv, name).toEqual(compared.db);
    }
  });

  await test.step('the dashboard in light and dark', async () => {
    for (const scheme of ['dark', 'light'] as const) {
      // dark follows the browser's preference; light is pinned by ?theme=, as the lab opens it
      await dash.emulateMedia({ colorScheme: scheme });
      await dash.goto(`${HUB.url}services/jaxlings/${scheme === 'light' ? '?theme=light' : ''}`);
      await expect(dash.locator('table.pitfalls')).toContainText(PITFALL_TITLE);
      await expect(dash.locator('#heatmap svg[aria-label^="Heatmap"]')).toBeVisible();
      const bg = await dash.evaluate(() => getComputedStyle(document.body).backgroundColor);
      expect(bg).toBe(scheme === 'dark' ? 'rgb(17, 17, 17)' : 'rgb(255, 255, 255)');
      await dash.screenshot({ path: path.join(SHOTS, `dashboard-${scheme}.png`), fullPage: true });
      const axe = await new AxeBuilder({ page: dash }).analyze();
      const bad = axe.violations.filter(v => v.impact === 'serious' || v.impact === 'critical');
      expect(
        bad.map(v => `${v.id}: ${v.help} (${v.nodes.length})`),
        scheme
      ).toEqual([]);
    }
  });
}

/** Reads a downloaded CSV and the service's database into the same rows (python, stdlib). */
const CSV_VS_DB = `
import csv, json, sqlite3, sys
kind, path, db = sys.argv[1:]
rows = list(csv.DictReader(open(path, newline="")))
con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
name = lambda u: u.split(":", 1)[-1]
if kind == "attempts":
    got = sorted([r["user"], r["problem"], r["verdict"], int(r["attempt"])] for r in rows)
    seen, want = {}, []
    for u, p, s in con.execute("SELECT user, problem, status FROM attempts ORDER BY at, id"):
        seen[(u, p)] = seen.get((u, p), 0) + 1
        want.append([name(u), p, s, seen[(u, p)]])
    want.sort()
else:
    got = sorted([r["user"], r["problem"], r["status"], int(r["attempts"])] for r in rows if r["status"] != "new")
    want = sorted(
        [name(u), p, "solved" if solved else "attempted", n]
        for u, p, n, solved in con.execute(
            "SELECT user, problem, count(*), max(passed) FROM attempts GROUP BY user, problem"
        )
    )
print(json.dumps({"csv": got, "db": want}))
`;

/** A server's XSRF token from the page's cookies (a cookie-authenticated POST needs it); the
 * hub, the service and each user's server each set their own `_xsrf`, scoped to their path. */
async function xsrf(page: Page, prefix: string): Promise<string> {
  const cookies = await page.context().cookies();
  const mine = cookies.filter(c => c.name === '_xsrf' && prefix.startsWith(c.path));
  mine.sort((a, b) => b.path.length - a.path.length);
  return mine[0]?.value ?? '';
}
