"""Weekoverzicht per klas (seed 000): per student and lesdag the hours by category, and the
lessons the whole class skips (a subject or hour the class misses far more than the others)."""

from __future__ import annotations

from collections import defaultdict
from datetime import timedelta

from sqlalchemy import select

from verzuimdesk.domain.attendance import (
    LessonAbsence,
    Minutes,
    class_patterns,
    enrolled_span,
    lesdagen_per_weekday,
)
from verzuimdesk.services.context import Context
from verzuimdesk.services.reports.common import (
    DATUM,
    KLAS,
    NAME,
    STUDENT,
    hours,
    need_class_or_student,
    require_reports,
    weekday_name,
)
from verzuimdesk.services.reports.facts import Facts
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
from verzuimdesk.store.registrations import Registration

TITLE = "Weekoverzicht per klas"
COLUMNS = (
    STUDENT,
    NAME,
    KLAS,
    DATUM,
    Column("dag", "Dag", Kind.TEXT, 9),
    Column("gepland", "Gepland", Kind.MINUTES, 8),
    Column("aanwezig", "Aanwezig", Kind.MINUTES, 8),
    Column("ongeoorloofd", "Ongeoorloofd", Kind.MINUTES, 13),
    Column("ziek", "Ziek", Kind.MINUTES, 7),
    Column("geoorloofd_overig", "Ander geoorloofd", Kind.MINUTES, 10),
    Column("te_laat", "Te laat (keer)", Kind.INT, 8),
)
PATTERN_COLUMNS = (
    Column("weekdag", "Dag", Kind.TEXT, 9),
    Column("begin", "Begint", Kind.TEXT, 7),
    Column("vak", "Vak", Kind.TEXT, 10),
    Column("docent", "Docent", Kind.TEXT, 10),
    Column("gemist", "Gemist (leerling-lessen)", Kind.INT, 10),
    Column("van", "Van", Kind.INT, 6),
    Column("aandeel", "Gemist", Kind.PERCENT, 8),
)


def klas_week_report(ctx: Context, period: Period, scope: Scope) -> Report:
    require_reports(ctx, scope)
    need_class_or_student(scope, "het weekoverzicht")
    with ctx.db.unit_of_work() as session:
        facts = Facts(ctx, session, scope)
        days = facts.minutes_per_student_day(period.start, period.end)
        lesdagen = facts.calendar.lesdagen(period.start, period.end)
        table = Table("Per leerling en dag", COLUMNS)
        per_day: dict = defaultdict(Minutes)
        for student in sorted(facts.students.values(), key=lambda s: (s.klas, s.name)):
            week = facts.timetable.get(student.klas, {})
            span = enrolled_span(period.start, period.end, student.van, student.tot)
            for day in lesdagen:
                if span is None or not span[0] <= day <= span[1]:
                    continue
                m = days.get(student.id, {}).get(day) or Minutes()
                scheduled = week.get(day.weekday(), 0) or m.registered
                planned = max(scheduled - m.niet_gepland, 0)
                if not planned and not m.registered:
                    continue  # no lessons that day (e.g. a BBL student's workplace day)
                per_day[day].add(m)
                table.add(
                    {
                        "student_id": student.leerlingnummer,
                        "naam": student.name,
                        "klas": student.klas,
                        "datum": day,
                        "dag": weekday_name(day),
                        "gepland": planned,
                        "aanwezig": planned - min(m.absent, planned),
                        "ongeoorloofd": m.ongeoorloofd,
                        "ziek": m.ziek,
                        "geoorloofd_overig": m.geoorloofd_overig,
                        "te_laat": m.te_laat,
                    },
                    student.id,
                )
        patterns = _patterns(facts, period)
        tables = [table]
        summary = [
            f"{len(facts.students)} leerling{'en' if len(facts.students) != 1 else ''}, "
            f"{len(lesdagen)} lesdag{'en' if len(lesdagen) != 1 else ''}."
        ]
        if not scope.student:
            tables.append(patterns)
            if patterns.rows:
                worst = patterns.rows[0]
                summary.append(
                    f"De klas mist vooral {worst['weekdag']} {worst['begin']} "
                    f"({worst['vak'] or 'les'}): {worst['aandeel']:.0f}% van de lessen gemist."
                )
            else:
                summary.append("Geen les die de klas duidelijk vaker mist dan de andere.")
        return Report(
            "klas-week",
            TITLE,
            period,
            scope,
            tables,
            facts.school_name,
            summary,
            _chart(per_day, period),
        )


def _patterns(facts: Facts, period: Period) -> Table:
    """Per weekly lesson of the class: how many student-lessons were due and missed."""
    table = Table("Lessen die de klas vaker mist", PATTERN_COLUMNS)
    ids = sorted(facts.students)
    if not ids:
        return table
    groups = facts.groups
    absent_codes = set(groups.ongeoorloofd) | set(groups.geoorloofd)
    missed: dict[tuple[str, int, str], int] = defaultdict(int)
    rows = facts.session.execute(
        select(Registration.student_id, Registration.date, Registration.begin, Registration.code)
        .where(Registration.student_id.in_(ids))
        .where(Registration.date.between(period.start, period.end))
        .where(Registration.begin.is_not(None))
    )
    for sid, day, begin, code in rows:
        if code in absent_codes and facts.calendar.is_lesdag(day):
            missed[(facts.students[sid].klas, day.weekday(), f"{begin:%H:%M}")] += 1
    lessons = []
    for klas, students in facts.klassen().items():
        due_days = [0] * 5
        for student in students:
            span = enrolled_span(period.start, period.end, student.van, student.tot)
            if span:
                counts = lesdagen_per_weekday(facts.calendar, *span)
                due_days = [a + b for a, b in zip(due_days, counts, strict=True)]
        for slot in (s for s in facts.slots if s.klas == klas):
            key = (klas, slot.weekday, f"{slot.begin:%H:%M}")
            lessons.append(
                LessonAbsence(
                    slot.weekday,
                    key[2],
                    slot.vak,
                    slot.docent,
                    due_days[slot.weekday],
                    missed.get(key, 0),
                )
            )
    for lesson in class_patterns(lessons, facts.policy.rapportage):
        table.add(
            {
                "weekdag": weekday_name(lesson.weekday),
                "begin": lesson.begin,
                "vak": lesson.vak,
                "docent": lesson.docent,
                "gemist": lesson.missed,
                "van": lesson.due,
                "aandeel": round(100 * lesson.share, 1),
            }
        )
    return table


def _chart(per_day: dict, period: Period) -> Chart:
    """Class hours by category per day (a week), or per lesweek (a longer period)."""
    days = sorted(per_day)
    by_week = len(days) > 10
    buckets: dict = defaultdict(Minutes)
    for day in days:
        key = day - timedelta(days=day.weekday()) if by_week else day
        buckets[key].add(per_day[day])
    keys = sorted(buckets)
    labels = [
        f"wk {k.isocalendar()[1]}" if by_week else f"{weekday_name(k)[:2]} {k:%d-%m}" for k in keys
    ]
    return Chart(
        ChartKind.STACKED,
        "Gemiste uren van de klas per " + ("lesweek" if by_week else "dag"),
        labels,
        [
            ("ongeoorloofd", [hours(buckets[k].ongeoorloofd) for k in keys]),
            ("ziek", [hours(buckets[k].ziek) for k in keys]),
            ("ander geoorloofd", [hours(buckets[k].geoorloofd_overig) for k in keys]),
        ],
        y_title="uren",
    )
