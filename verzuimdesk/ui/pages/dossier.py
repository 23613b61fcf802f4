"""The Leerlingen page: a student's dossier. Find a student (or arrive from the bellijst through
`bus.open_student`), see who they are and whom to call (R-OUDERS), their route (R-ROUTE), weekly
hours against the R-16U line, patterns per lesson, subject and teacher, and one time-ordered list
of everything. Ctrl+N adds a note in one step (Ctrl+Shift+N: "niet pluis"); Ctrl+E rounds off an
open verzuimgesprek with its evaluation; Alt+W records the student's choice about the parents."""

from __future__ import annotations

from datetime import date
from html import escape
from typing import TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QDate,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLineEdit,
    QTableView,
    QWidget,
)

from verzuimdesk.domain.conversations import QUESTIONS
from verzuimdesk.domain.hours import format_hhmm
from verzuimdesk.errors import VerzuimdeskError
from verzuimdesk.services.changes import Changes
from verzuimdesk.services.consent import CHOICE_LABELS, ConsentRecord, consent_of
from verzuimdesk.services.context import Context
from verzuimdesk.services.conversations import (
    ConversationInfo,
    add_note,
    conversation_defaults,
    record_conversation,
)
from verzuimdesk.services.dossier import (
    CHART_CATEGORIES,
    ONGEOORLOOFD,
    TE_LAAT,
    ZIEK,
    Dossier,
    Event,
    Tally,
    load_dossier,
)
from verzuimdesk.ui.bus import AppBus
from verzuimdesk.ui.dialogs.close_conversation import CloseConversationDialog
from verzuimdesk.ui.dialogs.consent import ConsentDialog
from verzuimdesk.ui.dialogs.manager import DialogManager
from verzuimdesk.ui.errors_ui import OK_STYLE, WARNING_STYLE, show_error, show_inline
from verzuimdesk.ui.generated.ui_conversation_dialog import Ui_ConversationDialog
from verzuimdesk.ui.generated.ui_dossier_page import Ui_DossierPage
from verzuimdesk.ui.models.rows import Column, RowsModel
from verzuimdesk.ui.widgets.charts import HeatMapWidget, WeeklyHoursChart
from verzuimdesk.ui.widgets.student_search import StudentSearchField

_Index = QModelIndex | QPersistentModelIndex
T = TypeVar("T")
REFRESH_ON = (
    "registrations",
    "calls",
    "conversations",
    "notes",
    "signals",
    "reports",
    "sick_reports",
    "leave_cards",
    "students",
)
HEAT_CHOICES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("ongeoorloofd + ziek", (ONGEOORLOOFD, ZIEK)),
    ("ongeoorloofd", (ONGEOORLOOFD,)),
    ("ziek", (ZIEK,)),
    ("te laat", (TE_LAAT,)),
    ("alle afwezigheid", CHART_CATEGORIES),
)
WEEKDAY_SHORT = ("ma", "di", "wo", "do", "vr", "za", "zo")


def _proxy(model: QAbstractTableModel, parent: QObject) -> QSortFilterProxyModel:
    proxy = QSortFilterProxyModel(parent)
    proxy.setSourceModel(model)
    proxy.setSortRole(Qt.ItemDataRole.UserRole)
    return proxy


def _day(value: date) -> str:
    return f"{WEEKDAY_SHORT[value.weekday()]} {value:%d-%m-%Y}"


TIMELINE_COLUMNS: tuple[Column[Event], ...] = (
    Column("Datum", lambda e: _day(e.at.date()), lambda e: e.at.isoformat()),
    Column("Tijd", lambda e: f"{e.at:%H:%M}", lambda e: e.at.time().isoformat()),
    Column("Soort", lambda e: e.kind, lambda e: e.kind),
    Column("Wat", lambda e: e.title, lambda e: e.title.casefold(), lambda e: e.title),
    Column("Toelichting", lambda e: e.detail, lambda e: e.detail.casefold(), lambda e: e.detail),
)


