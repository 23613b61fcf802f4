"""The kept signals through the database: refresh, close, reports that cover, the CLI."""

from __future__ import annotations

import json
from datetime import date, datetime, time
from pathlib import Path

import pytest
from sqlalchemy import func, select

from tests.actors import TESTER
from verzuimdesk.cli import main
from verzuimdesk.errors import NotFoundError, ValidationError
from verzuimdesk.services.context import Context
from verzuimdesk.services.signals import (
    close_signal,
    open_signals,
    refresh_signals,
    signals_on,
    student_signals,
)
from verzuimdesk.store.audit import AuditEntry
from verzuimdesk.store.registrations import Registration
from verzuimdesk.store.reporting import DuoReport, SignalRow
from verzuimdesk.store.school import CalendarPeriodRow, School, TimetableSlot
from verzuimdesk.store.students import Student

MON = date(2025, 9, 1)
ON = date(2025, 9, 30)
LESSONS = ((time(8, 30), time(10, 10)), (time(10, 30), time(12, 10)), (time(13, 0), time(14, 40)))


def make_school(ctx: Context, policy: str = "mbo-utrecht") -> dict[str, int]:
    """A school with the 2025-2026 year, a 300-minute day for class 1A, and three students."""
    with ctx.db.unit_of_work() as session:
        session.add(
            School(
                id=1,
                name="Testcollege",
                sector="mbo",
                region="midden",
                policy_name=policy,
                created_at=datetime(2025, 8, 1),
            )
        )
        session.add(
            CalendarPeriodRow(
                start=date(2025, 8, 25), end=date(2026, 7, 17), kind="schooljaar", name="2025-2026"
            )
        )
        session.add(
            CalendarPeriodRow(
                start=date(2025, 10, 18),
                end=date(2025, 10, 26),
                kind="vakantie",
                name="herfstvakantie",
            )
        )
        for weekday in range(1, 6):
            for begin, end in LESSONS:
                session.add(TimetableSlot(klas="1A", weekday=weekday, begin=begin, end=end))
        ids = {}
        for number, born, sk in (
            ("A1", date(2009, 5, 1), False),
            ("B2", date(2006, 1, 1), False),
            ("C3", date(2000, 1, 1), False),
        ):
            row = Student(
                leerlingnummer=number,
                roepnaam="X",
                achternaam=number,
                geboortedatum=born,
                klas="1A",
                startkwalificatie=sk,
                woongemeente="Utrecht",
            )
            session.add(row)
            session.flush()
            ids[number] = row.id
    return ids


def register(
    ctx: Context, student_id: int, days: list[date], code: str = "OA", minutes: int = 320
) -> None:
    with ctx.db.unit_of_work() as session:
        for day in days:
            session.add(
                Registration(
                    student_id=student_id, date=day, minutes=minutes, code=code, source="import"
                )
            )


def report(ctx: Context, student_id: int, soort: str, begin: date, end: date | None) -> int:
    with ctx.db.unit_of_work() as session:
        row = DuoReport(
            student_id=student_id,
            soort=soort,
            begindatum=begin,
            einddatum=end,
            source="import",
            created_at=datetime(2025, 10, 1),
        )
        session.add(row)
        session.flush()
        return row.id


def stored(ctx: Context) -> list[tuple[str, date, str]]:
    with ctx.db.unit_of_work() as session:
        rows = session.execute(
            select(SignalRow.rule, SignalRow.arose_on, SignalRow.status).order_by(
                SignalRow.arose_on, SignalRow.rule
            )
        )
        return [tuple(r) for r in rows]


def test_refresh_stores_once_and_records_the_policy(any_ctx: Context) -> None:
    ids = make_school(any_ctx)
    register(any_ctx, ids["A1"], [MON, date(2025, 9, 2), date(2025, 9, 3), date(2025, 9, 4)])
    first = refresh_signals(any_ctx, ON)
    assert first.signals and first.student_ids == {ids["A1"]}
    assert stored(any_ctx) == [("R-16U", date(2025, 9, 3), "open")]
    assert refresh_signals(any_ctx, ON).signals is False  # nothing new, nothing duplicated
    with any_ctx.db.unit_of_work() as session:
        (row,) = session.scalars(select(SignalRow))
        assert row.policy_name == "mbo-utrecht"
        assert row.deadline == date(2025, 9, 10)
        assert row.route == "leerplicht"


