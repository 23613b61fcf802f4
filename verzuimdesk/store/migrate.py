"""Alembic, driven from code: the program upgrades a database on start."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine

from verzuimdesk.errors import DatabaseError

MIGRATIONS = Path(__file__).resolve().parent / "migrations"


def alembic_config() -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return config


def _scripts() -> ScriptDirectory:
    return ScriptDirectory.from_config(alembic_config())


def head_revision() -> str:
    head = _scripts().get_current_head()
    assert head is not None
    return head


def revisions_in_order() -> list[str]:
    """Every revision id from the first to the head (the chain is one line)."""
    return [script.revision for script in reversed(list(_scripts().walk_revisions()))]


def is_known_revision(revision: str) -> bool:
    try:
        return _scripts().get_revision(revision) is not None
    except Exception:  # alembic raises several kinds for an unknown id
        return False


def current_revision(connection: Connection) -> str | None:
    return MigrationContext.configure(connection).get_current_revision()


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Migrate in one transaction: a failed step leaves the database as it was."""
    config = alembic_config()
    with engine.connect() as connection:
        if connection.dialect.name != "sqlite":
            with connection.begin():
                config.attributes["connection"] = connection
                command.upgrade(config, revision)
            return
        _upgrade_sqlite(connection, config, revision)


def _upgrade_sqlite(connection: Connection, config: Config, revision: str) -> None:
    # Batch migrations copy a table and drop the old one; with foreign keys on, that drop would
    # cascade-delete the rows that refer to it. The pragma is ignored inside a transaction.
    connection.exec_driver_sql("PRAGMA foreign_keys=OFF")
    connection.commit()
    try:
        # pysqlite opens transactions lazily and runs DDL outside them; begin explicitly so
        # the DDL rolls back with the rest
        connection.exec_driver_sql("BEGIN")
        config.attributes["connection"] = connection
        command.upgrade(config, revision)
        broken = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
        if broken:
            tables = ", ".join(sorted({str(row[0]) for row in broken}))
            raise DatabaseError(
                f"Het bijwerken van de database is teruggedraaid: verwijzingen in {tables} "
                "kloppen daarna niet meer. Meld dit bij de beheerder van verzuimdesk; de "
                "database is niet gewijzigd."
            )
        connection.commit()
    except BaseException:
        connection.rollback()
        raise
    finally:
        # the connection goes back to the pool: every later user expects foreign keys on
        connection.exec_driver_sql("PRAGMA foreign_keys=ON")
        connection.commit()
