#!/usr/bin/env bash
# The house rules as tools: ruff (lint + format), mypy strict, prettier, eslint and tsc.
# Runs every check, then fails if any failed, so one run shows every violation.
set -uo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/.venv/bin:$PATH"
failed=()
run() {
  echo "--> $*"
  "$@" || failed+=("$*")
}
run ruff check .
run ruff format --check python tests benchmarks ui-tests
run mypy
run jlpm prettier:check
run jlpm eslint
run jlpm typecheck
if [ ${#failed[@]} -gt 0 ]; then
  echo "lint: FAILED: ${failed[*]}" >&2
  exit 1
fi
echo "lint: all clean"
