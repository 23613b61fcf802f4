"""The dossier's Brieven tab: schorsing recorded by keyboard queues letter f; 'Brief maken'
saves an invitation to a verzuimgesprek into the student's archive."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot

from tests.actors import TESTER
from tests.services.bellijst_school import add_student, make_school
from tests.services.test_letters import _address
from verzuimdesk.domain.letters import Letter
from verzuimdesk.services import letters
from verzuimdesk.services.context import Context
from verzuimdesk.ui.bus import AppBus
from verzuimdesk.ui.widgets.dossier_letters import (
    DossierLettersTab,
    MakeLetterDialog,
    SuspensionDialog,
)

pytestmark = pytest.mark.gui


@pytest.fixture
def school(ctx: Context) -> tuple[Context, int]:
    day_ctx = Context(ctx.db, actor=TESTER, clock=lambda: datetime(2025, 9, 29, 10))
    make_school(day_ctx)
    sid = add_student(day_ctx)
    _address(day_ctx, sid)
    return day_ctx, sid


def test_schorsing_by_keyboard_queues_letter_f(school: tuple[Context, int], qtbot: QtBot) -> None:
    ctx, sid = school
    dialog = SuspensionDialog(ctx, AppBus(), sid, None)  # type: ignore[arg-type]
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.reason, "Bedreiging van een medestudent.")
    qtbot.keyClicks(dialog.by, "M. Jansen, onderwijsdirecteur")
    qtbot.keyClick(dialog.by, Qt.Key.Key_Return)
    assert dialog.result() == dialog.DialogCode.Accepted
    assert [i.letter for i in letters.letters_due(ctx, date(2025, 9, 29))] == [Letter.F]


def test_a_schorsing_without_reason_is_refused_in_the_dialog(
    school: tuple[Context, int], qtbot: QtBot
) -> None:
    ctx, sid = school
    dialog = SuspensionDialog(ctx, AppBus(), sid, None)  # type: ignore[arg-type]
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.by, "M. Jansen")
    qtbot.keyClick(dialog.by, Qt.Key.Key_Return)
    assert dialog.isVisible() and "reden" in dialog.error.text()


def test_make_an_invitation_and_see_it_in_the_dossier(
    school: tuple[Context, int], qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ctx, sid = school
    out = tmp_path / "uitnodiging.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), "PDF"))
    monkeypatch.setattr(QMessageBox, "information", lambda *a: None)
    tab = DossierLettersTab(ctx, AppBus())
    qtbot.addWidget(tab)
    tab.show_student(sid)
    assert "Nog geen brieven" in tab.info.text()
    dialog = MakeLetterDialog(ctx, AppBus(), sid, tab)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.letter.currentData() == "gesprek"
    qtbot.keyClicks(dialog.moment, "dinsdag 30 september om 10.00 uur")
    dialog.save_button.click()
    assert out.read_bytes().startswith(b"%PDF")
    tab.show_student(sid)
    assert tab.model.rowCount() == 2  # the student and the parents
