"""`verzuimdesk report NAME`: a report as JSON rows, an Excel workbook or a PDF.

    verzuimdesk [--db DB] report NAME --from DATE --to DATE [--klas K] [--opleiding O]
                [--student LEERLINGNUMMER] (--json | --xlsx FILE | --pdf FILE)

--json prints the rows the screen shows, one object per row (a row about one student has
`student_id`, the leerlingnummer; a row about one day has `datum`). A file is written whole or not
at all: into a temporary file beside it, renamed when done.
"""

from __future__ import annotations

import argparse
import json
import os
import tempfile
from pathlib import Path

from verzuimdesk.cli.common import EXIT_OK, Verbs, iso_date, open_context
from verzuimdesk.errors import VerzuimdeskError

NAMES = (
    "klas-week",
    "leerling-jaar",
    "gesprekken",
    "docent",
    "vak",
    "klas",
    "onwaarschijnlijke-presentie",
    "maand",
    "niveaus",
    "leerplichttelling",
    "kaart",
)


def register(verbs: Verbs) -> None:
    parser = verbs.add_parser("report", help="maak een rapportage (JSON, Excel of PDF)")
    parser.add_argument("name", choices=NAMES, metavar="NAAM", help=", ".join(NAMES))
    parser.add_argument("--from", dest="start", type=iso_date, required=True, help="JJJJ-MM-DD")
    parser.add_argument("--to", dest="end", type=iso_date, required=True, help="JJJJ-MM-DD")
    parser.add_argument("--klas", default=None, help="alleen deze klas")
    parser.add_argument("--opleiding", default=None, help="alleen deze opleiding (team)")
    parser.add_argument("--student", default=None, help="alleen deze leerling (leerlingnummer)")
    output = parser.add_mutually_exclusive_group(required=True)
    output.add_argument("--json", action="store_true", help="de regels als JSON op stdout")
    output.add_argument("--xlsx", type=Path, default=None, help="schrijf een Excel-bestand")
    output.add_argument("--pdf", type=Path, default=None, help="schrijf een PDF")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from verzuimdesk.services.reports import Period, Scope, run_report

    target: Path | None = args.xlsx or args.pdf
    if target is not None and not target.parent.exists():
        raise VerzuimdeskError(f"De map {target.parent} bestaat niet; kies een bestaande map.")
    ctx = open_context(args.db)
    report = run_report(
        ctx,
        args.name,
        Period(args.start, args.end),
        Scope(klas=args.klas, opleiding=args.opleiding, student=args.student),
    )
    if args.json:
        print(json.dumps(report.json_rows(), ensure_ascii=False, indent=1))
        return EXIT_OK
    assert target is not None
    _write_whole(report, target, pdf=args.pdf is not None)
    print(f"{report.title}: {sum(len(t.rows) for t in report.tables)} regels naar {target}")
    return EXIT_OK


def _write_whole(report: object, target: Path, *, pdf: bool) -> None:
    from verzuimdesk.services.exporting.report_xlsx import write_report_xlsx
    from verzuimdesk.services.printing.report_pdf import render_report_pdf

    handle, temporary = tempfile.mkstemp(prefix=".verzuimdesk-", dir=target.parent)
    os.close(handle)
    try:
        (render_report_pdf if pdf else write_report_xlsx)(report, Path(temporary))  # type: ignore[arg-type]
        os.replace(temporary, target)
    except OSError as exc:
        raise VerzuimdeskError(f"Kan {target} niet schrijven: {exc.strerror}.") from exc
    finally:
        if os.path.exists(temporary):
            os.unlink(temporary)
