// The classroom browser test: a real JupyterHub with the jaxlings service, started by
// hub/global-setup.js (tests/classroom/run_hub.py), driven in Debian's Chromium.
const base = require('./playwright.config');

module.exports = {
  reporter: [['list']],
  testDir: './hub',
  workers: 1,
  fullyParallel: false,
  retries: 0,
  timeout: 20 * 60 * 1000, // three users' servers start and JAX workers warm on a busy 2-core box
  expect: { timeout: 60 * 1000 },
  globalSetup: require.resolve('./hub/global-setup.js'),
  globalTeardown: require.resolve('./hub/global-teardown.js'),
  use: {
    video: 'off',
    trace: 'off',
    viewport: { width: 1500, height: 950 },
    launchOptions: base.use.launchOptions
  }
};
