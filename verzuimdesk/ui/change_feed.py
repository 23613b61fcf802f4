"""The GUI's end of the change feed: publish what this workstation saved, announce what others did.

One daemon thread does all feed work, so the GUI thread never waits on the database for it (on
SQLite a publish may wait for an import's write lock): it writes the local changes queued from the
bus, and between writes it waits for news (LISTEN on PostgreSQL, a cheap look every 0.25 s on
SQLite). News reaches the GUI thread as a queued Qt signal and is announced on the bus with
`remote=True`, so the pages reload and nothing is published twice.
"""

from __future__ import annotations

import logging
import queue
import threading

from PySide6.QtCore import QObject, Signal

from verzuimdesk.services import change_feed
from verzuimdesk.services.changes import Changes
from verzuimdesk.store.database import Database
from verzuimdesk.ui.bus import AppBus

log = logging.getLogger("verzuimdesk.feed")

RETRY_SECONDS = 5.0  # after a lost connection
PRUNE_EVERY_SECONDS = 3600.0


class ChangeFeed(QObject):
    arrived = Signal(object)  # Changes, from the feed thread to the GUI thread

    def __init__(self, db: Database, bus: AppBus, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self._bus = bus
        self.origin = change_feed.new_origin()
        self._outgoing: queue.Queue[Changes] = queue.Queue()
        self._stop = threading.Event()
        self._ready = threading.Event()
        self.arrived.connect(bus.announce)
        bus.changed.connect(self._on_local_change)
        self._thread = threading.Thread(
            target=self._loop, name="verzuimdesk: wijzigingen", daemon=True
        )

    def start(self) -> None:
        self._thread.start()

    def wait_ready(self, timeout: float = 10.0) -> bool:
        """For tests: the thread has read where the feed stands."""
        return self._ready.wait(timeout)

    def stop(self) -> None:
        self._stop.set()
        if self._thread.is_alive():
            self._thread.join(timeout=5)

    def _on_local_change(self, changes: object) -> None:
        if isinstance(changes, Changes) and not changes.remote and changes.anything:
            self._outgoing.put(changes)

    def _loop(self) -> None:
        reader: change_feed.FeedReader | None = None
        pruned = 0.0
        while not self._stop.is_set():
            try:
                if reader is None:
                    reader = change_feed.FeedReader(self._db, self.origin)
                    self._ready.set()
                self._publish_queued()
                if reader.wait(0.25):
                    for changes in reader.read():
                        self.arrived.emit(changes)
                if pruned == 0.0 or _clock() - pruned > PRUNE_EVERY_SECONDS:
                    change_feed.prune(self._db)
                    pruned = _clock()
            except Exception as exc:  # a lost server connection: try again in a while
                log.warning(
                    "wijzigingen van andere werkplekken: %s; opnieuw over %.0f s",
                    type(exc).__name__,
                    RETRY_SECONDS,
                )
                if reader is not None:
                    reader.close()
                reader = None
                self._stop.wait(RETRY_SECONDS)
        if reader is not None:
            reader.close()
        self._publish_queued()  # what was saved just before closing still reaches the others

    def _publish_queued(self) -> None:
        while True:
            try:
                changes = self._outgoing.get_nowait()
            except queue.Empty:
                return
            try:
                change_feed.publish(self._db, changes, self.origin)
            except Exception:
                self._outgoing.put(changes)  # kept for the next try
                raise


def _clock() -> float:
    import time

    return time.monotonic()
