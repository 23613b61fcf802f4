"""R-VERLOF-1..5 at their edges."""

from __future__ import annotations

from datetime import date, time

import pytest

from tests.desk_helpers import calendar
from verzuimdesk.domain.leave import (
    CardInput,
    Decider,
    LeaveKind,
    SignerRole,
    Status,
    YearUse,
    assess_card,
    may_decide,
)
from verzuimdesk.domain.policy import Verlof

RULES = Verlof()
TODAY = date(2025, 10, 1)  # a Wednesday


def card(**changes: object) -> CardInput:
    values: dict[str, object] = {
        "kind": LeaveKind.GEWICHTIG,
        "subkind": "huwelijk",
        "start_date": date(2025, 10, 6),
        "end_date": date(2025, 10, 6),
        "reason": "bruiloft tante",
        "signed_by": "J. Bakker",
    }
    values.update(changes)
    return CardInput(**values)  # type: ignore[arg-type]


def assess(c: CardInput, used: YearUse | None = None):  # type: ignore[no-untyped-def]
    return assess_card(c, TODAY, calendar(), used or YearUse(), RULES)


def test_unsigned_card_is_refused() -> None:
    result = assess(card(signed_by=" "))
    assert any("niet ondertekend" in p for p in result.problems)


def test_card_in_the_past_is_refused() -> None:
    result = assess(
        card(kind=LeaveKind.OVERIG, start_date=date(2025, 9, 30), end_date=date(2025, 9, 30))
    )
    assert any("nooit achteraf" in p for p in result.problems)


def test_gewichtig_may_be_asked_within_two_days_but_then_awaits_the_director() -> None:
    result = assess(
        card(
            subkind="overlijden-1",
            start_date=date(2025, 9, 29),
            end_date=date(2025, 9, 30),
            signer_role=SignerRole.DIRECTEUR,
        )
    )
    assert result.problems == []
    assert result.status is Status.AANGEVRAAGD


def test_gewichtig_allowance_exactly_ten_is_allowed_eleven_is_not() -> None:
    two_days = card(subkind="calamiteit", start_date=date(2025, 10, 6), end_date=date(2025, 10, 7))
    ok = assess(two_days, YearUse(gewichtig_days=8))
    assert ok.problems == []
    assert ok.allowance == "Nog 2 van 10 dagen gewichtige omstandigheden dit schooljaar."
    over = assess(two_days, YearUse(gewichtig_days=9))
    assert any("Meer dan 10 dagen" in p for p in over.problems)


def test_subkind_maximum() -> None:
    result = assess(
        card(subkind="verhuizing", start_date=date(2025, 10, 6), end_date=date(2025, 10, 7))
    )
    assert any("Verhuizing: ten hoogste 1 dag" in p for p in result.problems)


def vakantie(**changes: object) -> CardInput:
    base: dict[str, object] = {
        "kind": LeaveKind.VAKANTIE,
        "subkind": None,
        "employer_statement": True,
        "start_date": date(2026, 2, 2),
        "end_date": date(2026, 2, 6),
    }
    base.update(changes)
    return card(**base)


def test_vakantie_in_the_first_two_lesweken_is_refused() -> None:
    result = assess_card(
        vakantie(start_date=date(2025, 8, 28), end_date=date(2025, 8, 29)),
        date(2025, 6, 1),
        calendar(),
        YearUse(),
        RULES,
    )
    assert any("eerste 2 lesweken" in p for p in result.problems)
    third_week = assess_card(
        vakantie(start_date=date(2025, 9, 1), end_date=date(2025, 9, 2)),
        date(2025, 6, 1),
        calendar(),
        YearUse(),
        RULES,
    )
    assert not any("eerste 2 lesweken" in p for p in third_week.problems)


def test_vakantie_once_a_year_ten_days_at_most_with_employer_statement() -> None:
    assert any("één keer" in p for p in assess(vakantie(), YearUse(vakantie_cards=1)).problems)
    ten = assess(vakantie(start_date=date(2026, 2, 2), end_date=date(2026, 2, 13)))
    assert not any("hooguit 10" in p for p in ten.problems)
    eleven = assess(vakantie(start_date=date(2026, 2, 2), end_date=date(2026, 2, 16)))
    assert any("hooguit 10 schooldagen" in p for p in eleven.problems)
    assert any(
        "werkgeversverklaring" in p for p in assess(vakantie(employer_statement=False)).problems
    )


