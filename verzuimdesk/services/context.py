"""What every use case needs: the database, who is working, and the clock."""

from __future__ import annotations

import getpass
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime

from verzuimdesk.domain.roles import Role
from verzuimdesk.services.processes import SAFE, StartMethod
from verzuimdesk.store.database import Database


def os_account() -> str:
    """The operating-system account running the program, from the system itself: on POSIX the
    process's user id (not $USER or $LOGNAME, which anyone can set)."""
    if os.name == "posix":
        import pwd

        try:
            return pwd.getpwuid(os.getuid()).pw_name
        except KeyError:  # a container user without a passwd entry
            return f"uid-{os.getuid()}"
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
    # the default for code that makes a Context without saying who works (tests, scripts): the
    # operating-system account with every right. The GUI and the command line always set the
    # logged-in person (services/people.py, cli/common.py).
    return Actor(name=os_account(), role=Role.BEHEERDER)


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
