"""`verzuimdesk letters due` and `verzuimdesk letters print`: the letter queue on a date, and
printing it into one PDF and the archive."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from verzuimdesk.cli.common import EXIT_OK, Verbs, iso_date, open_context, progress_printer


def register(verbs: Verbs) -> None:
    parser = verbs.add_parser("letters", help="verzuimbrieven: wat moet er weg, en printen")
    sub = parser.add_subparsers(dest="letters_verb", required=True, parser_class=type(parser))
    due = sub.add_parser("due", help="de brieven die op een datum verstuurd moeten worden")
    due.add_argument("--on", type=iso_date, required=True, help="de datum (JJJJ-MM-DD)")
    due.add_argument("--json", action="store_true", help="uitvoer als JSON")
    due.set_defaults(handler=run_due)
    printing = sub.add_parser(
        "print", help="alle brieven van een datum in één PDF, en in het archief"
    )
    printing.add_argument("--on", type=iso_date, required=True, help="de datum (JJJJ-MM-DD)")
    printing.add_argument("--out", type=Path, required=True, help="het PDF-bestand")
    printing.add_argument("--student", default=None, help="alleen deze leerling (leerlingnummer)")
    printing.add_argument(
        "--preview", action="store_true", help="alleen de PDF maken, niets archiveren"
    )
    printing.set_defaults(handler=run_print)


def run_due(args: argparse.Namespace) -> int:
    from verzuimdesk.services.letters import format_due_json, letters_due

    items = letters_due(open_context(args.db), args.on)
    if args.json:
        print(format_due_json(items))
        return EXIT_OK
    if not items:
        print(f"Geen brieven te versturen op {args.on:%d-%m-%Y}.")
    for item in items:
        variant = f" ({item.variant.value})" if item.variant else ""
        line = (
            f"{item.event.day:%d-%m-%Y}  {item.leerlingnummer:>10}  {item.naam:<30} "
            f"brief {item.letter.value}{variant} aan {item.recipients_text()}"
        )
        if item.problems:
            line += "  LET OP: " + " ".join(item.problems)
        print(line)
    return EXIT_OK


def run_print(args: argparse.Namespace) -> int:
    from verzuimdesk.errors import ValidationError
    from verzuimdesk.services.letters import print_letters

    if args.out.suffix.lower() != ".pdf":
        raise ValidationError(
            f"'{args.out}' is geen PDF-bestand: geef een naam die eindigt op .pdf.", field="--out"
        )
    result = print_letters(
        open_context(args.db),
        args.on,
        out=args.out,
        leerlingnummer=args.student,
        preview=args.preview,
        progress=progress_printer(),
    )
    if result.skipped:
        print(f"verzuimdesk: {result.skipped_text()}", file=sys.stderr)
    if not result.envelopes:
        print(f"Geen brieven om te printen op {args.on:%d-%m-%Y}; er is geen PDF gemaakt.")
        return EXIT_OK
    archived = "niets gearchiveerd (proefdruk)" if args.preview else "gearchiveerd"
    print(
        f"{result.letters} brief/brieven in {result.envelopes} envelop(pen) naar {args.out}; "
        f"{archived}."
    )
    return EXIT_OK
