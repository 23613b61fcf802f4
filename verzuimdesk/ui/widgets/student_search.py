"""The student search field every dialog uses: type any part, arrows to pick, Enter to choose.

The list of hits is a `StudentHitModel` (a table model over `StudentHit` values from
`services.search`). Focus stays in the line edit: Up/Down move through the hits, Enter chooses,
Escape clears. One index is shared per application bus and rebuilt when students change.
"""

from __future__ import annotations

import threading
from weakref import WeakKeyDictionary

from PySide6.QtCore import (
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from verzuimdesk.services.changes import Changes
from verzuimdesk.services.context import Context
from verzuimdesk.services.search import StudentHit, StudentIndex, build_index
from verzuimdesk.ui.bus import AppBus
from verzuimdesk.ui.models.rows import Column, RowsModel

SHOWN_HITS = 12

_Index = QModelIndex | QPersistentModelIndex


class SharedStudentIndex(QObject):
    """The one index of an application: built on first use, dropped when students change."""

    def __init__(self, ctx: Context, bus: AppBus) -> None:
        super().__init__(bus)
        self._ctx = ctx
        self._index: StudentIndex | None = None
        self._building: threading.Thread | None = None
        bus.changed.connect(self._on_changed)

    def _on_changed(self, changes: Changes) -> None:
        if changes.students:
            self._index = None
            self.prefetch()

    def prefetch(self) -> None:
        """Build the index in the background (about 2 s for 20,000 students), so the first
        keystroke does not wait; `index()` waits for a build that is under way."""
        if self._index is not None or self._building is not None:
            return

        def build() -> None:
            self._index = build_index(self._ctx)

        self._building = threading.Thread(target=build, name="verzuimdesk: zoekindex", daemon=True)
        self._building.start()

    def index(self) -> StudentIndex:
        if self._building is not None:
            self._building.join()
            self._building = None
        if self._index is None:
            self._index = build_index(self._ctx)
        return self._index

    def search(self, query: str, limit: int = SHOWN_HITS) -> list[StudentHit]:
        return self.index().search(query, limit)


_shared: WeakKeyDictionary[AppBus, SharedStudentIndex] = WeakKeyDictionary()


def shared_index(ctx: Context, bus: AppBus) -> SharedStudentIndex:
    if bus not in _shared:
        _shared[bus] = SharedStudentIndex(ctx, bus)
    return _shared[bus]


HIT_COLUMNS: tuple[Column[StudentHit], ...] = (
    Column("Naam", lambda h: h.name, lambda h: h.name, lambda h: h.opleiding),
    Column("Klas", lambda h: h.klas, lambda h: h.klas),
    Column("Leerlingnr.", lambda h: h.leerlingnummer, lambda h: h.leerlingnummer),
    Column("Geboren", lambda h: h.geboortedatum.strftime("%d-%m-%Y"), lambda h: h.geboortedatum),
    Column("Leeftijd", lambda h: f"{h.age} jaar", lambda h: h.age),
)


class StudentHitModel(RowsModel[StudentHit]):
    """The ranked hits, in the service's order (the list is never re-sorted)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(HIT_COLUMNS, parent)


class StudentSearchField(QWidget):
    """A line edit with a list of matching students under it; emits `student_chosen(id)`."""

    student_chosen = Signal(int)
    choice_cleared = Signal()

    def __init__(self, ctx: Context, bus: AppBus, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._index = shared_index(ctx, bus)
        self._chosen: StudentHit | None = None

        self.edit = QLineEdit(self)
        self.edit.setPlaceholderText("Naam, leerlingnummer, klas of geboortedatum (12-03-2009)")
        self.edit.setClearButtonEnabled(True)
        self.edit.setAccessibleName("Leerling zoeken")
        self.model = StudentHitModel(self)
        self.list = QTableView(self)
        self.list.setModel(self.model)
        self.list.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.list.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the keyboard stays in the field
        self.list.verticalHeader().hide()
        self.list.setShowGrid(False)
        self.list.setAlternatingRowColors(True)
        header = self.list.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.list.setMinimumHeight(self.fontMetrics().height() * 8)
        self.list.hide()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.edit)
        layout.addWidget(self.list)
        self.setFocusProxy(self.edit)

        self.edit.textEdited.connect(self._on_text_edited)
        self.edit.installEventFilter(self)
        self.list.clicked.connect(lambda idx: self._choose_row(idx.row()))
        self.list.doubleClicked.connect(lambda idx: self._choose_row(idx.row()))

    # -- what callers use ----------------------------------------------------------------

    @property
    def chosen(self) -> StudentHit | None:
        return self._chosen

    def choose(self, student_id: int) -> None:
        """Preselect a student (a page that already knows who)."""
        hit = self._index.index().hit(student_id)
        if hit is not None:
            self._set_choice(hit)

    def reset(self) -> None:
        self._chosen = None
        self.edit.clear()
        self.model.set_rows([])
        self.list.hide()

    # -- behaviour -------------------------------------------------------------------------

    def _on_text_edited(self, text: str) -> None:
        if self._chosen is not None:
            self._chosen = None
            self.choice_cleared.emit()
        hits = self._index.search(text, SHOWN_HITS)
        self.model.set_rows(hits)
        self.list.setVisible(bool(hits))
        if hits:
            self.list.selectRow(0)

    def _move(self, step: int) -> None:
        rows = self.model.rowCount()
        if not rows:
            if self.edit.text():
                self._on_text_edited(self.edit.text())
            return
        current = self.list.currentIndex().row()
        target = max(0, min(rows - 1, (current if current >= 0 else -1) + step))
        self.list.selectRow(target)

    def _choose_row(self, row: int) -> None:
        hit = self.model.row(row)
        if hit is not None:
            self._set_choice(hit)

    def _set_choice(self, hit: StudentHit) -> None:
        self._chosen = hit
        self.edit.setText(f"{hit.name} ({hit.klas}, {hit.leerlingnummer})")
        self.model.set_rows([])
        self.list.hide()
        self.student_chosen.emit(hit.id)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.edit and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            key = event.key()
            if key == Qt.Key.Key_Down:
                self._move(1)
                return True
            if key == Qt.Key.Key_Up:
                self._move(-1)
                return True
            if key in (Qt.Key.Key_PageDown, Qt.Key.Key_PageUp) and self.model.rowCount():
                self._move(5 if key == Qt.Key.Key_PageDown else -5)
                return True
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.list.isVisible():
                self._choose_row(self.list.currentIndex().row())
                return True
            if key == Qt.Key.Key_Escape and self.list.isVisible():
                self.model.set_rows([])
                self.list.hide()
                return True
        return super().eventFilter(watched, event)
