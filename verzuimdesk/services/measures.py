"""Schorsing and verwijdering recorded from the dossier (seed 001 §4.3, §4.4), and the student's
leerbedrijven for the dossier.

Recording a schorsing registers S for every scheduled lesson from its first through its last day;
a verwijdering registers VW for every scheduled lesson from the day it takes effect to the end of
that school year (an imported OA on those lessons takes the new code, other registrations stay).
Each queues its letter (f, g) on the day it was decided (R-BRIEF-EVENT).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from verzuimdesk.domain.roles import Permission
from verzuimdesk.errors import NotFoundError, ValidationError
from verzuimdesk.services import audit
from verzuimdesk.services.access import require
from verzuimdesk.services.changes import Changes
from verzuimdesk.services.context import Context
from verzuimdesk.services.lesson_registrations import Link, lessons_on, register_lessons
from verzuimdesk.services.school import load_calendar
from verzuimdesk.store.letters import Company, Expulsion, Suspension
from verzuimdesk.store.students import Student

SOURCE = "maatregel"


@dataclass(frozen=True)
class SuspensionView:
    id: int
    reason: str
    first_day: date
    last_day: date
    decided_by: str
    decided_on: date
    recorded_by: str


@dataclass(frozen=True)
class ExpulsionView:
    id: int
    decision: str
    effective_on: date
    decided_on: date
    conversation_held: bool
    conversation_on: date | None
    recorded_by: str


@dataclass(frozen=True)
class CompanyView:
    naam: str
    contactpersoon: str | None
    telefoon: str | None
    email: str | None
    adres: str
    van: date | None
    tot: date | None


def _student(session: Session, student_id: int) -> Student:
    student = session.get(Student, student_id)
    if student is None:
        raise NotFoundError("Deze leerling bestaat niet (meer).")
    return student


def _not_future(ctx: Context, day: date, what: str, field: str) -> None:
    if day > ctx.today():
        raise ValidationError(
            f"{what} ({day:%d-%m-%Y}) ligt in de toekomst: leg een besluit vast als het genomen "
            "is.",
            field=field,
        )


def record_suspension(
    ctx: Context,
    student_id: int,
    *,
    reason: str,
    first_day: date,
    last_day: date,
    decided_by: str,
    decided_on: date,
) -> Changes:
    require(ctx, Permission.MEASURES)
    if not reason.strip():
        raise ValidationError("Vul de reden van de schorsing in.", field="reden")
    if not decided_by.strip():
        raise ValidationError(
            "Vul in wie de schorsing oplegde (de onderwijsdirecteur).", field="besloten door"
        )
    if last_day < first_day:
        raise ValidationError(
            f"De laatste dag ({last_day:%d-%m-%Y}) ligt voor de eerste ({first_day:%d-%m-%Y}).",
            field="laatste dag",
        )
    if first_day < decided_on:
        raise ValidationError(
            "Een schorsing begint niet voor de dag van het besluit. Pas de eerste dag of de "
            "besluitdatum aan.",
            field="eerste dag",
        )
    _not_future(ctx, decided_on, "De besluitdatum", "besloten op")
    with ctx.db.unit_of_work() as session:
        student = _student(session, student_id)
        row = Suspension(
            student_id=student_id,
            reason=reason.strip(),
            first_day=first_day,
            last_day=last_day,
            decided_by=decided_by.strip(),
            decided_on=decided_on,
            recorded_at=ctx.now(),
            recorded_by=ctx.user,
        )
        session.add(row)
        session.flush()
        calendar = load_calendar(session)
        days = calendar.lesdagen(first_day, last_day)
        register_lessons(
            session,
            ctx,
            student_id,
            lessons_on(session, student.klas, days),
            Link("S", f"schorsing: {reason.strip()}"[:500], SOURCE),
            "schorsing.geregistreerd",
            "suspension",
            row.id,
        )
        audit.record(
            session,
            ctx,
            "schorsing.vastgelegd",
            "suspension",
            row.id,
            None,
            audit.snapshot(row, "first_day", "last_day", "decided_by", "decided_on"),
        )
    return Changes(registrations=True, letters=True, student_ids=frozenset({student_id}))


def record_expulsion(
    ctx: Context,
    student_id: int,
    *,
    decision: str,
    effective_on: date,
    decided_on: date,
    conversation_held: bool,
    conversation_on: date | None = None,
) -> Changes:
    require(ctx, Permission.MEASURES)
    if not decision.strip():
        raise ValidationError("Vul het besluit tot verwijdering in.", field="besluit")
    if conversation_held and conversation_on is None:
        raise ValidationError(
            "Vul de datum van het gesprek in, of zet 'gesprek gehouden' uit.", field="gesprek op"
        )
    if conversation_on is not None and conversation_on > decided_on:
        raise ValidationError(
            "Het gesprek gaat aan het besluit vooraf: de gespreksdatum ligt na het besluit.",
            field="gesprek op",
        )
    if effective_on < decided_on:
        raise ValidationError(
            "Een verwijdering gaat niet in voor de dag van het besluit.", field="ingangsdatum"
        )
    _not_future(ctx, decided_on, "De besluitdatum", "besloten op")
    with ctx.db.unit_of_work() as session:
        student = _student(session, student_id)
        row = Expulsion(
            student_id=student_id,
            decision=decision.strip(),
            effective_on=effective_on,
            decided_on=decided_on,
            conversation_held=conversation_held,
            conversation_on=conversation_on if conversation_held else None,
            recorded_at=ctx.now(),
            recorded_by=ctx.user,
        )
        session.add(row)
        session.flush()
        calendar = load_calendar(session)
        _, year_end = calendar.school_year_of(effective_on)
        days = calendar.lesdagen(effective_on, year_end)
        register_lessons(
            session,
            ctx,
            student_id,
            lessons_on(session, student.klas, days),
            Link("VW", "verwijdering", SOURCE),
            "verwijdering.geregistreerd",
            "expulsion",
            row.id,
        )
        audit.record(
            session,
            ctx,
            "verwijdering.vastgelegd",
            "expulsion",
            row.id,
            None,
            audit.snapshot(row, "effective_on", "decided_on", "conversation_held"),
        )
    return Changes(registrations=True, letters=True, student_ids=frozenset({student_id}))


def measures_of(ctx: Context, student_id: int) -> tuple[list[SuspensionView], list[ExpulsionView]]:
    require(ctx, Permission.DOSSIER)
    with ctx.db.unit_of_work() as session:
        sus = [
            SuspensionView(
                r.id, r.reason, r.first_day, r.last_day, r.decided_by, r.decided_on, r.recorded_by
            )
            for r in session.scalars(
                select(Suspension)
                .where(Suspension.student_id == student_id)
                .order_by(Suspension.decided_on.desc())
            )
        ]
        exp = [
            ExpulsionView(
                r.id,
                r.decision,
                r.effective_on,
                r.decided_on,
                r.conversation_held,
                r.conversation_on,
                r.recorded_by,
            )
            for r in session.scalars(
                select(Expulsion)
                .where(Expulsion.student_id == student_id)
                .order_by(Expulsion.decided_on.desc())
            )
        ]
    return sus, exp


def companies_of(ctx: Context, student_id: int) -> list[CompanyView]:
    require(ctx, Permission.DOSSIER)
    with ctx.db.unit_of_work() as session:
        return [
            CompanyView(
                c.naam,
                c.contactpersoon,
                c.telefoon,
                c.email,
                ", ".join(p for p in (c.straat, c.postcode, c.plaats) if p),
                c.van,
                c.tot,
            )
            for c in session.scalars(
                select(Company).where(Company.student_id == student_id).order_by(Company.id)
            )
        ]
