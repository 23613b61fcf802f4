# Shared by scripts/run.sh, scripts/test.sh and .ci/run: Debian packages and the virtualenv.
# Sourced, not run; expects `set -euo pipefail` and the repository root as working directory.

export DEBIAN_FRONTEND=noninteractive

# Qt's offscreen platform (tests) needs these, plus a font to measure text with.
QT_OFFSCREEN_PACKAGES=(libglib2.0-0 libegl1 libgl1 libx11-6 libdbus-1-3 libfontconfig1
    libfreetype6 libxkbcommon0 fonts-dejavu-core)
# A real window through xcb adds these; xvfb and xauth give a screen to a machine without one.
QT_WINDOW_PACKAGES=(libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1
    libxcb-render-util0 libxcb-shape0 libxkbcommon-x11-0 xvfb xauth)

as_root() {
    if [ "$(id -u)" -eq 0 ]; then
        "$@"
    else
        sudo "$@"
    fi
}

is_installed() {
    # dpkg -s also answers for removed packages whose config files remain: read the status
    dpkg -s "$1" 2>/dev/null | grep -q '^Status: install ok installed'
}

ensure_debian_packages() {
    local missing=() package
    for package in "$@"; do
        is_installed "$package" || missing+=("$package")
    done
    if [ ${#missing[@]} -eq 0 ]; then
        return 0
    fi
    echo "verzuimdesk: Debian-pakketten installeren: ${missing[*]}" >&2
    # apt's chatter goes to stderr: callers read stdout (python_for_venv)
    as_root apt-get update -q >&2
    as_root apt-get install -y -q --no-install-recommends "${missing[@]}" >&2
}

python_for_venv() {
    # a fresh Debian 12 has python3 (3.11) but not the venv module's ensurepip
    local python="${PYTHON:-python3}"
    if ! command -v "$python" >/dev/null || ! "$python" -c 'import ensurepip, venv' 2>/dev/null; then
        ensure_debian_packages python3 python3-venv
        python=python3
    fi
    if ! "$python" -c 'import sys; sys.exit(sys.version_info < (3, 11))'; then
        echo "verzuimdesk: Python 3.11 of nieuwer is nodig ($python is te oud)." >&2
        return 1
    fi
    echo "$python"
}

ensure_venv() {
    # $1: what to install, e.g. "." or ".[test]"; skipped while pyproject.toml is unchanged
    local target="$1" stamp=.venv/.verzuimdesk-installed wanted
    if [ ! -x .venv/bin/python ]; then
        "$(python_for_venv)" -m venv .venv
    fi
    wanted="$target $(sha256sum pyproject.toml | cut -d' ' -f1)"
    if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$wanted" ]; then
        return 0
    fi
    .venv/bin/python -m pip install -q -e "$target"
    echo "$wanted" >"$stamp"
}
