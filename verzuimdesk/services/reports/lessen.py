"""Aanwezigheid per docent, per vak and per klas (seed 000): the share of the lessons given
that students attended.

Per docent and vak the lessons given are the class timetable's lessons of that docent and vak on
every lesdag, once per enrolled student of the class; the absence is what was registered on those
lessons (the registration's own vak and docent, as the LVS exports them). Per klas it is the
attendance of its students, as in every other report.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from sqlalchemy import select, text

from verzuimdesk.domain.attendance import (
    Attendance,
    Minutes,
    attendance_percent,
    enrolled_span,
    lesdagen_per_weekday,
    percent_text,
)
from verzuimdesk.services.context import Context
from verzuimdesk.services.reports.common import hours, require_reports
from verzuimdesk.services.reports.facts import Facts
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
from verzuimdesk.store.school import SchoolClass

UNKNOWN = "(onbekend)"
_COMMON = (
    Column("klassen", "Klassen", Kind.INT, 8),
    Column("gepland", "Lestijd (leerling-uren)", Kind.NUMBER, 12),
    Column("ongeoorloofd", "Ongeoorloofd (uren)", Kind.NUMBER, 11),
    Column("geoorloofd", "Geoorloofd (uren)", Kind.NUMBER, 11),
    Column("aanwezig_pct", "Aanwezig", Kind.PERCENT, 9),
)
DOCENT_COLUMNS = (
    Column("docent", "Docent", Kind.TEXT, 12),
    Column("vakken", "Vakken", Kind.TEXT, 18),
    *_COMMON,
)
VAK_COLUMNS = (
    Column("vak", "Vak", Kind.TEXT, 12),
    Column("docenten", "Docenten", Kind.INT, 9),
    *_COMMON,
)
KLAS_COLUMNS = (
    Column("klas", "Klas", Kind.TEXT, 11),
    Column("mentor", "Mentor", Kind.TEXT, 18),
    Column("leerlingen", "Leerlingen", Kind.INT, 9),
    Column("gepland", "Lestijd (leerling-uren)", Kind.NUMBER, 12),
    Column("ongeoorloofd", "Ongeoorloofd (uren)", Kind.NUMBER, 11),
    Column("geoorloofd", "Geoorloofd (uren)", Kind.NUMBER, 11),
    Column("aanwezig_pct", "Aanwezig", Kind.PERCENT, 9),
    Column("doel_pct", "Doel", Kind.PERCENT, 7),
    Column("verschil", "Verschil (punten)", Kind.NUMBER, 9),
)


def docent_report(ctx: Context, period: Period, scope: Scope) -> Report:
    require_reports(ctx, scope)
    return _by_lesson(ctx, period, scope, "docent")


def vak_report(ctx: Context, period: Period, scope: Scope) -> Report:
    require_reports(ctx, scope)
    return _by_lesson(ctx, period, scope, "vak")


def _by_lesson(ctx: Context, period: Period, scope: Scope, by: str) -> Report:
    with ctx.db.unit_of_work() as session:
        facts = Facts(ctx, session, scope)
        # student-lesdagen per class and weekday: how often each weekly lesson was due
        due: dict[str, list[int]] = {}
        for klas, students in facts.klassen().items():
            totals = [0] * 5
            for student in students:
                span = enrolled_span(period.start, period.end, student.van, student.tot)
                if span:
                    counts = lesdagen_per_weekday(facts.calendar, *span)
                    totals = [a + b for a, b in zip(totals, counts, strict=True)]
            due[klas] = totals
        planned: dict[tuple[str, str], int] = defaultdict(int)
        klassen: dict[str, set[str]] = defaultdict(set)
        others: dict[str, set[str]] = defaultdict(set)
        for slot in facts.slots:
            if slot.klas not in due:
                continue
            key = (slot.docent or UNKNOWN, slot.vak or UNKNOWN)
            planned[key] += slot.minutes * due[slot.klas][slot.weekday]
            own = key[0] if by == "docent" else key[1]
            klassen[own].add(slot.klas)
            others[own].add(key[1] if by == "docent" else key[0])
        absent = _absence_per_lesson(facts, period)
        groups: dict[str, Attendance] = defaultdict(Attendance)
        for key in set(planned) | set(absent):
            own = key[0] if by == "docent" else key[1]
            m = absent.get(key) or Minutes()
            groups[own].add(Attendance(max(planned.get(key, 0) - m.niet_gepland, 0), m))
            others[own].add(key[1] if by == "docent" else key[0])
        columns = DOCENT_COLUMNS if by == "docent" else VAK_COLUMNS
        table = Table(f"Per {by}", columns)
        for name, att in sorted(groups.items(), key=lambda item: _sort_key(item[1], item[0])):
            if not att.planned and not att.m.absent:
                continue
            row: dict[str, Any] = {
                by: name,
                "klassen": len(klassen.get(name, ())),
                "gepland": hours(att.planned),
                "ongeoorloofd": hours(att.m.ongeoorloofd),
                "geoorloofd": hours(att.m.geoorloofd),
                "aanwezig_pct": att.percent,
            }
            rest = sorted(o for o in others.get(name, ()) if o != UNKNOWN)
            if by == "docent":
                row["vakken"] = ", ".join(rest)
            else:
                row["docenten"] = len(rest)
            table.add(row)
        title = "Aanwezigheid per docent" if by == "docent" else "Aanwezigheid per vak"
        return Report(
            by,
            title,
            period,
            scope,
            [table],
            facts.school_name,
            _summary(table, by),
            _lowest_chart(table, by, f"Laagste aanwezigheid per {by}"),
        )


def _absence_per_lesson(facts: Facts, period: Period) -> dict[tuple[str, str], Minutes]:
    """Registered minutes per (docent, vak), aggregated in the database."""
    source, where, params = facts._sql_parts(period.start, period.end, facts._scope_ids())
    source = "registration"  # docent and vak are not in the covering index
    sums, sum_params = facts._sums()
    params.update(sum_params)
    student_filter = facts._scope_ids() is None and not facts.all_students
    sql = f"SELECT docent, vak, {sums} FROM {source} WHERE {where} GROUP BY docent, vak"
    if student_filter:
        # a large scope (an opleiding, a mentor's many classes): group per student as well
        sql = (
            f"SELECT student_id, docent, vak, {sums} FROM {source} WHERE {where}"
            " GROUP BY student_id, docent, vak"
        )
    found: dict[tuple[str, str], Minutes] = defaultdict(Minutes)
    for result in facts.session.execute(text(sql), params):
        values = tuple(result)
        if student_filter:
            if values[0] not in facts.students:
                continue
            values = values[1:]
        key = (values[0] or UNKNOWN, values[1] or UNKNOWN)
        found[key].add(Minutes(*(int(v or 0) for v in values[2:])))
    return found


def klas_report(ctx: Context, period: Period, scope: Scope) -> Report:
    require_reports(ctx, scope)
    with ctx.db.unit_of_work() as session:
        facts = Facts(ctx, session, scope)
        goals = read_goals(session)
        mentors = dict(session.execute(select(SchoolClass.code, SchoolClass.mentor)).all())
        attendance = facts.attendance(period.start, period.end)
        table = Table("Per klas", KLAS_COLUMNS)
        per_klas: dict[str, Attendance] = {}
        for klas, students in facts.klassen().items():
            total = Attendance()
            for student in students:
                att = attendance.get((student.id, 0))
                if att is not None:
                    total.add(att)
            per_klas[klas] = total
        for klas, total in sorted(per_klas.items(), key=lambda item: _sort_key(item[1], item[0])):
            goal = goals.for_klas(klas)
            table.add(
                {
                    "klas": klas,
                    "mentor": mentors.get(klas) or "",
                    "leerlingen": len(facts.klassen()[klas]),
                    "gepland": hours(total.planned),
                    "ongeoorloofd": hours(total.m.ongeoorloofd),
                    "geoorloofd": hours(total.m.geoorloofd),
                    "aanwezig_pct": total.percent,
                    "doel_pct": goal,
                    "verschil": (
                        round(total.percent - goal, 1)
                        if goal is not None and total.percent is not None
                        else None
                    ),
                }
            )
        chart = _lowest_chart(table, "klas", "Laagste aanwezigheid per klas")
        if goals.school is not None and chart is not None:
            chart.reference = (f"doel school {goals.school:g}%", goals.school)
        return Report(
            "klas",
            "Aanwezigheid per klas",
            period,
            scope,
            [table],
            facts.school_name,
            _summary(table, "klas"),
            chart,
        )


def _sort_key(att: Attendance, name: str) -> tuple[float, str]:
    return (att.percent if att.percent is not None else 101.0, name)


def _summary(table: Table, by: str) -> list[str]:
    planned = sum(r["gepland"] for r in table.rows)
    absent = sum(r["ongeoorloofd"] + r["geoorloofd"] for r in table.rows)
    overall = attendance_percent(round(planned * 60), round(absent * 60))
    plural = {"klas": "klassen", "docent": "docenten", "vak": "vakken"}[by]
    lines = [f"{len(table.rows)} {plural}; samen {percent_text(overall)} van de lestijd aanwezig."]
    if table.rows and table.rows[0]["aanwezig_pct"] is not None:
        lowest = table.rows[0]
        lines.append(f"Laagste: {lowest[by]} met {percent_text(lowest['aanwezig_pct'])}.")
    return lines


def _lowest_chart(table: Table, by: str, title: str, count: int = 15) -> Chart | None:
    rows = [r for r in table.rows if r["aanwezig_pct"] is not None][:count]
    if not rows:
        return None
    return Chart(
        ChartKind.BAR,
        title,
        [str(r[by]) for r in rows],
        [("aanwezig %", [r["aanwezig_pct"] for r in rows])],
        y_title="% aanwezig",
        y_max=100.0,
    )
