"""Verzuimbrieven on paper: A4 for a window envelope, letterhead, reference number and date,
page numbers on letters longer than a page, embedded fonts (DejaVu).

A letter is drawn only from its `content` (a plain dict, archived as JSON) and the logos it
names, with ReportLab's invariant mode: the same content gives the same bytes, which is how an
archived letter is printed again identically (R-BRIEF-ARCHIEF). Many letters go into one
document in one pass (a batch); a letter alone into its own document (the archive's copy).
"""

from __future__ import annotations

import io
from collections.abc import Callable, Mapping, Sequence
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    KeepTogether,
    NextPageTemplate,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
)

from verzuimdesk.services.printing.styles import FONT, FONT_BOLD, MUTED, register_fonts
from verzuimdesk.services.progress import Cancel, Progress, check, never_cancel, no_progress

PAGE_W, PAGE_H = A4
LEFT = 25 * mm
RIGHT = 20 * mm
BODY_TOP_FIRST = 108 * mm  # below the address block and the date/kenmerk lines
BODY_TOP_LATER = 25 * mm
BOTTOM = 22 * mm

Content = Mapping[str, Any]


def _styles() -> dict[str, ParagraphStyle]:
    register_fonts()
    body = ParagraphStyle("letter", fontName=FONT, fontSize=10.5, leading=14.5, spaceAfter=7)
    return {
        "body": body,
        "subject": ParagraphStyle("subject", parent=body, fontName=FONT_BOLD, spaceAfter=12),
        "head": ParagraphStyle("lhead", parent=body, fontName=FONT_BOLD, spaceBefore=4),
        "item": ParagraphStyle("item", parent=body, leftIndent=14, bulletIndent=3, spaceAfter=3),
        "sign": ParagraphStyle("sign", parent=body, spaceAfter=0),
    }


class _LetterStart(Flowable):
    """Zero-size marker at the start of each letter: draws the first page's letterhead, address
    block and date/kenmerk line at their absolute places, and tells the canvas a letter begins
    (for "pagina 1 van 2")."""

    def __init__(self, content: Content, logos: Mapping[str, bytes]) -> None:
        super().__init__()
        self.content = content
        self.logos = logos
        self.width = self.height = 0

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        return 0, 0

    def drawOn(self, canvas: Canvas, x: float, y: float, _sW: float = 0) -> None:
        canvas.saveState()
        draw_first_page(canvas, self.content, self.logos)
        canvas.restoreState()
        if isinstance(canvas, _LetterCanvas):
            canvas.begin_letter(self.content.get("reference", ""))

    def draw(self) -> None:  # drawn in drawOn
        pass


def _text(
    canvas: Canvas,
    x: float,
    y: float,
    text: str,
    size: float = 9,
    bold: bool = False,
    right: bool = False,
) -> None:
    canvas.setFont(FONT_BOLD if bold else FONT, size)
    if right:
        canvas.drawRightString(x, y, text)
    else:
        canvas.drawString(x, y, text)


