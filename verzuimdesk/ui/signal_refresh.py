"""Keeping the stored signals up to date while the program runs.

The bellijst and the dossier read the signals the engine stored (services.signals). They are
brought up to date in the background, one run at a time:

- for the students a change on this workstation was about (a registration, sick report, leave
  card, melding, student): only theirs, a fraction of a second after the change;
- for the whole school at start (once a day for all workstations: services.school_runs) and a few
  seconds after an import or a policy change made here;
- never for a change heard from another workstation: that one refreshed its students itself.

A run that loses a write race with another workstation is simply tried again at the next
occasion.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, QTimer

from verzuimdesk.services.changes import Changes
from verzuimdesk.services.context import Context
from verzuimdesk.services.school_runs import refresh_school_once
from verzuimdesk.services.signals import refresh_signals
from verzuimdesk.ui.bus import AppBus
from verzuimdesk.ui.worker import BackgroundTask

log = logging.getLogger("verzuimdesk.signals")

# an import or a policy change arrives as a burst of changes: wait for the burst to end
DEBOUNCE_MS = 3000
# a desk's save: gather what is saved in the same moment (a beter-melding and its registrations)
STUDENT_DEBOUNCE_MS = 150
# more students than this in one go: the whole school is as quick
MAX_STUDENTS = 500


class SignalRefresher(QObject):
    def __init__(self, ctx: Context, bus: AppBus, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._bus = bus
        self._again = False
        self._whole_school = False  # a whole-school run is due
        self._first = True  # the run at start: once a day for all workstations
        self._students: set[int] = set()
        self._job: tuple[bool, bool, frozenset[int]] = (False, False, frozenset())
        self._task = BackgroundTask("signalen bijwerken", self._run, self)
        self._task.succeeded.connect(self._finished)
        self._task.failed.connect(self._failed)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self._start)
        self._student_timer = QTimer(self)
        self._student_timer.setSingleShot(True)
        self._student_timer.setInterval(STUDENT_DEBOUNCE_MS)
        self._student_timer.timeout.connect(self._start)
        bus.changed.connect(self._on_changed)

    def refresh_now(self) -> None:
        """The whole school (at start: unless another workstation did today's run already)."""
        self._whole_school = True
        self._start()

    def wait(self) -> None:
        self._task.wait()

    def _start(self) -> None:
        if self._task.running:
            self._again = True  # data changed during the run: once more afterwards
            return
        # taken in the GUI thread, where changes arrive; what arrives meanwhile waits its turn
        self._job = (self._whole_school, self._first, frozenset(self._students))
        self._whole_school, self._students = False, set()
        if self._job[0]:
            self._first = False
        self._task.start()

    def _run(self) -> Changes:
        whole, first, students = self._job
        today = self._ctx.today()
        if whole and first:
            return refresh_school_once(self._ctx, today)
        if whole or len(students) > MAX_STUDENTS:
            return refresh_signals(self._ctx, today)
        if students:
            return refresh_signals(self._ctx, today, student_ids=students)
        return Changes()

    def _on_changed(self, changes: Changes) -> None:
        if changes.remote:
            return  # the workstation that saved it has refreshed those signals
        feeds_signals = (
            changes.registrations
            or changes.reports
            or changes.students
            or changes.sick_reports
            or changes.leave_cards
        )
        if changes.settings or (feeds_signals and not changes.student_ids):
            # an import, a policy change, a restore: every student may be affected
            self._whole_school = True
            self._timer.start()
        elif feeds_signals:
            self._students |= changes.student_ids
            self._student_timer.start()

    def _finished(self, changes: object) -> None:
        assert isinstance(changes, Changes)
        if changes.anything:
            self._bus.announce(changes)
        self._bus.status_message.emit("Signalen bijgewerkt.")
        self._follow_up()

    def _failed(self, exc: object) -> None:
        log.warning("signalen bijwerken mislukt; volgende keer opnieuw: %s", type(exc).__name__)
        self._students |= self._job[2]  # those students' signals are still to be refreshed
        self._follow_up()

    def _follow_up(self) -> None:
        if self._again or self._whole_school or self._students:
            self._again = False
            if self._whole_school:
                self._timer.start()
            else:
                self._student_timer.start()
