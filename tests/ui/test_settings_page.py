"""Instellingen, by keyboard: the section list, School and Back-ups."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication, QLineEdit
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from tests.desk_helpers import make_school
from verzuimdesk.domain.roles import Role
from verzuimdesk.services import backups, school_settings
from verzuimdesk.services.context import Actor, Context
from verzuimdesk.store.audit import AuditEntry
from verzuimdesk.store.students import Student
from verzuimdesk.ui.bus import AppBus
from verzuimdesk.ui.pages.settings import SettingsPage
from verzuimdesk.ui.pages.settings.backups import BackupsSection
from verzuimdesk.ui.pages.settings.school import SchoolSection

pytestmark = pytest.mark.gui


def settings_page(
    qtbot: QtBot, ctx: Context, tmp_path: Path, bus: AppBus | None = None
) -> SettingsPage:
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    page = SettingsPage(ctx, bus or AppBus(), settings=settings)
    qtbot.addWidget(page)
    page.resize(1100, 680)
    page.show()
    page.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is page)
    return page


def type_into(qtbot: QtBot, field: QLineEdit, text: str) -> None:
    field.setFocus()
    field.selectAll()
    qtbot.keyClicks(field, text)


def test_the_sections_are_chosen_with_the_keyboard(
    qtbot: QtBot, ctx: Context, tmp_path: Path
) -> None:
    make_school(ctx, students=False)
    page = settings_page(qtbot, ctx, tmp_path)
    titles = [spec.title for spec in page.specs]
    assert titles[0] == "School" and "Back-ups" in titles
    page.list.setFocus()
    qtbot.keyClick(page.list, Qt.Key.Key_Down)
    assert page.stack.currentIndex() == 1
    qtbot.keyClick(page.list, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    assert page.stack.currentIndex() == 2 % len(titles)
    qtbot.keyClick(page.list, Qt.Key.Key_PageUp, Qt.KeyboardModifier.ControlModifier)
    assert page.stack.currentIndex() == 1
    assert titles[1] in page.heading.text()


def test_a_receptionist_sees_no_settings(qtbot: QtBot, ctx: Context, tmp_path: Path) -> None:
    make_school(ctx, students=False)
    desk = Context(ctx.db, actor=Actor("receptie", Role.RECEPTIE), clock=ctx.clock)
    page = settings_page(qtbot, desk, tmp_path)
    assert page.specs == []
    assert "mag de instellingen" in page.heading.text()


def test_school_details_are_saved_by_keyboard(qtbot: QtBot, ctx: Context, tmp_path: Path) -> None:
    make_school(ctx, students=False)
    page = settings_page(qtbot, ctx, tmp_path)
    section = page.show_section("School")
    assert isinstance(section, SchoolSection)
    assert section.name.text() == "Testcollege"
    type_into(qtbot, section.brin, "12ab")
    type_into(qtbot, section.postcode, "3511ab")
    type_into(qtbot, section.plaats, "Utrecht")
    qtbot.keyClick(section.plaats, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    # a button's shortcut clicks it the way a mouse would, after a short animation
    qtbot.waitUntil(lambda: section.message.text() == "Opgeslagen.")
    details = school_settings.get_details(ctx)
    assert (details.brin, details.postcode, details.plaats) == ("12AB", "3511 AB", "Utrecht")
    assert section.postcode.text() == "3511 AB"  # shown as saved
    assert "Opgeslagen" in section.message.text()
    with ctx.db.unit_of_work() as session:
        entry = session.scalars(
            select(AuditEntry).where(AuditEntry.action == "school.gegevens")
        ).one()
        assert '"12AB"' in (entry.after or "")


@pytest.mark.parametrize(
    ("field", "text", "message"),
    [
        ("brin", "123", "BRIN-nummer '123' klopt niet"),
        ("postcode", "35110", "postcode '35110' klopt niet"),
        ("name", "", "naam van de school"),
        ("email", "verzuim-at-school", "e-mailadres"),
    ],
)
def test_wrong_school_details_are_refused_with_the_field_to_fix(
    qtbot: QtBot, ctx: Context, tmp_path: Path, field: str, text: str, message: str
) -> None:
    make_school(ctx, students=False)
    page = settings_page(qtbot, ctx, tmp_path)
    section = page.show_section("School")
    assert isinstance(section, SchoolSection)
    before = school_settings.get_details(ctx)
    widget = getattr(section, field)
    widget.setFocus()
    widget.selectAll()
    qtbot.keyClick(widget, Qt.Key.Key_Delete)
    qtbot.keyClicks(widget, text)
    qtbot.keyClick(widget, Qt.Key.Key_Return)
    assert message in section.message.text()
    assert school_settings.get_details(ctx) == before  # nothing changed
    assert widget.hasFocus()  # the field to fix has the focus


def test_a_backup_is_made_and_restored_from_the_section(
    qtbot: QtBot, ctx: Context, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    make_school(ctx, students=True)
    bus = AppBus()
    page = settings_page(qtbot, ctx, tmp_path, bus)
    section = page.show_section("Back-ups")
    assert isinstance(section, BackupsSection)
    assert section.table.rowCount() == 0
    section.make_button.setFocus()
    qtbot.keyClick(section.make_button, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: section.table.rowCount() == 1)
    assert "Back-up gemaakt" in section.message.text()

    with ctx.db.unit_of_work() as session:  # afterwards a student is removed
        session.delete(session.scalars(select(Student)).first())
    announced = []
    bus.changed.connect(announced.append)
    monkeypatch.setattr(section, "confirm", lambda what: True)
    section.table.setFocus()
    section.table.selectRow(0)
    qtbot.keyClick(section.table, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "Teruggezet" in section.message.text())
    with ctx.db.unit_of_work() as session:
        assert len(session.scalars(select(Student)).all()) == 4
    assert announced and announced[-1].students and announced[-1].signals
    # the pre-restore copy is listed too
    assert section.table.rowCount() == 2
    assert any("voor terugzetten" in b.reason_text for b in backups.list_backups(ctx))


def test_a_file_that_is_not_a_backup_is_refused_in_the_section(
    qtbot: QtBot, ctx: Context, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    make_school(ctx, students=True)
    page = settings_page(qtbot, ctx, tmp_path)
    section = page.show_section("Back-ups")
    assert isinstance(section, BackupsSection)
    wrong = tmp_path / "leerlingen.csv"
    wrong.write_text("leerlingnummer;naam\n")
    monkeypatch.setattr(section, "confirm", lambda what: True)
    section.restore(wrong, wrong.name)
    assert "geen verzuimdesk-back-up" in section.message.text()
    assert backups.list_backups(ctx) == []
