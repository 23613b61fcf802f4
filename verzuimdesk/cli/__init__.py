"""The command line: a thin face over services/ for nightly imports, exports, checks and tests.

    verzuimdesk [--db DB] [--demo] [gui]
    verzuimdesk [--db DB] import generic FOLDER [--skip-bad-rows]
    verzuimdesk [--db DB] export generic FOLDER
    verzuimdesk [--db DB] demo --students N --seed S [--until YYYY-MM-DD]
    verzuimdesk [--db DB] signals --on YYYY-MM-DD [--policy NAME] [--json]
    verzuimdesk [--db DB] report NAME --from DATE --to DATE [--klas K] [--opleiding O]
                [--student LEERLINGNUMMER] (--json | --xlsx FILE | --pdf FILE)

Each verb is a module of this package with `register(verbs)`, listed once in `VERBS`. Every
failure prints a Dutch message on stderr and exits non-zero.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence

from verzuimdesk.cli import demo, exporting, gui, importing, report, signals
from verzuimdesk.cli.common import EXIT_ERROR, DutchArgumentParser
from verzuimdesk.errors import VerzuimdeskError

VERBS = (gui, importing, exporting, demo, signals, report)


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
    verbs = parser.add_subparsers(dest="verb", parser_class=DutchArgumentParser)
    for verb in VERBS:
        verb.register(verbs)
    parser.set_defaults(handler=gui.run)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return int(args.handler(args))
    except VerzuimdeskError as exc:
        print(f"verzuimdesk: {exc.message}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        print("verzuimdesk: afgebroken.", file=sys.stderr)
        return EXIT_ERROR
