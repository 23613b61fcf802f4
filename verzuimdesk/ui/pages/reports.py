"""The Rapportages page: choose a report, a period and a selection; the table and the chart side
by side; sort by clicking a heading, filter by typing; Enter or a double-click on a student opens
the dossier; print to PDF (Ctrl+P) and export to Excel (Ctrl+E). Reports are made off the GUI
thread, behind a progress dialog with "Annuleren" when they take long.

Keyboard: Alt+R report, Alt+P period, Alt+V / Alt+T dates, Alt+K class, Alt+O opleiding,
Alt+L student, F5 or Enter in a choice shows the report, Ctrl+F the filter.
"""

from __future__ import annotations

from datetime import date, timedelta
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
from PySide6.QtGui import QDesktopServices, QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from verzuimdesk.domain.roles import Permission
from verzuimdesk.errors import VerzuimdeskError
from verzuimdesk.services.access import can
from verzuimdesk.services.changes import Changes
from verzuimdesk.services.context import Context
from verzuimdesk.services.exporting.report_xlsx import write_report_xlsx
from verzuimdesk.services.printing.report_pdf import render_report_pdf
from verzuimdesk.services.progress import Cancel, Progress
from verzuimdesk.services.reports import (
    BY_NAME,
    REPORTS,
    Period,
    Report,
    ReportSpec,
    Scope,
    run_report,
    school_year,
    scope_choices,
)
from verzuimdesk.services.reports.goals import load_goals, set_goal
from verzuimdesk.services.reports.model import Kind, Table
from verzuimdesk.ui.bus import AppBus
from verzuimdesk.ui.errors_ui import show_error
from verzuimdesk.ui.pages.base import Page, SettingKey
from verzuimdesk.ui.widgets.report_chart import ReportChartView
from verzuimdesk.ui.worker import run_with_progress

_Index = QModelIndex | QPersistentModelIndex
SortRole = Qt.ItemDataRole.UserRole
REPORT_KEY = SettingKey("rapport", "klas")
PERIOD_KEY = SettingKey("periode", "")
EVERYONE = "hele school"
PERIODS = (
    ("deze week", "week", 0),
    ("vorige week", "week", -1),
    ("deze maand", "maand", 0),
    ("vorige maand", "maand", -1),
    ("dit schooljaar", "schooljaar", 0),
    ("vorig schooljaar", "schooljaar", -1),
    ("eigen keuze", "", 0),
)
_WITHIN = Qt.ShortcutContext.WidgetWithChildrenShortcut
_NUMERIC = {Kind.INT, Kind.NUMBER, Kind.PERCENT, Kind.MINUTES}


class ReportTableModel(QAbstractTableModel):
    """One table of a report: display text from the columns, raw values to sort on."""

    def __init__(self, table: Table, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.table = table

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self.table.rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.table.columns)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        column = self.table.columns[index.column()]
        value = self.table.rows[index.row()].get(column.key)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return column.text(value)
        if role == SortRole:
            if value is None:
                return -1.0 if column.kind in _NUMERIC else ""
            return value.isoformat() if isinstance(value, date) else value
        if role == Qt.ItemDataRole.TextAlignmentRole and column.kind in _NUMERIC:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.table.columns[section].title
        return None

    def student_id(self, row: int) -> int | None:
        ids = self.table.student_ids
        return ids[row] if 0 <= row < len(ids) else None