def draw_first_page(canvas: Canvas, content: Content, logos: Mapping[str, bytes]) -> None:
    head = content["letterhead"]
    block = content["block"]
    # letterhead, top right: logo, then the school's name and contact lines
    top = PAGE_H - 15 * mm
    logo = logos.get(head.get("logo_sha") or "")
    if logo:
        reader = ImageReader(io.BytesIO(logo))
        iw, ih = reader.getSize()
        height = 18 * mm
        width = min(60 * mm, iw * height / ih)
        height = width * ih / iw
        canvas.drawImage(reader, PAGE_W - RIGHT - width, top - height, width, height, mask="auto")
        top -= height + 4 * mm
    canvas.setFillColor(MUTED)
    x = PAGE_W - RIGHT
    y = top - 4 * mm
    if head.get("school_naam"):
        canvas.setFillColorRGB(0, 0, 0)
        _text(canvas, x, y, head["school_naam"], 11, bold=True, right=True)
        canvas.setFillColor(MUTED)
        y -= 4.5 * mm
    for line in (
        head.get("adres"),
        head.get("postcode_plaats"),
        head.get("telefoon") and f"T {head['telefoon']}",
        head.get("email"),
        head.get("website"),
    ):
        if line:
            _text(canvas, x, y, line, 8.5, right=True)
            y -= 4 * mm
    # the address block of the window envelope; the text keeps 5 mm from the field's edge
    left = block["left_mm"] * mm + 5 * mm
    field_top = PAGE_H - block["top_mm"] * mm
    note_bottom = field_top - block["note_zone_mm"] * mm
    canvas.setFillColor(MUTED)
    retour = ", ".join(
        p for p in (head.get("school_naam"), head.get("adres"), head.get("postcode_plaats")) if p
    )
    if retour:
        _text(canvas, left, field_top - 5 * mm, f"Retour: {retour}", 6.5)
    canvas.setFillColorRGB(0, 0, 0)
    if content.get("registered"):
        _text(canvas, left, note_bottom + 2.5 * mm, "AANGETEKEND", 9, bold=True)
    y = note_bottom - 4.5 * mm
    for line in content["address"]:
        _text(canvas, left, y, line, 10)
        y -= 4.6 * mm
    # date, kenmerk, and who to contact, below the address block
    y = PAGE_H - 96 * mm
    _text(canvas, LEFT, y, "Datum", 8, bold=True)
    _text(canvas, LEFT + 45 * mm, y, "Kenmerk", 8, bold=True)
    _text(canvas, LEFT + 95 * mm, y, "Contact", 8, bold=True)
    y -= 4.2 * mm
    _text(canvas, LEFT, y, content["date_text"], 9)
    _text(canvas, LEFT + 45 * mm, y, content["reference"], 9)
    contact = content.get("contact") or ""
    _text(canvas, LEFT + 95 * mm, y, contact, 9)


