"""What every use case needs: the database, who is working, and the clock."""

from __future__ import annotations

import getpass
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime

from verzuimdesk.store.database import Database


def _login_name() -> str:
    try:
        return getpass.getuser()
    except OSError:  # no login name in some service and container setups
        return "onbekend"


@dataclass
class Context:
    db: Database
    user: str = field(default_factory=_login_name)
    # injected so tests and the demo can fix "now"; production uses the wall clock
    clock: Callable[[], datetime] = datetime.now

    def now(self) -> datetime:
        return self.clock().replace(microsecond=0)

    def today(self) -> date:
        return self.clock().date()
