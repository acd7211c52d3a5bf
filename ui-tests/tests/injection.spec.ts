/**
 * Injection: what learner code prints, raises or returns, and what problems say, is shown
 * without running scripts.
 *
 * 1. A real Check of code that prints `<img src=x onerror=…>` and `<script>` to stdout and
 *    stderr and raises an exception carrying them: the result shows the text verbatim.
 * 2. Hostile strings in every field of a CheckResult and in the statement, hints and
 *    solution (the REST responses rewritten in the browser with page.route, since the
 *    bank's own problems are benign): rendered as text or sanitized markdown.
 * Each payload would set window.__jaxlings_pwned or open a dialog if it ever ran.
 * (The HTTP half is tests/reliability/test_injection.py.)
 */
import { expect, IJupyterLabPageFixture, test } from '@jupyterlab/galata';
import type { Locator, Page } from '@playwright/test';

import { problemView } from './helpers';

// nnx-counters-and-buffers, the other reference problem: 01-learner-path.spec.ts solves nnx-ema-step
const ID = 'nnx-counters-and-buffers';
const FUNCTION = 'counter_after_n_calls';

const PAYLOADS = [
  '<img src=x onerror="window.__jaxlings_pwned=\'img\'">',
  "<script>window.__jaxlings_pwned='script'</script>",
  '<svg onload="window.__jaxlings_pwned=\'svg\'"></svg>',
  '<iframe srcdoc="<script>parent.__jaxlings_pwned=\'iframe\'</script>"></iframe>',
  '<a href="javascript:window.__jaxlings_pwned=\'href\'">click me</a>',
  '<details open ontoggle="window.__jaxlings_pwned=\'toggle\'">x</details>',
  "[link](javascript:window.__jaxlings_pwned='md-link')",
  '![image](x" onerror="window.__jaxlings_pwned=\'md-img\')'
];
const HOSTILE = PAYLOADS.join('\n');

/** Fail the test if anything the payloads carry ever runs. */
async function watchForExecution(page: Page): Promise<string[]> {
  const events: string[] = [];
  page.on('dialog', async dialog => {
    events.push(`dialog: ${dialog.message()}`);
    await dialog.dismiss();
  });
  await page.addInitScript(() => {
    Object.defineProperty(window, '__jaxlings_pwned', {
      configurable: true,
      set(value) {
        (window as any).__jaxlings_pwned_log = [
          ...((window as any).__jaxlings_pwned_log ?? []),
          value
        ];
      },
      get() {
        return (window as any).__jaxlings_pwned_log;
      }
    });
  });
  return events;
}

async function assertNothingRan(page: IJupyterLabPageFixture, view: Locator, events: string[]) {
  // give deferred handlers (image errors, iframes, toggles) a moment to fire
  await page.waitForTimeout(1000);
  const pwned = await page.evaluate(() => (window as any).__jaxlings_pwned_log ?? null);
  expect(pwned, 'a payload ran').toBeNull();
  expect(events, 'a payload opened a dialog').toEqual([]);
  // and nothing live came out of the payloads inside the view: no event-handler attribute,
  // no script / iframe / object / embed, no javascript: URL (a sanitized <img src="x"> is inert)
  const live = await view.evaluate(root =>
    Array.from(root.querySelectorAll('*')).flatMap(el => {
      const found: string[] = [];
      if (['SCRIPT', 'IFRAME', 'OBJECT', 'EMBED', 'FRAME'].includes(el.tagName)) {
        found.push(el.tagName);
      }
      for (const attr of Array.from(el.attributes)) {
        const value = attr.value.trim().toLowerCase();
        if (attr.name.toLowerCase().startsWith('on') || value.startsWith('javascript:')) {
          found.push(`${el.tagName}[${attr.name}=${attr.value}]`);
        }
      }
      return found;
    })
  );
  expect(live, 'live markup from a payload').toEqual([]);
}

async function openOutputs(result: Locator): Promise<void> {
  const outputs = result.locator('.jp-jaxlings-Output');
  const n = await outputs.count();
  for (let i = 0; i < n; i++) {
    const details = outputs.nth(i);
    if ((await details.getAttribute('open')) === null) {
      await details.locator('summary').click();
    }
  }
}

test('printed and raised HTML is shown as text and never runs', async ({ page, tmpPath }) => {
  const events = await watchForExecution(page);
  await page.reload(); // the init script applies from the next load on
  const source = [
    `# jaxlings: ${ID}`,
    'import sys',
    `PAYLOADS = ${JSON.stringify(PAYLOADS)}`,
    'for p in PAYLOADS:',
    '    print(p)',
    '    print(p, file=sys.stderr)',
    `def ${FUNCTION}(seed, n_calls):`,
    '    raise ValueError(PAYLOADS[0] + PAYLOADS[1])',
    ''
  ].join('\n');
  await page.contents.uploadContent(source, 'text', `${tmpPath}/hostile.py`);
  await page.filebrowser.open(`${tmpPath}/hostile.py`);
  const editor = page.locator('.jp-FileEditor:visible');
  await expect(editor.locator('.cm-content')).toContainText('raise ValueError');
  await editor.locator('.cm-content').click();
  await page.keyboard.press('Control+Shift+Enter');

  const view = problemView(page, ID);
  const result = view.locator('.jp-jaxlings-Result:not(.jp-mod-stale)');
  await expect(result).toHaveAttribute('data-status', 'error', { timeout: 90_000 });
  await expect(result).toContainText('ValueError');
  await expect(result).toContainText(PAYLOADS[0]); // the tag itself, as text
  await openOutputs(result);
  const stdout = result.locator('.jp-jaxlings-Output[data-stream="stdout"] pre');
  const stderr = result.locator('.jp-jaxlings-Output[data-stream="stderr"] pre');
  for (const p of PAYLOADS) {
    await expect(stdout).toContainText(p);
    await expect(stderr).toContainText(p);
  }
  await assertNothingRan(page, view, events);
});

