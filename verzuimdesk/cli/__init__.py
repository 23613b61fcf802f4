"""The command line: a thin face over services/ for nightly imports, exports, checks and tests.

    verzuimdesk [--db DB] [--demo] [gui]
    verzuimdesk [--db DB] import PATH [--preset NAME|auto] [--mapping FILE] [--dry-run] …
    verzuimdesk [--db DB] import generic FOLDER [--skip-bad-rows]
    verzuimdesk [--db DB] export generic FOLDER
    verzuimdesk [--db DB] demo --students N --seed S [--until YYYY-MM-DD]
    verzuimdesk [--db DB] signals --on YYYY-MM-DD [--policy NAME] [--json]
    verzuimdesk [--db DB] report NAME --from DATE --to DATE [--klas K] [--opleiding O]
                [--student LEERLINGNUMMER] (--json | --xlsx FILE | --pdf FILE)
    verzuimdesk [--db DB] letters due --on YYYY-MM-DD [--json]
    verzuimdesk [--db DB] letters print --on YYYY-MM-DD --out FILE.pdf [--student NR] [--preview]
    verzuimdesk [--db DB] people add|list|change|password|deactivate|activate …
    verzuimdesk [--db DB] backup [--list | --restore FILE] [--reason TEXT]

`--as LOGIN` (before the verb) acts as that person; without it the command line acts as the
person linked to the operating-system account (see cli/common.py `resolve_actor`).

Each verb is a module of this package with `register(verbs)`, listed once in `VERBS`. Every
failure prints a Dutch message on stderr and exits non-zero.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
import time
from collections.abc import Sequence

from verzuimdesk.cli import (
    backup,
    demo,
    exporting,
    gui,
    importing,
    letters,
    people,
    report,
    signals,
)
from verzuimdesk.cli.common import EXIT_ERROR, DutchArgumentParser, set_acting_as
from verzuimdesk.errors import VerzuimdeskError
from verzuimdesk.logging_setup import setup_logging
from verzuimdesk.privacy import install_log_scrubbing, private_umask

log = logging.getLogger("verzuimdesk.cli")

VERBS = (gui, importing, exporting, demo, signals, letters, people, report, backup)


def build_parser() -> argparse.ArgumentParser:
    parser = DutchArgumentParser(
        prog="verzuimdesk",
        description="Verzuimregistratie en -aanpak voor scholen.",
    )
    parser.add_argument(
        "--db",
        default=os.environ.get("VERZUIMDESK_DB"),
        help="pad naar een SQLite-bestand of een SQLAlchemy-URL (standaard: VERZUIMDESK_DB, "
        "anders de database in de gebruikersmap)",
    )
    parser.add_argument(
        "--demo", action="store_true", help="open de demoschool (wordt bij de eerste keer gemaakt)"
    )
    parser.add_argument(
        "--as",
        dest="acting_as",
        metavar="GEBRUIKERSNAAM",
        default=os.environ.get("VERZUIMDESK_AS"),
        help="werk als deze gebruiker (wachtwoord uit VERZUIMDESK_PASSWORD of de terminal); "
        "standaard de gebruiker die aan dit computeraccount is gekoppeld",
    )
    verbs = parser.add_subparsers(dest="verb", parser_class=DutchArgumentParser)
    for verb in VERBS:
        verb.register(verbs)
    parser.set_defaults(handler=gui.run)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    # files the program writes (database, backups, logs, exports) are the user's alone
    private_umask()
    install_log_scrubbing()
    args = build_parser().parse_args(argv)
    set_acting_as(args.acting_as)
    verb = args.verb or "gui"
    if verb != "gui":  # the GUI sets up the same log itself, tagged as the GUI
        setup_logging("cli")
    # the verb and how it ended, never its arguments: they name folders and files of the school
    log.info("%s gestart", verb)
    started = time.perf_counter()
    try:
        code = int(args.handler(args))
    except VerzuimdeskError as exc:
        # the message may quote a row of a file: the kind of error is enough for the log
        log.warning("%s gestopt: %s", verb, type(exc).__name__)
        print(f"verzuimdesk: {exc.message}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        log.warning("%s afgebroken", verb)
        print("verzuimdesk: afgebroken.", file=sys.stderr)
        return EXIT_ERROR
    except Exception:
        log.exception("%s: onverwachte fout", verb)
        raise
    log.info("%s klaar met code %d in %.1f s", verb, code, time.perf_counter() - started)
    return code
