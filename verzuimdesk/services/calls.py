"""Whom the school may phone about a student (R-OUDERS) and logging the calls of the bellijst.

Every call is committed on its own, the moment it is saved, so a closed window or a crash never
loses one. R-ZIEK-6 (re-registering an unreachable sick student's day as OA) is offered here and
only done when a person confirms it with a reason.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import NamedTuple, Protocol

from sqlalchemy import select
from sqlalchemy.orm import Session

from verzuimdesk.domain.bellijst import OUTCOME_LABEL, Outcome, parents_first, sick_unreachable
from verzuimdesk.domain.codes import Category, sick_codes
from verzuimdesk.domain.consent import parents_may_be_informed
from verzuimdesk.domain.policy import Policy
from verzuimdesk.domain.route import age_on
from verzuimdesk.errors import NotFoundError, ValidationError
from verzuimdesk.services import audit
from verzuimdesk.services.changes import Changes
from verzuimdesk.services.context import Context
from verzuimdesk.services.conversations import record_checks_due
from verzuimdesk.services.school import code_map, load_policy
from verzuimdesk.store.followup import Call
from verzuimdesk.store.locks import lock_student
from verzuimdesk.store.registrations import Registration, Source
from verzuimdesk.store.students import Guardian, Student

STUDENT_KEY = "leerling"


class Contact(NamedTuple):
    """Someone the school may phone about the student; parents appear only where R-OUDERS
    allows, so a screen or printout built from contacts can never show a withheld parent."""

    key: str  # "leerling" or "ouder:<guardian id>"
    role: str  # leerling, moeder, vader, ouder/verzorger, …
    name: str
    phone: str | None
    email: str | None

    @property
    def label(self) -> str:
        return f"{self.role}: {self.name}"


class StudentContacts(NamedTuple):
    contacts: tuple[Contact, ...]
    parents_withheld: bool  # R-OUDERS forbids informing the parents on this day


class StudentLike(Protocol):
    """What the contact rules read of a student: an ORM `Student` or a lighter row."""

    # read-only members, so a NamedTuple row matches as well as the ORM object
    @property
    def full_name(self) -> str: ...
    @property
    def geboortedatum(self) -> date: ...
    @property
    def telefoon(self) -> str | None: ...
    @property
    def email(self) -> str | None: ...
    @property
    def ouders_informeren(self) -> bool | None: ...
    @property
    def sector(self) -> str | None: ...
    @property
    def leerjaar(self) -> int | None: ...


class GuardianData(NamedTuple):
    id: int
    naam: str
    relatie: str | None
    telefoon: str | None
    email: str | None


def contacts_for(
    student: StudentLike,
    guardians: Iterable[GuardianData],
    on: date,
    policy: Policy,
    first_year_vo: bool = False,
) -> StudentContacts:
    """The phone list for one student on a day: the student, and the parents only if allowed."""
    own = Contact(STUDENT_KEY, "leerling", student.full_name, student.telefoon, student.email)
    allowed = parents_may_be_informed(
        student.geboortedatum,
        on,
        student.ouders_informeren,
        policy.ouders.inform_18plus_by_default,
    )
    guardian_list = list(guardians)
    if not allowed:
        return StudentContacts((own,), parents_withheld=bool(guardian_list))
    parents = tuple(
        Contact(f"ouder:{g.id}", g.relatie or "ouder/verzorger", g.naam, g.telefoon, g.email)
        for g in guardian_list
    )
    adult = age_on(student.geboortedatum, on) >= 18
    ordered = (*parents, own) if parents_first(adult, first_year_vo) else (own, *parents)
    return StudentContacts(ordered, parents_withheld=False)


def guardian_data(rows: Iterable[Guardian]) -> list[GuardianData]:
    return [GuardianData(g.id, g.naam, g.relatie, g.telefoon, g.email) for g in rows]


@dataclass(frozen=True)
class Ziek6Offer:
    """R-ZIEK-6 may be applied: the day's sick registrations and how many minutes they cover."""

    student_id: int
    on: date
    registrations: int
    minutes: int


@dataclass(frozen=True)
class CallLogged:
    call_id: int
    changes: Changes
    ziek6: Ziek6Offer | None


def _oa_code(session: Session) -> str:
    codes = [c.code for c in code_map(session).values() if c.category is Category.ONGEOORLOOFD]
    if not codes:
        raise ValidationError("Er is geen code voor ongeoorloofd verzuim ingesteld (OA).")
    return "OA" if "OA" in codes else sorted(codes)[0]


def _sick_registrations(session: Session, student_id: int, on: date) -> list[Registration]:
    return list(
        session.scalars(
            select(Registration)
            .where(
                Registration.student_id == student_id,
                Registration.date == on,
                Registration.code.in_(sick_codes(code_map(session))),
            )
            .order_by(Registration.begin, Registration.id)
        )
    )


