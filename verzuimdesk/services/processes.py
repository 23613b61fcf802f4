"""Starting a helper process for CPU-bound work: the GIL keeps threads on one core.

How a helper starts is the caller's choice, carried by `Context.helpers`: only the program's
entry point knows whether other threads run (the GUI has Qt's native threads that `threading`
does not count; the command line has none).
"""

from __future__ import annotations

import multiprocessing
from multiprocessing.context import ForkContext, SpawnContext
from typing import Literal

# fork starts a helper at once, but forking a process that runs other threads can deadlock the
# child on a lock one of them held. spawn imports afresh (about 1.5 s here) and works
# everywhere, Windows included.
StartMethod = Literal["fork", "spawn"]

SAFE: StartMethod = "spawn"


def fork_if_available() -> StartMethod:
    """fork where the platform has it: for a caller that runs no other threads (the CLI)."""
    return "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"


def context_for(method: StartMethod) -> ForkContext | SpawnContext:
    """The multiprocessing context that starts helpers `method`."""
    if method == "fork":
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context("spawn")
