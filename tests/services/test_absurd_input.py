"""Absurd input at the desk is refused with a Dutch message naming the field, and nothing is
written (issue 13, part 5)."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from sqlalchemy import func, select

from tests.desk_helpers import make_school
from verzuimdesk.domain.leave import CardInput, LeaveKind, SignerRole
from verzuimdesk.errors import ValidationError
from verzuimdesk.services import conversations, leave_cards
from verzuimdesk.services import sick_reports as desk
from verzuimdesk.services.context import Context
from verzuimdesk.store.desk import LeaveCard, SickReport
from verzuimdesk.store.followup import Note
from verzuimdesk.store.registrations import Registration

CALL = datetime(2025, 10, 1, 8, 10)


def count(ctx: Context, model: type) -> int:
    with ctx.db.unit_of_work() as session:
        return session.scalar(select(func.count()).select_from(model)) or 0


def test_a_call_dated_long_ago_is_refused(any_ctx: Context) -> None:
    ids = make_school(any_ctx)
    with pytest.raises(ValidationError, match="meer dan 14 dagen terug") as refused:
        desk.report_sick(
            any_ctx, ids["100001"], datetime(1990, 10, 1, 8, 10), "ouder", "M", "griep"
        )
    assert refused.value.field == "tijd"
    with pytest.raises(ValidationError, match="meer dan 14 dagen terug"):
        desk.preview_report(any_ctx, datetime(1990, 10, 1, 8, 10))
    assert count(any_ctx, SickReport) == 0 and count(any_ctx, Registration) == 0
    # yesterday's call entered this morning is fine
    desk.report_sick(any_ctx, ids["100001"], datetime(2025, 9, 30, 16, 0), "ouder", "M", "griep")


@pytest.mark.parametrize(
    ("caller", "reason", "field", "words"),
    [
        ("M. Bakker\x00", "griep", "naam van de beller", "NUL"),
        ("M. Bakker", "gri\x00ep", "reden", "NUL"),
        ("x" * 201, "griep", "naam van de beller", "te lang: 201 tekens, hoogstens 200"),
        ("M. Bakker", "griep " * 5000, "reden", "hoogstens 20000"),
    ],
)
def test_text_that_cannot_be_stored_is_refused_by_name(
    any_ctx: Context, caller: str, reason: str, field: str, words: str
) -> None:
    ids = make_school(any_ctx)
    with pytest.raises(ValidationError, match=words) as refused:
        desk.report_sick(any_ctx, ids["100001"], CALL, "ouder", caller, reason)
    assert refused.value.field == field and f"'{field}'" in refused.value.message
    assert count(any_ctx, SickReport) == 0 and count(any_ctx, Registration) == 0


def test_a_note_with_a_nul_byte_is_refused(any_ctx: Context) -> None:
    ids = make_school(any_ctx)
    with pytest.raises(ValidationError, match="'tekst' bevat een onzichtbaar teken"):
        conversations.add_note(any_ctx, ids["100001"], "belt terug\x00")
    assert count(any_ctx, Note) == 0


def _card(start: date, end: date) -> CardInput:
    return CardInput(
        LeaveKind.GEWICHTIG,
        start,
        end,
        subkind="calamiteit",
        reason="verhuizing",
        signed_by="A. Directeur",
        signer_role=SignerRole.DIRECTEUR,
    )


def test_a_leave_card_of_ten_years_is_refused(any_ctx: Context) -> None:
    ids = make_school(any_ctx)
    with pytest.raises(ValidationError, match="valt buiten de schoolkalender"):
        leave_cards.save_card(any_ctx, ids["100001"], _card(date(2025, 10, 6), date(2035, 10, 5)))
    assert count(any_ctx, LeaveCard) == 0 and count(any_ctx, Registration) == 0


def test_a_leave_card_outside_the_calendar_is_refused(any_ctx: Context) -> None:
    ids = make_school(any_ctx)
    with pytest.raises(ValidationError, match="valt buiten de schoolkalender"):
        leave_cards.save_card(any_ctx, ids["100001"], _card(date(2031, 3, 3), date(2031, 3, 4)))
    assert count(any_ctx, LeaveCard) == 0
