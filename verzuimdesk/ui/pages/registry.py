"""The pages of the main window, in navigation order; Alt+1..9 follow this order."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial

from PySide6.QtWidgets import QWidget

from verzuimdesk.services.context import Context
from verzuimdesk.ui.bus import AppBus
from verzuimdesk.ui.pages.bellijst import BellijstPage
from verzuimdesk.ui.pages.dossier import DossierPage
from verzuimdesk.ui.pages.leave import LeavePage
from verzuimdesk.ui.pages.letters import LettersPage
from verzuimdesk.ui.pages.placeholder import PlaceholderPage
from verzuimdesk.ui.pages.reports import ReportsPage
from verzuimdesk.ui.pages.settings import SettingsPage
from verzuimdesk.ui.pages.sick_reports import SickReportsPage
from verzuimdesk.ui.pages.today import TodayPage

PageFactory = Callable[[Context, AppBus], QWidget]


@dataclass(frozen=True)
class PageSpec:
    title: str
    factory: PageFactory | None  # None: "komt in een volgende versie"

    @property
    def placeholder(self) -> bool:
        return self.factory is None

    def build(self, ctx: Context, bus: AppBus) -> QWidget:
        factory = self.factory or partial(PlaceholderPage, title=self.title)
        return factory(ctx, bus)


PAGES: tuple[PageSpec, ...] = (
    PageSpec("Vandaag", TodayPage),
    PageSpec("Bellijst", BellijstPage),
    PageSpec("Leerlingen", DossierPage),
    PageSpec("Ziekmeldingen", SickReportsPage),
    PageSpec("Verlof", LeavePage),
    PageSpec("Brieven", LettersPage),
    PageSpec("DUO-meldingen", None),
    PageSpec("Rapportages", ReportsPage),
    PageSpec("Instellingen", SettingsPage),
)
