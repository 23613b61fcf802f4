"""The files of the exchange format (docs/exchange-format.md): their columns, in order.

Import and export both read this, so the two cannot drift apart. Text limits come from the
database columns themselves, so a value PostgreSQL would refuse is caught as a row problem.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Column as TableColumn

from verzuimdesk.domain.calendar import PeriodKind
from verzuimdesk.domain.codes import DEFAULT_CODES
from verzuimdesk.services.importing.values import (
    BadValue,
    choice,
    parse_bool,
    parse_date,
    parse_datetime,
    parse_hours,
    parse_int,
    parse_time,
    shown,
)
from verzuimdesk.store.base import table_of
from verzuimdesk.store.models import (
    CalendarPeriodRow,
    Company,
    DuoReport,
    Guardian,
    Registration,
    SchoolCode,
    Student,
    TimetableSlot,
)

Parser = Callable[[str], Any]


def text(column: TableColumn[Any]) -> Parser:
    limit: int | None = getattr(column.type, "length", None)

    def parse(value: str) -> str:
        value = value.strip()
        if limit is not None and len(value) > limit:
            raise BadValue(
                f"De waarde is te lang ({len(value)} tekens, hoogstens {limit}). Kort haar in."
            )
        return value

    return parse


def weekday(value: str) -> int:
    found = _WEEKDAYS.get(value.strip().lower())
    if found is None:
        raise BadValue(
            f"'{shown(value)}' is geen weekdag. Gebruik 1 (maandag) tot en met 5 (vrijdag)."
        )
    return found


_WEEKDAYS = {"1": 1, "2": 2, "3": 3, "4": 4, "5": 5}
for _number, _name in enumerate(("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag"), 1):
    _WEEKDAYS[_name] = _WEEKDAYS[_name[:2]] = _number


@dataclass(frozen=True)
class Column:
    name: str
    parse: Parser
    required: bool = False  # the header must have it and no row may leave it empty


@dataclass(frozen=True)
class FileSpec:
    name: str
    columns: tuple[Column, ...]

    @property
    def names(self) -> list[str]:
        return [c.name for c in self.columns]

    @property
    def required(self) -> list[str]:
        return [c.name for c in self.columns if c.required]


_s = table_of(Student).c
_g = table_of(Guardian).c
_t = table_of(TimetableSlot).c
_r = table_of(Registration).c
_d = table_of(DuoReport).c
_k = table_of(CalendarPeriodRow).c
_c = table_of(Company).c

SECTORS = {"vo": "vo", "mbo": "mbo"}
LEERWEGEN = {"bol": "BOL", "bbl": "BBL"}
REPORT_KINDS = {k: k for k in ("16u", "herhaal", "lrv", "te-laat", "overig", "noshow", "ib-8w")}
PERIOD_KINDS = {k.value: k.value for k in PeriodKind}

LEERLINGEN = FileSpec(
    "leerlingen.csv",
    (
        Column("leerlingnummer", text(_s.leerlingnummer), required=True),
        Column("roepnaam", text(_s.roepnaam), required=True),
        Column("tussenvoegsel", text(_s.tussenvoegsel)),
        Column("achternaam", text(_s.achternaam), required=True),
        Column("geboortedatum", parse_date, required=True),
        Column("klas", text(_s.klas), required=True),
        Column("opleiding", text(_s.opleiding)),
        Column("sector", choice(SECTORS, "sector")),
        Column("niveau", text(_s.niveau)),
        Column("leerjaar", lambda v: parse_int(v, 1, 12)),
        Column("leerweg", choice(LEERWEGEN, "leerweg")),
        Column("startkwalificatie", parse_bool),
        Column("studiefinanciering", parse_bool),
        Column("woongemeente", text(_s.woongemeente)),
        Column("straat", text(_s.straat)),
        Column("postcode", text(_s.postcode)),
        Column("plaats", text(_s.plaats)),
        Column("telefoon", text(_s.telefoon)),
        Column("email", text(_s.email)),
        Column("ouders_informeren", parse_bool),
        Column("ingeschreven_van", parse_date),
        Column("ingeschreven_tot", parse_date),
    ),
)

OUDERS = FileSpec(
    "ouders.csv",
    (
        Column("leerlingnummer", text(_s.leerlingnummer), required=True),
        Column("naam", text(_g.naam), required=True),
        Column("relatie", text(_g.relatie)),
        Column("telefoon", text(_g.telefoon)),
        Column("email", text(_g.email)),
        Column("straat", text(_g.straat)),
        Column("postcode", text(_g.postcode)),
        Column("plaats", text(_g.plaats)),
        Column("post_ontvangen", parse_bool),
    ),
)

KALENDER = FileSpec(
    "kalender.csv",
    (
        Column("van", parse_date, required=True),
        Column("tot", parse_date, required=True),
        Column("soort", choice(PERIOD_KINDS, "soort"), required=True),
        Column("naam", text(_k.name)),
    ),
)

ROOSTER = FileSpec(
    "rooster.csv",
    (
        Column("klas", text(_t.klas), required=True),
        Column("weekdag", weekday, required=True),
        Column("begin", parse_time, required=True),
        Column("eind", parse_time, required=True),
        Column("vak", text(_t.vak)),
        Column("docent", text(_t.docent)),
    ),
)

# absenties.csv is read by a loop of its own (a million rows); these parsers serve its rare
# slow path and the export's column order
ABSENTIES = FileSpec(
    "absenties.csv",
    (
        Column("leerlingnummer", text(_s.leerlingnummer), required=True),
        Column("datum", parse_date, required=True),
        Column("begin", parse_time),
        Column("eind", parse_time),
        Column("minuten", lambda v: parse_int(v, 0, 24 * 60)),
        Column("code", text(_r.code), required=True),
        Column("reden", text(_r.reason)),
        Column("vak", text(_r.vak)),
        Column("docent", text(_r.docent)),
        Column("geregistreerd_op", parse_datetime),
    ),
)

MELDINGEN = FileSpec(
    "meldingen.csv",
    (
        Column("leerlingnummer", text(_s.leerlingnummer), required=True),
        Column("soort", choice(REPORT_KINDS, "soort melding"), required=True),
        Column("begindatum", parse_date, required=True),
        Column("einddatum", parse_date),
        Column("uren", parse_hours),
        Column("meldingsnummer", text(_d.meldingsnummer)),
        Column("actie_gewenst", parse_bool),
        Column("gemeld_op", parse_date),
    ),
)

LEERBEDRIJVEN = FileSpec(
    "leerbedrijven.csv",
    (
        Column("leerlingnummer", text(_s.leerlingnummer), required=True),
        Column("naam", text(_c.naam), required=True),
        Column("contactpersoon", text(_c.contactpersoon)),
        Column("telefoon", text(_c.telefoon)),
        Column("email", text(_c.email)),
        Column("straat", text(_c.straat)),
        Column("postcode", text(_c.postcode)),
        Column("plaats", text(_c.plaats)),
        Column("van", parse_date),
        Column("tot", parse_date),
    ),
)

_sc = table_of(SchoolCode).c
# what a school code may count as: verzuimdesk's own codes, or "-" for not about presence
TELT_ALS = {c.code.lower(): c.code for c in DEFAULT_CODES} | {"-": "-"}

LESTIJDEN = FileSpec(
    "lestijden.csv",
    (
        Column("lesuur", lambda v: parse_int(v, 0, 20), required=True),
        Column("begin", parse_time, required=True),
        Column("eind", parse_time, required=True),
    ),
)

CODES = FileSpec(
    "codes.csv",
    (
        Column("code", text(_sc.code), required=True),
        Column("omschrijving", text(_sc.omschrijving)),
        Column("telt_als", choice(TELT_ALS, "code van verzuimdesk"), required=True),
        Column("geoorloofd", parse_bool),
    ),
)

ALL_FILES: tuple[FileSpec, ...] = (
    LEERLINGEN,
    OUDERS,
    LEERBEDRIJVEN,
    KALENDER,
    ROOSTER,
    LESTIJDEN,
    CODES,
    ABSENTIES,
    MELDINGEN,
)
