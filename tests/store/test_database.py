"""Opening a database: migration to head, SQLite settings, refusal of newer schemas, backups."""

from __future__ import annotations

import hashlib
import sqlite3
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import Connection, inspect, select, text
from sqlalchemy.orm import sessionmaker

from verzuimdesk import paths
from verzuimdesk.errors import DatabaseError
from verzuimdesk.store import migrate
from verzuimdesk.store.base import Base
from verzuimdesk.store.database import (
    Database,
    backup_sqlite,
    create_db_engine,
    open_database,
    to_url,
)
from verzuimdesk.store.school import Setting
from verzuimdesk.store.students import Guardian

FUTURE_REVISION = "9999_from_a_newer_verzuimdesk"


def version_of(database: Database) -> str | None:
    with database.engine.connect() as connection:
        return migrate.current_revision(connection)


def add_student(database: Database) -> None:
    """In plain SQL, so it also works on a database of an older schema than the models'."""
    with database.engine.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO student (leerlingnummer, roepnaam, achternaam, geboortedatum, klas) "
                "VALUES ('900001', 'Fenna', 'Testerman', :born, '2B')"
            ),
            {"born": date(2010, 3, 14)},
        )
        connection.execute(
            text(
                "INSERT INTO guardian (student_id, naam) SELECT id, 'P. Testerman' FROM student "
                "WHERE leerlingnummer = '900001'"
            )
        )


def file_digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


# -- on every database --------------------------------------------------------------------------


def test_a_fresh_database_is_migrated_to_head(any_db: Database) -> None:
    assert version_of(any_db) == migrate.head_revision()
    tables = set(inspect(any_db.engine).get_table_names())
    assert set(Base.metadata.tables) <= tables


def test_opening_twice_changes_nothing(any_db: Database) -> None:
    with any_db.unit_of_work() as session:
        session.add(Setting(key="proef", value='"blijft staan"'))
    again = open_database(any_db.url)
    try:
        assert version_of(again) == migrate.head_revision()
        with again.unit_of_work() as session:
            assert session.scalar(select(Setting.value).where(Setting.key == "proef")) == (
                '"blijft staan"'
            )
    finally:
        again.dispose()
    assert not any(paths.backup_dir().iterdir())  # nothing to upgrade, so no backup either


def test_a_newer_schema_is_refused_and_left_alone(any_db: Database) -> None:
    with any_db.unit_of_work() as session:
        session.execute(text("UPDATE alembic_version SET version_num = :v"), {"v": FUTURE_REVISION})
    tables = set(inspect(any_db.engine).get_table_names())
    any_db.dispose()
    digest = file_digest(Path(any_db.engine.url.database or "")) if any_db.is_sqlite else None

    with pytest.raises(DatabaseError, match="nieuwere versie van verzuimdesk") as raised:
        open_database(any_db.url)
    assert FUTURE_REVISION in raised.value.message
    assert "niet gewijzigd" in raised.value.message

    assert version_of(any_db) == FUTURE_REVISION
    assert set(inspect(any_db.engine).get_table_names()) == tables
    if digest is not None:
        any_db.dispose()
        assert file_digest(Path(any_db.engine.url.database or "")) == digest
        assert not any(paths.backup_dir().iterdir())


def test_a_database_of_another_program_is_refused(any_db: Database) -> None:
    with any_db.unit_of_work() as session:
        session.execute(text("DROP TABLE alembic_version"))
    with pytest.raises(DatabaseError, match="tabellen die niet van verzuimdesk zijn"):
        open_database(any_db.url)


def test_an_unreachable_database_gives_a_dutch_message(tmp_path: Path) -> None:
    not_a_database = tmp_path / "kapot.sqlite"
    not_a_database.write_bytes(b"dit is geen database" * 100)
    with pytest.raises(DatabaseError, match="kan niet worden geopend"):
        open_database(not_a_database)


# -- SQLite -------------------------------------------------------------------------------------


def test_sqlite_runs_in_wal_mode_with_foreign_keys(db: Database) -> None:
    with db.engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    add_student(db)
    with pytest.raises(Exception, match="FOREIGN KEY"), db.unit_of_work() as session:
        session.add(Guardian(student_id=12345, naam="Niemand"))


def test_to_url_takes_paths_and_urls(tmp_path: Path) -> None:
    assert to_url(tmp_path / "a.sqlite") == f"sqlite:///{tmp_path / 'a.sqlite'}"
    assert to_url("postgresql+psycopg://u@h/d") == "postgresql+psycopg://u@h/d"
    assert to_url(None) == f"sqlite:///{paths.default_database_path()}"


def test_backup_is_a_readable_copy_with_the_latest_writes(db: Database) -> None:
    add_student(db)  # still in the WAL file: a plain file copy would miss it
    copy = backup_sqlite(db.engine, "proef")
    assert copy is not None
    assert copy.parent == paths.backup_dir()
    assert copy.name.endswith("-proef.sqlite")
    with sqlite3.connect(copy) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert connection.execute("SELECT roepnaam FROM student").fetchall() == [("Fenna",)]
        version = connection.execute("SELECT version_num FROM alembic_version").fetchone()
        assert version == (migrate.head_revision(),)


