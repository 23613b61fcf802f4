"""Attendance goals per school and per class (seed 003: "Stel concrete doelen voor de
aanwezigheid per school en klas"), kept as one school setting so every workstation sees them."""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from sqlalchemy.orm import Session

from verzuimdesk.domain.roles import Permission
from verzuimdesk.errors import ValidationError
from verzuimdesk.services import audit
from verzuimdesk.services.access import require
from verzuimdesk.services.changes import Changes
from verzuimdesk.services.context import Context
from verzuimdesk.store.school import Setting

SETTING_KEY = "rapportage.doelen"


@dataclass(frozen=True)
class Goals:
    school: float | None = None
    klassen: dict[str, float] = field(default_factory=dict)

    def for_klas(self, klas: str) -> float | None:
        """The class's own goal, else the school's."""
        return self.klassen.get(klas, self.school)


def read_goals(session: Session) -> Goals:
    row = session.get(Setting, SETTING_KEY)
    if row is None:
        return Goals()
    data = json.loads(row.value)
    return Goals(data.get("school"), {k: float(v) for k, v in data.get("klassen", {}).items()})


def load_goals(ctx: Context) -> Goals:
    require(ctx, Permission.REPORTS)
    with ctx.db.unit_of_work() as session:
        return read_goals(session)


def set_goal(ctx: Context, klas: str | None, percent: float | None) -> Changes:
    """Set (or with None remove) the attendance goal of the school (klas None) or a class."""
    require(ctx, Permission.SETTINGS)
    if percent is not None and not 0 < percent <= 100:
        raise ValidationError(
            f"Een doel is een percentage tussen 0 en 100, niet {percent:g}.", field="doel"
        )
    with ctx.db.unit_of_work() as session:
        goals = read_goals(session)
        before = {"school": goals.school, "klassen": dict(goals.klassen)}
        klassen = dict(goals.klassen)
        school = goals.school
        if klas is None:
            school = percent
        elif percent is None:
            klassen.pop(klas, None)
        else:
            klassen[klas] = round(percent, 1)
        after = {"school": school, "klassen": dict(sorted(klassen.items()))}
        row = session.get(Setting, SETTING_KEY)
        if row is None:
            row = Setting(key=SETTING_KEY, value="")
            session.add(row)
        row.value = json.dumps(after, ensure_ascii=False, sort_keys=True)
        audit.record(session, ctx, "doel.instellen", "setting", SETTING_KEY, before, after)
    return Changes(settings=True)
