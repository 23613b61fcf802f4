"""Instellingen > Beleid in the services: versions, checks, and signals keeping their version."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from sqlalchemy import select

from verzuimdesk.demo import build_demo_school
from verzuimdesk.domain.policy import flatten, parse_policy, to_toml
from verzuimdesk.domain.roles import Role
from verzuimdesk.errors import PermissionDenied, ValidationError
from verzuimdesk.services import policy_settings, signals
from verzuimdesk.services.context import Actor, Context
from verzuimdesk.services.school import get_school, load_policy
from verzuimdesk.store.audit import AuditEntry
from verzuimdesk.store.reporting import SignalRow
from verzuimdesk.store.school import PolicyProfileRow

ON = date(2025, 11, 28)


@pytest.fixture
def school(ctx: Context) -> Context:
    build_demo_school(ctx, students=60, seed=3, until=ON)
    return ctx


def in_force(ctx: Context) -> str:
    with ctx.db.unit_of_work() as session:
        info = get_school(session)
        assert info is not None
        return info.policy_name


def test_to_toml_reads_back_to_the_same_values(ctx: Context) -> None:
    with ctx.db.unit_of_work() as session:
        policy = load_policy(session, "mbo-utrecht")
    text = to_toml("x", "y", flatten(policy), {"r16u.window_lesweken": "LPW # art. 21a"})
    assert flatten(parse_policy(text, "x")) == flatten(policy)


def test_each_key_shows_its_source_and_the_shipped_value(school: Context) -> None:
    view = policy_settings.policy_view(school)
    threshold = next(k for k in view.keys if k.key == "r16u.threshold_minutes")
    assert threshold.value == 960 and not threshold.differs
    assert "art. 21a" in threshold.source
    assert "R-16U" not in threshold.label and "R-16U" not in threshold.section
    assert view.in_force in view.choices


def test_a_saved_change_is_a_new_version_and_changes_the_next_signals(school: Context) -> None:
    first = in_force(school)
    before = signals.signals_on(school, ON)
    name, changes = policy_settings.save_values(school, first, {"r16u.threshold_minutes": "240"})
    assert changes.signals and changes.settings
    assert name == f"{first}-v2" and in_force(school) == name
    after = signals.signals_on(school, ON)
    r16u = "R-16U"
    assert sum(s.rule.value == r16u for s in after) > sum(s.rule.value == r16u for s in before)
    view = policy_settings.policy_view(school)
    changed = next(k for k in view.keys if k.key == "r16u.threshold_minutes")
    assert changed.value == 240 and changed.standard == 960 and changed.differs
    # a second change is version 3; version 2 stays as it was
    name3, _ = policy_settings.save_values(school, name, {"r16u.window_lesweken": "3"})
    assert name3 == f"{first}-v3"
    with school.db.unit_of_work() as session:
        v2 = session.get(PolicyProfileRow, name)
        assert v2 is not None and "window_lesweken = 4" in v2.toml
        audit = session.scalars(
            select(AuditEntry).where(AuditEntry.action == "beleid.opslaan")
        ).all()
        assert len(audit) == 2


def test_every_signal_keeps_the_version_it_was_raised_under(school: Context) -> None:
    first = in_force(school)
    signals.refresh_signals(school, ON)
    name, _ = policy_settings.save_values(school, first, {"r16u.threshold_minutes": "240"})
    signals.refresh_signals(school, ON)
    with school.db.unit_of_work() as session:
        kept = set(session.scalars(select(SignalRow.policy_name)))
    assert first in kept and name in kept
    # and a version raised under is still there to explain it
    with school.db.unit_of_work() as session:
        assert load_policy(session, first) is not None


@pytest.mark.parametrize(
    ("key", "text", "message"),
    [
        ("r16u.threshold_minutes", "zestien", "geen geldige waarde"),
        ("r16u.threshold_minutes", "0", "moet tussen 60 en 6000 liggen"),
        ("ziek.pattern_share", "1,5", "moet tussen 0,1 en 1 liggen"),
        ("te_laat.enabled", "misschien", "ja of nee"),
        ("ziekmelden.mode", "streng", "wettelijk, mbo-utrecht"),
        ("ziekmelden.enter_before", "25:00", "tijd als 08:30"),
    ],
)
def test_a_wrong_value_is_refused_and_nothing_changes(
    school: Context, key: str, text: str, message: str
) -> None:
    first = in_force(school)
    with pytest.raises(ValidationError, match=message) as raised:
        policy_settings.save_values(school, first, {"r16u.window_lesweken": "3", key: text})
    assert raised.value.field == key
    assert in_force(school) == first
    with school.db.unit_of_work() as session:
        assert session.get(PolicyProfileRow, f"{first}-v2") is None


def test_choosing_another_profile_is_audited(school: Context) -> None:
    changes = policy_settings.choose_policy(school, "wettelijk")
    assert changes.signals and in_force(school) == "wettelijk"
    with pytest.raises(Exception, match="bestaat niet"):
        policy_settings.choose_policy(school, "onbekend")


def test_a_mentor_may_not_change_the_policy(school: Context) -> None:
    mentor = Context(school.db, actor=Actor("m", Role.MENTOR), clock=lambda: datetime(2025, 10, 1))
    with pytest.raises(PermissionDenied):
        policy_settings.save_values(mentor, "wettelijk", {"r16u.window_lesweken": "3"})
