"""Long work off the GUI thread: a plain function `fn(progress, cancel)` behind a progress dialog.

`run_with_progress` blocks its caller the way a modal dialog does (a local event loop keeps the
window painting), returns the function's result, and re-raises its error in the GUI thread, so
callers map errors to messages in the usual place. The dialog appears only after 600 ms
(style.md item 4); "Annuleren" makes `cancel()` return True and the function raises Cancelled.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtCore import QEventLoop, QObject, Qt, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from verzuimdesk.services.progress import Cancel, Progress

T = TypeVar("T")
SHOW_AFTER_MS = 600


class _Relay(QObject):
    """Carries progress and the end of the work from the worker thread to the GUI thread."""

    progressed = Signal(int, int, str)
    finished = Signal()


def run_with_progress(
    parent: QWidget | None,
    title: str,
    fn: Callable[[Progress, Cancel], T],
    *,
    cancellable: bool = True,
) -> T:
    cancelled = threading.Event()
    outcome: dict[str, Any] = {}
    relay = _Relay()

    dialog = QProgressDialog(title, "Annuleren" if cancellable else "", 0, 0, parent)
    dialog.setWindowTitle(title)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(SHOW_AFTER_MS)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    if not cancellable:
        dialog.setCancelButton(None)
    dialog.canceled.connect(cancelled.set)

    def on_progress(done: int, total: int, what: str) -> None:
        dialog.setMaximum(max(total, 0))
        dialog.setValue(min(done, total) if total else 0)
        if what:
            dialog.setLabelText(what)

    relay.progressed.connect(on_progress)
    loop = QEventLoop()
    relay.finished.connect(loop.quit, Qt.ConnectionType.QueuedConnection)

    def work() -> None:
        try:
            outcome["result"] = fn(
                lambda done, total, what: relay.progressed.emit(done, total, what),
                cancelled.is_set,
            )
        except BaseException as exc:  # re-raised in the GUI thread below
            outcome["error"] = exc
        finally:
            relay.finished.emit()

    thread = threading.Thread(target=work, name=f"verzuimdesk: {title}", daemon=True)
    dialog.setValue(0)
    thread.start()
    loop.exec()
    thread.join()
    dialog.close()
    dialog.deleteLater()
    if "error" in outcome:
        raise outcome["error"]
    return outcome["result"]


SAVING = "Bezig met opslaan…"


def while_saving(parent: QWidget | None, fn: Callable[[], T]) -> T:
    """A desk's save, off the GUI thread: usually done in milliseconds and nothing shows; when the
    database is busy (on SQLite an import holds the one write lock until it commits) the save
    waits for it behind a visible "Bezig met opslaan…" instead of a frozen window, and nothing
    is lost. Errors are raised here, in the GUI thread, as if `fn` ran here."""
    return run_with_progress(parent, SAVING, lambda _progress, _cancel: fn(), cancellable=False)


class _Outcome(QObject):
    succeeded = Signal(object)
    failed = Signal(object)


class BackgroundTask(QObject):
    """Work the user need not wait for: runs `fn()` in a thread, reports back in the GUI thread.

    One run at a time; `start` while a run is under way returns False.
    """

    succeeded = Signal(object)  # fn's result
    failed = Signal(object)  # the exception

    def __init__(self, name: str, fn: Callable[[], Any], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._name = name
        self._fn = fn
        self._thread: threading.Thread | None = None
        self._outcome = _Outcome(self)
        self._outcome.succeeded.connect(self._done_ok, Qt.ConnectionType.QueuedConnection)
        self._outcome.failed.connect(self._done_error, Qt.ConnectionType.QueuedConnection)

    @property
    def running(self) -> bool:
        return self._thread is not None

    def start(self) -> bool:
        if self._thread is not None:
            return False

        def work() -> None:
            try:
                result = self._fn()
            except Exception as exc:  # handed to the GUI thread, which decides what to say
                self._outcome.failed.emit(exc)
            else:
                self._outcome.succeeded.emit(result)

        self._thread = threading.Thread(target=work, name=f"verzuimdesk: {self._name}", daemon=True)
        self._thread.start()
        return True

    def wait(self) -> None:
        if self._thread is not None:
            self._thread.join()

    def _finish(self) -> None:
        if self._thread is not None:
            self._thread.join()
            self._thread = None

    def _done_ok(self, result: object) -> None:
        self._finish()
        self.succeeded.emit(result)

    def _done_error(self, exc: object) -> None:
        self._finish()
        self.failed.emit(exc)
