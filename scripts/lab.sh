#!/usr/bin/env bash
# Starts JupyterLab with jaxlings ready, installing whatever is missing first.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
args=(--config=scripts/lab_config.py)
[ "$(id -u)" = 0 ] && args+=(--allow-root)
exec .venv/bin/jupyter lab "${args[@]}" "$@"
