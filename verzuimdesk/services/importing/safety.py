"""What keeps an import from losing data: the removal guard, the desk's newer records, the trail.

- Removals are never silent: a file that would remove more than REMOVAL_SHARE of the stored rows
  of its kind stops the import (RemovalsNeedConfirmation) unless the user allowed removals.
- The desk's newer record wins (`keep_desk`): a value the desk recorded (an 18+ student's
  consent choice, a guardian's "post ontvangen") is kept against a differing file value, unless
  the LVS changed its value since the last import and the desk's record is older than that
  import, so the LVS's value is certainly the newer one. Either way the summary names the case.
- Everything an import changes or removes goes into the audit trail with its before value
  (`Trail`), written in one statement at the end, inside the import's transaction.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import Connection, func, insert, select

from verzuimdesk.errors import RemovalsNeedConfirmation
from verzuimdesk.services.audit import to_json
from verzuimdesk.services.context import Context
from verzuimdesk.store.audit import AuditEntry
from verzuimdesk.store.base import table_of

REMOVAL_SHARE = 0.10  # more than this share of a kind of stored rows removed needs a yes
IMPORT_ACTIONS = ("import.generic",)  # the audit actions of a whole import


def check_removals(file: str, removed: int, stored: int, what: str, allowed: bool) -> None:
    """Stops the import when the file removes too much; one removal is always allowed."""
    if allowed or removed <= max(1, int(stored * REMOVAL_SHARE)):
        return
    raise RemovalsNeedConfirmation(file, removed, stored, what)


def last_import_day(connection: Connection) -> date | None:
    table = table_of(AuditEntry)
    at = connection.scalar(select(func.max(table.c.at)).where(table.c.action.in_(IMPORT_ACTIONS)))
    return None if at is None else at.date()


DESK = "balie"  # the desk's record was kept
LVS = "lvs"  # the LVS's value is newer and replaced the desk's record


def keep_desk(
    file_value: Any, current: Any, desk_day: date | None, lvs: Any, last_import: date | None
) -> tuple[Any, date | None, str | None]:
    """The value to store, the desk's day to store with it, and whose record won a conflict.

    `lvs` is what the LVS said at the last import (None: not known), `desk_day` the day the desk
    recorded `current` (None: the value came from the LVS).
    """
    if desk_day is None:
        return file_value, None, None
    if file_value is None or file_value == current:
        # an empty cell says nothing new: the desk's record stands without a conflict
        return current, desk_day, None
    lvs_changed = lvs is not None and file_value != lvs
    if lvs_changed and last_import is not None and desk_day < last_import:
        return file_value, None, LVS
    return current, desk_day, DESK


@dataclass
class Trail:
    """Audit entries of one import, written together at its end."""

    ctx: Context
    rows: list[dict[str, Any]] = field(default_factory=list)

    def add(
        self,
        action: str,
        entity: str,
        entity_id: object,
        before: dict[str, Any] | None,
        after: dict[str, Any] | None,
    ) -> None:
        self.rows.append(
            {
                "at": self.ctx.now(),
                "user": self.ctx.user,
                "action": action,
                "entity": entity,
                "entity_id": None if entity_id is None else str(entity_id),
                "before": to_json(before),
                "after": to_json(after),
            }
        )

    def write(self, connection: Connection) -> None:
        table = table_of(AuditEntry)
        for start in range(0, len(self.rows), 5_000):
            connection.execute(insert(table), self.rows[start : start + 5_000])
        self.rows.clear()
