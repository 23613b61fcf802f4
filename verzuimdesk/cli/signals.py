"""`verzuimdesk signals`: the open signals on a date."""

from __future__ import annotations

import argparse

from verzuimdesk.cli.common import EXIT_OK, Verbs, iso_date, open_context


def register(verbs: Verbs) -> None:
    parser = verbs.add_parser("signals", help="toon de open signalen op een datum")
    parser.add_argument("--on", type=iso_date, required=True, help="de datum (JJJJ-MM-DD)")
    parser.add_argument(
        "--policy", default=None, help="beleidsprofiel (standaard dat van de school)"
    )
    parser.add_argument("--json", action="store_true", help="uitvoer als JSON")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from verzuimdesk.services.signals import format_signals_json, format_signals_table, signals_on

    ctx = open_context(args.db)
    signals = signals_on(ctx, args.on, policy_name=args.policy)
    print(format_signals_json(signals) if args.json else format_signals_table(signals))
    return EXIT_OK
