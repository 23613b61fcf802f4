"""Back-ups: made with SQLite's backup API, private, rotated, and restored exactly."""

from __future__ import annotations

import sqlite3
import stat
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import delete, select, text

from tests.actors import TESTER
from verzuimdesk import paths
from verzuimdesk.domain.roles import Role
from verzuimdesk.errors import PermissionDenied
from verzuimdesk.services import backups
from verzuimdesk.services.backups import Backup, BackupError
from verzuimdesk.services.context import Actor, Context
from verzuimdesk.store import migrate
from verzuimdesk.store.database import Database, create_db_engine, open_database
from verzuimdesk.store.school import Setting
from verzuimdesk.store.students import Guardian, Student


def add_student(database: Database, nummer: str, naam: str) -> None:
    """In plain SQL, so it also works on a database of an older schema than the models'."""
    values = {"nummer": nummer, "naam": naam, "born": date(2010, 3, 14), "value": f'"{naam}"'}
    with database.engine.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO student (leerlingnummer, roepnaam, achternaam, geboortedatum, klas) "
                "VALUES (:nummer, :naam, 'Testerman', :born, '2B')"
            ),
            values,
        )
        connection.execute(
            text(
                "INSERT INTO guardian (student_id, naam) SELECT id, 'ouder van ' || :naam "
                "FROM student WHERE leerlingnummer = :nummer"
            ),
            values,
        )
        connection.execute(delete(Setting).where(Setting.key == "proef"))
        connection.execute(
            text("INSERT INTO setting (key, value) VALUES ('proef', :value)"), values
        )


def contents(path: Path, skip_audit_from: int | None = None) -> dict[str, list[tuple]]:
    """Every row of every table of a SQLite file, in a fixed order."""
    connection = sqlite3.connect(path)
    try:
        tables = [
            row[0]
            for row in connection.execute(
                "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'"
            )
        ]
        result = {}
        for table in sorted(tables):
            rows = connection.execute(f'SELECT * FROM "{table}"').fetchall()
            if table == "audit_entry" and skip_audit_from is not None:
                rows = [row for row in rows if row[0] < skip_audit_from]
            result[table] = sorted(rows, key=repr)
        return result
    finally:
        connection.close()


def live_path(ctx: Context) -> Path:
    return Path(str(ctx.db.engine.url.database))


def test_a_restored_database_holds_exactly_what_was_backed_up(ctx: Context) -> None:
    add_student(ctx.db, "900001", "Fenna")
    add_student(ctx.db, "900002", "Sem")
    made = backups.make_backup(ctx, "handmatig")
    backed_up = contents(made)
    assert backed_up["student"] and backed_up["guardian"]

    # afterwards the data changes in every way: a new row, a removed row, a changed value
    add_student(ctx.db, "900003", "Lotte")
    with ctx.db.unit_of_work() as session:
        fenna = session.scalar(select(Student).where(Student.leerlingnummer == "900001"))
        session.execute(delete(Guardian).where(Guardian.student_id == fenna.id))
        session.delete(fenna)
    assert contents(live_path(ctx)) != backed_up

    restored = backups.restore_backup(ctx, made)

    with ctx.db.unit_of_work() as session:  # the same ctx works on the restored data
        numbers = set(session.scalars(select(Student.leerlingnummer)))
        assert numbers == {"900001", "900002"}
        assert session.scalar(select(Setting.value).where(Setting.key == "proef")) == '"Sem"'
    # every table holds exactly the backed-up rows; the audit trail one more: the restore
    after = contents(live_path(ctx))
    restore_entries = [row for row in after["audit_entry"] if row not in backed_up["audit_entry"]]
    after["audit_entry"] = [row for row in after["audit_entry"] if row not in restore_entries]
    assert after == backed_up
    assert len(restore_entries) == 1
    assert "backup.terugzetten" in restore_entries[0] and made.name in str(restore_entries[0])
    # the database as it was before the restore is kept as a back-up of its own
    saved = contents(restored.saved_current)["student"]
    assert any("900003" in row for row in saved)


