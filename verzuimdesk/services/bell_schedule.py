"""The school's bell schedule (lestijden.csv): the times of each numbered lesson.

LVS files that give a lesuur instead of times (Eduarte's beginlesuur/eindlesuur, Magister's
Lesuur) are read through it. Instellingen shows and edits it through `bell_schedule` and
`save_bell_schedule`; the import replaces it through `store_schedule`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import time

from sqlalchemy import Connection, delete, insert, select

from verzuimdesk.domain.roles import Permission
from verzuimdesk.errors import ValidationError
from verzuimdesk.services.access import require
from verzuimdesk.services.changes import Changes
from verzuimdesk.services.context import Context
from verzuimdesk.services.importing.safety import Trail, check_removals
from verzuimdesk.store.base import table_of
from verzuimdesk.store.school import BellLesson

_table = table_of(BellLesson)


@dataclass(frozen=True)
class LessonTime:
    lesuur: int
    begin: time
    end: time


def lesson_problem(lesson: LessonTime) -> str | None:
    """What is wrong with one lesson, in Dutch; None when it is right."""
    if not 0 <= lesson.lesuur <= 20:
        return f"Lesuur {lesson.lesuur} bestaat niet; gebruik 0 tot en met 20."
    if lesson.end <= lesson.begin:
        return (
            f"Lesuur {lesson.lesuur} eindigt ({lesson.end:%H:%M}) niet na het begin "
            f"({lesson.begin:%H:%M}). Verbeter de tijden."
        )
    return None


def load_schedule(connection: Connection) -> dict[int, LessonTime]:
    rows = connection.execute(select(_table.c.lesuur, _table.c.begin, _table.c.end))
    return {lesuur: LessonTime(lesuur, begin, end) for lesuur, begin, end in rows}


def bell_schedule(ctx: Context) -> list[LessonTime]:
    require(ctx, Permission.SETTINGS)
    with ctx.db.engine.connect() as connection:
        return sorted(load_schedule(connection).values(), key=lambda lesson: lesson.lesuur)


def save_bell_schedule(ctx: Context, lessons: Sequence[LessonTime]) -> Changes:
    """The whole schedule replaced by these lessons (the editor saves all rows at once)."""
    require(ctx, Permission.SETTINGS)
    seen: set[int] = set()
    for lesson in lessons:
        problem = lesson_problem(lesson)
        if problem is None and lesson.lesuur in seen:
            problem = f"Lesuur {lesson.lesuur} staat er twee keer in. Laat er één over."
        if problem:
            raise ValidationError(problem, field="lestijden")
        seen.add(lesson.lesuur)
    with ctx.db.unit_of_work() as session:
        trail = Trail(ctx)
        connection = session.connection()
        store_schedule(connection, list(lessons), trail, allow_removals=True)
        if not trail.rows:
            return Changes()
        trail.write(connection)
    return Changes(settings=True)


def store_schedule(
    connection: Connection, lessons: list[LessonTime], trail: Trail, allow_removals: bool
) -> tuple[int, int, int, int]:
    """Replaces the schedule when it differs; (added, changed, unchanged, removed)."""
    old = load_schedule(connection)
    wanted = {lesson.lesuur: lesson for lesson in lessons}
    if wanted == old:
        return 0, 0, len(wanted), 0
    added = len(wanted.keys() - old.keys())
    removed = len(old.keys() - wanted.keys())
    changed = sum(1 for n in wanted.keys() & old.keys() if wanted[n] != old[n])
    unchanged = len(wanted) - added - changed
    check_removals("lestijden.csv", removed, len(old), "lesuren", allow_removals)
    trail.add("import.wijzig", "lestijden", None, _shown(old), _shown(wanted))
    connection.execute(delete(_table))
    if wanted:
        connection.execute(
            insert(_table),
            [{"lesuur": n, "begin": x.begin, "end": x.end} for n, x in sorted(wanted.items())],
        )
    return added, changed, unchanged, removed


def _shown(lessons: dict[int, LessonTime]) -> dict[str, str]:
    return {str(n): f"{x.begin:%H:%M}-{x.end:%H:%M}" for n, x in sorted(lessons.items())}
