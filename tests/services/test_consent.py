"""R-OUDERS: recording the student's written choice, and the bellijst following it."""

from __future__ import annotations

import json
from datetime import date

import pytest
from sqlalchemy import func, select

from tests.services.bellijst_school import LIST_DAY, add_student, make_school, register
from verzuimdesk.errors import NotFoundError, ValidationError
from verzuimdesk.services.bellijst import build_bellijst, load_contacts
from verzuimdesk.services.changes import Changes
from verzuimdesk.services.consent import consent_of, record_consent
from verzuimdesk.services.context import Context
from verzuimdesk.services.dossier import load_dossier
from verzuimdesk.store.audit import AuditEntry
from verzuimdesk.store.students import Student

ADULT_BORN = date(2005, 1, 1)
MINOR_BORN = date(2007, 10, 20)  # turns 18 on 20 October 2025, after LIST_DAY


def _stored(ctx: Context, student_id: int) -> tuple[object, ...]:
    with ctx.db.sessions() as session:
        student = session.get(Student, student_id)
        assert student is not None
        audit = session.scalar(select(func.count()).select_from(AuditEntry))
        return student.ouders_informeren, student.ouders_informeren_datum, audit


def _parents_offered(ctx: Context, student_id: int, on: date = LIST_DAY) -> bool:
    entry = next(e for e in build_bellijst(ctx, on).entries if e.student_id == student_id)
    return any(c.key.startswith("ouder:") for c in entry.contacts)


@pytest.fixture
def adult(any_ctx: Context) -> int:
    make_school(any_ctx, inform_18plus=False)  # ROC MN: parents only with consent
    sid = add_student(any_ctx, achternaam="Volwassen", born=ADULT_BORN)
    register(any_ctx, sid, LIST_DAY, lessons=range(1))
    return sid


def test_consent_given_puts_the_parents_on_the_bellijst(any_ctx: Context, adult: int) -> None:
    assert not _parents_offered(any_ctx, adult)
    changes = record_consent(any_ctx, adult, True, date(2025, 9, 30))
    assert changes.students and changes.student_ids == frozenset({adult})
    assert _stored(any_ctx, adult)[:2] == (True, date(2025, 9, 30))
    assert _parents_offered(any_ctx, adult)
    header = load_dossier(any_ctx, adult).header
    assert header.consent.parents_allowed and "30-09-2025" in header.consent.explanation
    with any_ctx.db.sessions() as session:
        entry = session.scalars(
            select(AuditEntry).where(AuditEntry.action == "toestemming_ouders.gewijzigd")
        ).one()
    assert entry.entity == "student" and entry.entity_id == str(adult)
    assert json.loads(entry.before) == {
        "ouders_informeren": None,
        "ouders_informeren_datum": None,
    }
    assert json.loads(entry.after) == {
        "ouders_informeren": True,
        "ouders_informeren_datum": "2025-09-30",
    }


def test_refusal_takes_them_off_and_unknown_returns_to_the_policy(any_ctx: Context) -> None:
    make_school(any_ctx, inform_18plus=True)  # MBO Utrecht: inform unless the student objected
    sid = add_student(any_ctx, achternaam="Bezwaar", born=ADULT_BORN)
    register(any_ctx, sid, LIST_DAY, lessons=range(1))
    assert _parents_offered(any_ctx, sid)
    record_consent(any_ctx, sid, False, LIST_DAY)
    assert not _parents_offered(any_ctx, sid)
    assert [c.key for c in load_contacts(any_ctx, LIST_DAY, [sid])[sid].contacts] == ["leerling"]
    # a date given with "onbekend" is dropped: there is no written choice to date
    record_consent(any_ctx, sid, None, LIST_DAY)
    assert _stored(any_ctx, sid)[:2] == (None, None)
    assert _parents_offered(any_ctx, sid)


def test_the_same_choice_again_writes_nothing(any_ctx: Context, adult: int) -> None:
    record_consent(any_ctx, adult, True, date(2025, 9, 30))
    before = _stored(any_ctx, adult)
    assert record_consent(any_ctx, adult, True, date(2025, 9, 30)) == Changes()
    assert _stored(any_ctx, adult) == before


def test_a_minor_may_record_a_choice_that_counts_from_the_birthday(any_ctx: Context) -> None:
    make_school(any_ctx, inform_18plus=True)
    sid = add_student(any_ctx, achternaam="Bijna", born=MINOR_BORN)
    for day in (LIST_DAY, date(2025, 10, 27)):
        register(any_ctx, sid, day, lessons=range(1))
    record_consent(any_ctx, sid, False, date(2025, 9, 29))
    record = consent_of(any_ctx, sid)
    assert not record.adult and record.turns_18 == date(2025, 10, 20)
    assert (record.choice, record.choice_date) == (False, date(2025, 9, 29))
    assert _parents_offered(any_ctx, sid)  # still 17: parents are always informed
    assert not _parents_offered(any_ctx, sid, date(2025, 10, 27))  # 18 now: the refusal counts
    with any_ctx.db.sessions() as session:
        after = session.scalars(select(AuditEntry.after)).one()
    assert json.loads(after)["geldt_vanaf"] == "2025-10-20"


@pytest.mark.parametrize(
    ("choice", "on", "words"),
    [
        (True, None, "'Datum van de keuze'"),
        (False, date(2025, 10, 2), "'Datum van de keuze' (02-10-2025) ligt in de toekomst"),
        (True, date(2004, 12, 31), "vóór de geboortedatum"),
    ],
    ids=["zonder-datum", "toekomst", "voor-geboorte"],
)
def test_refusals_write_nothing_and_name_the_field(
    any_ctx: Context, adult: int, choice: bool, on: date | None, words: str
) -> None:
    before = _stored(any_ctx, adult)
    with pytest.raises(ValidationError) as refused:
        record_consent(any_ctx, adult, choice, on)
    assert refused.value.field == "datum" and words in refused.value.message
    assert _stored(any_ctx, adult) == before


def test_an_unknown_student_is_refused(any_ctx: Context) -> None:
    make_school(any_ctx)
    with any_ctx.db.sessions() as session:
        audit = session.scalar(select(func.count()).select_from(AuditEntry))
    with pytest.raises(NotFoundError, match="Leerling 999"):
        record_consent(any_ctx, 999, True, LIST_DAY)
    with pytest.raises(NotFoundError, match="Leerling 999"):
        consent_of(any_ctx, 999)
    with any_ctx.db.sessions() as session:
        assert session.scalar(select(func.count()).select_from(AuditEntry)) == audit
