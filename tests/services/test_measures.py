"""Schorsing and verwijdering from the dossier: S/VW registrations, letters f and g queued."""

from __future__ import annotations

import json
from datetime import date, datetime

import pytest
from sqlalchemy import select

from tests.actors import TESTER
from tests.services.bellijst_school import add_student, make_school, register
from tests.services.test_letters import _address
from verzuimdesk.domain.letters import Letter
from verzuimdesk.errors import ValidationError
from verzuimdesk.services import letters, measures
from verzuimdesk.services.context import Context
from verzuimdesk.store.letters import ArchivedLetter
from verzuimdesk.store.registrations import Registration


@pytest.fixture
def late_ctx(ctx: Context) -> Context:
    return Context(ctx.db, actor=TESTER, clock=lambda: datetime(2025, 10, 1, 9))


def _codes(ctx: Context, sid: int) -> dict[date, set[str]]:
    with ctx.db.unit_of_work() as s:
        found: dict[date, set[str]] = {}
        for day, code in s.execute(
            select(Registration.date, Registration.code).where(Registration.student_id == sid)
        ):
            found.setdefault(day, set()).add(code)
        return found


def test_schorsing_registers_s_and_queues_letter_f(late_ctx: Context) -> None:
    make_school(late_ctx)
    sid = add_student(late_ctx)
    _address(late_ctx, sid)
    register(late_ctx, sid, date(2025, 10, 1))  # imported OA on a day of the schorsing
    measures.record_suspension(
        late_ctx,
        sid,
        reason="bedreiging van een medestudent",
        first_day=date(2025, 9, 30),
        last_day=date(2025, 10, 1),
        decided_by="M. Jansen, onderwijsdirecteur",
        decided_on=date(2025, 9, 29),
    )
    codes = _codes(late_ctx, sid)
    assert codes[date(2025, 9, 30)] == {"S"} and codes[date(2025, 10, 1)] == {"S"}
    due = letters.letters_due(late_ctx, date(2025, 10, 1))
    assert [i.letter for i in due] == [Letter.F]
    sus, _ = measures.measures_of(late_ctx, sid)
    assert sus[0].decided_by.startswith("M. Jansen")


def test_verwijdering_registers_vw_from_its_day_and_queues_letter_g(late_ctx: Context) -> None:
    make_school(late_ctx)
    sid = add_student(late_ctx)
    _address(late_ctx, sid)
    measures.record_expulsion(
        late_ctx,
        sid,
        decision="Verwijdering wegens herhaald ernstig wangedrag.",
        effective_on=date(2025, 10, 1),
        decided_on=date(2025, 10, 1),
        conversation_held=True,
        conversation_on=date(2025, 9, 26),
    )
    codes = _codes(late_ctx, sid)
    assert min(codes) == date(2025, 10, 1) and codes[date(2025, 10, 1)] == {"VW"}
    (item,) = letters.letters_due(late_ctx, date(2025, 10, 1))
    assert item.letter is Letter.G
    result = letters.print_letters(late_ctx, date(2025, 10, 1))
    assert result.envelopes == 2
    with late_ctx.db.unit_of_work() as s:
        contents = [json.loads(c) for c in s.scalars(select(ArchivedLetter.content))]
    assert all(c["registered"] for c in contents)  # g goes by registered post


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"reason": " "}, "reden"),
        ({"last_day": date(2025, 9, 1)}, "laatste dag"),
        (
            {
                "decided_on": date(2025, 12, 1),
                "first_day": date(2025, 12, 1),
                "last_day": date(2025, 12, 2),
            },
            "besloten op",
        ),
    ],
)
def test_bad_schorsing_is_refused(late_ctx: Context, changes: dict, field: str) -> None:
    make_school(late_ctx)
    sid = add_student(late_ctx)
    values = {
        "reason": "reden",
        "first_day": date(2025, 9, 30),
        "last_day": date(2025, 10, 1),
        "decided_by": "directeur",
        "decided_on": date(2025, 9, 29),
        **changes,
    }
    with pytest.raises(ValidationError) as caught:
        measures.record_suspension(late_ctx, sid, **values)
    assert caught.value.field == field
    assert _codes(late_ctx, sid) == {}
