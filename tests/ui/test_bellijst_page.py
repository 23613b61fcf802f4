"""The bellijst page driven with the keyboard, as a verzuimmedewerker works through the list."""

from __future__ import annotations

import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from tests.services.bellijst_school import (
    LIST_DAY,
    add_student,
    guardian_phones,
    make_school,
    register,
)
from verzuimdesk.services.context import Context
from verzuimdesk.store.followup import Call
from verzuimdesk.store.registrations import Registration
from verzuimdesk.ui.bus import AppBus
from verzuimdesk.ui.pages import bellijst as bellijst_page
from verzuimdesk.ui.pages.bellijst import BellijstPage

pytestmark = pytest.mark.gui


@pytest.fixture(autouse=True)
def _own_settings(tmp_path: Path) -> None:
    """A page built without settings uses QSettings(): here a folder of this test's own, never
    the user's configuration."""
    for scope in (QSettings.Scope.UserScope, QSettings.Scope.SystemScope):
        QSettings.setPath(QSettings.Format.NativeFormat, scope, str(tmp_path / "qsettings"))


@pytest.fixture
def school(ctx: Context) -> dict[str, int]:
    make_school(ctx, inform_18plus=False)
    ids = {
        "adult": add_student(ctx, roepnaam="Ada", achternaam="Geheim", born=date(2004, 4, 4)),
        "minor": add_student(ctx, roepnaam="Bo", achternaam="Jong", born=date(2011, 1, 1)),
        "sick": add_student(ctx, roepnaam="Cas", achternaam="Ziek", born=date(2010, 1, 1)),
    }
    register(ctx, ids["adult"], LIST_DAY, lessons=range(2))
    register(ctx, ids["minor"], LIST_DAY, lessons=range(1))
    register(ctx, ids["sick"], LIST_DAY, code="Z", lessons=range(3))
    return ids


def open_page(ctx: Context, qtbot: QtBot, settings: QSettings | None = None) -> BellijstPage:
    page = BellijstPage(ctx, AppBus(), settings=settings)
    qtbot.addWidget(page)
    page.resize(1300, 700)
    page.show()
    qtbot.waitExposed(page)
    page.activateWindow()
    qtbot.waitUntil(page.isActiveWindow)
    page.ui.table.setFocus()
    return page


def call_count(ctx: Context) -> int:
    with ctx.db.sessions() as session:
        return session.scalar(select(func.count(Call.id))) or 0


def log_with_keys(qtbot: QtBot, page: BellijstPage, key: Qt.Key, note: str = "") -> None:
    qtbot.keyClick(page.ui.table, Qt.Key.Key_Return)
    focused = QApplication.focusWidget()
    assert focused is page.ui.outcome1
    qtbot.keyClick(focused, key)
    if note:
        page.ui.noteEdit.setFocus()
        qtbot.keyClicks(page.ui.noteEdit, note)
    qtbot.keyClick(
        QApplication.focusWidget(), Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier
    )
    page.ui.table.setFocus()


def test_model(school: dict[str, int], ctx: Context, qtbot: QtBot, qtmodeltester) -> None:
    page = open_page(ctx, qtbot)
    qtmodeltester.check(page.model)
    qtmodeltester.check(page.proxy)


def test_log_calls_with_the_keyboard(school: dict[str, int], ctx: Context, qtbot: QtBot) -> None:
    page = open_page(ctx, qtbot)
    assert "0 van 3 gebeld" in page.ui.progressLabel.text()
    first = page.current_student_id()
    log_with_keys(qtbot, page, Qt.Key.Key_1, note="komt morgen weer")
    assert "1 van 3 gebeld" in page.ui.progressLabel.text()
    assert call_count(ctx) == 1
    assert page.current_student_id() != first  # moved on to the next row
    qtbot.keyClick(page.ui.table, Qt.Key.Key_Down)
    log_with_keys(qtbot, page, Qt.Key.Key_3)
    assert "2 van 3 gebeld" in page.ui.progressLabel.text()
    with ctx.db.sessions() as session:
        calls = session.scalars(select(Call).order_by(Call.id)).all()
        assert [c.outcome for c in calls] == ["bereikt", "voicemail"]
        assert calls[0].note == "komt morgen weer" and calls[0].student_id == first