class ReportsPage(Page):
    refreshes_on = frozenset(
        {"registrations", "students", "signals", "reports", "conversations", "settings"}
    )
    settings_group = "rapportages"

    def __init__(
        self,
        ctx: Context,
        bus: AppBus,
        parent: QWidget | None = None,
        settings: QSettings | None = None,
    ) -> None:
        super().__init__(ctx, bus, parent, settings)
        self.report: Report | None = None
        self._views: list[tuple[QTableView, QSortFilterProxyModel, ReportTableModel]] = []
        self._build()
        self._restore()

    # -- building ------------------------------------------------------------------------------

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        choose = QHBoxLayout()
        self.report_box = QComboBox(self)
        for spec in REPORTS:
            self.report_box.addItem(spec.title, spec.name)
        self.period_box = QComboBox(self)
        for label, _, _ in PERIODS:
            self.period_box.addItem(label)
        self.start_edit = QDateEdit(self)
        self.end_edit = QDateEdit(self)
        for edit in (self.start_edit, self.end_edit):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("dd-MM-yyyy")
        self.klas_box = QComboBox(self)
        self.opleiding_box = QComboBox(self)
        self.opleiding_box.setMaximumWidth(190)
        self.student_edit = QLineEdit(self)
        self.student_edit.setPlaceholderText("leerlingnummer")
        self.student_edit.setMaximumWidth(110)
        first: list[tuple[str, QWidget]] = [
            ("&Rapportage:", self.report_box),
            ("&Periode:", self.period_box),
            ("&van", self.start_edit),
            ("&t/m", self.end_edit),
        ]
        for caption, widget in first:
            buddy = QLabel(caption, self)
            buddy.setBuddy(widget)
            choose.addWidget(buddy)
            choose.addWidget(widget)
        choose.addStretch(1)
        layout.addLayout(choose)
        scope = QHBoxLayout()
        second: list[tuple[str, QWidget]] = [
            ("&Klas:", self.klas_box),
            ("&Opleiding:", self.opleiding_box),
            ("&Leerling:", self.student_edit),
        ]
        for caption, widget in second:
            buddy = QLabel(caption, self)
            buddy.setBuddy(widget)
            scope.addWidget(buddy)
            scope.addWidget(widget)
        self.show_button = QPushButton("Tonen (F5)", self)
        self.show_button.clicked.connect(self.show_report)
        self.show_button.setDefault(True)
        self.goals_button = QPushButton("&Doelen…", self)
        self.goals_button.clicked.connect(self._edit_goals)
        self.goals_button.setVisible(can(self.ctx, Permission.SETTINGS))
        self.pdf_button = QPushButton("PDF… (Ctrl+P)", self)
        self.pdf_button.clicked.connect(self._ask_pdf)
        self.xlsx_button = QPushButton("Excel… (Ctrl+E)", self)
        self.xlsx_button.clicked.connect(self._ask_xlsx)
        scope.addWidget(self.show_button)
        scope.addStretch(1)
        for button in (self.goals_button, self.pdf_button, self.xlsx_button):
            scope.addWidget(button)
        layout.addLayout(scope)
        self.about = QLabel(self)
        self.about.setWordWrap(True)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.about)
        layout.addWidget(self.summary)
        self.filter_edit = QLineEdit(self)
        self.filter_edit.setPlaceholderText(
            "Filter: typ een deel van een naam, klas, vak … (Ctrl+F)"
        )
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.textChanged.connect(self._apply_filter)
        self.tabs = QTabWidget(self)
        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.filter_edit)
        left_layout.addWidget(self.tabs)
        self.chart = ReportChartView(self)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.chart)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setSizes([680, 440])
        layout.addWidget(self.splitter, 1)

        self.report_box.currentIndexChanged.connect(self._report_chosen)
        self.period_box.currentIndexChanged.connect(self._period_chosen)
        self.start_edit.dateChanged.connect(self._date_edited)
        self.end_edit.dateChanged.connect(self._date_edited)
        for keys, slot in (
            ("F5", self.show_report),
            ("Ctrl+P", self._ask_pdf),
            ("Ctrl+E", self._ask_xlsx),
            ("Ctrl+F", self.filter_edit.setFocus),
        ):
            QShortcut(
                QKeySequence(keys),
                self,
                slot,
                context=Qt.ShortcutContext.WidgetWithChildrenShortcut,
            )
        for widget in (self.report_box, self.period_box, self.klas_box, self.opleiding_box):
            widget.installEventFilter(self)
        self.student_edit.returnPressed.connect(self.show_report)
        self.start_edit.installEventFilter(self)
        self.end_edit.installEventFilter(self)

    def _restore(self) -> None:
        index = self.report_box.findData(self.setting(REPORT_KEY))
        self.report_box.setCurrentIndex(max(index, 0))
        self._report_chosen()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                if isinstance(watched, QTableView):
                    self._open_current(watched)
                else:
                    self.show_report()
                return True
        return super().eventFilter(watched, event)

    # -- choices ---------------------------------------------------------------------------------

    def load(self) -> None:
        """Fill the class and opleiding choices; an open report is made again with new data."""
        try:
            choices = scope_choices(self.ctx)
        except VerzuimdeskError as exc:
            self.summary.setText(str(exc.message))
            return
        for box, items in (
            (self.klas_box, choices.klassen),
            (self.opleiding_box, choices.opleidingen),
        ):
            keep = box.currentData()
            box.blockSignals(True)
            box.clear()
            box.addItem(EVERYONE if box is self.klas_box else "alle opleidingen", "")
            for item in items:
                box.addItem(item, item)
            box.setCurrentIndex(max(box.findData(keep), 0) if keep else 0)
            box.blockSignals(False)
        if self.report is not None:
            self.show_report()

    def _spec(self) -> ReportSpec:
        return BY_NAME[self.report_box.currentData()]

    def _report_chosen(self) -> None:
        spec = self._spec()
        self.remember(REPORT_KEY, spec.name)
        need = {
            "klas": " Kies een klas (of een leerling).",
            "student": " Vul het leerlingnummer in.",
        }.get(spec.needs, "")
        self.about.setText(f"<b>{spec.title}</b>: {spec.about}{need}")
        wanted = next(i for i, p in enumerate(PERIODS) if p[1] == spec.period and p[2] == 0)
        if self.period_box.currentIndex() == wanted:
            self._period_chosen()
        else:
            self.period_box.setCurrentIndex(wanted)

    def _period_chosen(self) -> None:
        _, kind, offset = PERIODS[self.period_box.currentIndex()]
        if not kind:
            return
        start, end = self._period_dates(kind, offset)
        for edit, day in ((self.start_edit, start), (self.end_edit, end)):
            edit.blockSignals(True)
            edit.setDate(QDate(day.year, day.month, day.day))
            edit.blockSignals(False)

    def _period_dates(self, kind: str, offset: int) -> tuple[date, date]:
        today = self.ctx.today()
        if kind == "week":
            monday = today - timedelta(days=today.weekday()) + timedelta(weeks=offset)
            return monday, monday + timedelta(days=4)
        if kind == "maand":
            index = today.year * 12 + today.month - 1 + offset
            first = date(index // 12, index % 12 + 1, 1)
            following = date((index + 1) // 12, (index + 1) % 12 + 1, 1)
            return first, following - timedelta(days=1)
        start, end = school_year(self.ctx, today)
        if offset:
            return school_year(self.ctx, start - timedelta(days=1))
        return start, min(end, today)

    def _date_edited(self) -> None:
        self.period_box.blockSignals(True)
        self.period_box.setCurrentIndex(len(PERIODS) - 1)  # eigen keuze
        self.period_box.blockSignals(False)

    def period(self) -> Period:
        start, end = self.start_edit.date(), self.end_edit.date()
        return Period(
            date(start.year(), start.month(), start.day()),
            date(end.year(), end.month(), end.day()),
        )

    def scope(self) -> Scope:
        return Scope(
            klas=self.klas_box.currentData() or None,
            opleiding=self.opleiding_box.currentData() or None,
            student=self.student_edit.text().strip() or None,
        )

    # -- showing ---------------------------------------------------------------------------------

    def show_report(self) -> bool:
        spec = self._spec()
        try:
            period, scope = self.period(), self.scope()
            ctx = self.ctx

            def work(progress: Progress, cancel: Cancel) -> Report:
                progress(0, 0, f"{spec.title} maken")
                return run_report(ctx, spec.name, period, scope)

            report = run_with_progress(self, spec.title, work)
        except VerzuimdeskError as exc:
            show_error(self, exc)
            return False
        self.set_report(report)
        return True

    def set_report(self, report: Report) -> None:
        self.report = report
        self.summary.setText(
            f"<b>{report.title}</b> · {report.period.text} · {report.scope.text}<br/>"
            + "<br/>".join(report.summary)
        )
        self.tabs.clear()
        self._views.clear()
        for table in report.tables:
            view = QTableView(self.tabs)
            model = ReportTableModel(table, view)
            proxy = QSortFilterProxyModel(view)
            proxy.setSourceModel(model)
            proxy.setSortRole(SortRole)
            proxy.setFilterKeyColumn(-1)
            proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
            view.setModel(proxy)
            view.setSortingEnabled(True)
            view.sortByColumn(-1, Qt.SortOrder.AscendingOrder)  # the report's own order first
            view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
            view.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
            view.setWordWrap(False)
            view.verticalHeader().setVisible(False)
            header = view.horizontalHeader()
            header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
            header.setStretchLastSection(True)
            view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 6)
            # as wide as the contents (the first rows tell), but no wider than the column asks
            header.setResizeContentsPrecision(200)
            view.resizeColumnsToContents()
            char = view.fontMetrics().averageCharWidth()
            for index, column in enumerate(table.columns):
                view.setColumnWidth(index, min(view.columnWidth(index), column.width * char + 24))
            view.doubleClicked.connect(lambda _i, v=view: self._open_current(v))
            view.installEventFilter(self)
            self.tabs.addTab(view, f"{table.title} ({len(table.rows)})")
            self._views.append((view, proxy, model))
            if table.rows:
                view.selectRow(0)
        self.chart.set_chart(report.chart)
        self.chart.setVisible(report.chart is not None)
        self._apply_filter(self.filter_edit.text())

    def _apply_filter(self, text: str) -> None:
        for _, proxy, _ in self._views:
            proxy.setFilterFixedString(text)

    def _open_current(self, view: QTableView) -> None:
        for candidate, proxy, model in self._views:
            if candidate is view:
                index = view.currentIndex()
                if not index.isValid():
                    return
                student = model.student_id(proxy.mapToSource(index).row())
                if student is not None:
                    self.bus.open_student.emit(student)
                else:
                    self.bus.status_message.emit("Deze regel gaat niet over één leerling.")

    # -- output ----------------------------------------------------------------------------------

    def print_to(self, path: Path) -> bool:
        return self._write(path, render_report_pdf, "PDF maken")

    def export_to(self, path: Path) -> bool:
        return self._write(path, write_report_xlsx, "Excel-bestand maken")

    def _write(self, path: Path, writer: Any, title: str) -> bool:
        if self.report is None and not self.show_report():
            return False
        report = self.report

        def work(progress: Progress, cancel: Cancel) -> None:
            writer(report, path, progress, cancel)

        try:
            run_with_progress(self, title, work)
        except VerzuimdeskError as exc:
            show_error(self, exc)
            return False
        except OSError as exc:
            show_error(self, VerzuimdeskError(f"Kan {path} niet schrijven: {exc.strerror}."))
            return False
        return True

    def _ask_pdf(self) -> None:
        path = self._ask_path("PDF (*.pdf)", "pdf")
        if path and self.print_to(path):
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))

    def _ask_xlsx(self) -> None:
        path = self._ask_path("Excel (*.xlsx)", "xlsx")
        if path and self.export_to(path):
            self.bus.status_message.emit(f"Rapportage opgeslagen als {path.name}.")

    def _ask_path(self, pattern: str, suffix: str) -> Path | None:
        period = self.period()
        name = f"{self._spec().name}-{period.start:%Y-%m-%d}-{period.end:%Y-%m-%d}.{suffix}"
        chosen, _ = QFileDialog.getSaveFileName(
            self, "Rapportage opslaan", str(Path.home() / name), pattern
        )
        return Path(chosen) if chosen else None

    # -- goals -----------------------------------------------------------------------------------

    def _edit_goals(self) -> None:
        dialog = GoalsDialog(self.ctx, self.klas_box.currentData() or "", self)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.changes is not None:
            self.bus.announce(dialog.changes)
            if self.report is not None:
                self.show_report()


