"""Leave cards through the service: status, decision, registrations, refusals."""

from __future__ import annotations

from datetime import date, time

import pytest
from sqlalchemy import func, select

from tests.desk_helpers import make_school
from verzuimdesk.domain.leave import CardInput, Decider, LeaveKind, SignerRole, Status
from verzuimdesk.errors import ValidationError
from verzuimdesk.services import leave_cards as desk
from verzuimdesk.services.context import Context
from verzuimdesk.store.desk import LeaveCard
from verzuimdesk.store.registrations import Registration, Source


def count(ctx: Context, model: type) -> int:
    with ctx.db.unit_of_work() as session:
        return session.scalar(select(func.count()).select_from(model)) or 0


def test_doctor_visit_becomes_d_for_the_overlapping_lessons(ctx: Context) -> None:
    ids = make_school(ctx)
    card = CardInput(
        LeaveKind.DOKTER,
        date(2025, 10, 2),
        date(2025, 10, 2),
        time(9, 30),
        time(10, 40),
        reason="tandarts",
        signed_by="M. Bakker",
    )
    result = desk.save_card(ctx, ids["100001"], card)
    assert result.card.status is Status.VERLEEND
    with ctx.db.unit_of_work() as session:
        rows = session.scalars(select(Registration).order_by(Registration.begin)).all()
        assert [(r.begin, r.code, r.source) for r in rows] == [
            (time(9, 20), "D", Source.VERLOFKAART),
            (time(10, 30), "D", Source.VERLOFKAART),
        ]
        assert all(r.leave_card_id == result.card.id and "tandarts" in r.reason for r in rows)


def test_longer_card_waits_for_the_director_then_registers_g(ctx: Context) -> None:
    ids = make_school(ctx)
    card = CardInput(
        LeaveKind.GEWICHTIG,
        date(2025, 10, 6),
        date(2025, 10, 7),
        subkind="huwelijk",
        reason="bruiloft oom",
        signed_by="M. Bakker",
        signer_role=SignerRole.OUDER,
    )
    result = desk.save_card(ctx, ids["100001"], card)
    assert result.card.status is Status.AANGEVRAAGD and result.card.decider is Decider.DIRECTEUR
    assert count(ctx, Registration) == 0
    with pytest.raises(ValidationError, match="beslist de directeur"):
        desk.decide_card(ctx, result.card.id, True, "K. Mentor", Decider.COACH)
    decided = desk.decide_card(ctx, result.card.id, True, "A. Directeur", Decider.DIRECTEUR)
    assert decided.card.status is Status.VERLEEND
    assert count(ctx, Registration) == 10
    assert desk.list_cards(ctx)[0].status is Status.VERLEEND


def test_refusals_write_nothing(ctx: Context) -> None:
    ids = make_school(ctx)
    unsigned = CardInput(LeaveKind.OVERIG, date(2025, 10, 6), date(2025, 10, 6), reason="x")
    with pytest.raises(ValidationError, match="niet ondertekend"):
        desk.save_card(ctx, ids["100001"], unsigned)
    past = CardInput(
        LeaveKind.OVERIG,
        date(2025, 9, 30),
        date(2025, 9, 30),
        reason="x",
        signed_by="Y",
        signer_role=SignerRole.DIRECTEUR,
    )
    with pytest.raises(ValidationError, match="nooit achteraf"):
        desk.save_card(ctx, ids["100001"], past)
    assert count(ctx, LeaveCard) == 0 and count(ctx, Registration) == 0


def test_allowance_counts_earlier_cards_of_the_year(ctx: Context) -> None:
    ids = make_school(ctx)
    sid = ids["100001"]
    first = CardInput(
        LeaveKind.GEWICHTIG,
        date(2025, 10, 6),
        date(2025, 10, 10),
        subkind="calamiteit",
        reason="brand",
        signed_by="D",
        signer_role=SignerRole.DIRECTEUR,
    )
    desk.save_card(ctx, sid, first)
    second = CardInput(
        LeaveKind.GEWICHTIG,
        date(2025, 11, 3),
        date(2025, 11, 7),
        subkind="calamiteit",
        reason="brand",
        signed_by="D",
        signer_role=SignerRole.DIRECTEUR,
    )
    assert desk.assess(ctx, sid, second).allowance.startswith("Nog 5 van 10")
    desk.save_card(ctx, sid, second)
    third = CardInput(
        LeaveKind.GEWICHTIG,
        date(2025, 11, 10),
        date(2025, 11, 10),
        subkind="verhuizing",
        reason="verhuizing",
        signed_by="D",
        signer_role=SignerRole.DIRECTEUR,
    )
    with pytest.raises(ValidationError, match="Meer dan 10 dagen"):
        desk.save_card(ctx, sid, third)


def test_list_cards_on_an_empty_school(ctx: Context) -> None:
    make_school(ctx, students=False)
    assert desk.list_cards(ctx) == []
