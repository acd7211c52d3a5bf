#!/usr/bin/env bash
# Installs what the classroom tests' real JupyterHub needs besides Python: configurable-http-proxy
# (pinned in tests/classroom/package-lock.json). Idempotent.
set -euo pipefail
cd "$(dirname "$0")/../tests/classroom"
if [ -x node_modules/.bin/configurable-http-proxy ] && [ node_modules/.stamp -nt package-lock.json ]; then
  exit 0
fi
echo "hub-deps: installing configurable-http-proxy (npm ci)"
npm ci --no-audit --no-fund >/dev/null
touch node_modules/.stamp
