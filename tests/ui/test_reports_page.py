"""The Rapportages page driven by keyboard on the hand-made school of the report tests."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import QDate, QSettings, Qt
from pytestqt.qtbot import QtBot

from tests.services import reports_school as school
from verzuimdesk.services.context import Context
from verzuimdesk.ui.bus import AppBus
from verzuimdesk.ui.pages.registry import PAGES
from verzuimdesk.ui.pages.reports import ReportsPage

pytestmark = pytest.mark.gui


@pytest.fixture
def page(ctx: Context, qtbot: QtBot, tmp_path: Path) -> ReportsPage:
    school.build(ctx)
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    widget = ReportsPage(ctx, AppBus(), settings=settings)
    qtbot.addWidget(widget)
    widget.resize(1120, 700)
    widget.show()
    qtbot.waitExposed(widget)
    widget.start_edit.setDate(QDate(2025, 10, 13))
    widget.end_edit.setDate(QDate(2025, 10, 31))
    return widget


def choose(qtbot: QtBot, page: ReportsPage, title: str) -> None:
    """Pick a report the way a user does: Alt+R to the choice, then the arrow keys."""
    qtbot.keyClick(page, Qt.Key.Key_R, Qt.KeyboardModifier.AltModifier)
    qtbot.keyClick(page.report_box, Qt.Key.Key_Home)
    for _ in range(page.report_box.count()):
        if page.report_box.currentText() == title:
            break
        qtbot.keyClick(page.report_box, Qt.Key.Key_Down)
    assert page.report_box.currentText() == title


def visible_rows(page: ReportsPage, tab: int = 0) -> list[str]:
    _view, proxy, _ = page._views[tab]
    return [proxy.index(r, 0).data() for r in range(proxy.rowCount())]


def test_the_page_replaces_the_placeholder() -> None:
    spec = next(p for p in PAGES if p.title == "Rapportages")
    assert not spec.placeholder


def test_class_report_by_keyboard_with_chart_and_filter(page: ReportsPage, qtbot: QtBot) -> None:
    choose(qtbot, page, "Aanwezigheid per klas")
    page.start_edit.setDate(QDate(2025, 10, 13))
    page.end_edit.setDate(QDate(2025, 10, 31))
    qtbot.keyClick(page, Qt.Key.Key_F5)
    assert page.report is not None
    assert visible_rows(page) == ["1A", "BBL1"]
    view, proxy, _ = page._views[0]
    percent = page.report.main.columns.index(
        next(c for c in page.report.main.columns if c.key == "aanwezig_pct")
    )
    assert proxy.index(0, percent).data() == "91,1%"
    assert page.chart.isVisible() and page.chart.spec is not None
    assert page.chart.spec.categories == ["1A", "BBL1"]
    assert "91,1%" not in page.summary.text() or "lestijd" in page.summary.text()
    qtbot.keyClick(page, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert page.filter_edit.hasFocus()
    qtbot.keyClicks(page.filter_edit, "bbl")
    assert visible_rows(page) == ["BBL1"]
    # sorting by a heading: the percentage, highest first
    page.filter_edit.clear()
    view.sortByColumn(percent, Qt.SortOrder.DescendingOrder)
    assert visible_rows(page) == ["BBL1", "1A"]


def test_enter_on_a_student_opens_the_dossier(page: ReportsPage, qtbot: QtBot) -> None:
    choose(qtbot, page, "Weekoverzicht per klas")
    page.klas_box.setCurrentIndex(page.klas_box.findData("1A"))
    page.start_edit.setDate(QDate(2025, 10, 13))
    page.end_edit.setDate(QDate(2025, 10, 17))
    qtbot.keyClick(page.klas_box, Qt.Key.Key_Return)  # Enter in a choice shows the report
    assert page.report is not None and page.report.name == "klas-week"
    view, _, model = page._views[0]
    view.setFocus()
    with qtbot.waitSignal(page.bus.open_student) as opened:
        qtbot.keyClick(view, Qt.Key.Key_Return)
    assert opened.args == [model.table.student_ids[0]]


def test_a_missing_class_is_a_dutch_message_not_a_crash(
    page: ReportsPage, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[str] = []
    monkeypatch.setattr(
        "verzuimdesk.ui.pages.reports.show_error", lambda _p, exc: shown.append(exc.message)
    )
    choose(qtbot, page, "Weekoverzicht per klas")
    qtbot.keyClick(page, Qt.Key.Key_F5)
    assert shown and "Kies een klas" in shown[0]


def test_pdf_and_excel_from_the_page(page: ReportsPage, qtbot: QtBot, tmp_path: Path) -> None:
    choose(qtbot, page, "Aanwezigheidsniveaus en doelen")
    page.start_edit.setDate(QDate(2025, 10, 13))
    page.end_edit.setDate(QDate(2025, 10, 31))
    assert page.show_report()
    assert page.print_to(tmp_path / "niveaus.pdf")
    assert (tmp_path / "niveaus.pdf").read_bytes().startswith(b"%PDF")
    assert page.export_to(tmp_path / "niveaus.xlsx")
    sheet = load_workbook(tmp_path / "niveaus.xlsx")["Per klas"]
    assert sheet.auto_filter.ref
    assert sheet["A4"].value == "hele selectie"


def test_the_report_choice_is_remembered(page: ReportsPage, qtbot: QtBot, ctx: Context) -> None:
    choose(qtbot, page, "Maandrapportage")
    again = ReportsPage(ctx, AppBus(), settings=page.settings)
    qtbot.addWidget(again)
    assert again.report_box.currentText() == "Maandrapportage"
    assert again.period_box.currentText() == "deze maand"
