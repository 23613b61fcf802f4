"""The bellijst on paper: A4 landscape, one row per student with reason, whom to call and an
empty column for handwritten notes. Parents appear only where R-OUDERS allows, because the rows
come from the service's contacts. Printed with invariant=1: the same list gives the same bytes."""

from __future__ import annotations

from pathlib import Path
from typing import BinaryIO
from xml.sax.saxutils import escape

from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    PageTemplate,
    Paragraph,
    Table,
    TableStyle,
)

from verzuimdesk.domain.bellijst import OUTCOME_LABEL, Outcome, compact_texts
from verzuimdesk.services.bellijst import Bellijst, BellijstEntry
from verzuimdesk.services.printing.styles import (
    FONT,
    GRID,
    HEADER_FILL,
    MARGIN,
    dutch_date,
    numbered_canvas,
    styles,
)
from verzuimdesk.services.progress import Cancel, Progress, check, never_cancel, no_progress

COLUMNS = ("#", "Leerling", "Klas", "Waarom bellen", "Wie bellen", "Notities")
# "#" fits four digits: a filtered list keeps the places of the whole list (e.g. 2417)
WIDTHS = (11 * mm, 44 * mm, 20 * mm, 80 * mm, 70 * mm, 42 * mm)
WITHHELD = "Ouders niet bellen: 18+, geen toestemming (R-OUDERS)"
_CELL_STYLE = [
    ("GRID", (0, 0), (-1, -1), 0.4, GRID),
    ("VALIGN", (0, 0), (-1, -1), "TOP"),
    ("FONTNAME", (0, 0), (-1, -1), FONT),  # also for the empty notes cells
    ("TOPPADDING", (0, 0), (-1, -1), 3),
    ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
]


def _contacts_text(entry: BellijstEntry) -> str:
    lines = [
        f"<b>{escape(c.role)}</b> {escape(c.phone or 'geen nummer')} · {escape(c.name)}"
        for c in entry.contacts
    ]
    if entry.parents_withheld:
        lines.append(f"<i>{WITHHELD}</i>")
    return "<br/>".join(lines)


def _reason_text(entry: BellijstEntry) -> str:
    text = "<br/>".join(escape(line) for line in compact_texts(entry.reasons))
    if entry.calls:
        last = entry.calls[-1]
        text += (
            f"<br/><b>Al gebeld {last.called_at:%H:%M}: "
            f"{escape(OUTCOME_LABEL.get(Outcome(last.outcome), last.outcome))}</b>"
        )
    return text


class _Checkpoint(Flowable):
    """An invisible flowable that reports progress and honours cancel while the PDF is laid out
    (the slow part for a long list)."""

    def __init__(self, done: int, total: int, progress: Progress, cancel: Cancel) -> None:
        super().__init__()
        self.done, self.total, self.progress, self.cancel = done, total, progress, cancel
        self.width = self.height = 0

    def draw(self) -> None:
        check(self.cancel)
        self.progress(self.done, self.total, "bellijst opmaken")


def _row_table(cells: list[object], style: TableStyle) -> Table:
    table = Table([cells], colWidths=WIDTHS)
    table.setStyle(style)
    return table


def render_bellijst_pdf(
    bellijst: Bellijst,
    target: Path | BinaryIO,
    progress: Progress = no_progress,
    cancel: Cancel = never_cancel,
) -> None:
    """Write the bellijst as PDF to a path or a binary file.

    Every row is its own one-row table and the column header is drawn by the page template:
    one long table would be re-split on every page, which makes a list of thousands take
    minutes instead of seconds."""
    style = styles()
    total = len(bellijst.entries)
    title = f"Bellijst {dutch_date(bellijst.on)}"
    selection = bellijst.selection
    if selection.active:
        title += f" · {selection.description}"
    school = bellijst.school_name or "School"
    page_width, page_height = landscape(A4)
    header = _row_table(
        [Paragraph(c, style["head"]) for c in COLUMNS],
        TableStyle([*_CELL_STYLE, ("BACKGROUND", (0, 0), (-1, -1), HEADER_FILL)]),
    )
    _, header_height = header.wrap(page_width, page_height)
    summary = (
        f"{total} leerling{'en' if total != 1 else ''}, {bellijst.called_text}, "
        "meest dringend bovenaan."
        + (
            f" Alleen {escape(selection.description)}; # is de plaats op de hele bellijst."
            if selection.active
            else ""
        )
        + ("" if bellijst.is_lesdag else " Let op: dit is geen lesdag.")
    )
    heading = [
        Paragraph(escape(school), style["muted"]),
        Paragraph(escape(title), style["title"]),
        Paragraph(summary, style["muted"]),
    ]
    heading_height = sum(p.wrap(page_width - 2 * MARGIN, page_height)[1] for p in heading) + 4 * mm

    def draw_header(canvas: Canvas, top: float) -> None:
        header.drawOn(canvas, MARGIN, top - header_height)

    def first_page(canvas: Canvas, _doc: object) -> None:
        top = page_height - MARGIN
        for paragraph in heading:
            _, height = paragraph.wrap(page_width - 2 * MARGIN, page_height)
            paragraph.drawOn(canvas, MARGIN, top - height)
            top -= height
        draw_header(canvas, top - 4 * mm)

    def later_page(canvas: Canvas, _doc: object) -> None:
        draw_header(canvas, page_height - MARGIN)

    def frame(top_offset: float) -> Frame:
        bottom = 16 * mm
        return Frame(
            MARGIN,
            bottom,
            page_width - 2 * MARGIN,
            page_height - MARGIN - top_offset - bottom,
            leftPadding=0,
            rightPadding=0,
            topPadding=0,
            bottomPadding=0,
        )

    doc = BaseDocTemplate(
        str(target) if isinstance(target, Path) else target,  # ReportLab wants str, not Path
        pagesize=landscape(A4),
        title=title,
        author=school,
        subject="bellijst",
        creator="verzuimdesk",
        invariant=1,
        initialFontName=FONT,  # so no unembedded Helvetica ends up in the file
    )
    doc.addPageTemplates(
        [
            PageTemplate(
                "eerste",
                [frame(heading_height + header_height)],
                onPage=first_page,
                autoNextPageTemplate="volgende",
            ),
            PageTemplate("volgende", [frame(header_height)], onPage=later_page),
        ]
    )
    row_style = TableStyle(_CELL_STYLE)
    story: list[Flowable] = []
    for done, entry in enumerate(bellijst.entries, start=1):
        story.append(
            _row_table(
                [
                    Paragraph(str(entry.position), style["small"]),
                    Paragraph(
                        f"<b>{escape(entry.sort_name)}</b><br/>{escape(entry.leerlingnummer)}"
                        f" · {entry.age} jaar",
                        style["small"],
                    ),
                    Paragraph(escape(entry.klas), style["small"]),
                    Paragraph(_reason_text(entry), style["small"]),
                    Paragraph(_contacts_text(entry), style["small"]),
                    "",
                ],
                row_style,
            )
        )
        if done % 50 == 0:
            story.append(_Checkpoint(done, total, progress, cancel))
    if total == 0:
        story.append(
            _row_table(
                [
                    "",
                    Paragraph(
                        "Niemand te bellen met dit filter."
                        if selection.active
                        else "Niemand te bellen.",
                        style["small"],
                    ),
                    "",
                    "",
                    "",
                    "",
                ],
                row_style,
            )
        )
    doc.build(story, canvasmaker=numbered_canvas(f"{school} · {title} · vertrouwelijk"))
    progress(total, total, "bellijst opgemaakt")
