/**
 * The learner's flow across problems: one notebook and one view side by side at any width,
 * the verdict in sight from a scrolled view, Ctrl+Shift+Enter from the view, helpers in earlier
 * cells, which Checks count toward the solution, the reveal dialog's focus, Reset and Next.
 * One page for the whole path (each Start and Check is slow on a busy machine).
 */
import { expect, IJupyterLabPageFixture, test } from '@jupyterlab/galata';
import type { Locator } from '@playwright/test';

import { openPanel, openProblem, problemView, screenshot, scrollViewTo } from './helpers';

const TREE = 'jax-pytree-map'; // 09, sprint A: not used by the other specs
const STOP = 'jax-stop-gradient'; // 12
const NEXT = 'jax-scan'; // 10
// ema_step is three operations: a Check passes well within the tests' 3 s limit on a busy machine
const EMA = 'nnx-ema-step';
const EMA_PATH = 'jaxlings/19-nnx-ema-step.ipynb';

/** Set a cell's text through the notebook model (as a paste would) in the notebook at `path`. */
async function setCell(
  page: IJupyterLabPageFixture,
  path: string,
  index: number,
  source: string,
  insert = false
): Promise<void> {
  await page.evaluate(
    ({ path, index, source, insert }) => {
      const app = (window as any).jupyterapp;
      for (const w of app.shell.widgets('main')) {
        if (w.context?.path === path) {
          const shared = w.content.model.sharedModel;
          if (insert) {
            shared.insertCell(index, { cell_type: 'code', source });
          } else {
            shared.getCell(index).setSource(source);
          }
          w.content.activeCellIndex = index;
          return;
        }
      }
      throw new Error(`no notebook ${path}`);
    },
    { path, index, source, insert }
  );
}

/** Press Start in a problem's view and wait for its notebook's cells. */
async function startProblem(page: IJupyterLabPageFixture, id: string, name: string) {
  const view = await openProblem(page, id);
  await view.getByRole('button', { name: 'Start' }).click();
  const tab = page.locator('.lm-DockPanel-tabBar .lm-TabBar-tab', { hasText: name });
  await expect(tab).toHaveClass(/lm-mod-current/, { timeout: 60_000 });
  const notebook = page.locator('.jp-NotebookPanel:visible');
  await expect(notebook.locator('.jp-Cell').nth(2)).toBeVisible({ timeout: 60_000 });
  return { view, notebook };
}

/** One notebook and one view side by side, nothing over either, Check visible in both. */
async function expectSideBySide(page: IJupyterLabPageFixture, view: Locator, notebook: Locator) {
  await expect(notebook).toHaveCount(1);
  await expect(view).toBeVisible();
  await expect(page.locator('#jp-main-dock-panel > .lm-TabBar')).toHaveCount(2);
  const nb = (await notebook.boundingBox())!;
  const v = (await view.boundingBox())!;
  expect(nb.x + nb.width).toBeLessThanOrEqual(v.x + 1); // the notebook left of the view
  expect(nb.width).toBeGreaterThan(300);
  const check = notebook.locator('.jp-jaxlings-CheckButton');
  await expect(check).toBeVisible();
  const box = (await check.boundingBox())!;
  expect(box.x + box.width).toBeLessThanOrEqual(nb.x + nb.width); // in the bar, not in "…"
  await expect(view.getByRole('button', { name: 'Check', exact: true })).toBeVisible();
}

const PATH = 'jaxlings/09-jax-pytree-map.ipynb';
const HEADER = 'def sgd_momentum_step(seed, params, grads, velocity, lr, momentum):\n';
const SYNTAX_ERROR = HEADER + '    return (\n';
const WRONG = HEADER + '    return params, grads\n';
const HELPER = 'def blend(a, b, w):\n    return w * a + (1.0 - w) * b\n';
const USES_HELPER =
  'def ema_step(seed, params_arr, ema_arr, decay):\n    return blend(ema_arr, params_arr, decay)\n';

/**
 * Press the view's Check (or run `press`) and wait for the next attempt to be drawn with one
 * of `statuses` (a busy machine may turn a slow wrong answer into a timeout: it counts the same).
 */
