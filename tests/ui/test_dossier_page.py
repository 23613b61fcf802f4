"""The dossier page: find or open a student, read the timeline, add a note with the keyboard."""

from __future__ import annotations

from datetime import date
from typing import TypeVar

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QWidget
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
from verzuimdesk.domain.bellijst import ReasonKind
from verzuimdesk.services.bellijst import build_bellijst
from verzuimdesk.services.calls import log_call
from verzuimdesk.services.context import Context
from verzuimdesk.services.conversations import record_conversation
from verzuimdesk.store.followup import Conversation, Note
from verzuimdesk.store.students import Student
from verzuimdesk.ui.bus import AppBus
from verzuimdesk.ui.dialogs.close_conversation import CloseConversationDialog
from verzuimdesk.ui.dialogs.consent import ConsentDialog
from verzuimdesk.ui.pages.dossier import DossierPage

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


def _reasons(ctx: Context, student_id: int) -> list[ReasonKind]:
    entries = {e.student_id: e for e in build_bellijst(ctx).entries}
    return [r.kind for r in entries[student_id].reasons] if student_id in entries else []


def test_nothing_to_close_says_so(busy: int, ctx: Context, qtbot: QtBot) -> None:
    page = open_page(ctx, qtbot)
    page.show_student(busy)
    assert not page.ui.closeConversationButton.isEnabled()
    qtbot.keyClick(page.ui.timelineView, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    assert page.findChild(CloseConversationDialog) is None
    assert "geen open verzuimgesprek" in page.ui.messageLabel.text()


def test_empty_school_opens(ctx: Context, qtbot: QtBot) -> None:
    make_school(ctx)
    page = open_page(ctx, qtbot)
    assert page.student_id is None
    qtbot.keyClick(page, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert page.ui.noteBar.isHidden()


D = TypeVar("D", bound=QWidget)


def _dialog(qtbot: QtBot, page: DossierPage, kind: type[D]) -> D:
    """The dialog a key opened; a button's Alt mnemonic clicks it after a short animation."""
    qtbot.waitUntil(lambda: page.findChild(kind) is not None)
    dialog = page.findChild(kind)
    assert dialog is not None
    qtbot.waitUntil(dialog.isActiveWindow)
    return dialog


def _closed(qtbot: QtBot, page: DossierPage, kind: type[QWidget]) -> None:
    """Wait until the dialog is gone (closed and deleted), so the next one found is new."""
    qtbot.waitUntil(lambda: page.findChild(kind) is None)


def test_close_a_conversation_with_the_keyboard_only(busy: int, ctx: Context, qtbot: QtBot) -> None:
    conversation_id, _ = record_conversation(
        ctx, busy, date(2025, 9, 24), "mentor, Dex", "elke dag om 8:30 op school"
    )
    assert ReasonKind.CONTROLE in _reasons(ctx, busy)
    page = open_page(ctx, qtbot)
    page.show_student(busy)
    page.ui.timelineView.setFocus()
    qtbot.keyClick(page.ui.timelineView, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    assert page.ui.tabs.currentWidget() is page.ui.conversationTab
    dialog = _dialog(qtbot, page, CloseConversationDialog)
    assert isinstance(dialog, CloseConversationDialog)
    assert dialog.conversation_id == conversation_id
    assert "8:30" in dialog.ui.agreementsLabel.text()
    assert QApplication.focusWidget() is dialog.ui.evaluationEdit

    # nothing typed: refused, and the message names the field
    qtbot.keyClick(dialog.ui.evaluationEdit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert dialog.isVisible() and "'Evaluatie'" in dialog.ui.messageLabel.text()
    qtbot.keyClicks(dialog.ui.evaluationEdit, "afspraken nagekomen, weer op tijd")

    # a day in the future: refused, the date field gets the focus
    qtbot.keyClick(dialog.ui.evaluationEdit, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert QApplication.focusWidget() is dialog.ui.closedOnEdit
    qtbot.keyClick(dialog.ui.closedOnEdit, Qt.Key.Key_Up)
    qtbot.keyClick(dialog.ui.closedOnEdit, Qt.Key.Key_Return)
    assert dialog.isVisible() and "'Datum afronding'" in dialog.ui.messageLabel.text()
    with ctx.db.sessions() as session:
        assert session.scalar(select(Conversation.closed_on)) is None

    qtbot.keyClick(dialog.ui.closedOnEdit, Qt.Key.Key_Down)
    qtbot.keyClick(dialog.ui.closedOnEdit, Qt.Key.Key_Return)
    _closed(qtbot, page, type(dialog))
    with ctx.db.sessions() as session:
        row = session.get(Conversation, conversation_id)
        assert row is not None
        assert row.closed_on == LIST_DAY and row.next_check_on is None
        assert row.evaluation == "afspraken nagekomen, weer op tijd"
        assert row.agreements == "elke dag om 8:30 op school"
    shown = [page.conversations.index(0, c).data() for c in range(page.conversations.columnCount())]
    assert "afgerond 01-10-2025" in shown and "afspraken nagekomen, weer op tijd" in shown
    assert "elke dag om 8:30 op school" in shown  # the agreements without the evaluation
    assert not page.ui.closeConversationButton.isEnabled()
    assert ReasonKind.CONTROLE not in _reasons(ctx, busy)


def test_the_conversation_chosen_in_the_table_is_the_one_closed(
    busy: int, ctx: Context, qtbot: QtBot
) -> None:
    older, _ = record_conversation(ctx, busy, date(2025, 9, 24), "mentor", "op tijd komen")
    newer, _ = record_conversation(ctx, busy, date(2025, 9, 29), "mentor, vader", "huiswerk maken")
    page = open_page(ctx, qtbot)
    page.show_student(busy)
    qtbot.keyClick(page, Qt.Key.Key_G, Qt.KeyboardModifier.AltModifier)
    view = page.ui.conversationView
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Home)
    for _ in range(2):
        if "huiswerk" in view.model().index(view.currentIndex().row(), 2).data():
            break
        qtbot.keyClick(view, Qt.Key.Key_Down)
    qtbot.keyClick(view, Qt.Key.Key_A, Qt.KeyboardModifier.AltModifier)  # the button's mnemonic
    dialog = _dialog(qtbot, page, CloseConversationDialog)
    assert isinstance(dialog, CloseConversationDialog)
    assert dialog.conversation_id == newer and dialog.ui.conversationCombo.count() == 2
    qtbot.keyClicks(dialog.ui.evaluationEdit, "huiswerk is op orde")
    qtbot.keyClick(dialog.ui.evaluationEdit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    _closed(qtbot, page, type(dialog))
    with ctx.db.sessions() as session:
        closed = dict(session.execute(select(Conversation.id, Conversation.closed_on)).all())
    assert closed == {newer: LIST_DAY, older: None}
    assert page.ui.closeConversationButton.isEnabled()  # the older one is still open


def _parents_on_bellijst(ctx: Context, student_id: int) -> bool:
    entry = next(e for e in build_bellijst(ctx).entries if e.student_id == student_id)
    return any(c.key.startswith("ouder:") for c in entry.contacts)


def test_record_consent_with_the_keyboard_only(ctx: Context, qtbot: QtBot) -> None:
    make_school(ctx, inform_18plus=False)
    sid = add_student(ctx, roepnaam="Ada", achternaam="Geheim", born=date(2004, 4, 4))
    register(ctx, sid, LIST_DAY, lessons=range(1))
    parent_phone = guardian_phones(ctx, sid)[0]
    assert not _parents_on_bellijst(ctx, sid)
    page = open_page(ctx, qtbot)
    page.show_student(sid)
    page.ui.timelineView.setFocus()
    qtbot.keyClick(page.ui.timelineView, Qt.Key.Key_W, Qt.KeyboardModifier.AltModifier)
    dialog = _dialog(qtbot, page, ConsentDialog)
    assert isinstance(dialog, ConsentDialog)
    assert dialog.choice is None and QApplication.focusWidget() is dialog.ui.unknownRadio
    assert not dialog.ui.choiceDateEdit.isEnabled()

    for _ in range(2):  # onbekend -> geweigerd -> toestemming gegeven
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Up)
    assert dialog.choice is True and dialog.ui.choiceDateEdit.isEnabled()
    assert "toestemming" in dialog.ui.effectLabel.text()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is dialog.ui.choiceDateEdit

    # a date in the future is refused and nothing is written
    qtbot.keyClick(dialog.ui.choiceDateEdit, Qt.Key.Key_Up)
    qtbot.keyClick(dialog.ui.choiceDateEdit, Qt.Key.Key_Return)
    assert dialog.isVisible() and "'Datum van de keuze'" in dialog.ui.messageLabel.text()
    assert not _parents_on_bellijst(ctx, sid)

    qtbot.keyClick(dialog.ui.choiceDateEdit, Qt.Key.Key_Down)
    qtbot.keyClick(dialog.ui.choiceDateEdit, Qt.Key.Key_Return)
    _closed(qtbot, page, type(dialog))
    with ctx.db.sessions() as session:
        student = session.get(Student, sid)
        assert student is not None
        assert (student.ouders_informeren, student.ouders_informeren_datum) == (True, LIST_DAY)
    assert parent_phone in page.ui.contactsLabel.text()
    assert "toestemming gegeven" in page.ui.contactsLabel.text()
    assert _parents_on_bellijst(ctx, sid)

    # and back: the student withdraws it, so the parents leave the bellijst again
    page.activateWindow()  # a window manager does this when a dialog closes; offscreen has none
    qtbot.waitUntil(page.isActiveWindow)
    qtbot.keyClick(page.ui.timelineView, Qt.Key.Key_W, Qt.KeyboardModifier.AltModifier)
    dialog = _dialog(qtbot, page, ConsentDialog)
    assert isinstance(dialog, ConsentDialog) and dialog.choice is True
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Down)
    assert dialog.choice is False
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    _closed(qtbot, page, type(dialog))
    assert parent_phone not in page.ui.contactsLabel.text()
    assert not _parents_on_bellijst(ctx, sid)


def test_a_minor_s_choice_is_kept_for_the_birthday(ctx: Context, qtbot: QtBot) -> None:
    make_school(ctx, inform_18plus=True)
    sid = add_student(ctx, roepnaam="Bo", achternaam="Bijna", born=date(2007, 10, 20))
    register(ctx, sid, LIST_DAY, lessons=range(1))
    page = open_page(ctx, qtbot)
    page.show_student(sid)
    page.open_consent()
    dialog = _dialog(qtbot, page, ConsentDialog)
    assert "wordt 18 op 20-10-2025" in dialog.ui.studentLabel.text()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Up)  # onbekend -> geweigerd
    assert "tot 20-10-2025 altijd" in dialog.ui.effectLabel.text()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    _closed(qtbot, page, type(dialog))
    contacts = page.ui.contactsLabel.text()
    assert "Keuze voor vanaf 18: geweigerd" in contacts and "01-10-2025" in contacts
    assert _parents_on_bellijst(ctx, sid)  # 17: the parents are still called
