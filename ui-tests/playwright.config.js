// Browser tests of jaxlings with Galata, driving Debian's Chromium (no browser download).
const baseConfig = require('@jupyterlab/galata/lib/playwright-config');

const port = process.env.JAXLINGS_UI_PORT || '8878';
// A second server behind a JupyterHub-like prefix, for tests/03-base-url.spec.ts.
const prefixedPort = process.env.JAXLINGS_UI_PREFIXED_PORT || '8879';
const prefix = '/user/learner';
// The venv's jupyter by default; JAXLINGS_UI_JUPYTER overrides it (e.g. a CI venv elsewhere).
const jupyter = process.env.JAXLINGS_UI_JUPYTER || '../.venv/bin/jupyter';

module.exports = {
  ...baseConfig,
  testDir: './tests', // hub/ holds the classroom test, run with playwright.hub.config.js
  reporter: [['list']],
  workers: 1,
  fullyParallel: false,
  retries: 0,
  timeout: 300 * 1000, // the machine may be busy (2 cores); a slow step fails on its own expect
  expect: { timeout: 30 * 1000 },
  use: {
    ...baseConfig.use,
    video: 'off',
    trace: 'off',
    baseURL: `http://localhost:${port}`,
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run'
      ]
    }
  },
  webServer: [
    {
      command: `${jupyter} lab --config jupyter_server_test_config.py`,
      url: `http://localhost:${port}/lab`,
      timeout: 120 * 1000,
      reuseExistingServer: false
    },
    {
      command: `${jupyter} lab --config jupyter_server_test_config.py`,
      url: `http://localhost:${prefixedPort}${prefix}/lab`,
      env: { JAXLINGS_UI_PORT: prefixedPort, JAXLINGS_UI_BASE_URL: `${prefix}/` },
      timeout: 120 * 1000,
      reuseExistingServer: false
    }
  ]
};

module.exports.prefixedURL = `http://localhost:${prefixedPort}${prefix}`;
