"""`verzuimdesk backup`: make a back-up, list them, or restore one (for IT staff and nightly jobs).

verzuimdesk [--db DB] backup                 make one now (pg_dump on PostgreSQL)
verzuimdesk [--db DB] backup --list          the back-ups of this database
verzuimdesk [--db DB] backup --restore FILE  restore FILE (the current database is kept)
"""

from __future__ import annotations

import argparse
from pathlib import Path

from verzuimdesk.cli.common import EXIT_OK, Verbs, open_context


def register(verbs: Verbs) -> None:
    parser = verbs.add_parser("backup", help="maak, toon of zet een back-up terug")
    what = parser.add_mutually_exclusive_group()
    what.add_argument("--list", action="store_true", help="toon de back-ups van deze database")
    what.add_argument("--restore", type=Path, metavar="BESTAND", help="zet deze back-up terug")
    parser.add_argument(
        "--reason", default="handmatig", help="reden, komt in de bestandsnaam (standaard handmatig)"
    )
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from verzuimdesk.services import backups

    ctx = open_context(args.db)
    if args.list:
        for backup in backups.list_backups(ctx):
            size = backup.size / 1024 / 1024
            print(f"{backup.made_at:%d-%m-%Y %H:%M:%S}  {size:8.1f} MB  {backup.path}")
        return EXIT_OK
    if args.restore is not None:
        restored = backups.restore_backup(ctx, args.restore)
        print(f"Teruggezet: {restored.restored_from.name}")
        print(f"De database van daarvoor is bewaard als: {restored.saved_current}")
        return EXIT_OK
    print(backups.make_backup(ctx, args.reason))
    return EXIT_OK