def test_saving_needs_an_outcome(school: dict[str, int], ctx: Context, qtbot: QtBot) -> None:
    page = open_page(ctx, qtbot)
    qtbot.keyClick(page.ui.table, Qt.Key.Key_Return)
    qtbot.keyClick(
        QApplication.focusWidget(), Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier
    )
    assert "uitkomst" in page.ui.messageLabel.text()
    assert call_count(ctx) == 0


def test_a_logged_call_survives_closing_the_page(
    school: dict[str, int], ctx: Context, qtbot: QtBot
) -> None:
    page = open_page(ctx, qtbot)
    log_with_keys(qtbot, page, Qt.Key.Key_2)
    page.close()
    page.deleteLater()
    assert call_count(ctx) == 1


def test_ziek6_from_the_page(school: dict[str, int], ctx: Context, qtbot: QtBot) -> None:
    page = open_page(ctx, qtbot)
    row = page.model.row_of(school["sick"])
    assert row is not None
    page._select_source_row(row)
    log_with_keys(qtbot, page, Qt.Key.Key_2)
    assert page.ui.ziek6Frame.isHidden()
    page._select_source_row(page.model.row_of(school["sick"]) or 0)
    log_with_keys(qtbot, page, Qt.Key.Key_2)
    assert not page.ui.ziek6Frame.isHidden()
    qtbot.keyClicks(page.ui.ziek6Reason, "twee keer geen gehoor")
    qtbot.mouseClick(page.ui.ziek6Button, Qt.MouseButton.LeftButton)
    assert page.ui.ziek6Frame.isHidden()
    with ctx.db.sessions() as session:
        codes = session.scalars(
            select(Registration.code).where(Registration.student_id == school["sick"])
        ).all()
    assert set(codes) == {"OA"}


def test_adult_without_consent_shows_no_parent_anywhere(
    school: dict[str, int], ctx: Context, qtbot: QtBot, tmp_path: Path
) -> None:
    page = open_page(ctx, qtbot)
    secret_phone = guardian_phones(ctx, school["adult"])[0]
    secret_name = "Ouder1 Geheim"
    page._select_source_row(page.model.row_of(school["adult"]) or 0)
    shown = [page.ui.detailLabel.text()]
    shown += [page.ui.contactCombo.itemText(i) for i in range(page.ui.contactCombo.count())]
    for row in range(page.model.rowCount()):
        for column in range(page.model.columnCount()):
            index = page.model.index(row, column)
            for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                shown.append(str(page.model.data(index, role)))
    text = "\n".join(shown)
    assert "Ouder1 Jong" in text  # the minor's parent is there
    assert secret_name not in text and secret_phone not in text

    pdf = tmp_path / "bellijst.pdf"
    xlsx = tmp_path / "bellijst.xlsx"
    assert page.print_to(pdf) and page.export_to(xlsx)
    if shutil.which("pdftotext"):
        printed = subprocess.run(
            ["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True
        ).stdout
        assert "Geheim, Ada" in printed
        assert secret_name not in printed and secret_phone not in printed
    cells = [str(c.value) for r in load_workbook(xlsx).active.iter_rows() for c in r]
    assert not any(secret_name in v or secret_phone in v for v in cells)


def test_empty_school_opens(ctx: Context, qtbot: QtBot) -> None:
    make_school(ctx)
    page = open_page(ctx, qtbot)
    assert "0 van 0 gebeld" in page.ui.progressLabel.text()
    assert "Niemand te bellen" in page.ui.noticeLabel.text()
    qtbot.keyClick(page.ui.table, Qt.Key.Key_Return)  # nothing to call: nothing happens
    assert call_count(ctx) == 0


def test_open_dossier_from_the_list(school: dict[str, int], ctx: Context, qtbot: QtBot) -> None:
    page = open_page(ctx, qtbot)
    with qtbot.waitSignal(page._bus.open_student) as opened:
        qtbot.keyClick(page.ui.table, Qt.Key.Key_O, Qt.KeyboardModifier.ControlModifier)
    assert opened.args == [page.current_student_id()]


# -- filtering: klas, opleiding, name or number, not yet called ----------------------------------


@pytest.fixture
def klassen(ctx: Context) -> dict[str, int]:
    make_school(ctx)
    ids = {
        "bakker": add_student(ctx, achternaam="Bakker", klas="2B", opleiding="Kok"),
        "smit": add_student(ctx, achternaam="Smit", klas="2B", opleiding="Verzorgende IG"),
        "visser": add_student(ctx, achternaam="Visser", klas="3A", opleiding="Kok"),
        "mulder": add_student(ctx, achternaam="Mulder", klas="3A", opleiding="Kok"),
        "bos": add_student(ctx, roepnaam="Zoë", achternaam="Bos", klas="4C", opleiding="Kok"),
    }
    for lessons, sid in enumerate(ids.values(), start=1):
        register(ctx, sid, LIST_DAY, lessons=range(lessons))
    return ids


def ini_settings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "verzuimdesk.ini"), QSettings.Format.IniFormat)


