"""The pages of the main window, in navigation order; Alt+1..9 follow this order."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial

from PySide6.QtWidgets import QWidget

from verzuimdesk.services.context import Context
from verzuimdesk.ui.bellijst_page import BellijstPage
from verzuimdesk.ui.bus import AppBus
from verzuimdesk.ui.dossier_page import DossierPage
from verzuimdesk.ui.leave_page import LeavePage
from verzuimdesk.ui.placeholder_page import PlaceholderPage
from verzuimdesk.ui.sick_reports_page import SickReportsPage
from verzuimdesk.ui.today_page import TodayPage

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
    PageSpec("Brieven", None),
    PageSpec("DUO-meldingen", None),
    PageSpec("Rapportages", None),
    PageSpec("Instellingen", None),
)
