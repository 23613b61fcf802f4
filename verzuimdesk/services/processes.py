"""Starting a helper process for CPU-bound work: the GIL keeps threads on one core."""

from __future__ import annotations

import multiprocessing
import sys
import threading


def start_method() -> str:
    """fork where it is safe, spawn elsewhere.

    fork starts a helper at once, but forking a process that runs other threads can deadlock
    the child on a lock one of them held. `threading` does not count the native threads of a
    Qt application, so a process that has loaded Qt spawns too. spawn imports afresh (about
    1.5 s here) and works everywhere, Windows included.
    """
    if (
        "fork" in multiprocessing.get_all_start_methods()
        and threading.active_count() == 1
        and "PySide6.QtCore" not in sys.modules
    ):
        return "fork"
    return "spawn"
