/**
 * What a failed Check shows on a 2-D output (heatmaps, printed output per case), the attempt
 * history with a diff of two attempts, the problem list by keyboard alone, and an axe-core
 * accessibility check of the panel and the problem view in both themes. One page throughout.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, IJupyterLabPageFixture, test } from '@jupyterlab/galata';
import type { Locator } from '@playwright/test';

import {
  clickCheck,
  openPanel,
  problemView,
  screenshot,
  scrollViewTo,
  start,
  typeFunction
} from './helpers';

const ID = 'jax-broadcasting';
const NOTEBOOK = '02-jax-broadcasting.ipynb';
const HEADER = 'def pairwise_sq_dists(seed, a, b):';
// forgets to square the differences: a (N, M) result with the wrong values
const WRONG = [
  'print("rows", a.shape[0])',
  'return jnp.sum(a[:, None, :] - b[None, :, :], axis=-1)'
];
const RIGHT = ['return jnp.sum((a[:, None, :] - b[None, :, :]) ** 2, axis=-1)'];
// the body of the problem's wrong/axes_swapped.py: a listed pitfall, which a Check names
const PITFALL = ['diff = a[None, :, :] - b[:, None, :]', 'return jnp.sum(diff ** 2, axis=-1)'];

test.use({ viewport: { width: 1600, height: 1000 } });

/** Serious and critical axe-core violations inside `selector`, as "rule: target" lines. */
async function axeViolations(page: IJupyterLabPageFixture, selector: string): Promise<string[]> {
  const results = await new AxeBuilder({ page }).include(selector).analyze();
  return results.violations
    .filter(v => v.impact === 'serious' || v.impact === 'critical')
    .flatMap(v => v.nodes.map(n => `${v.id}: ${n.target.join(' ')} (${n.failureSummary})`));
}

async function expectAccessible(
  page: IJupyterLabPageFixture,
  view: Locator,
  theme: string
): Promise<void> {
  await test.step(`axe-core: panel and problem view, ${theme} theme`, async () => {
    expect(await axeViolations(page, '#jaxlings-problems')).toEqual([]);
    expect(await view.count()).toBe(1);
    expect(await axeViolations(page, `.jp-jaxlings-ProblemView[data-problem-id="${ID}"]`)).toEqual(
      []
    );
  });
}

let attempts = 0;

/**
 * Press Check and wait for this attempt's verdict. A Check that ran out of the test server's 3 s
 * (a busy machine compiling each case's shapes for the first time) is pressed once more: the
 * pool's next worker has this problem's operations compiled.
 */
async function checkFor(view: Locator, notebook: Locator, status: string): Promise<Locator> {
  return test.step(`Check until the verdict is ${status}`, async () => {
    const result = view.locator('.jp-jaxlings-Result:not(.jp-mod-stale)');
    for (let tries = 0; ; tries++) {
      await clickCheck(notebook);
      attempts += 1;
      await expect(result).toContainText(`attempt ${attempts}`, { timeout: 90_000 });
      const got = await result.getAttribute('data-status');
      if (got === status || got !== 'timeout' || tries === 2) {
        await expect(result).toHaveAttribute('data-status', status);
        return result;
      }
    }
  });
}

