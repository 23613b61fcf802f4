"""The program keeps the stored signals up to date by itself, so the bellijst can show them."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import select

from tests.actors import TESTER
from tests.services.bellijst_school import add_student, make_school, register
from verzuimdesk.services.changes import Changes
from verzuimdesk.services.context import Context
from verzuimdesk.services.signals import open_signals
from verzuimdesk.store.reporting import SignalRow
from verzuimdesk.ui import signal_refresh
from verzuimdesk.ui.bus import AppBus
from verzuimdesk.ui.signal_refresh import SignalRefresher

TODAY = date(2025, 10, 3)


def _rules(ctx: Context) -> list[str]:
    with ctx.db.unit_of_work() as session:
        return [s.rule for s in open_signals(session, TODAY)]


def test_refresh_at_start_stores_and_announces_the_signals(qtbot, db) -> None:  # type: ignore[no-untyped-def]
    ctx = Context(db, actor=TESTER, clock=lambda: datetime(2025, 10, 3, 8, 0))
    make_school(ctx)
    student = add_student(ctx)
    for day in (date(2025, 9, 29), date(2025, 9, 30), date(2025, 10, 1), date(2025, 10, 2)):
        register(ctx, student, day)  # 4 days of 6 × 50 minutes: 20 hours OA
    bus = AppBus()
    refresher = SignalRefresher(ctx, bus)
    with qtbot.waitSignal(bus.changed, timeout=20000) as announced:
        refresher.refresh_now()
    assert isinstance(announced.args[0], Changes) and announced.args[0].signals
    assert _rules(ctx) == ["R-16U"]


def test_changed_registrations_lead_to_another_refresh(qtbot, db, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr("verzuimdesk.ui.signal_refresh.DEBOUNCE_MS", 10)
    ctx = Context(db, actor=TESTER, clock=lambda: datetime(2025, 10, 3, 8, 0))
    make_school(ctx)
    student = add_student(ctx)
    bus = AppBus()
    refresher = SignalRefresher(ctx, bus)
    for day in (date(2025, 9, 29), date(2025, 9, 30), date(2025, 10, 1), date(2025, 10, 2)):
        register(ctx, student, day)
    with qtbot.waitSignal(bus.status_message, timeout=20000):
        bus.announce(Changes(registrations=True, student_ids=frozenset({student})))
    refresher.wait()
    with db.unit_of_work() as session:
        assert session.scalars(select(SignalRow.rule)).all() == ["R-16U"]


def test_a_save_refreshes_only_that_student_and_a_remote_one_nothing(
    qtbot, db, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    ctx = Context(db, actor=TESTER, clock=lambda: datetime(2025, 10, 3, 8, 0))
    make_school(ctx)
    first, second = add_student(ctx), add_student(ctx, achternaam="Smit")
    for day in (date(2025, 9, 29), date(2025, 9, 30), date(2025, 10, 1), date(2025, 10, 2)):
        register(ctx, first, day)
        register(ctx, second, day)
    asked: list[object] = []
    real = signal_refresh.refresh_signals

    def spy(ctx: Context, on: date, policy_name: str | None = None, student_ids=None):  # type: ignore[no-untyped-def]
        asked.append(student_ids)
        return real(ctx, on, policy_name, student_ids)

    monkeypatch.setattr(signal_refresh, "refresh_signals", spy)
    bus = AppBus()
    refresher = SignalRefresher(ctx, bus)
    bus.announce(Changes(registrations=True, student_ids=frozenset({second}), remote=True))
    with qtbot.waitSignal(bus.status_message, timeout=20000):
        bus.announce(Changes(sick_reports=True, student_ids=frozenset({first})))
    refresher.wait()
    assert asked == [frozenset({first})]
    with db.unit_of_work() as session:
        assert session.scalars(select(SignalRow.student_id)).all() == [first]
