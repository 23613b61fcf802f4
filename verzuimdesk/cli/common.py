"""What every verb of the command line shares: the Dutch parser, dates, progress, context."""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from datetime import date
from typing import TextIO, TypeAlias

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


def open_context(db_arg: str | None) -> Context:
    from verzuimdesk.services.processes import fork_if_available
    from verzuimdesk.store.database import open_database

    # the command line runs no other threads, so its helper processes may fork
    return Context(open_database(db_arg), helpers=fork_if_available())
