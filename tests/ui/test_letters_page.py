"""The Brieven page driven by keyboard: the queue, saving the selection as one PDF, the archive,
and the template editor refusing an unknown field."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from tests.actors import TESTER
from tests.services.bellijst_school import add_student, make_school, register
from tests.services.test_letters import DAY, _address
from verzuimdesk.services.context import Context
from verzuimdesk.store.letters import ArchivedLetter, LetterTemplateRow
from verzuimdesk.ui.bus import AppBus
from verzuimdesk.ui.pages.letters import LettersPage

pytestmark = pytest.mark.gui


@pytest.fixture
def page(ctx: Context, qtbot: QtBot) -> LettersPage:
    day_ctx = Context(ctx.db, actor=TESTER, clock=lambda: datetime(2025, 9, 8, 10))
    make_school(day_ctx)
    for name in ("Ada", "Bo"):
        sid = add_student(day_ctx, roepnaam=name)
        if name == "Ada":
            _address(day_ctx, sid)
        register(day_ctx, sid, DAY)
    page = LettersPage(day_ctx, AppBus())
    qtbot.addWidget(page)
    page.resize(1120, 680)
    page.show()
    qtbot.waitExposed(page)
    return page


def test_the_queue_shows_each_letter_and_names_a_missing_address(page: LettersPage) -> None:
    queue = page.queue
    assert queue.model.rowCount() == 2
    texts = [queue.model.data(queue.model.index(r, 0)) for r in range(2)]
    assert any(t.startswith("Ada") for t in texts) and any(t.startswith("Bo") for t in texts)
    bo = next(r for r in range(2) if texts[r].startswith("Bo"))
    assert queue.model.data(queue.model.index(bo, len(queue.model._columns) - 1)) == (
        "adres ontbreekt"
    )
    assert "1 met een probleem" in queue.summary.text() or "<b>1</b> met een probleem" in (
        queue.summary.text()
    )


def test_save_all_as_pdf_by_keyboard_archives_and_empties_the_queue(
    page: LettersPage, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "brieven.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), "PDF"))
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text: shown.append(text))
    queue = page.queue
    queue.view.setFocus()
    qtbot.keyClick(queue.view, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    assert len(queue.selected()) == 2
    qtbot.keyClick(queue.view, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: bool(shown), timeout=20000)
    assert out.read_bytes().startswith(b"%PDF")
    assert "1 brieven (2 enveloppen)" in shown[0] and "Niet geprint" in shown[0]
    with page.ctx.db.unit_of_work() as s:
        assert s.scalar(select(func.count(ArchivedLetter.id))) == 2
    # the queue refreshed: only the letter with the problem is left
    qtbot.waitUntil(lambda: queue.model.rowCount() == 1)
    # the archive tab lists what was sent, searchable
    qtbot.keyClick(page, Qt.Key.Key_V, Qt.KeyboardModifier.AltModifier)
    assert page.tabs.currentWidget() is page.sent
    assert page.sent.model.rowCount() == 2
    qtbot.keyClicks(page.sent.search, "niemand")
    qtbot.waitUntil(lambda: page.sent.model.rowCount() == 0)


def test_template_editor_refuses_an_unknown_field_and_saves_a_good_version(
    page: LettersPage, qtbot: QtBot
) -> None:
    qtbot.keyClick(page, Qt.Key.Key_J, Qt.KeyboardModifier.AltModifier)
    editor = page.templates
    assert page.tabs.currentWidget() is editor
    assert editor.editor.toPlainText().startswith("Betreft:")
    assert "Beste J. de Vries" in editor.preview.toPlainText()  # the demo student
    editor.editor.setFocus()
    qtbot.keyClick(editor.editor, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(editor.editor, Qt.Key.Key_Return)
    qtbot.keyClicks(editor.editor, "Tot ziens, {{ mentor_naam }}")
    qtbot.keyClick(editor.editor, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert "'mentor_naam' bestaat niet" in editor.message.text()
    assert "regel" in editor.message.text()
    with page.ctx.db.unit_of_work() as s:
        assert s.scalar(select(func.count(LetterTemplateRow.id))) == 0
    for _ in "mentor_naam }}":
        qtbot.keyClick(editor.editor, Qt.Key.Key_Backspace)
    qtbot.keyClicks(editor.editor, "mentor }}")
    qtbot.keyClick(editor.editor, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert "versie 1" in editor.message.text()
    qtbot.waitUntil(lambda: "Tot ziens" in editor.preview.toPlainText())


def test_vandaag_says_how_many_letters_wait(page: LettersPage, qtbot: QtBot) -> None:
    from verzuimdesk.ui.pages.today import TodayPage

    today = TodayPage(page.ctx, AppBus())
    qtbot.addWidget(today)
    today.show()
    qtbot.waitExposed(today)
    qtbot.waitUntil(lambda: "brieven te versturen" in today.letters_line.text(), timeout=20000)
    assert "2 brieven te versturen" in today.letters_line.text()
    today._letters_task.wait()
