"""Small helpers the report modules share."""

from __future__ import annotations

from datetime import date

from verzuimdesk.domain.attendance import WEEKDAY_NAMES
from verzuimdesk.domain.roles import Permission
from verzuimdesk.errors import ValidationError
from verzuimdesk.services.access import require
from verzuimdesk.services.context import Context
from verzuimdesk.services.reports.model import Column, Kind, Period, Scope

STUDENT = Column("student_id", "Leerlingnummer", Kind.TEXT, 15)
NAME = Column("naam", "Naam", Kind.TEXT, 26)
KLAS = Column("klas", "Klas", Kind.TEXT, 10)
DATUM = Column("datum", "Datum", Kind.DATE, 10)


def require_reports(ctx: Context, scope: Scope) -> None:
    """The permission check every report makes first; a mentor asking for a class must ask for
    one of their own (students outside their classes are left out of every report anyway)."""
    require(ctx, Permission.REPORTS, klas=scope.klas)


def need_student(scope: Scope, report: str) -> str:
    if not scope.student:
        raise ValidationError(
            f"Kies een leerling (leerlingnummer) voor {report}.", field="leerling"
        )
    return scope.student


def need_class_or_student(scope: Scope, report: str) -> None:
    if not (scope.klas or scope.student):
        raise ValidationError(
            f"Kies een klas of een leerling voor {report}: voor de hele school wordt dit "
            "overzicht te groot om te lezen.",
            field="klas",
        )


def weekday_name(day: date | int) -> str:
    return WEEKDAY_NAMES[day if isinstance(day, int) else day.weekday()]


def hours(minutes: int) -> float:
    return round(minutes / 60, 1)


def period_of(start: date, end: date) -> Period:
    return Period(start, end)
