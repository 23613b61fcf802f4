"""Instellingen > Kalender: school years, holidays, study days; adding, removing, kalender.csv.

Keyboard: Alt+J chooses the school year shown; the table lists its periods, Delete removes the
chosen one; Alt+V / Alt+T / Alt+S / Alt+N fill in a new period and Alt+E adds it.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from verzuimdesk.domain.calendar import CalendarPeriod, PeriodKind
from verzuimdesk.services import calendar_settings
from verzuimdesk.services.calendar_settings import KIND_LABELS, CalendarView
from verzuimdesk.services.context import Context
from verzuimdesk.ui.bus import AppBus
from verzuimdesk.ui.pages.settings.section import Section


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _date(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


class CalendarSection(Section):
    intro = (
        "Lesdagen, lesweken en werkdagen (voor termijnen) volgen uit deze kalender. Een "
        "feestdag is geen werkdag; een vakantie- of studiedag wel."
    )

    def __init__(self, ctx: Context, bus: AppBus, parent: QWidget | None = None) -> None:
        super().__init__(ctx, bus, parent)
        top = QHBoxLayout()
        self.which = QLabel(self)
        self.which.setObjectName("calendarWhich")
        self.which.setWordWrap(True)  # long in Dutch: wrap rather than widen the page
        self.year = QComboBox(self)
        year_label = QLabel("Schoolj&aar:", self)
        year_label.setBuddy(self.year)
        top.addWidget(self.which, 1)
        top.addWidget(year_label)
        top.addWidget(self.year)
        self.body.addLayout(top)
        self.table = QTableWidget(0, 4, self)
        self.table.setObjectName("calendarTable")
        self.table.setHorizontalHeaderLabels(["Van", "Tot en met", "Soort", "Naam"])
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.table.horizontalHeader()
        for column in range(3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.body.addWidget(self.table, 1)
        remove = QShortcut(QKeySequence(Qt.Key.Key_Delete), self.table)
        remove.setContext(Qt.ShortcutContext.WidgetShortcut)
        remove.activated.connect(self.remove_selected)

        adding = QGroupBox("Periode toevoegen", self)
        grid = QGridLayout(adding)
        self.start = QDateEdit(self)
        self.end = QDateEdit(self)
        for edit in (self.start, self.end):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("dd-MM-yyyy")
            edit.setDate(_qdate(ctx.today()))
        self.kind = QComboBox(self)
        for kind in (
            PeriodKind.STUDIEDAG,
            PeriodKind.VAKANTIE,
            PeriodKind.FEESTDAG,
            PeriodKind.SCHOOLJAAR,
        ):
            self.kind.addItem(KIND_LABELS[kind], kind.value)
        self.name = QLineEdit(self)
        self.name.setPlaceholderText("bijvoorbeeld Studiedag team")
        self.add_button = QPushButton("Toevo&egen", self)
        for column, (text, widget) in enumerate(
            (("&Van:", self.start), ("&Tot en met:", self.end), ("&Soort:", self.kind))
        ):
            label = QLabel(text, self)
            label.setBuddy(widget)
            grid.addWidget(label, 0, column * 2)
            grid.addWidget(widget, 0, column * 2 + 1)
        name_label = QLabel("&Naam:", self)
        name_label.setBuddy(self.name)
        grid.addWidget(name_label, 1, 0)
        grid.addWidget(self.name, 1, 1, 1, 4)
        grid.addWidget(self.add_button, 1, 5)
        self.body.addWidget(adding)
        self.fields.update({"van": self.start, "tot": self.end, "naam": self.name})

        buttons = QHBoxLayout()
        self.remove_button = QPushButton("Gekozen periode &verwijderen", self)
        self.import_button = QPushButton("&kalender.csv inlezen…", self)
        self.shipped_button = QPushButton("Standaardkalender van de &regio", self)
        for button in (self.remove_button, self.import_button, self.shipped_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        self.body.addLayout(buttons)

        self.view: CalendarView | None = None
        self._shown: list[CalendarPeriod] = []
        self.year.currentIndexChanged.connect(lambda _i: self._fill())
        self.add_button.clicked.connect(self.add)
        self.name.returnPressed.connect(self.add)
        self.remove_button.clicked.connect(self.remove_selected)
        self.import_button.clicked.connect(self.import_file)
        self.shipped_button.clicked.connect(self.use_shipped)
        self.start.dateChanged.connect(self._follow_start)

    def _follow_start(self, value: QDate) -> None:
        if self.end.date() < value:
            self.end.setDate(value)

    # -- showing -----------------------------------------------------------------------------

    def load(self) -> None:
        self.view = calendar_settings.calendar_view(self.ctx)
        view = self.view
        self.which.setText(
            "De eigen kalender van de school."
            if view.own
            else f"De meegeleverde kalender van regio {view.region.capitalize()} (adviesdata "
            "van de Rijksoverheid). Een wijziging maakt er een eigen kalender van."
        )
        self.shipped_button.setEnabled(view.own)
        years = [p for p in view.periods if p.kind is PeriodKind.SCHOOLJAAR]
        chosen = self.year.currentData()
        self.year.blockSignals(True)
        self.year.clear()
        for p in years:
            self.year.addItem(p.name or f"{p.start.year}-{p.end.year}", (p.start, p.end))
        today = self.ctx.today()
        index = next(
            (i for i, p in enumerate(years) if chosen == (p.start, p.end)),
            next((i for i, p in enumerate(years) if today <= p.end), len(years) - 1),
        )
        self.year.setCurrentIndex(max(index, 0))
        self.year.blockSignals(False)
        self._fill()

    def _fill(self) -> None:
        if self.view is None:
            return
        span = self.year.currentData()
        periods = self.view.periods
        if span is not None:
            start, end = span
            later = [y.start for y in periods if y.kind is PeriodKind.SCHOOLJAAR and y.start > end]
            until = min(later) if later else date.max
            periods = [p for p in periods if start <= p.start < until]
        self._shown = periods
        self.table.setRowCount(len(periods))
        for row, p in enumerate(periods):
            cells = (f"{p.start:%d-%m-%Y}", f"{p.end:%d-%m-%Y}", KIND_LABELS[p.kind], p.name)
            for column, text in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(text))

    # -- changing ----------------------------------------------------------------------------

    def add(self) -> None:
        kind = PeriodKind(str(self.kind.currentData()))
        start, end, name = _date(self.start.date()), _date(self.end.date()), self.name.text()
        if (
            self.attempt(lambda: calendar_settings.add_period(self.ctx, start, end, kind, name))
            is not None
        ):
            self.name.clear()
            self.load()
            self.say(
                f"Toegevoegd: {KIND_LABELS[kind].lower()} {start:%d-%m-%Y} t/m {end:%d-%m-%Y}."
            )

    def selected(self) -> CalendarPeriod | None:
        rows = self.table.selectionModel().selectedRows()
        return self._shown[rows[0].row()] if rows else None

    def remove_selected(self) -> None:
        chosen = self.selected()
        if chosen is None:
            self.say("Kies eerst een periode in de lijst.")
            return
        if self.attempt(lambda: calendar_settings.remove_period(self.ctx, chosen)) is not None:
            self.load()
            self.say(f"Verwijderd: {chosen.name or KIND_LABELS[chosen.kind]}.")

    def import_file(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, "kalender.csv inlezen", "", "CSV-bestanden (*.csv);;Alle bestanden (*)"
        )
        if name:
            self.import_path(Path(name))

    def import_path(self, path: Path) -> None:
        if self.attempt(lambda: calendar_settings.import_calendar(self.ctx, path)) is not None:
            self.load()
            self.say(f"{path.name} is ingelezen.")

    def use_shipped(self) -> None:
        if self.attempt(lambda: calendar_settings.use_shipped(self.ctx)) is not None:
            self.load()
            self.say("De meegeleverde kalender van de regio is weer in gebruik.")
