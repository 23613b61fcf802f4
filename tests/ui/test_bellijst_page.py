"""The bellijst page driven with the keyboard, as a verzuimmedewerker works through the list."""

from __future__ import annotations

import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import Qt
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
from verzuimdesk.ui.bellijst_page import BellijstPage
from verzuimdesk.ui.bus import AppBus

pytestmark = pytest.mark.gui


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


def open_page(ctx: Context, qtbot: QtBot) -> BellijstPage:
    page = BellijstPage(ctx, AppBus())
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
