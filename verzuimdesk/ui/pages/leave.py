"""The Verlof page: every leave card, those waiting for a decision first; "Beslissing invoeren"."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QWidget

from verzuimdesk.domain import leave as rules
from verzuimdesk.errors import VerzuimdeskError
from verzuimdesk.services import leave_cards
from verzuimdesk.services.context import Context
from verzuimdesk.services.leave_cards import LeaveCardView
from verzuimdesk.ui.bus import AppBus
from verzuimdesk.ui.dialogs.manager import desk_actions
from verzuimdesk.ui.errors_ui import ERROR_STYLE, message_for
from verzuimdesk.ui.formatting import short_date
from verzuimdesk.ui.generated.ui_decision_dialog import Ui_DecisionDialog
from verzuimdesk.ui.models.rows import Column
from verzuimdesk.ui.pages.table_page import TablePageBase


def _period(card: LeaveCardView) -> str:
    start, end = short_date(card.start_date), short_date(card.end_date)
    if card.start_date == card.end_date:
        if card.start_time and card.end_time:
            return f"{start} {card.start_time:%H:%M}–{card.end_time:%H:%M}"
        return start
    if card.start_time:
        start += f" {card.start_time:%H:%M}"
    if card.end_time:
        end += f" {card.end_time:%H:%M}"
    return f"{start} t/m {end}"


def _decided(card: LeaveCardView) -> str:
    if card.status is rules.Status.AANGEVRAAGD:
        return f"wacht op {rules.DECIDER_LABELS[card.decider]}"
    return card.decided_by or rules.DECIDER_LABELS[card.decider]


COLUMNS: tuple[Column[LeaveCardView], ...] = (
    Column("Status", lambda c: rules.STATUS_LABELS[c.status], lambda c: c.status != "aangevraagd"),
    Column("Leerling", lambda c: c.student_name, lambda c: c.student_name),
    Column("Klas", lambda c: c.klas, lambda c: c.klas),
    Column("Soort", lambda c: c.kind_label, lambda c: c.kind_label, lambda c: c.kind_label, 34),
    Column("Periode", _period, lambda c: c.start_date),
    Column("Dagen", lambda c: str(c.school_days), lambda c: c.school_days),
    Column("Beslist door", _decided, _decided, _decided, 24),
    Column("Reden", lambda c: c.reason, lambda c: c.reason, lambda c: c.reason),
)  # fmt: skip


def _waiting_text(waiting: int) -> str:
    if waiting == 0:
        return "Geen aanvragen die op een beslissing wachten."
    if waiting == 1:
        return "1 aanvraag wacht op een beslissing."
    return f"{waiting} aanvragen wachten op een beslissing."


class DecisionDialog(QDialog):
    """Enter who decided on a requested card, and what (R-VERLOF-5)."""

    def __init__(
        self, ctx: Context, bus: AppBus, card: LeaveCardView, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.bus = bus
        self.card = card
        self.ui = Ui_DecisionDialog()
        self.ui.setupUi(self)
        self.ui.summary.setText(
            f"<b>{card.student_name}</b> ({card.klas}): {card.kind_label}, {_period(card)} "
            f"({card.school_days} schooldagen).<br>Reden: {card.reason}<br>Hierover beslist de "
            f"<b>{rules.DECIDER_LABELS[card.decider]}</b>."
        )
        self.ui.decision.addItem("Verleend", True)
        self.ui.decision.addItem("Afgewezen", False)
        for decider, label in rules.DECIDER_LABELS.items():
            if decider is not rules.Decider.RECEPTIE:
                self.ui.role.addItem(label, decider.value)
        self.ui.role.setCurrentIndex(max(self.ui.role.findData(card.decider.value), 0))
        save = self.ui.buttons.button(QDialogButtonBox.StandardButton.Save)
        save.setText("Beslissing &opslaan")
        self.ui.buttons.accepted.connect(self._save)
        self.ui.buttons.rejected.connect(self.reject)
        self.ui.decision.setFocus()

    def _save(self) -> None:
        try:
            result = leave_cards.decide_card(
                self.ctx,
                self.card.id,
                bool(self.ui.decision.currentData()),
                self.ui.decidedBy.text(),
                rules.Decider(self.ui.role.currentData()),
            )
        except VerzuimdeskError as exc:
            self.ui.message.setStyleSheet(ERROR_STYLE)
            self.ui.message.setText(message_for(exc))
            return
        self.bus.announce(result.changes)
        self.accept()


class LeavePage(TablePageBase):
    refreshes_on = frozenset({"leave_cards", "students"})

    def __init__(self, ctx: Context, bus: AppBus, parent: QWidget | None = None) -> None:
        super().__init__(ctx, bus, parent, COLUMNS)
        self.ui.heading.setText("<h2>Verlof</h2>")
        self.ui.hint.setText(
            "Aangevraagde kaarten staan bovenaan tot de beslissing is ingevoerd. F4 voert een "
            "nieuwe verlofkaart in; Enter op een aangevraagde kaart voert de beslissing in."
        )
        self.add_button("&Nieuwe verlofkaart (F4)", self._new)
        self.decide_button = self.add_button("&Beslissing invoeren…", self.decide)
        self.add_button("&Dossier openen", self._open_student)
        self.finish_buttons()
        self.ui.table.setSortingEnabled(False)  # the service's order: waiting first
        self.decision_dialog: DecisionDialog | None = None

    def load(self) -> None:
        rows = leave_cards.list_cards(self.ctx)
        waiting = sum(1 for c in rows if c.status is rules.Status.AANGEVRAAGD)
        self.ui.heading.setText(f"<h2>Verlof</h2><p>{_waiting_text(waiting)}</p>")
        self.show_rows(rows, "Er zijn nog geen verlofkaarten ingevoerd.")

    def activate(self) -> None:
        card = self.current()
        if card is not None and card.status is rules.Status.AANGEVRAAGD:
            self.decide()
        elif card is not None:
            self.bus.open_student.emit(card.student_id)

    def decide(self) -> None:
        card = self.current()
        if card is None or card.status is not rules.Status.AANGEVRAAGD:
            self.bus.status_message.emit("Kies een aangevraagde kaart om over te beslissen.")
            return
        if self.decision_dialog is not None and self.decision_dialog.isVisible():
            self.decision_dialog.raise_()
            self.decision_dialog.activateWindow()
            return
        self.decision_dialog = DecisionDialog(self.ctx, self.bus, card, self)
        self.decision_dialog.show()

    def _new(self) -> None:
        actions = desk_actions(self)
        if actions is not None:
            actions.open_leave_card()

    def _open_student(self) -> None:
        card = self.current()
        if card is not None:
            self.bus.open_student.emit(card.student_id)
