"""The look every verzuimdesk printout shares: embedded DejaVu fonts, paragraph styles, colours,
and a page frame with header, footer and "pagina X van Y".

The fonts are bundled in resources/fonts (free licence, see the README there) and embedded, so a
printout looks the same on every machine; ReportLab's own Helvetica is not embedded.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

from verzuimdesk import paths

FONT = "DejaVuSansCondensed"
FONT_BOLD = "DejaVuSansCondensed-Bold"
MARGIN = 15 * mm
GRID = colors.HexColor("#9aa5b1")
HEADER_FILL = colors.HexColor("#e4e9ef")
MUTED = colors.HexColor("#52606d")


def register_fonts() -> None:
    """Register the bundled fonts once per process."""
    if FONT in pdfmetrics.getRegisteredFontNames():
        return
    folder = paths.resources_dir() / "fonts"
    pdfmetrics.registerFont(TTFont(FONT, str(folder / f"{FONT}.ttf")))
    pdfmetrics.registerFont(TTFont(FONT_BOLD, str(folder / f"{FONT_BOLD}.ttf")))
    pdfmetrics.registerFontFamily(
        FONT, normal=FONT, bold=FONT_BOLD, italic=FONT, boldItalic=FONT_BOLD
    )


def styles() -> dict[str, ParagraphStyle]:
    register_fonts()
    body = ParagraphStyle("body", fontName=FONT, fontSize=9, leading=11)
    return {
        "body": body,
        "small": ParagraphStyle("small", parent=body, fontSize=8, leading=9.5),
        "muted": ParagraphStyle("muted", parent=body, fontSize=8, leading=9.5, textColor=MUTED),
        "bold": ParagraphStyle("bold", parent=body, fontName=FONT_BOLD),
        "head": ParagraphStyle("head", parent=body, fontName=FONT_BOLD, fontSize=8, leading=9.5),
        "title": ParagraphStyle("title", parent=body, fontName=FONT_BOLD, fontSize=14, leading=17),
    }


class NumberedCanvas(Canvas):
    """A canvas that knows the page count when it draws the footers ("pagina 2 van 5"):
    pages are kept until save(), then each gets its footer."""

    footer_text = ""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._saved_pages: list[dict[str, Any]] = []

    def showPage(self) -> None:
        self._saved_pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._saved_pages)
        for state in self._saved_pages:
            self.__dict__.update(state)
            self._draw_footer(total)
            super().showPage()
        super().save()

    def _draw_footer(self, total: int) -> None:
        width, _ = self._pagesize
        self.setFont(FONT, 8)
        self.setFillColor(MUTED)
        self.drawString(MARGIN, 9 * mm, self.footer_text)
        self.drawRightString(width - MARGIN, 9 * mm, f"pagina {self._pageNumber} van {total}")


def numbered_canvas(footer: str) -> Callable[..., Canvas]:
    """A canvas maker for `doc.build(..., canvasmaker=...)` with this footer on every page."""
    register_fonts()
    return type("FooterCanvas", (NumberedCanvas,), {"footer_text": footer})


_DAYS = ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag")
_MONTHS = (
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
)


def dutch_date(day: date) -> str:
    """'vrijdag 10 juli 2026', without depending on the machine's locale."""
    return f"{_DAYS[day.weekday()]} {day.day} {_MONTHS[day.month - 1]} {day.year}"
