// Browser tests of jaxlings with Galata, driving Debian's Chromium (no browser download).
const baseConfig = require('@jupyterlab/galata/lib/playwright-config');

const port = process.env.JAXLINGS_UI_PORT || '8878';

module.exports = {
  ...baseConfig,
  reporter: [['list']],
  workers: 1,
  fullyParallel: false,
  retries: 0,
  timeout: 180 * 1000,
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
  webServer: {
    command: '../.venv/bin/jupyter lab --config jupyter_server_test_config.py',
    url: `http://localhost:${port}/lab`,
    timeout: 120 * 1000,
    reuseExistingServer: false
  }
};
