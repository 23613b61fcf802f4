"""What the desk's list pages share: the table form, a sort proxy, Enter to open, buttons."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QEvent, QObject, QSortFilterProxyModel, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import QHeaderView, QPushButton, QWidget

from verzuimdesk.services.context import Context
from verzuimdesk.ui.bus import AppBus
from verzuimdesk.ui.generated.ui_table_page import Ui_TablePage
from verzuimdesk.ui.models.rows import Column, RowsModel, SortRole
from verzuimdesk.ui.pages.base import Page


class TablePageBase(Page):
    def __init__(
        self,
        ctx: Context,
        bus: AppBus,
        parent: QWidget | None,
        columns: Sequence[Column[Any]],
    ) -> None:
        super().__init__(ctx, bus, parent)
        self.ui = Ui_TablePage()
        self.ui.setupUi(self)
        self._columns = list(columns)
        self.model: RowsModel[Any] = RowsModel(columns, self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SortRole)
        self.ui.table.setModel(self.proxy)
        # the last column (a free text such as a reason) takes the width the others leave, so
        # the page never scrolls sideways at 1366 pixels; the user may still drag columns
        header = self.ui.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self.ui.table.setWordWrap(False)
        self.ui.table.installEventFilter(self)
        self.ui.table.doubleClicked.connect(lambda _i: self.activate())

    def add_button(
        self, text: str, slot: Callable[[], None], shortcut: str | None = None
    ) -> QPushButton:
        button = QPushButton(text, self)
        button.clicked.connect(slot)
        self.ui.buttonRow.addWidget(button)
        if shortcut:
            QShortcut(
                QKeySequence(shortcut),
                self,
                slot,
                context=Qt.ShortcutContext.WidgetWithChildrenShortcut,
            )
        return button

    def finish_buttons(self) -> None:
        self.ui.buttonRow.addStretch(1)

    def current(self) -> Any | None:
        index = self.ui.table.currentIndex()
        if not index.isValid():
            return None
        return self.model.row(self.proxy.mapToSource(index).row())

    def show_rows(self, rows: Sequence[Any], empty_text: str) -> None:
        self.model.set_rows(rows)
        self._fit_columns()
        self.ui.table.setVisible(bool(rows))
        self.ui.empty.setVisible(not rows)
        self.ui.empty.setText(empty_text)
        if rows and not self.ui.table.currentIndex().isValid():
            self.ui.table.selectRow(0)

    def _fit_columns(self) -> None:
        """Each column as wide as its contents, but no wider than its `max_chars`."""
        view = self.ui.table
        view.resizeColumnsToContents()
        char = view.fontMetrics().averageCharWidth()
        for position, column in enumerate(self._columns[:-1]):
            if column.max_chars is not None:
                view.setColumnWidth(
                    position, min(view.columnWidth(position), column.max_chars * char)
                )

    def activate(self) -> None:
        """Enter or double-click on a row."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.ui.table and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.activate()
                return True
        return super().eventFilter(watched, event)
