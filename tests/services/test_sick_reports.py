"""Sick reports through the service: registrations, refusals, audit, all or nothing."""

from __future__ import annotations

from datetime import date, datetime, time

import pytest
from sqlalchemy import func, select

from tests.actors import TESTER
from tests.desk_helpers import make_school
from verzuimdesk.errors import ValidationError
from verzuimdesk.services import sick_reports as desk
from verzuimdesk.services.context import Context
from verzuimdesk.store.audit import AuditEntry
from verzuimdesk.store.desk import SickReport
from verzuimdesk.store.registrations import Registration, Source

WED = date(2025, 10, 1)


def regs(ctx: Context, student_id: int) -> list[Registration]:
    with ctx.db.unit_of_work() as session:
        return list(
            session.scalars(
                select(Registration)
                .where(Registration.student_id == student_id)
                .order_by(Registration.date, Registration.begin)
            )
        )


def count(ctx: Context, model: type) -> int:
    with ctx.db.unit_of_work() as session:
        return session.scalar(select(func.count()).select_from(model)) or 0


def test_report_before_0830_registers_the_whole_day(ctx: Context) -> None:
    ids = make_school(ctx)
    result = desk.report_sick(
        ctx, ids["100001"], datetime(2025, 10, 1, 8, 10), "ouder", "M. Bakker", "griep"
    )
    rows = regs(ctx, ids["100001"])
    assert [(r.date, r.begin, r.code, r.source) for r in rows][:1] == [
        (WED, time(8, 30), "Z", Source.RECEPTIE)
    ]
    assert len(rows) == 5 and all(r.sick_report_id == result.report.id for r in rows)
    assert all(r.reason == "griep" for r in rows)
    assert result.report.minutes == 250 and result.report.days == 1
    assert result.changes.registrations and result.changes.sick_reports
    assert count(ctx, AuditEntry) >= 2


def test_late_call_keeps_the_imported_oa_before_it(ctx: Context) -> None:
    ids = make_school(ctx)
    sid = ids["100001"]
    with ctx.db.unit_of_work() as session:
        session.add(
            Registration(
                student_id=sid,
                date=WED,
                begin=time(8, 30),
                end=time(9, 20),
                minutes=50,
                code="OA",
                source=Source.IMPORT,
                import_key="x1",
            )
        )
    desk.report_sick(ctx, sid, datetime(2025, 10, 1, 8, 45), "leerling", None, "koorts")
    rows = regs(ctx, sid)
    assert rows[0].code == "OA" and rows[0].sick_report_id is None
    # the lesson running at 08:45 stays as it was; lessons from 09:20 on are Z
    assert [r.begin for r in rows if r.code == "Z"] == [
        time(9, 20),
        time(10, 30),
        time(11, 20),
        time(13, 0),
    ]


def test_second_report_is_refused_and_nothing_written(ctx: Context) -> None:
    ids = make_school(ctx)
    desk.report_sick(ctx, ids["100001"], datetime(2025, 10, 1, 8, 0), "leerling", None, "ziek")
    before = (count(ctx, SickReport), count(ctx, Registration), count(ctx, AuditEntry))
    with pytest.raises(desk.AlreadySick, match="al ziek gemeld door"):
        desk.report_sick(ctx, ids["100001"], datetime(2025, 10, 1, 8, 5), "ouder", "X", "ziek")
    assert (count(ctx, SickReport), count(ctx, Registration), count(ctx, AuditEntry)) == before


def test_retroactive_report_is_refused_under_the_strict_policy(ctx: Context) -> None:
    ids = make_school(ctx, policy="strikt")
    with pytest.raises(ValidationError, match="terugwerkende kracht"):
        desk.report_sick(
            ctx,
            ids["100001"],
            datetime(2025, 10, 1, 8, 0),
            "ouder",
            "X",
            "ziek",
            sick_since=date(2025, 9, 30),
        )
    assert count(ctx, SickReport) == 0 and count(ctx, Registration) == 0


def test_law_policy_registers_two_late_days_and_replaces_their_oa(ctx: Context) -> None:
    ids = make_school(ctx, policy="wet")
    sid = ids["100002"]
    with ctx.db.unit_of_work() as session:
        session.add(
            Registration(
                student_id=sid,
                date=date(2025, 9, 29),
                begin=time(8, 30),
                end=time(9, 20),
                minutes=50,
                code="OA",
                source=Source.IMPORT,
                import_key="k1",
            )
        )
    desk.report_sick(
        ctx,
        sid,
        datetime(2025, 10, 1, 8, 0),
        "ouder",
        "P. de Vries",
        "griep",
        sick_since=date(2025, 9, 29),
    )
    rows = regs(ctx, sid)
    assert {r.date for r in rows} == {date(2025, 9, 29), date(2025, 9, 30), WED}
    assert all(r.code == "Z" for r in rows) and len(rows) == 15


def test_materialise_adds_each_new_day_once_and_beter_melding_ends_it(ctx: Context) -> None:
    ids = make_school(ctx)
    sid = ids["100001"]
    desk.report_sick(ctx, sid, datetime(2025, 10, 1, 8, 0), "leerling", None, "ziek")
    changes = desk.materialise_sick_days(ctx, date(2025, 10, 3))
    assert changes.registrations
    assert not desk.materialise_sick_days(ctx, date(2025, 10, 3)).registrations
    assert len(regs(ctx, sid)) == 15
    # better from Friday 10:30 (the call was then); later lessons that day are removed
    later = Context(ctx.db, actor=TESTER, clock=lambda: datetime(2025, 10, 3, 10, 30))
    result = desk.report_better(later, sid, datetime(2025, 10, 3, 10, 30))
    friday = [r.begin for r in regs(ctx, sid) if r.date == date(2025, 10, 3)]
    assert friday == [time(8, 30), time(9, 20)]
    assert result.report.ended_at == datetime(2025, 10, 3, 10, 30)
    assert desk.list_open_reports(ctx) == []
    desk.materialise_sick_days(later, date(2025, 10, 10))
    assert max(r.date for r in regs(ctx, sid)) == date(2025, 10, 3)


def test_retroactive_beter_melding_is_refused(ctx: Context) -> None:
    ids = make_school(ctx)
    sid = ids["100001"]
    desk.report_sick(ctx, sid, datetime(2025, 10, 1, 8, 0), "leerling", None, "ziek")
    before = count(ctx, AuditEntry)
    with pytest.raises(ValidationError, match="terugwerkende kracht beter"):
        desk.report_better(ctx, sid, datetime(2025, 10, 1, 9, 0), datetime(2025, 10, 1, 8, 30))
    assert desk.open_report_for(ctx, sid) is not None
    assert count(ctx, AuditEntry) == before


def test_unreachable_student_is_registered_oa(ctx: Context) -> None:
    ids = make_school(ctx)
    sid = ids["100001"]
    report = desk.report_sick(ctx, sid, datetime(2025, 10, 1, 8, 0), "leerling", None, "ziek")
    desk.mark_unreachable(ctx, report.report.id, WED, "3x gebeld zonder gehoor")
    rows = regs(ctx, sid)
    assert {r.code for r in rows} == {"OA"} and {r.source for r in rows} == {Source.CORRECTIE}
    assert desk.open_report_for(ctx, sid) is None


def test_list_open_reports_on_an_empty_school(ctx: Context) -> None:
    make_school(ctx, students=False)
    assert desk.list_open_reports(ctx) == []
