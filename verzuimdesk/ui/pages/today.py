"""The Vandaag page: the day at a glance for the desk, with the desk's four actions."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget

from verzuimdesk.domain import leave as rules
from verzuimdesk.services import leave_cards, sick_reports
from verzuimdesk.services.context import Context
from verzuimdesk.ui.bus import AppBus
from verzuimdesk.ui.dialogs.manager import desk_actions
from verzuimdesk.ui.formatting import long_date
from verzuimdesk.ui.generated.ui_today_page import Ui_TodayPage
from verzuimdesk.ui.pages.base import Page
from verzuimdesk.ui.worker import BackgroundTask


class TodayPage(Page):
    refreshes_on = frozenset({"sick_reports", "leave_cards", "students", "settings", "letters"})

    def __init__(self, ctx: Context, bus: AppBus, parent: QWidget | None = None) -> None:
        super().__init__(ctx, bus, parent)
        self.ui = Ui_TodayPage()
        self.ui.setupUi(self)
        self.ui.sickButton.clicked.connect(lambda: self._act("open_sick_report"))
        self.ui.betterButton.clicked.connect(lambda: self._act("open_recovery"))
        self.ui.leaveButton.clicked.connect(lambda: self._act("open_leave_card"))
        self.ui.findButton.clicked.connect(lambda: self._act("open_find"))
        self._add_letters_line()

    def load(self) -> None:
        today = self.ctx.today()
        sick = sick_reports.list_open_reports(self.ctx)
        cards = leave_cards.list_cards(self.ctx)
        waiting = sum(1 for c in cards if c.status is rules.Status.AANGEVRAAGD)
        on_leave = sum(
            1
            for c in cards
            if c.status in rules.REGISTERED_STATUSES and c.start_date <= today <= c.end_date
        )
        new_today = sum(1 for r in sick if r.called_at.date() == today)
        self.ui.heading.setText(f"<h1>{long_date(today).capitalize()}</h1>")
        self.ui.summary.setText(
            "<table cellpadding='4'>"
            f"<tr><td>Nu ziek:</td><td><b>{len(sick)}</b> leerlingen "
            f"({new_today} vandaag ziekgemeld)</td></tr>"
            f"<tr><td>Vandaag met verlof:</td><td><b>{on_leave}</b></td></tr>"
            f"<tr><td>Verlofaanvragen zonder beslissing:</td><td><b>{waiting}</b></td></tr>"
            "</table>"
        )
        self._count_letters()

    # -- "N brieven te versturen" (issue 10): counted in the background, a link to Brieven --

    def _add_letters_line(self) -> None:
        from verzuimdesk.domain.roles import Permission
        from verzuimdesk.services.access import can
        from verzuimdesk.services.letters import count_due

        self.letters_line = QLabel(self)
        self.letters_line.setObjectName("lettersLine")
        self.letters_line.setIndent(6)  # in line with the table of figures above
        self.letters_line.linkActivated.connect(lambda _link: self._go("Brieven"))
        self.ui.outer.insertWidget(self.ui.outer.indexOf(self.ui.summary) + 1, self.letters_line)
        self._letters_task = BackgroundTask(
            "brieven tellen", lambda: count_due(self.ctx, self.ctx.today()), self
        )
        self._letters_task.succeeded.connect(self._show_letters)
        self._letters_task.failed.connect(lambda _exc: self.letters_line.setText(""))
        self.letters_line.setVisible(can(self.ctx, Permission.LETTERS))

    def _count_letters(self) -> None:
        if not self.letters_line.isHidden():  # hidden: this role prints no letters
            self._letters_task.start()

    def _show_letters(self, count: object) -> None:
        n = int(count)  # type: ignore[call-overload]
        text = "1 brief te versturen" if n == 1 else f"{n} brieven te versturen"
        self.letters_line.setText(
            f"<a href='brieven'>{text}</a>" if n else "Geen brieven te versturen"
        )

    def _go(self, title: str) -> None:
        show_page = getattr(self.window(), "show_page", None)
        if show_page is not None:
            show_page(title)

    def _act(self, name: str) -> None:
        actions = desk_actions(self)
        if actions is not None:
            getattr(actions, name)()
