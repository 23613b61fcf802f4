"""The change feed between workstations: what one desk saves, the others hear within a second.

A workstation that saved something publishes the `Changes` it announced on its own screens as a
row of `change_feed` (kinds of data and internal student ids only: no names, no values). The
others read the rows after the last one they saw and announce them on their own bus as remote
changes. On PostgreSQL a NOTIFY in the same transaction wakes them at once (LISTEN on a connection
of their own); on SQLite, where all workstations are processes on one machine, they look at the
newest id a few times a second, an index look-up that costs next to nothing.

Ids are handed out in order but, on PostgreSQL, may commit out of order: a reader therefore looks
back `LOOK_BACK` ids each time and skips the ones it has seen.
"""

from __future__ import annotations

import os
import socket
import time
import uuid
from collections.abc import Iterator
from contextlib import suppress
from dataclasses import fields
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import delete, func, select, text
from sqlalchemy.engine import make_url

from verzuimdesk.services.changes import Changes
from verzuimdesk.store.database import Database
from verzuimdesk.store.sync import ChangeRow

CHANNEL = "verzuimdesk_changes"
MAX_IDS = 500  # more students than this: "many", the other screens reload what they show
LOOK_BACK = 64
KEEP = timedelta(days=1)
POLL_SECONDS = 0.25  # SQLite: how often a workstation looks for news

_KINDS = tuple(f.name for f in fields(Changes) if f.name not in ("student_ids", "remote"))


def new_origin() -> str:
    """This running program, as the feed names it (not a person: the feed holds no names)."""
    return f"{socket.gethostname()[:30]}:{os.getpid()}:{uuid.uuid4().hex[:8]}"


def encode(changes: Changes) -> tuple[str, str | None]:
    kinds = ",".join(kind for kind in _KINDS if getattr(changes, kind))
    ids = sorted(changes.student_ids)
    if not ids or len(ids) > MAX_IDS:
        return kinds, None
    return kinds, ",".join(map(str, ids))


def decode(kinds: str, student_ids: str | None) -> Changes:
    named = {kind: True for kind in kinds.split(",") if kind in _KINDS}
    ids = frozenset(int(i) for i in student_ids.split(",")) if student_ids else frozenset()
    return Changes(**named, student_ids=ids, remote=True)


def publish(db: Database, changes: Changes, origin: str, now: datetime | None = None) -> int:
    """One row for the other workstations; returns its id."""
    kinds, ids = encode(changes)
    with db.unit_of_work() as session:
        row = ChangeRow(
            at=(now or datetime.now()).replace(microsecond=0),
            origin=origin,
            kinds=kinds,
            student_ids=ids,
        )
        session.add(row)
        session.flush()
        if not db.is_sqlite:
            # delivered when this transaction commits, never before the row is readable
            session.execute(
                text("SELECT pg_notify(:channel, :id)"), {"channel": CHANNEL, "id": str(row.id)}
            )
        return row.id


def latest_id(db: Database) -> int:
    with db.unit_of_work() as session:
        return int(session.scalar(select(func.max(ChangeRow.id))) or 0)


def prune(db: Database, now: datetime | None = None) -> None:
    """Rows older than a day: every workstation has read them or has restarted since."""
    with db.unit_of_work() as session:
        session.execute(delete(ChangeRow).where(ChangeRow.at < (now or datetime.now()) - KEEP))


class FeedReader:
    """What the other workstations saved since this one last looked. Not thread-safe: one reader
    per thread (the GUI's listener thread)."""

    def __init__(self, db: Database, origin: str) -> None:
        self._db = db
        self._origin = origin
        self._listener: Any = None
        if not db.is_sqlite:
            self._listen()  # before reading where the feed stands: nothing falls in between
        self._last = latest_id(db)  # what was saved before we started, the screens load anyway
        self._seen: set[int] = set()

    @property
    def last_id(self) -> int:
        return self._last

    def read(self) -> list[Changes]:
        """Changes published by other workstations since the last read, oldest first."""
        with self._db.unit_of_work() as session:
            rows = session.execute(
                select(ChangeRow.id, ChangeRow.origin, ChangeRow.kinds, ChangeRow.student_ids)
                .where(ChangeRow.id > self._last - LOOK_BACK)
                .order_by(ChangeRow.id)
            ).all()
        found = []
        for row_id, origin, kinds, ids in rows:
            if row_id in self._seen or row_id <= self._last - LOOK_BACK:
                continue
            self._seen.add(row_id)
            self._last = max(self._last, row_id)
            if origin != self._origin:
                found.append(decode(kinds, ids))
        self._seen = {i for i in self._seen if i > self._last - LOOK_BACK}
        return found

    def wait(self, timeout: float) -> bool:
        """Block up to `timeout` seconds for news; True when there may be some."""
        if self._db.is_sqlite:
            time.sleep(min(timeout, POLL_SECONDS))
            return latest_id(self._db) > self._last
        if self._listener is None or self._listener.closed:
            self._listen()
            return True  # a new connection: what was sent meanwhile is in the table
        return any(True for _ in self._listener.notifies(timeout=timeout, stop_after=1))

    def _listen(self) -> None:
        import psycopg

        url = make_url(self._db.url).set(drivername="postgresql")
        self._listener = psycopg.connect(url.render_as_string(hide_password=False), autocommit=True)
        self._listener.execute(f"LISTEN {CHANNEL}")

    def close(self) -> None:
        if self._listener is not None:
            with suppress(Exception):
                self._listener.close()
            self._listener = None


def follow(db: Database, origin: str, stop: Any, timeout: float = 0.5) -> Iterator[list[Changes]]:
    """Yields each batch of remote changes until `stop()` is true (for tests and tools)."""
    reader = FeedReader(db, origin)
    try:
        while not stop():
            if reader.wait(timeout):
                batch = reader.read()
                if batch:
                    yield batch
    finally:
        reader.close()
