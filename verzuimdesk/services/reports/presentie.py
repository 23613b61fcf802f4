"""Onwaarschijnlijke presentie (seed 000, R-PRESENTIE): a student who has only been absent
without a valid reason for weeks and is suddenly marked present: probably a mistake, so the
report names the day and the lessons to check.

Two cheap queries narrow the school down before anything is looked at per day: the students with
at least as many days of ongeoorloofd absence as the stretch has lesweken (a stretch of N
lesweken holds at least N lesdagen), and of those the days with registered presence.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date

from sqlalchemy import select, text

from verzuimdesk.domain.attendance import DayFact, improbable_presence_days
from verzuimdesk.services.context import Context
from verzuimdesk.services.reports.common import DATUM, KLAS, NAME, STUDENT, require_reports
from verzuimdesk.services.reports.facts import Facts
from verzuimdesk.services.reports.model import Column, Kind, Period, Report, Scope, Table
from verzuimdesk.store.registrations import Registration

TITLE = "Onwaarschijnlijke presentie"
COLUMNS = (
    STUDENT,
    NAME,
    KLAS,
    DATUM,
    Column("afwezig_sinds", "Afwezig sinds", Kind.DATE, 12),
    Column("lessen", "Te controleren lessen", Kind.TEXT, 44),
)


def presentie_report(ctx: Context, period: Period, scope: Scope) -> Report:
    require_reports(ctx, scope)
    with ctx.db.unit_of_work() as session:
        facts = Facts(ctx, session, scope)
        weeks = facts.policy.presentie.min_lesweken
        window_start = facts.calendar.add_lesweken(period.start, -weeks)
        groups = facts.groups
        oa_days = _oa_days(facts, window_start, period.end, weeks)
        presence = _presence_days(facts, period, sorted(oa_days))
        table = Table("Aanwezig gemeld na weken afwezigheid", COLUMNS)
        for sid in sorted(presence, key=lambda i: (facts.students[i].klas, facts.students[i].name)):
            student = facts.students[sid]
            days: dict[date, DayFact] = {d: DayFact(m, 0) for d, m in oa_days[sid].items()}
            for day, count in presence[sid].items():
                days[day] = DayFact(days[day].ongeoorloofd if day in days else 0, count)
            found = improbable_presence_days(
                days,
                facts.calendar,
                facts.timetable.get(student.klas, {}),
                weeks,
                period.start,
                period.end,
                student.van,
            )
            for day, since in found:
                table.add(
                    {
                        "student_id": student.leerlingnummer,
                        "naam": student.name,
                        "klas": student.klas,
                        "datum": day,
                        "afwezig_sinds": since,
                        "lessen": _lessons_text(facts, sid, day, groups.presence),
                    },
                    sid,
                )
        count = len(table.rows)
        summary = [
            f"{count} dag{'en' if count != 1 else ''} met aanwezigheid na minstens {weeks} "
            "lesweken met alleen ongeoorloofd verzuim. Controleer deze lessen bij de docent: "
            "waarschijnlijk per abuis op 'aanwezig' gezet."
            if count
            else f"Geen aanwezigheid gevonden na {weeks} lesweken met alleen ongeoorloofd verzuim."
        ]
        return Report(
            "onwaarschijnlijke-presentie",
            TITLE,
            period,
            scope,
            [table],
            facts.school_name,
            summary,
        )


def _oa_days(facts: Facts, start: date, end: date, min_days: int) -> dict[int, dict[date, int]]:
    """Per student with at least `min_days` days of ongeoorloofd absence: OA minutes per day."""
    source, where, params = facts._sql_parts(start, end, facts._scope_ids())
    source = "registration"  # the date index: only the OA rows are read
    oa = facts.groups.ongeoorloofd
    late = facts.groups.te_laat
    params.update({f"oa{i}": c for i, c in enumerate(oa)})
    params.update({f"tl{i}": c for i, c in enumerate(late)})
    params["late_max"] = facts.late_max
    oa_in = ", ".join(f":oa{i}" for i in range(len(oa))) or "NULL"
    tl_in = ", ".join(f":tl{i}" for i in range(len(late))) or "NULL"
    is_oa = f"(code IN ({oa_in}) OR (code IN ({tl_in}) AND minutes > :late_max))"
    params["min_days"] = min_days
    sql = (
        f"SELECT student_id, date, SUM(minutes) FROM {source} WHERE {where} AND {is_oa}"
        f" AND student_id IN (SELECT student_id FROM {source} WHERE {where} AND {is_oa}"
        " GROUP BY student_id HAVING COUNT(DISTINCT date) >= :min_days)"
        " GROUP BY student_id, date"
    )
    found: dict[int, dict[date, int]] = defaultdict(dict)
    for sid, day, minutes in facts.session.execute(text(sql), params):
        if sid in facts.students:
            found[sid][facts._to_date(day)] = int(minutes)
    return found


def _presence_days(facts: Facts, period: Period, ids: list[int]) -> dict[int, dict[date, int]]:
    if not ids:
        return {}
    found: dict[int, dict[date, int]] = defaultdict(dict)
    codes = facts.groups.presence
    late_max = facts.late_max
    for chunk in _chunks(ids, 500):
        source, where, params = facts._sql_parts(period.start, period.end, chunk)
        params.update({f"p{i}": c for i, c in enumerate(codes)})
        params.update({f"tl{i}": c for i, c in enumerate(facts.groups.te_laat)})
        params["late_max"] = late_max
        p_in = ", ".join(f":p{i}" for i in range(len(codes))) or "NULL"
        tl_in = ", ".join(f":tl{i}" for i in range(len(facts.groups.te_laat))) or "NULL"
        sql = (
            f"SELECT student_id, date, COUNT(*) FROM {source} WHERE {where}"
            f" AND code IN ({p_in}) AND NOT (code IN ({tl_in}) AND minutes > :late_max)"
            " GROUP BY student_id, date"
        )
        for sid, day, count in facts.session.execute(text(sql), params):
            found[sid][facts._to_date(day)] = int(count)
    return found


def _lessons_text(facts: Facts, sid: int, day: date, codes: tuple[str, ...]) -> str:
    rows = facts.session.execute(
        select(Registration.begin, Registration.code, Registration.vak, Registration.docent)
        .where(Registration.student_id == sid, Registration.date == day)
        .where(Registration.code.in_(codes))
        .order_by(Registration.begin)
    )
    parts = []
    for begin, code, vak, docent in rows:
        when = f"{begin:%H:%M} " if begin else ""
        who = f", {docent}" if docent else ""
        parts.append(f"{when}{vak or 'les'} ({code}{who})")
    return "; ".join(parts)


def _chunks(items: list[int], size: int) -> list[list[int]]:
    return [items[i : i + size] for i in range(0, len(items), size)]
