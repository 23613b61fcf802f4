"""R-OUDERS: recording a student's written choice whether the school may inform the parents.

The choice is stored on the student (`ouders_informeren`, `ouders_informeren_datum`), where the
bellijst, the dossier and the letters read it. For a student under 18 a choice may be recorded
too, because schools ask it before the 18th birthday (the R-18 letter); it only takes effect on
that birthday, as `domain.consent.parents_may_be_informed` ignores it before then.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy.orm import Session

from verzuimdesk.domain.consent import (
    ADULT_AGE,
    ConsentStatus,
    consent_status,
    eighteenth_birthday,
)
from verzuimdesk.domain.route import age_on
from verzuimdesk.errors import NotFoundError, ValidationError
from verzuimdesk.services import audit
from verzuimdesk.services.changes import Changes
from verzuimdesk.services.context import Context
from verzuimdesk.services.school import load_policy
from verzuimdesk.store.locks import lock_student
from verzuimdesk.store.students import Student

# the three answers a verzuimmedewerker can record, in the order a form offers them
CHOICE_LABELS: dict[bool | None, str] = {
    True: "toestemming gegeven",
    False: "geweigerd (bezwaar gemaakt)",
    None: "onbekend (geen keuze vastgelegd)",
}
_FIELDS = ("ouders_informeren", "ouders_informeren_datum")


@dataclass(frozen=True)
class ConsentRecord:
    """What is recorded now, with what a form needs to explain its effect."""

    student_id: int
    name: str
    born: date
    age: int
    choice: bool | None
    choice_date: date | None
    inform_18plus_by_default: bool

    @property
    def adult(self) -> bool:
        return self.age >= ADULT_AGE

    @property
    def turns_18(self) -> date:
        return eighteenth_birthday(self.born)

    def effect(self, choice: bool | None, choice_date: date | None, on: date) -> ConsentStatus:
        """What R-OUDERS would make of `choice` on `on`: for a form to show before saving."""
        return consent_status(self.born, on, choice, choice_date, self.inform_18plus_by_default)


def _require_student(session: Session, student_id: int) -> Student:
    student = session.get(Student, student_id)
    if student is None:
        raise NotFoundError(f"Leerling {student_id} bestaat niet (meer).")
    return student


def consent_of(ctx: Context, student_id: int) -> ConsentRecord:
    with ctx.db.unit_of_work() as session:
        student = _require_student(session, student_id)
        return ConsentRecord(
            student.id,
            student.full_name,
            student.geboortedatum,
            age_on(student.geboortedatum, ctx.today()),
            student.ouders_informeren,
            student.ouders_informeren_datum,
            load_policy(session).ouders.inform_18plus_by_default,
        )


def record_consent(ctx: Context, student_id: int, choice: bool | None, on: date | None) -> Changes:
    """Record the student's written choice: True = toestemming gegeven, False = geweigerd,
    None = onbekend (the policy default applies again; the date is then cleared). A given or
    refused choice needs the date it was made, not in the future. Recording the same choice
    and date again writes nothing and changes nothing."""
    if choice is None:
        on = None
    elif on is None:
        raise ValidationError(
            "Vul bij 'Datum van de keuze' in op welke dag de student de keuze maakte.",
            field="datum",
        )
    elif on > ctx.today():
        raise ValidationError(
            f"De 'Datum van de keuze' ({on:%d-%m-%Y}) ligt in de toekomst: kies vandaag "
            f"({ctx.today():%d-%m-%Y}) of een eerdere dag.",
            field="datum",
        )
    with ctx.db.unit_of_work() as session:
        lock_student(session, student_id)  # "before" in the audit trail is what was there
        student = _require_student(session, student_id)
        if on is not None and on < student.geboortedatum:
            raise ValidationError(
                f"De 'Datum van de keuze' ({on:%d-%m-%Y}) ligt vóór de geboortedatum "
                f"({student.geboortedatum:%d-%m-%Y}).",
                field="datum",
            )
        before = audit.snapshot(student, *_FIELDS)
        if before == {"ouders_informeren": choice, "ouders_informeren_datum": on}:
            return Changes()
        student.ouders_informeren = choice
        student.ouders_informeren_datum = on
        after = audit.snapshot(student, *_FIELDS)
        if age_on(student.geboortedatum, ctx.today()) < ADULT_AGE:
            # kept in the trail so a later reader sees it was recorded ahead of the birthday
            after |= {"geldt_vanaf": eighteenth_birthday(student.geboortedatum)}
        audit.record(
            session, ctx, "toestemming_ouders.gewijzigd", "student", student.id, before, after
        )
    return Changes(students=True, student_ids=frozenset({student_id}))
