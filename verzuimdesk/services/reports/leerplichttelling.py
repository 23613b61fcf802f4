"""Leerplichttelling per school year (seed 002 phase 4): the school's own count of its DUO
meldingen on the lines of the municipality's leerplichttelling (domain/leerplichttelling.py)."""

from __future__ import annotations

from sqlalchemy import select

from verzuimdesk.domain.leerplichttelling import Line, Melding, count
from verzuimdesk.services.context import Context
from verzuimdesk.services.reports.common import require_reports
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
from verzuimdesk.store.reporting import DuoReport

COLUMNS = (
    Column("onderdeel", "Onderdeel", Kind.TEXT, 44),
    Column("leerlingen", "Leerlingen", Kind.INT, 10),
    Column("meldingen", "Meldingen", Kind.INT, 10),
)


def leerplichttelling_report(ctx: Context, period: Period, scope: Scope) -> Report:
    require_reports(ctx, scope)
    with ctx.db.unit_of_work() as session:
        facts = Facts(ctx, session, scope)
        year_start, year_end = facts.calendar.school_year_of(period.start)
        label = facts.calendar.school_year_label(period.start)
        rows = session.execute(
            select(
                DuoReport.student_id,
                DuoReport.soort,
                DuoReport.status,
                DuoReport.closing_reason,
                DuoReport.details,
            ).where(DuoReport.begindatum.between(year_start, year_end))
        )
        meldingen = [Melding(*row) for row in rows if row[0] in facts.students]
        counted = count(meldingen)
        table = Table(f"Schooljaar {label}", COLUMNS)
        for line in Line:
            students, total = counted[line]
            table.add({"onderdeel": line.value, "leerlingen": students, "meldingen": total})
        summary = [
            f"Schooljaar {label} ({year_start:%d-%m-%Y} t/m {year_end:%d-%m-%Y}): "
            f"{counted[Line.RELATIEF][0]} leerlingen gemeld bij DUO, van wie "
            f"{counted[Line.TERUGGELEID][0]} terug naar school.",
            "Geteld uit de DUO-meldingen in verzuimdesk: hun soort, hun stand en de reden waarmee "
            "leerplicht of RMC ze afsloot. Een proces-verbaal telt als dat bij de melding staat.",
        ]
        chart = Chart(
            ChartKind.BAR,
            f"Leerplichttelling {label}: leerlingen per onderdeel",
            [line.value.split(" (")[0] for line in Line],
            [("leerlingen", [float(counted[line][0]) for line in Line])],
            y_title="leerlingen",
        )
        return Report(
            "leerplichttelling",
            "Leerplichttelling",
            period,
            scope,
            [table],
            facts.school_name,
            summary,
            chart,
        )
