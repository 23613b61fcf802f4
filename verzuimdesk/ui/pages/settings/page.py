"""The Instellingen page: a list of sections on the left, the chosen section on the right.

Keyboard: the list takes the focus first, the arrow keys choose a section, Tab goes into it;
Ctrl+PgDown / Ctrl+PgUp choose the next / previous section from anywhere on the page.
"""

from __future__ import annotations

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from verzuimdesk.services.access import can
from verzuimdesk.services.context import Context
from verzuimdesk.ui.bus import AppBus
from verzuimdesk.ui.pages.base import Page, SettingKey
from verzuimdesk.ui.pages.settings.section import Section, SectionSpec
from verzuimdesk.ui.pages.settings.sections import SECTIONS

CURRENT_SECTION = SettingKey("section", "School")


class SettingsPage(Page):
    refreshes_on = frozenset({"settings"})
    settings_group = "instellingen"

    def __init__(
        self,
        ctx: Context,
        bus: AppBus,
        parent: QWidget | None = None,
        settings: QSettings | None = None,
        sections: tuple[SectionSpec, ...] = SECTIONS,
    ) -> None:
        super().__init__(ctx, bus, parent, settings)
        self.specs = [spec for spec in sections if can(ctx, spec.permission)]
        self.list = QListWidget(self)
        self.list.setObjectName("sectionList")
        self.list.setAccessibleName("Onderdelen van de instellingen")
        self.list.setFixedWidth(150)
        self.stack = QStackedWidget(self)
        self.heading = QLabel(self)
        self.sections: list[Section] = []
        for spec in self.specs:
            self.list.addItem(spec.title)
            section = spec.factory(ctx, bus)
            section.setObjectName(f"section-{spec.title}")
            # a long section scrolls instead of being cut off at 1366x768
            scroll = QScrollArea(self.stack)
            scroll.setWidgetResizable(True)
            scroll.setFrameShape(QScrollArea.Shape.NoFrame)
            scroll.setWidget(section)
            self.stack.addWidget(scroll)
            self.sections.append(section)
        right = QVBoxLayout()
        right.addWidget(self.heading)
        right.addWidget(self.stack, 1)
        layout = QHBoxLayout(self)
        layout.addWidget(self.list)
        layout.addLayout(right, 1)
        if not self.specs:
            self.heading.setText(
                "<h2>Instellingen</h2><p>Uw rol mag de instellingen van de school niet wijzigen."
                "</p>"
            )
        self.list.currentRowChanged.connect(self._show)
        for keys, step in (("Ctrl+PgDown", 1), ("Ctrl+PgUp", -1)):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(lambda step=step: self._step(step))
        titles = [spec.title for spec in self.specs]
        remembered = self.setting(CURRENT_SECTION)
        if titles:
            self.list.setCurrentRow(titles.index(remembered) if remembered in titles else 0)
        self.setFocusProxy(self.list)

    def _show(self, row: int) -> None:
        if row < 0:
            return
        self.stack.setCurrentIndex(row)
        self.heading.setText(f"<h2>{self.specs[row].title}</h2>")
        self.remember(CURRENT_SECTION, self.specs[row].title)
        if self.isVisible():
            self.sections[row].refresh_if_stale()

    def _step(self, step: int) -> None:
        if self.specs:
            self.list.setCurrentRow((self.list.currentRow() + step) % len(self.specs))

    def show_section(self, title: str) -> Section:
        row = [spec.title for spec in self.specs].index(title)
        self.list.setCurrentRow(row)
        return self.sections[row]

    def section(self, title: str) -> Section:
        return self.sections[[spec.title for spec in self.specs].index(title)]

    def load(self) -> None:
        row = self.list.currentRow()
        if row >= 0:
            self.sections[row].refresh_if_stale()
