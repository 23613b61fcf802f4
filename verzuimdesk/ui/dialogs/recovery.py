"""The beter-melding dialog (F3): find the sick student, the time of the call, better from when.

Never retroactive (R-ZIEK-4): "beter vanaf" before the call is refused live.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QDate, QDateTime, QTime
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QWidget

from verzuimdesk.domain.sick_reports import check_recovery
from verzuimdesk.errors import VerzuimdeskError
from verzuimdesk.services import sick_reports
from verzuimdesk.services.context import Context
from verzuimdesk.services.sick_reports import SickReportView
from verzuimdesk.ui.bus import AppBus
from verzuimdesk.ui.dialogs.sick_report import embed_search
from verzuimdesk.ui.errors_ui import ERROR_STYLE, OK_STYLE, WARNING_STYLE, message_for
from verzuimdesk.ui.formatting import report_summary, today_at
from verzuimdesk.ui.generated.ui_recovery_dialog import Ui_RecoveryDialog
from verzuimdesk.ui.widgets.focus import chain_focus
from verzuimdesk.ui.worker import while_saving


class RecoveryDialog(QDialog):
    def __init__(self, ctx: Context, bus: AppBus, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.bus = bus
        self.ui = Ui_RecoveryDialog()
        self.ui.setupUi(self)
        self.search = embed_search(self.ui.studentHost, ctx, bus)
        self.ui.studentLabel.setBuddy(self.search.edit)
        chain_focus(self.search.edit, self.ui.callTime, self.ui.betterFrom, self.ui.buttons)
        now = ctx.now()
        self.ui.callTime.setTime(QTime(now.hour, now.minute))
        self.ui.betterFrom.setDateTime(
            QDateTime(QDate(now.year, now.month, now.day), QTime(now.hour, now.minute))
        )
        self.save_button = self.ui.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText("&Beter melden")
        self.save_button.setDefault(True)
        self._report: SickReportView | None = None
        self._follow_call = True  # "beter vanaf" follows the call time until edited

        self.search.student_chosen.connect(self._on_student)
        self.search.choice_cleared.connect(lambda: self._on_student(None))
        self.ui.callTime.timeChanged.connect(self._on_call_time)
        self.ui.betterFrom.dateTimeChanged.connect(self._on_better_from)
        self.ui.buttons.accepted.connect(self._save)
        self.ui.buttons.rejected.connect(self.reject)
        self.search.setFocus()
        self._update()

    def choose_student(self, student_id: int) -> None:
        self.search.choose(student_id)

    def _called_at(self) -> datetime:
        return today_at(self.ctx.today(), self.ui.callTime.time())

    def _better_from(self) -> datetime:
        return self.ui.betterFrom.dateTime().toPython().replace(second=0, microsecond=0)

    def _on_call_time(self) -> None:
        if self._follow_call:
            called = self._called_at()
            self.ui.betterFrom.blockSignals(True)
            self.ui.betterFrom.setDateTime(
                QDateTime(
                    QDate(called.year, called.month, called.day), QTime(called.hour, called.minute)
                )
            )
            self.ui.betterFrom.blockSignals(False)
        self._update()

    def _on_better_from(self) -> None:
        self._follow_call = False
        self._update()

    def _on_student(self, student_id: int | None) -> None:
        self._report = (
            None if student_id is None else sick_reports.open_report_for(self.ctx, student_id)
        )
        if student_id is not None:
            self.ui.callTime.setFocus()
        self._update()

    def _update(self) -> None:
        self.save_button.setEnabled(False)
        hit = self.search.chosen
        if hit is None:
            self.ui.reportLabel.setText("Zoek de leerling die beter gemeld wordt.")
            self.ui.reportLabel.setStyleSheet("")
            self._show("", OK_STYLE)
            return
        if self._report is None:
            self.ui.reportLabel.setText(
                f"{hit.name} is niet ziekgemeld; er valt niets beter te melden."
            )
            self.ui.reportLabel.setStyleSheet(WARNING_STYLE)
            self._show("", OK_STYLE)
            return
        self.ui.reportLabel.setText(report_summary(self._report))
        self.ui.reportLabel.setStyleSheet("")
        try:
            check_recovery(self._report.starts_at, self._called_at(), self._better_from())
        except VerzuimdeskError as exc:
            self._show(message_for(exc), ERROR_STYLE)
            return
        self._show(f"Beter vanaf {self._better_from():%d-%m-%Y %H:%M}.", OK_STYLE)
        self.save_button.setEnabled(True)

    def _show(self, text: str, style: str) -> None:
        self.ui.message.setStyleSheet(style)
        self.ui.message.setText(text)

    def _save(self) -> None:
        hit = self.search.chosen
        if hit is None or self._report is None:
            self._update()
            return
        try:
            called_at, better_from = self._called_at(), self._better_from()
            result = while_saving(
                self, lambda: sick_reports.report_better(self.ctx, hit.id, called_at, better_from)
            )
        except VerzuimdeskError as exc:
            self._show(message_for(exc), ERROR_STYLE)
            return
        self.bus.announce(result.changes)
        self.bus.status_message.emit(f"Beter gemeld: {hit.name}")
        self.accept()
