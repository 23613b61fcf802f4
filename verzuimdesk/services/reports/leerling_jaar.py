"""Jaaroverzicht per leerling (seed 000): geoorloofd and ongeoorloofd per month, and the share
of planned lesson time attended."""

from __future__ import annotations

from typing import Any

from verzuimdesk.domain.attendance import Attendance, month_label, month_starts, percent_text
from verzuimdesk.domain.hours import format_hhmm
from verzuimdesk.services.context import Context
from verzuimdesk.services.reports.common import KLAS, NAME, STUDENT, hours, require_reports
from verzuimdesk.services.reports.facts import Facts, StudentInfo
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

TITLE = "Jaaroverzicht per leerling"
COLUMNS = (
    STUDENT,
    NAME,
    KLAS,
    Column("maand", "Maand", Kind.TEXT, 13),
    Column("gepland", "Gepland", Kind.MINUTES, 9),
    Column("geoorloofd", "Geoorloofd", Kind.MINUTES, 11),
    Column("ongeoorloofd", "Ongeoorloofd", Kind.MINUTES, 13),
    Column("aanwezig_pct", "Aanwezig", Kind.PERCENT, 9),
)


def leerling_jaar_report(ctx: Context, period: Period, scope: Scope) -> Report:
    require_reports(ctx, scope)
    with ctx.db.unit_of_work() as session:
        facts = Facts(ctx, session, scope)
        months = month_starts(period.start, period.end)
        attendance = facts.attendance(period.start, period.end, months[1:])
        table = Table("Per leerling en maand", COLUMNS)
        totals = [Attendance() for _ in months]
        for student in sorted(facts.students.values(), key=lambda s: (s.klas, s.name)):
            year = Attendance()
            for index, first in enumerate(months):
                att = attendance.get((student.id, index))
                if att is None:
                    continue  # not enrolled that month
                year.add(att)
                totals[index].add(att)
                table.add(_row(student, month_label(first), att), student.id)
            table.add(_row(student, "heel de periode", year), student.id)
        whole = Attendance()
        for total in totals:
            whole.add(total)
        summary = [
            f"{len(facts.students)} leerling{'en' if len(facts.students) != 1 else ''}: "
            f"{percent_text(whole.percent)} van de geplande lestijd aanwezig, "
            f"{format_hhmm(whole.m.ongeoorloofd)} uur ongeoorloofd en "
            f"{format_hhmm(whole.m.geoorloofd)} uur geoorloofd afwezig."
            if whole.percent is not None
            else "Geen geplande lestijd in deze periode."
        ]
        chart = Chart(
            ChartKind.STACKED,
            "Afwezig per maand (uren)",
            [month_label(m)[:3] + f" {m:%y}" for m in months],
            [
                ("ongeoorloofd", [hours(t.m.ongeoorloofd) for t in totals]),
                ("geoorloofd", [hours(t.m.geoorloofd) for t in totals]),
            ],
            y_title="uren",
        )
        return Report(
            "leerling-jaar", TITLE, period, scope, [table], facts.school_name, summary, chart
        )


def _row(student: StudentInfo, month: str, att: Attendance) -> dict[str, Any]:
    return {
        "student_id": student.leerlingnummer,
        "naam": student.name,
        "klas": student.klas,
        "maand": month,
        "gepland": att.planned,
        "geoorloofd": att.m.geoorloofd,
        "ongeoorloofd": att.m.ongeoorloofd,
        "aanwezig_pct": att.percent,
    }
