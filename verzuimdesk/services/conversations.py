"""Verzuimgesprekken with their agreements (seed 002: check weekly, evaluate within 6 weeks) and
dossier notes such as "niet pluis" (seed 002 step 2: register that feeling too)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from verzuimdesk.domain.conversations import (
    QUESTIONS,
    check_problem,
    default_dates,
    latest_evaluation,
    next_check_after,
)
from verzuimdesk.errors import NotFoundError, ValidationError
from verzuimdesk.services import audit
from verzuimdesk.services.changes import Changes
from verzuimdesk.services.context import Context
from verzuimdesk.services.school import load_policy
from verzuimdesk.store.followup import Conversation, Note
from verzuimdesk.store.locks import lock_student
from verzuimdesk.store.students import Student

NOTE_KINDS = ("notitie", "niet pluis")
_CONVERSATION_FIELDS = (
    "student_id",
    "held_on",
    "participants",
    "answers",
    "agreements",
    "next_check_on",
    "evaluate_on",
    "last_checked_on",
    "closed_on",
)


@dataclass(frozen=True)
class ConversationInfo:
    id: int
    held_on: date
    participants: str
    answers: dict[str, str]
    agreements: str
    next_check_on: date | None
    evaluate_on: date | None
    last_checked_on: date | None
    closed_on: date | None
    evaluation: str  # empty until the conversation is closed
    recorded_by: str


def _info(row: Conversation) -> ConversationInfo:
    return ConversationInfo(
        row.id,
        row.held_on,
        row.participants,
        json.loads(row.answers) if row.answers else {},
        row.agreements or "",
        row.next_check_on,
        row.evaluate_on,
        row.last_checked_on,
        row.closed_on,
        row.evaluation or "",
        row.recorded_by,
    )


def _require_student(session: Session, student_id: int) -> Student:
    student = session.get(Student, student_id)
    if student is None:
        raise NotFoundError(f"Leerling {student_id} bestaat niet (meer).")
    return student


def conversation_defaults(ctx: Context, held_on: date) -> tuple[date, date]:
    """(first check, evaluation) per the school's policy, for a form to start from."""
    with ctx.db.unit_of_work() as session:
        return default_dates(held_on, load_policy(session).gesprekken)


def record_conversation(
    ctx: Context,
    student_id: int,
    held_on: date,
    participants: str,
    agreements: str,
    answers: dict[str, str] | None = None,
    next_check_on: date | None = None,
    evaluate_on: date | None = None,
) -> tuple[int, Changes]:
    """Save a verzuimgesprek; the first check defaults to a week later, the evaluation to the
    latest date the policy allows. Due checks then appear on the bellijst."""
    if not participants.strip():
        raise ValidationError("Vul in wie er bij het gesprek waren.", field="deelnemers")
    if not agreements.strip():
        raise ValidationError("Vul in welke afspraken er zijn gemaakt.", field="afspraken")
    unknown = set(answers or {}) - set(QUESTIONS)
    if unknown:
        raise ValidationError(f"Onbekende vraag: {sorted(unknown)[0]}", field="vragen")
    kept = {q: a.strip() for q, a in (answers or {}).items() if a.strip()}
    with ctx.db.unit_of_work() as session:
        _require_student(session, student_id)
        rules = load_policy(session).gesprekken
        if evaluate_on is None:
            evaluate_on = latest_evaluation(held_on, rules)
        if next_check_on is None:
            next_check_on = next_check_after(held_on, evaluate_on, rules)
        problem = check_problem(held_on, next_check_on, evaluate_on, rules)
        if problem:
            raise ValidationError(problem, field="data")
        row = Conversation(
            student_id=student_id,
            held_on=held_on,
            participants=participants.strip(),
            answers=json.dumps(kept, ensure_ascii=False) if kept else None,
            agreements=agreements.strip(),
            next_check_on=next_check_on,
            evaluate_on=evaluate_on,
            recorded_by=ctx.user,
        )
        session.add(row)
        session.flush()
        audit.record(
            session,
            ctx,
            "verzuimgesprek.vastgelegd",
            "conversation",
            row.id,
            None,
            audit.snapshot(row, *_CONVERSATION_FIELDS),
        )
        new_id = row.id
    return new_id, Changes(conversations=True, student_ids=frozenset({student_id}))


