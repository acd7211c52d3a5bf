// Starts tests/classroom/run_hub.py (a real JupyterHub with the jaxlings service) and hands its
// URL, admin token and the paths a learner must not read to the test through JAXLINGS_HUB.
const { spawn } = require('child_process');
const path = require('path');

const REPO = path.resolve(__dirname, '..', '..');
const PYTHON = process.env.JAXLINGS_UI_PYTHON || path.join(REPO, '.venv', 'bin', 'python');

module.exports = async () => {
  const child = spawn(PYTHON, ['-m', 'tests.classroom.run_hub'], {
    cwd: REPO,
    stdio: ['ignore', 'pipe', 'inherit'],
    detached: false
  });
  const info = await new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error('the hub did not start in 5 min')), 300_000);
    child.stdout.on('data', chunk => {
      out += chunk.toString();
      const line = out.split('\n').find(l => l.startsWith('READY '));
      if (line) {
        clearTimeout(timer);
        resolve(line.slice('READY '.length));
      }
    });
    child.on('exit', code => reject(new Error(`run_hub exited with ${code}: ${out}`)));
  });
  process.env.JAXLINGS_HUB = info;
  process.env.JAXLINGS_HUB_PID = String(child.pid);
};
