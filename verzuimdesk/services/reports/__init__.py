"""Rapportages: every overview the seeds ask for (docs/domain.md "Reports people pull").

One module per report; each public function is `<name>_report(ctx, period, scope) -> Report` and
checks the permission first. `REPORTS` lists them in the order the screen offers them, under the
names the command line uses (`verzuimdesk report NAME`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from verzuimdesk.errors import ValidationError
from verzuimdesk.services.context import Context
from verzuimdesk.services.reports.gesprekken import gesprekken_report
from verzuimdesk.services.reports.kaart import kaart_report
from verzuimdesk.services.reports.klas_week import klas_week_report
from verzuimdesk.services.reports.leerling_jaar import leerling_jaar_report
from verzuimdesk.services.reports.leerplichttelling import leerplichttelling_report
from verzuimdesk.services.reports.lessen import docent_report, klas_report, vak_report
from verzuimdesk.services.reports.maand import maand_report
from verzuimdesk.services.reports.model import Period, Report, Scope
from verzuimdesk.services.reports.niveaus import niveaus_report
from verzuimdesk.services.reports.presentie import presentie_report

ReportFunction = Callable[[Context, Period, Scope], Report]


@dataclass(frozen=True)
class ReportSpec:
    name: str  # the command line's name
    title: str  # what the screen calls it
    build: ReportFunction
    needs: str = ""  # "klas": a class or a student; "student": one student
    period: str = "maand"  # the period the screen proposes: "week", "maand" or "schooljaar"
    about: str = ""  # one line for the screen


REPORTS: tuple[ReportSpec, ...] = (
    ReportSpec(
        "klas-week",
        "Weekoverzicht per klas",
        klas_week_report,
        "klas",
        "week",
        "Per leerling en dag de uren per soort, en de lessen die de klas vaker mist.",
    ),
    ReportSpec(
        "leerling-jaar",
        "Jaaroverzicht per leerling",
        leerling_jaar_report,
        "",
        "schooljaar",
        "Geoorloofd en ongeoorloofd per maand, en het deel van de lessen aanwezig.",
    ),
    ReportSpec(
        "gesprekken",
        "Verzuimgesprekken",
        gesprekken_report,
        "",
        "maand",
        "Open en gevoerde gesprekken per coach; te late controles; signalen zonder gesprek.",
    ),
    ReportSpec(
        "docent",
        "Aanwezigheid per docent",
        docent_report,
        "",
        "maand",
        "Het deel van de lessen van elke docent waarbij de leerlingen aanwezig waren.",
    ),
    ReportSpec(
        "vak",
        "Aanwezigheid per vak",
        vak_report,
        "",
        "maand",
        "Het deel van de lessen van elk vak waarbij de leerlingen aanwezig waren.",
    ),
    ReportSpec(
        "klas",
        "Aanwezigheid per klas",
        klas_report,
        "",
        "maand",
        "Aanwezigheid per klas, met het doel van de klas.",
    ),
    ReportSpec(
        "onwaarschijnlijke-presentie",
        "Onwaarschijnlijke presentie",
        presentie_report,
        "",
        "maand",
        "Aanwezig gemeld na weken van alleen ongeoorloofd verzuim: lessen om te controleren.",
    ),
    ReportSpec(
        "maand",
        "Maandrapportage",
        maand_report,
        "",
        "maand",
        "Kerncijfers tegen de maand ervoor en vorig jaar; signalen, meldingen, laagste klassen.",
    ),
    ReportSpec(
        "niveaus",
        "Aanwezigheidsniveaus en doelen",
        niveaus_report,
        "",
        "schooljaar",
        "Het deel van de leerlingen per niveau (MTSS), per klas, met de doelen.",
    ),
    ReportSpec(
        "leerplichttelling",
        "Leerplichttelling",
        leerplichttelling_report,
        "",
        "schooljaar",
        "De DUO-meldingen van het schooljaar op de regels van de leerplichttelling.",
    ),
    ReportSpec(
        "kaart",
        "Aanwezigheidskaart leerling",
        kaart_report,
        "student",
        "maand",
        "Eén pagina voor het gesprek met leerling en ouders: het jaar in één grafiek.",
    ),
)
BY_NAME = {spec.name: spec for spec in REPORTS}


def run_report(ctx: Context, name: str, period: Period, scope: Scope) -> Report:
    """The named report; each report checks the permission itself, first."""
    spec = BY_NAME.get(name)
    if spec is None:
        raise ValidationError(
            f"Onbekende rapportage '{name}'. Kies uit: {', '.join(BY_NAME)}.", field="rapportage"
        )
    return spec.build(ctx, period, scope)


@dataclass(frozen=True)
class ScopeChoices:
    klassen: list[str]
    opleidingen: list[str]


def scope_choices(ctx: Context) -> ScopeChoices:
    """The classes and opleidingen the working person may choose (a mentor: their own)."""
    from sqlalchemy import select

    from verzuimdesk.domain.roles import Permission, limited_to_own_classes
    from verzuimdesk.services.access import require
    from verzuimdesk.store.students import Student

    require(ctx, Permission.REPORTS)
    with ctx.db.unit_of_work() as session:
        rows = session.execute(select(Student.klas, Student.opleiding).distinct()).all()
    if limited_to_own_classes(ctx.actor.role):
        rows = [r for r in rows if r[0] in ctx.actor.klassen]
    return ScopeChoices(
        sorted({r[0] for r in rows}, key=str.casefold),
        sorted({r[1] for r in rows if r[1]}, key=str.casefold),
    )


def school_year(ctx: Context, on: date) -> tuple[date, date]:
    """First and last day of the school year containing `on` (for choosing a period)."""
    from verzuimdesk.domain.roles import Permission
    from verzuimdesk.services.access import require
    from verzuimdesk.services.school import load_calendar

    require(ctx, Permission.REPORTS)
    with ctx.db.unit_of_work() as session:
        return load_calendar(session).school_year_of(on)


__all__ = [
    "BY_NAME",
    "REPORTS",
    "Period",
    "Report",
    "ReportSpec",
    "Scope",
    "ScopeChoices",
    "run_report",
    "school_year",
    "scope_choices",
]
