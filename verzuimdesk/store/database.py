"""Opening a database: the engine, SQLite pragmas, sessions, and upgrade-on-start with backup."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import Engine, create_engine, event, inspect
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker

from verzuimdesk import paths
from verzuimdesk.errors import DatabaseError
from verzuimdesk.privacy import create_private_file, private_file
from verzuimdesk.store import guards, migrate, schema_check

# every session checks the text it writes (see store/guards.py); imported for that effect
_GUARDS = guards


def to_url(db: str | Path | None) -> str:
    """A path or any SQLAlchemy URL; None means the default file in the user data folder."""
    if db is None:
        return f"sqlite:///{paths.default_database_path()}"
    text = str(db)
    if "://" in text:
        return text
    return f"sqlite:///{Path(text).expanduser().resolve()}"


SQLITE_BUSY_TIMEOUT_MS = 300_000


def _sqlite_pragmas(dbapi_connection: sqlite3.Connection, _record: object) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    # WAL with NORMAL is durable across application crashes, which is what a desk needs
    cursor.execute("PRAGMA synchronous=NORMAL")
    # one writer at a time: a desk's save waits for the write lock instead of failing with
    # "database is locked". The longest holder is an import, all or nothing in one transaction:
    # 1,070,000 registrations held it about 40 s on a loaded 2-core machine (issue 13 note), so
    # five minutes leaves room for a slower PC and a bigger school; nothing is lost by waiting.
    cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
    # 64 MiB instead of SQLite's 2 MiB: a school year of registrations and its indexes do not
    # fit in 2 MiB, and every spill during a large import or index build costs disk writes
    cursor.execute("PRAGMA cache_size=-65536")
    cursor.close()


def create_db_engine(url: str) -> Engine:
    # hide_parameters: an error must never carry a statement's values (a caller's name, a reason
    # such as "depressie") into a message, a log or a crash report
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        if parsed.database and parsed.database != ":memory:":
            Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
            create_private_file(Path(parsed.database))
        engine = create_engine(url, hide_parameters=True)
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    return create_engine(url, pool_pre_ping=True, hide_parameters=True)


@dataclass
class Database:
    """An open, up-to-date database and a way to get units of work on it."""

    url: str
    engine: Engine
    sessions: sessionmaker[Session]

    @property
    def is_sqlite(self) -> bool:
        return self.engine.dialect.name == "sqlite"

    @property
    def display_name(self) -> str:
        parsed = make_url(self.url)
        if self.is_sqlite:
            return str(parsed.database)
        return parsed.render_as_string(hide_password=True)

    @contextmanager
    def unit_of_work(self) -> Iterator[Session]:
        """A session that commits when the block ends and rolls back on any error."""
        with self.sessions.begin() as session:
            yield session

    def dispose(self) -> None:
        self.engine.dispose()


def backup_sqlite(engine: Engine, reason: str) -> Path | None:
    """A consistent copy via sqlite3's backup API (a file copy of a WAL database is not safe)."""
    database = engine.url.database
    if not database or database == ":memory:" or not Path(database).exists():
        return None
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    target = paths.backup_dir() / f"{Path(database).stem}-{stamp}-{reason}.sqlite"
    # the copy holds personal data of minors: readable by its owner only, from the first byte
    os.close(os.open(target, os.O_CREAT | os.O_WRONLY, 0o600))
    target.chmod(0o600)
    source = sqlite3.connect(database)
    try:
        dest = sqlite3.connect(target)
        try:
            source.backup(dest)
        finally:
            dest.close()
    finally:
        source.close()
    return private_file(target)


def open_database(
    db: str | Path | None = None, *, upgrade: bool = True, create: bool = True
) -> Database:
    """Open and upgrade to the newest schema, backing up first.

    `create=False` (the command line's verbs that only read) refuses a database that does not
    exist yet or holds no verzuimdesk data, instead of making an empty one: a typo in a nightly
    job must fail, not report "Geen open signalen.".
    """
    url = to_url(db)
    shown = make_url(url).render_as_string(hide_password=True)
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite" and parsed.database not in (None, "", ":memory:"):
        file = Path(str(parsed.database))
        if not create and not file.exists():
            raise DatabaseError(
                f"De database '{file}' bestaat niet. Controleer het pad (--db of "
                "VERZUIMDESK_DB); er is niets gemaakt of gewijzigd."
            )
    try:
        engine = create_db_engine(url)
    except Exception as exc:  # a malformed URL or a missing driver
        raise DatabaseError(
            f"De database '{shown}' kan niet worden geopend: {exc}. Controleer het pad of de "
            "verbindingsgegevens (--db of VERZUIMDESK_DB)."
        ) from exc
    try:
        _bring_up_to_date(engine, upgrade, create)
        if upgrade:
            schema_check.check_schema(engine, shown)
    except DatabaseError:
        engine.dispose()  # release the file, so the user can move or restore it
        raise
    except Exception as exc:  # the driver's own errors vary; the user needs one message
        engine.dispose()
        raise DatabaseError(
            f"De database '{shown}' kan niet worden geopend of bijgewerkt: {exc}. Controleer "
            "het pad of de verbindingsgegevens (--db of VERZUIMDESK_DB)."
        ) from exc
    return Database(url=url, engine=engine, sessions=sessionmaker(engine, expire_on_commit=False))


def _bring_up_to_date(engine: Engine, upgrade: bool, create: bool = True) -> None:
    with engine.connect() as connection:
        current = migrate.current_revision(connection)
        has_tables = bool(inspect(connection).get_table_names())
    if current is None and not create:
        raise DatabaseError(
            "Deze database bevat nog geen verzuimdesk-gegevens. Controleer het pad of de "
            "verbindingsgegevens (--db of VERZUIMDESK_DB), of vul de database eerst met "
            "'verzuimdesk import' of 'verzuimdesk demo'; er is niets gewijzigd."
        )
    if current is not None and not migrate.is_known_revision(current):
        raise DatabaseError(
            "Deze database is gemaakt met een nieuwere versie van verzuimdesk (schema "
            f"{current}). Installeer de nieuwste versie van verzuimdesk; de database is niet "
            "gewijzigd."
        )
    if not upgrade or current == migrate.head_revision():
        return
    if current is None and has_tables:
        raise DatabaseError(
            "Deze database bevat tabellen die niet van verzuimdesk zijn. Kies een lege "
            "database of een verzuimdesk-database."
        )
    if current is not None and engine.dialect.name == "sqlite":
        backup_sqlite(engine, f"voor-upgrade-{current}")
    migrate.upgrade(engine)
