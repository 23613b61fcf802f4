#!/usr/bin/env bash
# Sets up everything the tests need on Debian 12, then runs ruff, mypy and the whole test suite.
# Arguments go to pytest, e.g. `bash scripts/test.sh tests/store -x`.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup_lib.sh

ensure_debian_packages "${QT_OFFSCREEN_PACKAGES[@]}"
ensure_venv ".[test]"

.venv/bin/ruff check .
.venv/bin/ruff format --check .
.venv/bin/mypy

export QT_QPA_PLATFORM=offscreen
status=0
.venv/bin/python -m pytest "$@" || status=$?
if [ "$status" -eq 5 ]; then
    echo "verzuimdesk: pytest vond geen tests; dat telt als fout." >&2
    exit 1
fi
exit "$status"