class GoalsDialog(QDialog):
    """Set the attendance goal of the school or of one class (0 removes a class's goal)."""

    def __init__(self, ctx: Context, klas: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.changes: Changes | None = None
        self.setWindowTitle("Doelen voor de aanwezigheid")
        goals = load_goals(ctx)
        self.goals = goals
        form = QFormLayout(self)
        self.klas_box = QComboBox(self)
        self.klas_box.addItem("de hele school", "")
        for code in scope_choices(ctx).klassen:
            suffix = f" (doel {goals.klassen[code]:g}%)" if code in goals.klassen else ""
            self.klas_box.addItem(code + suffix, code)
        self.klas_box.setCurrentIndex(max(self.klas_box.findData(klas), 0))
        self.percent = QDoubleSpinBox(self)
        self.percent.setRange(0, 100)
        self.percent.setDecimals(1)
        self.percent.setSuffix(" %")
        self.percent.setSpecialValueText("geen doel")
        form.addRow("Voor &wie:", self.klas_box)
        form.addRow("&Doel (aanwezig):", self.percent)
        hint = QLabel(
            "Zet het doel op 0 om het te verwijderen; een klas zonder eigen doel volgt "
            "het doel van de school.",
            self,
        )
        hint.setWordWrap(True)
        form.addRow(hint)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.button(QDialogButtonBox.StandardButton.Save).setText("Opslaan")
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("Annuleren")
        buttons.accepted.connect(self._save)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.klas_box.currentIndexChanged.connect(self._show_current)
        self._show_current()

    def _show_current(self) -> None:
        code = self.klas_box.currentData()
        value = self.goals.klassen.get(code) if code else self.goals.school
        self.percent.setValue(value or 0)

    def _save(self) -> None:
        code = self.klas_box.currentData() or None
        value = self.percent.value() or None
        try:
            self.changes = set_goal(self.ctx, code, value)
        except VerzuimdeskError as exc:
            show_error(self, exc)
            return
        self.accept()
