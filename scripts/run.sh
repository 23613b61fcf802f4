#!/usr/bin/env bash
# Sets up everything on Debian 12 and starts verzuimdesk with the demo school.
# Arguments go to the program, e.g. `bash scripts/run.sh --db /tmp/proef.sqlite`.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup_lib.sh

ensure_debian_packages "${QT_OFFSCREEN_PACKAGES[@]}" "${QT_WINDOW_PACKAGES[@]}"
ensure_venv "."

if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
    # no screen (a server, a container): show the window on a virtual one
    exec xvfb-run -a -s "-screen 0 1366x768x24" .venv/bin/python -m verzuimdesk --demo "$@"
fi
exec .venv/bin/python -m verzuimdesk --demo "$@"
