"""A desk's save refreshes only its student's signals; the day's whole-school run is done once
for all workstations (issue 13, part 4)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import select

from tests.actors import TESTER
from tests.services.test_signals import MON, ON, make_school, register, stored
from verzuimdesk.services import school_runs
from verzuimdesk.services.context import Context
from verzuimdesk.services.signals import refresh_signals
from verzuimdesk.store.registrations import Registration
from verzuimdesk.store.reporting import SignalRow
from verzuimdesk.store.sync import RunClaim

FOUR_DAYS = [MON, date(2025, 9, 2), date(2025, 9, 3), date(2025, 9, 4)]


def test_one_students_refresh_leaves_the_others_alone(any_ctx: Context) -> None:
    ids = make_school(any_ctx)
    register(any_ctx, ids["A1"], FOUR_DAYS)
    register(any_ctx, ids["B2"], FOUR_DAYS)
    changes = refresh_signals(any_ctx, ON, student_ids={ids["A1"]})
    assert changes.signals and changes.student_ids == {ids["A1"]}
    with any_ctx.db.unit_of_work() as session:
        assert session.scalars(select(SignalRow.student_id)).all() == [ids["A1"]]
    # A1's absence is corrected: its signal lapses; B2 (not asked about) is not touched
    with any_ctx.db.unit_of_work() as session:
        for row in session.scalars(
            select(Registration).where(Registration.student_id == ids["A1"])
        ):
            row.code = "Z"
    refresh_signals(any_ctx, ON, student_ids={ids["B2"]})
    refresh_signals(any_ctx, ON, student_ids={ids["A1"]})
    with any_ctx.db.unit_of_work() as session:
        rows = session.execute(select(SignalRow.student_id, SignalRow.status)).all()
    assert sorted(rows) == sorted([(ids["A1"], "vervallen"), (ids["B2"], "open")])


def test_per_student_and_whole_school_agree(any_ctx: Context) -> None:
    ids = make_school(any_ctx)
    register(any_ctx, ids["A1"], FOUR_DAYS)
    register(any_ctx, ids["C3"], FOUR_DAYS[:2])
    for sid in ids.values():
        refresh_signals(any_ctx, ON, student_ids={sid})
    per_student = stored(any_ctx)
    assert refresh_signals(any_ctx, ON).signals is False  # nothing the per-student runs missed
    assert stored(any_ctx) == per_student


def test_the_days_run_is_done_by_one_workstation(any_ctx: Context) -> None:
    ids = make_school(any_ctx)
    register(any_ctx, ids["A1"], FOUR_DAYS)
    other_desk = Context(any_ctx.db, actor=TESTER, clock=any_ctx.clock)
    assert school_runs.refresh_school_once(any_ctx, ON).signals
    assert not school_runs.refresh_school_once(other_desk, ON).anything  # skipped: done today
    with any_ctx.db.unit_of_work() as session:
        (claim,) = session.scalars(select(RunClaim))
        assert claim.key == "signalen:2025-09-30" and claim.finished_at is not None


def test_a_run_left_unfinished_is_taken_over_after_a_while(any_ctx: Context) -> None:
    make_school(any_ctx)
    key = school_runs.day_key(ON)
    assert school_runs.claim(any_ctx, key)  # … and this workstation crashes
    assert not school_runs.claim(any_ctx, key)  # another one, right away: it may still be running
    later = any_ctx.now() + school_runs.STALE_AFTER + timedelta(minutes=1)
    restarted = Context(any_ctx.db, actor=TESTER, clock=lambda: later)
    assert school_runs.claim(restarted, key)
    with any_ctx.db.unit_of_work() as session:
        assert session.scalars(select(RunClaim.attempts)).one() == 2


def test_a_failed_run_releases_its_claim(any_ctx: Context, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    make_school(any_ctx)

    def broken(*_args: object, **_kwargs: object) -> None:
        raise RuntimeError("verbinding weg")

    monkeypatch.setattr(school_runs, "refresh_signals", broken)
    with pytest.raises(RuntimeError):
        school_runs.refresh_school_once(any_ctx, ON)
    with any_ctx.db.unit_of_work() as session:
        assert session.scalars(select(RunClaim)).all() == []
