"""`verzuimdesk export`: write the data out in the exchange format."""

from __future__ import annotations

import argparse
from pathlib import Path

from verzuimdesk.cli.common import EXIT_OK, Verbs, open_context, progress_printer


def register(verbs: Verbs) -> None:
    parser = verbs.add_parser("export", help="schrijf de gegevens weg in het uitwisselformaat")
    parser.add_argument("format", choices=["generic"], help="het formaat van de bestanden")
    parser.add_argument("folder", type=Path, help="map waarin de CSV-bestanden komen")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from verzuimdesk.services.exporting.generic import export_generic

    ctx = open_context(args.db)
    summary = export_generic(ctx, args.folder, progress=progress_printer())
    print("\n".join(summary.lines()))
    return EXIT_OK
