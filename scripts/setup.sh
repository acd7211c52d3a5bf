#!/usr/bin/env bash
# Installs whatever is missing for jaxlings: .venv with the pinned Python deps, node deps,
# the built labextension, the editable package. Idempotent; each step skips when current.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
VENV=$ROOT/.venv
PY=${PYTHON:-python3}
scripts/apt.sh lab   # Debian packages the lab needs (bubblewrap for the worker jail)
stamp() { sha256sum "$@" | sha256sum | cut -c1-16; }

if [ ! -x "$VENV/bin/python" ]; then
  echo "setup: creating $VENV"
  "$PY" -m venv "$VENV"
fi
deps=$(stamp requirements.lock)
if [ ! -f "$VENV/.deps-$deps" ]; then
  echo "setup: installing pinned Python dependencies"
  "$VENV/bin/pip" install --disable-pip-version-check -q -r requirements.lock
  rm -f "$VENV"/.deps-*; touch "$VENV/.deps-$deps"
fi
export PATH="$VENV/bin:$PATH"

front=$(stamp package.json yarn.lock packages/*/package.json vscode/package.json)
if [ ! -f "node_modules/.jaxlings-$front" ]; then
  echo "setup: installing node dependencies (jlpm)"
  jlpm install --immutable || jlpm install
  rm -f node_modules/.jaxlings-*; touch "node_modules/.jaxlings-$front"
fi
src=$(stamp package.json tsconfig.json $(find src style schema packages/client/src packages/client/package.json -type f | sort))
if [ ! -f "python/jaxlings/labextension/.built-$src" ]; then
  echo "setup: building the JupyterLab extension"
  jlpm build
  touch "python/jaxlings/labextension/.built-$src"
fi
dash=$(stamp $(find packages/dashboard/src packages/dashboard/package.json -type f | sort))
if [ ! -f "python/jaxlings/classroom/static/.built-$dash" ]; then
  echo "setup: building the class dashboard (packages/dashboard)"
  jlpm build:dashboard
  touch "python/jaxlings/classroom/static/.built-$dash"
fi
pkg=$(stamp pyproject.toml $(find jupyter-config -type f | sort))  # entry points, shared data
if ! "$VENV/bin/pip" show -q jaxlings >/dev/null 2>&1 || [ ! -f "$VENV/.jaxlings-editable-$pkg" ]; then
  echo "setup: installing jaxlings (editable)"
  SKIP_JUPYTER_BUILDER=1 "$VENV/bin/pip" install -q --no-deps --no-build-isolation -e .
  rm -f "$VENV"/.jaxlings-editable*; touch "$VENV/.jaxlings-editable-$pkg"
fi
jupyter labextension develop --overwrite . >/dev/null 2>&1