def _tally_columns(name: str) -> tuple[Column[Tally], ...]:
    def minutes_of(category: str) -> Column[Tally]:
        return Column(
            category,
            lambda t: format_hhmm(t.minutes[category]) if t.minutes[category] else "",
            lambda t: t.minutes[category],
        )

    return (
        Column(name, lambda t: t.name, lambda t: t.name.casefold()),
        minutes_of(ONGEOORLOOFD),
        minutes_of(ZIEK),
        minutes_of(TE_LAAT),
        Column("totaal", lambda t: format_hhmm(t.total), lambda t: t.total),
        Column("keer", lambda t: str(t.times), lambda t: t.times),
    )


def _conversation_state(c: ConversationInfo) -> str:
    if c.closed_on:
        return f"afgerond {c.closed_on:%d-%m-%Y}"
    if c.next_check_on:
        return f"controle {c.next_check_on:%d-%m-%Y}"
    return "evaluatie plannen"


CONVERSATION_COLUMNS: tuple[Column[ConversationInfo], ...] = (
    Column("Gesprek", lambda c: _day(c.held_on), lambda c: c.held_on.isoformat()),
    Column("Wie", lambda c: c.participants, lambda c: c.participants.casefold()),
    Column(
        "Afspraken",
        lambda c: c.agreements.replace("\n", " "),
        lambda c: c.agreements.casefold(),
        lambda c: c.agreements,
    ),
    Column("Stand", _conversation_state, lambda c: (c.closed_on is not None, c.next_check_on)),
    Column(
        "Evaluatie",
        lambda c: c.evaluation.replace("\n", " "),
        lambda c: c.evaluation.casefold(),
        lambda c: c.evaluation or None,
    ),
    Column(
        "Evaluatie uiterlijk",
        lambda c: f"{c.evaluate_on:%d-%m-%Y}" if c.evaluate_on else "",
        lambda c: c.evaluate_on.isoformat() if c.evaluate_on else "",
    ),
)


def _setup_view(view: QTableView, proxy: QSortFilterProxyModel) -> None:
    view.setModel(proxy)
    view.verticalHeader().hide()
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    view.horizontalHeader().setStretchLastSection(True)


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


