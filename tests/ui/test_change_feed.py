"""Two workstations on one database: what one saves appears on the other (issue 13, part 4)."""

from __future__ import annotations

from pathlib import Path

import pytest

from verzuimdesk.services.changes import Changes
from verzuimdesk.store.database import open_database
from verzuimdesk.ui.bus import AppBus
from verzuimdesk.ui.change_feed import ChangeFeed

pytestmark = pytest.mark.gui


def test_a_save_at_one_desk_is_announced_at_the_other(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "gedeeld.sqlite"
    first, second = open_database(path), open_database(path)
    bus_a, bus_b = AppBus(), AppBus()
    feed_a, feed_b = ChangeFeed(first, bus_a), ChangeFeed(second, bus_b)
    heard_a: list[Changes] = []
    bus_a.changed.connect(heard_a.append)
    try:
        feed_a.start()
        feed_b.start()
        assert feed_a.wait_ready() and feed_b.wait_ready()
        saved = Changes(sick_reports=True, registrations=True, student_ids=frozenset({12}))
        with qtbot.waitSignal(bus_b.changed, timeout=2000) as heard:
            bus_a.announce(saved)
        assert heard.args[0] == Changes(
            sick_reports=True, registrations=True, student_ids=frozenset({12}), remote=True
        )
        qtbot.wait(600)  # desk A does not hear its own save back, desk B does not echo it
        assert heard_a == [saved]
    finally:
        feed_a.stop()
        feed_b.stop()
        first.dispose()
        second.dispose()
