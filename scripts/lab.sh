#!/usr/bin/env bash
# Starts JupyterLab with jaxlings ready, installing whatever is missing first. It serves the
# learner's workspace ($JAXLINGS_WORKSPACE, default ~/jaxlings-workspace), not this checkout,
# so started notebooks land outside the source tree.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
workspace=${JAXLINGS_WORKSPACE:-$HOME/jaxlings-workspace}
mkdir -p "$workspace"
args=(--config="$PWD/scripts/lab_config.py" --ServerApp.root_dir="$workspace")
[ "$(id -u)" = 0 ] && args+=(--allow-root)
echo "lab: serving the workspace $workspace (set JAXLINGS_WORKSPACE to change it)"
exec .venv/bin/jupyter lab "${args[@]}" "$@"
