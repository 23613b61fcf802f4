"""The main window and the desk pages: navigation, shortcuts, empty school, models."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from tests.desk_helpers import make_school
from verzuimdesk.domain.leave import CardInput, LeaveKind
from verzuimdesk.services import leave_cards, sick_reports
from verzuimdesk.services.context import Context
from verzuimdesk.services.search import build_index
from verzuimdesk.ui.bus import AppBus
from verzuimdesk.ui.main_window import MainWindow
from verzuimdesk.ui.pages.leave import LeavePage
from verzuimdesk.ui.pages.registry import PAGES
from verzuimdesk.ui.pages.sick_reports import SickReportsPage
from verzuimdesk.ui.pages.today import TodayPage
from verzuimdesk.ui.widgets.student_search import StudentHitModel

pytestmark = pytest.mark.gui


def window(qtbot: QtBot, ctx: Context, tmp_path) -> MainWindow:  # type: ignore[no-untyped-def]
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    main = MainWindow(ctx, AppBus(), settings)
    qtbot.addWidget(main)
    main.show()
    main.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is main)
    return main


def test_every_page_opens_on_an_empty_school(qtbot: QtBot, ctx: Context, tmp_path) -> None:  # type: ignore[no-untyped-def]
    make_school(ctx, students=False)
    main = window(qtbot, ctx, tmp_path)
    assert main.page_titles()[:5] == [
        "Vandaag",
        "Bellijst",
        "Leerlingen",
        "Ziekmeldingen",
        "Verlof",
    ]
    for number, title in enumerate(main.page_titles(), start=1):
        qtbot.keyClick(main, Qt.Key(Qt.Key.Key_0 + number), Qt.KeyboardModifier.AltModifier)
        assert main.current_page_title() == title
    for spec in PAGES:
        if spec.placeholder:
            message = main.page(spec.title).findChild(object, "placeholderMessage")
            assert "komt in een volgende versie" in message.text().lower()
    sick = main.page("Ziekmeldingen")
    assert isinstance(sick, SickReportsPage)
    assert "niemand ziekgemeld" in sick.ui.empty.text()
    assert "Testcollege" in main.windowTitle()


def test_shortcuts_open_one_dialog_per_kind(qtbot: QtBot, ctx: Context, tmp_path) -> None:  # type: ignore[no-untyped-def]
    make_school(ctx)
    main = window(qtbot, ctx, tmp_path)
    qtbot.keyClick(main, Qt.Key.Key_F2)
    first = main.dialogs.current("ziekmelding")
    assert first is not None and first.isVisible()
    qtbot.keyClick(main, Qt.Key.Key_F2)
    assert main.dialogs.current("ziekmelding") is first
    qtbot.keyClick(main, Qt.Key.Key_F4)
    assert main.dialogs.current("verlofkaart") is not None


def test_geometry_is_kept_in_settings(qtbot: QtBot, ctx: Context, tmp_path) -> None:  # type: ignore[no-untyped-def]
    make_school(ctx)
    main = window(qtbot, ctx, tmp_path)
    main.show_page("Verlof")
    main.close()
    again = window(qtbot, ctx, tmp_path)
    assert again.current_page_title() == "Verlof"


def test_pages_show_sick_students_and_cards(qtbot: QtBot, ctx: Context, qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    ids = make_school(ctx)
    bus = AppBus()
    sick_reports.report_sick(ctx, ids["100001"], datetime(2025, 10, 1, 8, 0), "ouder", "M", "griep")
    leave_cards.save_card(ctx, ids["100002"], CardInput(
        LeaveKind.GEWICHTIG, date(2025, 10, 6), date(2025, 10, 7), subkind="huwelijk",
        reason="bruiloft", signed_by="P. de Vries"))  # fmt: skip
    page = SickReportsPage(ctx, bus)
    qtbot.addWidget(page)
    page.show()
    assert page.model.rowCount() == 1
    assert page.model.data(page.model.index(0, 4)) == "4:10"
    qtmodeltester.check(page.model)
    opened: list[int] = []
    bus.open_student.connect(opened.append)
    page.ui.table.setFocus()
    qtbot.keyClick(page.ui.table, Qt.Key.Key_Return)
    assert opened == [ids["100001"]]
    leave = LeavePage(ctx, bus)
    qtbot.addWidget(leave)
    leave.show()
    assert leave.model.data(leave.model.index(0, 0)) == "aangevraagd"
    qtmodeltester.check(leave.model)
    today = TodayPage(ctx, bus)
    qtbot.addWidget(today)
    today.show()
    assert "<b>1</b> leerlingen" in today.ui.summary.text()


def test_student_hit_model(qtmodeltester, ctx: Context) -> None:  # type: ignore[no-untyped-def]
    make_school(ctx)
    model = StudentHitModel()
    model.set_rows(build_index(ctx).search("2a", 10))
    assert model.rowCount() == 2
    qtmodeltester.check(model)
