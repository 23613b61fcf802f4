"""Overzicht verzuimgesprekken (seed 000): open and held conversations per coach, the ones whose
weekly check or evaluation is overdue, and whether the coach held the first conversation at once
("Dit gesprek dient meteen zodra er ongewenst verzuim optreedt gevoerd te worden"): students with
a signal of unexcused absence in the period and no conversation since.

The coach is the mentor of the student's class (klassen.csv); a class without one shows as
"geen mentor bekend"."""

from __future__ import annotations

from collections import defaultdict
from datetime import date

from sqlalchemy import select

from verzuimdesk.domain.signals.model import RuleId
from verzuimdesk.services.context import Context
from verzuimdesk.services.reports.common import KLAS, NAME, STUDENT, require_reports
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
from verzuimdesk.store.followup import Conversation
from verzuimdesk.store.reporting import SignalRow
from verzuimdesk.store.school import SchoolClass

NO_COACH = "geen mentor bekend"
# signals of unexcused absence: the ones that call for a verzuimgesprek at once
UNEXCUSED_RULES = tuple(
    r.value
    for r in (RuleId.R16U, RuleId.HERHAAL, RuleId.LRV, RuleId.TL, RuleId.NOSHOW, RuleId.IB_8W)
)
COACH_COLUMNS = (
    Column("coach", "Coach (mentor)", Kind.TEXT, 22),
    Column("klassen", "Klassen", Kind.TEXT, 16),
    Column("gevoerd", "Gevoerd", Kind.INT, 8),
    Column("open", "Open", Kind.INT, 6),
    Column("te_laat", "Controle of evaluatie te laat", Kind.INT, 12),
    Column("afgerond", "Afgerond", Kind.INT, 8),
    Column("zonder_gesprek", "Signaal zonder gesprek", Kind.INT, 12),
)
CONVERSATION_COLUMNS = (
    STUDENT,
    NAME,
    KLAS,
    Column("coach", "Coach (mentor)", Kind.TEXT, 20),
    Column("gehouden_op", "Gehouden op", Kind.DATE, 11),
    Column("status", "Stand", Kind.TEXT, 26),
)


def gesprekken_report(ctx: Context, period: Period, scope: Scope) -> Report:
    require_reports(ctx, scope)
    as_of = min(period.end, ctx.today())
    with ctx.db.unit_of_work() as session:
        facts = Facts(ctx, session, scope)
        mentors = {
            code: (mentor or NO_COACH)
            for code, mentor in session.execute(select(SchoolClass.code, SchoolClass.mentor))
        }

        def coach_of(sid: int) -> str:
            return mentors.get(facts.students[sid].klas, NO_COACH)

        per_coach: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
        coach_klassen: dict[str, set[str]] = defaultdict(set)
        for student in facts.students.values():
            coach_klassen[mentors.get(student.klas, NO_COACH)].add(student.klas)
        conversations = session.execute(
            select(
                Conversation.student_id,
                Conversation.held_on,
                Conversation.closed_on,
                Conversation.next_check_on,
                Conversation.evaluate_on,
            ).where(Conversation.held_on <= period.end)
        ).all()
        held_since: dict[int, list[date]] = defaultdict(list)
        listing = Table("Gesprekken", CONVERSATION_COLUMNS)
        for sid, held_on, closed_on, next_check, evaluate_on in sorted(
            conversations, key=lambda c: (c[1], c[0])
        ):
            if sid not in facts.students:
                continue
            held_since[sid].append(held_on)
            coach = coach_of(sid)
            counts = per_coach[coach]
            in_period = held_on >= period.start
            open_then = closed_on is None or closed_on > period.end
            if in_period:
                counts["gevoerd"] += 1
            if closed_on is not None and period.start <= closed_on <= period.end:
                counts["afgerond"] += 1
            status = ""
            if open_then:
                counts["open"] += 1
                overdue = [
                    what
                    for what, due in (("evaluatie", evaluate_on), ("controle", next_check))
                    if due is not None and due < as_of
                ]
                if overdue:
                    counts["te_laat"] += 1
                    status = f"open; {' en '.join(overdue)} te laat"
                else:
                    status = "open"
            elif in_period or (closed_on is not None and closed_on >= period.start):
                status = f"afgerond {closed_on:%d-%m-%Y}" if closed_on else "afgerond"
            if status:
                student = facts.students[sid]
                listing.add(
                    {
                        "student_id": student.leerlingnummer,
                        "naam": student.name,
                        "klas": student.klas,
                        "coach": coach,
                        "gehouden_op": held_on,
                        "status": status,
                    },
                    sid,
                )
        signals = session.execute(
            select(SignalRow.student_id, SignalRow.arose_on)
            .where(SignalRow.arose_on.between(period.start, period.end))
            .where(SignalRow.rule.in_(UNEXCUSED_RULES))
        ).all()
        first_signal: dict[int, date] = {}
        for sid, arose in signals:
            if sid in facts.students:
                first_signal[sid] = min(arose, first_signal.get(sid, arose))
        for sid, arose in first_signal.items():
            if not any(arose <= held <= as_of for held in held_since.get(sid, ())):
                per_coach[coach_of(sid)]["zonder_gesprek"] += 1
        table = Table("Per coach", COACH_COLUMNS)
        for coach in sorted(per_coach, key=lambda c: (-per_coach[c]["zonder_gesprek"], c)):
            counts = per_coach[coach]
            table.add(
                {
                    "coach": coach,
                    "klassen": ", ".join(sorted(coach_klassen.get(coach, ()))),
                    **{key: counts[key] for key in ("gevoerd", "open", "te_laat", "afgerond")},
                    "zonder_gesprek": counts["zonder_gesprek"],
                }
            )
        missing = sum(r["zonder_gesprek"] for r in table.rows)
        late = sum(r["te_laat"] for r in table.rows)
        summary = [
            f"{sum(r['gevoerd'] for r in table.rows)} gesprekken gevoerd in deze periode, "
            f"{sum(r['open'] for r in table.rows)} nog open, waarvan {late} met een controle of "
            "evaluatie die te laat is.",
            f"{missing} leerling{'en' if missing != 1 else ''} met een signaal van ongeoorloofd "
            "verzuim zonder gesprek daarna."
            if missing
            else "Na elk signaal van ongeoorloofd verzuim in deze periode is een gesprek gevoerd."
            if first_signal
            else "Geen signalen van ongeoorloofd verzuim in deze periode.",
        ]
        top = table.rows[:12]
        chart = Chart(
            ChartKind.BAR,
            "Gesprekken per coach",
            [r["coach"] for r in top],
            [
                ("gevoerd", [float(r["gevoerd"]) for r in top]),
                ("open", [float(r["open"]) for r in top]),
                ("signaal zonder gesprek", [float(r["zonder_gesprek"]) for r in top]),
            ],
            y_title="aantal",
        )
        return Report(
            "gesprekken",
            "Overzicht verzuimgesprekken",
            period,
            scope,
            [table, listing],
            facts.school_name,
            summary,
            chart,
        )
