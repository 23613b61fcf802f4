#!/usr/bin/env bash
# Builds the one-folder program into dist/verzuimdesk/ with PyInstaller, then checks it
# (packaging/check_build.py: starts it offscreen, opens a demo school, quits).
#   bash packaging/build.sh            build and check
#   bash packaging/build.sh --no-check build only
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup_lib.sh

ensure_debian_packages "${QT_OFFSCREEN_PACKAGES[@]}" binutils
ensure_venv ".[test,packaging]"

.venv/bin/pyinstaller --noconfirm --clean --log-level WARN \
    --distpath dist --workpath build/pyinstaller packaging/verzuimdesk.spec
echo "verzuimdesk: gebouwd in dist/verzuimdesk ($(du -sh dist/verzuimdesk | cut -f1))"

if [ "${1:-}" != "--no-check" ]; then
    .venv/bin/python packaging/check_build.py dist/verzuimdesk
fi
