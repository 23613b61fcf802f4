"""Writing the audit trail inside the caller's unit of work, so it commits or rolls back with it.

Every change is recorded with who (the logged-in person), when, and the values before and after;
so is every look at a dossier's notes or gesprekken and every export or print of personal data
(AVG: who looked at what). The rows cannot be changed or removed afterwards (database triggers).
"""

from __future__ import annotations

import json
from datetime import date, datetime, time, timedelta
from typing import Any

from sqlalchemy import select
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
    *,
    student_id: int | None = None,
) -> AuditEntry:
    """One row of the trail. The student it is about is `student_id`, else the entity itself when
    that is a student, else a `student_id` in the values (so the Logboek can filter on it)."""
    entry = AuditEntry(
        at=ctx.now(),
        user=ctx.user,
        person_id=ctx.actor.person_id,
        student_id=_student_of(entity, entity_id, before, after, student_id),
        action=action,
        entity=entity,
        entity_id=None if entity_id is None else str(entity_id),
        before=to_json(before),
        after=to_json(after),
    )
    session.add(entry)
    return entry


def _student_of(
    entity: str,
    entity_id: object | None,
    before: dict[str, Any] | None,
    after: dict[str, Any] | None,
    student_id: int | None,
) -> int | None:
    if student_id is not None:
        return student_id
    if entity == "student" and entity_id is not None:
        try:
            return int(str(entity_id))
        except ValueError:
            return None
    for values in (after, before):
        found = (values or {}).get("student_id")
        if isinstance(found, int):
            return found
    return None


# a page that reloads while the person keeps looking is one look, not a row per refresh
READ_AGAIN_AFTER = timedelta(minutes=10)


def record_read(session: Session, ctx: Context, what: str, student_id: int) -> None:
    """Log that the working person looked at `what` ("notities en gesprekken", …) of a student;
    once per person, student and kind of look within READ_AGAIN_AFTER."""
    action = f"gelezen: {what}"
    since = ctx.now() - READ_AGAIN_AFTER
    recent = session.scalar(
        select(AuditEntry.id)
        .where(
            AuditEntry.student_id == student_id,
            AuditEntry.action == action,
            AuditEntry.user == ctx.user,
            AuditEntry.at >= since,
        )
        .limit(1)
    )
    if recent is None:
        record(session, ctx, action, "student", student_id)


def record_output(
    session: Session,
    ctx: Context,
    action: str,
    what: str,
    details: dict[str, Any],
    *,
    student_id: int | None = None,
) -> None:
    """Log an export or print of personal data: what went out, where, how many rows."""
    record(session, ctx, action, what, None, None, details, student_id=student_id)


def record_output_now(
    ctx: Context, action: str, what: str, details: dict[str, Any], *, student_id: int | None = None
) -> None:
    """`record_output` in a unit of work of its own (for exports that only read)."""
    with ctx.db.unit_of_work() as session:
        record_output(session, ctx, action, what, details, student_id=student_id)


def snapshot(row: object, *names: str) -> dict[str, Any]:
    """The named attributes of a row, for before/after values."""
    return {name: getattr(row, name) for name in names}