def test_backup_files_are_private_and_named_for_their_reason(ctx: Context) -> None:
    made = backups.make_backup(ctx, "Voor import leerlingen.csv")
    assert stat.S_IMODE(made.stat().st_mode) == 0o600
    assert made.parent == paths.backup_dir()
    assert "voor-import-leerlingen-csv" in made.name
    listed = backups.list_backups(ctx)
    assert [b.path for b in listed] == [made]
    assert listed[0].made_at == ctx.now()


def test_two_backups_in_the_same_second_both_survive(ctx: Context) -> None:
    first = backups.make_backup(ctx, "voor-import")
    second = backups.make_backup(ctx, "voor-import")
    assert first != second and first.exists() and second.exists()


def test_the_automatic_backup_is_made_once_a_day(db: Database) -> None:
    now = [datetime(2025, 10, 1, 8, 0)]
    ctx = Context(db, actor=Actor("receptie", Role.RECEPTIE), clock=lambda: now[0])
    assert backups.backup_if_due(ctx) is not None  # no back-up yet: one is made
    now[0] += timedelta(hours=23)
    assert backups.backup_if_due(ctx) is None
    now[0] += timedelta(hours=2)
    assert backups.backup_if_due(ctx) is not None
    assert len(list(paths.backup_dir().iterdir())) == 2


def _backup(when: datetime, name: str | None = None) -> Backup:
    return Backup(Path(name or f"db-{when:%Y%m%d-%H%M%S}-x.sqlite"), when, "x", 1)


def test_rotation_keeps_seven_days_and_four_weeks() -> None:
    today = date(2025, 10, 31)
    made = []
    # two back-ups a day for 60 days
    for days_ago in range(60):
        day = datetime.combine(today - timedelta(days=days_ago), datetime.min.time())
        made += [_backup(day.replace(hour=8)), _backup(day.replace(hour=15))]
    kept = backups.to_keep(made, today)
    kept_times = sorted((b.made_at for b in made if b.path in kept), reverse=True)
    # today: both; the 6 days before: the newest of each; then one per week for 4 weeks
    assert kept_times[:2] == [datetime(2025, 10, 31, 15), datetime(2025, 10, 31, 8)]
    assert kept_times[2:8] == [datetime(2025, 10, 30 - i, 15) for i in range(6)]
    weekly = kept_times[8:]
    assert len(weekly) == 4
    assert len({t.isocalendar()[:2] for t in weekly}) == 4
    assert all(t.hour == 15 for t in weekly)
    assert len(kept) == 12


def test_rotation_removes_old_files(ctx: Context) -> None:
    folder = paths.backup_dir()
    stem = live_path(ctx).stem
    for days_ago in range(40):
        when = ctx.now() - timedelta(days=days_ago + 1)
        (folder / f"{stem}-{when:%Y%m%d-%H%M%S}-automatisch.sqlite").write_bytes(b"")
    (folder / "iets-anders.txt").write_text("blijft")
    backups.make_backup(ctx, "handmatig")
    left = sorted(p.name for p in folder.iterdir())
    assert "iets-anders.txt" in left  # what is not a back-up of this database is never touched
    assert len(left) == 1 + 1 + 6 + 4


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"leerlingnummer;naam\n900001;Fenna\n", "geen SQLite-database"),
        (b"", "geen SQLite-database"),
    ],
)
def test_a_file_that_is_not_a_database_is_refused(
    ctx: Context, tmp_path: Path, content: bytes, message: str
) -> None:
    add_student(ctx.db, "900001", "Fenna")
    before = contents(live_path(ctx))
    wrong = tmp_path / "leerlingen.sqlite"
    wrong.write_bytes(content)
    with pytest.raises(BackupError, match=message):
        backups.restore_backup(ctx, wrong)
    assert contents(live_path(ctx)) == before
    assert not any(paths.backup_dir().iterdir())  # not even a safety copy: nothing happened


