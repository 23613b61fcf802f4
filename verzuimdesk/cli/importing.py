"""`verzuimdesk import PATH` (a folder in the exchange format, or one LVS file through its
preset) and `verzuimdesk import generic FOLDER`: read the LVS's files into the database."""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path

from verzuimdesk.cli.common import (
    EXIT_OK,
    Verbs,
    open_context,
    progress_printer,
    share_changes,
)
from verzuimdesk.errors import ValidationError


def register(verbs: Verbs) -> None:
    parser = verbs.add_parser("import", help="importeer gegevens uit het leerlingvolgsysteem")
    parser.add_argument(
        "paths",
        nargs="+",
        metavar="PAD",
        help="een map met de CSV-bestanden, of één bestand uit het leerlingvolgsysteem "
        "('generic MAP' werkt ook)",
    )
    parser.add_argument(
        "--preset",
        default="auto",
        help="de voorinstelling voor een LVS-bestand (standaard: auto, herkend aan de inhoud)",
    )
    parser.add_argument(
        "--mapping",
        type=Path,
        help="een eigen voorinstelling (.toml, zoals in resources/presets) voor dit bestand",
    )
    parser.add_argument(
        "--skip-bad-rows",
        action="store_true",
        help="sla foute regels over in plaats van niets te importeren",
    )
    parser.add_argument(
        "--allow-removals",
        action="store_true",
        help="sta toe dat een bestand meer dan een klein deel van de opgeslagen rijen verwijdert",
    )
    parser.add_argument(
        "--dry-run",
        action="store_true",
        help="toon wat de import zou doen, zonder iets op te slaan",
    )
    parser.set_defaults(handler=run)


log = logging.getLogger("verzuimdesk.import")


def run(args: argparse.Namespace) -> int:
    from verzuimdesk.services.backups import make_backup
    from verzuimdesk.services.importing.generic import import_generic
    from verzuimdesk.services.importing.presets import import_preset

    if len(args.paths) == 2 and args.paths[0] == "generic":
        target = Path(args.paths[1])
    elif len(args.paths) == 1 and args.paths[0] != "generic":
        target = Path(args.paths[0])
    else:
        raise ValidationError(
            "Geef één pad: een map met de CSV-bestanden of één LVS-bestand (of 'generic MAP').",
            field="pad",
        )
    ctx = open_context(args.db, create=True)
    if not args.dry_run:
        # a wrong file can be undone: Bestand > Back-up terugzetten, or `verzuimdesk backup`
        made = make_backup(ctx, "voor-import")
        print(f"Back-up gemaakt: {made}", file=sys.stderr)
    try:
        options = {
            "skip_bad_rows": args.skip_bad_rows,
            "allow_removals": args.allow_removals,
            "dry_run": args.dry_run,
            "progress": progress_printer(),
        }
        if target.is_file():
            preset, summary = import_preset(
                ctx, target, args.preset, mapping=args.mapping, **options
            )
            print(f"Herkend als: {preset.description}", file=sys.stderr)
        else:
            summary = import_generic(ctx, target, **options)
    except Exception as exc:
        # one line per run for whoever checks the nightly job; counts only, never names
        log.info("import %s: mislukt (%s)", "proef" if args.dry_run else "echt", type(exc).__name__)
        raise
    totals = {f.file: (f.added, f.changed, f.removed, f.skipped) for f in summary.files}
    log.info(
        "import %s: gelukt in %.1f s; per bestand (toegevoegd, gewijzigd, verwijderd, "
        "overgeslagen): %s",
        "proef" if args.dry_run else "echt",
        summary.seconds,
        totals,
    )
    print("\n".join(summary.lines()))
    if not args.dry_run:  # a dry run wrote nothing to refresh or announce
        share_changes(ctx, summary.changes)
    return EXIT_OK
