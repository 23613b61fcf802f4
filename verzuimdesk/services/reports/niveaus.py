"""Aanwezigheidsniveaus (MTSS, seed 003): the share of students per attendance tier, per class
and for the whole selection, with the goals the school set (seed 003: "Stel concrete doelen voor
de aanwezigheid per school en klas") and how far each class is from its goal."""

from __future__ import annotations

from typing import Any

from verzuimdesk.domain.attendance import (
    Attendance,
    Tier,
    percent_text,
    tier_limits_text,
    tier_of,
)
from verzuimdesk.domain.policy import Rapportage
from verzuimdesk.services.context import Context
from verzuimdesk.services.reports.common import require_reports
from verzuimdesk.services.reports.facts import Facts, StudentInfo
from verzuimdesk.services.reports.goals import Goals, read_goals
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

TOTAL = "hele selectie"
CHART_CLASSES = 15
COLUMNS = (
    Column("klas", "Klas", Kind.TEXT, 12),
    Column("leerlingen", "Leerlingen", Kind.INT, 9),
    Column("niveau_1", "Niveau 1", Kind.INT, 8),
    Column("niveau_2", "Niveau 2", Kind.INT, 8),
    Column("niveau_3", "Niveau 3", Kind.INT, 8),
    Column("niveau_1_pct", "Niveau 1 %", Kind.PERCENT, 9),
    Column("niveau_2_pct", "Niveau 2 %", Kind.PERCENT, 9),
    Column("niveau_3_pct", "Niveau 3 %", Kind.PERCENT, 9),
    Column("aanwezig_pct", "Aanwezig", Kind.PERCENT, 9),
    Column("doel_pct", "Doel", Kind.PERCENT, 7),
    Column("verschil", "Tot doel (punten)", Kind.NUMBER, 9),
)


def niveaus_report(ctx: Context, period: Period, scope: Scope) -> Report:
    require_reports(ctx, scope)
    with ctx.db.unit_of_work() as session:
        facts = Facts(ctx, session, scope)
        goals = read_goals(session)
        rules = facts.policy.rapportage
        attendance = facts.attendance(period.start, period.end)
        table = Table("Per klas", COLUMNS)
        everyone: list[tuple[StudentInfo, Attendance]] = []
        rows = []
        for klas, students in facts.klassen().items():
            members = [(s, attendance[(s.id, 0)]) for s in students if (s.id, 0) in attendance]
            everyone.extend(members)
            rows.append(_row(klas, members, goals.for_klas(klas), rules))
        rows.sort(key=lambda r: (-(r["niveau_3_pct"] or 0), r["klas"]))
        total = _row(TOTAL, everyone, _total_goal(goals, scope), rules)
        for row in [total, *rows]:
            table.add(row)
        limits = tier_limits_text(rules)
        summary = [
            f"Niveau 1 ({limits[Tier.OP_KOERS]}): {percent_text(total['niveau_1_pct'])} van de "
            f"leerlingen; niveau 2 ({limits[Tier.AANDACHT]}): "
            f"{percent_text(total['niveau_2_pct'])}; niveau 3 ({limits[Tier.INTENSIEF]}): "
            f"{percent_text(total['niveau_3_pct'])}.",
        ]
        if total["doel_pct"] is not None:
            reached = sum(1 for r in rows if r["verschil"] is not None and r["verschil"] >= 0)
            with_goal = sum(1 for r in rows if r["doel_pct"] is not None)
            summary.append(
                f"Doel {percent_text(total['doel_pct'])}: nu {percent_text(total['aanwezig_pct'])}"
                f"; {reached} van {with_goal} klassen halen hun doel."
            )
        else:
            summary.append("Er is nog geen doel gesteld; stel het in met 'Doelen…'.")
        shown = rows[:CHART_CLASSES]
        chart = Chart(
            ChartKind.STACKED,
            "Leerlingen per aanwezigheidsniveau (%)",
            [TOTAL, *[r["klas"] for r in shown]],
            [
                (f"niveau {n}", [r[f"niveau_{n}_pct"] or 0.0 for r in [total, *shown]])
                for n in (1, 2, 3)
            ],
            y_title="% van de leerlingen",
            y_max=100.0,
        )
        return Report(
            "niveaus",
            "Aanwezigheidsniveaus (MTSS) en doelen",
            period,
            scope,
            [table],
            facts.school_name,
            summary,
            chart,
        )


def _total_goal(goals: Goals, scope: Scope) -> float | None:
    if scope.klas:
        return goals.for_klas(scope.klas)
    return goals.school


def _row(
    klas: str,
    members: list[tuple[StudentInfo, Attendance]],
    goal: float | None,
    rules: Rapportage,
) -> dict[str, Any]:
    counts = {Tier.OP_KOERS: 0, Tier.AANDACHT: 0, Tier.INTENSIEF: 0}
    total = Attendance()
    for _, att in members:
        tier = tier_of(att.percent, rules)
        if tier is not None:
            counts[tier] += 1
        total.add(att)
    measured = sum(counts.values())

    def share(tier: Tier) -> float | None:
        return round(100 * counts[tier] / measured, 1) if measured else None

    percent = total.percent
    return {
        "klas": klas,
        "leerlingen": len(members),
        "niveau_1": counts[Tier.OP_KOERS],
        "niveau_2": counts[Tier.AANDACHT],
        "niveau_3": counts[Tier.INTENSIEF],
        "niveau_1_pct": share(Tier.OP_KOERS),
        "niveau_2_pct": share(Tier.AANDACHT),
        "niveau_3_pct": share(Tier.INTENSIEF),
        "aanwezig_pct": percent,
        "doel_pct": goal,
        "verschil": round(percent - goal, 1) if goal is not None and percent is not None else None,
    }
