// End-to-end tests of the extension in a real VS Code (code-server 4.100.3) with Debian's Chromium.
import { defineConfig } from '@playwright/test';

export default defineConfig({
  testDir: '.',
  testMatch: /.*\.e2e\.ts/,
  reporter: [['list']],
  workers: 1,
  fullyParallel: false,
  retries: 0,
  timeout: 900 * 1000, // a busy 2-core machine; each step fails on its own expect
  expect: { timeout: 45 * 1000 },
  outputDir: '../test-results',
  use: {
    video: 'off',
    screenshot: 'only-on-failure',
    trace: 'off',
    viewport: { width: 1400, height: 900 },
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run']
    }
  }
});
