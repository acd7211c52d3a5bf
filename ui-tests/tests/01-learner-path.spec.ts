/**
 * A learner's path on nnx-ema-step: panel → problem → Start → wrong answer → Check →
 * hint → right answer → Check → solved, solution → reload → still there.
 */
import { expect, test } from '@jupyterlab/galata';
import type { Request } from '@playwright/test';

import {
  clickCheck,
  expectResult,
  openPanel,
  openProblem,
  problemView,
  screenshot,
  SCREENSHOTS,
  scrollViewTo,
  start,
  typeFunction
} from './helpers';

const ID = 'nnx-ema-step';
const NOTEBOOK = '19-nnx-ema-step.ipynb';
const HEADER = 'def ema_step(seed, params_arr, ema_arr, decay):';
const WRONG = ['return (1.0 - decay) * ema_arr + decay * params_arr'];
const RIGHT = ['return decay * ema_arr + (1.0 - decay) * params_arr'];

test.use({ viewport: { width: 1600, height: 1000 } });

test('a learner solves nnx-ema-step, and the state survives a reload', async ({ page }) => {
  const consoleErrors: string[] = [];
  page.on('console', message => {
    if (message.type() === 'error' && /jaxlings/i.test(message.text())) {
      consoleErrors.push(message.text());
    }
  });
  // The panel lists the problem as new, grouped under its sprint with a progress bar.
  const panel = await openPanel(page);
  const item = panel.locator(`.jp-jaxlings-ProblemItem[data-problem-id="${ID}"]`);
  await expect(item).toHaveAttribute('data-status', 'new');
  await expect(item).toContainText('19');
  await expect(
    panel.locator('.jp-jaxlings-Sprint[data-sprint="B"] [role="progressbar"]')
  ).toBeVisible();

  // The filter narrows the list.
  await panel.getByRole('searchbox', { name: 'Filter problems' }).fill('19');
  await expect(panel.locator('.jp-jaxlings-ProblemItem')).toHaveCount(1);
  await screenshot(panel, 'panel-light');
  await panel.getByRole('searchbox', { name: 'Filter problems' }).fill('');

  // Open the problem: statement rendered by rendermime, hints and solution locked.
  const view = await openProblem(page, ID);
  await expect(view.locator('.jp-jaxlings-ProblemView-title')).toContainText('EMA');
  await expect(view.locator('.jp-jaxlings-Statement h2').first()).toBeVisible();
  await expect(
    view
      .locator(
        '.jp-jaxlings-Statement pre code, .jp-jaxlings-Statement .cm-editor, .jp-jaxlings-Statement pre'
      )
      .first()
  ).toBeVisible();
  await expect(view.locator('[data-locked="hints"]')).toContainText(/Check/);
  await expect(view.locator('[data-locked="solution"]')).toBeVisible();

  // Start: the notebook opens with the starter in a cell, the view beside it.
  const notebook = await start(page, view, NOTEBOOK);
  await expect(view).toBeVisible();
  const cell = notebook.locator('.jp-Cell').nth(2);
  await expect(cell).toContainText('def ema_step');

  // A wrong answer: the swapped blend. The Check is one request: its answer redraws all.
  await typeFunction(page, cell, HEADER, WRONG);
  const requests: string[] = [];
  const record = (request: Request) => {
    const path = new URL(request.url()).pathname;
    if (path.includes('/jaxlings/api/')) {
      requests.push(`${request.method()} ${path.replace(/^.*\/jaxlings\/api\//, '')}`);
    }
  };
  page.on('request', record);
  await clickCheck(notebook);
  const failed = await expectResult(view, 'failed');
  const worked = failed.locator('tbody[data-case="worked example"]');
  await expect(worked).toHaveAttribute('data-verdict', 'failed');
  await expect(worked.locator('.jp-jaxlings-Case-expected')).toContainText('0.1, 0.2, 0.3, 0.4');
  await expect(worked.locator('.jp-jaxlings-Case-actual')).toContainText('0.9, 1.8, 2.7, 3.6');
  await expect(worked.locator('.jp-jaxlings-Case-message')).toContainText('differ');
  await expect(
    failed.locator('tbody[data-verdict="failed"] .jp-jaxlings-Case-hiddenNote').first()
  ).toBeVisible();
  await expect(failed).toContainText('attempt 1');
  await expect(item).toHaveAttribute('data-status', 'attempted');
  await expect(view.locator('.jp-jaxlings-ProblemView-attempts')).toHaveText('1 attempt');
  // the sprint line counts it as in progress ("… · N attempted"), and stops once it is solved
  const sprintCount = panel.locator(
    '.jp-jaxlings-Sprint[data-sprint="B"] .jp-jaxlings-Sprint-count'
  );
  await expect(sprintCount).toContainText(/\d+ attempted/);
  const inProgress = Number((await sprintCount.innerText()).match(/(\d+) attempted/)![1]);
  await expect(view.getByRole('button', { name: 'Show hint 1 of 2' })).toBeVisible();
  page.off('request', record);
  expect(requests).toEqual([`POST problems/${ID}/check`]);
  await scrollViewTo(view, '.jp-jaxlings-ProblemView-header');
  await screenshot(view, 'failed-light');
  await page.screenshot({ path: `${SCREENSHOTS}/workspace-failed-light.png` });

  // Hint 1 can now be revealed, one at a time.
  const showHint = view.getByRole('button', { name: 'Show hint 1 of 2' });
  await expect(showHint).toBeVisible();
  await showHint.click();
  await expect(view.locator('.jp-jaxlings-Hint[data-hint="1"]')).toContainText('decay');
  await expect(view.getByRole('button', { name: 'Show hint 2 of 2' })).toBeVisible();

  await page.theme.setDarkTheme();
  await expect(view.locator('.jp-jaxlings-Result[data-status="failed"]')).toBeVisible();
  await scrollViewTo(view, '.jp-jaxlings-ProblemView-header');
  await screenshot(view, 'failed-dark');
  await screenshot(panel, 'panel-dark');
  await page.theme.setLightTheme();

  // The right answer, checked with the keyboard shortcut this time.
  await typeFunction(page, cell, HEADER, RIGHT);
  await page.keyboard.press('Control+Shift+Enter');
  const passed = await expectResult(view, 'passed');
  await expect(passed.locator('tbody[data-verdict="failed"]')).toHaveCount(0);
  await expect(passed).toContainText('attempt 2');
  await expect(item).toHaveAttribute('data-status', 'solved');
  await expect(view.locator('.jp-jaxlings-ProblemView-meta .jp-jaxlings-Status')).toHaveText(
    'solved'
  );
  await expect(
    panel.locator('.jp-jaxlings-Sprint[data-sprint="B"] [role="progressbar"]')
  ).toHaveAttribute('aria-valuenow', '1');
  await expect(sprintCount).not.toContainText(`${inProgress} attempted`);
  if (inProgress > 1) {
    await expect(sprintCount).toContainText(`${inProgress - 1} attempted`);
  }

  // Solved: the solution is viewable without a warning, and insertable below the cell.
  await view.getByRole('button', { name: 'View solution' }).click();
  await expect(view.locator('.jp-jaxlings-SolutionCode')).toContainText('decay * ema_arr');
  await scrollViewTo(view, '.jp-jaxlings-ProblemView-header');
  await screenshot(view, 'passed-light');
  await scrollViewTo(view, '.jp-jaxlings-Hints');
  await screenshot(view, 'solution-light');
  const cellsBefore = await notebook.locator('.jp-Cell').count();
  await view.getByRole('button', { name: 'Insert as new cell below' }).click();
  await expect(notebook.locator('.jp-Cell')).toHaveCount(cellsBefore + 1);
  await expect(notebook.locator('.jp-Cell').nth(3)).toContainText('decay * ema_arr');

  await page.theme.setDarkTheme();
  await scrollViewTo(view, '.jp-jaxlings-ProblemView-header');
  await screenshot(view, 'passed-dark');
  await page.screenshot({ path: `${SCREENSHOTS}/workspace-passed-dark.png` });
  await page.theme.setLightTheme();

  // Save, reload: status, attempts, the revealed hint and solution and the last result are still there.
  await page.keyboard.press('Control+S');
  // (the restored layout has no Launcher, which Galata's default ready check waits for)
  await page.reload({ waitForIsReady: false });
  await page.locator('#jupyterlab-splash').waitFor({ state: 'detached' });
  const panelAgain = await openPanel(page);
  await expect(
    panelAgain.locator(`.jp-jaxlings-ProblemItem[data-problem-id="${ID}"]`)
  ).toHaveAttribute('data-status', 'solved');
  const restored = problemView(page, ID);
  if (!(await restored.isVisible())) {
    await panelAgain.locator(`.jp-jaxlings-ProblemItem[data-problem-id="${ID}"]`).click();
  }
  await expect(restored.locator('.jp-jaxlings-ProblemView-meta .jp-jaxlings-Status')).toHaveText(
    'solved'
  );
  await expect(restored.locator('.jp-jaxlings-ProblemView-attempts')).toHaveText('2 attempts');
  await expect(restored.locator('.jp-jaxlings-Hint[data-hint="1"]')).toContainText('decay');
  // the solution seen before the reload is shown again, as the revealed hint is
  await expect(restored.locator('.jp-jaxlings-SolutionCode')).toContainText('decay * ema_arr');
  await expect(restored.locator('.jp-jaxlings-Result[data-status="passed"]')).toBeVisible();
  expect(consoleErrors).toEqual([]);
});
