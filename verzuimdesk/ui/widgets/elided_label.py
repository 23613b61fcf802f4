"""A one-line label that ends in "…" when its text does not fit, instead of widening the window.

Used for texts whose length depends on the data (the bellijst progress with a long opleiding
name in its filter) in bars that must fit 1366 pixels. `text()` stays the whole text (and the
tooltip repeats it), only the painting is shortened; promoted in Designer with header
`verzuimdesk.ui.widgets.elided_label`.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QPainter, QPaintEvent
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget

MINIMUM_WIDTH = 60


class ElidedLabel(QLabel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)

    def setText(self, text: str) -> None:
        super().setText(text)
        self.setToolTip(text)

    def minimumSizeHint(self) -> QSize:
        return QSize(MINIMUM_WIDTH, super().minimumSizeHint().height())

    def sizeHint(self) -> QSize:
        # not the text's width: a hint that follows the text makes the window re-divide its
        # width (the navigation list jumped) at every change; Expanding takes the room there is
        return QSize(MINIMUM_WIDTH, super().sizeHint().height())

    def paintEvent(self, event: QPaintEvent) -> None:
        rect = self.contentsRect()
        text = self.fontMetrics().elidedText(self.text(), Qt.TextElideMode.ElideRight, rect.width())
        painter = QPainter(self)
        painter.setPen(self.palette().color(self.foregroundRole()))
        painter.drawText(rect, int(self.alignment() | Qt.AlignmentFlag.AlignVCenter), text)
