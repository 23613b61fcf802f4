"""The demo school: deterministic, realistic, and consistent with the rules it is meant to show."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterator
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, inspect, select

from tests.actors import TESTER
from verzuimdesk import cli
from verzuimdesk.demo import build_demo_school
from verzuimdesk.domain.calendar import SchoolCalendar
from verzuimdesk.domain.codes import DEFAULT_CODE_MAP, Category
from verzuimdesk.domain.hours import minutes_between
from verzuimdesk.domain.route import Route, age_on, route_for
from verzuimdesk.errors import ValidationError
from verzuimdesk.services.context import Context
from verzuimdesk.services.progress import Cancelled
from verzuimdesk.services.school import get_school, load_calendar
from verzuimdesk.store.database import Database, open_database
from verzuimdesk.store.models import (
    AuditEntry,
    Call,
    Conversation,
    DuoReport,
    Guardian,
    LeaveCard,
    Registration,
    SchoolClass,
    SickReport,
    Student,
    TimetableSlot,
)

UNTIL = date(2025, 11, 20)
FIXED_NOW = datetime(2025, 11, 20, 17, 0)
SIXTEEN_HOURS = 16 * 60


def _context(db: Database) -> Context:
    return Context(db, actor=TESTER, clock=lambda: FIXED_NOW)


@pytest.fixture(scope="module")
def school(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Database]:
    """One 600-student demo school, shared by the read-only tests of this module."""
    folder = tmp_path_factory.mktemp("demo")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("VERZUIMDESK_HOME", str(folder / "home"))
        db = open_database(folder / "demo.sqlite")
        build_demo_school(_context(db), students=600, seed=11, until=UNTIL)
        yield db
        db.dispose()


def _dump(db: Database) -> list[tuple[object, ...]]:
    columns = [c for c in Registration.__table__.columns if c.name != "id"]
    with db.unit_of_work() as session:
        return [tuple(r) for r in session.execute(select(*columns).order_by(Registration.id))]


def _students(db: Database) -> dict[int, Student]:
    with db.unit_of_work() as session:
        return {s.id: s for s in session.scalars(select(Student))}


def _registrations(db: Database) -> list[Registration]:
    with db.unit_of_work() as session:
        return list(session.scalars(select(Registration).order_by(Registration.id)))


# -- determinism ---------------------------------------------------------------------------------


def test_same_inputs_give_the_same_database_and_another_seed_another(tmp_path: Path) -> None:
    dumps = []
    for name, seed in (("a", 5), ("b", 5), ("c", 6)):
        db = open_database(tmp_path / f"{name}.sqlite")
        build_demo_school(_context(db), students=120, seed=seed, until=date(2025, 10, 10))
        with db.unit_of_work() as session:
            people = session.execute(
                select(Student.leerlingnummer, Student.roepnaam, Student.geboortedatum)
            ).all()
        dumps.append((_dump(db), people))
        db.dispose()
    assert dumps[0] == dumps[1]
    assert dumps[0][0]  # not trivially equal
    assert dumps[0][0] != dumps[2][0]
    assert dumps[0][1] != dumps[2][1]


# -- the registrations -----------------------------------------------------------------------------


def test_registrations_fall_on_lesdagen_of_the_school_year_up_to_until(school: Database) -> None:
    with school.unit_of_work() as session:
        calendar = load_calendar(session)
        dates = set(session.scalars(select(Registration.date).distinct()))
    first_day = calendar.first_lesdagen_of_year(UNTIL, 1)[0]
    assert dates
    assert all(calendar.is_lesdag(d) for d in dates)
    assert max(dates) <= UNTIL
    assert min(dates) >= first_day


def test_every_registration_is_a_lesson_of_the_class_timetable(school: Database) -> None:
    students = _students(school)
    with school.unit_of_work() as session:
        slots = {
            (s.klas, s.weekday, s.begin, s.vak, s.docent): s.end
            for s in session.scalars(select(TimetableSlot))
        }
    for reg in _registrations(school):
        klas = students[reg.student_id].klas
        end = slots[(klas, reg.date.isoweekday(), reg.begin, reg.vak, reg.docent)]
        if reg.code == "TL":
            # a late has the times of the lateness: what R-TL counts and limits
            assert reg.end < end and 1 <= reg.minutes <= 10
        else:
            assert reg.end == end


def test_minutes_are_end_minus_begin_and_codes_are_known(school: Database) -> None:
    registrations = _registrations(school)
    assert all(r.begin and r.end for r in registrations)
    assert all(r.minutes == minutes_between(r.begin, r.end) for r in registrations)  # type: ignore[arg-type]
    codes = Counter(r.code for r in registrations)
    assert "A" not in codes  # R-EXCEPTION: attendance is not registered
    assert set(codes) <= set(DEFAULT_CODE_MAP)
    assert {"Z", "OA", "TL", "D"} <= set(codes)
    assert {r.source for r in registrations} == {"demo"}


def test_every_geoorloofd_registration_has_a_reason(school: Database) -> None:
    geoorloofd = [
        r
        for r in _registrations(school)
        if DEFAULT_CODE_MAP[r.code].category is Category.GEOORLOOFD
    ]
    assert geoorloofd
    assert all(r.reason and r.reason.strip() for r in geoorloofd)


def test_sick_reports_mostly_come_before_half_past_eight(school: Database) -> None:
    with school.unit_of_work() as session:
        called = list(session.scalars(select(SickReport.called_at)))
    early = [c for c in called if c.time() < datetime(2000, 1, 1, 8, 30).time()]
    assert called
    assert 0.5 < len(early) / len(called) < 1.0  # some are phoned in late (R-ZIEK-3)


# -- the school and its people ---------------------------------------------------------------------


def test_school_classes_and_people(school: Database) -> None:
    with school.unit_of_work() as session:
        info = get_school(session)
        assert info is not None
        assert (info.name, info.sector, info.region, info.policy_name) == (
            "Demo: ROC De Vaart",
            "mbo",
            "midden",
            "mbo-utrecht",
        )
        classes = list(session.scalars(select(SchoolClass)))
        guardians = list(session.scalars(select(Guardian)))
        audit = list(session.scalars(select(AuditEntry.action)))
    students = list(_students(school).values())
    assert len(students) == 600
    assert 20 <= len(classes) <= 28
    assert all(c.mentor and c.mentor_email.endswith("example.org") for c in classes)
    per_student = Counter(g.student_id for g in guardians)
    assert set(per_student.values()) == {1, 2}
    assert len(per_student) == 600
    assert any(g.post_ontvangen is False for g in guardians)
    assert all(s.email.endswith("@example.com") and s.telefoon.startswith("06-") for s in students)
    assert {s.leerweg for s in students} == {"BOL", "BBL"}
    assert {s.niveau for s in students} >= {"1", "2", "3", "4"}
    assert any(s.ouders_informeren is not None and s.ouders_informeren_datum for s in students)
    assert "demo.aanmaken" in audit


def test_every_route_occurs(school: Database) -> None:
    with school.unit_of_work() as session:
        first_day = load_calendar(session).first_lesdagen_of_year(UNTIL, 1)[0]
    students = list(_students(school).values())
    routes = Counter(route_for(s.geboortedatum, first_day, s.startkwalificatie) for s in students)
    assert set(routes) == set(Route)
    ages = [age_on(s.geboortedatum, first_day) for s in students]
    assert min(ages) >= 15 and max(ages) <= 24
    assert any(a >= 23 for a in ages)
    assert any(s.startkwalificatie and age_on(s.geboortedatum, first_day) < 23 for s in students)
    # studiefinanciering only for BOL students of 18 and over
    assert all(
        s.leerweg == "BOL" and age_on(s.geboortedatum, UNTIL) >= 18
        for s in students
        if s.studiefinanciering
    )
    assert any(s.studiefinanciering for s in students)


# -- the patterns ----------------------------------------------------------------------------------


def test_some_student_has_16_hours_oa_within_4_weeks(school: Database) -> None:
    per_student: dict[int, dict[date, int]] = defaultdict(lambda: defaultdict(int))
    for reg in _registrations(school):
        if reg.code == "OA":
            per_student[reg.student_id][reg.date] += reg.minutes
    crossing = 0
    for days in per_student.values():
        ordered = sorted(days)
        for start in ordered:
            # 28 calendar days never hold more than 4 lesweken
            window = sum(days[d] for d in ordered if start <= d < start + timedelta(days=28))
            if window >= SIXTEEN_HOURS:
                crossing += 1
                break
    assert crossing >= 3


def test_some_student_is_late_ten_times_or_more(school: Database) -> None:
    late = Counter(r.student_id for r in _registrations(school) if r.code == "TL")
    assert max(late.values()) >= 10


def test_some_student_never_showed_up_in_the_first_two_weeks(school: Database) -> None:
    students = _students(school)
    with school.unit_of_work() as session:
        calendar = load_calendar(session)
        per_class: dict[str, Counter[int]] = defaultdict(Counter)
        for slot in session.scalars(select(TimetableSlot)):
            per_class[slot.klas][slot.weekday] += 1
    first_weeks = calendar.lesdagen(*_first_two_lesweken(calendar))
    oa = Counter(
        r.student_id for r in _registrations(school) if r.code == "OA" and r.date in first_weeks
    )
    no_shows = [
        student_id
        for student_id, count in oa.items()
        if count == sum(per_class[students[student_id].klas][d.isoweekday()] for d in first_weeks)
    ]
    assert no_shows


def _first_two_lesweken(calendar: SchoolCalendar) -> tuple[date, date]:
    first = calendar.first_lesdagen_of_year(UNTIL, 1)[0]
    return first, calendar.add_lesweken(first, 2) - timedelta(days=1)


# -- the follow-up layer ----------------------------------------------------------------


def test_followup_rows_agree_with_the_registrations(school: Database) -> None:
    registrations = _registrations(school)
    by_sick = defaultdict(list)
    by_leave = defaultdict(list)
    for reg in registrations:
        if reg.sick_report_id:
            by_sick[reg.sick_report_id].append(reg)
        if reg.leave_card_id:
            by_leave[reg.leave_card_id].append(reg)
    with school.unit_of_work() as session:
        reports = list(session.scalars(select(SickReport)))
        cards = list(session.scalars(select(LeaveCard)))
        duo = list(session.scalars(select(DuoReport)))
        calls = list(session.scalars(select(Call)))
        conversations = list(session.scalars(select(Conversation)))
    open_reports = [r for r in reports if r.ended_at is None]
    assert open_reports
    for report in reports:
        linked = by_sick[report.id]
        assert linked and {r.code for r in linked} == {"Z"}
        assert all(r.student_id == report.student_id for r in linked)
        assert min(r.date for r in linked) == report.starts_at.date()
        if report.ended_at is not None:
            assert max(r.date for r in linked) < report.ended_at.date() <= UNTIL
        else:  # still sick: up to the last lesdag (some classes are not in on every day)
            assert max(r.date for r in linked) >= UNTIL - timedelta(days=7)
    for card in cards:
        linked = by_leave[card.id]
        if card.status in ("verleend", "gemeld"):
            assert linked
            assert all(card.start_date <= r.date <= card.end_date for r in linked)
        else:
            assert not linked
    assert {c.status for c in cards} >= {"verleend", "aangevraagd"}
    assert duo and all(d.einddatum and d.einddatum < UNTIL for d in duo)
    assert all(d.source == "demo" and d.minutes >= SIXTEEN_HOURS for d in duo)
    assert calls and all(c.list_date <= UNTIL for c in calls)
    assert conversations
    assert all(
        c.next_check_on is None or abs((c.next_check_on - UNTIL).days) <= 7 for c in conversations
    )


# -- refusing, cancelling, the command line ----------------------------------------------


def test_refuses_a_database_that_has_students(ctx: Context) -> None:
    build_demo_school(ctx, students=30, seed=1, until=date(2025, 9, 12))
    with pytest.raises(ValidationError, match="lege"):
        build_demo_school(ctx, students=30, seed=2, until=date(2025, 9, 12))
    with ctx.db.unit_of_work() as session:
        assert session.scalar(select(func.count()).select_from(Student)) == 30


def test_cancel_leaves_no_students(ctx: Context) -> None:
    with pytest.raises(Cancelled):
        build_demo_school(ctx, students=50, seed=1, until=UNTIL, cancel=lambda: True)
    with ctx.db.unit_of_work() as session:
        # no school either: the program offers the demo again when there is no school
        assert get_school(session) is None
        assert session.scalar(select(func.count()).select_from(Student)) == 0


def test_cancel_during_the_registrations_rolls_back_and_keeps_the_indexes(ctx: Context) -> None:
    asked = []

    def cancel() -> bool:
        asked.append(1)
        return len(asked) >= 3  # the third check comes while the registrations are written

    with pytest.raises(Cancelled):
        build_demo_school(ctx, students=50, seed=1, until=UNTIL, cancel=cancel)
    with ctx.db.unit_of_work() as session:
        assert get_school(session) is None
        assert session.scalar(select(func.count()).select_from(Registration)) == 0
    indexes = {i["name"] for i in inspect(ctx.db.engine).get_indexes("registration")}
    assert {"ix_registration_signals", "ix_registration_date_code"} <= indexes
    # and the database can still take the demo
    assert build_demo_school(ctx, students=50, seed=1, until=UNTIL).students == 50


def test_summary_lines_are_dutch(any_ctx: Context) -> None:
    summary = build_demo_school(any_ctx, students=60, seed=4, until=date(2025, 10, 3))
    text = "\n".join(summary.lines())
    assert "Leerlingen: 60" in text
    assert "Ouders/verzorgers:" in text and "Klassen:" in text
    assert "Registraties:" in text and "01-09-2025 t/m 03-10-2025" in text
    assert "seconden" in text
    assert summary.registrations == len(_dump(any_ctx.db)) > 0


def test_cli_builds_the_demo(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "cli.sqlite"
    argv = ["--db", str(path), "demo", "--students", "200", "--seed", "3", "--until", "2025-11-20"]
    assert cli.main(argv) == 0
    assert "Leerlingen: 200" in capsys.readouterr().out
    assert cli.main(argv) == 1  # a second time: the database is no longer empty
    assert "lege database" in capsys.readouterr().err
