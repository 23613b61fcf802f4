"""The verlofkaart dialog (F4): the card as it lies on the desk, checked live (R-VERLOF-1..5).

The check box under the form shows the school days, the allowance left this school year, who
decides and whether the card is saved as granted or as a request; refusals block saving.
"""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import QDate, QTime
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QWidget

from verzuimdesk.domain import leave as rules
from verzuimdesk.errors import VerzuimdeskError
from verzuimdesk.services import leave_cards
from verzuimdesk.services.context import Context
from verzuimdesk.ui.bus import AppBus
from verzuimdesk.ui.dialogs.sick_report import embed_search
from verzuimdesk.ui.errors_ui import ERROR_STYLE, OK_STYLE, WARNING_STYLE, message_for
from verzuimdesk.ui.generated.ui_leave_card_dialog import Ui_LeaveCardDialog
from verzuimdesk.ui.widgets.focus import chain_focus
from verzuimdesk.ui.worker import while_saving

STATUS_TEXT = {
    rules.Status.VERLEEND: "wordt opgeslagen als verleend en geregistreerd",
    rules.Status.GEMELD: "is een kennisgeving: wordt opgeslagen en geregistreerd",
    rules.Status.AANGEVRAAGD: "wordt opgeslagen als aangevraagd tot de beslissing is ingevoerd",
}


