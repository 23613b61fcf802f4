"""The dossier page: find or open a student, read the timeline, add a note with the keyboard."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from tests.services.bellijst_school import (
    LIST_DAY,
    add_signal,
    add_student,
    guardian_phones,
    make_school,
    register,
)
from verzuimdesk.services.calls import log_call
from verzuimdesk.services.context import Context
from verzuimdesk.store.followup import Conversation, Note
from verzuimdesk.ui.bus import AppBus
from verzuimdesk.ui.dossier_page import DossierPage

pytestmark = pytest.mark.gui


def open_page(ctx: Context, qtbot: QtBot) -> DossierPage:
    page = DossierPage(ctx, AppBus())
    qtbot.addWidget(page)
    page.resize(1300, 720)
    page.show()
    qtbot.waitExposed(page)
    page.activateWindow()
    qtbot.waitUntil(page.isActiveWindow)
    return page


@pytest.fixture
def busy(ctx: Context) -> int:
    make_school(ctx)
    sid = add_student(ctx, roepnaam="Dex", achternaam="Druk")
    for friday in (date(2025, 9, 12), date(2025, 9, 19), date(2025, 9, 26)):
        register(ctx, sid, friday, lessons=range(4, 6))
    register(ctx, sid, date(2025, 9, 29), code="Z")
    add_signal(ctx, sid, date(2025, 9, 26))
    log_call(ctx, sid, LIST_DAY, "bereikt", "leerling", note="belt morgen terug")
    return sid


def test_open_from_the_bellijst_and_read_the_timeline(
    busy: int, ctx: Context, qtbot: QtBot, qtmodeltester
) -> None:
    page = open_page(ctx, qtbot)
    assert page.ui.emptyLabel.isVisible()
    page._bus.open_student.emit(busy)
    assert not page.ui.emptyLabel.isVisible()
    assert "Dex Druk" in page.ui.headerLabel.text()
    assert "leerplicht" in page.ui.headerLabel.text()
    assert "R-16U" in page.ui.signalsLabel.text()
    rows = page.timeline.rowCount()
    assert rows == 6  # 4 days of registrations, a call and a signal
    shown = [page.timeline_proxy.index(r, 2).data() for r in range(rows)]
    assert shown[0] == "gebeld"  # newest first
    qtmodeltester.check(page.timeline)
    qtmodeltester.check(page.subjects)
    assert page.subjects.rowCount() >= 2
    assert page.heat.value(4, 4) == 150  # Friday, 5th lesson: three times 50 minutes


def test_add_a_note_in_one_step(busy: int, ctx: Context, qtbot: QtBot) -> None:
    page = open_page(ctx, qtbot)
    page.show_student(busy)
    before = page.timeline.rowCount()
    page.ui.timelineView.setFocus()
    qtbot.keyClick(
        page.ui.timelineView,
        Qt.Key.Key_N,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert QApplication.focusWidget() is page.ui.noteEdit
    qtbot.keyClicks(page.ui.noteEdit, "moeder klonk erg gespannen")
    qtbot.keyClick(page.ui.noteEdit, Qt.Key.Key_Return)
    assert page.timeline.rowCount() == before + 1
    assert page.ui.noteBar.isHidden()
    with ctx.db.sessions() as session:
        note = session.scalars(select(Note)).one()
    assert (note.kind, note.text, note.student_id) == (
        "niet pluis",
        "moeder klonk erg gespannen",
        busy,
    )


def test_find_a_student_with_the_search_field(busy: int, ctx: Context, qtbot: QtBot) -> None:
    page = open_page(ctx, qtbot)
    qtbot.keyClicks(page.search.edit, "Druk")
    qtbot.keyClick(page.search.edit, Qt.Key.Key_Return)
    assert page.student_id == busy


def test_record_a_conversation(busy: int, ctx: Context, qtbot: QtBot) -> None:
    page = open_page(ctx, qtbot)
    page.show_student(busy)
    dialog = page.open_conversation()
    assert dialog is not None
    assert page.open_conversation() is dialog  # one dialog per student
    qtbot.keyClicks(dialog.ui.participantsEdit, "mentor, moeder, Dex")
    qtbot.keyClicks(dialog.answers[next(iter(dialog.answers))], "slaapt slecht")
    qtbot.keyClicks(dialog.ui.agreementsEdit, "vrijdag 8:30 op school")
    qtbot.mouseClick(
        dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton
    )
    with ctx.db.sessions() as session:
        conversation = session.scalars(select(Conversation)).one()
    assert conversation.next_check_on == date(2025, 10, 8)
    assert conversation.evaluate_on == date(2025, 11, 12)
    assert page.conversations.rowCount() == 1


def test_a_student_without_absence_and_an_adult_without_consent(ctx: Context, qtbot: QtBot) -> None:
    make_school(ctx, inform_18plus=False)
    sid = add_student(ctx, roepnaam="Ada", achternaam="Geheim", born=date(2004, 4, 4))
    page = open_page(ctx, qtbot)
    page.show_student(sid)
    assert page.timeline.rowCount() == 0
    contacts = page.ui.contactsLabel.text()
    assert "Ada Geheim" in contacts and "niet geïnformeerd" in contacts
    assert "Ouder1 Geheim" not in contacts and guardian_phones(ctx, sid)[0] not in contacts
    assert "RMC" in page.ui.headerLabel.text()


def test_empty_school_opens(ctx: Context, qtbot: QtBot) -> None:
    make_school(ctx)
    page = open_page(ctx, qtbot)
    assert page.student_id is None
    qtbot.keyClick(page, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert page.ui.noteBar.isHidden()
