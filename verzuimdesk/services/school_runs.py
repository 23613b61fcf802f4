"""Whole-school jobs that one workstation does for all of them (the day's signal run).

Every copy of the program refreshes the stored signals of the whole school when it starts, because
a new day can raise new signals. With five desks starting at 8 o'clock that was five identical
runs of several seconds each on one server. Now the first copy claims the day's run in the
database (a row with a unique key; a second insert of the same key fails there, on SQLite and
PostgreSQL alike) and the others skip it. A claim whose run never finished (the program was
closed or crashed during it) may be taken over after `STALE_AFTER`.

After an import or a policy change the workstation that made it runs the whole school itself; the
others hear of the change through the change feed and only reload their screens.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from sqlalchemy import delete, select
from sqlalchemy.exc import IntegrityError

from verzuimdesk.services.changes import Changes
from verzuimdesk.services.context import Context
from verzuimdesk.services.signals import refresh_signals
from verzuimdesk.store.sync import RunClaim

STALE_AFTER = timedelta(minutes=20)


def day_key(on: date) -> str:
    return f"signalen:{on.isoformat()}"


def claim(ctx: Context, key: str) -> bool:
    """Take on the job named `key`; False when another workstation has it or has done it."""
    now = ctx.now()
    try:
        with ctx.db.unit_of_work() as session:
            session.add(RunClaim(key=key, claimed_at=now, claimed_by=ctx.user[:100], attempts=1))
    except IntegrityError:
        pass  # claimed before: by whom, and is that run still alive?
    else:
        return True
    with ctx.db.unit_of_work() as session:
        row = session.scalars(
            select(RunClaim).where(RunClaim.key == key).with_for_update()
        ).one_or_none()
        if row is None:  # released meanwhile after a failure: try again next time
            return False
        if row.finished_at is not None or now - row.claimed_at < STALE_AFTER:
            return False
        row.claimed_at, row.claimed_by, row.attempts = now, ctx.user[:100], row.attempts + 1
        return True


def finish(ctx: Context, key: str) -> None:
    with ctx.db.unit_of_work() as session:
        row = session.scalars(select(RunClaim).where(RunClaim.key == key)).one_or_none()
        if row is not None:
            row.finished_at = ctx.now()


def release(ctx: Context, key: str) -> None:
    """The job failed here: let the next workstation (or the next try) have it."""
    with ctx.db.unit_of_work() as session:
        session.execute(delete(RunClaim).where(RunClaim.key == key, RunClaim.finished_at.is_(None)))


def refresh_school_once(ctx: Context, on: date) -> Changes:
    """The day's whole-school signal run, by whichever workstation claims it first.

    Not a use case a person starts (it recomputes what people already saved, whatever their
    role), so it has no permission of its own.
    """
    key = day_key(on)
    if not claim(ctx, key):
        return Changes()
    try:
        changes = refresh_signals(ctx, on)
    except BaseException:
        release(ctx, key)
        raise
    finish(ctx, key)
    return changes


def prune_claims(ctx: Context, before: date) -> None:
    """Claims of days before `before` say nothing any more."""
    with ctx.db.unit_of_work() as session:
        session.execute(
            delete(RunClaim).where(RunClaim.claimed_at < datetime.combine(before, time.min))
        )
