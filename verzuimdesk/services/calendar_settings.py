"""Instellingen > Kalender: the school's calendar, its periods, and kalender.csv.

A school without its own periods uses the shipped calendar of its holiday region. The first
change a person makes copies that calendar into the database first (as if imported), so adding
one studiedag never loses the holidays; "Standaardkalender van de regio" removes the school's
own periods again. Every change is checked as a whole (`domain.calendar.calendar_problems`):
a refused change leaves the calendar as it was.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from verzuimdesk.domain.calendar import CalendarPeriod, PeriodKind, calendar_problems
from verzuimdesk.domain.roles import Permission
from verzuimdesk.errors import ImportProblems, RowProblem, ValidationError
from verzuimdesk.services import audit
from verzuimdesk.services.access import require
from verzuimdesk.services.changes import Changes
from verzuimdesk.services.context import Context
from verzuimdesk.services.importing.columns import KALENDER
from verzuimdesk.services.importing.csv_reader import open_table
from verzuimdesk.services.importing.school_calendar import read_calendar
from verzuimdesk.services.school import get_school, shipped_calendar_periods
from verzuimdesk.store.school import CalendarPeriodRow

KIND_LABELS = {
    PeriodKind.SCHOOLJAAR: "Schooljaar",
    PeriodKind.VAKANTIE: "Vakantie",
    PeriodKind.FEESTDAG: "Feestdag",
    PeriodKind.STUDIEDAG: "Studiedag",
}


@dataclass(frozen=True)
class CalendarView:
    own: bool  # False: the shipped calendar of `region`
    region: str
    periods: list[CalendarPeriod]


def _region(session: Session) -> str:
    school = get_school(session)
    return school.region if school else "midden"


def _own(session: Session) -> list[CalendarPeriodRow]:
    return list(session.scalars(select(CalendarPeriodRow).order_by(CalendarPeriodRow.start)))


def _period(row: CalendarPeriodRow) -> CalendarPeriod:
    return CalendarPeriod(row.start, row.end, PeriodKind(row.kind), row.name)


def _snapshot(periods: list[CalendarPeriod]) -> dict[str, Any]:
    return {
        "perioden": [
            f"{p.start.isoformat()} t/m {p.end.isoformat()} {p.kind.value} {p.name}".strip()
            for p in periods
        ]
    }


def calendar_view(ctx: Context) -> CalendarView:
    require(ctx, Permission.SETTINGS)
    with ctx.db.unit_of_work() as session:
        rows = _own(session)
        region = _region(session)
        if rows:
            return CalendarView(True, region, [_period(r) for r in rows])
    return CalendarView(False, region, sorted(shipped_calendar_periods(region), key=_order))


def _order(p: CalendarPeriod) -> tuple[date, date]:
    return p.start, p.end


def _current(session: Session) -> tuple[list[CalendarPeriod], bool]:
    rows = _own(session)
    if rows:
        return [_period(r) for r in rows], True
    return shipped_calendar_periods(_region(session)), False


def _refuse(problems: list[str]) -> None:
    if problems:
        more = f" (en nog {len(problems) - 1} andere)" if len(problems) > 1 else ""
        raise ValidationError(f"{problems[0]}{more} Er is niets gewijzigd.", field="periode")


def _replace(
    session: Session,
    ctx: Context,
    before: list[CalendarPeriod],
    after: list[CalendarPeriod],
    action: str,
    imported: set[CalendarPeriod] | None = None,
) -> None:
    """Store `after` as the school's own calendar, with one audit entry."""
    _refuse(calendar_problems(after))
    session.execute(delete(CalendarPeriodRow))
    for p in after:
        session.add(
            CalendarPeriodRow(
                start=p.start,
                end=p.end,
                kind=p.kind.value,
                name=p.name,
                # copied or imported periods are replaced by the next kalender.csv; a person's
                # own additions stay
                imported=imported is None or p in imported,
            )
        )
    audit.record(session, ctx, action, "calendar", None, _snapshot(before), _snapshot(after))


def add_period(ctx: Context, start: date, end: date, kind: PeriodKind, name: str) -> Changes:
    """Add a school year, holiday, study day or public holiday to the school's calendar."""
    require(ctx, Permission.SETTINGS)
    if end < start:
        raise ValidationError(
            f"De einddatum ({end:%d-%m-%Y}) ligt voor de begindatum ({start:%d-%m-%Y}). Verbeter "
            "een van de twee.",
            field="tot",
        )
    if not name.strip() and kind is not PeriodKind.STUDIEDAG:
        raise ValidationError("Geef de periode een naam, bijvoorbeeld 'Herfstvakantie'.", "naam")
    new = CalendarPeriod(start, end, kind, name.strip())
    with ctx.db.unit_of_work() as session:
        before, own = _current(session)
        if new in before:
            raise ValidationError("Deze periode staat al in de kalender.", field="van")
        rows = _own(session)
        imported = {_period(r) for r in rows if r.imported} if own else set(before)
        _replace(session, ctx, before, [*before, new], "kalender.toevoegen", imported)
    return Changes(settings=True, signals=True)


def remove_period(ctx: Context, period: CalendarPeriod) -> Changes:
    require(ctx, Permission.SETTINGS)
    with ctx.db.unit_of_work() as session:
        before, own = _current(session)
        if period not in before:
            raise ValidationError("Deze periode staat niet (meer) in de kalender.", "periode")
        rows = _own(session)
        imported = {_period(r) for r in rows if r.imported} if own else set(before)
        after = [p for p in before if p != period]
        _replace(session, ctx, before, after, "kalender.verwijderen", imported)
    return Changes(settings=True, signals=True)


def use_shipped(ctx: Context) -> Changes:
    """Back to the shipped calendar of the school's region: the school's own periods go."""
    require(ctx, Permission.SETTINGS)
    with ctx.db.unit_of_work() as session:
        before, own = _current(session)
        if not own:
            return Changes()
        session.execute(delete(CalendarPeriodRow))
        after = shipped_calendar_periods(_region(session))
        audit.record(
            session,
            ctx,
            "kalender.standaard",
            "calendar",
            None,
            _snapshot(before),
            _snapshot(after),
        )
    return Changes(settings=True, signals=True)


def import_calendar(ctx: Context, path: Path) -> Changes:
    """Read kalender.csv: the file's periods replace the imported (and copied) ones; periods a
    person added here stay. A bad row or a calendar that does not fit changes nothing."""
    require(ctx, Permission.SETTINGS)
    table, problems = open_table(path, path.name, KALENDER.names, KALENDER.required)
    read: list[tuple[date, date, str, str]] = []
    if table is not None:
        read = read_calendar(table, problems)
    if problems:
        raise ImportProblems(problems)
    if not read:
        raise ImportProblems(
            [
                RowProblem(
                    path.name, 2, None, "Het bestand bevat geen perioden; er is niets gewijzigd."
                )
            ]
        )
    periods = [CalendarPeriod(s, e, PeriodKind(k), n) for s, e, k, n in read]
    with ctx.db.unit_of_work() as session:
        before, own = _current(session)
        rows = _own(session)
        kept = [_period(r) for r in rows if not r.imported] if own else []
        after = sorted({*periods, *kept}, key=_order)
        if sorted(before, key=_order) == after:
            return Changes()
        _replace(session, ctx, before, after, "kalender.inlezen", set(periods))
    return Changes(settings=True, signals=True)
