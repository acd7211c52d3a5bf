/**
 * A learner's path in a real VS Code (code-server): open the jaxlings view, open nnx-ema-step,
 * Start a notebook, Check a wrong then a right ema_step from the cell toolbar, reveal a hint,
 * see the case in Test Explorer; then the same in a .py file through the CodeLens.
 */
import { spawn } from 'child_process';
import { mkdirSync } from 'fs';
import { join } from 'path';
import { expect, FrameLocator, Locator, Page, test } from '@playwright/test';

import { ICodeServer, REPO, startCodeServer, VSCODE_DIR } from './codeserver';

const SHOTS = process.env.JAXLINGS_UPDATE_SCREENSHOTS
  ? join(VSCODE_DIR, 'e2e', 'screenshots')
  : join(VSCODE_DIR, 'test-results', 'screenshots');
mkdirSync(SHOTS, { recursive: true });

const WRONG = [
  'def ema_step(seed, params_arr, ema_arr, decay):',
  '    return decay * params_arr + (1.0 - decay) * ema_arr'
].join('\n');
const RIGHT = [
  'def ema_step(seed, params_arr, ema_arr, decay):',
  '    return decay * ema_arr + (1.0 - decay) * params_arr'
].join('\n');

let server: ICodeServer;

test.beforeAll(async () => {
  server = await startCodeServer();
});

test.afterAll(() => {
  server?.stop();
});

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(SHOTS, `${name}.png`) });
}

/** The statement panel's content (a webview: an iframe inside an iframe). */
function panel(page: Page): FrameLocator {
  // the notebook's outputs live in a webview too: pick ours by its extension id
  return page
    .frameLocator('iframe.webview[src*="extensionId=jaxlings.jaxlings-vscode"]')
    .frameLocator('iframe#active-frame');
}

/** Replace the text of a Monaco editor (a notebook cell or a file) with `code`. */
async function replaceText(page: Page, editor: Locator, code: string): Promise<void> {
  await editor.locator('.view-lines').click();
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Delete');
  await page.keyboard.insertText(code);
  await page.keyboard.press('Control+Home'); // scroll back to column 0 for the screenshots
}

/** Measure how long a Check takes from the click to the verdict on screen. */
async function timed(label: string, click: () => Promise<void>, verdict: Locator): Promise<number> {
  const t0 = Date.now();
  await click();
  await expect(verdict).toBeVisible();
  const ms = Date.now() - t0;
  console.log(`[measure] ${label}: ${ms} ms`);
  return ms;
}

test.use({ colorScheme: 'light' });

