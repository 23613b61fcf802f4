"""The ziekmelding dialog (F2), keyboard-first: find the student, who calls, the time, Enter.

Refusals (R-ZIEK-4, an already sick student) are shown live under the form and saving is
blocked; the service checks everything again when saving.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import cast

from PySide6.QtCore import QDate, QTime
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QVBoxLayout, QWidget

from verzuimdesk.domain.sick_reports import CALLER_KINDS
from verzuimdesk.errors import VerzuimdeskError
from verzuimdesk.services import sick_reports
from verzuimdesk.services.context import Context
from verzuimdesk.services.sick_reports import SickReportView
from verzuimdesk.ui.bus import AppBus
from verzuimdesk.ui.errors_ui import ERROR_STYLE, OK_STYLE, WARNING_STYLE, message_for
from verzuimdesk.ui.formatting import report_summary, today_at
from verzuimdesk.ui.generated.ui_sick_report_dialog import Ui_SickReportDialog
from verzuimdesk.ui.widgets.focus import chain_focus
from verzuimdesk.ui.widgets.student_search import StudentSearchField
from verzuimdesk.ui.worker import while_saving


def embed_search(host: QWidget, ctx: Context, bus: AppBus) -> StudentSearchField:
    """Put a StudentSearchField into a form's placeholder widget."""
    field = StudentSearchField(ctx, bus, host)
    layout = QVBoxLayout(host)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(field)
    return field


class SickReportDialog(QDialog):
    def __init__(self, ctx: Context, bus: AppBus, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.bus = bus
        self.ui = Ui_SickReportDialog()
        self.ui.setupUi(self)
        self.search = embed_search(self.ui.studentHost, ctx, bus)
        self.ui.studentLabel.setBuddy(self.search.edit)
        chain_focus(
            self.search.edit,
            self.ui.callerKind,
            self.ui.callerName,
            self.ui.reason,
            self.ui.callTime,
            self.ui.sickSince,
            self.ui.note,
            self.ui.recoverButton,
            self.ui.buttons,
        )
        for key, label in CALLER_KINDS.items():
            self.ui.callerKind.addItem(label, key)
        now = ctx.now()
        self.ui.callTime.setTime(QTime(now.hour, now.minute))
        self.ui.sickSince.setDate(QDate(now.year, now.month, now.day))
        self.save_button = self.ui.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText("Ziekmelding &opslaan")
        self.save_button.setDefault(True)
        self.ui.recoverButton.hide()
        self.ui.openReportLabel.hide()
        self._open_report: SickReportView | None = None

        self.search.student_chosen.connect(self._on_student)
        self.search.choice_cleared.connect(self._on_student_cleared)
        self.ui.callerKind.currentIndexChanged.connect(self._update)
        self.ui.callerName.textChanged.connect(self._update)
        self.ui.callTime.timeChanged.connect(self._update)
        self.ui.sickSince.dateChanged.connect(self._update)
        self.ui.buttons.accepted.connect(self._save)
        self.ui.buttons.rejected.connect(self.reject)
        self.ui.recoverButton.clicked.connect(self._recover)
        self.search.setFocus()
        self._update()

    # -- inputs ----------------------------------------------------------------------------

    def choose_student(self, student_id: int) -> None:
        self.search.choose(student_id)

    def _called_at(self) -> datetime:
        return today_at(self.ctx.today(), self.ui.callTime.time())

    def _sick_since(self) -> date:
        return cast(date, self.ui.sickSince.date().toPython())

    def _on_student(self, student_id: int) -> None:
        self._open_report = sick_reports.open_report_for(self.ctx, student_id)
        if self._open_report is not None:
            self.ui.openReportLabel.setText(
                "Al ziekgemeld: " + report_summary(self._open_report) + ". Er komt geen tweede "
                "ziekmelding; meld de leerling beter met F3 als dat nodig is."
            )
            self.ui.openReportLabel.setStyleSheet(WARNING_STYLE)
            self.ui.openReportLabel.show()
            self.ui.recoverButton.show()
            self.ui.recoverButton.setFocus()
        else:
            self.ui.openReportLabel.hide()
            self.ui.recoverButton.hide()
            self.ui.callerKind.setFocus()
        self._update()

    def _on_student_cleared(self) -> None:
        self._open_report = None
        self.ui.openReportLabel.hide()
        self.ui.recoverButton.hide()
        self._update()

    # -- live checks -----------------------------------------------------------------------

    def _update(self) -> None:
        self.ui.callerName.setEnabled(self.ui.callerKind.currentData() != "leerling")
        blocked = self.search.chosen is None or self._open_report is not None
        try:
            preview = sick_reports.preview_report(self.ctx, self._called_at(), self._sick_since())
        except VerzuimdeskError as exc:
            self.ui.explanation.clear()
            self._show(message_for(exc), ERROR_STYLE)
            self.save_button.setEnabled(False)
            return
        self.ui.explanation.setText(preview.explanation)
        self.ui.explanation.setStyleSheet(OK_STYLE)
        self._show("\n".join(preview.warnings), WARNING_STYLE)
        self.save_button.setEnabled(not blocked)

    def _show(self, text: str, style: str) -> None:
        self.ui.message.setStyleSheet(style)
        self.ui.message.setText(text)

    # -- actions ---------------------------------------------------------------------------

    def _save(self) -> None:
        hit = self.search.chosen
        if hit is None:
            self._show("Zoek en kies eerst de leerling.", ERROR_STYLE)
            self.search.setFocus()
            return
        try:
            called_at, sick_since = self._called_at(), self._sick_since()
            caller_kind, caller_name = self.ui.callerKind.currentData(), self.ui.callerName.text()
            reason, note = self.ui.reason.text(), self.ui.note.text()
            result = while_saving(
                self,
                lambda: sick_reports.report_sick(
                    self.ctx,
                    hit.id,
                    called_at,
                    caller_kind,
                    caller_name,
                    reason,
                    sick_since=sick_since,
                    note=note,
                ),
            )
        except VerzuimdeskError as exc:
            self._show(message_for(exc), ERROR_STYLE)
            return
        self.bus.announce(result.changes)
        self.bus.status_message.emit(f"Ziekmelding opgeslagen: {report_summary(result.report)}")
        self.accept()

    def _recover(self) -> None:
        report = self._open_report
        window = self.parent()
        self.reject()
        opener = getattr(window, "open_recovery", None)
        if report is not None and opener is not None:
            opener(report.student_id)
