/**
 * Checks that do not get as far as comparing numbers (a SyntaxError, an endless loop), and a
 * Check in a notebook that no problem is linked to yet.
 */
import { expect, test } from '@jupyterlab/galata';

import {
  clickCheck,
  expectResult,
  openProblem,
  problemView,
  screenshot,
  scrollViewTo,
  start,
  typeFunction
} from './helpers';

test.use({ viewport: { width: 1600, height: 1000 } });

async function headerOf(
  request: import('@playwright/test').APIRequestContext,
  baseURL: string | undefined,
  id: string
): Promise<string> {
  const response = await request.get(
    `${(baseURL ?? '').replace(/\/$/, '')}/jaxlings/api/problems/${id}`
  );
  expect(response.ok()).toBe(true);
  const detail = await response.json();
  return `def ${detail.signature}:`;
}

test('a SyntaxError names its line, an endless loop times out, and the next Check works', async ({
  page,
  request,
  baseURL
}) => {
  const ID = 'jax-immutable-update';
  const header = await headerOf(request, baseURL, ID);
  const view = await openProblem(page, ID);
  const notebook = await start(page, view, `01-${ID}.ipynb`);
  const cell = notebook.locator('.jp-Cell').nth(2);

  // SyntaxError on line 2, checked from the command palette.
  await typeFunction(page, cell, header, ['return seed +']);
  await test.step('check from the command palette', async () => {
    await page.keyboard.press('Escape');
    const palette = page.locator('#command-palette');
    await expect(async () => {
      if (!(await palette.isVisible())) {
        await page.keyboard.press('Control+Shift+C');
      }
      await expect(palette.locator('input')).toBeVisible({ timeout: 5_000 });
    }).toPass({ timeout: 60_000 });
    await palette.locator('input').fill('Check Solution');
    await expect(palette.locator('.lm-CommandPalette-item.lm-mod-active')).toHaveAttribute(
      'data-command',
      'jaxlings:check'
    );
    await page.keyboard.press('Enter');
  });
  const error = await expectResult(view, 'error');
  await expect(error.locator('.jp-jaxlings-Result-detail')).toHaveText('SyntaxError on line 2.');
  await expect(error.locator('.jp-jaxlings-Result-errorLine')).toHaveText('line 2');
  await expect(cell.locator('.jp-jaxlings-errorLine')).toHaveAttribute(
    'data-jaxlings-error-line',
    '2'
  );
  await expect(error).toContainText('attempt 1');
  await scrollViewTo(view, '.jp-jaxlings-ProblemView-header');
  await screenshot(view, 'syntax-error-light');
  await screenshot(cell, 'error-line-light');

  // Editing the cell clears the mark.
  await typeFunction(page, cell, header, ['while True: pass']);
  await expect(cell.locator('.jp-jaxlings-errorLine')).toHaveCount(0);

  // An endless loop: busy while it runs, a second press starts nothing, then a timeout.
  await clickCheck(notebook);
  const toolbarCheck = notebook.locator('.jp-jaxlings-CheckButton');
  await expect(view.locator('.jp-jaxlings-Busy')).toBeVisible();
  await expect(view.getByRole('button', { name: 'Checking…' })).toBeDisabled();
  await expect(toolbarCheck).toContainText('Checking…');
  await cell.locator('.cm-content').click();
  await page.keyboard.press('Control+Shift+Enter'); // ignored: a check is running
  const timeout = await expectResult(view, 'timeout');
  await expect(timeout.locator('.jp-jaxlings-Result-title')).toHaveText('Timed out');
  await expect(timeout.locator('.jp-jaxlings-Result-detail')).toContainText('3 s');
  await expect(timeout).toContainText('attempt 2');
  await page.theme.setDarkTheme();
  await scrollViewTo(view, '.jp-jaxlings-ProblemView-header');
  await screenshot(view, 'timeout-dark');
  await page.theme.setLightTheme();

  // Cancel stops a running Check: nothing is recorded and the last verdict stays.
  await clickCheck(notebook);
  await expect(view.locator('.jp-jaxlings-Busy')).toBeVisible();
  await view.locator('.jp-jaxlings-CancelButton').click();
  await expect(view.locator('.jp-jaxlings-Busy')).toHaveCount(0);
  await expect(toolbarCheck).not.toContainText('Checking…');
  await expect(view.locator('.jp-jaxlings-Result[data-status="timeout"]')).toContainText(
    'attempt 2'
  );
  await expect(view.locator('.jp-jaxlings-ProblemView-attempts')).toHaveText('2 attempts');

  // The next Check runs normally (the ignored press and the cancelled Check made no attempt).
  await typeFunction(page, cell, header, ['print("debugging", seed)', 'return None']);
  await clickCheck(notebook);
  const next = view.locator('.jp-jaxlings-Result:not(.jp-mod-stale)');
  await expect(next).toContainText('attempt 3', { timeout: 60_000 });
  await expect(next).not.toHaveAttribute('data-status', 'timeout');
  await expect(next.locator('.jp-jaxlings-Case').first()).toBeVisible();
  // What the function printed is kept, folded.
  const stdout = next.locator('.jp-jaxlings-Output[data-stream="stdout"]');
  await stdout.locator('summary').click();
  await expect(stdout.locator('pre')).toContainText('debugging 0.0');

  // The syntax error did not count toward the solution (its function never ran): one more.
  await expect(view.locator('[data-locked="solution"]')).toContainText(
    '1 more failed Check of your own code'
  );
  await clickCheck(notebook);
  await expect(view.locator('.jp-jaxlings-Result:not(.jp-mod-stale)')).toContainText('attempt 4', {
    timeout: 60_000
  });
  // Three failed attempts of own code unlock the solution; unsolved, it asks first.
  await view.getByRole('button', { name: 'View solution' }).click();
  const dialog = page.locator('.jp-Dialog');
  await expect(dialog).toContainText('Show the solution?');
  await dialog.getByRole('button', { name: 'Keep trying' }).click();
  await expect(view.locator('.jp-jaxlings-SolutionCode')).toHaveCount(0);
  await view.getByRole('button', { name: 'View solution' }).click();
  await dialog.getByRole('button', { name: 'Show solution' }).click();
  await expect(view.locator('.jp-jaxlings-SolutionCode')).toContainText('def ');
});