def test_one_student_through_the_loaders_own_sql_on_any_database(any_ctx: Context) -> None:
    """The registrations are read with hand-written SQL: placeholders, dates and the id filter
    must work on PostgreSQL as on SQLite."""
    ids = make_school(any_ctx)
    days = [MON, date(2025, 9, 2), date(2025, 9, 3), date(2025, 9, 4)]
    register(any_ctx, ids["A1"], days)
    register(any_ctx, ids["B2"], days)
    register(any_ctx, ids["A1"], [date(2025, 10, 1)])  # after ON: never read
    (signal,) = student_signals(any_ctx, ids["A1"], ON)
    assert (signal.student_id, signal.rule.value, signal.arose_on) == ("A1", "R-16U", days[2])
    assert signal.minutes == 960 and signal.window == (MON, days[2])
    assert {s.student_id for s in signals_on(any_ctx, ON)} == {"A1", "B2"}


def test_signals_on_reads_only_data_up_to_that_date(ctx: Context) -> None:
    ids = make_school(ctx)
    register(ctx, ids["A1"], [MON, date(2025, 9, 2)])
    register(ctx, ids["A1"], [date(2025, 9, 3), date(2025, 9, 4)])
    assert signals_on(ctx, date(2025, 9, 2)) == []
    (signal,) = signals_on(ctx, date(2025, 9, 3))
    assert (signal.student_id, signal.rule.value, signal.arose_on) == (
        "A1",
        "R-16U",
        date(2025, 9, 3),
    )
    refresh_signals(ctx, ON)  # stored later signals must not show on an earlier date either
    assert signals_on(ctx, date(2025, 9, 2)) == []


def test_close_signal_keeps_it_closed_with_an_audit_trail(ctx: Context) -> None:
    ids = make_school(ctx)
    register(ctx, ids["A1"], [MON, date(2025, 9, 2), date(2025, 9, 3)])
    refresh_signals(ctx, ON)
    (item,) = open_signals(ctx.db.sessions(), ON)
    with pytest.raises(ValidationError):
        close_signal(ctx, item.id, "   ")
    changes = close_signal(ctx, item.id, "Besproken met leerplicht; melding niet nodig")
    assert changes.signals and changes.student_ids == {ids["A1"]}
    with pytest.raises(ValidationError):
        close_signal(ctx, item.id, "nog eens")
    with pytest.raises(NotFoundError):
        close_signal(ctx, 999, "weg")
    refresh_signals(ctx, ON)
    assert stored(ctx) == [("R-16U", date(2025, 9, 3), "gesloten")]
    assert signals_on(ctx, ON) == []
    with ctx.db.unit_of_work() as session:
        entry = session.scalars(
            select(AuditEntry).where(AuditEntry.action == "signaal.sluiten")
        ).one()
        assert entry.user == "test" and "Besproken" in (entry.after or "")


def test_a_report_that_covers_the_signal_deals_with_it(ctx: Context) -> None:
    ids = make_school(ctx)
    register(ctx, ids["A1"], [MON, date(2025, 9, 2), date(2025, 9, 3)])
    refresh_signals(ctx, ON)
    report_id = report(ctx, ids["A1"], "16u", MON, date(2025, 9, 3))
    assert signals_on(ctx, ON) == []
    with ctx.db.sessions() as session:
        assert open_signals(session, ON) == []
    refresh_signals(ctx, ON)
    with ctx.db.unit_of_work() as session:
        (row,) = session.scalars(select(SignalRow))
        assert (row.status, row.report_id) == ("gemeld", report_id)