def shown_names(page: BellijstPage) -> list[str]:
    return [page.proxy.index(row, 1).data() for row in range(page.proxy.rowCount())]


def shown_ids(page: BellijstPage) -> list[int]:
    return [
        page.model.entry(page.proxy.mapToSource(page.proxy.index(row, 0)).row()).student_id
        for row in range(page.proxy.rowCount())
    ]


def focus(qtbot: QtBot, page: BellijstPage, letter: Qt.Key) -> None:
    """Alt+letter from the table, as the user jumps to a filter field."""
    qtbot.keyClick(page.ui.table, letter, Qt.KeyboardModifier.AltModifier)


def test_filter_by_klas_with_the_keyboard(
    klassen: dict[str, int], ctx: Context, qtbot: QtBot, tmp_path: Path
) -> None:
    page = open_page(ctx, qtbot, ini_settings(tmp_path))
    assert page.ui.progressLabel.text() == "0 van 5 gebeld"
    focus(qtbot, page, Qt.Key.Key_K)
    assert QApplication.focusWidget() is page.ui.klasCombo
    qtbot.keyClicks(page.ui.klasCombo, "3a")
    assert page.ui.klasCombo.currentText() == "3A (2)"
    assert sorted(shown_names(page)) == ["Mulder, Sem", "Visser, Sem"]
    assert page.ui.progressLabel.text() == "0 van 2 gebeld (filter: klas 3A)"
    assert page.current_entry() is not None and page.current_entry().klas == "3A"
    # a call logged in the filtered list counts in the filtered progress
    page.ui.table.setFocus()
    log_with_keys(qtbot, page, Qt.Key.Key_1)
    assert page.ui.progressLabel.text() == "1 van 2 gebeld (filter: klas 3A)"
    assert page.current_entry().klas == "3A"  # moved on within the klas
    qtbot.keyClick(page.ui.klasCombo, Qt.Key.Key_Escape)
    assert page.ui.klasCombo.currentIndex() == 0 and len(shown_names(page)) == 5
    assert page.ui.progressLabel.text() == "1 van 5 gebeld"
    qtbot.keyClick(page.ui.klasCombo, Qt.Key.Key_Escape)  # empty already: back to the list
    assert QApplication.focusWidget() is page.ui.table


