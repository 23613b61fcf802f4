"""A whole-school signal run split over processes gives exactly the one-process answer."""

from __future__ import annotations

from datetime import date

import pytest

from verzuimdesk.demo import build_demo_school
from verzuimdesk.services import signal_runs
from verzuimdesk.services.context import Context
from verzuimdesk.services.signals import signals_on

ON = date(2026, 3, 20)


@pytest.fixture
def demo_ctx(ctx: Context) -> Context:
    build_demo_school(ctx, students=300, seed=4, until=ON)
    return ctx


def test_ranges_cover_every_student_once() -> None:
    ids = list(range(10, 110))
    ranges = signal_runs._ranges(ids, 3, own_share=0.5)
    assert ranges[0] == (10, 59)
    covered = [i for lo, hi in ranges for i in ids if lo <= i <= hi]
    assert covered == ids


@pytest.mark.parametrize("method", ["fork", "spawn"])
def test_split_run_equals_one_process(
    demo_ctx: Context, monkeypatch: pytest.MonkeyPatch, method: str
) -> None:
    alone = signals_on(demo_ctx, ON)
    assert alone, "the demo school should give signals to compare"
    monkeypatch.setattr(signal_runs, "PARALLEL_FROM_STUDENTS", 1)
    monkeypatch.setattr(demo_ctx, "helpers", method)
    monkeypatch.setattr(signal_runs.os, "cpu_count", lambda: 2)
    assert signals_on(demo_ctx, ON) == alone
