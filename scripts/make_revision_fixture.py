"""Make the small real database of one schema revision that tests/store/test_revision_fixtures.py
upgrades to head (issue 13: a database made at every revision, checked row by row).

    .venv/bin/python scripts/make_revision_fixture.py REVISION

Run it once, when a revision is released (lands on main), and commit the file it writes:
tests/data/revisions/<REVISION>.sqlite. Never run it again for an older revision: the point of
the file is that it was made by the build of its time.

The rows come from a small demo school made with this build, copied column by column into a
database migrated to REVISION only, so every table that exists at that revision has real rows.
Two things older builds did are put in on purpose, so the upgrade has to deal with them:
before 0002 a conversation's evaluation was appended to its agreements; before 0008 a student
could have two open sick reports.
"""

from __future__ import annotations

import argparse
import tempfile
from datetime import date, datetime
from pathlib import Path

from sqlalchemy import MetaData, create_engine, func, insert, select

from verzuimdesk.domain.roles import Role
from verzuimdesk.services.context import Actor, Context
from verzuimdesk.store import migrate
from verzuimdesk.store.database import open_database

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "tests" / "data" / "revisions"
UNTIL = date(2026, 3, 6)


def _before(revision: str, than: str) -> bool:
    """`revision` comes before `than` in the chain (ids are not in chain order)."""
    order = migrate.revisions_in_order()
    return order.index(revision) < order.index(than)


def make(revision: str) -> Path:
    target = OUT / f"{revision}.sqlite"
    target.parent.mkdir(parents=True, exist_ok=True)
    if target.exists():
        raise SystemExit(f"{target} bestaat al: een gemaakte revisie wordt nooit opnieuw gemaakt")
    if not migrate.is_known_revision(revision):
        raise SystemExit(f"revisie {revision} bestaat niet")
    try:
        _fill(target, revision)
    except BaseException:
        target.unlink(missing_ok=True)
        raise
    with create_engine(f"sqlite:///{target}").connect() as connection:
        connection.exec_driver_sql("VACUUM")
    return target


def _fill(target: Path, revision: str) -> None:
    from verzuimdesk.demo import build_demo_school

    with tempfile.TemporaryDirectory() as folder:
        source = open_database(Path(folder) / "bron.sqlite")
        build_demo_school(
            Context(source, actor=Actor("fixture", Role.BEHEERDER)),
            students=30,
            seed=13,
            until=UNTIL,
        )
        engine = create_engine(f"sqlite:///{target}")
        migrate.upgrade(engine, revision)
        tables = MetaData()
        tables.reflect(engine)
        found = MetaData()
        found.reflect(source.engine)
        with source.engine.connect() as reading, engine.begin() as writing:
            for table in tables.sorted_tables:
                if table.name == "alembic_version":
                    continue
                names = {c.name for c in table.columns}
                rows = [
                    {k: v for k, v in r._mapping.items() if k in names}
                    for r in reading.execute(select(found.tables[table.name]))
                ]
                if rows:
                    writing.execute(insert(table), rows)
            _as_older_builds_left_it(writing, tables, revision)
        engine.dispose()
        source.dispose()


def _as_older_builds_left_it(connection, tables: MetaData, revision: str) -> None:  # type: ignore[no-untyped-def]
    if _before(revision, "0002"):
        # the first conversation was closed; that build kept the evaluation in the agreements
        conversation = tables.tables["conversation"]
        first = connection.execute(select(func.min(conversation.c.id))).scalar()
        connection.execute(
            conversation.update()
            .where(conversation.c.id == first)
            .values(
                closed_on=date(2026, 3, 2),
                next_check_on=None,
                agreements=conversation.c.agreements + "\n\nEvaluatie 02-03-2026: gaat beter",
            )
        )
    if _before(revision, "0008"):
        report = tables.tables["sick_report"]
        registration = tables.tables["registration"]
        student_id = connection.execute(select(tables.tables["student"].c.id).limit(1)).scalar()
        for called in (datetime(2026, 3, 5, 8, 0), datetime(2026, 3, 5, 8, 1)):
            new_id = connection.execute(
                insert(report).values(
                    student_id=student_id,
                    called_at=called,
                    caller_kind="ouder",
                    caller_name="Fictieve ouder",
                    starts_at=called,
                    reason="griep",
                    entered_by=f"bureau {called.minute + 1}",
                )
            ).inserted_primary_key[0]
        # the second desk's report made a Z of its own
        connection.execute(
            insert(registration).values(
                student_id=student_id,
                date=date(2026, 3, 5),
                minutes=50,
                code="Z",
                source="receptie",
                sick_report_id=new_id,
            )
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("revision")
    args = parser.parse_args()
    print(make(args.revision))


if __name__ == "__main__":
    main()