def test_religious_holiday_is_a_notification_two_days_ahead() -> None:
    on_time = assess(
        card(
            kind=LeaveKind.RELIGIEUS,
            subkind="Suikerfeest",
            start_date=date(2025, 10, 3),
            end_date=date(2025, 10, 3),
        )
    )
    assert on_time.problems == [] and on_time.status is Status.GEMELD
    late = assess(
        card(
            kind=LeaveKind.RELIGIEUS,
            subkind="Suikerfeest",
            start_date=date(2025, 10, 2),
            end_date=date(2025, 10, 2),
        )
    )
    assert any("minstens 2 dagen" in p for p in late.problems)


@pytest.mark.parametrize(
    ("end", "decider"),
    [
        (date(2025, 10, 6), Decider.COACH),
        (date(2025, 10, 7), Decider.DIRECTEUR),
        (date(2025, 10, 17), Decider.DIRECTEUR),
        (date(2025, 10, 27), Decider.LPA),
    ],
)
def test_who_decides(end: date, decider: Decider) -> None:
    result = assess(card(kind=LeaveKind.OVERIG, subkind=None, end_date=end))
    assert result.decider is decider


def test_a_coach_signature_grants_one_day_a_parent_signature_only_requests() -> None:
    assert assess(card(signer_role=SignerRole.COACH)).status is Status.VERLEEND
    assert assess(card(signer_role=SignerRole.OUDER)).status is Status.AANGEVRAAGD
    two_days = card(subkind="huwelijk", end_date=date(2025, 10, 7), signer_role=SignerRole.COACH)
    assert assess(two_days).status is Status.AANGEVRAAGD


def test_doctor_visit_is_registered_by_the_desk() -> None:
    result = assess(
        card(kind=LeaveKind.DOKTER, subkind=None, start_time=time(10, 0), end_time=time(11, 0))
    )
    assert result.decider is Decider.RECEPTIE and result.status is Status.VERLEEND


def test_may_decide_ranks() -> None:
    assert may_decide(Decider.DIRECTEUR, Decider.COACH)
    assert not may_decide(Decider.COACH, Decider.DIRECTEUR)


def test_gewichtig_late_days_is_the_policy_edge() -> None:
    def past(start: date, rules: Verlof = RULES) -> bool:
        c = card(subkind="overlijden-1", start_date=start, end_date=TODAY)
        result = assess_card(c, TODAY, calendar(), YearUse(), rules)
        return any("nooit achteraf" in p for p in result.problems)

    assert not past(date(2025, 9, 29))  # 2 days after it arose
    assert past(date(2025, 9, 28))  # 3 days after
    assert past(date(2025, 9, 30), Verlof(gewichtig_late_days=0))


def test_vakantieverlof_is_pro_rata_for_students_at_school_part_of_the_week() -> None:
    bbl = frozenset({0, 1})  # at school on Monday and Tuesday
    two_weeks = card(
        kind=LeaveKind.VAKANTIE,
        subkind=None,
        start_date=date(2026, 3, 2),
        end_date=date(2026, 3, 13),
        employer_statement=True,
    )
    full_time = assess_card(two_weeks, TODAY, calendar(), YearUse(), RULES)
    part_time = assess_card(two_weeks, TODAY, calendar(), YearUse(), RULES, bbl)
    assert full_time.school_days == 10 and not any("hooguit" in p for p in full_time.problems)
    assert part_time.school_days == 4  # only the student's own school days count
    assert not any("hooguit" in p for p in part_time.problems)  # 4 of 2/5 × 10 = 4
    three_weeks = assess_card(
        card(
            kind=LeaveKind.VAKANTIE,
            subkind=None,
            start_date=date(2026, 3, 2),
            end_date=date(2026, 3, 20),
            employer_statement=True,
        ),
        TODAY,
        calendar(),
        YearUse(),
        RULES,
        bbl,
    )
    assert three_weeks.school_days == 6
    assert any("hooguit 4 schooldagen (naar rato" in p for p in three_weeks.problems)
