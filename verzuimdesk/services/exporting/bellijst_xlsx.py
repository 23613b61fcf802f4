"""The bellijst as an Excel sheet (openpyxl write-only mode). Every text cell is written as text,
so a name or note that starts with "=" can never run as a formula. Parents appear only where
R-OUDERS allows, because the rows come from the service's contacts."""

from __future__ import annotations

from pathlib import Path
from typing import BinaryIO

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

from verzuimdesk.domain.bellijst import OUTCOME_LABEL, Outcome
from verzuimdesk.domain.hours import format_hhmm
from verzuimdesk.services.bellijst import Bellijst, BellijstEntry
from verzuimdesk.services.printing.bellijst_pdf import WITHHELD
from verzuimdesk.services.progress import Cancel, Progress, check, never_cancel, no_progress

HEADERS = (
    ("Volgorde", 9),
    ("Leerlingnummer", 14),
    ("Naam", 28),
    ("Klas", 8),
    ("Leeftijd", 8),
    ("Redenen", 24),
    ("Toelichting", 60),
    ("OA vandaag (u:mm)", 10),
    ("OA 4 lesweken (u:mm)", 10),
    ("Wie bellen", 40),
    ("Telefoonnummers", 28),
    ("Gebeld", 30),
    ("Notities", 40),
)


def _text(sheet: WriteOnlyWorksheet, value: str, *, bold: bool = False) -> WriteOnlyCell:
    cell = WriteOnlyCell(sheet, value=value)
    cell.data_type = "s"  # never a formula, even when the text starts with "="
    cell.alignment = Alignment(wrap_text=True, vertical="top")
    if bold:
        cell.font = Font(bold=True)
    return cell


def _row(sheet: WriteOnlyWorksheet, entry: BellijstEntry) -> list[object]:
    whom = [c.label for c in entry.contacts]
    if entry.parents_withheld:
        whom.append(WITHHELD)
    calls = [
        f"{c.called_at:%H:%M} {OUTCOME_LABEL.get(Outcome(c.outcome), c.outcome)}"
        f" ({c.with_whom or ''})"
        for c in entry.calls
    ]
    return [
        entry.position,
        _text(sheet, entry.leerlingnummer),
        _text(sheet, entry.sort_name),
        _text(sheet, entry.klas),
        entry.age,
        _text(sheet, entry.reason_labels),
        _text(sheet, "\n".join(r.text for r in entry.reasons)),
        _text(sheet, format_hhmm(entry.oa_minutes_today)),
        _text(sheet, format_hhmm(entry.window_oa_minutes)),
        _text(sheet, "\n".join(whom)),
        _text(sheet, "\n".join(c.phone or "geen nummer" for c in entry.contacts)),
        _text(sheet, "\n".join(calls)),
        _text(sheet, "\n".join(c.note for c in entry.calls if c.note)),
    ]


def write_bellijst_xlsx(
    bellijst: Bellijst,
    target: Path | BinaryIO,
    progress: Progress = no_progress,
    cancel: Cancel = never_cancel,
) -> None:
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(f"Bellijst {bellijst.on:%d-%m-%Y}")
    for index, (_, width) in enumerate(HEADERS):
        sheet.column_dimensions[get_column_letter(index + 1)].width = width
    sheet.freeze_panes = "A3"
    selection = bellijst.selection
    title = f"{bellijst.school_name} · bellijst {bellijst.on:%d-%m-%Y} · "
    if selection.active:
        title += f"filter: {selection.description} · "
    sheet.append([_text(sheet, title + bellijst.called_text, bold=True)])
    sheet.append([_text(sheet, name, bold=True) for name, _ in HEADERS])
    total = len(bellijst.entries)
    for done, entry in enumerate(bellijst.entries, start=1):
        sheet.append(_row(sheet, entry))
        if done % 500 == 0:
            check(cancel)
            progress(done, total, "bellijst naar Excel")
    workbook.save(target)
    progress(total, total, "bellijst naar Excel geschreven")