class _LetterCanvas(Canvas):
    """Keeps the pages until save() to write "pagina 2 van 3" on letters longer than a page
    (a batch holds many letters: each counts its own pages)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._pages: list[dict[str, Any]] = []
        self._letters: list[list[int]] = []  # per letter, the indexes of its pages
        self._reference: list[str] = []

    def begin_letter(self, reference: str) -> None:
        self._letters.append([])
        self._reference.append(reference)

    def showPage(self) -> None:
        if self._letters:
            self._letters[-1].append(len(self._pages))
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        footers: dict[int, str] = {}
        for reference, pages in zip(self._reference, self._letters, strict=True):
            if len(pages) > 1:
                for n, index in enumerate(pages, 1):
                    footers[index] = f"{reference} · pagina {n} van {len(pages)}"
        for index, state in enumerate(self._pages):
            self.__dict__.update(state)
            footer = footers.get(index)
            if footer:
                self.setFont(FONT, 8)
                self.setFillColor(MUTED)
                self.drawRightString(PAGE_W - RIGHT, 12 * mm, footer)
            super().showPage()
        super().save()


def _story(
    content: Content, logos: Mapping[str, bytes], st: dict[str, ParagraphStyle]
) -> list[Flowable]:
    story: list[Flowable] = [_LetterStart(content, logos), NextPageTemplate("later")]
    story.append(Paragraph(f"Betreft: {escape(content['subject'])}", st["subject"]))
    for kind, text in content["blocks"]:
        if kind == "h":
            story.append(Paragraph(escape(text), st["head"]))
        elif kind == "li":
            story.append(Paragraph(escape(text), st["item"], bulletText="•"))
        else:
            story.append(Paragraph(escape(text), st["body"]))
    signature = content.get("signature") or {}
    lines = [escape(x) for x in (signature.get("name"), signature.get("function")) if x]
    school = content["letterhead"].get("school_naam")
    if school:
        lines.append(escape(school))
    if lines:
        story.append(KeepTogether([Spacer(1, 10 * mm), Paragraph("<br/>".join(lines), st["sign"])]))
    return story


def _doc(buffer: io.BytesIO, title: str) -> BaseDocTemplate:
    doc = BaseDocTemplate(
        buffer,
        pagesize=A4,
        invariant=1,
        title=title,
        author="verzuimdesk",
        creator="verzuimdesk",
        leftMargin=LEFT,
        rightMargin=RIGHT,
        topMargin=BODY_TOP_LATER,
        bottomMargin=BOTTOM,
    )
    width = PAGE_W - LEFT - RIGHT
    # no padding: the body lines up with the address and the date line at 25 mm
    pad = {"leftPadding": 0, "rightPadding": 0, "topPadding": 0, "bottomPadding": 0}
    first = Frame(LEFT, BOTTOM, width, PAGE_H - BODY_TOP_FIRST - BOTTOM, id="first", **pad)
    later = Frame(LEFT, BOTTOM, width, PAGE_H - BODY_TOP_LATER - BOTTOM, id="later", **pad)
    doc.addPageTemplates(
        [PageTemplate(id="first", frames=[first]), PageTemplate(id="later", frames=[later])]
    )
    return doc


class _Checkpoint(Flowable):
    """Reports progress and honours cancel while a batch is laid out."""

    def __init__(self, done: int, total: int, progress: Progress, cancel: Cancel) -> None:
        super().__init__()
        self.done, self.total, self.progress, self.cancel = done, total, progress, cancel
        self.width = self.height = 0

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        check(self.cancel)
        self.progress(self.done, self.total, "brieven opmaken")


def render_letters(
    contents: Sequence[Content],
    logos: Mapping[str, bytes],
    *,
    title: str = "Verzuimbrieven",
    progress: Progress = no_progress,
    cancel: Cancel = never_cancel,
) -> bytes:
    """Every letter in one PDF, each starting on a new page."""
    st = _styles()
    buffer = io.BytesIO()
    doc = _doc(buffer, title)
    story: list[Flowable] = []
    for index, content in enumerate(contents):
        if index:
            story += [NextPageTemplate("first"), PageBreak()]
        story.append(_Checkpoint(index, len(contents), progress, cancel))
        story += _story(content, logos, st)
    canvasmaker: Callable[..., Canvas] = _LetterCanvas
    doc.build(story, canvasmaker=canvasmaker)
    progress(len(contents), len(contents), "brieven opmaken")
    return buffer.getvalue()


def render_letter(content: Content, logos: Mapping[str, bytes]) -> bytes:
    """One letter alone: the archived copy whose SHA-256 is its fingerprint."""
    return render_letters([content], logos, title=f"Brief {content.get('reference', '')}")


def render_calibration(block: Mapping[str, float], letterhead: Mapping[str, Any]) -> bytes:
    """A test page: the address field drawn as a frame with its measurements, the fold marks, and
    a sample address, to print on plain paper and hold against a window envelope."""
    register_fonts()
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=A4, invariant=1)
    canvas.setTitle("Kalibratiepagina adresvak")
    left = block["left_mm"] * mm
    top = PAGE_H - block["top_mm"] * mm
    width, height = block["width_mm"] * mm, block["height_mm"] * mm
    canvas.setLineWidth(0.6)
    canvas.rect(left, top - height, width, height)
    canvas.setDash(2, 2)
    canvas.line(
        left, top - block["note_zone_mm"] * mm, left + width, top - block["note_zone_mm"] * mm
    )
    canvas.setDash()
    # fold marks (DIN 5008: 105 and 210 mm) and the hole mark (148.5 mm)
    for y_mm, length in ((105, 5), (210, 5), (148.5, 8)):
        y = PAGE_H - y_mm * mm
        canvas.line(3 * mm, y, (3 + length) * mm, y)
    _text(canvas, left + 2 * mm, top - 5 * mm, "Retour: zone voor retouradres en 'Aangetekend'", 7)
    y = top - block["note_zone_mm"] * mm - 4.5 * mm
    for line in ("Familie Voorbeeld", "Proefstraat 1", "1234 AB  VOORBEELDSTAD"):
        _text(canvas, left + 5 * mm, y, line, 10)  # where a letter puts the address
        y -= 4.6 * mm
    info = PAGE_H - 150 * mm
    lines = [
        "Kalibratiepagina voor het adresvak (vensterenvelop)",
        "",
        f"Adresvak: {block['left_mm']:g} mm van links, {block['top_mm']:g} mm van boven, "
        f"{block['width_mm']:g} × {block['height_mm']:g} mm.",
        "Print deze pagina op gewoon papier, vouw haar langs de streepjes links en steek haar",
        "in een vensterenvelop. Valt het adres niet helemaal in het venster, pas dan onder",
        "Instellingen > Brieven de afstanden aan en print opnieuw.",
    ]
    if letterhead.get("school_naam"):
        lines.append(f"School: {letterhead['school_naam']}")
    for index, line in enumerate(lines):
        _text(canvas, LEFT, info - index * 5 * mm, line, 10, bold=index == 0)
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()
