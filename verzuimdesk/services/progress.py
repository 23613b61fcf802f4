"""Long work as plain functions with progress and cancel callables (run in a worker by ui/)."""

from __future__ import annotations

from collections.abc import Callable

from verzuimdesk.errors import VerzuimdeskError

# progress(done, total, what): total 0 means "unknown"
Progress = Callable[[int, int, str], None]
# cancel() -> True when the user asked to stop
Cancel = Callable[[], bool]


class Cancelled(VerzuimdeskError):
    def __init__(self) -> None:
        super().__init__("Afgebroken op verzoek; er is niets opgeslagen.")


def no_progress(_done: int, _total: int, _what: str) -> None:
    return None


def never_cancel() -> bool:
    return False


def check(cancel: Cancel) -> None:
    if cancel():
        raise Cancelled()