async function check(
  view: Locator,
  statuses: string[],
  press?: () => Promise<void>
): Promise<void> {
  const attempts = view.locator('.jp-jaxlings-ProblemView-attempts');
  const before = parseInt((await attempts.textContent()) ?? '0', 10);
  if (press) {
    await press();
  } else {
    const button = view.getByRole('button', { name: 'Check', exact: true });
    await expect(button).toBeEnabled({ timeout: 60_000 });
    await button.click();
  }
  await expect(attempts).toHaveText(new RegExp(`^${before + 1} attempts?$`), { timeout: 90_000 });
  const result = view.locator('.jp-jaxlings-Result:not(.jp-mod-stale)');
  await expect(result).toBeVisible({ timeout: 30_000 });
  expect(statuses).toContain(await result.getAttribute('data-status'));
}

test.use({ viewport: { width: 1024, height: 768 } });

test('one notebook and one view per problem at any width; Checks, keys, Reset and Next from the view', async ({
  page
}) => {
  const errors: string[] = [];
  page.on('console', m => {
    if (m.type() === 'error') {
      errors.push(m.text());
    }
  });
  let tree: { view: Locator; notebook: Locator };
  await test.step('two problems started: one notebook area, one view area', async () => {
    await openPanel(page);
    tree = await startProblem(page, TREE, '09-jax-pytree-map.ipynb');
    await expectSideBySide(page, tree.view, tree.notebook);
    const stop = await startProblem(page, STOP, '12-jax-stop-gradient.ipynb');
    // the second problem's notebook and view are tabs of the first's areas
    await expectSideBySide(page, stop.view, stop.notebook);
    await expect(problemView(page, TREE)).toBeHidden();
    await screenshot(page.locator('#main'), 'layout-1024-light');
    for (const width of [1280, 1440]) {
      await page.setViewportSize({ width, height: 900 });
      await expectSideBySide(page, stop.view, stop.notebook);
    }
    // a view opened from the list goes to the view area, not over the notebook
    await openProblem(page, TREE);
    await expectSideBySide(page, problemView(page, TREE), stop.notebook);
    await page
      .locator('.lm-DockPanel-tabBar .lm-TabBar-tab', { hasText: '09-jax-pytree-map.ipynb' })
      .click();
    await expectSideBySide(page, tree.view, tree.notebook);
    // closing a view logs no "Widget is not attached."
    await page
      .locator('.lm-DockPanel-tabBar .lm-TabBar-tab', { hasText: '12 · ' })
      .locator('.lm-TabBar-tabCloseIcon')
      .click();
    await expect(problemView(page, STOP)).toHaveCount(0);
    await page.setViewportSize({ width: 1280, height: 900 });
  });
  const view = problemView(page, TREE);

  await test.step('the starter and a syntax error do not count toward the solution', async () => {
    await check(view, ['failed', 'timeout']); // the untouched starter
    await expect(view.locator('.jp-jaxlings-NotCounted')).toBeVisible();
    await setCell(page, PATH, 2, SYNTAX_ERROR);
    await check(view, ['error']);
    await check(view, ['error']);
    await expect(view.locator('.jp-jaxlings-Locked[data-locked="solution"]')).toContainText(
      '3 more failed Checks of your own code'
    );
  });

  await test.step('three failed Checks of own code unlock it; Enter in the dialog keeps trying', async () => {
    await setCell(page, PATH, 2, WRONG);
    for (let i = 0; i < 3; i++) {
      await check(view, ['failed', 'timeout']);
    }
    await expect(view.locator('.jp-jaxlings-NotCounted')).toHaveCount(0);
    await view.getByRole('button', { name: 'View solution' }).click();
    const dialog = page.locator('.jp-Dialog');
    await expect(dialog.locator('button:focus')).toHaveText('Keep trying');
    await page.keyboard.press('Enter');
    await expect(dialog).toHaveCount(0);
    await expect(view.locator('.jp-jaxlings-SolutionCode')).toHaveCount(0);
  });

  await test.step('a helper in the cell above; Ctrl+Shift+Enter from a scrolled view shows the verdict', async () => {
    const { view: emaView } = await startProblem(page, EMA, '19-nnx-ema-step.ipynb');
    await setCell(page, EMA_PATH, 2, HELPER, true);
    await setCell(page, EMA_PATH, 3, USES_HELPER);
    await scrollViewTo(emaView, '.jp-jaxlings-Statement h2');
    const chip = emaView.locator('.jp-jaxlings-VerdictChip');
    await check(emaView, ['passed'], async () => {
      await emaView.locator('.jp-jaxlings-Statement p').first().click(); // text, not a button
      await page.keyboard.press('Control+Shift+Enter');
      await expect(chip).toBeInViewport(); // "Checking…" while it runs
    });
    await expect(chip).toHaveAttribute('data-tone', 'pass');
    await expect(chip).toBeInViewport();
    await expect(chip).toContainText('Passed');
    await expect(emaView.locator('.jp-jaxlings-LastCheck h2')).not.toBeInViewport();
    await screenshot(emaView, 'verdict-scrolled-light');
    await page.theme.setDarkTheme();
    await screenshot(emaView, 'verdict-scrolled-dark');
    await page.theme.setLightTheme();
    await chip.click(); // back to the results
    await expect(emaView.locator('.jp-jaxlings-Result[data-status="passed"]')).toBeInViewport();
    // back to the first problem: its notebook and view come forward together
    await openProblem(page, TREE);
    await page
      .locator('.lm-DockPanel-tabBar .lm-TabBar-tab', { hasText: '09-jax-pytree-map.ipynb' })
      .click();
  });

  await test.step('Reset puts the starter back after asking', async () => {
    await view.getByRole('button', { name: 'Reset' }).click();
    const dialog = page.locator('.jp-Dialog');
    await expect(dialog.locator('button:focus')).toHaveText('Keep my code');
    await dialog.getByRole('button', { name: 'Reset' }).click();
    await expect(page.locator('.jp-NotebookPanel:visible .jp-Cell').nth(2)).toContainText(
      'return params, velocity'
    );
  });

  await test.step('Next and Previous open the neighbours in the view area', async () => {
    await view.getByRole('button', { name: 'Next ›' }).click();
    await expect(problemView(page, NEXT).locator('.jp-jaxlings-ProblemView-title')).toContainText(
      '10'
    );
    await expect(view).toBeHidden();
    await expect(page.locator('#jp-main-dock-panel > .lm-TabBar')).toHaveCount(2);
    await problemView(page, NEXT).getByRole('button', { name: '‹ Previous' }).click();
    await expect(view).toBeVisible();
  });

  await test.step("the Launcher's Problems card opens the finder", async () => {
    await page.locator('.lm-MenuBar-item', { hasText: 'File' }).click();
    await page.locator('.lm-Menu-item', { hasText: 'New Launcher' }).click();
    const card = page.locator('.jp-LauncherCard:visible', { hasText: 'Problems' });
    await expect(card).toBeVisible();
    await screenshot(card, 'launcher-card-light');
    await card.click();
    const finder = page.locator('.jp-Dialog .jp-jaxlings-Finder');
    await expect(finder.locator('input')).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(finder).toHaveCount(0);
  });

  await test.step('Help → Open Problem… finds a problem by part of its title', async () => {
    await page.locator('.lm-MenuBar-item', { hasText: 'Help' }).click();
    await page.locator('.lm-Menu-item', { hasText: 'Open Problem…' }).click();
    const finder = page.locator('.jp-Dialog .jp-jaxlings-Finder');
    await expect(finder.locator('input')).toBeFocused();
    await page.keyboard.type('RNN over');
    await expect(finder.locator('.lm-CommandPalette-item').first()).toContainText('10 · lax.scan');
    await page.keyboard.press('Enter');
    await expect(problemView(page, NEXT)).toBeVisible();
  });

  expect(errors.filter(e => /not attached|404/.test(e))).toEqual([]);
  // JupyterLab's news question is not asked
  await expect(page.getByText('get notified about official Jupyter news')).toHaveCount(0);
});