test('a wrong 2-D answer is drawn, attempts are compared, all by keyboard where it can be', async ({
  page
}) => {
  const panel = await openPanel(page);

  // The list shows each problem's difficulty and an overview: streak and a chart of Checks.
  const item = panel.locator(`.jp-jaxlings-ProblemItem[data-problem-id="${ID}"]`);
  await expect(item.locator('.jp-jaxlings-ProblemItem-difficulty')).toHaveText('easy');
  await expect(panel.locator('.jp-jaxlings-Overview-streak')).toHaveText(
    /^(No streak yet|\d+-day streak)$/
  );
  await expect(panel.locator('.jp-jaxlings-Overview-chart svg')).toBeVisible();
  // (the tests share one server and user: count from what earlier tests left)
  const counts = async () => {
    const text = (await panel.locator('.jp-jaxlings-Overview-checks').textContent()) ?? '';
    const m = /(\d+) Checks? \((\d+) passing\)/.exec(text);
    expect(m).not.toBeNull();
    return { checks: Number(m![1]), passing: Number(m![2]) };
  };
  const before = await counts();

  // Keyboard only: Tab from the filter reaches the list in one stop, arrows move, Enter opens.
  await test.step('the list by keyboard', async () => {
    const items = panel.locator('.jp-jaxlings-ProblemItem');
    await expect(panel.locator('.jp-jaxlings-ProblemItem[tabindex="0"]')).toHaveCount(1);
    expect(await items.count()).toBeGreaterThan(20);
    await panel.getByRole('searchbox', { name: 'Filter problems' }).focus();
    await page.keyboard.press('Tab');
    await expect(items.first()).toBeFocused();
    await page.keyboard.press('ArrowDown');
    await expect(item).toBeFocused();
    await page.keyboard.press('End');
    await expect(items.last()).toBeFocused();
    await page.keyboard.press('Home');
    await page.keyboard.press('ArrowDown');
    await expect(item).toBeFocused();
    await expect(item).toHaveAttribute('tabindex', '0');
    await screenshot(panel, 'panel-keyboard-light');
    await page.keyboard.press('Enter');
  });
  const view = problemView(page, ID);
  await expect(view.locator('.jp-jaxlings-Statement .jp-RenderedMarkdown')).toBeVisible({
    timeout: 30_000
  });

  // (earlier tests may have checked this problem as the same user: count on from theirs)
  const made = await view.locator('.jp-jaxlings-ProblemView-attempts').textContent();
  attempts = Number(/^(\d+)/.exec(made ?? '')?.[1] ?? 'NaN');
  expect(attempts).toBeGreaterThanOrEqual(0);
  const earlier = attempts;
  const notebook = await start(page, view, NOTEBOOK);
  const cell = notebook.locator('.jp-Cell').nth(2);

  // A wrong answer: each visible case shows what it printed; the 2-D output is drawn.
  await typeFunction(page, cell, HEADER, WRONG);
  const failed = await checkFor(view, notebook, 'failed');
  const worked = failed.locator('tbody[data-case="worked example"]');
  await expect(worked.locator('.jp-jaxlings-Case-output')).toHaveText('rows 2');
  await expect(failed.locator('tbody[data-case="N equals M"] .jp-jaxlings-Case-output')).toHaveText(
    'rows 3'
  );
  await expect(
    failed.locator('tbody[data-verdict="failed"] .jp-jaxlings-Case-hiddenNote').first()
  ).toBeVisible();
  await expect(failed.locator('[data-case^="random"] .jp-jaxlings-Case-output')).toHaveCount(0);
  // larger inputs are cut after a whole number, one argument a line
  const cut = failed.locator('tbody[data-case="a set against itself"] .jp-jaxlings-Case-inputs');
  const inputs = await cut.innerText();
  expect(inputs).toContain('…');
  expect(inputs).not.toMatch(/[\d.-]…/);
  expect(inputs.split('\n').map(line => line.split('=')[0].trim())).toEqual(['seed', 'a', 'b']);
  const heatmaps = worked.locator('[data-diff="heatmaps"]');
  await expect(heatmaps).toContainText('shape (2, 3)');
  await expect(heatmaps.locator('figure.jp-jaxlings-Heatmap')).toHaveCount(3);
  await expect(heatmaps.locator('figure[data-panel="difference"] svg')).toBeVisible();
  await scrollViewTo(view, '.jp-jaxlings-LastCheck');
  await screenshot(view, 'heatmaps-light');
  await expectAccessible(page, view, 'light');
  await page.theme.setDarkTheme();
  await scrollViewTo(view, '.jp-jaxlings-LastCheck');
  await screenshot(view, 'heatmaps-dark');
  await expectAccessible(page, view, 'dark');
  await page.theme.setLightTheme();

  // The right answer, then the history: two attempts and the diff between them.
  await typeFunction(page, cell, HEADER, RIGHT);
  await checkFor(view, notebook, 'passed');
  const history = view.locator('.jp-jaxlings-History');
  await history.locator('summary').click();
  await expect(history.locator('.jp-jaxlings-AttemptList li')).toHaveCount(attempts);
  await expect(history.locator('.jp-jaxlings-AttemptList li').first()).toContainText(
    `#${attempts} · passed`
  );
  const diff = history.locator(`.jp-jaxlings-CodeDiff[data-diff="${attempts - 1}-${attempts}"]`);
  await expect(diff.locator('.cm-mergeView')).toBeVisible();
  await expect(diff.locator('.cm-changedLine').first()).toBeVisible();
  await expect(diff).toContainText('** 2');
  const wrong = attempts - 1;
  await history.getByRole('button', { name: new RegExp(`^#${wrong} · failed`) }).click();
  await expect(history.locator(`.jp-jaxlings-AttemptCode[data-attempt="${wrong}"]`)).toContainText(
    'print("rows"'
  );
  await scrollViewTo(view, '.jp-jaxlings-History');
  await screenshot(view, 'history-light');

  await page.theme.setDarkTheme();
  await scrollViewTo(view, '.jp-jaxlings-History');
  await screenshot(view, 'history-dark');
  await expectAccessible(page, view, 'dark');
  // Checks today: the overview counts them and a streak has begun.
  await expect(panel.locator('.jp-jaxlings-Overview-streak')).toHaveText(/^\d+-day streak$/);
  await expect
    .poll(counts)
    .toEqual({ checks: before.checks + attempts - earlier, passing: before.passing + 1 });
  await item.focus();
  await screenshot(panel, 'panel-keyboard-dark');
  await page.theme.setLightTheme();

  // In this half-width view a statement's code keeps its indentation and scrolls sideways.
  const code = view.locator('.jp-jaxlings-Statement pre').first();
  await expect(code).toHaveCSS('white-space', 'pre');
  await expect(code).toHaveAttribute('tabindex', '0');
  await scrollViewTo(view, '.jp-jaxlings-Statement pre');
  await screenshot(view, 'statement-code-light');

  // A listed pitfall, submitted as the problem's wrong/ file writes it, is named as that pitfall.
  // (the wrong/ files' signatures are computed in the background once the view is open: a Check
  // made before they are ready names none, so the Check is repeated until the note appears)
  await test.step('a listed pitfall is named', async () => {
    await typeFunction(page, cell, HEADER, PITFALL);
    const note = view.locator('.jp-jaxlings-Result:not(.jp-mod-stale) .jp-jaxlings-Pitfall');
    for (let tries = 0; tries < 6 && !(await note.count()); tries++) {
      await checkFor(view, notebook, 'failed');
    }
    await expect(note).toHaveAttribute('data-pitfall', 'axes_swapped');
    await expect(note).toContainText(
      'This looks like a pitfall the statement lists: New axes on the wrong operands.'
    );
    await scrollViewTo(view, '.jp-jaxlings-Pitfall');
    await screenshot(view, 'pitfall-light');
  });
});
