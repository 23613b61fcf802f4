"""absenties.csv as a stream of checked chunks, read in a helper process when the file is large.

Reading and checking a million rows takes about as long as storing them, and both are
CPU-bound Python, so one process would do them one after the other on one core. For a large
file a helper process reads and checks while this process stores what has been read: each core
does half. All or nothing still holds: the rows are stored inside the import's one transaction,
which a problem found later rolls back. A small file is read here: starting a helper would cost
more than it saves.
"""

from __future__ import annotations

import ctypes
import multiprocessing
import os
import pickle
import queue
import signal
import sys
import threading
import time
import traceback
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from multiprocessing.connection import Connection as Pipe
from pathlib import Path
from types import TracebackType
from typing import Any

from sqlalchemy.engine import make_url

from verzuimdesk.domain.codes import RegistrationCode
from verzuimdesk.errors import RowProblem
from verzuimdesk.services.gc_pause import gc_paused
from verzuimdesk.services.importing.columns import ABSENTIES
from verzuimdesk.services.importing.csv_reader import open_table
from verzuimdesk.services.importing.registrations import read_registrations
from verzuimdesk.services.processes import StartMethod, context_for

HELPER_FROM_BYTES = 10_000_000  # about 120,000 rows


@dataclass
class Opened:
    """The file's header has been read (or could not be: then it is unreadable)."""

    unreadable: bool
    unknown_columns: list[str]
    lines: int  # physical lines, for progress
    problems: list[RowProblem] = field(default_factory=list)


@dataclass
class Chunk:
    values: list[Any]  # the good rows of these lines, flat (see `read_registrations`)
    problems: list[RowProblem]  # the bad rows of these lines
    line: int  # the last line read


@dataclass
class _Failed:
    """The helper's own crash (a bug, not bad input), with its traceback."""

    details: str


_DONE = "done"  # the helper's last message: anything before it that ends the pipe is a crash


Message = Opened | Chunk


def read_chunks(
    path: Path, known: set[str], codes: Mapping[str, RegistrationCode], driver: str
) -> Iterator[Message]:
    """Opened first, then Chunks; the same here and in the helper."""
    table, problems = open_table(path, ABSENTIES.name, ABSENTIES.names, ABSENTIES.required)
    if table is None:
        yield Opened(True, [], 0, problems)
        return
    yield Opened(False, table.unknown, table.line_count)
    dialect = make_url(f"{driver}://").get_dialect()()
    found: list[RowProblem] = []
    line = 1
    for values, line in read_registrations(table, known, codes, dialect, found):
        # rows of the wrong width are reported by the table itself
        found += table.problems
        table.problems.clear()
        yield Chunk(values, found.copy(), line)
        found.clear()
    if found:
        yield Chunk([], found, line)


def _end_with_parent(parent: int) -> None:
    """The helper ends when the import's process does, even when that is killed (kill -9).

    On Linux the kernel sends the helper SIGKILL when its parent dies; everywhere a thread
    also watches the parent, so no helper is left reading (and holding files open) on its own.
    """
    if sys.platform.startswith("linux"):
        try:
            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
        except (OSError, AttributeError):
            pass
    if os.getppid() != parent:  # the parent died before the line above took effect
        os._exit(1)

    def watch() -> None:
        while True:
            time.sleep(0.5)
            if not _alive(parent):
                os._exit(1)

    threading.Thread(target=watch, name="parent watch", daemon=True).start()


_PR_SET_PDEATHSIG = 1


def _alive(parent: int) -> bool:
    if sys.platform == "win32":
        return _windows_alive(parent)
    return os.getppid() == parent


def _windows_alive(pid: int) -> bool:
    """Windows: whether the process still runs, asked through the kernel's process handle."""
    kernel = ctypes.windll.kernel32  # type: ignore[attr-defined]
    handle = kernel.OpenProcess(0x1000 | 0x00100000, False, pid)  # query + synchronize
    if not handle:
        return False
    try:
        return bool(kernel.WaitForSingleObject(handle, 0) == 0x102)  # WAIT_TIMEOUT: running
    finally:
        kernel.CloseHandle(handle)


def _helper(
    sender: Pipe,
    path: Path,
    known: set[str],
    codes: Mapping[str, RegistrationCode],
    driver: str,
    parent: int,
) -> None:
    _end_with_parent(parent)
    try:
        with gc_paused():
            for message in read_chunks(path, known, codes, driver):
                sender.send(message)
        sender.send(_DONE)
    except Exception:
        sender.send(_Failed(traceback.format_exc()))
    finally:
        sender.close()


def _take(receiver: Pipe, received: queue.SimpleQueue[bytes | None]) -> None:
    """Each message as the pickled bytes it came as; None when the pipe ends."""
    try:
        while True:
            received.put(receiver.recv_bytes())
    except (EOFError, OSError):
        received.put(None)


class RegistrationSource:
    """Iterate once for the messages; use as a context manager so a helper always ends."""

    def __init__(
        self,
        path: Path,
        known: set[str],
        codes: Mapping[str, RegistrationCode],
        driver: str,
        helpers: StartMethod,
    ) -> None:
        self._args = (path, known, codes, driver)
        self._process: multiprocessing.process.BaseProcess | None = None
        self._receiver: Pipe | None = None
        self._taker: threading.Thread | None = None
        if path.stat().st_size >= HELPER_FROM_BYTES:
            context = context_for(helpers)
            self._receiver, sender = context.Pipe(duplex=False)
            self._process = context.Process(
                target=_helper,
                args=(sender, *self._args, os.getpid()),
                name="absenties.csv",
                daemon=True,
            )
            self._process.start()
            sender.close()  # so a helper that dies is seen as the end of the pipe

    def __iter__(self) -> Iterator[Message]:
        if self._receiver is None:
            yield from read_chunks(*self._args)
            return
        # a thread takes the helper's messages off the pipe as they come, so the helper never
        # waits for this process (which may be busy reading the table before its first write)
        received: queue.SimpleQueue[bytes | None] = queue.SimpleQueue()
        self._taker = threading.Thread(target=_take, args=(self._receiver, received), daemon=True)
        self._taker.start()
        while (data := received.get()) is not None:
            message = pickle.loads(data)
            if message == _DONE:
                return
            if isinstance(message, _Failed):
                raise RuntimeError(f"The helper reading absenties.csv failed:\n{message.details}")
            yield message
        raise RuntimeError("The helper reading absenties.csv ended early.")

    def __enter__(self) -> RegistrationSource:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        """Stops a helper that is still reading (after a problem elsewhere, or a cancel)."""
        if self._process is not None:
            if self._process.is_alive():
                self._process.terminate()
            self._process.join()
            self._process = None
        # the helper's end of the pipe is closed now, so the taker sees the end and stops (the
        # timeout only guards against a process forked meanwhile that still holds that end)
        if self._taker is not None:
            self._taker.join(timeout=5)
            self._taker = None
        if self._receiver is not None:
            self._receiver.close()
            self._receiver = None
