"""`verzuimdesk demo`: fill a database with the fictitious demo school."""

from __future__ import annotations

import argparse

from verzuimdesk.cli.common import EXIT_OK, Verbs, iso_date, open_context, progress_printer
from verzuimdesk.errors import VerzuimdeskError


def register(verbs: Verbs) -> None:
    parser = verbs.add_parser("demo", help="vul de database met een fictieve demoschool")
    parser.add_argument("--students", type=int, default=1500, help="aantal leerlingen")
    parser.add_argument("--seed", type=int, default=1, help="startgetal van het toeval")
    parser.add_argument(
        "--until",
        type=iso_date,
        default=None,
        help="registraties tot en met deze datum (standaard: vandaag)",
    )
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from verzuimdesk.demo import build_demo_school

    if args.students < 1:
        raise VerzuimdeskError("--students moet minstens 1 zijn.")
    ctx = open_context(args.db, create=True)
    summary = build_demo_school(
        ctx,
        students=args.students,
        seed=args.seed,
        until=args.until or ctx.today(),
        progress=progress_printer(),
    )
    print("\n".join(summary.lines()))
    return EXIT_OK