def test_filter_by_name_with_the_keyboard(
    klassen: dict[str, int], ctx: Context, qtbot: QtBot, tmp_path: Path
) -> None:
    page = open_page(ctx, qtbot, ini_settings(tmp_path))
    focus(qtbot, page, Qt.Key.Key_F)
    assert QApplication.focusWidget() is page.ui.filterEdit
    qtbot.keyClicks(page.ui.filterEdit, "zoe")  # no accent typed: finds Zoë
    assert shown_names(page) == ["Bos, Zoë"]
    assert page.ui.progressLabel.text() == "0 van 1 gebeld (filter: zoeken \u201czoe\u201d)"
    qtbot.keyClick(page.ui.filterEdit, Qt.Key.Key_Return)  # to the list, on the match
    assert QApplication.focusWidget() is page.ui.table
    assert page.current_student_id() == klassen["bos"]
    assert "Bos" in page.ui.detailLabel.text()

    focus(qtbot, page, Qt.Key.Key_F)
    qtbot.keyClick(page.ui.filterEdit, Qt.Key.Key_Escape)
    assert page.ui.filterEdit.text() == "" and len(shown_names(page)) == 5
    assert page.ui.progressLabel.text() == "0 van 5 gebeld"
    assert page.current_student_id() == klassen["bos"]  # the chosen student stays chosen

    number = page.current_entry().leerlingnummer
    qtbot.keyClicks(page.ui.filterEdit, number)
    assert shown_names(page) == ["Bos, Zoë"]
    qtbot.keyClicks(page.ui.filterEdit, "9")
    assert shown_names(page) == [] and page.current_entry() is None
    assert "Niemand te bellen met dit filter" in page.ui.noticeLabel.text()
    assert not page.ui.callBox.isEnabled()


def test_opleiding_and_not_yet_called(
    klassen: dict[str, int], ctx: Context, qtbot: QtBot, tmp_path: Path
) -> None:
    page = open_page(ctx, qtbot, ini_settings(tmp_path))
    focus(qtbot, page, Qt.Key.Key_P)
    assert QApplication.focusWidget() is page.ui.opleidingCombo
    qtbot.keyClicks(page.ui.opleidingCombo, "kok")
    assert len(shown_names(page)) == 4 and "Smit, Sem" not in shown_names(page)
    page.ui.table.setFocus()
    first = page.current_student_id()
    log_with_keys(qtbot, page, Qt.Key.Key_2)
    focus(qtbot, page, Qt.Key.Key_L)
    qtbot.waitUntil(page.ui.notCalledCheck.isChecked)  # a mnemonic clicks after a short delay
    assert first not in shown_ids(page)
    assert page.ui.progressLabel.text() == (
        "0 van 3 gebeld (filter: opleiding Kok, alleen nog niet gebeld)"
    )


