"""The one logging set-up of the program: the GUI and the command line write the same file.

The log is for the beheerder and for us: what ran, how long it took, what went wrong. It lives in
`paths.log_dir()` (moved by VERZUIMDESK_HOME), rotates at 1 MB keeping five files, and each line
says which program wrote it (gui or cli, with its process id) because a nightly CLI import and
a desk may write at the same time.

Privacy: the data is about minors, so a log line never names a student. Code that logs says
*what happened* with counts and ids of rows, not names; as a second line of defence every record
passes `redact`, which masks what looks like an e-mail address, a phone number, or a number of
six or more digits (leerlingnummer, BSN, onderwijsnummer) in the message and in a traceback's text.
"""

from __future__ import annotations

import logging
import os
import re
from logging.handlers import RotatingFileHandler
from pathlib import Path
from typing import Literal

from verzuimdesk import paths
from verzuimdesk.privacy import install_log_scrubbing, private_file

LOG_NAME = "verzuimdesk.log"
MAX_BYTES = 1_000_000
BACKUPS = 5
Program = Literal["gui", "cli"]

MASK = "[…]"
# order matters: an e-mail address may hold digits, a phone number is longer than 5 digits
REDACTIONS: list[re.Pattern[str]] = [
    re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+"),
    re.compile(r"(?<![\w])(?:\+31|0031|0)[ -]?(?:\d[ -]?){8,9}\d?(?![\w])"),
    re.compile(r"(?<![\d])\d{6,}(?![\d])"),
]


def redact(text: str) -> str:
    """`text` with what may identify a person masked (see the module's text)."""
    for pattern in REDACTIONS:
        text = pattern.sub(MASK, text)
    return text


class RedactingFormatter(logging.Formatter):
    """Formats as usual, then masks personal data in the message, the traceback and the stack."""

    def format(self, record: logging.LogRecord) -> str:
        return redact(super().format(record))


_handler: RotatingFileHandler | None = None


def log_path() -> Path:
    return paths.log_dir() / LOG_NAME


def setup_logging(program: Program, level: int = logging.INFO) -> Path | None:
    """Send the root logger to the shared log file; returns its path (None when not writable).

    Calling it again (a test with another VERZUIMDESK_HOME, the CLI starting the GUI) replaces
    the handler instead of adding a second one, so no line is written twice.
    """
    global _handler
    root = logging.getLogger()
    if _handler is not None:
        root.removeHandler(_handler)
        _handler.close()
        _handler = None
    try:
        path = log_path()
        handler = RotatingFileHandler(
            path, maxBytes=MAX_BYTES, backupCount=BACKUPS, encoding="utf-8"
        )
    except OSError:
        # a read-only profile must not stop the nightly import: it runs without a log file
        return None
    handler.setFormatter(
        RedactingFormatter(
            f"%(asctime)s %(levelname)s {program}[{os.getpid()}] %(name)s: %(message)s"
        )
    )
    # third line of defence (verzuimdesk/privacy.py): every record is scrubbed when it is made —
    # SQL values and PostgreSQL's DETAIL lines, quoted values, text arguments — and the file is
    # the user's alone (0600)
    install_log_scrubbing()
    private_file(path)
    root.setLevel(level)
    root.addHandler(handler)
    _handler = handler
    return path
