"""Writing the audit trail inside the caller's unit of work, so it commits or rolls back with it."""

from __future__ import annotations

import json
from datetime import date, datetime, time
from typing import Any

from sqlalchemy.orm import Session

from verzuimdesk.services.context import Context
from verzuimdesk.store.audit import AuditEntry


def _default(value: Any) -> Any:
    if isinstance(value, date | datetime | time):
        return value.isoformat()
    raise TypeError(f"not JSON serialisable: {type(value).__name__}")


def to_json(value: dict[str, Any] | None) -> str | None:
    if value is None:
        return None
    return json.dumps(value, default=_default, ensure_ascii=False, sort_keys=True)


def record(
    session: Session,
    ctx: Context,
    action: str,
    entity: str,
    entity_id: object | None,
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
) -> AuditEntry:
    entry = AuditEntry(
        at=ctx.now(),
        user=ctx.user,
        action=action,
        entity=entity,
        entity_id=None if entity_id is None else str(entity_id),
        before=to_json(before),
        after=to_json(after),
    )
    session.add(entry)
    return entry


def snapshot(row: object, *names: str) -> dict[str, Any]:
    """The named attributes of a row, for before/after values."""
    return {name: getattr(row, name) for name in names}