def record_checks_due(session: Session, ctx: Context, student_id: int, on: date, how: str) -> bool:
    """Inside the caller's unit of work: every open conversation of the student whose check is
    due has been checked on `on`; its next check moves a week on (or stops at the evaluation)."""
    rules = load_policy(session).gesprekken
    rows = session.scalars(
        select(Conversation).where(
            Conversation.student_id == student_id,
            Conversation.closed_on.is_(None),
            Conversation.next_check_on.is_not(None),
            Conversation.next_check_on <= on,
        )
    ).all()
    for row in rows:
        before = audit.snapshot(row, "next_check_on", "last_checked_on")
        row.last_checked_on = on
        row.next_check_on = next_check_after(on, row.evaluate_on, rules)
        after = audit.snapshot(row, "next_check_on", "last_checked_on") | {"hoe": how}
        audit.record(
            session, ctx, "verzuimgesprek.gecontroleerd", "conversation", row.id, before, after
        )
    return bool(rows)


def close_conversation(ctx: Context, conversation_id: int, on: date, evaluation: str) -> Changes:
    """The evaluation is done (seed 002: after at most 6 weeks): the conversation is afgerond and
    its checks and evaluation leave the bellijst."""
    if not evaluation.strip():
        raise ValidationError(
            "Vul bij 'Evaluatie' in wat de evaluatie heeft opgeleverd.", field="evaluatie"
        )
    today = ctx.today()
    if on > today:
        raise ValidationError(
            f"De 'Datum afronding' ({on:%d-%m-%Y}) ligt in de toekomst: kies vandaag "
            f"({today:%d-%m-%Y}) of een eerdere dag.",
            field="datum",
        )
    with ctx.db.unit_of_work() as session:
        row = session.get(Conversation, conversation_id)
        if row is not None:
            # lock, then read again: another desk may have closed it a moment ago
            lock_student(session, row.student_id)
            row = session.get(Conversation, conversation_id, populate_existing=True)
        if row is None:
            raise NotFoundError(f"Verzuimgesprek {conversation_id} bestaat niet (meer).")
        if row.closed_on is not None:
            raise ValidationError(
                f"Dit verzuimgesprek is al afgerond op {row.closed_on:%d-%m-%Y}.", field="gesprek"
            )
        if on < row.held_on:
            raise ValidationError(
                f"De 'Datum afronding' ({on:%d-%m-%Y}) ligt vóór het gesprek van "
                f"{row.held_on:%d-%m-%Y}: kies die dag of later.",
                field="datum",
            )
        before = audit.snapshot(row, "closed_on", "next_check_on", "evaluation")
        row.closed_on = on
        row.next_check_on = None
        row.evaluation = evaluation.strip()
        audit.record(
            session,
            ctx,
            "verzuimgesprek.geëvalueerd",
            "conversation",
            row.id,
            before,
            audit.snapshot(row, "closed_on", "next_check_on", "evaluation"),
        )
        student_id = row.student_id
    return Changes(conversations=True, student_ids=frozenset({student_id}))


def conversations_of(session: Session, student_id: int) -> list[ConversationInfo]:
    rows = session.scalars(
        select(Conversation)
        .where(Conversation.student_id == student_id)
        .order_by(Conversation.held_on.desc(), Conversation.id.desc())
    )
    return [_info(r) for r in rows]


def add_note(ctx: Context, student_id: int, text: str, kind: str = "notitie") -> Changes:
    """One step: a note in the dossier, kept with who wrote it and when."""
    if not text.strip():
        raise ValidationError("Een notitie mag niet leeg zijn.", field="notitie")
    if kind not in NOTE_KINDS:
        raise ValidationError(f"Onbekend soort notitie '{kind}'.", field="soort")
    with ctx.db.unit_of_work() as session:
        _require_student(session, student_id)
        note = Note(
            student_id=student_id,
            written_at=ctx.now(),
            kind=kind,
            text=text.strip(),
            written_by=ctx.user,
        )
        session.add(note)
        session.flush()
        audit.record(
            session,
            ctx,
            "notitie.toegevoegd",
            "note",
            note.id,
            None,
            audit.snapshot(note, "student_id", "kind", "text"),
        )
    return Changes(notes=True, student_ids=frozenset({student_id}))