def test_filtering_does_not_rebuild_the_list(
    klassen: dict[str, int],
    ctx: Context,
    qtbot: QtBot,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    page = open_page(ctx, qtbot, ini_settings(tmp_path))
    builds = []
    real = bellijst_page.build_bellijst
    monkeypatch.setattr(
        bellijst_page, "build_bellijst", lambda *a, **k: builds.append(1) or real(*a, **k)
    )
    page.ui.filterEdit.setFocus()
    qtbot.keyClicks(page.ui.filterEdit, "visser")
    qtbot.keyClicks(page.ui.klasCombo, "3A")
    assert builds == [] and shown_names(page) == ["Visser, Sem"]


def test_model_with_a_filter(
    klassen: dict[str, int], ctx: Context, qtbot: QtBot, qtmodeltester, tmp_path: Path
) -> None:
    page = open_page(ctx, qtbot, ini_settings(tmp_path))
    qtbot.keyClicks(page.ui.klasCombo, "2B")
    qtmodeltester.check(page.proxy)


def test_sorting_keeps_the_filter_and_the_chosen_student(
    klassen: dict[str, int], ctx: Context, qtbot: QtBot, qtmodeltester, tmp_path: Path
) -> None:
    page = open_page(ctx, qtbot, ini_settings(tmp_path))
    qtbot.keyClicks(page.ui.opleidingCombo, "Kok")
    urgent_first = shown_names(page)
    assert urgent_first == ["Bos, Zoë", "Mulder, Sem", "Visser, Sem", "Bakker, Sem"]
    page._select_student(klassen["visser"])
    page.ui.table.sortByColumn(1, Qt.SortOrder.AscendingOrder)  # a click on "Leerling"
    assert shown_names(page) == sorted(urgent_first)
    assert page.current_student_id() == klassen["visser"]
    page.ui.table.sortByColumn(1, Qt.SortOrder.DescendingOrder)
    assert shown_names(page) == sorted(urgent_first, reverse=True)
    qtbot.keyClick(page.ui.opleidingCombo, Qt.Key.Key_Escape)
    assert len(shown_names(page)) == 5 and shown_names(page)[0] == "Visser, Sem"
    qtmodeltester.check(page.proxy)
    page.ui.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    assert [page.proxy.index(r, 0).data() for r in range(5)] == ["1", "2", "3", "4", "5"]


def test_print_and_excel_hold_what_is_shown(
    klassen: dict[str, int], ctx: Context, qtbot: QtBot, tmp_path: Path
) -> None:
    page = open_page(ctx, qtbot, ini_settings(tmp_path))
    qtbot.keyClicks(page.ui.klasCombo, "3A")
    pdf, xlsx = tmp_path / "bellijst.pdf", tmp_path / "bellijst.xlsx"
    assert page.print_to(pdf) and page.export_to(xlsx)
    sheet = load_workbook(xlsx).active
    assert "filter: klas 3A" in sheet["A1"].value
    rows = list(sheet.iter_rows(min_row=3, values_only=True))
    assert sorted(r[2] for r in rows) == sorted(shown_names(page)) == ["Mulder, Sem", "Visser, Sem"]
    if shutil.which("pdftotext"):
        printed = subprocess.run(
            ["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True
        ).stdout
        assert "klas 3A" in printed and "Visser, Sem" in printed and "Mulder, Sem" in printed
        assert not any(name in printed for name in ("Bakker", "Smit", "Bos, Zo"))


def test_the_chosen_filter_comes_back(
    klassen: dict[str, int], ctx: Context, qtbot: QtBot, tmp_path: Path
) -> None:
    page = open_page(ctx, qtbot, ini_settings(tmp_path))
    qtbot.keyClicks(page.ui.klasCombo, "3A")
    qtbot.keyClicks(page.ui.opleidingCombo, "Kok")
    page.ui.notCalledCheck.setFocus()
    qtbot.keyClick(page.ui.notCalledCheck, Qt.Key.Key_Space)
    qtbot.keyClicks(page.ui.filterEdit, "viss")
    page.close()

    again = open_page(ctx, qtbot, ini_settings(tmp_path))  # a new run: settings from the file
    assert again.ui.klasCombo.currentData() == "3A"
    assert again.ui.opleidingCombo.currentData() == "Kok"
    assert again.ui.notCalledCheck.isChecked()
    assert again.ui.filterEdit.text() == ""  # a looked-up name is not kept for tomorrow
    assert sorted(shown_names(again)) == ["Mulder, Sem", "Visser, Sem"]
    assert again.ui.progressLabel.text() == (
        "0 van 2 gebeld (filter: klas 3A, opleiding Kok, alleen nog niet gebeld)"
    )


def test_a_remembered_klas_stays_on_a_day_without_it(
    klassen: dict[str, int], ctx: Context, qtbot: QtBot, tmp_path: Path
) -> None:
    settings = ini_settings(tmp_path)
    settings.setValue(bellijst_page.SETTING_KLAS, "5X")
    page = open_page(ctx, qtbot, settings)
    assert page.ui.klasCombo.currentText() == "5X (0)"
    assert shown_names(page) == []
    assert page.ui.progressLabel.text() == "0 van 0 gebeld (filter: klas 5X)"
    assert "op de hele lijst staan er 5" in page.ui.noticeLabel.text()
