"""Where verzuimdesk keeps its files: one module, with overrides for tests and portable use.

VERZUIMDESK_HOME moves the data, log and backup folders together (a portable install, or a
test's temporary folder); without it platformdirs picks the user's folders.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from platformdirs import PlatformDirs

from verzuimdesk.privacy import private_dir

_APP = PlatformDirs("verzuimdesk", appauthor=False)


def _home() -> Path | None:
    value = os.environ.get("VERZUIMDESK_HOME")
    return Path(value) if value else None


def data_dir() -> Path:
    home = _home()
    path = home / "data" if home else Path(_APP.user_data_dir)
    # data about minors: private to the user (0700 on POSIX), also when it already existed
    return private_dir(path)


def log_dir() -> Path:
    home = _home()
    path = home / "log" if home else Path(_APP.user_log_dir)
    return private_dir(path)


def backup_dir() -> Path:
    return private_dir(data_dir() / "backups")


def default_database_path() -> Path:
    return data_dir() / "verzuimdesk.sqlite"


def resources_dir() -> Path:
    """The shipped resources: inside the bundle when frozen, inside the package when installed
    from the wheel (setup.py maps resources/ to verzuimdesk/resources), and the top-level
    resources/ folder in a checkout."""
    override = os.environ.get("VERZUIMDESK_RESOURCES")
    if override:
        return Path(override)
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        return Path(frozen_root) / "resources"
    package = Path(__file__).resolve().parent
    installed = package / "resources"
    if installed.is_dir():
        return installed
    return package.parent / "resources"