def test_another_programs_database_is_refused(ctx: Context, tmp_path: Path) -> None:
    other = tmp_path / "ander.sqlite"
    connection = sqlite3.connect(other)
    connection.execute("CREATE TABLE klant (naam TEXT)")
    connection.commit()
    connection.close()
    with pytest.raises(BackupError, match="geen verzuimdesk-database"):
        backups.restore_backup(ctx, other)


def test_a_damaged_backup_is_refused(ctx: Context) -> None:
    for n in range(200):  # enough rows for several pages
        add_student(ctx.db, f"9{n:05d}", f"Leerling{n}")
    made = backups.make_backup(ctx, "handmatig")
    data = bytearray(made.read_bytes())
    page = 4096
    for offset in range(3 * page, min(len(data), 8 * page), 7):
        data[offset] = 0xA5
    made.chmod(0o600)
    damaged = made.with_name("beschadigd.sqlite")
    damaged.write_bytes(bytes(data))
    before = contents(live_path(ctx))
    with pytest.raises(BackupError, match="beschadigd"):
        backups.restore_backup(ctx, damaged)
    assert contents(live_path(ctx)) == before


def test_a_backup_from_a_newer_program_is_refused(ctx: Context) -> None:
    made = backups.make_backup(ctx, "handmatig")
    connection = sqlite3.connect(made)
    connection.execute("UPDATE alembic_version SET version_num = '9999_nieuwer'")
    connection.commit()
    connection.close()
    with pytest.raises(BackupError, match="nieuwere versie"):
        backups.restore_backup(ctx, made)


def test_an_older_backup_is_brought_up_to_date(ctx: Context, tmp_path: Path) -> None:
    old = create_db_engine(f"sqlite:///{tmp_path / 'oud.sqlite'}")
    migrate.upgrade(old, "0001")  # a back-up made by the first version of verzuimdesk
    old.dispose()
    old_db = open_database(tmp_path / "oud.sqlite", upgrade=False)
    add_student(old_db, "900001", "Fenna")
    old_db.dispose()
    backups.restore_backup(ctx, tmp_path / "oud.sqlite")
    with ctx.db.engine.connect() as connection:
        assert migrate.current_revision(connection) == migrate.head_revision()
    with ctx.db.unit_of_work() as session:
        assert session.scalar(select(Student.roepnaam)) == "Fenna"


def test_who_may_make_and_restore_backups(db: Database) -> None:
    receptie = Context(db, actor=Actor("r", Role.RECEPTIE))
    importer = Context(db, actor=Actor("v", Role.VERZUIMMEDEWERKER))
    with pytest.raises(PermissionDenied):
        backups.make_backup(receptie, "handmatig")
    made = backups.make_backup(importer, "voor-import")  # the import's own safety copy
    with pytest.raises(PermissionDenied):
        backups.restore_backup(importer, made)
    with pytest.raises(PermissionDenied):
        backups.list_backups(receptie)
    beheerder = Context(db, actor=TESTER)
    assert backups.list_backups(beheerder)


@pytest.mark.pg
def test_on_postgresql_the_backup_is_a_pg_dump(any_ctx: Context) -> None:
    if any_ctx.db.is_sqlite:
        pytest.skip("PostgreSQL only")
    if backups.pg_dump_tool() is None:
        pytest.skip("pg_dump not installed")
    add_student(any_ctx.db, "900001", "Fenna")
    made = backups.make_backup(any_ctx, "handmatig")
    assert made.suffix == ".dump" and made.stat().st_size > 0
    assert stat.S_IMODE(made.stat().st_mode) == 0o600
    assert made.read_bytes()[:5] == b"PGDMP"
    with pytest.raises(BackupError, match="pg_restore"):
        backups.restore_backup(any_ctx, made)
    assert backups.backup_if_due(any_ctx) is None  # the server's own back-up counts
