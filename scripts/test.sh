#!/usr/bin/env bash
# Runs every test: the linters and type checks first, then Python (unit, server, harness,
# reliability, classroom on SQLite and PostgreSQL), the bank's validation, the front ends' unit
# tests (JupyterLab, shared client, VS Code), the browser tests (JupyterLab with Galata, one on a
# real JupyterHub; VS Code in code-server), and the benchmark in smoke mode.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
export PATH="$PWD/.venv/bin:$PATH"
export JAXLINGS_DATA_DIR="$PWD/.jaxlings-data"

scripts/apt.sh test   # Debian packages (bubblewrap, chromium), pinned

step() { echo; echo "==> $*"; }
step "lint: the house rules (ruff, mypy, prettier, eslint, tsc)"
scripts/lint.sh
step "jaxlings validate (the whole bank)"
jaxlings validate
step "front-end unit tests"
jlpm test
step "VS Code extension end to end (code-server 4.100.3, Debian's Chromium)"
vscode/e2e/install-code-server.sh vscode/.code-server
jlpm workspace jaxlings-vscode package
jlpm workspace jaxlings-vscode test:e2e
step "browser tests (Galata, Debian's Chromium)"
(cd ui-tests && { [ -d node_modules ] && [ node_modules/.stamp -nt package-lock.json ] || { npm ci --no-audit --no-fund && touch node_modules/.stamp; }; } && npx playwright test)
step "classroom browser test (a real JupyterHub, the jaxlings service, two learners and an instructor)"
scripts/hub-deps.sh   # configurable-http-proxy, pinned
(cd ui-tests && npx playwright test -c playwright.hub.config.js)
if [ -f benchmarks/run.py ]; then
  step "benchmark (smoke mode)"
  python benchmarks/run.py --smoke
fi
step "pytest"
python -m pytest -q -p no:cacheprovider --durations=15