test('Check in an unlinked notebook asks which problem, then links it', async ({ page }) => {
  const ID = 'jax-broadcasting';
  await page.notebook.createNew('scratch.ipynb');
  const notebook = page.locator('.jp-NotebookPanel:visible');
  const cell = notebook.locator('.jp-Cell').first();
  await typeFunction(page, cell, 'def f(seed, x):', ['return x']);

  await clickCheck(notebook);
  const dialog = page.locator('.jp-Dialog');
  await expect(dialog).toContainText('Which problem is this for?');
  await expect(dialog).toContainText('not linked');
  await dialog.getByRole('combobox', { name: 'Problem' }).selectOption(ID);
  await dialog.getByRole('button', { name: 'Link and check' }).click();

  const view = problemView(page, ID);
  await expect(view.locator('.jp-jaxlings-Result:not(.jp-mod-stale)')).toBeVisible({
    timeout: 60_000
  });
  await expect(view.locator('.jp-jaxlings-Result')).toContainText('attempt 1');

  // Linked now: the next Check goes straight through.
  await clickCheck(notebook);
  await expect(view.locator('.jp-jaxlings-Result:not(.jp-mod-stale)')).toContainText('attempt 2', {
    timeout: 60_000
  });
  await expect(dialog).toHaveCount(0);
  const link = await page.evaluate(() => {
    const app = (window as any).jupyterapp;
    return app.shell.currentWidget?.content?.model?.getMetadata('jaxlings') ?? null;
  });
  expect(link).toEqual({ problem: ID });
});

test('a .py file whose first line names a problem is checked whole', async ({
  page,
  request,
  baseURL,
  tmpPath
}) => {
  const ID = 'jax-dtypes';
  const header = await headerOf(request, baseURL, ID);
  const source = `# jaxlings: ${ID}\n\n${header}\n    return None\n`;
  await page.contents.uploadContent(source, 'text', `${tmpPath}/answer.py`);
  await page.filebrowser.open(`${tmpPath}/answer.py`);
  const editor = page.locator('.jp-FileEditor:visible');
  await expect(editor.locator('.cm-content')).toContainText('return None');
  await editor.locator('.cm-content').click();
  await page.keyboard.press('Control+Shift+Enter');

  const view = problemView(page, ID);
  const result = view.locator('.jp-jaxlings-Result:not(.jp-mod-stale)');
  await expect(result).toContainText('attempt 1', { timeout: 60_000 });
  await expect(result).toHaveAttribute('data-status', /failed|error/);
});
