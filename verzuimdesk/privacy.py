"""Privacy by default: private files and folders, and text for logs without personal data.

Data about minors lives in the database, its backups, the logs and the exports. On POSIX every
folder the program makes is 0700 and every file 0600 (on Windows the user's profile folder already
keeps other users out). Log lines and crash reports pass through `scrub()`, which drops what a
driver puts in an error about the values involved (SQL parameters, PostgreSQL's DETAIL lines) and
quoted values. The program's own code logs what happened with counts and ids, never names; its
errors for the user (VerzuimdeskError) may name a student, so only their kind is logged.
`logging_setup.redact` masks phone numbers, e-mail addresses and long numbers on top of this.
"""

from __future__ import annotations

import logging
import os
import re
from pathlib import Path
from typing import Any

PRIVATE_DIR = 0o700
PRIVATE_FILE = 0o600


def posix() -> bool:
    return os.name == "posix"


def private_umask() -> None:
    """Files and folders the process creates from now on are its user's alone (GUI and CLI)."""
    if posix():
        os.umask(0o077)


def private_dir(path: Path) -> Path:
    """Create `path` (and parents) if needed and make it private to the user."""
    path.mkdir(parents=True, exist_ok=True)
    if posix():
        os.chmod(path, PRIVATE_DIR)
    return path


def private_file(path: Path) -> Path:
    """Make an existing file readable and writable by its user only."""
    if posix() and path.exists():
        os.chmod(path, PRIVATE_FILE)
    return path


def create_private_file(path: Path) -> None:
    """Create an empty file with mode 0600 unless it exists, so nothing else can read it between
    creation and a later chmod (SQLite then gives its -wal and -shm files the same mode)."""
    if not posix() or path.exists():
        private_file(path)
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_CREAT | os.O_WRONLY, PRIVATE_FILE)
    os.close(fd)


# lines a driver adds about the values of a failed statement
_VALUE_LINES = re.compile(
    r"^\s*(DETAIL|HINT|CONTEXT|WHERE|LINE \d+)\b.*$|^\s*\[(SQL )?parameters.*$",
    re.MULTILINE,
)
# a quoted value in an error message ('Jansen', "depressie"); SQL text keeps its identifiers in
# double quotes only where PostgreSQL names a constraint, which says nothing about a person
_QUOTED = re.compile(r"'(?:[^'\\\n]|\\.){1,200}'")
# keys and values in parentheses as PostgreSQL reports them: Key (naam)=(Jansen)
_KEY_VALUE = re.compile(r"\)=\([^)\n]*\)")


def scrub(text: str) -> str:
    """`text` without the values an error message may carry (names, reasons, phone numbers)."""
    text = _VALUE_LINES.sub("[waarden weggelaten]", text)
    text = _KEY_VALUE.sub(")=(…)", text)
    return _QUOTED.sub("'…'", text)


_installed: list[bool] = [False]


def install_log_scrubbing() -> None:
    """Every log record, from any logger and for any handler, is scrubbed when it is made: its
    message, arguments and traceback. Installed once by the GUI and the command line, so a handler
    added later (or by another module) cannot bypass it."""
    if _installed[0]:
        return
    _installed[0] = True
    make_record = logging.getLogRecordFactory()

    def scrubbed_record(*args: Any, **kwargs: Any) -> logging.LogRecord:
        record = make_record(*args, **kwargs)
        scrub_record(record)
        return record

    logging.setLogRecordFactory(scrubbed_record)


def scrub_record(record: logging.LogRecord) -> None:
    try:
        message = record.getMessage()
    except Exception:  # a broken format string: keep the format, drop the arguments
        message = str(record.msg)
    record.msg = scrub(message)
    record.args = None
    if record.exc_info and not record.exc_text:
        record.exc_text = logging.Formatter().formatException(record.exc_info)
    if record.exc_text:
        record.exc_text = scrub(record.exc_text)
    if record.stack_info:
        record.stack_info = scrub(record.stack_info)


class ScrubFilter(logging.Filter):
    """The same for one handler (belt and braces where a handler is set up by hand)."""

    def filter(self, record: logging.LogRecord) -> bool:
        scrub_record(record)
        return True
