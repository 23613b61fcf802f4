"""The school's own details for Instellingen > School: name, BRIN, sector, region and address.

Name, sector and region live in the `school` row (the signals read them); BRIN and address are
school-wide settings (`setting` rows, JSON values) so every workstation sees the same.
"""

from __future__ import annotations

import json
import re
from dataclasses import asdict, dataclass

from sqlalchemy.orm import Session

from verzuimdesk.domain.roles import Permission
from verzuimdesk.errors import ValidationError
from verzuimdesk.services import audit
from verzuimdesk.services.access import require
from verzuimdesk.services.changes import Changes
from verzuimdesk.services.context import Context
from verzuimdesk.services.school import REGIONS, SECTORS, ensure_codes
from verzuimdesk.store.school import School, Setting

_BRIN = re.compile(r"^\d{2}[A-Z]{2}$")
_POSTCODE = re.compile(r"^(\d{4}) ?([A-Z]{2})$")
_PHONE = re.compile(r"^\+?[0-9 ()-]{10,20}$")
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")

# the setting rows this section owns; the school row holds the rest
_SETTING_FIELDS = ("brin", "adres", "postcode", "plaats", "telefoon", "email")


@dataclass(frozen=True)
class SchoolDetails:
    name: str
    sector: str
    region: str
    brin: str = ""
    adres: str = ""
    postcode: str = ""
    plaats: str = ""
    telefoon: str = ""
    email: str = ""


def _setting(session: Session, key: str) -> str:
    row = session.get(Setting, f"school.{key}")
    if row is None:
        return ""
    value = json.loads(row.value)
    return value if isinstance(value, str) else ""


def read_details(session: Session) -> SchoolDetails:
    row = session.get(School, 1)
    values = {key: _setting(session, key) for key in _SETTING_FIELDS}
    if row is None:
        return SchoolDetails(name="", sector="vo", region="midden", **values)
    return SchoolDetails(name=row.name, sector=row.sector, region=row.region, **values)


def get_details(ctx: Context) -> SchoolDetails:
    require(ctx, Permission.SETTINGS)
    with ctx.db.unit_of_work() as session:
        return read_details(session)


def validate(details: SchoolDetails) -> SchoolDetails:
    """The details cleaned up (spaces, capitals), or a ValidationError naming the field."""
    name = details.name.strip()
    if not name:
        raise ValidationError("Vul de naam van de school in.", field="naam")
    if details.sector not in SECTORS:
        raise ValidationError("Kies de sector: vo of mbo.", field="sector")
    if details.region not in REGIONS:
        raise ValidationError("Kies de vakantieregio: noord, midden of zuid.", field="regio")
    brin = details.brin.strip().upper().replace(" ", "")
    if brin and not _BRIN.match(brin):
        raise ValidationError(
            f"Het BRIN-nummer '{details.brin.strip()}' klopt niet: het is 2 cijfers en 2 letters, "
            "bijvoorbeeld 12AB. Laat het leeg als u het niet weet.",
            field="brin",
        )
    postcode = details.postcode.strip().upper()
    if postcode:
        match = _POSTCODE.match(postcode)
        if not match:
            raise ValidationError(
                f"De postcode '{details.postcode.strip()}' klopt niet: 4 cijfers en 2 letters, "
                "bijvoorbeeld 3511 AB.",
                field="postcode",
            )
        postcode = f"{match[1]} {match[2]}"
    telefoon = details.telefoon.strip()
    if telefoon and not _PHONE.match(telefoon):
        raise ValidationError(
            f"Het telefoonnummer '{telefoon}' klopt niet: gebruik alleen cijfers, spaties en "
            "streepjes, bijvoorbeeld 030-1234567.",
            field="telefoon",
        )
    email = details.email.strip()
    if email and not _EMAIL.match(email):
        raise ValidationError(
            f"Het e-mailadres '{email}' klopt niet; bijvoorbeeld verzuim@school.nl.",
            field="email",
        )
    return SchoolDetails(
        name=name,
        sector=details.sector,
        region=details.region,
        brin=brin,
        adres=details.adres.strip(),
        postcode=postcode,
        plaats=details.plaats.strip(),
        telefoon=telefoon,
        email=email,
    )


def save_details(ctx: Context, details: SchoolDetails) -> Changes:
    """Save the school's details in one unit of work with one audit entry; nothing is changed
    when a field is wrong."""
    require(ctx, Permission.SETTINGS)
    clean = validate(details)
    with ctx.db.unit_of_work() as session:
        before = read_details(session)
        if before == clean:
            return Changes()
        row = session.get(School, 1)
        if row is None:
            row = School(id=1, created_at=ctx.now(), policy_name="wettelijk")
            session.add(row)
            ensure_codes(session)
        row.name, row.sector, row.region = clean.name, clean.sector, clean.region
        for key in _SETTING_FIELDS:
            value = json.dumps(getattr(clean, key), ensure_ascii=False)
            setting = session.get(Setting, f"school.{key}")
            if setting is None:
                session.add(Setting(key=f"school.{key}", value=value))
            else:
                setting.value = value
        audit.record(session, ctx, "school.gegevens", "school", 1, asdict(before), asdict(clean))
    # the region chooses the shipped calendar, so deadlines may move: signals too
    return Changes(settings=True, signals=before.region != clean.region)