def ziek6_offer(session: Session, student_id: int, on: date) -> Ziek6Offer | None:
    """R-ZIEK-6 applies when the day has sick registrations to change and two calls that day
    reached no one (an open sick report without registrations leaves nothing to re-register)."""
    registrations = _sick_registrations(session, student_id, on)
    if not registrations:
        return None
    outcomes = session.scalars(
        select(Call.outcome).where(Call.student_id == student_id, Call.list_date == on)
    ).all()
    if not sick_unreachable(outcomes, sick_today=True):
        return None
    return Ziek6Offer(student_id, on, len(registrations), sum(r.minutes for r in registrations))


def log_call(
    ctx: Context,
    student_id: int,
    list_date: date,
    outcome: Outcome | str,
    contact_key: str,
    note: str | None = None,
    follow_up_on: date | None = None,
    agreements_checked: bool = False,
) -> CallLogged:
    """Save one call at once (its own unit of work) and tell whether R-ZIEK-6 may now apply."""
    try:
        outcome = Outcome(outcome)
    except ValueError as exc:
        raise ValidationError(
            f"Onbekende uitkomst '{outcome}'. Kies bereikt, niet bereikt, voicemail of "
            "verkeerd nummer.",
            field="uitkomst",
        ) from exc
    if follow_up_on is not None and follow_up_on < list_date:
        raise ValidationError(
            "De terugbeldatum ligt voor de datum van de bellijst. Kies vandaag of later.",
            field="terugbellen",
        )
    with ctx.db.unit_of_work() as session:
        # the conversations' checks below are read and moved on: one desk at a time
        if not lock_student(session, student_id):
            raise NotFoundError(f"Leerling {student_id} bestaat niet (meer).")
        student = session.get(Student, student_id)
        assert student is not None  # just locked
        policy = load_policy(session)
        contacts = contacts_for(student, guardian_data(student.guardians), list_date, policy)
        contact = next((c for c in contacts.contacts if c.key == contact_key), None)
        if contact is None:
            if contacts.parents_withheld and contact_key.startswith("ouder:"):
                raise ValidationError(
                    "De ouders van deze leerling mogen niet worden gebeld: de leerling is 18 of "
                    "ouder en heeft geen toestemming gegeven (R-OUDERS).",
                    field="met wie",
                )
            raise ValidationError("Kies met wie je hebt gebeld.", field="met wie")
        call = Call(
            student_id=student_id,
            list_date=list_date,
            called_at=ctx.now(),
            outcome=outcome.value,
            with_whom=contact.label,
            phone=contact.phone,
            note=(note or "").strip() or None,
            follow_up_on=follow_up_on,
            called_by=ctx.user,
        )
        session.add(call)
        session.flush()
        audit.record(
            session,
            ctx,
            "gesprek.gebeld",
            "call",
            call.id,
            None,
            audit.snapshot(
                call, "student_id", "list_date", "outcome", "with_whom", "note", "follow_up_on"
            ),
        )
        checked = (
            record_checks_due(session, ctx, student_id, list_date, OUTCOME_LABEL[outcome])
            if agreements_checked
            else False
        )
        offer = ziek6_offer(session, student_id, list_date)
        call_id = call.id
    changes = Changes(calls=True, conversations=checked, student_ids=frozenset({student_id}))
    return CallLogged(call_id, changes, offer)


def reregister_sick_as_oa(ctx: Context, student_id: int, on: date, reason: str) -> Changes:
    """R-ZIEK-6: the day's sick registrations become OA (source "correctie"), each audited."""
    if not reason.strip():
        raise ValidationError(
            "Geef een reden op voor het omzetten van ziek naar ongeoorloofd.", field="reden"
        )
    with ctx.db.unit_of_work() as session:
        lock_student(session, student_id)  # the offer is checked, then acted on
        if ziek6_offer(session, student_id, on) is None:
            raise ValidationError(
                "Omzetten kan alleen als de zieke leerling die dag twee keer niet bereikt is en "
                "geen enkele keer wel (R-ZIEK-6)."
            )
        oa = _oa_code(session)
        fields = ("code", "reason", "source", "registered_at")
        for row in _sick_registrations(session, student_id, on):
            before = audit.snapshot(row, *fields)
            row.code = oa
            row.reason = f"R-ZIEK-6, ziek maar niet bereikbaar: {reason.strip()}"
            row.source = Source.CORRECTIE
            row.registered_at = ctx.now()
            audit.record(
                session,
                ctx,
                "registratie.ziek-naar-oa",
                "registration",
                row.id,
                before,
                audit.snapshot(row, *fields),
            )
    return Changes(registrations=True, student_ids=frozenset({student_id}))
