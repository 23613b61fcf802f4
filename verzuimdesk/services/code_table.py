"""The school's own registration codes (codes.csv), each counting as one of verzuimdesk's codes.

Whether a reason is geoorloofd is each school's own setting in Magister and SOMtoday, so it is
data here, never guessed; it must agree with what the code counts as where that code has a
meaning of its own (Z is geoorloofd, OA is not). A school code may not reuse one of verzuimdesk's
codes in the exchange format (an exported A must read back as aanwezig); an LVS preset that uses
such a letter (Magister's A for absent) maps it in its own code table (resources/presets/).
Instellingen edits the table through `school_codes` and `save_school_codes`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from sqlalchemy import Connection, delete, insert, select

from verzuimdesk.domain.codes import DEFAULT_CODE_MAP, Category, RegistrationCode
from verzuimdesk.domain.roles import Permission
from verzuimdesk.errors import ValidationError
from verzuimdesk.services.access import require
from verzuimdesk.services.changes import Changes
from verzuimdesk.services.context import Context
from verzuimdesk.services.importing.safety import Trail, check_removals
from verzuimdesk.store.base import table_of
from verzuimdesk.store.school import SchoolCode

_table = table_of(SchoolCode)
NOT_PRESENCE = "-"  # telt_als of a code that is not about presence (homework forgotten)


@dataclass(frozen=True)
class SchoolCodeEntry:
    code: str
    omschrijving: str
    telt_als: str  # a code of verzuimdesk, or "-"
    geoorloofd: bool | None


def entry_problem(entry: SchoolCodeEntry, own_codes: bool = True) -> tuple[str, str] | None:
    """(column, Dutch reason) of what is wrong with one code; None when it is right.

    `own_codes`: the code may not be one of verzuimdesk's (the exchange format's codes.csv and
    the settings); a preset's code table may map them (Magister's A).
    """
    code = entry.code.strip()
    if not code:
        return "code", "Vul de code in."
    if own_codes and code.upper() in DEFAULT_CODE_MAP:
        meaning = DEFAULT_CODE_MAP[code.upper()].description
        return (
            "code",
            f"'{code}' is al een code van verzuimdesk ({meaning}). Een eigen code moet anders "
            "heten; gebruik de code van verzuimdesk zelf in absenties.csv.",
        )
    if entry.telt_als == NOT_PRESENCE:
        return None
    counted = DEFAULT_CODE_MAP.get(entry.telt_als)
    if counted is None:
        return "telt_als", f"'{entry.telt_als}' is geen code van verzuimdesk."
    if entry.geoorloofd is True and counted.category is Category.ONGEOORLOOFD:
        return (
            "geoorloofd",
            f"'{code}' telt als {counted.code} ({counted.description}), maar staat op "
            "geoorloofd. Kies een geoorloofde code (Z, V, G, D of S) of zet geoorloofd op nee.",
        )
    if entry.geoorloofd is False and counted.category is Category.GEOORLOOFD:
        return (
            "geoorloofd",
            f"'{code}' telt als {counted.code} ({counted.description}), maar staat op "
            "ongeoorloofd. Kies OA of zet geoorloofd op ja.",
        )
    return None


def load_codes(connection: Connection) -> dict[str, SchoolCodeEntry]:
    columns = (_table.c.code, _table.c.omschrijving, _table.c.telt_als, _table.c.geoorloofd)
    return {
        code: SchoolCodeEntry(code, omschrijving or "", telt_als or NOT_PRESENCE, geoorloofd)
        for code, omschrijving, telt_als, geoorloofd in connection.execute(select(*columns))
    }


def school_codes(ctx: Context) -> list[SchoolCodeEntry]:
    require(ctx, Permission.SETTINGS)
    with ctx.db.engine.connect() as connection:
        return sorted(load_codes(connection).values(), key=lambda e: e.code)


def save_school_codes(ctx: Context, entries: Sequence[SchoolCodeEntry]) -> Changes:
    """The whole table replaced by these codes (the editor saves all rows at once)."""
    require(ctx, Permission.SETTINGS)
    seen: set[str] = set()
    for entry in entries:
        found = entry_problem(entry)
        if found is None and entry.code.upper() in seen:
            found = ("code", f"Code '{entry.code}' staat er twee keer in. Laat er één over.")
        if found:
            raise ValidationError(found[1], field=found[0])
        seen.add(entry.code.upper())
    with ctx.db.unit_of_work() as session:
        trail = Trail(ctx)
        connection = session.connection()
        store_codes(connection, list(entries), trail, allow_removals=True)
        if not trail.rows:
            return Changes()
        trail.write(connection)
    return Changes(settings=True)


def store_codes(
    connection: Connection, entries: list[SchoolCodeEntry], trail: Trail, allow_removals: bool
) -> tuple[int, int, int, int]:
    """Replaces the table when it differs; (added, changed, unchanged, removed)."""
    old = load_codes(connection)
    wanted = {entry.code: entry for entry in entries}
    if wanted == old:
        return 0, 0, len(wanted), 0
    added = len(wanted.keys() - old.keys())
    removed = len(old.keys() - wanted.keys())
    changed = sum(1 for c in wanted.keys() & old.keys() if wanted[c] != old[c])
    check_removals("codes.csv", removed, len(old), "eigen codes", allow_removals)
    trail.add(
        "import.wijzig",
        "codes",
        None,
        {c: _shown(e) for c, e in sorted(old.items())},
        {c: _shown(e) for c, e in sorted(wanted.items())},
    )
    connection.execute(delete(_table))
    if wanted:
        connection.execute(
            insert(_table),
            [
                {
                    "code": e.code,
                    "omschrijving": e.omschrijving,
                    "telt_als": None if e.telt_als == NOT_PRESENCE else e.telt_als,
                    "geoorloofd": e.geoorloofd,
                }
                for e in wanted.values()
            ],
        )
    return added, changed, len(wanted) - added - changed, removed


def _shown(entry: SchoolCodeEntry) -> str:
    yes_no = {True: "geoorloofd", False: "ongeoorloofd", None: "?"}[entry.geoorloofd]
    return f"{entry.omschrijving} → {entry.telt_als} ({yes_no})"


def with_school_codes(
    codes: Mapping[str, RegistrationCode], school: Mapping[str, SchoolCodeEntry]
) -> dict[str, RegistrationCode]:
    """The codes an import reads: verzuimdesk's, and each school code as the code it counts as.

    A school code maps to a RegistrationCode whose `code` is what is stored (empty: the row is
    not about presence and is left out) and whose description is the reason a geoorloofd row
    gets when it has none of its own (the school code names the reason: "ZH" ziek naar huis).
    """
    result = dict(codes)
    for key, entry in school.items():
        if entry.telt_als == NOT_PRESENCE:
            result[key] = RegistrationCode("", entry.omschrijving, Category.AANWEZIG)
            continue
        counted = codes.get(entry.telt_als) or DEFAULT_CODE_MAP[entry.telt_als]
        result[key] = RegistrationCode(
            counted.code, entry.omschrijving or counted.description, counted.category, counted.kind
        )
    return result