def test_a_report_of_another_soort_or_period_does_not_cover(ctx: Context) -> None:
    ids = make_school(ctx)
    register(ctx, ids["A1"], [MON, date(2025, 9, 2), date(2025, 9, 3)])
    report(ctx, ids["A1"], "te-laat", MON, date(2025, 9, 3))
    report(ctx, ids["A1"], "16u", date(2025, 6, 2), date(2025, 6, 6))
    assert [s.rule.value for s in signals_on(ctx, ON)] == ["R-16U"]


def test_imported_report_restarts_the_counting(ctx: Context) -> None:
    ids = make_school(ctx)
    report(ctx, ids["B2"], "16u", date(2025, 8, 25), MON)  # reported up to Monday
    register(ctx, ids["B2"], [date(2025, 9, 2), date(2025, 9, 3), date(2025, 9, 4)])
    (signal,) = signals_on(ctx, ON)
    assert signal.rule.value == "R-HERHAAL"
    assert signal.arose_on == date(2025, 9, 8)  # einddatum + 7 days
    assert signal.window == (date(2025, 9, 2), date(2025, 9, 4))
    assert signal.route is not None and signal.route.value == "rmc"


def test_corrected_registrations_let_a_stored_signal_lapse(ctx: Context) -> None:
    ids = make_school(ctx)
    register(ctx, ids["A1"], [MON, date(2025, 9, 2), date(2025, 9, 3)])
    refresh_signals(ctx, ON)
    with ctx.db.unit_of_work() as session:
        for row in session.scalars(select(Registration)):
            row.code = "Z"
    refresh_signals(ctx, ON)
    assert stored(ctx) == [("R-16U", date(2025, 9, 3), "vervallen")]


def test_student_signals_for_one_student(ctx: Context) -> None:
    ids = make_school(ctx)
    register(ctx, ids["A1"], [MON, date(2025, 9, 2), date(2025, 9, 3)])
    register(ctx, ids["C3"], [MON, date(2025, 9, 2), date(2025, 9, 3)])
    mine = student_signals(ctx, ids["C3"], ON)
    assert [(s.student_id, s.route.value if s.route else None, s.deadline) for s in mine] == [
        ("C3", "niet-meldbaar", None)
    ]
    assert len(signals_on(ctx, ON)) == 2


def test_cli_json_and_table(db_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--db", str(db_path), "signals", "--on", "2025-09-30", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [(d["student_id"], d["rule"], d["arose_on"]) for d in data] == [
        ("A1", "R-16U", "2025-09-03"),
        ("C3", "R-16U", "2025-09-03"),
    ]
    first = data[0]
    assert first["deadline"] == "2025-09-10" and first["route"] == "leerplicht"
    assert first["hours"] == 16.0 and first["window"] == ["2025-09-01", "2025-09-03"]
    assert first["explanation"].endswith("melden bij leerplicht Utrecht uiterlijk 10-09-2025")
    assert data[1]["deadline"] is None and data[1]["route"] == "niet-meldbaar"
    assert main(["--db", str(db_path), "signals", "--on", "2025-09-30"]) == 0
    table = capsys.readouterr().out
    assert table.splitlines()[0].startswith("Ontstaan")
    assert "03-09-2025" in table and "2 open signalen." in table


def test_cli_unknown_policy_is_a_dutch_error(
    db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--db", str(db_path), "signals", "--on", "2025-09-30", "--policy", "nee"]) == 1
    assert "Beleidsprofiel 'nee' bestaat niet" in capsys.readouterr().err


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    from verzuimdesk.store.database import open_database

    path = tmp_path / "cli.sqlite"
    database = open_database(path)
    ctx = Context(database, actor=TESTER, clock=lambda: datetime(2025, 10, 1, 9, 0))
    ids = make_school(ctx)
    register(ctx, ids["A1"], [MON, date(2025, 9, 2), date(2025, 9, 3)])
    register(ctx, ids["C3"], [MON, date(2025, 9, 2), date(2025, 9, 3)])
    with ctx.db.unit_of_work() as session:
        assert session.scalar(select(func.count()).select_from(Registration)) == 6
    database.dispose()
    return path