class LeaveCardDialog(QDialog):
    def __init__(self, ctx: Context, bus: AppBus, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.bus = bus
        self.ui = Ui_LeaveCardDialog()
        self.ui.setupUi(self)
        self.search = embed_search(self.ui.studentHost, ctx, bus)
        self.ui.studentLabel.setBuddy(self.search.edit)
        chain_focus(
            self.search.edit,
            self.ui.kind,
            self.ui.subkind,
            self.ui.startDate,
            self.ui.startTime,
            self.ui.wholeDays,
            self.ui.endDate,
            self.ui.endTime,
            self.ui.reason,
            self.ui.employerStatement,
            self.ui.signedBy,
            self.ui.signerRole,
            self.ui.buttons,
        )
        for kind, label in rules.KIND_LABELS.items():
            self.ui.kind.addItem(label, kind)
        for role, label in rules.SIGNER_LABELS.items():
            self.ui.signerRole.addItem(label, role)
        tomorrow = ctx.today() + timedelta(days=1)
        for edit in (self.ui.startDate, self.ui.endDate):
            edit.setDate(QDate(tomorrow.year, tomorrow.month, tomorrow.day))
        self.ui.startTime.setTime(QTime(8, 30))
        self.ui.endTime.setTime(QTime(17, 0))
        self.save_button = self.ui.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText("Kaart &opslaan")
        self.save_button.setDefault(True)

        self.search.student_chosen.connect(self._on_student)
        self.search.choice_cleared.connect(self._update)
        self.ui.kind.currentIndexChanged.connect(self._on_kind)
        for signal in (
            self.ui.subkind.currentIndexChanged,
            self.ui.startTime.timeChanged,
            self.ui.endTime.timeChanged,
            self.ui.endDate.dateChanged,
            self.ui.reason.textChanged,
            self.ui.signedBy.textChanged,
            self.ui.signerRole.currentIndexChanged,
            self.ui.employerStatement.toggled,
            self.ui.wholeDays.toggled,
        ):
            signal.connect(self._update)
        self.ui.startDate.dateChanged.connect(self._on_start_date)
        self.ui.buttons.accepted.connect(self._save)
        self.ui.buttons.rejected.connect(self.reject)
        self._on_kind()
        self.search.setFocus()

    def choose_student(self, student_id: int) -> None:
        self.search.choose(student_id)

    # -- the card as filled in ---------------------------------------------------------------

    def _kind(self) -> rules.LeaveKind:
        # Qt hands enum data back as plain text
        return rules.LeaveKind(self.ui.kind.currentData())

    def card(self) -> rules.CardInput:
        whole = self.ui.wholeDays.isChecked()
        return rules.CardInput(
            kind=self._kind(),
            start_date=self.ui.startDate.date().toPython(),
            end_date=self.ui.endDate.date().toPython(),
            start_time=None if whole else self.ui.startTime.time().toPython(),
            end_time=None if whole else self.ui.endTime.time().toPython(),
            subkind=self.ui.subkind.currentData() if self.ui.subkind.isEnabled() else None,
            reason=self.ui.reason.text(),
            signed_by=self.ui.signedBy.text(),
            signer_role=rules.SignerRole(self.ui.signerRole.currentData()),
            employer_statement=self.ui.employerStatement.isChecked(),
        )

    def _on_student(self, _student_id: int) -> None:
        self.ui.kind.setFocus()
        self._update()

    def _on_kind(self) -> None:
        kind = self._kind()
        self.ui.subkind.blockSignals(True)
        self.ui.subkind.clear()
        if kind is rules.LeaveKind.GEWICHTIG:
            for sub in rules.GEWICHTIG_SUBKINDS:
                limit = f" (max. {sub.max_days} d.)" if sub.max_days else " (directeur beslist)"
                self.ui.subkind.addItem(sub.label + limit, sub.key)
        elif kind is rules.LeaveKind.RELIGIEUS:
            for name in rules.RELIGIOUS_HOLIDAYS:
                self.ui.subkind.addItem(name, name)
        self.ui.subkind.blockSignals(False)
        has_sub = self.ui.subkind.count() > 0
        self.ui.subkind.setEnabled(has_sub)
        self.ui.subkindLabel.setEnabled(has_sub)
        self.ui.employerStatement.setVisible(kind is rules.LeaveKind.VAKANTIE)
        # a doctor's visit is a part of one day; other leave is usually whole days
        self.ui.wholeDays.setChecked(kind is not rules.LeaveKind.DOKTER)
        self._update()

    def _on_start_date(self, value: QDate) -> None:
        if self.ui.endDate.date() < value:
            self.ui.endDate.setDate(value)
        self._update()

    # -- live checks -----------------------------------------------------------------------

    def _update(self) -> None:
        whole = self.ui.wholeDays.isChecked()
        self.ui.startTime.setEnabled(not whole)
        self.ui.endTime.setEnabled(not whole)
        hit = self.search.chosen
        if hit is None:
            self._set_check("Zoek en kies eerst de leerling.", "", "", [], [])
            self.save_button.setEnabled(False)
            return
        try:
            assessment = leave_cards.assess(self.ctx, hit.id, self.card())
        except VerzuimdeskError as exc:
            self._set_check("", "", "", [message_for(exc)], [])
            self.save_button.setEnabled(False)
            return
        days = assessment.school_days
        decider = rules.DECIDER_LABELS[assessment.decider]
        self._set_check(
            f"{days} schooldag{'en' if days != 1 else ''} ({hit.name}, {hit.klas}).",
            assessment.allowance,
            f"Beslist door: {decider}. De kaart {STATUS_TEXT[assessment.status]}.",
            assessment.problems,
            assessment.warnings,
        )
        self.save_button.setEnabled(assessment.can_save)

    def _set_check(
        self, days: str, allowance: str, decider: str, problems: list[str], warnings: list[str]
    ) -> None:
        self.ui.daysLabel.setText(days)
        self.ui.allowanceLabel.setText(allowance)
        self.ui.allowanceLabel.setVisible(bool(allowance))
        self.ui.deciderLabel.setText(decider)
        self.ui.problemsLabel.setText("\n".join(f"✗ {p}" for p in problems))
        self.ui.problemsLabel.setStyleSheet(ERROR_STYLE)
        self.ui.problemsLabel.setVisible(bool(problems))
        self.ui.warningsLabel.setText("\n".join(f"! {w}" for w in warnings))
        self.ui.warningsLabel.setStyleSheet(WARNING_STYLE)
        self.ui.warningsLabel.setVisible(bool(warnings))
        self.ui.deciderLabel.setStyleSheet(OK_STYLE if not problems else "")

    # -- saving ----------------------------------------------------------------------------

    def _save(self) -> None:
        hit = self.search.chosen
        if hit is None:
            self._update()
            return
        try:
            card = self.card()
            result = while_saving(self, lambda: leave_cards.save_card(self.ctx, hit.id, card))
        except VerzuimdeskError as exc:
            self.ui.problemsLabel.setText(message_for(exc))
            self.ui.problemsLabel.setStyleSheet(ERROR_STYLE)
            self.ui.problemsLabel.show()
            return
        self.bus.announce(result.changes)
        self.bus.status_message.emit(
            f"Verlofkaart opgeslagen ({rules.STATUS_LABELS[result.card.status]}): {hit.name}"
        )
        self.accept()
