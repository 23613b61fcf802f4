"""`verzuimdesk [gui]`: start the program."""

from __future__ import annotations

import argparse

from verzuimdesk.cli.common import Verbs


def register(verbs: Verbs) -> None:
    parser = verbs.add_parser("gui", help="start het programma (standaard)")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from verzuimdesk.ui.app import run_gui

    return run_gui(db=args.db, demo=args.demo)
