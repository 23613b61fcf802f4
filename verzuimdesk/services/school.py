"""The school itself: its settings, its calendar, its policy profile and its registration codes."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from sqlalchemy import select
from sqlalchemy.orm import Session

from verzuimdesk import paths
from verzuimdesk.domain.calendar import CalendarPeriod, PeriodKind, SchoolCalendar
from verzuimdesk.domain.codes import DEFAULT_CODES, Category, Kind, RegistrationCode
from verzuimdesk.domain.policy import Policy, parse_policy
from verzuimdesk.errors import PolicyError, ValidationError
from verzuimdesk.services import audit
from verzuimdesk.services.changes import Changes
from verzuimdesk.services.context import Context
from verzuimdesk.store.school import (
    CalendarPeriodRow,
    PolicyProfileRow,
    RegistrationCodeRow,
    School,
)

SECTORS = ("vo", "mbo")
REGIONS = ("noord", "midden", "zuid")


@dataclass(frozen=True)
class SchoolInfo:
    name: str
    sector: str
    region: str
    policy_name: str


def get_school(session: Session) -> SchoolInfo | None:
    row = session.get(School, 1)
    if row is None:
        return None
    return SchoolInfo(row.name, row.sector, row.region, row.policy_name)


def setup_school(ctx: Context, name: str, sector: str, region: str, policy_name: str) -> Changes:
    """Create or change the school's settings (first start, or Instellingen)."""
    with ctx.db.unit_of_work() as session:
        configure_school(session, ctx, name, sector, region, policy_name)
    return Changes(settings=True)


def configure_school(
    session: Session, ctx: Context, name: str, sector: str, region: str, policy_name: str
) -> None:
    """setup_school inside the caller's unit of work (the demo builds school and data as one)."""
    if not name.strip():
        raise ValidationError("Vul de naam van de school in.", field="naam")
    if sector not in SECTORS:
        raise ValidationError("Kies de sector: vo of mbo.", field="sector")
    if region not in REGIONS:
        raise ValidationError("Kies de vakantieregio: noord, midden of zuid.", field="regio")
    load_policy(session, policy_name)  # refuse an unknown or broken profile up front
    fields = ("name", "sector", "region", "policy_name")
    row = session.get(School, 1)
    before = None
    if row is None:
        row = School(id=1, created_at=ctx.now(), name="", sector="", region="", policy_name="")
        session.add(row)
    else:
        before = audit.snapshot(row, *fields)
    row.name, row.sector, row.region, row.policy_name = name.strip(), sector, region, policy_name
    ensure_codes(session)
    audit.record(
        session, ctx, "school.instellen", "school", 1, before, audit.snapshot(row, *fields)
    )
    session.flush()


# -- registration codes ----------------------------------------------------------------------


def ensure_codes(session: Session) -> None:
    """Ingrado's default codes, added where missing; a school's own codes are left alone."""
    present = set(session.scalars(select(RegistrationCodeRow.code)))
    for code in DEFAULT_CODES:
        if code.code not in present:
            session.add(
                RegistrationCodeRow(
                    code=code.code,
                    description=code.description,
                    category=code.category.value,
                    kind=code.kind.value,
                )
            )


def code_map(session: Session) -> dict[str, RegistrationCode]:
    rows = session.scalars(select(RegistrationCodeRow)).all()
    if not rows:
        return {c.code: c for c in DEFAULT_CODES}
    return {
        r.code: RegistrationCode(r.code, r.description, Category(r.category), Kind(r.kind))
        for r in rows
    }


# -- calendar --------------------------------------------------------------------------------


def shipped_calendar_periods(region: str) -> list[CalendarPeriod]:
    """The regional calendar shipped in resources/calendars/REGION.csv (kalender.csv format)."""
    path = paths.resources_dir() / "calendars" / f"{region}.csv"
    with path.open(encoding="utf-8", newline="") as handle:
        return [
            CalendarPeriod(
                date.fromisoformat(row["van"]),
                date.fromisoformat(row["tot"]),
                PeriodKind(row["soort"]),
                row["naam"],
            )
            for row in csv.DictReader(handle)
        ]


def load_calendar(session: Session) -> SchoolCalendar:
    """The imported calendar when there is one, else the shipped one for the school's region."""
    rows = session.scalars(select(CalendarPeriodRow)).all()
    if rows:
        periods = [CalendarPeriod(r.start, r.end, PeriodKind(r.kind), r.name) for r in rows]
    else:
        school = get_school(session)
        periods = shipped_calendar_periods(school.region if school else "midden")
    return SchoolCalendar(periods)


# -- policy profiles -------------------------------------------------------------------------


def shipped_policy_names() -> list[str]:
    folder = paths.resources_dir() / "policies"
    return sorted(p.stem for p in folder.glob("*.toml"))


def load_policy(session: Session, name: str | None = None) -> Policy:
    """A school's own copy of the profile if it has one, else the shipped profile."""
    if name is None:
        school = get_school(session)
        name = school.policy_name if school else "wettelijk"
    own = session.get(PolicyProfileRow, name)
    if own is not None:
        return _parsed_policy(own.toml, name)
    path = paths.resources_dir() / "policies" / f"{name}.toml"
    if not path.exists():
        known = ", ".join(shipped_policy_names()) or "geen"
        raise PolicyError(
            f"Beleidsprofiel '{name}' bestaat niet. Kies een van: {known}, of maak een eigen "
            "profiel aan onder Instellingen."
        )
    return _parsed_policy(path.read_text(encoding="utf-8"), name)


@lru_cache(maxsize=16)
def _parsed_policy(text: str, name: str) -> Policy:
    # a profile is read for every signal refresh, also for one student (issue 13: < 50 ms);
    # parsing its TOML cost 9 ms of that. Policy is frozen, so one parsed copy can be shared.
    return parse_policy(text, name)
