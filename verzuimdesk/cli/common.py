"""What every verb of the command line shares: the Dutch parser, dates, progress, context."""

from __future__ import annotations

import argparse
import getpass
import os
import sys
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TextIO, TypeAlias

from sqlalchemy.engine import make_url

from verzuimdesk.errors import DatabaseError
from verzuimdesk.services.context import Actor, Context

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


# the global option `--as LOGIN`, set once by cli.main before a verb runs
_acting_as: list[str | None] = [None]

PASSWORD_ENV = "VERZUIMDESK_PASSWORD"


def set_acting_as(login: str | None) -> None:
    _acting_as[0] = login


def read_password(prompt: str = "Wachtwoord: ") -> str:
    """From VERZUIMDESK_PASSWORD (a nightly job), else asked on the terminal without echo."""
    from verzuimdesk.errors import PermissionDenied

    value = os.environ.get(PASSWORD_ENV)
    if value is not None:
        return value
    if not sys.stdin.isatty():
        raise PermissionDenied(
            f"Geen wachtwoord: zet {PASSWORD_ENV} of start de opdracht in een terminal."
        )
    return getpass.getpass(prompt)


def open_context(db_arg: str | None, *, create: bool = False) -> Context:
    """The database the verb works on, and the person it acts as (see `resolve_actor`). Only the
    verbs that fill a database (import, demo, people add) pass `create=True`; they make a new one
    when there is none and say so on stderr. Every verb refuses a --db path whose folder does not
    exist (a typo, not a wish for a new folder)."""
    from verzuimdesk.services.processes import fork_if_available
    from verzuimdesk.store.database import open_database

    fresh = _check_db_path(db_arg)
    database = open_database(db_arg, create=create)
    if create and fresh:
        print(f"verzuimdesk: nieuwe database gemaakt: {database.display_name}", file=sys.stderr)
    # the command line runs no other threads, so its helper processes may fork
    ctx = Context(database, helpers=fork_if_available())
    ctx.actor = resolve_actor(ctx, _acting_as[0])
    return ctx


def resolve_actor(ctx: Context, login: str | None) -> Actor:
    """Who the command line acts as, so permissions and the audit trail name a real person:

    - `--as LOGIN`: that person, with the password from VERZUIMDESK_PASSWORD or the terminal;
    - else the person the beheerder linked to this operating-system account (how a nightly job
      runs: link the job's account to a person with the role it needs);
    - on a database without people yet (a new school, the demo): the operating-system account
      with every right, until the first beheerder exists (`verzuimdesk people add`).
    Anything else is refused with a Dutch message."""
    from verzuimdesk.errors import PermissionDenied
    from verzuimdesk.services import people

    if login is not None:
        return people.log_in(ctx, login, read_password())
    if not people.has_people(ctx.db):
        return people.bootstrap_actor()
    actor = people.actor_for_account(ctx)
    if actor is None:
        raise PermissionDenied(
            f"Het computeraccount '{people.os_account()}' is niet gekoppeld aan een gebruiker "
            "van verzuimdesk. Geef --as GEBRUIKERSNAAM (met het wachtwoord), of vraag de "
            "beheerder dit account aan een gebruiker te koppelen."
        )
    return actor


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
