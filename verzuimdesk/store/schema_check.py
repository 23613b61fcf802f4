"""Does the database hold the schema its revision promises? Checked every time it is opened.

A database can claim the newest revision and still differ: made by a test build whose migration
was later changed, an index lost when a bulk load was killed between dropping and rebuilding it,
a column dropped by hand. Running into such a database fails later, at an odd moment, in a screen
("no such column"). So after the upgrade the schema is compared with the models of this version:

- what can be added without touching a row is repaired at once, in one transaction: a missing
  index, a missing table, a missing column that may be empty;
- anything else (a missing required column, a column of another type, a missing constraint) is
  refused with a Dutch message naming the table and column; nothing is changed.

Extra tables, columns and indexes someone added are left alone: they do not stop verzuimdesk.
"""

from __future__ import annotations

import logging
from typing import Any

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.operations import Operations
from sqlalchemy import Column, Connection, Engine, Index, Table

from verzuimdesk.errors import DatabaseError
from verzuimdesk.store.models import Base

log = logging.getLogger("verzuimdesk.store")

# what a database may have beyond the models without harm
_TOLERATED = {"remove_index", "remove_table", "remove_column", "remove_constraint", "remove_fk"}


def _differences(connection: Connection) -> list[Any]:
    context = MigrationContext.configure(
        connection, opts={"compare_type": True, "render_as_batch": True}
    )
    flat: list[Any] = []
    for diff in compare_metadata(context, Base.metadata):
        # column modifications come as a list of tuples; the rest as one tuple each
        flat.extend(diff if isinstance(diff, list) else [diff])
    return [d for d in flat if d[0] not in _TOLERATED]


def _repairable(diff: Any) -> bool:
    kind = diff[0]
    if kind in ("add_index", "add_table"):
        return True
    if kind == "add_column":
        column: Column[Any] = diff[3]
        return bool(column.nullable) and column.server_default is None
    return False


def _describe(diff: Any) -> str:
    kind = diff[0]
    if kind == "add_column":
        return f"kolom '{diff[3].name}' ontbreekt in tabel '{diff[2]}'"
    if kind == "add_table":
        return f"tabel '{diff[1].name}' ontbreekt"
    if kind == "add_index":
        return f"index '{diff[1].name}' ontbreekt"
    if kind in ("add_constraint", "add_fk"):
        constraint = diff[1]
        return f"regel '{constraint.name}' ontbreekt in tabel '{constraint.table.name}'"
    if kind.startswith("modify_"):
        what = kind.removeprefix("modify_")
        return f"kolom '{diff[3]}' van tabel '{diff[2]}' wijkt af ({what})"
    return kind


def check_schema(engine: Engine, shown: str) -> list[str]:
    """Refuse or repair as described above; returns what was repaired (for the log)."""
    with engine.connect() as connection:
        differences = _differences(connection)
    if not differences:
        return []
    broken = [d for d in differences if not _repairable(d)]
    if broken:
        problems = "; ".join(_describe(d) for d in broken[:5])
        more = f" (en nog {len(broken) - 5})" if len(broken) > 5 else ""
        raise DatabaseError(
            f"De database '{shown}' klopt niet met haar schemaversie: {problems}{more}. "
            "verzuimdesk opent haar niet, zodat er niets misgaat; de database is niet gewijzigd. "
            "Zet een back-up terug of vraag de beheerder van verzuimdesk om hulp."
        )
    repaired = [_describe(d) for d in differences]
    with engine.begin() as connection:
        operations = Operations(MigrationContext.configure(connection))
        for diff in differences:
            kind = diff[0]
            if kind == "add_table":
                table: Table = diff[1]
                table.create(connection)
            elif kind == "add_index":
                index: Index = diff[1]
                index.create(connection)
            else:  # a column that may stay empty
                column = diff[3]
                operations.add_column(diff[2], Column(column.name, column.type, nullable=True))
    # which parts of the schema, never data: nothing personal reaches the log
    log.warning("schema hersteld: %s", "; ".join(repaired))
    return repaired
