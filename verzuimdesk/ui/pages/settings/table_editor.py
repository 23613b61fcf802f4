"""A section that edits a small table in place and saves all rows at once (lestijden, codes).

Keyboard: F2 or typing edits a cell, Enter confirms; Ctrl+N adds a row, Delete removes the chosen
row, Ctrl+S saves. Subclasses name the columns, fill rows from the service and turn the typed
rows into the service's values (raising ValidationError naming the row to fix).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from verzuimdesk.services.context import Context
from verzuimdesk.ui.bus import AppBus
from verzuimdesk.ui.pages.settings.section import Section


class TableEditorSection(Section):
    columns: ClassVar[tuple[str, ...]] = ()
    stretch_column: ClassVar[int] = -1

    def __init__(self, ctx: Context, bus: AppBus, parent: QWidget | None = None) -> None:
        super().__init__(ctx, bus, parent)
        self.table = QTableWidget(0, len(self.columns), self)
        self.table.setHorizontalHeaderLabels(list(self.columns))
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
            | QAbstractItemView.EditTrigger.DoubleClicked
        )
        header = self.table.horizontalHeader()
        for column in range(len(self.columns)):
            header.setSectionResizeMode(
                column,
                QHeaderView.ResizeMode.Stretch
                if column == self.stretch_column % len(self.columns)
                else QHeaderView.ResizeMode.ResizeToContents,
            )
        self.body.addWidget(self.table, 1)
        buttons = QHBoxLayout()
        self.add_button = QPushButton("Regel &toevoegen", self)
        self.add_button.setShortcut(QKeySequence("Ctrl+N"))
        self.add_button.setToolTip("Een regel toevoegen (Ctrl+N)")
        self.remove_button = QPushButton("Regel &verwijderen", self)
        self.remove_button.setToolTip("De gekozen regel verwijderen (Delete)")
        self.save_button = QPushButton("&Opslaan", self)
        self.save_button.setShortcut(QKeySequence("Ctrl+S"))
        self.save_button.setToolTip("Alle regels opslaan (Ctrl+S)")
        self.undo_button = QPushButton("Wijzigingen &ongedaan maken", self)
        for button in (self.add_button, self.remove_button, self.save_button, self.undo_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        self.body.addLayout(buttons)
        self.add_button.clicked.connect(self.add_row)
        self.remove_button.clicked.connect(self.remove_row)
        self.save_button.clicked.connect(self.save)
        self.undo_button.clicked.connect(self.refresh)
        remove = QShortcut(QKeySequence(Qt.Key.Key_Delete), self.table)
        remove.setContext(Qt.ShortcutContext.WidgetShortcut)
        remove.activated.connect(self.remove_row)

    # -- for subclasses ----------------------------------------------------------------------

    def rows(self) -> list[Sequence[str]]:
        """The stored rows as text, one cell per column."""
        raise NotImplementedError

    def new_row(self) -> Sequence[str]:
        return [""] * len(self.columns)

    def store(self, typed: list[tuple[int, list[str]]]) -> object:
        """Check the typed rows (line number, cells) and save them; returns the Changes."""
        raise NotImplementedError

    # -- the table ---------------------------------------------------------------------------

    def load(self) -> None:
        self.table.setRowCount(0)
        for cells in self.rows():
            self._append(cells)

    def _append(self, cells: Sequence[str]) -> int:
        row = self.table.rowCount()
        self.table.insertRow(row)
        for column, text in enumerate(cells):
            self.table.setItem(row, column, QTableWidgetItem(text))
        return row

    def typed(self) -> list[tuple[int, list[str]]]:
        result = []
        for row in range(self.table.rowCount()):
            cells = []
            for column in range(self.table.columnCount()):
                item = self.table.item(row, column)
                cells.append(item.text().strip() if item is not None else "")
            if any(cells):  # an empty row added and left is not a mistake
                result.append((row + 1, cells))
        return result

    def add_row(self) -> None:
        row = self._append(self.new_row())
        self.table.setFocus()
        self.table.setCurrentCell(row, 0)

    def remove_row(self) -> None:
        row = self.table.currentRow()
        if row < 0:
            self.say("Kies eerst een regel.")
            return
        self.table.removeRow(row)
        self.say("Regel verwijderd; kies Opslaan (Ctrl+S) om dat vast te leggen.")

    def save(self) -> None:
        typed = self.typed()
        if self.attempt(lambda: self.store(typed)) is not None:
            self.load()

    def focus_field(self, field: str) -> None:
        """A ValidationError names the row as 'regel N' in its field: select that row."""
        if field.startswith("regel "):
            row = int(field.split()[1]) - 1
            if 0 <= row < self.table.rowCount():
                self.table.setCurrentCell(row, 0)
        self.table.setFocus()
