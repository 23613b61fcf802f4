"""R-ZIEK-PATROON "achteraf": which sick days the loader's own SQL finds registered afterwards,
on SQLite and, with VERZUIMDESK_TEST_PG, on PostgreSQL (date extraction differs)."""

from __future__ import annotations

from datetime import date, datetime, time

from tests.actors import TESTER
from tests.desk_helpers import make_school
from verzuimdesk.domain.signals import RuleId, Signal
from verzuimdesk.services import sick_reports as desk
from verzuimdesk.services.context import Context
from verzuimdesk.services.signal_inputs import load_inputs
from verzuimdesk.services.signals import student_signals
from verzuimdesk.store.registrations import Registration, Source

ON = date(2025, 9, 30)


def at(ctx: Context, moment: datetime) -> Context:
    """The same database with the desk's clock at `moment`."""
    return Context(ctx.db, actor=TESTER, clock=lambda: moment)


def afterwards_days(ctx: Context, student_id: int, on: date = ON) -> list[date]:
    with ctx.db.unit_of_work() as session:
        days = load_inputs(session, on).days.get(student_id, [])
    return [d.day for d in days if d.sick_afterwards]


def patterns(ctx: Context, student_id: int) -> list[Signal]:
    return [s for s in student_signals(ctx, student_id, ON) if s.rule is RuleId.ZIEK_PATROON]


def sick_next_day(ctx: Context, student_id: int, sick_day: date) -> None:
    """A parent phones the day after the first sick day (allowed by the law's policy), and the
    student is better by the end of that day."""
    call = datetime.combine(date.fromordinal(sick_day.toordinal() + 1), time(8, 0))
    desk_ctx = at(ctx, call.replace(minute=5))
    desk.report_sick(desk_ctx, student_id, call, "ouder", "P. de Vries", "griep", sick_day)
    desk.report_better(at(ctx, call.replace(hour=15)), student_id, call.replace(hour=15))


def add(ctx: Context, student_id: int, day: date, registered_at: datetime | None, n: int) -> None:
    with ctx.db.unit_of_work() as session:
        session.add(
            Registration(
                student_id=student_id,
                date=day,
                begin=time(8 + n, 30),
                end=time(9 + n, 20),
                minutes=50,
                code="Z",
                source=Source.IMPORT,
                registered_at=registered_at,
                import_key=f"{student_id}-{day}-{n}",
            )
        )


def test_desk_report_entered_the_next_day_is_afterwards(any_ctx: Context) -> None:
    sid = make_school(any_ctx, policy="wet")["100002"]
    sick_next_day(any_ctx, sid, date(2025, 9, 1))  # Monday, phoned on Tuesday
    # Monday was registered on Tuesday; Tuesday itself on the day
    assert afterwards_days(any_ctx, sid) == [date(2025, 9, 1)]
    assert patterns(any_ctx, sid) == []
    sick_next_day(any_ctx, sid, date(2025, 9, 9))
    sick_next_day(any_ctx, sid, date(2025, 9, 17))
    assert afterwards_days(any_ctx, sid) == [date(2025, 9, 1), date(2025, 9, 9), date(2025, 9, 17)]
    (signal,) = patterns(any_ctx, sid)
    assert (signal.arose_on, signal.count) == (date(2025, 9, 17), 3)
    assert signal.explanation.startswith(
        "3 van de 3 ziekmeldingen dit schooljaar kwamen pas achteraf binnen (01-09-2025"
    )


def test_unknown_moment_and_same_day_never_count_as_afterwards(any_ctx: Context) -> None:
    ids = make_school(any_ctx, policy="wet")
    sid, other = ids["100001"], ids["100002"]
    mon, tue, wed, thu, fri = (date(2025, 9, d) for d in (1, 2, 3, 4, 5))
    add(any_ctx, sid, mon, None, 0)  # the LVS gave no moment: unknown
    add(any_ctx, sid, tue, datetime(2025, 9, 2, 23, 59), 0)  # late in the day itself
    add(any_ctx, sid, wed, datetime(2025, 9, 4, 0, 0), 0)  # the first moment of the next day
    add(any_ctx, sid, thu, datetime(2025, 9, 5, 10, 0), 0)  # one lesson afterwards …
    add(any_ctx, sid, thu, datetime(2025, 9, 4, 8, 0), 1)  # … but the day was reported in time
    add(any_ctx, sid, fri, datetime(2025, 9, 8, 10, 0), 0)  # one afterwards …
    add(any_ctx, sid, fri, None, 1)  # … and one unknown: not shown to be afterwards
    add(any_ctx, other, mon, datetime(2025, 9, 2, 9, 0), 0)
    add(any_ctx, other, tue, datetime(2025, 10, 2, 9, 0), 0)  # after the date asked: not read
    assert afterwards_days(any_ctx, sid) == [wed]
    assert afterwards_days(any_ctx, other, on=mon) == [mon]
    with any_ctx.db.unit_of_work() as session:  # one student, as the desk's dossier asks
        (days,) = load_inputs(session, ON, student_ids=[other]).days.values()
    assert [d.day for d in days if d.sick_afterwards] == [mon, tue]