def test_backup_of_an_in_memory_database_is_skipped() -> None:
    memory = open_database("sqlite://")
    try:
        assert backup_sqlite(memory.engine, "proef") is None
    finally:
        memory.dispose()


def test_an_older_database_is_backed_up_before_the_upgrade(db: Database) -> None:
    add_student(db)
    with db.unit_of_work() as session:
        session.execute(text("UPDATE alembic_version SET version_num = 'base_for_test'"))
    db.dispose()
    # pretend revision "base_for_test" is known and older than head, and the upgrade is a no-op
    calls: list[str] = []

    def fake_upgrade(engine: object, revision: str = "head") -> None:
        calls.append(revision)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(migrate, "is_known_revision", lambda revision: True)
        patch.setattr(migrate, "upgrade", fake_upgrade)
        reopened = open_database(db.url)
    reopened.dispose()
    assert calls == ["head"]
    backups = list(paths.backup_dir().iterdir())
    assert len(backups) == 1
    assert "voor-upgrade-base_for_test" in backups[0].name
    with sqlite3.connect(backups[0]) as connection:
        assert connection.execute("SELECT count(*) FROM guardian").fetchone() == (1,)


def test_a_failed_migration_rolls_back_completely(
    db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    def half_a_migration(config: object, revision: str) -> None:
        connection: Connection = config.attributes["connection"]  # type: ignore[attr-defined]
        connection.exec_driver_sql("CREATE TABLE half_done (id INTEGER)")
        connection.exec_driver_sql("DELETE FROM setting")
        raise RuntimeError("stap 2 mislukt")

    with db.unit_of_work() as session:
        session.add(Setting(key="proef", value="1"))
    monkeypatch.setattr(migrate.command, "upgrade", half_a_migration)
    with pytest.raises(RuntimeError):
        migrate.upgrade(db.engine)
    assert "half_done" not in inspect(db.engine).get_table_names()
    with db.unit_of_work() as session:
        assert session.scalar(select(Setting.value)) == "1"
    with db.engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1


def test_a_batch_migration_does_not_cascade_deletes(
    db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Alembic's batch mode copies a table and drops the old one: the children must survive."""

    def copy_and_drop_student(config: object, revision: str) -> None:
        connection: Connection = config.attributes["connection"]  # type: ignore[attr-defined]
        create = connection.exec_driver_sql(
            "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'student'"
        ).scalar_one()
        connection.exec_driver_sql(create.replace("student", "_tmp_student", 1))
        connection.exec_driver_sql("INSERT INTO _tmp_student SELECT * FROM student")
        connection.exec_driver_sql("DROP TABLE student")
        connection.exec_driver_sql("ALTER TABLE _tmp_student RENAME TO student")

    add_student(db)
    monkeypatch.setattr(migrate.command, "upgrade", copy_and_drop_student)
    migrate.upgrade(db.engine)
    with db.engine.connect() as connection:
        assert connection.exec_driver_sql("SELECT count(*) FROM guardian").scalar() == 1


def test_a_migration_that_breaks_references_is_refused(
    db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    def lose_the_students(config: object, revision: str) -> None:
        connection: Connection = config.attributes["connection"]  # type: ignore[attr-defined]
        connection.exec_driver_sql("DELETE FROM student")

    add_student(db)
    monkeypatch.setattr(migrate.command, "upgrade", lose_the_students)
    with pytest.raises(DatabaseError, match="teruggedraaid"):
        migrate.upgrade(db.engine)
    with db.engine.connect() as connection:
        assert connection.exec_driver_sql("SELECT count(*) FROM student").scalar() == 1


def test_an_evaluation_kept_in_the_agreements_moves_to_its_own_column(tmp_path: Path) -> None:
    """Revision 0002: conversations closed before it read back as agreed and as evaluated."""
    url = to_url(tmp_path / "oud.sqlite")
    engine = create_db_engine(url)
    old = Database(url, engine, sessionmaker(engine))
    migrate.upgrade(old.engine, "0001")
    add_student(old)
    with old.engine.begin() as connection:
        for held, closed, agreements in (
            ("2025-09-03", "2025-10-01", "elke dag op tijd\n\nEvaluatie 01-10-2025: nagekomen"),
            ("2025-09-24", None, "vrijdag op school"),
        ):
            connection.execute(
                text(
                    "INSERT INTO conversation (student_id, held_on, participants, agreements, "
                    "closed_on, recorded_by) SELECT id, :held, 'mentor', :agreements, :closed, "
                    "'test' FROM student"
                ),
                {"held": held, "closed": closed, "agreements": agreements},
            )
    old.dispose()

    upgraded = open_database(url)
    with upgraded.engine.connect() as connection:
        rows = connection.execute(
            text("SELECT agreements, evaluation FROM conversation ORDER BY held_on")
        ).all()
    upgraded.dispose()
    assert [tuple(r) for r in rows] == [
        ("elke dag op tijd", "nagekomen"),
        ("vrijdag op school", None),
    ]
