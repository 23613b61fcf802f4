"""The command line: a thin face over services/ for nightly imports, exports, checks and tests.

    verzuimdesk [--db DB] [--demo] [gui]
    verzuimdesk [--db DB] import generic FOLDER [--skip-bad-rows]
    verzuimdesk [--db DB] export generic FOLDER
    verzuimdesk [--db DB] demo --students N --seed S [--until YYYY-MM-DD]
    verzuimdesk [--db DB] signals --on YYYY-MM-DD [--policy NAME] [--json]

Every failure prints a Dutch message on stderr and exits non-zero.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections.abc import Sequence
from datetime import date
from pathlib import Path

from verzuimdesk.errors import VerzuimdeskError

EXIT_OK = 0
EXIT_ERROR = 1
EXIT_USAGE = 2


class DutchArgumentParser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"verzuimdesk: fout in de opdracht: {message}\n")


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(
            f"'{text}' is geen datum; schrijf JJJJ-MM-DD, bijvoorbeeld 2026-09-14"
        ) from exc


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

    verbs.add_parser("gui", help="start het programma (standaard)")

    imp = verbs.add_parser("import", help="importeer gegevens uit het leerlingvolgsysteem")
    imp.add_argument("format", choices=["generic"], help="het formaat van de bestanden")
    imp.add_argument("folder", type=Path, help="map met de CSV-bestanden")
    imp.add_argument(
        "--skip-bad-rows",
        action="store_true",
        help="sla foute regels over in plaats van niets te importeren",
    )

    exp = verbs.add_parser("export", help="schrijf de gegevens weg in het uitwisselformaat")
    exp.add_argument("format", choices=["generic"])
    exp.add_argument("folder", type=Path)

    demo = verbs.add_parser("demo", help="vul de database met een fictieve demoschool")
    demo.add_argument("--students", type=int, default=1500)
    demo.add_argument("--seed", type=int, default=1)
    demo.add_argument(
        "--until",
        type=_date,
        default=None,
        help="registraties tot en met deze datum (standaard: vandaag)",
    )

    sig = verbs.add_parser("signals", help="toon de open signalen op een datum")
    sig.add_argument("--on", type=_date, required=True)
    sig.add_argument("--policy", default=None, help="beleidsprofiel (standaard dat van de school)")
    sig.add_argument("--json", action="store_true", help="uitvoer als JSON")
    return parser


def _progress_printer(stream=sys.stderr):  # type: ignore[no-untyped-def]
    last = [0.0]

    def progress(done: int, total: int, what: str) -> None:
        now = time.monotonic()
        if now - last[0] < 1.0 and done != total:
            return
        last[0] = now
        suffix = f" {done}/{total}" if total else ""
        print(f"… {what}{suffix}", file=stream, flush=True)

    return progress


def _context(db_arg: str | None):  # type: ignore[no-untyped-def]
    from verzuimdesk.services.context import Context
    from verzuimdesk.store.database import open_database

    return Context(open_database(db_arg))


def _cmd_import(args: argparse.Namespace) -> int:
    from verzuimdesk.services.importing.generic import import_generic

    ctx = _context(args.db)
    summary = import_generic(
        ctx, args.folder, skip_bad_rows=args.skip_bad_rows, progress=_progress_printer()
    )
    print("\n".join(summary.lines()))
    return EXIT_OK


def _cmd_export(args: argparse.Namespace) -> int:
    from verzuimdesk.services.exporting.generic import export_generic

    ctx = _context(args.db)
    summary = export_generic(ctx, args.folder, progress=_progress_printer())
    print("\n".join(summary.lines()))
    return EXIT_OK


def _cmd_demo(args: argparse.Namespace) -> int:
    from verzuimdesk.services.demo import build_demo_school

    if args.students < 1:
        raise VerzuimdeskError("--students moet minstens 1 zijn.")
    ctx = _context(args.db)
    summary = build_demo_school(
        ctx,
        students=args.students,
        seed=args.seed,
        until=args.until or ctx.today(),
        progress=_progress_printer(),
    )
    print("\n".join(summary.lines()))
    return EXIT_OK


def _cmd_signals(args: argparse.Namespace) -> int:
    from verzuimdesk.services.signals import format_signals_json, format_signals_table, signals_on

    ctx = _context(args.db)
    signals = signals_on(ctx, args.on, policy_name=args.policy)
    print(format_signals_json(signals) if args.json else format_signals_table(signals))
    return EXIT_OK


def _cmd_gui(args: argparse.Namespace) -> int:
    from verzuimdesk.ui.app import run_gui

    return run_gui(db=args.db, demo=args.demo)


COMMANDS = {
    "import": _cmd_import,
    "export": _cmd_export,
    "demo": _cmd_demo,
    "signals": _cmd_signals,
    "gui": _cmd_gui,
    None: _cmd_gui,
}


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return COMMANDS[args.verb](args)
    except VerzuimdeskError as exc:
        print(f"verzuimdesk: {exc.message}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        print("verzuimdesk: afgebroken.", file=sys.stderr)
        return EXIT_ERROR