test('a learner checks nnx-ema-step in a notebook and in a .py file', async ({ page }) => {
  await page.goto(server.url);
  await expect(page.locator('.monaco-workbench')).toBeVisible();

  // the jaxlings view: sprints with progress, filter to the problem, open it
  await page.locator('.activitybar [aria-label*="jaxlings"]').first().click();
  const view = page.locator('.pane:has(.pane-header[aria-label*="Problems"])');
  await expect(view.getByRole('treeitem').first()).toBeVisible({ timeout: 240_000 });
  await expect(view.getByRole('treeitem', { name: /Flax NNX|NNX/ }).first()).toBeVisible();
  await expect(view).toContainText('of');
  await shot(page, 'view-light');
  await page.locator('[aria-label^="Filter Problems"]').first().click();
  await page.locator('.quick-input-widget input').fill('ema step');
  await page.keyboard.press('Enter');
  const item = view.getByRole('treeitem', { name: /Running average \(EMA\) step/ });
  await item.click();
  const statement = panel(page);
  await expect(statement.locator('h1')).toContainText('Running average (EMA) step');
  await expect(statement.locator('.hints .locked')).toBeVisible();

  // Start a notebook: the starter is in a cell of VS Code's own notebook editor
  await statement.locator('button[data-action="start-notebook"]').click();
  const notebook = page.locator('.notebookOverlay').first();
  await expect(notebook).toBeVisible();
  const cell = notebook.locator('.cell-inner-container:has-text("def ema_step")').first();
  await expect(cell).toBeVisible();
  await shot(page, 'notebook-start-light');

  // a wrong ema_step, checked from the cell toolbar: failed, case by case
  await replaceText(page, cell.locator('.monaco-editor'), WRONG);
  await cell.hover();
  const checkButton = cell.locator('.cell-title-toolbar [aria-label="jaxlings: Check"]');
  await checkButton.click();
  await expect(statement.locator('.verdict[data-verdict="failed"]')).toBeVisible({
    timeout: 240_000
  });
  await expect(cell.locator('.cell-statusbar-container')).toContainText('Failed');
  await expect(statement.locator('.case.fail .case-expected').first()).toBeVisible();
  await shot(page, 'notebook-failed-light');

  // a hint unlocks after the attempt
  await statement.locator('button[data-action="hint"]').click();
  await expect(statement.locator('.hint').first()).toBeVisible();

  // the right one: passed (the warm Check is measured)
  await replaceText(page, cell.locator('.monaco-editor'), RIGHT);
  await cell.hover();
  await timed(
    'notebook Check click -> verdict (warm)',
    () => checkButton.click(),
    statement.locator('.verdict[data-verdict="passed"]')
  );
  await expect(cell.locator('.cell-statusbar-container')).toContainText('Passed');
  await shot(page, 'notebook-passed-light');

  // the cases in Test Explorer
  await page.locator('.activitybar [aria-label^="Testing"]').first().click();
  const testing = page.locator('.part.sidebar');
  const problemTest = testing.getByRole('treeitem', { name: /EMA/ }).first();
  await expect(problemTest).toBeVisible();
  if ((await problemTest.getAttribute('aria-expanded')) === 'false') {
    await problemTest.locator('.monaco-tl-twistie').click();
  }
  await expect(testing.getByRole('treeitem', { name: /worked example/ }).first()).toBeVisible();
  await shot(page, 'test-explorer-light');

  // the same in a .py file through the CodeLens
  await page.locator('.activitybar [aria-label*="jaxlings"]').first().click();
  await statement.locator('button[data-action="start-python"]').click();
  // the .py editor, found by its tab (Monaco drops lines scrolled out of view from the DOM)
  const editor = page
    .locator('.editor-group-container')
    .filter({ has: page.locator('.tab.active[aria-label*="19-nnx-ema-step.py"]') })
    .locator('.monaco-editor')
    .first();
  await expect(editor).toBeVisible();
  const lens = editor.locator('.codelens-decoration a', { hasText: /^Check$/ });
  await expect(lens).toBeVisible();
  await editor.locator('.view-lines').click();
  // the starter's last line returns zeros: make it the wrong blend first
  await page.keyboard.press('Control+End');
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('Control+L');
  await page.keyboard.insertText('    return decay * params_arr + (1.0 - decay) * ema_arr\n');
  await page.keyboard.press('Control+Home'); // back to column 0, where the CodeLens starts
  await lens.click();
  await expect(editor.locator('.codelens-decoration').first()).toContainText('Failed', {
    timeout: 240_000
  });
  await expect(statement.locator('.verdict[data-verdict="failed"]')).toBeVisible();
  await editor.locator('.view-lines').click();
  await page.keyboard.press('Control+End');
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('Control+L');
  await page.keyboard.insertText('    return decay * ema_arr + (1.0 - decay) * params_arr\n');
  await page.keyboard.press('Control+Home');
  await timed(
    '.py CodeLens Check click -> verdict (warm)',
    () => lens.click(),
    editor.locator('.codelens-decoration a', { hasText: /Passed/ })
  );
  await expect(statement.locator('.verdict[data-verdict="passed"]')).toBeVisible();
  await shot(page, 'python-passed-light');

  // the same screens in a dark theme
  await page.emulateMedia({ colorScheme: 'dark' });
  await expect(page.locator('.monaco-workbench.vs-dark')).toBeVisible();
  await page.waitForTimeout(1000); // the webview picks up the new theme variables
  await shot(page, 'python-passed-dark');
  await page.locator('.activitybar [aria-label^="Testing"]').first().click();
  await expect(testing.getByRole('treeitem', { name: /worked example/ }).first()).toBeVisible();
  await shot(page, 'test-explorer-dark');
});

test('jaxlings serve: start -> ready, measured', async () => {
  const python = join(REPO, '.venv', 'bin', 'python');
  const t0 = Date.now();
  const child = spawn(python, ['-m', 'jaxlings', 'serve', '--workers', '1'], {
    stdio: ['pipe', 'pipe', 'ignore']
  });
  const line = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', chunk => {
      out += chunk.toString();
      if (out.includes('\n')) resolve(out.split('\n')[0]);
    });
    child.on('exit', code => reject(new Error(`jaxlings serve exited (${code})`)));
  });
  console.log(`[measure] jaxlings serve start -> ready: ${Date.now() - t0} ms`);
  const ready = JSON.parse(line);
  expect(ready.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
  child.kill('SIGTERM');
});
