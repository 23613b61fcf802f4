"""Instellingen, by keyboard: the section list, School and Back-ups."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QDateEdit,
    QLineEdit,
    QTableWidget,
)
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from tests.desk_helpers import make_school
from verzuimdesk.demo import build_demo_school
from verzuimdesk.domain.calendar import PeriodKind
from verzuimdesk.domain.roles import Role
from verzuimdesk.services import (
    backups,
    bell_schedule,
    calendar_settings,
    code_table,
    policy_settings,
    school_settings,
    signals,
)
from verzuimdesk.services.context import Actor, Context
from verzuimdesk.store.audit import AuditEntry
from verzuimdesk.store.students import Student
from verzuimdesk.ui.bus import AppBus
from verzuimdesk.ui.pages.settings import SettingsPage
from verzuimdesk.ui.pages.settings.backups import BackupsSection
from verzuimdesk.ui.pages.settings.bell_schedule import BellScheduleSection
from verzuimdesk.ui.pages.settings.calendar import CalendarSection
from verzuimdesk.ui.pages.settings.codes import CodesSection
from verzuimdesk.ui.pages.settings.policy import VALUE_COLUMN, PolicySection
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
    assert not announced[-1].remote  # made here: other workstations hear of it
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


# -- Beleid ----------------------------------------------------------------------------------

POLICY_ON = date(2025, 11, 28)


def edit_cell(qtbot: QtBot, section: PolicySection, key: str, text: str) -> None:
    """Go to the value of `key` and type over it, as a person does: arrows, type, Enter."""
    section.table.setFocus()
    section.table.setCurrentCell(section.row_of(key), VALUE_COLUMN)
    qtbot.keyClick(section.table, Qt.Key.Key_F2)
    editors = section.table.viewport().findChildren(QLineEdit)
    assert editors, "F2 opens no editor"
    editor = editors[-1]
    editor.selectAll()
    qtbot.keyClicks(editor, text)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    # the delegate commits and closes its editor through the event loop
    editing = QAbstractItemView.State.EditingState
    qtbot.waitUntil(lambda: section.table.state() != editing)


def test_a_changed_policy_key_changes_the_next_signals(
    qtbot: QtBot, ctx: Context, tmp_path: Path
) -> None:
    build_demo_school(ctx, students=60, seed=3, until=POLICY_ON)
    before = signals.signals_on(ctx, POLICY_ON)
    page = settings_page(qtbot, ctx, tmp_path)
    section = page.show_section("Beleid")
    assert isinstance(section, PolicySection)
    first = section.profile.currentText()
    assert first in section.in_force.text()
    edit_cell(qtbot, section, "r16u.threshold_minutes", "240")
    row = section.row_of("r16u.threshold_minutes")
    assert section.table.item(row, VALUE_COLUMN).text() == "240"
    assert section.table.item(row, VALUE_COLUMN).font().bold()  # differs: highlighted
    qtbot.keyClick(section.table, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: "Opgeslagen als" in section.message.text())
    assert f"{first}-v2" in section.in_force.text()
    after = signals.signals_on(ctx, POLICY_ON)
    count = lambda found: sum(s.rule.value == "R-16U" for s in found)  # noqa: E731
    assert count(after) > count(before)
    row = section.row_of("r16u.threshold_minutes")
    assert section.table.item(row, VALUE_COLUMN).text() == "240"
    assert section.table.item(row, 3).text() == "960"  # the shipped value beside it


def test_a_policy_value_out_of_range_is_refused(qtbot: QtBot, ctx: Context, tmp_path: Path) -> None:
    build_demo_school(ctx, students=20, seed=3, until=POLICY_ON)
    page = settings_page(qtbot, ctx, tmp_path)
    section = page.show_section("Beleid")
    assert isinstance(section, PolicySection)
    first = section.profile.currentText()
    edit_cell(qtbot, section, "r16u.window_lesweken", "40")
    qtbot.keyClick(section.table, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: "moet tussen 1 en 12" in section.message.text())
    assert "Er is niets opgeslagen" in section.message.text()
    assert section.table.currentRow() == section.row_of("r16u.window_lesweken")
    assert policy_settings.policy_view(ctx).in_force == first


def test_another_profile_is_put_in_force_by_keyboard(
    qtbot: QtBot, ctx: Context, tmp_path: Path
) -> None:
    build_demo_school(ctx, students=20, seed=3, until=POLICY_ON)
    page = settings_page(qtbot, ctx, tmp_path)
    section = page.show_section("Beleid")
    assert isinstance(section, PolicySection)
    section.profile.setFocus()
    index = section.profile.findText("wettelijk")
    section.profile.setCurrentIndex(index)
    section.profile.activated.emit(index)
    assert section.use_button.isEnabled()
    qtbot.keyClick(section.profile, Qt.Key.Key_G, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: "wettelijk is nu in gebruik" in section.message.text())
    assert policy_settings.policy_view(ctx).in_force == "wettelijk"


# -- Kalender --------------------------------------------------------------------------------


def type_date(qtbot: QtBot, edit: QDateEdit, day: date) -> None:
    edit.setFocus()
    for section, text in (
        (QDateEdit.Section.DaySection, f"{day:%d}"),
        (QDateEdit.Section.MonthSection, f"{day:%m}"),
        (QDateEdit.Section.YearSection, f"{day:%Y}"),
    ):
        edit.setSelectedSection(section)  # as a person's Tab or arrow keys into the part
        qtbot.keyClicks(edit, text)
    assert edit.date().toPython() == day


def test_a_feestdag_added_by_keyboard_moves_a_deadline(
    qtbot: QtBot, ctx: Context, tmp_path: Path
) -> None:
    build_demo_school(ctx, students=60, seed=3, until=POLICY_ON)
    with_deadline = [
        s for s in signals.signals_on(ctx, POLICY_ON) if s.rule.value == "R-16U" and s.deadline
    ]
    assert with_deadline, "the demo school should have a 16-uur signal with a deadline"
    signal = with_deadline[0]
    assert signal.deadline is not None
    # a weekday between the day the signal arose and its deadline
    day = signal.arose_on + timedelta(days=1)
    while day.weekday() >= 5:
        day += timedelta(days=1)
    assert day < signal.deadline

    page = settings_page(qtbot, ctx, tmp_path)
    section = page.show_section("Kalender")
    assert isinstance(section, CalendarSection)
    type_date(qtbot, section.start, day)
    type_date(qtbot, section.end, day)
    section.kind.setFocus()
    section.kind.setCurrentIndex(section.kind.findData(PeriodKind.FEESTDAG.value))
    section.name.setFocus()
    qtbot.keyClicks(section.name, "Extra vrije dag")
    qtbot.keyClick(section.name, Qt.Key.Key_Return)
    assert "Toegevoegd" in section.message.text(), section.message.text()
    assert "eigen kalender" in section.which.text()

    moved = next(
        s
        for s in signals.signals_on(ctx, POLICY_ON)
        if (s.student_id, s.rule, s.arose_on) == (signal.student_id, signal.rule, signal.arose_on)
    )
    assert moved.deadline is not None and moved.deadline > signal.deadline


def test_overlapping_holidays_are_refused_in_the_section(
    qtbot: QtBot, ctx: Context, tmp_path: Path
) -> None:
    build_demo_school(ctx, students=20, seed=3, until=POLICY_ON)
    page = settings_page(qtbot, ctx, tmp_path)
    section = page.show_section("Kalender")
    assert isinstance(section, CalendarSection)
    rows_before = section.table.rowCount()
    herfst = next(
        p for p in calendar_settings.calendar_view(ctx).periods if p.name == "Herfstvakantie"
    )
    type_date(qtbot, section.start, herfst.start + timedelta(days=2))
    type_date(qtbot, section.end, herfst.end + timedelta(days=7))
    section.kind.setCurrentIndex(section.kind.findData(PeriodKind.VAKANTIE.value))
    section.name.setFocus()
    qtbot.keyClicks(section.name, "Lange herfst")
    qtbot.keyClick(section.name, Qt.Key.Key_Return)
    assert "overlapt met vakantie 'Herfstvakantie'" in section.message.text()
    assert "Er is niets gewijzigd" in section.message.text()
    assert section.table.rowCount() == rows_before


# -- Lestijden and Codes ---------------------------------------------------------------------


def type_cell(qtbot: QtBot, table: QTableWidget, row: int, column: int, text: str) -> None:
    table.setFocus()
    table.setCurrentCell(row, column)
    qtbot.keyClick(table, Qt.Key.Key_F2)
    editor = table.viewport().findChildren(QLineEdit)[-1]
    editor.selectAll()
    qtbot.keyClicks(editor, text)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    editing = QAbstractItemView.State.EditingState
    qtbot.waitUntil(lambda: table.state() != editing)


def test_lestijden_are_added_and_saved_by_keyboard(
    qtbot: QtBot, ctx: Context, tmp_path: Path
) -> None:
    make_school(ctx, students=False)
    page = settings_page(qtbot, ctx, tmp_path)
    section = page.show_section("Lestijden")
    assert isinstance(section, BellScheduleSection)
    assert section.table.rowCount() == 0
    section.table.setFocus()
    qtbot.keyClick(section.table, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: section.table.rowCount() == 1)
    qtbot.keyClick(section.table, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: section.table.rowCount() == 2)
    assert [section.table.item(1, c).text() for c in range(3)] == ["2", "09:20", "10:10"]
    type_cell(qtbot, section.table, 1, 2, "10:15")
    qtbot.keyClick(section.table, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: section.message.text() == "Opgeslagen.")
    saved = bell_schedule.bell_schedule(ctx)
    assert [(x.lesuur, f"{x.begin:%H:%M}", f"{x.end:%H:%M}") for x in saved] == [
        (1, "08:30", "09:20"),
        (2, "09:20", "10:15"),
    ]


def test_a_lesson_that_ends_before_it_begins_is_refused(
    qtbot: QtBot, ctx: Context, tmp_path: Path
) -> None:
    make_school(ctx, students=False)
    page = settings_page(qtbot, ctx, tmp_path)
    section = page.show_section("Lestijden")
    assert isinstance(section, BellScheduleSection)
    section.add_row()
    type_cell(qtbot, section.table, 0, 2, "08:00")
    qtbot.keyClick(section.table, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: "eindigt (08:00) niet na het begin" in section.message.text())
    assert bell_schedule.bell_schedule(ctx) == []
    type_cell(qtbot, section.table, 0, 1, "half negen")
    qtbot.keyClick(section.table, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: "'half negen' bij begin is geen tijd" in section.message.text())


def test_a_school_code_is_mapped_by_keyboard_and_a_contradiction_refused(
    qtbot: QtBot, ctx: Context, tmp_path: Path
) -> None:
    make_school(ctx, students=False)
    page = settings_page(qtbot, ctx, tmp_path)
    section = page.show_section("Codes")
    assert isinstance(section, CodesSection)
    section.add_row()
    for column, text in enumerate(("ZH", "ziek naar huis", "Z", "ja")):
        type_cell(qtbot, section.table, 0, column, text)
    qtbot.keyClick(section.table, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: section.message.text() == "Opgeslagen.")
    assert [(e.code, e.telt_als, e.geoorloofd) for e in code_table.school_codes(ctx)] == [
        ("ZH", "Z", True)
    ]
    type_cell(qtbot, section.table, 0, 2, "OA")  # ongeoorloofd, yet "geoorloofd: ja"
    qtbot.keyClick(section.table, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: "Regel 1:" in section.message.text())
    assert "staat op geoorloofd" in section.message.text()
    assert [e.telt_als for e in code_table.school_codes(ctx)] == ["Z"]  # nothing changed
