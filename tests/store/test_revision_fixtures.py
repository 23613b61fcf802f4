"""Every released schema revision, as a small real database made by the build of its time
(tests/data/revisions/, made once by scripts/make_revision_fixture.py), upgrades to head with
every row kept (issue 13, part 5). Released migrations are never edited: their text is pinned.
"""

from __future__ import annotations

import hashlib
import shutil
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import MetaData, create_engine, func, select

from tests.actors import TESTER
from verzuimdesk.services.context import Context
from verzuimdesk.services.sick_reports import list_open_reports
from verzuimdesk.services.signals import signals_on
from verzuimdesk.store import migrate
from verzuimdesk.store.database import open_database
from verzuimdesk.store.desk import SickReport

FIXTURES = Path(__file__).resolve().parent.parent / "data" / "revisions"
VERSIONS = migrate.MIGRATIONS / "versions"

# a released migration's text never changes (a fix is a new revision); add a line when one lands
# fmt: off
RELEASED = {
    "0001_initial_schema.py": "cee4c9fe62473d5cf882736b1c31ef137a8e0e8f7ebef9e3d43c3321b77b1d83",
    "0002_conversation_evaluation.py": "265a8b43d74df74206b37bb37c1c6e603935ff7bbe62322c8f437cb579f4479d",  # noqa: E501
    "0004_letters.py": "0989bbeaa75351c771cfd814cd0275295509f1806052fb5a9fc61e81234744c5",
    "0005b_bell_schedule_and_school_codes.py": "af6e2655ad54071bc8720a6ee2573f520158db834f5bd71f53cccc954b0385de",  # noqa: E501
    "0005_desk_records_win.py": "a2478ff8cc736d83ede50bf0679554a17d40a93a0e9d35ff845e216194a5baa8",
    "0007_people_and_audit.py": "3ecf5b8a0b7b799e8381d2eccab6fdde851cddd09a0c509cc5326d70125ba980",
    "0008_one_open_sick_report_change_feed.py": "b9ae996cff75c9e5870886bca3a4455ddfee6b4727da891ae42140bf561e6001",  # noqa: E501
}
# fmt: on

Rows = dict[str, dict[Any, dict[str, Any]]]


def _rows(path: Path) -> Rows:
    engine = create_engine(f"sqlite:///{path}")
    tables = MetaData()
    tables.reflect(engine)
    found: Rows = {}
    with engine.connect() as connection:
        for table in tables.sorted_tables:
            if table.name == "alembic_version":
                continue
            key = next(iter(table.primary_key.columns)).name
            found[table.name] = {
                row[key]: dict(row) for row in connection.execute(select(table)).mappings()
            }
    engine.dispose()
    return found


def _before(revision: str, than: str) -> bool:
    order = migrate.revisions_in_order()
    return order.index(revision) < order.index(than)


def _fixtures() -> list[Path]:
    return sorted(FIXTURES.glob("*.sqlite"))


def test_there_is_a_database_of_every_released_revision() -> None:
    made = {path.stem for path in _fixtures()}
    assert {name[:4] for name in RELEASED} <= made


@pytest.mark.parametrize("fixture", _fixtures(), ids=lambda p: p.stem)
def test_a_database_of_an_older_revision_upgrades_with_every_row(
    fixture: Path, tmp_path: Path
) -> None:
    copy = tmp_path / fixture.name
    shutil.copyfile(fixture, copy)
    before = _rows(copy)
    revision = fixture.stem
    database = open_database(copy)  # upgrades, then checks the schema
    after = _rows(copy)

    # what the migrations change on purpose, checked exactly; below, everything else is equal
    if _before(revision, "0002"):
        closed = [c for c in before["conversation"].values() if c["closed_on"] is not None]
        assert closed, "the fixture holds a closed conversation"
        for old in closed:
            new = after["conversation"][old["id"]]
            agreed, _, evaluation = old["agreements"].rpartition("\n\nEvaluatie 02-03-2026: ")
            assert (new["agreements"], new["evaluation"]) == (agreed, evaluation)
            old["agreements"] = agreed
    if _before(revision, "0008"):
        opened: dict[int, list[dict[str, Any]]] = {}
        for report in before["sick_report"].values():
            if report["ended_at"] is None:
                opened.setdefault(report["student_id"], []).append(report)
        doubles = {
            sid: sorted(rs, key=lambda r: (r["starts_at"], r["id"]))
            for sid, rs in opened.items()
            if len(rs) > 1
        }
        assert doubles, "the fixture holds a student with two open sick reports"
        for reports in doubles.values():
            kept, *closed_now = reports
            assert after["sick_report"][kept["id"]]["ended_at"] is None
            for report in closed_now:
                new = after["sick_report"][report["id"]]
                assert new["ended_at"] == report["starts_at"]
                assert "Dubbele ziekmelding" in new["note"]
                for key in ("ended_at", "ended_by", "note"):
                    report[key] = new[key]
                for reg in before["registration"].values():
                    if reg["sick_report_id"] == report["id"]:
                        assert after["registration"][reg["id"]]["sick_report_id"] == kept["id"]
                        reg["sick_report_id"] = kept["id"]

    for table, rows in before.items():
        assert set(rows) <= set(after[table]), f"rows lost from {table}"
        for key, old in rows.items():
            new = after[table][key]
            assert {c: new[c] for c in old} == old, f"{table} {key} changed"

    # and the screens that read them work on the upgraded data
    ctx = Context(database, actor=TESTER)
    with database.unit_of_work() as session:
        most_open = session.scalar(
            select(func.count())
            .where(SickReport.ended_at.is_(None))
            .group_by(SickReport.student_id)
            .order_by(func.count().desc())
            .limit(1)
        )
    assert most_open in (None, 1)
    list_open_reports(ctx)
    signals_on(ctx, date(2026, 3, 6))
    database.dispose()


@pytest.mark.parametrize("name", sorted(RELEASED))
def test_a_released_migration_is_never_edited(name: str) -> None:
    text = (VERSIONS / name).read_bytes()
    assert hashlib.sha256(text).hexdigest() == RELEASED[name], (
        f"{name} is released and must not change: undo the edit and add a new revision"
    )
