"""The attendance card of one student (seed 003: "waardevol voor leerlingen en ouders"): the
school year so far in one chart, this period against the one before, in plain words, on one
page for the mentor–parent–student conversation. Give it again a month later, in the same form.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date, timedelta

from verzuimdesk.domain.attendance import (
    Attendance,
    Minutes,
    card_sentences,
    enrolled_span,
    previous_period,
    tier_of,
)
from verzuimdesk.services.context import Context
from verzuimdesk.services.reports.common import need_student, require_reports
from verzuimdesk.services.reports.facts import Facts, StudentInfo
from verzuimdesk.services.reports.goals import read_goals
from verzuimdesk.services.reports.model import (
    Chart,
    ChartKind,
    Column,
    Kind,
    Period,
    Report,
    Scope,
    Table,
)

COLUMNS = (
    Column("student_id", "Leerlingnummer", Kind.TEXT, 15),
    Column("week", "Week van", Kind.DATE, 10),
    Column("gepland", "Gepland", Kind.MINUTES, 8),
    Column("ongeoorloofd", "Ongeoorloofd", Kind.MINUTES, 13),
    Column("geoorloofd", "Geoorloofd", Kind.MINUTES, 11),
    Column("aanwezig_pct", "Aanwezig", Kind.PERCENT, 9),
)


def kaart_report(ctx: Context, period: Period, scope: Scope) -> Report:
    require_reports(ctx, scope)
    need_student(scope, "de aanwezigheidskaart")
    with ctx.db.unit_of_work() as session:
        facts = Facts(ctx, session, scope)
        student = next(iter(facts.students.values()))
        year_start, _ = facts.calendar.school_year_of(period.end)
        before = previous_period(period.start, period.end)
        first = min(year_start, before[0])
        days = facts.minutes_per_student_day(first, period.end, [student.id]).get(student.id, {})
        daily = _daily(facts, student, days, first, period.end)
        this = _sum(daily, period.start, period.end)
        last = _sum(daily, *before)
        year = _sum(daily, year_start, period.end)
        weeks: dict[date, Attendance] = defaultdict(Attendance)
        for day, att in daily.items():
            if day >= year_start:
                weeks[day - timedelta(days=day.weekday())].add(att)
        table = Table("Per week, dit schooljaar", COLUMNS)
        for monday in sorted(weeks):
            att = weeks[monday]
            table.add(
                {
                    "student_id": student.leerlingnummer,
                    "week": monday,
                    "gepland": att.planned,
                    "ongeoorloofd": att.m.ongeoorloofd,
                    "geoorloofd": att.m.geoorloofd,
                    "aanwezig_pct": att.percent,
                },
                student.id,
            )
        rules = facts.policy.rapportage
        summary = card_sentences(
            student.first_name,
            this.percent,
            last.percent,
            year.percent,
            tier_of(this.percent, rules),
            this.m.ongeoorloofd,
        )
        goal = read_goals(session).for_klas(student.klas)
        mondays = sorted(weeks)
        chart = Chart(
            ChartKind.LINE,
            f"{student.first_name}: aanwezig per week dit schooljaar",
            [f"{m:%d-%m}" for m in mondays],
            [("aanwezig %", [weeks[m].percent or 0.0 for m in mondays])],
            y_title="% aanwezig",
            y_max=100.0,
            reference=(
                (f"doel {goal:g}%", goal)
                if goal is not None
                else (f"niveau 1 vanaf {rules.niveau_1_vanaf:g}%", rules.niveau_1_vanaf)
            ),
        )
        return Report(
            "kaart",
            f"Aanwezigheidskaart {student.first_name} ({student.klas})",
            period,
            scope,
            [table],
            facts.school_name,
            summary,
            chart,
        )


def _daily(
    facts: Facts, student: StudentInfo, days: dict[date, Minutes], start: date, end: date
) -> dict[date, Attendance]:
    span = enrolled_span(start, end, student.van, student.tot)
    if span is None:
        return {}
    week = facts.timetable.get(student.klas, {})
    result = {}
    for day in facts.calendar.lesdagen(*span):
        m = days.get(day) or Minutes()
        scheduled = week.get(day.weekday(), 0) or m.registered
        planned = max(scheduled - m.niet_gepland, 0)
        if planned or m.registered:
            result[day] = Attendance(planned, m)
    return result


def _sum(daily: dict[date, Attendance], start: date, end: date) -> Attendance:
    total = Attendance()
    for day, att in daily.items():
        if start <= day <= end:
            total.add(att)
    return total
