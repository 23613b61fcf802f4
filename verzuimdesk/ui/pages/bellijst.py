"""The bellijst page: today's students to call, most urgent first, and logging a call in a few
keystrokes: Enter on a row, 1–4 for the outcome, Ctrl+Enter saves and moves to the next row.

Each call is saved (committed) the moment it is logged. The table is a light model over the
service's `BellijstEntry` values, sorted on raw values in `Qt.UserRole`.

Schools divide the phoning per klas or opleiding, so the list can be narrowed: Alt+F name or
leerlingnummer, Alt+K klas, Alt+P opleiding, Alt+L only those not yet called; Esc clears the
field it is pressed in (and on an empty field returns to the list). The proxy filters the rows
already loaded with the service's `BellijstFilter`, never a query per keystroke; printouts pass
the same filter to the service, so paper shows what the screen shows. Klas, opleiding and the
toggle are remembered (QSettings, "bellijst/…"); the typed text is not: it looks up one student
and would hide tomorrow's list.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from html import escape
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QDate,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSettings,
    QSortFilterProxyModel,
    Qt,
    QUrl,
)
from PySide6.QtGui import QColor, QDesktopServices, QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QHeaderView,
    QLineEdit,
    QRadioButton,
    QWidget,
)

from verzuimdesk.domain.bellijst import OUTCOME_LABEL, Outcome, ReasonKind
from verzuimdesk.domain.hours import format_hhmm
from verzuimdesk.errors import VerzuimdeskError
from verzuimdesk.services.bellijst import (
    NO_FILTER,
    Bellijst,
    BellijstEntry,
    BellijstFilter,
    build_bellijst,
    load_contacts,
)
from verzuimdesk.services.calls import (
    StudentContacts,
    Ziek6Offer,
    log_call,
    reregister_sick_as_oa,
)
from verzuimdesk.services.changes import Changes
from verzuimdesk.services.context import Context
from verzuimdesk.services.exporting.bellijst_xlsx import write_bellijst_xlsx
from verzuimdesk.services.printing.bellijst_pdf import render_bellijst_pdf
from verzuimdesk.services.progress import Cancel, Progress
from verzuimdesk.ui.bus import AppBus
from verzuimdesk.ui.errors_ui import OK_STYLE, WARNING_STYLE, show_error, show_inline
from verzuimdesk.ui.generated.ui_bellijst_page import Ui_BellijstPage
from verzuimdesk.ui.worker import run_with_progress

_Index = QModelIndex | QPersistentModelIndex

COLUMNS = ("#", "Leerling", "Klas", "Waarom bellen", "Eerst bellen", "OA 4 wk", "Gebeld")
COL_POSITION, COL_NAME, COL_KLAS, COL_REASON, COL_CONTACT, COL_WINDOW, COL_CALLED = range(7)
OUTCOME_KEYS = {
    Qt.Key.Key_1: Outcome.BEREIKT,
    Qt.Key.Key_2: Outcome.NIET_BEREIKT,
    Qt.Key.Key_3: Outcome.VOICEMAIL,
    Qt.Key.Key_4: Outcome.VERKEERD_NUMMER,
}
CALLED_COLOUR = QColor("#5f6b77")
SIGNAL_COLOUR = QColor("#a40000")
CONTACT_BLOCK = 100  # rows whose contacts are fetched together
REFRESH_ON = ("registrations", "calls", "conversations", "signals", "sick_reports", "students")
# QSettings keys, next to the main window's "mainwindow/…"
SETTING_KLAS = "bellijst/filter_klas"
SETTING_OPLEIDING = "bellijst/filter_opleiding"
SETTING_NOT_CALLED = "bellijst/filter_not_called"
ALL_KLASSEN = "alle klassen"
ALL_OPLEIDINGEN = "alle opleidingen"


def _first_contact(whom: StudentContacts) -> str:
    if not whom.contacts:
        return ""
    first = whom.contacts[0]
    return f"{first.role} {first.phone or '(geen nummer)'}"


def _called_text(entry: BellijstEntry) -> str:
    if not entry.calls:
        return ""
    last = entry.calls[-1]
    label = OUTCOME_LABEL.get(Outcome(last.outcome), last.outcome)
    more = f" ({len(entry.calls)}×)" if len(entry.calls) > 1 else ""
    return f"✓ {last.called_at:%H:%M} {label}{more}"


ContactLoader = Callable[[list[int]], dict[int, StudentContacts]]


class BellijstModel(QAbstractTableModel):
    """Light rows: the service's `BellijstEntry` values without contacts. Whom to call is
    fetched for a block of rows the first time one of them is shown (R-OUDERS applied by the
    service), so a list of thousands opens at once.

    The model sorts itself (on the same raw values it offers in `UserRole`): a proxy that sorts
    asks `data()` through Qt n·log n times, and re-sorts on every filter change, which took a
    second per keystroke for 2,400 rows; one Python sort with keys takes milliseconds."""

    def __init__(self, loader: ContactLoader, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._entries: tuple[BellijstEntry, ...] = ()
        self._loader = loader
        self._whom: dict[int, StudentContacts] = {}
        self._sort = (COL_POSITION, Qt.SortOrder.AscendingOrder)

    def set_entries(self, entries: tuple[BellijstEntry, ...]) -> None:
        self.beginResetModel()
        self._entries = self._sorted(entries, *self._sort)
        self._whom = {}
        self.endResetModel()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """A reset, not layoutAboutToBeChanged/layoutChanged: emitting those from Python drops a
        reference to True with PySide6 6.12 on Python 3.11 (see the report), and the page puts
        the chosen student back after any reset anyway."""
        if not 0 <= column < len(COLUMNS):
            return
        self._sort = (column, order)
        self.beginResetModel()
        self._entries = self._sorted(self._entries, column, order)
        self.endResetModel()

    @classmethod
    def _sorted(
        cls, entries: tuple[BellijstEntry, ...], column: int, order: Qt.SortOrder
    ) -> tuple[BellijstEntry, ...]:
        # the list comes in urgency order and Python's sort is stable, also reversed: equal
        # values (a klas) stay in urgency order
        by_urgency = sorted(entries, key=lambda e: e.position)
        descending = order == Qt.SortOrder.DescendingOrder
        return tuple(
            sorted(by_urgency, key=lambda e: cls._sort_value(e, column), reverse=descending)
        )

    def entry(self, row: int) -> BellijstEntry:
        return self._entries[row]

    def whom(self, row: int) -> StudentContacts:
        entry = self._entries[row]
        if entry.whom is not None:
            return entry.whom
        if entry.student_id not in self._whom:
            block = self._entries[row : row + CONTACT_BLOCK]
            self.prefetch([e.student_id for e in block])
        return self._whom.get(entry.student_id, StudentContacts((), False))

    def prefetch(self, student_ids: list[int]) -> None:
        """Whom to call for these students in one query: the rows a filter shows first lie
        scattered over the list, and fetching per block of the whole list would cost a query
        for each of them."""
        wanted = [sid for sid in student_ids if sid not in self._whom]
        if wanted:
            self._whom.update(self._loader(wanted))

    def row_of(self, student_id: int) -> int | None:
        for row, entry in enumerate(self._entries):
            if entry.student_id == student_id:
                return row
        return None

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self._entries)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[section]
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._entries):
            return None
        entry = self._entries[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == COL_CONTACT:
                return _first_contact(self.whom(index.row()))
            return self._display(entry, column)
        if role == Qt.ItemDataRole.UserRole:
            return self._sort_value(entry, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == COL_CONTACT:
                return "\n".join(
                    f"{c.label}: {c.phone or 'geen nummer'}"
                    for c in self.whom(index.row()).contacts
                )
            return self._tooltip(entry, column)
        if role == Qt.ItemDataRole.ForegroundRole:
            if entry.called:
                return CALLED_COLOUR
            if column == COL_REASON and entry.reasons[0].kind is ReasonKind.SIGNAAL:
                return SIGNAL_COLOUR
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (COL_POSITION, COL_WINDOW):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    @staticmethod
    def _display(entry: BellijstEntry, column: int) -> str:
        return (
            str(entry.position),
            entry.sort_name,
            entry.klas,
            entry.reason_labels,
            "",  # loaded lazily, see data()
            format_hhmm(entry.window_oa_minutes) if entry.window_oa_minutes else "",
            _called_text(entry),
        )[column]

    @staticmethod
    def _sort_value(entry: BellijstEntry, column: int) -> Any:
        return (
            entry.position,
            entry.sort_name.casefold(),
            entry.klas,
            entry.position,  # the reasons sort by urgency
            entry.position,  # contacts are loaded lazily: keep the urgency order
            entry.window_oa_minutes,
            (len(entry.calls), entry.calls[-1].called_at.isoformat() if entry.calls else ""),
        )[column]

    @staticmethod
    def _tooltip(entry: BellijstEntry, column: int) -> str | None:
        if column == COL_REASON:
            return "\n".join(r.text for r in entry.reasons)
        return None


class BellijstProxy(QSortFilterProxyModel):
    """Keeps the rows a `BellijstFilter` accepts: the same predicate the service applies for a
    printout. Sorting is passed on to the model (see `BellijstModel`): the proxy never sorts
    itself, so a filter change only filters."""

    def __init__(self, model: BellijstModel, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._model = model
        self._selection = NO_FILTER
        self.setSourceModel(model)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self._model.sort(column, order)

    @property
    def selection(self) -> BellijstFilter:
        return self._selection

    def set_selection(self, selection: BellijstFilter) -> None:
        if selection == self._selection:
            return
        self.beginFilterChange()
        self._selection = selection
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: _Index) -> bool:
        return not self._selection.active or self._selection.matches(self._model.entry(source_row))


class BellijstPage(QWidget):
    def __init__(
        self,
        ctx: Context,
        bus: AppBus,
        parent: QWidget | None = None,
        settings: QSettings | None = None,
    ) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._bus = bus
        # the pages are built as Page(ctx, bus): without settings, the application's own
        # (organisation "verzuimdesk"), where the main window keeps its geometry
        self._settings = settings if settings is not None else QSettings()
        self._bellijst: Bellijst | None = None
        self._choices: tuple[dict[str, int], dict[str, int]] | None = None
        self._own_changes: Changes | None = None
        self._offer: Ziek6Offer | None = None
        self.ui = Ui_BellijstPage()
        self.ui.setupUi(self)

        self.model = BellijstModel(lambda ids: load_contacts(self._ctx, self.list_date, ids), self)
        self.proxy = BellijstProxy(self.model, self)
        table = self.ui.table
        table.setModel(self.proxy)
        table.sortByColumn(COL_POSITION, Qt.SortOrder.AscendingOrder)
        table.verticalHeader().hide()
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        # "#" fits four digits: a filtered list of a big school shows places like 2417
        for column, width in ((0, 42), (1, 150), (2, 70), (3, 190), (4, 150), (5, 58)):
            table.setColumnWidth(column, width)
        self.ui.splitter.setStretchFactor(0, 3)
        self.ui.splitter.setStretchFactor(1, 1)
        self.ui.splitter.setSizes([800, 330])
        self.ui.panelLayout.setStretch(0, 1)  # the details scroll; the call form stays put
        self.ui.contactCombo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )

        self._outcome_buttons: dict[Outcome, QRadioButton] = {
            Outcome.BEREIKT: self.ui.outcome1,
            Outcome.NIET_BEREIKT: self.ui.outcome2,
            Outcome.VOICEMAIL: self.ui.outcome3,
            Outcome.VERKEERD_NUMMER: self.ui.outcome4,
        }
        for widget in (
            *self._outcome_buttons.values(),
            self.ui.contactCombo,
            self.ui.followUpCheck,
            self.ui.checkedBox,
            self.ui.followUpEdit,
        ):
            widget.installEventFilter(self)
        table.installEventFilter(self)
        self.ui.noteEdit.installEventFilter(self)
        self._setup_filter()

        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            shortcut = QShortcut(QKeySequence(keys), self.ui.panel)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(self.save_call)
        open_dossier = QShortcut(QKeySequence("Ctrl+O"), self)
        open_dossier.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        open_dossier.activated.connect(self.open_dossier)

        self.ui.dateEdit.setDate(_qdate(ctx.today()))
        self.ui.dateEdit.dateChanged.connect(lambda _d: self.reload())
        self.ui.todayButton.clicked.connect(lambda: self.ui.dateEdit.setDate(_qdate(ctx.today())))
        self.ui.saveButton.clicked.connect(self.save_call)
        self.ui.followUpCheck.toggled.connect(self.ui.followUpEdit.setEnabled)
        self.ui.ziek6Button.clicked.connect(self.apply_ziek6)
        self.ui.dossierButton.clicked.connect(self.open_dossier)
        self.ui.printButton.clicked.connect(self._ask_print)
        self.ui.exportButton.clicked.connect(self._ask_export)
        table.doubleClicked.connect(lambda _i: self.open_dossier())
        # a reset (new list, other sort order) forgets the current row: keep the student
        self._before_reset: int | None = None
        self.model.modelAboutToBeReset.connect(self._remember_current)
        self.model.modelReset.connect(lambda: self._select_student(self._before_reset))
        table.selectionModel().currentRowChanged.connect(lambda *_: self._show_current())
        bus.changed.connect(self._on_changed)
        self.ui.ziek6Frame.hide()
        self.reload()

    def _setup_filter(self) -> None:
        bold = self.ui.progressLabel.font()
        bold.setBold(True)
        self.ui.progressLabel.setFont(bold)
        for combo, width in ((self.ui.klasCombo, 12), (self.ui.opleidingCombo, 26)):
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(width)
            combo.setMaxVisibleItems(20)
        settings = self._settings
        self._remembered = BellijstFilter(
            klas=str(settings.value(SETTING_KLAS, "", type=str)) or None,
            opleiding=str(settings.value(SETTING_OPLEIDING, "", type=str)) or None,
            only_not_called=bool(settings.value(SETTING_NOT_CALLED, False, type=bool)),
        )
        self.ui.notCalledCheck.setChecked(self._remembered.only_not_called)
        self._filter_fields: tuple[QWidget, ...] = (
            self.ui.filterEdit,
            self.ui.klasCombo,
            self.ui.opleidingCombo,
            self.ui.notCalledCheck,
        )
        for widget in self._filter_fields:
            widget.installEventFilter(self)
        self.ui.filterEdit.textChanged.connect(lambda _t: self._apply_filter())
        self.ui.klasCombo.currentIndexChanged.connect(lambda _i: self._filter_chosen())
        self.ui.opleidingCombo.currentIndexChanged.connect(lambda _i: self._filter_chosen())
        self.ui.notCalledCheck.toggled.connect(lambda _b: self._filter_chosen())

    # -- loading ---------------------------------------------------------------------------

    @property
    def list_date(self) -> date:
        return self.ui.dateEdit.date().toPython()

    @property
    def bellijst(self) -> Bellijst | None:
        return self._bellijst

    def reload(self, select_student: int | None = None) -> None:
        keep = select_student if select_student is not None else self.current_student_id()
        try:
            self._bellijst = build_bellijst(self._ctx, self.list_date, with_contacts=False)
        except VerzuimdeskError as exc:
            show_error(self, exc)
            return
        self.model.set_entries(self._bellijst.entries)
        self._fill_choices(self._bellijst)
        self.proxy.set_selection(self.current_filter())
        if self.proxy.selection.active:
            self._prefetch_shown()
        self._show_progress()
        self._select_student(keep)
        self._show_current()

    # -- filter ------------------------------------------------------------------------------

    def current_filter(self) -> BellijstFilter:
        """The filter as the fields show it; what the table, the progress and printouts use."""
        return BellijstFilter(
            klas=self.ui.klasCombo.currentData() or None,
            opleiding=self.ui.opleidingCombo.currentData() or None,
            text=self.ui.filterEdit.text(),
            only_not_called=self.ui.notCalledCheck.isChecked(),
        )

    def _fill_choices(self, bellijst: Bellijst) -> None:
        """Klassen and opleidingen on this list, with how many students each. A remembered
        choice stays even when nobody of it is on the list (a count of 0): changing the date
        must not silently drop the user's part of the work."""
        choices = (bellijst.klassen(), bellijst.opleidingen())
        if choices == self._choices:
            return  # after logging a call: nothing to rebuild
        self._choices = choices
        first = self.ui.klasCombo.count() == 0  # before the first fill: what was remembered
        keep = self._remembered if first else self.current_filter()
        klassen, opleidingen = choices
        _fill_combo(self.ui.klasCombo, ALL_KLASSEN, klassen, keep.klas)
        _fill_combo(self.ui.opleidingCombo, ALL_OPLEIDINGEN, opleidingen, keep.opleiding)

    def _filter_chosen(self) -> None:
        """A klas, opleiding or the toggle chosen by the user: applied and remembered."""
        selection = self.current_filter()
        self._settings.setValue(SETTING_KLAS, selection.klas or "")
        self._settings.setValue(SETTING_OPLEIDING, selection.opleiding or "")
        self._settings.setValue(SETTING_NOT_CALLED, selection.only_not_called)
        self._apply_filter()

    def _apply_filter(self) -> None:
        keep = self.current_student_id()
        self.proxy.set_selection(self.current_filter())
        self._prefetch_shown()
        self._show_progress()
        self._select_student(keep)

    def _prefetch_shown(self) -> None:
        rows = range(min(self.proxy.rowCount(), CONTACT_BLOCK))
        source = (self.proxy.mapToSource(self.proxy.index(row, 0)).row() for row in rows)
        self.model.prefetch([self.model.entry(row).student_id for row in source])

    def clear_filter_field(self, field: QObject) -> bool:
        """Esc in a filter field: empty it; False when it was empty already."""
        if isinstance(field, QLineEdit) and field.text():
            field.clear()
        elif isinstance(field, QComboBox) and field.currentIndex() > 0:
            field.setCurrentIndex(0)
        elif isinstance(field, QCheckBox) and field.isChecked():
            field.setChecked(False)
        else:
            return False
        return True

    def _show_progress(self) -> None:
        bellijst = self._bellijst
        if bellijst is None:
            return
        shown = bellijst.narrowed(self.proxy.selection)
        self.ui.progressLabel.setText(shown.progress_text)
        if not bellijst.is_lesdag:
            self.ui.noticeLabel.setStyleSheet(WARNING_STYLE)
            self.ui.noticeLabel.setText("Dit is geen lesdag: alleen afspraken en terugbellen.")
            self.ui.noticeLabel.show()
        elif not bellijst.entries:
            self.ui.noticeLabel.setStyleSheet(OK_STYLE)
            self.ui.noticeLabel.setText("Niemand te bellen op deze dag.")
            self.ui.noticeLabel.show()
        elif not shown.entries:
            self.ui.noticeLabel.setStyleSheet(WARNING_STYLE)
            self.ui.noticeLabel.setText(
                f"Niemand te bellen met dit filter ({shown.selection.description}); "
                f"op de hele lijst staan er {len(bellijst.entries)}. "
                "Esc in een filterveld wist het."
            )
            self.ui.noticeLabel.show()
        else:
            self.ui.noticeLabel.hide()

    def _on_changed(self, changes: Changes) -> None:
        if changes is self._own_changes:
            return
        if any(getattr(changes, name) for name in REFRESH_ON):
            self.reload()

    # -- selection ---------------------------------------------------------------------------

    def _select_source_row(self, row: int) -> None:
        view_index = QModelIndex()
        if 0 <= row < self.model.rowCount():
            view_index = self.proxy.mapFromSource(self.model.index(row, COL_POSITION))
        if not view_index.isValid():  # filtered out: the first row shown instead
            view_index = self.proxy.index(0, COL_POSITION)
        if not view_index.isValid():
            self.ui.table.clearSelection()
            self.ui.table.setCurrentIndex(QModelIndex())
            return
        self.ui.table.setCurrentIndex(view_index)
        self.ui.table.scrollTo(view_index)  # column 0: the list never scrolls sideways

    def _select_student(self, student_id: int | None) -> None:
        row = self.model.row_of(student_id) if student_id is not None else None
        self._select_source_row(row if row is not None else -1)

    def _remember_current(self) -> None:
        self._before_reset = self.current_student_id()

    def current_entry(self) -> BellijstEntry | None:
        index = self.ui.table.currentIndex()
        if not index.isValid():
            return None
        return self.model.entry(self.proxy.mapToSource(index).row())

    def current_student_id(self) -> int | None:
        entry = self.current_entry()
        return entry.student_id if entry else None

    def _next_student_id(self) -> int | None:
        view_row = self.ui.table.currentIndex().row()
        if view_row + 1 >= self.proxy.rowCount():
            return self.current_student_id()
        source = self.proxy.mapToSource(self.proxy.index(view_row + 1, 0))
        return self.model.entry(source.row()).student_id

    def _show_current(self) -> None:
        entry = self.current_entry()
        self.ui.callBox.setEnabled(entry is not None)
        self.ui.messageLabel.clear()
        if entry is None:
            # nothing left of the previous student: a filter may have hidden every row
            self.ui.detailLabel.setText("Kies een leerling in de lijst.")
            self.ui.contactCombo.clear()
            self.ui.noteEdit.clear()
            return
        whom = self.model.whom(self.proxy.mapToSource(self.ui.table.currentIndex()).row())
        self.ui.detailLabel.setText(_detail_html(entry, whom))
        self.ui.contactCombo.clear()
        for contact in whom.contacts:
            # the number first: the panel is narrow and the name is in the details above
            self.ui.contactCombo.addItem(
                f"{contact.role} {contact.phone or '(geen nummer)'} · {contact.name}", contact.key
            )
        for button in self._outcome_buttons.values():
            button.setAutoExclusive(False)
            button.setChecked(False)
            button.setAutoExclusive(True)
        self.ui.noteEdit.clear()
        self.ui.followUpCheck.setChecked(False)
        self.ui.followUpEdit.setEnabled(False)
        self.ui.followUpEdit.setDate(_qdate(self.list_date).addDays(1))
        due = any(r.kind is ReasonKind.CONTROLE for r in entry.reasons)
        self.ui.checkedBox.setVisible(due)
        self.ui.checkedBox.setChecked(False)

    # -- keyboard ----------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return super().eventFilter(watched, event)
        key = event.key()
        plain = event.modifiers() in (
            Qt.KeyboardModifier.NoModifier,
            Qt.KeyboardModifier.KeypadModifier,
        )
        if watched is self.ui.table and plain and key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.start_call()
            return True
        if watched in self._filter_fields:
            if key == Qt.Key.Key_Escape:
                if not self.clear_filter_field(watched):
                    self.ui.table.setFocus()
                return True
            if (
                watched is self.ui.filterEdit
                and plain
                and key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Down)
            ):
                self.ui.table.setFocus()  # on the first match, ready for Enter
                return True
            return super().eventFilter(watched, event)
        if watched is not self.ui.table:
            if key == Qt.Key.Key_Escape:
                self.ui.table.setFocus()
                return True
            if plain and key in OUTCOME_KEYS and watched is not self.ui.noteEdit:
                self.choose_outcome(OUTCOME_KEYS[Qt.Key(key)])
                return True
            if (
                plain
                and key in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
                and (watched is self.ui.noteEdit)
            ):
                self.save_call()
                return True
        return super().eventFilter(watched, event)

    def start_call(self) -> None:
        """Enter on a row: the call panel takes the keyboard, on the first outcome."""
        if self.current_entry() is None:
            return
        self.ui.outcome1.setFocus()

    def choose_outcome(self, outcome: Outcome) -> None:
        button = self._outcome_buttons[outcome]
        button.setChecked(True)
        button.setFocus()

    def chosen_outcome(self) -> Outcome | None:
        for outcome, button in self._outcome_buttons.items():
            if button.isChecked():
                return outcome
        return None

    # -- saving ------------------------------------------------------------------------------

    def save_call(self) -> None:
        entry = self.current_entry()
        if entry is None:
            return
        outcome = self.chosen_outcome()
        if outcome is None:
            self.ui.messageLabel.setStyleSheet(WARNING_STYLE)
            self.ui.messageLabel.setText("Kies eerst de uitkomst: toets 1, 2, 3 of 4.")
            self.ui.outcome1.setFocus()
            return
        follow_up = (
            self.ui.followUpEdit.date().toPython() if self.ui.followUpCheck.isChecked() else None
        )
        next_id = self._next_student_id()
        try:
            logged = log_call(
                self._ctx,
                entry.student_id,
                self.list_date,
                outcome,
                self.ui.contactCombo.currentData() or "",
                note=self.ui.noteEdit.text(),
                follow_up_on=follow_up,
                agreements_checked=self.ui.checkedBox.isVisible()
                and self.ui.checkedBox.isChecked(),
            )
        except VerzuimdeskError as exc:
            show_inline(self.ui.messageLabel, exc)
            return
        self._offer_ziek6(logged.ziek6, entry)
        self.reload(select_student=next_id)
        self._announce(logged.changes)
        self._bus.status_message.emit(
            f"Gesprek met {entry.name} opgeslagen ({OUTCOME_LABEL[outcome]})."
        )
        self.ui.outcome1.setFocus()

    def _announce(self, changes: Changes) -> None:
        self._own_changes = changes
        try:
            self._bus.announce(changes)
        finally:
            self._own_changes = None

    def _offer_ziek6(self, offer: Ziek6Offer | None, entry: BellijstEntry) -> None:
        self._offer = offer
        if offer is None:
            self.ui.ziek6Frame.hide()
            return
        self.ui.ziek6Label.setText(
            f"<b>{entry.name}</b> is ziek gemeld en vandaag twee keer niet bereikt. De "
            f"{offer.registrations} ziek-registratie(s) van vandaag ({format_hhmm(offer.minutes)}"
            " uur) kunnen worden omgezet naar ongeoorloofd (R-ZIEK-6)."
        )
        self.ui.ziek6Reason.clear()
        self.ui.ziek6Frame.show()

    def apply_ziek6(self) -> None:
        offer = self._offer
        if offer is None:
            return
        try:
            changes = reregister_sick_as_oa(
                self._ctx, offer.student_id, offer.on, self.ui.ziek6Reason.text()
            )
        except VerzuimdeskError as exc:
            show_inline(self.ui.ziek6Label, exc)
            return
        self._offer = None
        self.ui.ziek6Frame.hide()
        self.reload()
        self._announce(changes)
        self._bus.status_message.emit("Ziek omgezet naar ongeoorloofd (R-ZIEK-6).")

    # -- elsewhere ---------------------------------------------------------------------------

    def open_dossier(self) -> None:
        student_id = self.current_student_id()
        if student_id is not None:
            self._bus.open_student.emit(student_id)

    def print_to(self, path: Path) -> bool:
        """The bellijst of the chosen date as PDF, the rows the filter shows, built with all
        contacts off the GUI thread; True when it was written."""
        ctx, on, selection = self._ctx, self.list_date, self.current_filter()

        def work(progress: Progress, cancel: Cancel) -> None:
            progress(0, 0, "bellijst ophalen")
            bellijst = build_bellijst(ctx, on, selection=selection)
            render_bellijst_pdf(bellijst, path, progress, cancel)

        return self._run("Bellijst afdrukken", work)

    def export_to(self, path: Path) -> bool:
        ctx, on, selection = self._ctx, self.list_date, self.current_filter()

        def work(progress: Progress, cancel: Cancel) -> None:
            progress(0, 0, "bellijst ophalen")
            bellijst = build_bellijst(ctx, on, selection=selection)
            write_bellijst_xlsx(bellijst, path, progress, cancel)

        return self._run("Bellijst naar Excel", work)

    def _run(self, title: str, work: Any) -> bool:
        try:
            run_with_progress(self, title, work)
        except VerzuimdeskError as exc:
            show_error(self, exc)
            return False
        return True

    def _ask_print(self) -> None:
        path = self._ask_path("PDF (*.pdf)", "pdf")
        if path and self.print_to(path):
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))

    def _ask_export(self) -> None:
        path = self._ask_path("Excel (*.xlsx)", "xlsx")
        if path and self.export_to(path):
            self._bus.status_message.emit(f"Bellijst opgeslagen als {path.name}.")

    def _ask_path(self, pattern: str, suffix: str) -> Path | None:
        klas = self.current_filter().klas
        part = f"-{re.sub(r'[^0-9A-Za-z_-]+', '-', klas)}" if klas else ""
        suggested = Path.home() / f"bellijst-{self.list_date:%Y-%m-%d}{part}.{suffix}"
        name, _ = QFileDialog.getSaveFileName(self, "Bellijst opslaan", str(suggested), pattern)
        return Path(name) if name else None


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _fill_combo(
    combo: QComboBox, everything: str, counts: dict[str, int], keep: str | None
) -> None:
    items = dict(counts)
    if keep and keep not in items:
        items[keep] = 0
    combo.blockSignals(True)  # filling is not choosing: nothing to apply or remember yet
    try:
        combo.clear()
        combo.addItem(everything, "")
        for value in sorted(items, key=str.casefold):
            combo.addItem(f"{value} ({items[value]})", value)
        combo.setCurrentIndex(max(combo.findData(keep), 0) if keep else 0)
        combo.setEnabled(combo.count() > 1)
        # the popup as wide as its longest opleiding, the closed box stays narrow
        combo.view().setMinimumWidth(combo.view().sizeHintForColumn(0) + 24)
    finally:
        combo.blockSignals(False)


def _detail_html(entry: BellijstEntry, whom: StudentContacts) -> str:
    reasons = "".join(f"<li>{escape(r.text)}</li>" for r in entry.reasons)
    contacts = "<br/>".join(
        f"{escape(c.label)}: <b>{escape(c.phone or 'geen nummer')}</b>" for c in whom.contacts
    )
    if whom.parents_withheld:
        contacts += "<br/><i>Ouders niet bellen: 18+, geen toestemming (R-OUDERS).</i>"
    calls = "".join(
        f"<li>{c.called_at:%H:%M} {escape(OUTCOME_LABEL.get(Outcome(c.outcome), c.outcome))}"
        f" · {escape(c.with_whom or '')}{(' · ' + escape(c.note)) if c.note else ''}</li>"
        for c in entry.calls
    )
    called = f"<p><b>Vandaag gebeld</b><ul>{calls}</ul></p>" if calls else ""
    # the numbers first: they are what the user needs while dialling; the long reasons scroll
    return (
        f"<p><b>{escape(entry.name)}</b> · {escape(entry.klas)} · {entry.age} jaar · "
        f"{escape(entry.leerlingnummer)}</p><p>{contacts}</p>{called}<ul>{reasons}</ul>"
    )
