"""What the main window shows in its title and status bar: the school and its school year."""

from __future__ import annotations

from dataclasses import dataclass

from verzuimdesk.services.context import Context
from verzuimdesk.services.school import get_school, load_calendar


@dataclass(frozen=True)
class DeskStatus:
    school_name: str | None  # None until the school is set up (first start)
    school_year: str  # "2025-2026"


def desk_status(ctx: Context) -> DeskStatus:
    with ctx.db.unit_of_work() as session:
        school = get_school(session)
        calendar = load_calendar(session)
    return DeskStatus(school.name if school else None, calendar.school_year_label(ctx.today()))
