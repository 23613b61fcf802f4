"""A page for a part of the program that is not built yet: says so instead of showing nothing."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from verzuimdesk.services.context import Context
from verzuimdesk.ui.bus import AppBus
from verzuimdesk.ui.pages.base import Page


class PlaceholderPage(Page):
    def __init__(
        self, ctx: Context, bus: AppBus, parent: QWidget | None = None, *, title: str = ""
    ) -> None:
        super().__init__(ctx, bus, parent)
        heading = QLabel(f"<h2>{title}</h2>", self)
        message = QLabel("Dit onderdeel komt in een volgende versie.", self)
        message.setObjectName("placeholderMessage")
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        for label in (heading, message):
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            layout.addWidget(label)
        layout.addStretch(2)

    def load(self) -> None:
        """Nothing to show yet."""
