"""Maandrapportage for the director (seed 001 §3.2, seed 003 "maandelijkse uitdraai"): the
month's totals against the month before and the same month last year, the signals and meldingen
per kind, and the classes with the lowest attendance."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from datetime import date, datetime, time
from typing import Any

from sqlalchemy import select

from verzuimdesk.domain.attendance import (
    Attendance,
    compare_words,
    percent_text,
    previous_period,
    same_period_last_year,
)
from verzuimdesk.domain.signals.model import RuleId
from verzuimdesk.services.context import Context
from verzuimdesk.services.reports.common import hours, require_reports
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
from verzuimdesk.store.reporting import DuoReport, SignalRow

WORST_CLASSES = 10
SIGNAL_LABELS = {
    RuleId.R16U.value: "16 uur ongeoorloofd in 4 lesweken",
    RuleId.HERHAAL.value: "opnieuw 16 uur (herhaalmelding)",
    RuleId.LRV.value: "langdurig relatief verzuim",
    RuleId.TL.value: "vaak te laat",
    RuleId.ZIEK_LANG.value: "langdurig ziek",
    RuleId.ZIEK_VAAK.value: "vaak ziek",
    RuleId.ZIEK_30U.value: "30 uur ziek dit schooljaar",
    RuleId.ZIEK_PATROON.value: "patroon in ziekmeldingen",
    RuleId.IB_8W.value: "5 weken afwezig (8-weken-regeling)",
    RuleId.NOSHOW.value: "niet verschenen (no-show)",
}
MELDING_LABELS = {
    "16u": "16 uur",
    "herhaal": "herhaalmelding",
    "lrv": "langdurig relatief verzuim",
    "te-laat": "te laat",
    "overig": "overig verzuim",
    "noshow": "no-show",
    "ib-8w": "8-weken-regeling",
}
COLUMNS = (
    Column("onderdeel", "Onderdeel", Kind.TEXT, 34),
    Column("eenheid", "Eenheid", Kind.TEXT, 9),
    Column("deze_periode", "Deze periode", Kind.NUMBER, 13),
    Column("vorige_periode", "Periode ervoor", Kind.NUMBER, 14),
    Column("vorig_jaar", "Vorig jaar", Kind.NUMBER, 11),
    Column("verschil", "Verschil met ervoor", Kind.NUMBER, 17),
)


def maand_report(ctx: Context, period: Period, scope: Scope) -> Report:
    require_reports(ctx, scope)
    with ctx.db.unit_of_work() as session:
        facts = Facts(ctx, session, scope)
        periods = (
            (period.start, period.end),
            previous_period(period.start, period.end),
            same_period_last_year(period.start, period.end),
        )
        totals: list[Attendance] = []
        per_klas_now: dict[str, Attendance] = {}
        for index, (start, end) in enumerate(periods):
            attendance = facts.attendance(start, end)
            total = Attendance()
            for (sid, _), att in attendance.items():
                total.add(att)
                if index == 0:
                    klas = facts.students[sid].klas
                    per_klas_now.setdefault(klas, Attendance()).add(att)
            totals.append(total)
        table = Table("Kerncijfers", COLUMNS)

        def add(name: str, unit: str, values: list[float | None]) -> None:
            now, before = values[0], values[1]
            table.add(
                {
                    "onderdeel": name,
                    "eenheid": unit,
                    "deze_periode": now,
                    "vorige_periode": before,
                    "vorig_jaar": values[2],
                    "verschil": (
                        round(now - before, 1) if now is not None and before is not None else None
                    ),
                }
            )

        def each(value: Callable[[Attendance], float | None]) -> list[float | None]:
            # a period without lesson time (a holiday, before the school used verzuimdesk)
            # has no figures, not zeros
            return [value(t) if t.planned else None for t in totals]

        add("Aanwezig van de geplande lestijd", "%", each(lambda t: t.percent))
        add("Ongeoorloofd afwezig", "uur", each(lambda t: hours(t.m.ongeoorloofd)))
        add("Ziek", "uur", each(lambda t: hours(t.m.ziek)))
        add("Ander geoorloofd verzuim", "uur", each(lambda t: hours(t.m.geoorloofd_overig)))
        add("Te laat", "keer", each(lambda t: float(t.m.te_laat)))
        signals = [_signals(session, facts, s, e) for s, e in periods]
        order = list(SIGNAL_LABELS)
        for rule in sorted(
            set().union(*signals), key=lambda r: (r not in order, r in order and order.index(r), r)
        ):
            add(
                f"Signaal: {SIGNAL_LABELS.get(rule, rule)}",
                "aantal",
                [float(c[rule]) for c in signals],
            )
        meldingen = [_meldingen(session, facts, s, e) for s, e in periods]
        for soort in sorted(set().union(*meldingen)):
            add(
                f"DUO-melding: {MELDING_LABELS.get(soort, soort)}",
                "aantal",
                [float(c[soort]) for c in meldingen],
            )
        worst = Table(
            "Klassen met de laagste aanwezigheid",
            (
                Column("klas", "Klas", Kind.TEXT, 12),
                Column("leerlingen", "Leerlingen", Kind.INT, 9),
                Column("aanwezig_pct", "Aanwezig", Kind.PERCENT, 9),
                Column("ongeoorloofd", "Ongeoorloofd (uren)", Kind.NUMBER, 11),
            ),
        )
        sizes = Counter(s.klas for s in facts.students.values())
        ranked = sorted(
            (item for item in per_klas_now.items() if item[1].percent is not None),
            key=lambda item: (item[1].percent, item[0]),
        )
        for klas, att in ranked[:WORST_CLASSES]:
            worst.add(
                {
                    "klas": klas,
                    "leerlingen": sizes[klas],
                    "aanwezig_pct": att.percent,
                    "ongeoorloofd": hours(att.m.ongeoorloofd),
                }
            )
        now, before, last_year = (t.percent for t in totals)
        summary = [f"Aanwezig: {percent_text(now)} van de geplande lestijd."]
        if before is not None and now is not None:
            summary.append(
                f"De periode ervoor: {percent_text(before)}; nu "
                f"{compare_words(now, before, margin=0.1)}."
            )
        if last_year is not None:
            summary.append(f"Dezelfde periode vorig jaar: {percent_text(last_year)}.")
        if ranked:
            summary.append(
                f"Laagste klas: {ranked[0][0]} met {percent_text(ranked[0][1].percent)}."
            )
        labels = ["deze periode", "periode ervoor", "vorig jaar"]
        chart = Chart(
            ChartKind.BAR,
            "Aanwezigheid: deze periode, de periode ervoor en vorig jaar",
            labels,
            [("aanwezig %", [t.percent or 0.0 for t in totals])],
            y_title="% aanwezig",
            y_max=100.0,
        )
        return Report(
            "maand",
            "Maandrapportage verzuim",
            period,
            scope,
            [table, worst],
            facts.school_name,
            summary,
            chart,
        )


def _signals(session: Any, facts: Facts, start: date, end: date) -> Counter[str]:
    rows = session.execute(
        select(SignalRow.student_id, SignalRow.rule).where(SignalRow.arose_on.between(start, end))
    )
    return Counter(rule for sid, rule in rows if sid in facts.students)


def _meldingen(session: Any, facts: Facts, start: date, end: date) -> Counter[str]:
    """DuoReports made in the period (by the day they were prepared)."""
    rows = session.execute(
        select(DuoReport.student_id, DuoReport.soort).where(
            DuoReport.created_at.between(
                datetime.combine(start, time.min), datetime.combine(end, time.max)
            )
        )
    )
    return Counter(soort for sid, soort in rows if sid in facts.students)
