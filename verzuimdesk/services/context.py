"""What every use case needs: the database, who is working, and the clock."""

from __future__ import annotations

import getpass
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime

from verzuimdesk.domain.roles import Role
from verzuimdesk.services.processes import SAFE, StartMethod
from verzuimdesk.store.database import Database


def _login_name() -> str:
    try:
        return getpass.getuser()
    except OSError:  # no login name in some service and container setups
        return "onbekend"


@dataclass(frozen=True)
class Actor:
    """The person working: the name the audit trail records, their role and (mentor) classes."""

    name: str
    role: Role
    person_id: int | None = None
    klassen: frozenset[str] = frozenset()


def _local_actor() -> Actor:
    # until the school has people and logins: the operating-system account, with every right
    return Actor(name=_login_name(), role=Role.BEHEERDER)


@dataclass
class Context:
    db: Database
    actor: Actor = field(default_factory=_local_actor)
    # injected so tests and the demo can fix "now"; production uses the wall clock
    clock: Callable[[], datetime] = datetime.now
    # how helper processes start: the entry point says it (the CLI forks, the GUI spawns)
    helpers: StartMethod = SAFE

    @property
    def user(self) -> str:
        """The name the audit trail and "vastgelegd door" record."""
        return self.actor.name

    def now(self) -> datetime:
        return self.clock().replace(microsecond=0)

    def today(self) -> date:
        return self.clock().date()
