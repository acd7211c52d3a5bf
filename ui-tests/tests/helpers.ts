/** Steps a learner takes, shared by the browser tests. */
import { expect, IJupyterLabPageFixture, JupyterLabPage, test } from '@jupyterlab/galata';
import type { Locator } from '@playwright/test';
import * as path from 'path';

// The committed set in ui-tests/screenshots is refreshed only on request
// (JAXLINGS_UPDATE_SCREENSHOTS=1), so an ordinary test run leaves the tree clean.
export const SCREENSHOTS = path.resolve(
  __dirname,
  '..',
  process.env.JAXLINGS_UPDATE_SCREENSHOTS ? 'screenshots' : 'test-results/screenshots'
);

// Galata waits 15 s for JupyterLab to start unless told otherwise, and on a busy 2-core machine
// it takes longer (33 s seen at load 30): without a timeout of their own, its waits get 2 min.
const waitForCondition = JupyterLabPage.prototype.waitForCondition;
JupyterLabPage.prototype.waitForCondition = function (
  this: JupyterLabPage,
  condition: () => Promise<boolean> | boolean,
  timeout?: number
): Promise<void> {
  return waitForCondition.call(this, condition, timeout ?? 120_000);
};

/** Open the jaxlings side panel and wait for its problem list. */
export async function openPanel(page: IJupyterLabPageFixture): Promise<Locator> {
  return test.step('open the jaxlings panel', async () => {
    const panel = page.locator('#jaxlings-problems');
    const tab = page.sidebar.getTabLocator('jaxlings-problems');
    await expect(tab).toBeVisible({ timeout: 60_000 });
    // The layout may still be restoring (after a reload): click only while it is closed.
    await expect(async () => {
      if (!(await panel.isVisible())) {
        const current = ((await tab.getAttribute('class')) ?? '').includes('lm-mod-current');
        if (!current) {
          await tab.click();
        }
      }
      await expect(panel).toBeVisible({ timeout: 2_000 });
    }).toPass({ timeout: 60_000 });
    await expect(panel.locator('.jp-jaxlings-ProblemItem').first()).toBeVisible({
      timeout: 60_000
    });
    return panel;
  });
}

/** The problem's view in the main area. */
export function problemView(page: IJupyterLabPageFixture, id: string): Locator {
  return page.locator(`.jp-jaxlings-ProblemView[data-problem-id="${id}"]`);
}

/** Open a problem from the panel and wait for its statement. */
export async function openProblem(page: IJupyterLabPageFixture, id: string): Promise<Locator> {
  return test.step(`open problem ${id}`, async () => {
    const panel = await openPanel(page);
    await panel.locator(`.jp-jaxlings-ProblemItem[data-problem-id="${id}"]`).click();
    const view = problemView(page, id);
    await expect(view.locator('.jp-jaxlings-Statement .jp-RenderedMarkdown')).toBeVisible({
      timeout: 30_000
    });
    return view;
  });
}

/** Press Start in the view and wait for the problem's notebook to be the current tab. */
export async function start(
  page: IJupyterLabPageFixture,
  view: Locator,
  notebookName: string
): Promise<Locator> {
  return test.step('press Start', async () => {
    await view.getByRole('button', { name: 'Start' }).click();
    const tab = page.locator('.lm-DockPanel-tabBar .lm-TabBar-tab', { hasText: notebookName });
    await expect(tab).toHaveClass(/lm-mod-current/, { timeout: 30_000 });
    const notebook = page.locator('.jp-NotebookPanel:visible').filter({
      has: page.locator('.jp-jaxlings-CheckButton')
    });
    await expect(notebook.locator('.jp-Cell').nth(2)).toBeVisible({ timeout: 30_000 });
    return notebook;
  });
}

/**
 * Replace the text of a notebook cell by typing, as a learner would: the header line,
 * then each body line after Enter (CodeMirror indents the body by itself).
 */
export async function typeFunction(
  page: IJupyterLabPageFixture,
  cell: Locator,
  header: string,
  body: string[]
): Promise<void> {
  return test.step(`type ${header} ${body.join(' / ')}`, async () => {
    const editor = cell.locator('.cm-content');
    await editor.click();
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Delete');
    await editor.pressSequentially(header);
    for (const line of body) {
      await page.keyboard.press('Enter');
      await editor.pressSequentially(line.trimStart());
    }
    await expect(editor).toContainText(body[body.length - 1].trim());
  });
}

/** Click the notebook toolbar's Check and wait for the view to show a result of `status`. */
export async function clickCheck(notebook: Locator): Promise<void> {
  return test.step('press Check in the notebook toolbar', async () => {
    const button = notebook
      .locator('.jp-jaxlings-CheckButton button, .jp-jaxlings-CheckButton')
      .first();
    await expect(button).toBeEnabled({ timeout: 30_000 });
    await button.click();
  });
}

export async function expectResult(view: Locator, status: string): Promise<Locator> {
  return test.step(`wait for a ${status} result`, async () => {
    const result = view.locator(`.jp-jaxlings-Result[data-status="${status}"]:not(.jp-mod-stale)`);
    await expect(result).toBeVisible({ timeout: 60_000 });
    await expect(view.locator('.jp-jaxlings-Busy')).toHaveCount(0, { timeout: 60_000 });
    return result;
  });
}

/** Scroll the problem view so that `selector` (inside it) is at the top. */
export async function scrollViewTo(view: Locator, selector: string): Promise<void> {
  await view
    .locator(selector)
    .first()
    .evaluate(el => el.scrollIntoView({ block: 'start' }));
}

export async function screenshot(target: Locator, name: string): Promise<void> {
  await target.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`) });
}
