"""The ziekmelding and beter-melding dialogs driven with the keyboard, as at the desk."""

from __future__ import annotations

import sqlite3
from datetime import date, datetime, time

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QProgressDialog
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from tests.actors import TESTER
from tests.desk_helpers import make_school
from verzuimdesk.services import sick_reports
from verzuimdesk.services.context import Context
from verzuimdesk.store.desk import SickReport
from verzuimdesk.store.registrations import Registration
from verzuimdesk.ui.bus import AppBus
from verzuimdesk.ui.dialogs.recovery import RecoveryDialog
from verzuimdesk.ui.dialogs.sick_report import SickReportDialog

pytestmark = pytest.mark.gui


def count(ctx: Context, model: type) -> int:
    with ctx.db.unit_of_work() as session:
        return session.scalar(select(func.count()).select_from(model)) or 0


def focused() -> object:
    return QApplication.focusWidget()


def open_dialog(qtbot: QtBot, ctx: Context, cls: type = SickReportDialog):  # type: ignore[no-untyped-def]
    bus = AppBus()
    dialog = cls(ctx, bus)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    return dialog, bus


def pick(qtbot: QtBot, dialog: SickReportDialog | RecoveryDialog, fragment: str) -> None:
    qtbot.keyClicks(focused(), fragment)
    qtbot.keyClick(focused(), Qt.Key.Key_Down)
    qtbot.keyClick(focused(), Qt.Key.Key_Up)
    qtbot.keyClick(focused(), Qt.Key.Key_Return)


def test_receptionist_enters_a_sick_report_with_the_keyboard(qtbot: QtBot, ctx: Context) -> None:
    ids = make_school(ctx)
    dialog, bus = open_dialog(qtbot, ctx)
    assert focused() is dialog.search.edit
    pick(qtbot, dialog, "bakk")
    assert dialog.search.chosen is not None and dialog.search.chosen.id == ids["100001"]
    assert focused() is dialog.ui.callerKind
    qtbot.keyClick(focused(), Qt.Key.Key_Tab)
    qtbot.keyClicks(focused(), "M. Bakker")
    qtbot.keyClick(focused(), Qt.Key.Key_Tab)
    qtbot.keyClicks(focused(), "griep")
    qtbot.keyClick(focused(), Qt.Key.Key_Tab)
    assert focused() is dialog.ui.callTime
    qtbot.keyClicks(focused(), "0815")
    assert dialog.ui.callTime.time().toPython() == time(8, 15)
    assert "hele dag" in dialog.ui.explanation.text()
    with qtbot.waitSignal(bus.changed) as announced:
        qtbot.keyClick(focused(), Qt.Key.Key_Return)
    assert announced.args[0].sick_reports
    assert not dialog.isVisible()
    report = sick_reports.open_report_for(ctx, ids["100001"])
    assert report is not None
    assert report.called_at == datetime(2025, 10, 1, 8, 15)
    assert report.starts_at == datetime(2025, 10, 1)
    assert report.caller_name == "M. Bakker" and report.reason == "griep"
    assert count(ctx, Registration) == 5


def test_retroactive_report_is_refused_with_a_dutch_message(qtbot: QtBot, ctx: Context) -> None:
    make_school(ctx, policy="strikt")
    thursday = Context(ctx.db, actor=TESTER, clock=lambda: datetime(2025, 10, 2, 8, 0))
    dialog, _ = open_dialog(qtbot, thursday)
    pick(qtbot, dialog, "100001")
    dialog.ui.sickSince.setFocus()
    qtbot.keyClick(focused(), Qt.Key.Key_Down)  # the day section: one day back
    assert dialog.ui.sickSince.date().toPython() == date(2025, 10, 1)
    assert "terugwerkende kracht" in dialog.ui.message.text()
    assert "ongeoorloofd" in dialog.ui.message.text()
    assert not dialog.save_button.isEnabled()
    qtbot.keyClick(focused(), Qt.Key.Key_Return)
    assert count(ctx, SickReport) == 0 and count(ctx, Registration) == 0


def test_already_sick_student_shows_the_open_report(qtbot: QtBot, ctx: Context) -> None:
    ids = make_school(ctx)
    sick_reports.report_sick(ctx, ids["100002"], datetime(2025, 10, 1, 8, 0), "ouder", "P", "griep")
    dialog, _ = open_dialog(qtbot, ctx)
    pick(qtbot, dialog, "vries")
    assert "Al ziekgemeld" in dialog.ui.openReportLabel.text()
    assert dialog.ui.openReportLabel.isVisible() and dialog.ui.recoverButton.isVisible()
    assert not dialog.save_button.isEnabled()
    dialog.save_button.setEnabled(True)  # even if forced, the service refuses
    dialog.save_button.click()
    assert "al ziek gemeld door" in dialog.ui.message.text()
    assert count(ctx, SickReport) == 1


def test_beter_melding_with_the_keyboard_and_retroactive_refusal(
    qtbot: QtBot, ctx: Context
) -> None:
    ids = make_school(ctx)
    sick_reports.report_sick(ctx, ids["100001"], datetime(2025, 10, 1, 8, 0), "ouder", "M", "griep")
    dialog, bus = open_dialog(qtbot, ctx, RecoveryDialog)
    pick(qtbot, dialog, "noor")
    assert "ziek sinds" in dialog.ui.reportLabel.text()
    assert focused() is dialog.ui.callTime
    # better from before the call: refused
    dialog.ui.betterFrom.setDateTime(datetime(2025, 10, 1, 8, 30))
    assert "terugwerkende kracht beter" in dialog.ui.message.text()
    assert not dialog.save_button.isEnabled()
    dialog.ui.betterFrom.setDateTime(datetime(2025, 10, 1, 9, 0))
    dialog.ui.callTime.setFocus()
    with qtbot.waitSignal(bus.changed):
        qtbot.keyClick(focused(), Qt.Key.Key_Return)
    assert sick_reports.open_report_for(ctx, ids["100001"]) is None


def test_a_save_while_an_import_holds_the_database_waits_visibly(
    qtbot: QtBot, ctx: Context
) -> None:
    """Issue 13: on SQLite an import holds the one write lock; the desk's save waits behind a
    visible "Bezig met opslaan…" and is kept, never "database is locked"."""
    ids = make_school(ctx)
    dialog, bus = open_dialog(qtbot, ctx)
    pick(qtbot, dialog, "bakk")
    dialog.ui.callerName.setText("M. Bakker")
    dialog.ui.reason.setText("griep")
    importer = sqlite3.connect(str(ctx.db.engine.url.database), isolation_level=None)
    importer.execute("BEGIN IMMEDIATE")  # as an import's transaction does, until its commit
    seen: list[str] = []

    def look_and_commit() -> None:
        seen.extend(
            w.labelText()
            for w in QApplication.topLevelWidgets()
            if isinstance(w, QProgressDialog) and w.isVisible()
        )
        importer.execute("COMMIT")

    QTimer.singleShot(1500, look_and_commit)
    with qtbot.waitSignal(bus.changed, timeout=20000):
        qtbot.keyClick(dialog.ui.reason, Qt.Key.Key_Return)
    importer.close()
    assert seen == ["Bezig met opslaan…"]
    assert sick_reports.open_report_for(ctx, ids["100001"]) is not None
