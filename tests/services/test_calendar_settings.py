"""Instellingen > Kalender in the services: copy-on-first-change, checks, kalender.csv."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from tests.desk_helpers import make_school
from verzuimdesk.domain.calendar import CalendarPeriod, PeriodKind
from verzuimdesk.errors import ImportProblems, ValidationError
from verzuimdesk.services import calendar_settings
from verzuimdesk.services.context import Context
from verzuimdesk.services.school import load_calendar
from verzuimdesk.store.school import CalendarPeriodRow, School


@pytest.fixture
def shipped(ctx: Context) -> Context:
    """A school on the shipped calendar of regio midden."""
    make_school(ctx, students=False)
    with ctx.db.unit_of_work() as session:
        session.query(CalendarPeriodRow).delete()
        school = session.get(School, 1)
        assert school is not None
        school.region = "midden"
    return ctx


def test_a_first_change_keeps_the_shipped_holidays(shipped: Context) -> None:
    assert not calendar_settings.calendar_view(shipped).own
    day = date(2025, 11, 12)
    calendar_settings.add_period(shipped, day, day, PeriodKind.STUDIEDAG, "Studiedag team")
    view = calendar_settings.calendar_view(shipped)
    assert view.own
    names = {p.name for p in view.periods}
    assert {"Herfstvakantie", "Kerstvakantie", "Studiedag team"} <= names
    with shipped.db.unit_of_work() as session:
        cal = load_calendar(session)
        assert not cal.is_lesdag(day) and not cal.is_lesdag(date(2025, 10, 21))
    calendar_settings.use_shipped(shipped)
    assert not calendar_settings.calendar_view(shipped).own


@pytest.mark.parametrize(
    ("start", "end", "kind", "message"),
    [
        (date(2025, 10, 22), date(2025, 10, 30), PeriodKind.VAKANTIE, "overlapt met vakantie"),
        (date(2026, 7, 13), date(2026, 7, 24), PeriodKind.VAKANTIE, "deels buiten het schooljaar"),
        (date(2026, 8, 3), date(2026, 8, 3), PeriodKind.STUDIEDAG, "buiten elk schooljaar"),
        (date(2026, 3, 10), date(2026, 3, 2), PeriodKind.VAKANTIE, "einddatum"),
    ],
)
def test_a_calendar_that_does_not_fit_is_refused(
    shipped: Context, start: date, end: date, kind: PeriodKind, message: str
) -> None:
    with pytest.raises(ValidationError, match=message):
        calendar_settings.add_period(shipped, start, end, kind, "Extra")
    assert not calendar_settings.calendar_view(shipped).own  # nothing changed


def test_kalender_csv_replaces_imported_periods_and_keeps_added_ones(
    shipped: Context, tmp_path: Path
) -> None:
    day = date(2025, 11, 12)
    calendar_settings.add_period(shipped, day, day, PeriodKind.STUDIEDAG, "Studiedag team")
    csv = tmp_path / "kalender.csv"
    csv.write_text(
        "van;tot;soort;naam\n"
        "2025-08-25;2026-07-10;schooljaar;Schooljaar 2025-2026\n"
        "2025-10-11;2025-10-19;vakantie;Herfstvakantie\n",
        encoding="utf-8",
    )
    calendar_settings.import_calendar(shipped, csv)
    periods = calendar_settings.calendar_view(shipped).periods
    assert CalendarPeriod(day, day, PeriodKind.STUDIEDAG, "Studiedag team") in periods
    assert {p.name for p in periods} == {
        "Schooljaar 2025-2026",
        "Herfstvakantie",
        "Studiedag team",
    }


def test_a_bad_kalender_csv_changes_nothing(shipped: Context, tmp_path: Path) -> None:
    csv = tmp_path / "kalender.csv"
    csv.write_text("van;tot;soort\n2025-10-11;2025-10-19;zomer\n", encoding="utf-8")
    with pytest.raises(ImportProblems, match=r"kalender\.csv, regel 2"):
        calendar_settings.import_calendar(shipped, csv)
    overlapping = tmp_path / "overlap.csv"
    overlapping.write_text(
        "van;tot;soort;naam\n"
        "2025-08-25;2026-07-10;schooljaar;Schooljaar\n"
        "2025-10-11;2025-10-19;vakantie;Herfst\n"
        "2025-10-18;2025-10-26;vakantie;Herfst 2\n",
        encoding="utf-8",
    )
    with pytest.raises(ValidationError, match="overlapt"):
        calendar_settings.import_calendar(shipped, overlapping)
    assert not calendar_settings.calendar_view(shipped).own
