"""Keeping the stored signals up to date while the program runs.

The bellijst and the dossier read the signals the engine stored (services.signals). They are
brought up to date in the background: at start, and a few seconds after registrations, reports
or students changed, one run at a time. A run that loses a write race with another workstation
or screen is simply tried again at the next occasion.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, QTimer

from verzuimdesk.services.changes import Changes
from verzuimdesk.services.context import Context
from verzuimdesk.services.signals import refresh_signals
from verzuimdesk.ui.bus import AppBus
from verzuimdesk.ui.worker import BackgroundTask

log = logging.getLogger("verzuimdesk.signals")

# changes arrive in bursts (an import, a day of sick reports): wait for the burst to end
DEBOUNCE_MS = 3000


class SignalRefresher(QObject):
    def __init__(self, ctx: Context, bus: AppBus, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._bus = bus
        self._again = False
        self._task = BackgroundTask("signalen bijwerken", self._run, self)
        self._task.succeeded.connect(self._finished)
        self._task.failed.connect(self._failed)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self.refresh_now)
        bus.changed.connect(self._on_changed)

    def refresh_now(self) -> None:
        if not self._task.start():
            self._again = True  # data changed during the run: once more afterwards

    def wait(self) -> None:
        self._task.wait()

    def _run(self) -> Changes:
        return refresh_signals(self._ctx, self._ctx.today())

    def _on_changed(self, changes: Changes) -> None:
        if changes.registrations or changes.reports or changes.students or changes.settings:
            self._timer.start()

    def _finished(self, changes: object) -> None:
        assert isinstance(changes, Changes)
        self._bus.announce(changes)
        self._bus.status_message.emit("Signalen bijgewerkt.")
        self._follow_up()

    def _failed(self, exc: object) -> None:
        log.warning("signalen bijwerken mislukt; volgende keer opnieuw: %s", exc)
        self._follow_up()

    def _follow_up(self) -> None:
        if self._again:
            self._again = False
            self._timer.start()