test('hostile text in every field of a result, the statement, hints and solution never runs', async ({
  page,
  request,
  baseURL,
  tmpPath
}) => {
  // attempts so far (the other test checked this problem too); page.request is not rerouted
  const before = await request.get(
    `${(baseURL ?? '').replace(/\/$/, '')}/jaxlings/api/problems/${ID}`
  );
  expect(before.ok()).toBe(true);
  const base: number = (await before.json()).attempts;
  const events = await watchForExecution(page);
  const KEEP = ['problem', 'status', 'kind', 'id', 'sprint', 'function', 'signature', 'starter'];
  const deep = (value: any): any => {
    if (typeof value === 'string') {
      return `${value}\n${HOSTILE}`;
    }
    if (Array.isArray(value)) {
      return value.map(deep);
    }
    if (value && typeof value === 'object') {
      return Object.fromEntries(
        // keep what the view keys on; poison every other string
        Object.entries(value).map(([k, v]) => (KEEP.includes(k) ? [k, v] : [k, deep(v)]))
      );
    }
    return value;
  };
  const poisoned: string[] = [];
  const poison = async (url: RegExp, extra?: (body: any) => void) =>
    page.route(url, async route => {
      const response = await route.fetch();
      if (!response.ok()) {
        return route.fulfill({ response });
      }
      const body = deep(await response.json());
      extra?.(body);
      poisoned.push(new URL(route.request().url()).pathname);
      return route.fulfill({ response, json: body });
    });
  const api = `/jaxlings/api/problems/${ID}`;
  await poison(new RegExp(`${api}(\\?.*)?$`));
  await poison(new RegExp(`${api}/check(\\?.*)?$`));
  await poison(new RegExp(`${api}/hints/next(\\?.*)?$`));
  await poison(new RegExp(`${api}/solution(\\?.*)?$`), body => {
    body.code = `${body.code}\n# ${HOSTILE.replace(/\n/g, '\n# ')}`;
  });
  await page.reload();

  // failing checks from a .py file (the check opens the problem's view): each poisoned
  // CheckResult is rendered in turn, next to the poisoned statement
  const source = `# jaxlings: ${ID}\n\ndef ${FUNCTION}(seed, n_calls):\n    print("hello")\n    return 0\n`;
  await page.contents.uploadContent(source, 'text', `${tmpPath}/wrong.py`);
  await page.filebrowser.open(`${tmpPath}/wrong.py`);
  const editor = page.locator('.jp-FileEditor:visible');
  await expect(editor.locator('.cm-content')).toContainText('return 0');
  const view = problemView(page, ID);
  for (let attempt = 1; attempt <= 3; attempt++) {
    await test.step(`check ${attempt}: a poisoned result`, async () => {
      await editor.locator('.cm-content').click();
      await page.keyboard.press('Control+Shift+Enter');
      const result = view.locator('.jp-jaxlings-Result:not(.jp-mod-stale)');
      await expect(result).toContainText(`attempt ${base + attempt}`, { timeout: 90_000 });
      await expect(result).toContainText('click me');
      await expect(view.locator('.jp-jaxlings-Statement')).toContainText('click me'); // rendered, defused
      await openOutputs(result);
      await assertNothingRan(page, view, events);
    });
  }

  // the hints (markdown) and the solution (code and markdown notes)
  await view.locator('.jp-jaxlings-HintButton').click();
  await expect(view.locator('.jp-jaxlings-Hint').first()).toContainText('click me', {
    timeout: 30_000
  });
  await assertNothingRan(page, view, events);
  await view.locator('.jp-jaxlings-SolutionButton').click();
  const dialog = page.locator('.jp-Dialog');
  await expect(async () => {
    if (await dialog.isVisible()) {
      await dialog.getByRole('button', { name: 'Show solution' }).click();
    }
    await expect(view.locator('.jp-jaxlings-SolutionCode')).toContainText('onerror', {
      timeout: 2_000
    });
  }).toPass({ timeout: 30_000 });
  await assertNothingRan(page, view, events);
  expect(new Set(poisoned.map(p => p.replace(/.*\/problems\//, '')))).toEqual(
    new Set([ID, `${ID}/check`, `${ID}/hints/next`, `${ID}/solution`])
  );
});
