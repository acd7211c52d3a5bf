/**
 * Classroom mode on a real JupyterHub: two learners and an instructor log in through the hub;
 * each learner checks from their own JupyterLab (client mode, forwarding to the jaxlings
 * service) and sees only their own progress; learners get 403 on the class endpoints; a
 * learner's kernel cannot read the bank's solutions, hidden cases or the database; the service
 * restarts and nothing is lost.
 */
import { expect, test } from '@playwright/test';
import type { Browser, Locator, Page } from '@playwright/test';
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

  // Two learners and the instructor log in; their servers start in client mode.
  const ann = await login(browser, 'ann');
  const bob = await login(browser, 'bob');

  // ann fails once, then solves; bob fails once. Each from their own JupyterLab.
  const annNotebook = await solve(ann, [
    [WRONG, 'failed'],
    [RIGHT, 'passed']
  ]);
  await solve(bob, [[WRONG, 'failed']]);
  const annPanel = await openPanel(ann);
  const bobPanel = await openPanel(bob);
  const item = (panel: Locator) =>
    panel.locator(`.jp-jaxlings-ProblemItem[data-problem-id="${ID}"]`);
  await expect(item(annPanel)).toHaveAttribute('data-status', 'solved');
  await expect(item(bobPanel)).toHaveAttribute('data-status', 'attempted');
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

  // Learners get 403 on the instructors' endpoint: through their server, and with a token.
  const denied = await api(bob, 'bob', 'class/progress');
  expect(denied.status()).toBe(403);
  expect((await denied.json()).message).toContain('instructors');
  const bobToken = await token('bob');
  const direct = await fetch(`${HUB.url}services/jaxlings/api/class/progress`, {
    headers: { Authorization: `token ${bobToken}` }
  });
  expect(direct.status).toBe(403);
  // the service's own page, reached by OAuth through the hub: a learner sees only themselves
  await bob.goto(`${HUB.url}services/jaxlings/`);
  await expect(bob.locator('body')).toContainText('bob');
  await expect(bob.locator('body')).toContainText('(learner)');
  await expect(bob.locator('table')).toHaveCount(0);
  await shot(bob, 'bob-service-page');

  // The instructor sees both learners, on the service's page and through their own server.
  const teacher = await login(browser, 'teacher');
  const klass = await (await api(teacher, 'teacher', 'class/progress')).json();
  const row = (u: string) => klass.learners.find((l: any) => l.user === u);
  expect(row('ann').problems[ID]).toEqual({ status: 'solved', attempts: 2 });
  expect(row('bob').problems[ID]).toEqual({ status: 'attempted', attempts: 1 });
  await teacher.goto(`${HUB.url}services/jaxlings/`);
  await expect(teacher.locator('body')).toContainText('(instructor)');
  await expect(teacher.locator('table tr', { hasText: 'ann' })).toContainText('✓ 2');
  await expect(teacher.locator('table tr', { hasText: 'bob' })).toContainText('✗ 1');
  await shot(teacher, 'teacher-class-page');

  // From ann's kernel, none of the service's files can be read (they are not hers to read).
  const secret = HUB.secret;
  const paths = [secret.solution, secret.cases, secret.database, secret.bank, secret.service_dir];
  const probe =
    "import json, os, subprocess; print('JXL', os.getuid(), json.dumps({p: " +
    "subprocess.run(['cat', p], capture_output=True).returncode for p in " +
    JSON.stringify(paths) +
    '}))';
  await test.step("ann's kernel tries to read the bank and the database", async () => {
    const last = annNotebook.locator('.jp-Cell').last();
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

/** A server's XSRF token from the page's cookies (a cookie-authenticated POST needs it); the
 * hub, the service and each user's server each set their own `_xsrf`, scoped to their path. */
async function xsrf(page: Page, prefix: string): Promise<string> {
  const cookies = await page.context().cookies();
  const mine = cookies.filter(c => c.name === '_xsrf' && prefix.startsWith(c.path));
  mine.sort((a, b) => b.path.length - a.path.length);
  return mine[0]?.value ?? '';
}
