"""The change feed: what one workstation saves, another hears (issue 13, part 4)."""

from __future__ import annotations

import time
from concurrent.futures import ProcessPoolExecutor
from datetime import datetime, timedelta

from sqlalchemy import func, select

from verzuimdesk.services import change_feed
from verzuimdesk.services.changes import Changes
from verzuimdesk.services.processes import SAFE, context_for
from verzuimdesk.store.database import Database, open_database
from verzuimdesk.store.sync import ChangeRow


def test_kinds_and_students_travel_but_nothing_else() -> None:
    sent = Changes(sick_reports=True, registrations=True, student_ids=frozenset({3, 41}))
    kinds, ids = change_feed.encode(sent)
    assert (kinds, ids) == ("registrations,sick_reports", "3,41")
    assert change_feed.decode(kinds, ids) == Changes(
        sick_reports=True, registrations=True, student_ids=frozenset({3, 41}), remote=True
    )
    many = Changes(registrations=True, student_ids=frozenset(range(change_feed.MAX_IDS + 1)))
    assert change_feed.encode(many) == ("registrations", None)  # "many": screens reload


def test_a_desk_hears_the_others_not_itself(any_db: Database) -> None:
    here = change_feed.FeedReader(any_db, "werkplek-1")
    change_feed.publish(any_db, Changes(leave_cards=True, student_ids=frozenset({7})), "werkplek-2")
    change_feed.publish(any_db, Changes(calls=True), "werkplek-1")
    assert here.wait(2.0)
    assert here.read() == [Changes(leave_cards=True, student_ids=frozenset({7}), remote=True)]
    assert here.read() == []  # read once
    here.close()


def test_rows_older_than_a_day_are_pruned(any_db: Database) -> None:
    change_feed.publish(any_db, Changes(calls=True), "a", now=datetime.now() - timedelta(days=2))
    change_feed.publish(any_db, Changes(calls=True), "a")
    change_feed.prune(any_db)
    with any_db.unit_of_work() as session:
        assert session.scalar(select(func.count()).select_from(ChangeRow)) == 1


def _publish_after(url: str, delay: float) -> float:
    database = open_database(url, upgrade=False)
    try:
        time.sleep(delay)
        sent = time.monotonic()
        change_feed.publish(database, Changes(sick_reports=True, student_ids=frozenset({5})), "b")
        return sent
    finally:
        database.dispose()


def test_another_process_hears_a_save_within_two_seconds(any_db: Database) -> None:
    reader = change_feed.FeedReader(any_db, "a")
    context = context_for(SAFE)
    with ProcessPoolExecutor(1, mp_context=context) as pool:
        future = pool.submit(_publish_after, any_db.url, 1.0)
        heard: list[Changes] = []
        deadline = time.monotonic() + 60
        while not heard and time.monotonic() < deadline:
            if reader.wait(0.5):
                heard = reader.read()
        arrived = time.monotonic()
        sent = future.result()  # monotonic clocks are one per machine on Linux
    reader.close()
    assert heard == [Changes(sick_reports=True, student_ids=frozenset({5}), remote=True)]
    assert arrived - sent < 2.0
