"""The Ziekmeldingen page: who is sick now (the "nu ziek" list); Enter opens, F3 beter-melden."""

from __future__ import annotations

from PySide6.QtWidgets import QInputDialog, QWidget

from verzuimdesk.domain.hours import format_hhmm
from verzuimdesk.errors import VerzuimdeskError
from verzuimdesk.services import sick_reports
from verzuimdesk.services.context import Context
from verzuimdesk.services.sick_reports import SickReportView
from verzuimdesk.ui.bus import AppBus
from verzuimdesk.ui.dialogs.manager import desk_actions
from verzuimdesk.ui.errors_ui import show_error
from verzuimdesk.ui.formatting import long_date, moment
from verzuimdesk.ui.models.rows import Column
from verzuimdesk.ui.pages.table_page import TablePageBase

COLUMNS: tuple[Column[SickReportView], ...] = (
    Column("Leerling", lambda r: r.student_name, lambda r: r.student_name),
    Column("Klas", lambda r: r.klas, lambda r: r.klas),
    Column("Ziek sinds", lambda r: moment(r.starts_at), lambda r: r.starts_at),
    Column("Lesdagen", lambda r: str(r.days), lambda r: r.days),
    Column("Uren (u:mm)", lambda r: format_hhmm(r.minutes), lambda r: r.minutes),
    Column("Gemeld door", lambda r: r.caller_text, lambda r: r.caller_text, max_chars=44),
    Column("Reden", lambda r: r.reason, lambda r: r.reason, lambda r: r.reason),
)


class SickReportsPage(TablePageBase):
    refreshes_on = frozenset({"sick_reports", "registrations", "students"})

    def __init__(self, ctx: Context, bus: AppBus, parent: QWidget | None = None) -> None:
        super().__init__(ctx, bus, parent, COLUMNS)
        self.ui.heading.setText("<h2>Ziekmeldingen: nu ziek</h2>")
        self.ui.hint.setText(
            "Enter opent het dossier, F3 meldt de gekozen leerling beter, F2 voert een nieuwe "
            "ziekmelding in."
        )
        self.add_button("&Nieuwe ziekmelding (F2)", self._new)
        self.add_button("&Beter melden (F3)", self._better)
        self.add_button("&Dossier openen (Enter)", self.activate)
        self.add_button("Onbereikbaar: &ongeoorloofd…", self._unreachable)
        self.finish_buttons()

    def load(self) -> None:
        rows = sick_reports.list_open_reports(self.ctx)
        self.ui.heading.setText(
            f"<h2>Ziekmeldingen: nu ziek ({len(rows)})</h2>"
            f"<p>{long_date(self.ctx.today()).capitalize()}</p>"
        )
        self.show_rows(rows, "Er is op dit moment niemand ziekgemeld.")

    def activate(self) -> None:
        report = self.current()
        if report is not None:
            self.bus.open_student.emit(report.student_id)

    def _new(self) -> None:
        actions = desk_actions(self)
        if actions is not None:
            actions.open_sick_report()

    def _better(self) -> None:
        report = self.current()
        actions = desk_actions(self)
        if actions is not None:
            actions.open_recovery(report.student_id if report else None)

    def _unreachable(self) -> None:
        """R-ZIEK-6: a sick student who cannot be reached becomes OA from today, with why."""
        report = self.current()
        if report is None:
            return
        note, ok = QInputDialog.getText(
            self,
            "Onbereikbaar",
            f"{report.student_name} is niet bereikbaar. Vanaf vandaag wordt de afwezigheid "
            "ongeoorloofd (OA) geregistreerd.\nNoteer wie wanneer heeft gebeld:",
        )
        if not ok:
            return
        try:
            result = sick_reports.mark_unreachable(self.ctx, report.id, self.ctx.today(), note)
        except VerzuimdeskError as exc:
            show_error(self, exc)
            return
        self.bus.announce(result.changes)
