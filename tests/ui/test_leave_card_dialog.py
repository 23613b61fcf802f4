"""The verlofkaart dialog driven with the keyboard; each refusal is shown and writes nothing."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from tests.actors import TESTER
from tests.desk_helpers import make_school
from verzuimdesk.domain.leave import CardInput, LeaveKind, SignerRole
from verzuimdesk.services import leave_cards
from verzuimdesk.services.context import Context
from verzuimdesk.store.desk import LeaveCard
from verzuimdesk.store.registrations import Registration
from verzuimdesk.ui.bus import AppBus
from verzuimdesk.ui.dialogs.leave_card import LeaveCardDialog

pytestmark = pytest.mark.gui


def count(ctx: Context, model: type) -> int:
    with ctx.db.unit_of_work() as session:
        return session.scalar(select(func.count()).select_from(model)) or 0


def focused() -> object:
    return QApplication.focusWidget()


def open_dialog(qtbot: QtBot, ctx: Context) -> tuple[LeaveCardDialog, AppBus]:
    bus = AppBus()
    dialog = LeaveCardDialog(ctx, bus)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    return dialog, bus


def pick_student(qtbot: QtBot, fragment: str) -> None:
    qtbot.keyClicks(focused(), fragment)
    qtbot.keyClick(focused(), Qt.Key.Key_Return)


def set_dates(dialog: LeaveCardDialog, start: date, end: date) -> None:
    dialog.ui.startDate.setDate(QDate(start.year, start.month, start.day))
    dialog.ui.endDate.setDate(QDate(end.year, end.month, end.day))


def test_coach_signed_wedding_day_is_granted_and_registered(qtbot: QtBot, ctx: Context) -> None:
    ids = make_school(ctx)
    dialog, bus = open_dialog(qtbot, ctx)
    pick_student(qtbot, "noor bak")
    assert focused() is dialog.ui.kind
    qtbot.keyClick(focused(), Qt.Key.Key_Down)
    qtbot.keyClick(focused(), Qt.Key.Key_Down)  # gewichtige omstandigheden
    qtbot.keyClick(focused(), Qt.Key.Key_Tab)
    qtbot.keyClick(focused(), Qt.Key.Key_Down)  # huwelijk
    assert dialog.card().subkind == "huwelijk"
    assert "Nog 10 van 10 dagen" in dialog.ui.allowanceLabel.text()
    dialog.ui.reason.setFocus()
    qtbot.keyClicks(focused(), "bruiloft oom")
    qtbot.keyClick(focused(), Qt.Key.Key_Tab)  # the employer box is hidden: on to the signer
    assert focused() is dialog.ui.signedBy
    qtbot.keyClicks(focused(), "K. de Mentor")
    qtbot.keyClick(focused(), Qt.Key.Key_Tab)
    qtbot.keyClick(focused(), Qt.Key.Key_Down)
    qtbot.keyClick(focused(), Qt.Key.Key_Down)  # coach
    assert "coach" in dialog.ui.deciderLabel.text() and "verleend" in dialog.ui.deciderLabel.text()
    with qtbot.waitSignal(bus.changed):
        qtbot.keyClick(focused(), Qt.Key.Key_Return)
    cards = leave_cards.list_cards(ctx)
    assert [(c.status.value, c.kind.value, c.school_days) for c in cards] == [
        ("verleend", "gewichtig", 1)
    ]
    with ctx.db.unit_of_work() as session:
        codes = set(session.scalars(select(Registration.code)))
        assert codes == {"G"}
    assert count(ctx, Registration) == 5 and cards[0].student_id == ids["100001"]


def refused(qtbot: QtBot, ctx: Context, dialog: LeaveCardDialog, expected: str) -> None:
    assert expected in dialog.ui.problemsLabel.text()
    assert dialog.ui.problemsLabel.isVisible()
    assert not dialog.save_button.isEnabled()
    qtbot.keyClick(dialog.ui.reason, Qt.Key.Key_Return)
    assert dialog.isVisible()
    assert count(ctx, LeaveCard) == 0 and count(ctx, Registration) == 0


def fill_other(qtbot: QtBot, dialog: LeaveCardDialog, signed: str = "A. Bakker") -> None:
    dialog.ui.kind.setCurrentIndex(dialog.ui.kind.findData(LeaveKind.OVERIG))
    dialog.ui.reason.setFocus()
    qtbot.keyClicks(focused(), "familiebezoek")
    if signed:
        dialog.ui.signedBy.setFocus()
        qtbot.keyClicks(focused(), signed)


def test_unsigned_card_is_refused(qtbot: QtBot, ctx: Context) -> None:
    make_school(ctx)
    dialog, _ = open_dialog(qtbot, ctx)
    pick_student(qtbot, "100001")
    fill_other(qtbot, dialog, signed="")
    refused(qtbot, ctx, dialog, "niet ondertekend")


def test_card_in_the_past_is_refused(qtbot: QtBot, ctx: Context) -> None:
    make_school(ctx)
    dialog, _ = open_dialog(qtbot, ctx)
    pick_student(qtbot, "100001")
    fill_other(qtbot, dialog)
    set_dates(dialog, date(2025, 9, 30), date(2025, 9, 30))
    refused(qtbot, ctx, dialog, "nooit achteraf")


def test_vakantie_in_the_first_two_lesweken_is_refused(qtbot: QtBot, ctx: Context) -> None:
    make_school(ctx)
    summer = Context(ctx.db, actor=TESTER, clock=lambda: datetime(2025, 6, 2, 9, 0))
    dialog, _ = open_dialog(qtbot, summer)
    pick_student(qtbot, "100001")
    dialog.ui.kind.setCurrentIndex(dialog.ui.kind.findData(LeaveKind.VAKANTIE))
    dialog.ui.employerStatement.setChecked(True)
    dialog.ui.reason.setText("beroep vader: seizoenswerk")
    dialog.ui.signedBy.setText("A. Bakker")
    set_dates(dialog, date(2025, 8, 25), date(2025, 8, 29))
    refused(qtbot, ctx, dialog, "eerste 2 lesweken")


def test_more_than_ten_days_gewichtig_is_refused(qtbot: QtBot, ctx: Context) -> None:
    ids = make_school(ctx)
    earlier = CardInput(
        LeaveKind.GEWICHTIG, date(2025, 10, 6), date(2025, 10, 16), subkind="calamiteit",
        reason="brand", signed_by="D. Irecteur", signer_role=SignerRole.DIRECTEUR,
    )  # fmt: skip
    leave_cards.save_card(ctx, ids["100001"], earlier)  # 9 school days
    before = (count(ctx, LeaveCard), count(ctx, Registration))
    dialog, _ = open_dialog(qtbot, ctx)
    pick_student(qtbot, "100001")
    dialog.ui.kind.setCurrentIndex(dialog.ui.kind.findData(LeaveKind.GEWICHTIG))
    dialog.ui.subkind.setCurrentIndex(dialog.ui.subkind.findData("huwelijk"))
    dialog.ui.reason.setText("bruiloft")
    dialog.ui.signedBy.setText("A. Bakker")
    set_dates(dialog, date(2025, 11, 3), date(2025, 11, 4))
    assert "Nog 1 van 10 dagen" in dialog.ui.allowanceLabel.text()
    assert "Meer dan 10 dagen" in dialog.ui.problemsLabel.text()
    assert not dialog.save_button.isEnabled()
    assert (count(ctx, LeaveCard), count(ctx, Registration)) == before