class ConversationDialog(QDialog):
    """Record a verzuimgesprek with the questionnaire as a guide and dated agreements."""

    def __init__(
        self,
        ctx: Context,
        bus: AppBus,
        student_id: int,
        student_name: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._bus = bus
        self._student_id = student_id
        self.ui = Ui_ConversationDialog()
        self.ui.setupUi(self)
        self.ui.studentLabel.setText(f"<b>{escape(student_name)}</b>")
        self.answers: dict[str, QLineEdit] = {}
        for number, question in enumerate(QUESTIONS, start=1):
            edit = QLineEdit(self)
            edit.setAccessibleName(question)
            edit.setToolTip(question)
            self.answers[question] = edit
            self.ui.questionsLayout.addRow(f"{number}. {question}", edit)
        today = ctx.today()
        self.ui.heldOnEdit.setDate(_qdate(today))
        self._set_default_dates(today)
        self.ui.heldOnEdit.dateChanged.connect(lambda d: self._set_default_dates(d.toPython()))
        self.ui.buttonBox.accepted.connect(self.save)
        self.ui.buttonBox.rejected.connect(self.reject)
        self.ui.buttonBox.button(QDialogButtonBox.StandardButton.Save).setText("Opslaan")
        self.ui.buttonBox.button(QDialogButtonBox.StandardButton.Cancel).setText("Annuleren")
        self.ui.participantsEdit.setFocus()

    def _set_default_dates(self, held_on: date) -> None:
        check, evaluate = conversation_defaults(self._ctx, held_on)
        self.ui.checkEdit.setDate(_qdate(check))
        self.ui.evaluateEdit.setDate(_qdate(evaluate))

    def save(self) -> None:
        try:
            _, changes = record_conversation(
                self._ctx,
                self._student_id,
                self.ui.heldOnEdit.date().toPython(),
                self.ui.participantsEdit.text(),
                self.ui.agreementsEdit.toPlainText(),
                {q: e.text() for q, e in self.answers.items()},
                self.ui.checkEdit.date().toPython(),
                self.ui.evaluateEdit.date().toPython(),
            )
        except VerzuimdeskError as exc:
            show_inline(self.ui.messageLabel, exc)
            return
        self._bus.announce(changes)
        self.accept()


class DossierPage(QWidget):
    def __init__(self, ctx: Context, bus: AppBus, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._bus = bus
        self._dialogs = DialogManager()
        self.dossier: Dossier | None = None
        self.consent: ConsentRecord | None = None
        self.ui = Ui_DossierPage()
        self.ui.setupUi(self)

        self.search = StudentSearchField(ctx, bus, self)
        self.ui.searchLayout.addWidget(self.search)
        self.search.student_chosen.connect(self.show_student)
        bus.open_student.connect(self.show_student)
        bus.changed.connect(self._on_changed)

        self.timeline = RowsModel(TIMELINE_COLUMNS, self)
        self.timeline_proxy = _proxy(self.timeline, self)
        _setup_view(self.ui.timelineView, self.timeline_proxy)
        self.ui.timelineView.sortByColumn(0, Qt.SortOrder.DescendingOrder)
        for column, width in ((0, 120), (1, 50), (2, 110), (3, 380)):
            self.ui.timelineView.setColumnWidth(column, width)
        self.subjects = RowsModel(_tally_columns("vak"), self)
        self.teachers = RowsModel(_tally_columns("docent"), self)
        self.conversations = RowsModel(CONVERSATION_COLUMNS, self)
        for model, view in (
            (self.subjects, self.ui.subjectView),
            (self.teachers, self.ui.teacherView),
            (self.conversations, self.ui.conversationView),
        ):
            _setup_view(view, _proxy(model, self))
        for column, width in ((1, 180), (2, 360), (3, 130), (4, 300)):
            self.ui.conversationView.setColumnWidth(column, width)

        self.chart = WeeklyHoursChart(self)
        self.ui.chartLayout.addWidget(self.chart, 1)
        self.heat = HeatMapWidget(self)
        self.ui.heatLayout.addWidget(self.heat, 1)
        for label, _ in HEAT_CHOICES:
            self.ui.heatCategoryCombo.addItem(label)
        self.ui.heatCategoryCombo.currentIndexChanged.connect(lambda _i: self._show_heat())

        self.ui.noteKindCombo.addItems(["notitie", "niet pluis"])
        self.ui.noteEdit.installEventFilter(self)
        self.ui.noteButton.clicked.connect(lambda: self.start_note("notitie"))
        self.ui.conversationButton.clicked.connect(self.open_conversation)
        self.ui.closeConversationButton.clicked.connect(self.open_close_conversation)
        self.ui.consentButton.clicked.connect(self.open_consent)
        for keys, kind in (("Ctrl+N", "notitie"), ("Ctrl+Shift+N", "niet pluis")):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(lambda k=kind: self.start_note(k))
        close_shortcut = QShortcut(QKeySequence("Ctrl+E"), self)
        close_shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        close_shortcut.activated.connect(self.open_close_conversation)
        self.ui.noteBar.hide()
        self.ui.messageLabel.hide()
        # issue 10: the student's letters, "brief maken", schorsing and verwijdering
        from verzuimdesk.ui.widgets.dossier_letters import DossierLettersTab

        self.letters_tab = DossierLettersTab(ctx, bus, self)
        self.ui.tabs.addTab(self.letters_tab, "Brieven en maatregelen")
        self._show_empty(True)

    # -- showing -----------------------------------------------------------------------------

    @property
    def student_id(self) -> int | None:
        return self.dossier.header.student_id if self.dossier else None

    def _show_empty(self, empty: bool) -> None:
        self.ui.emptyLabel.setVisible(empty)
        self.ui.dossier.setVisible(not empty)
        self.ui.noteButton.setEnabled(not empty)
        self.ui.conversationButton.setEnabled(not empty)
        self.ui.consentButton.setEnabled(not empty)

    def show_student(self, student_id: int) -> None:
        try:
            self.dossier = load_dossier(self._ctx, student_id)
            self.consent = consent_of(self._ctx, student_id)
        except VerzuimdeskError as exc:
            show_error(self, exc)
            return
        chosen = self.search.chosen
        if chosen is None or chosen.id != student_id:
            # arriving from the bellijst: show who this is without choosing a second time
            self.search.blockSignals(True)
            self.search.choose(student_id)
            self.search.blockSignals(False)
        self._fill()

    def _fill(self) -> None:
        dossier = self.dossier
        if dossier is None:
            return
        self._show_empty(False)
        self.ui.headerLabel.setText(_header_html(dossier))
        self.ui.contactsLabel.setText(_contacts_html(dossier, self.consent))
        self.ui.signalsLabel.setText(_signals_html(dossier))
        self.timeline.set_rows(dossier.timeline)
        self.subjects.set_rows(dossier.subjects)
        self.teachers.set_rows(dossier.teachers)
        self.conversations.set_rows(dossier.conversations)
        self.ui.closeConversationButton.setEnabled(bool(self.open_conversations()))
        for view in (self.ui.subjectView, self.ui.teacherView):
            view.sortByColumn(4, Qt.SortOrder.DescendingOrder)
        self.chart.set_weeks(dossier.weeks, dossier.threshold_minutes, dossier.window_lesweken)
        self.letters_tab.show_student(dossier.header.student_id)
        totals = dossier.total_minutes
        self.ui.totalsLabel.setText(
            f"Schooljaar {dossier.school_year} tot en met {dossier.on:%d-%m-%Y}: "
            + ", ".join(f"{c} {format_hhmm(m)} uur" for c, m in totals.items())
            + ". De staven zijn uren per lesweek; de doorgetrokken lijn telt het ongeoorloofd "
            f"verzuim van de laatste {dossier.window_lesweken} lesweken op; boven de stippellijn "
            "is R-16U bereikt."
        )
        self._show_heat()

    def _show_heat(self) -> None:
        if self.dossier is not None:
            _, categories = HEAT_CHOICES[max(0, self.ui.heatCategoryCombo.currentIndex())]
            self.heat.set_heat(self.dossier.heat, categories)

    def _on_changed(self, changes: Changes) -> None:
        student_id = self.student_id
        if student_id is None:
            return
        mine = not changes.student_ids or student_id in changes.student_ids
        if mine and any(getattr(changes, name) for name in REFRESH_ON):
            self.show_student(student_id)

    # -- notes -------------------------------------------------------------------------------

    def start_note(self, kind: str) -> None:
        if self.student_id is None:
            return
        self.ui.noteKindCombo.setCurrentText(kind)
        self.ui.noteBar.show()
        self.ui.noteEdit.setFocus()

    def save_note(self) -> None:
        student_id = self.student_id
        if student_id is None:
            return
        try:
            changes = add_note(
                self._ctx,
                student_id,
                self.ui.noteEdit.text(),
                self.ui.noteKindCombo.currentText(),
            )
        except VerzuimdeskError as exc:
            show_inline(self.ui.messageLabel, exc)
            return
        self.ui.noteEdit.clear()
        self.ui.noteBar.hide()
        self.ui.messageLabel.setStyleSheet(OK_STYLE)
        self.ui.messageLabel.setText("Notitie opgeslagen.")
        self.ui.messageLabel.show()
        self._bus.announce(changes)  # refreshes this page too
        self.ui.timelineView.setFocus()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.ui.noteEdit and isinstance(event, QKeyEvent):
            if event.type() == QEvent.Type.KeyPress and event.key() in (
                Qt.Key.Key_Return,
                Qt.Key.Key_Enter,
            ):
                self.save_note()
                return True
            if event.type() == QEvent.Type.KeyPress and event.key() == Qt.Key.Key_Escape:
                self.ui.noteBar.hide()
                return True
        return super().eventFilter(watched, event)

    # -- verzuimgesprek ----------------------------------------------------------------------

    def open_conversation(self) -> QDialog | None:
        dossier = self.dossier
        if dossier is None:
            return None
        dialog, _ = self._dialogs.open(
            f"gesprek-{dossier.header.student_id}",
            lambda: ConversationDialog(
                self._ctx, self._bus, dossier.header.student_id, dossier.header.name, self
            ),
        )
        return dialog

    def open_conversations(self) -> list[ConversationInfo]:
        """Open ones, the one to evaluate first at the top."""
        if self.dossier is None:
            return []
        found = [c for c in self.dossier.conversations if c.closed_on is None]
        return sorted(found, key=lambda c: (c.evaluate_on or date.max, c.held_on, c.id))

    def _chosen_conversation_id(self) -> int | None:
        index = self.ui.conversationView.currentIndex()
        if not index.isValid():
            return None
        proxy = self.ui.conversationView.model()
        assert isinstance(proxy, QSortFilterProxyModel)
        row = self.conversations.row(proxy.mapToSource(index).row())
        return row.id if row is not None and row.closed_on is None else None

    def open_close_conversation(self) -> QDialog | None:
        dossier = self.dossier
        if dossier is None:
            return None
        self.ui.tabs.setCurrentWidget(self.ui.conversationTab)
        open_ones = self.open_conversations()
        if not open_ones:
            self.ui.messageLabel.setStyleSheet(WARNING_STYLE)
            self.ui.messageLabel.setText("Er is geen open verzuimgesprek om af te ronden.")
            self.ui.messageLabel.show()
            return None
        chosen = self._chosen_conversation_id()
        dialog, _ = self._dialogs.open(
            f"afronden-{dossier.header.student_id}",
            lambda: CloseConversationDialog(
                self._ctx, self._bus, dossier.header.name, open_ones, chosen, self
            ),
        )
        return dialog

    # -- R-OUDERS ----------------------------------------------------------------------------

    def open_consent(self) -> QDialog | None:
        consent = self.consent
        if self.dossier is None or consent is None:
            return None
        dialog, _ = self._dialogs.open(
            f"toestemming-{consent.student_id}",
            lambda: ConsentDialog(self._ctx, self._bus, consent, self),
        )
        return dialog


def _header_html(dossier: Dossier) -> str:
    h = dossier.header
    year = f", leerjaar {h.leerjaar}" if h.leerjaar else ""
    mentor = f"<br/>Mentor/SLB: {escape(h.mentor)}" if h.mentor else ""
    return (
        f"<span style='font-size:15pt'><b>{escape(h.name)}</b></span> "
        f"({escape(h.leerlingnummer)})<br/>"
        f"{h.age} jaar (geboren {h.born:%d-%m-%Y}) · klas <b>{escape(h.klas)}</b>{year}<br/>"
        f"{escape(h.opleiding)}{mentor}<br/>"
        f"Melden aan: <b>{escape(h.route)}</b> ({escape(h.route_explanation)})"
    )


def _contacts_html(dossier: Dossier, consent: ConsentRecord | None = None) -> str:
    h = dossier.header
    lines = [
        f"{escape(c.label)}: <b>{escape(c.phone or 'geen nummer')}</b>"
        + (f" · {escape(c.email)}" if c.email else "")
        for c in h.contacts
    ]
    colour = "#1d5e20" if h.consent.parents_allowed else "#7a4b00"
    lines.append(f"<span style='color:{colour}'>{escape(h.consent.explanation)}</span>")
    if consent is not None and not consent.adult and consent.choice is not None:
        # R-OUDERS ignores it until the birthday; without this line it would be invisible
        when = f" op {consent.choice_date:%d-%m-%Y}" if consent.choice_date else ""
        lines.append(f"Keuze voor vanaf 18: {escape(CHOICE_LABELS[consent.choice])}{when}.")
    return "<b>Contact</b><br/>" + "<br/>".join(lines)


SHOWN_SIGNALS = 3


def _signals_html(dossier: Dossier) -> str:
    if not dossier.open_signals:
        return "<b>Open signalen</b><br/>geen"
    newest = sorted(dossier.open_signals, key=lambda s: s.arose_on, reverse=True)
    items = []
    for s in newest[:SHOWN_SIGNALS]:
        deadline = f", melden uiterlijk {s.deadline:%d-%m-%Y}" if s.deadline else ""
        items.append(
            f"<b>{escape(s.rule)}</b> sinds {s.arose_on:%d-%m-%Y}{deadline}:<br/>"
            f"{escape(s.explanation)}"
        )
    older = len(newest) - SHOWN_SIGNALS
    if older > 0:
        items.append(f"<i>… en nog {older} oudere open signalen (zie de tijdlijn)</i>")
    return f"<b style='color:#a40000'>Open signalen ({len(newest)})</b><br/>" + "<br/>".join(items)
