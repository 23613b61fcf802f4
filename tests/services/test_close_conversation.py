"""Afronden of a verzuimgesprek (seed 002: evaluate after at most 6 weeks): the evaluation is
required, dated between the conversation and today, and the checks then leave the bellijst."""

from __future__ import annotations

import json
from datetime import date

import pytest
from sqlalchemy import func, select

from tests.services.bellijst_school import LIST_DAY, add_student, make_school
from verzuimdesk.domain.bellijst import ReasonKind
from verzuimdesk.errors import NotFoundError, ValidationError
from verzuimdesk.services.bellijst import build_bellijst
from verzuimdesk.services.context import Context
from verzuimdesk.services.conversations import (
    close_conversation,
    conversations_of,
    record_conversation,
)
from verzuimdesk.store.audit import AuditEntry
from verzuimdesk.store.followup import Conversation

HELD = date(2025, 9, 24)  # a week before LIST_DAY (the fixed "today"), so a check is due


def _state(ctx: Context) -> tuple[object, ...]:
    with ctx.db.sessions() as session:
        rows = session.scalars(select(Conversation).order_by(Conversation.id)).all()
        audit = session.scalar(select(func.count()).select_from(AuditEntry))
        return (*((r.closed_on, r.next_check_on, r.agreements) for r in rows), audit)


@pytest.fixture
def conversation(any_ctx: Context) -> tuple[int, int]:
    make_school(any_ctx)
    sid = add_student(any_ctx, achternaam="Gesprek")
    conversation_id, _ = record_conversation(
        any_ctx, sid, HELD, "mentor, leerling", "elke dag om 8:30 op school"
    )
    return sid, conversation_id


def _reasons(ctx: Context, student_id: int, on: date) -> list[ReasonKind]:
    entries = {e.student_id: e for e in build_bellijst(ctx, on).entries}
    entry = entries.get(student_id)
    return [r.kind for r in entry.reasons] if entry else []


def test_closing_takes_the_checks_off_the_bellijst(
    any_ctx: Context, conversation: tuple[int, int]
) -> None:
    sid, conversation_id = conversation
    assert _reasons(any_ctx, sid, LIST_DAY) == [ReasonKind.CONTROLE]
    changes = close_conversation(any_ctx, conversation_id, LIST_DAY, "  afspraken nagekomen  ")
    assert changes.conversations and changes.student_ids == frozenset({sid})
    with any_ctx.db.sessions() as session:
        info = conversations_of(session, sid)[0]
        entry = session.scalars(
            select(AuditEntry).where(AuditEntry.action == "verzuimgesprek.geëvalueerd")
        ).one()
    assert info.closed_on == LIST_DAY and info.next_check_on is None
    assert info.agreements == "elke dag om 8:30 op school"
    assert info.evaluation == "afspraken nagekomen"
    assert json.loads(entry.before)["closed_on"] is None
    assert json.loads(entry.after)["closed_on"] == "2025-10-01"
    # neither today's check nor the evaluation later brings the student back
    assert _reasons(any_ctx, sid, LIST_DAY) == []
    assert _reasons(any_ctx, sid, date(2025, 11, 5)) == []


def test_an_open_conversation_has_no_evaluation_yet(
    any_ctx: Context, conversation: tuple[int, int]
) -> None:
    sid, _ = conversation
    with any_ctx.db.sessions() as session:
        info = conversations_of(session, sid)[0]
    assert (info.agreements, info.evaluation) == ("elke dag om 8:30 op school", "")


def test_an_evaluation_overdue_on_the_bellijst_leaves_it_when_closed(
    any_ctx: Context, conversation: tuple[int, int]
) -> None:
    sid, conversation_id = conversation
    on = date(2025, 11, 5)  # the evaluation date (5 November) has come
    assert ReasonKind.EVALUATIE in _reasons(any_ctx, sid, on)
    close_conversation(any_ctx, conversation_id, HELD, "eerder geëvalueerd")
    assert ReasonKind.EVALUATIE not in _reasons(any_ctx, sid, on)


def test_closing_on_the_day_of_the_conversation_is_allowed(
    any_ctx: Context, conversation: tuple[int, int]
) -> None:
    _, conversation_id = conversation
    close_conversation(any_ctx, conversation_id, HELD, "direct opgelost")


@pytest.mark.parametrize(
    ("on", "evaluation", "field", "words"),
    [
        (LIST_DAY, "", "evaluatie", "'Evaluatie'"),
        (LIST_DAY, " \n\t ", "evaluatie", "'Evaluatie'"),
        (date(2025, 10, 2), "gaat goed", "datum", "'Datum afronding' (02-10-2025) ligt in de toe"),
        (date(2025, 9, 23), "gaat goed", "datum", "vóór het gesprek van 24-09-2025"),
    ],
    ids=["leeg", "alleen-witruimte", "toekomst", "voor-het-gesprek"],
)
def test_refusals_write_nothing_and_name_the_field(
    any_ctx: Context,
    conversation: tuple[int, int],
    on: date,
    evaluation: str,
    field: str,
    words: str,
) -> None:
    _, conversation_id = conversation
    before = _state(any_ctx)
    with pytest.raises(ValidationError) as refused:
        close_conversation(any_ctx, conversation_id, on, evaluation)
    assert refused.value.field == field and words in refused.value.message
    assert _state(any_ctx) == before


def test_an_unknown_or_closed_conversation_is_refused(
    any_ctx: Context, conversation: tuple[int, int]
) -> None:
    _, conversation_id = conversation
    with pytest.raises(NotFoundError, match="Verzuimgesprek 999"):
        close_conversation(any_ctx, 999, LIST_DAY, "gaat goed")
    close_conversation(any_ctx, conversation_id, LIST_DAY, "gaat goed")
    before = _state(any_ctx)
    with pytest.raises(ValidationError, match="al afgerond op 01-10-2025"):
        close_conversation(any_ctx, conversation_id, LIST_DAY, "nog eens")
    assert _state(any_ctx) == before


def test_only_the_closed_conversation_leaves_the_list(any_ctx: Context) -> None:
    make_school(any_ctx)
    sid = add_student(any_ctx)
    first, _ = record_conversation(any_ctx, sid, HELD, "mentor", "op tijd komen")
    record_conversation(any_ctx, sid, date(2025, 9, 25), "mentor, moeder", "huiswerk maken")
    close_conversation(any_ctx, first, LIST_DAY, "nagekomen")
    assert _reasons(any_ctx, sid, date(2025, 10, 2)) == [ReasonKind.CONTROLE]
