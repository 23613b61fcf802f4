"""Benchmark of batch letter printing (not part of the test run).

    .venv/bin/python benchmarks/bench_letters.py [--letters 500] [--runs 3]

Builds a small fictitious school in a temporary SQLite file with N students who were absent
without a valid reason on one day (so N letters a are due, one envelope each), then times, in the
same run:

1. the letter PDF alone: N filled letters laid out into one PDF (`render_letters`), target < 3 s;
2. a plain ReportLab document of the same pages (the same paragraphs in the same embedded font in
   a SimpleDocTemplate, one page per letter): the floor any letter layout stands on; the ratio
   1 / 2 is the cost of the letter layout (target ≤ 2×);
3. the whole `letters print --preview` path: queue, filling the templates, the PDF;
4. `letters print` with the archive: as 3, plus each envelope's own PDF for its fingerprint and
   the archive rows (the price of identical reprints).

Prints the best of `--runs` and the machine load: the machines are shared, figures are noisy.
"""

from __future__ import annotations

import argparse
import io
import os
import tempfile
import time
from collections.abc import Callable
from datetime import date, datetime
from datetime import time as clock_time
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Spacer

from verzuimdesk.domain.codes import DEFAULT_CODES
from verzuimdesk.domain.roles import Role
from verzuimdesk.services import letters
from verzuimdesk.services.context import Actor, Context
from verzuimdesk.services.printing.letters_pdf import _styles, render_letters
from verzuimdesk.store.database import open_database
from verzuimdesk.store.registrations import Registration
from verzuimdesk.store.school import CalendarPeriodRow, RegistrationCodeRow, School
from verzuimdesk.store.students import Student

DAY = date(2025, 9, 8)
LIMIT_S = 3.0
RATIO_LIMIT = 2.0


def build_school(ctx: Context, count: int) -> None:
    with ctx.db.unit_of_work() as s:
        s.add(
            School(
                id=1,
                name="ROC De Fictieve Horizon",
                sector="mbo",
                region="midden",
                policy_name="wettelijk",
                created_at=datetime(2025, 8, 1),
            )
        )
        for code in DEFAULT_CODES:
            s.add(
                RegistrationCodeRow(
                    code=code.code,
                    description=code.description,
                    category=code.category.value,
                    kind=code.kind.value,
                )
            )
        s.add(
            CalendarPeriodRow(
                start=date(2025, 9, 1), end=date(2026, 7, 17), kind="schooljaar", name="2025-2026"
            )
        )
        for i in range(count):
            student = Student(
                leerlingnummer=f"{500000 + i}",
                roepnaam=f"Leerling{i}",
                achternaam="Voorbeeld",
                geboortedatum=date(2005, 1, 1),  # 20: one envelope, to the student
                klas=f"K{i % 20}",
                straat=f"Proefstraat {i + 1}",
                postcode="3511 AB",
                plaats="Utrecht",
                woongemeente="Utrecht",
            )
            s.add(student)
            s.flush()
            s.add(
                Registration(
                    student_id=student.id,
                    date=DAY,
                    begin=clock_time(8, 30),
                    end=clock_time(9, 20),
                    minutes=50,
                    code="OA",
                    source="import",
                )
            )


def best_of(runs: int, work: Callable[[], Any]) -> tuple[float, Any]:
    best, result = float("inf"), None
    for _ in range(runs):
        started = time.perf_counter()
        result = work()
        best = min(best, time.perf_counter() - started)
    return best, result


def plain_document(contents: list[dict[str, Any]]) -> bytes:
    """The same text as plain paragraphs, one page per letter, same embedded font."""
    st = _styles()
    story: list[Any] = []
    for content in contents:
        story.append(Paragraph("<br/>".join(escape(x) for x in content["address"]), st["body"]))
        story.append(Spacer(1, 40 * mm))
        story.append(Paragraph(escape(content["subject"]), st["subject"]))
        story += [Paragraph(escape(text), st["body"]) for _, text in content["blocks"]]
        story.append(PageBreak())
    buffer = io.BytesIO()
    SimpleDocTemplate(buffer, pagesize=A4, invariant=1).build(story)
    return buffer.getvalue()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--letters", type=int, default=500)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()

    folder = Path(tempfile.mkdtemp(prefix="bench-letters-"))
    ctx = Context(
        open_database(folder / "school.sqlite"),
        actor=Actor("bench", Role.BEHEERDER),
        clock=lambda: datetime(2025, 9, 9, 9),
    )
    build_school(ctx, args.letters)
    due = letters.letters_due(ctx, DAY)
    assert len(due) == args.letters, len(due)
    preview = letters.print_letters(ctx, DAY, preview=True)
    # the envelopes' contents as print_letters fills them, for the PDF-only timings
    with ctx.db.unit_of_work() as session:
        g = letters._gather(session, DAY, {i.student_id for i in due})
        contents = [e.content for e in letters._contents(session, g, due, DAY, lambda: False)]

    pdf_s, pdf = best_of(args.runs, lambda: render_letters(contents, {}))
    plain_s, plain = best_of(args.runs, lambda: plain_document(contents))
    preview_s, _ = best_of(args.runs, lambda: letters.print_letters(ctx, DAY, preview=True))
    started = time.perf_counter()
    archived = letters.print_letters(ctx, DAY, out=folder / "brieven.pdf")
    archive_s = time.perf_counter() - started

    load = os.getloadavg()
    print(f"{args.letters} letters a, one envelope each; best of {args.runs}")
    print(f"machine load (1/5/15 min): {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}, 2 cores shared")
    print(
        f"1. letter PDF alone        {pdf_s:6.2f} s  ({len(pdf) // 1024} kB, "
        f"{'OK' if pdf_s < LIMIT_S else 'TE TRAAG'}: target < {LIMIT_S:.0f} s)"
    )
    print(f"2. plain ReportLab, same   {plain_s:6.2f} s  ({len(plain) // 1024} kB)")
    ratio = pdf_s / plain_s
    print(
        f"   ratio 1/2               {ratio:6.2f} ×  "
        f"({'OK' if ratio <= RATIO_LIMIT else 'TE HOOG'}: target ≤ {RATIO_LIMIT:.0f}×)"
    )
    print(
        f"3. letters print --preview {preview_s:6.2f} s  (queue, templates, PDF; "
        f"{preview.envelopes} envelopes)"
    )
    print(
        f"4. letters print + archive {archive_s:6.2f} s  ({len(archived.archived_ids)} archived, "
        "each with its own PDF for the fingerprint)"
    )
    ctx.db.dispose()


if __name__ == "__main__":
    main()
