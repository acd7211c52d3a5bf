/**
 * Behind a JupyterHub-like prefix (/user/learner/): the panel, the problem view, Start and
 * Check all reach the jaxlings API under the prefix. Plain Playwright, since Galata's
 * fixtures assume an unprefixed server.
 */
import { expect, test } from '@playwright/test';

import { typeFunction } from './helpers';

// the Playwright config is CommonJS (Galata's base config is)
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { prefixedURL } = require('../playwright.config.js');

test.use({ viewport: { width: 1600, height: 1000 } });

test('the extension works under a base_url prefix', async ({ page }) => {
  const apiCalls: string[] = [];
  page.on('request', request => {
    if (request.url().includes('/jaxlings/api/')) {
      apiCalls.push(request.url());
    }
  });
  await page.goto(`${prefixedURL}/lab`);
  await page.locator('#jupyterlab-splash').waitFor({ state: 'detached', timeout: 60_000 });

  await page.locator('.jp-SideBar [data-id="jaxlings-problems"]').click();
  const panel = page.locator('#jaxlings-problems');
  const item = panel.locator('.jp-jaxlings-ProblemItem[data-problem-id="nnx-ema-step"]');
  await expect(item).toBeVisible({ timeout: 60_000 });
  await item.click();

  const view = page.locator('.jp-jaxlings-ProblemView[data-problem-id="nnx-ema-step"]');
  await expect(view.locator('.jp-jaxlings-Statement .jp-RenderedMarkdown')).toBeVisible({
    timeout: 30_000
  });
  await view.getByRole('button', { name: 'Start' }).click();
  const notebook = page.locator('.jp-NotebookPanel:visible');
  const cell = notebook.locator('.jp-Cell').nth(2);
  await expect(cell).toContainText('def ema_step', { timeout: 30_000 });

  await typeFunction(page as any, cell, 'def ema_step(seed, params_arr, ema_arr, decay):', [
    'return decay * ema_arr + (1.0 - decay) * params_arr'
  ]);
  await notebook.locator('.jp-jaxlings-CheckButton').click();
  await expect(view.locator('.jp-jaxlings-Result[data-status="passed"]')).toBeVisible({
    timeout: 60_000
  });
  await expect(item).toHaveAttribute('data-status', 'solved');

  expect(apiCalls.length).toBeGreaterThan(0);
  for (const url of apiCalls) {
    expect(url).toContain('/user/learner/jaxlings/api/');
  }
});
