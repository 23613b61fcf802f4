"""What every verb of the command line shares: the Dutch parser, dates, progress, context."""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TextIO, TypeAlias

from sqlalchemy.engine import make_url

from verzuimdesk.errors import DatabaseError
from verzuimdesk.services.context import Context

EXIT_OK = 0
EXIT_ERROR = 1
EXIT_USAGE = 2

Handler = Callable[[argparse.Namespace], int]
Verbs: TypeAlias = "argparse._SubParsersAction[DutchArgumentParser]"


class DutchArgumentParser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"verzuimdesk: fout in de opdracht: {message}\n")


def iso_date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(
            f"'{text}' is geen datum; schrijf JJJJ-MM-DD, bijvoorbeeld 2026-09-14"
        ) from exc


def progress_printer(stream: TextIO = sys.stderr) -> Callable[[int, int, str], None]:
    last = [0.0]

    def progress(done: int, total: int, what: str) -> None:
        now = time.monotonic()
        if now - last[0] < 1.0 and done != total:
            return
        last[0] = now
        suffix = f" {done}/{total}" if total else ""
        print(f"… {what}{suffix}", file=stream, flush=True)

    return progress


def open_context(db_arg: str | None, *, create: bool = False) -> Context:
    """The database the verb works on. Only the verbs that fill a database (import, demo) pass
    `create=True`; they make a new one when there is none and say so on stderr. Every verb refuses
    a --db path whose folder does not exist (a typo, not a wish for a new folder)."""
    from verzuimdesk.services.processes import fork_if_available
    from verzuimdesk.store.database import open_database

    fresh = _check_db_path(db_arg)
    database = open_database(db_arg, create=create)
    if create and fresh:
        print(f"verzuimdesk: nieuwe database gemaakt: {database.display_name}", file=sys.stderr)
    # the command line runs no other threads, so its helper processes may fork
    return Context(database, helpers=fork_if_available())


def _check_db_path(db_arg: str | None) -> bool:
    """Refuse a SQLite path in a folder that does not exist; True when the file is new."""
    from verzuimdesk.store.database import to_url

    url = make_url(to_url(db_arg))
    if url.get_backend_name() != "sqlite" or url.database in (None, "", ":memory:"):
        return False
    file = Path(str(url.database))
    if db_arg is not None and not file.parent.is_dir():
        raise DatabaseError(
            f"De map '{file.parent}' van de database bestaat niet. Controleer het pad (--db of "
            "VERZUIMDESK_DB); er is niets gemaakt."
        )
    return not file.exists()
