"""Back-ups of the school's database: make one, keep them by rotation, list them, restore one.

On SQLite a back-up is a consistent copy made with SQLite's own backup API (a plain file copy
of a WAL database can miss what is still in the WAL). On PostgreSQL the server is backed up
with `pg_dump`; verzuimdesk runs it when the tool is found, and leaves restoring to the
server's beheerder (`pg_restore`), because replacing a shared server database under other
workstations is not something one desk should do.

Rotation keeps every back-up of today, the newest of each of the 6 days before (7 daily in
all) and, older than that, the newest of each of the 4 most recent weeks. Back-up files hold
personal data of minors: they are written readable by their owner only (0600).
"""

from __future__ import annotations

import contextlib
import logging
import os
import re
import shutil
import sqlite3
import subprocess
from dataclasses import dataclass, fields
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy.engine import make_url

from verzuimdesk import paths
from verzuimdesk.domain.roles import Permission
from verzuimdesk.errors import DatabaseError, PermissionDenied, VerzuimdeskError
from verzuimdesk.services import audit
from verzuimdesk.services.access import can, require
from verzuimdesk.services.changes import Changes
from verzuimdesk.services.context import Context
from verzuimdesk.store import migrate
from verzuimdesk.store.database import Database, open_database

log = logging.getLogger(__name__)

KEEP_DAILY = 7
KEEP_WEEKLY = 4
AUTOMATIC_AFTER = timedelta(days=1)

# the tables every verzuimdesk database has had since its first schema: a file without them is
# some other SQLite database, whatever its name says
_CORE_TABLES = frozenset({"alembic_version", "school", "student", "audit_entry"})

_NAME = re.compile(
    r"^(?P<stem>.+)-(?P<day>\d{8})-(?P<time>\d{6})-(?P<reason>[a-z0-9-]+)\.(?P<ext>sqlite|dump)$"
)


class BackupError(VerzuimdeskError):
    """A back-up cannot be made or restored; nothing was changed."""


@dataclass(frozen=True)
class Backup:
    path: Path
    made_at: datetime
    reason: str
    size: int

    @property
    def name(self) -> str:
        return self.path.name

    @property
    def reason_text(self) -> str:
        return self.reason.replace("-", " ")


# -- naming ------------------------------------------------------------------------------------


def _slug(reason: str) -> str:
    text = reason.strip().lower()
    text = re.sub(r"[^a-z0-9]+", "-", text).strip("-")
    return text[:40] or "handmatig"


def _stem(database: Database) -> str:
    if database.is_sqlite:
        return Path(str(make_url(database.url).database)).stem
    name = make_url(database.url).database or "postgresql"
    return _slug(name)


def _parse(path: Path) -> tuple[str, datetime, str] | None:
    match = _NAME.match(path.name)
    if not match:
        return None
    try:
        made_at = datetime.strptime(match["day"] + match["time"], "%Y%m%d%H%M%S")
    except ValueError:
        return None
    return match["stem"], made_at, match["reason"]


def _private_file(path: Path) -> None:
    """Create `path` empty and readable by its owner only, before any data goes in."""
    fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    os.close(fd)


def _target(database: Database, reason: str, ext: str, now: datetime) -> Path:
    folder = paths.backup_dir()
    # a folder on a share may not allow it; the files themselves are 0600 all the same
    with contextlib.suppress(OSError):
        folder.chmod(0o700)
    base = f"{_stem(database)}-{now:%Y%m%d-%H%M%S}-{_slug(reason)}"
    target = folder / f"{base}.{ext}"
    counter = 2
    while target.exists():  # two back-ups in the same second (an import right after start)
        target = folder / f"{base}-{counter}.{ext}"
        counter += 1
    return target


# -- listing and rotation ------------------------------------------------------------------------


def _backups_of(database: Database) -> list[Backup]:
    stem = _stem(database)
    found = []
    for path in paths.backup_dir().iterdir():
        parsed = _parse(path)
        if parsed is None or parsed[0] != stem or not path.is_file():
            continue
        found.append(Backup(path, parsed[1], parsed[2], path.stat().st_size))
    found.sort(key=lambda b: (b.made_at, b.path.name), reverse=True)
    return found


def list_backups(ctx: Context) -> list[Backup]:
    """The back-ups of this database, newest first."""
    require(ctx, Permission.BACKUP)
    return _backups_of(ctx.db)


def last_backup_at(ctx: Context) -> datetime | None:
    backups = _backups_of(ctx.db)
    return backups[0].made_at if backups else None


def to_keep(backups: list[Backup], today: date) -> set[Path]:
    """Which back-ups the rotation keeps (pure, so the rule is tested on its own): every one of
    today, the newest of each of the 7 most recent days with a back-up (today counts as one),
    and the newest of each of the 4 most recent weeks before those days."""
    keep = {b.path for b in backups if b.made_at.date() >= today}
    newest_per_day: dict[date, Backup] = {}
    for backup in sorted(backups, key=lambda b: b.made_at, reverse=True):
        newest_per_day.setdefault(backup.made_at.date(), backup)
    days = sorted(newest_per_day, reverse=True)
    daily, older = days[:KEEP_DAILY], days[KEEP_DAILY:]
    keep.update(newest_per_day[day].path for day in daily)
    newest_per_week: dict[tuple[int, int], Backup] = {}
    for day in older:  # newest day first, so the first of a week is its newest back-up
        year, week, _ = day.isocalendar()
        newest_per_week.setdefault((year, week), newest_per_day[day])
    for year_week in sorted(newest_per_week, reverse=True)[:KEEP_WEEKLY]:
        keep.add(newest_per_week[year_week].path)
    return keep


def rotate(ctx: Context) -> list[Path]:
    """Remove the back-ups the rotation no longer keeps; returns what was removed."""
    backups = _backups_of(ctx.db)
    keep = to_keep(backups, ctx.today())
    removed = []
    for backup in backups:
        if backup.path not in keep:
            try:
                backup.path.unlink()
                removed.append(backup.path)
            except OSError as exc:  # held open by a virus scanner; next rotation tries again
                log.warning("back-up %s niet verwijderd: %s", backup.path.name, exc)
    return removed


# -- making --------------------------------------------------------------------------------------


def make_backup(ctx: Context, reason: str) -> Path:
    """A back-up of the whole database now; `reason` ends up in the file name ("voor-import").

    Allowed to whoever may make back-ups, and to whoever may import: the import makes one
    before it writes, so a wrong file can be undone.
    """
    if not (can(ctx, Permission.BACKUP) or can(ctx, Permission.IMPORT)):
        require(ctx, Permission.BACKUP)  # raises with the usual message
    target = _make(ctx, reason)
    rotate(ctx)
    return target


def _make(ctx: Context, reason: str) -> Path:
    if ctx.db.is_sqlite:
        return _make_sqlite(ctx.db, reason, ctx.now())
    return _make_pg_dump(ctx.db, reason, ctx.now())


def _make_sqlite(database: Database, reason: str, now: datetime) -> Path:
    source_path = make_url(database.url).database
    if not source_path or source_path == ":memory:" or not Path(source_path).exists():
        raise BackupError(
            "Van een database die alleen in het geheugen staat kan geen back-up worden gemaakt."
        )
    target = _target(database, reason, "sqlite", now)
    _private_file(target)
    try:
        copy_sqlite(Path(source_path), target)
    except sqlite3.Error as exc:
        target.unlink(missing_ok=True)
        raise BackupError(
            f"De back-up is niet gemaakt: {exc}. Controleer of er genoeg schijfruimte is in "
            f"{target.parent}."
        ) from exc
    log.info("back-up gemaakt: %s", target.name)
    return target


def copy_sqlite(source: Path, target: Path) -> None:
    """Copy one SQLite database onto another with the backup API: consistent even while other
    connections write, and the target's own WAL is handled by SQLite itself."""
    src = sqlite3.connect(source)
    try:
        dest = sqlite3.connect(target)
        try:
            src.backup(dest)
        finally:
            dest.close()
    finally:
        src.close()


def pg_dump_tool() -> str | None:
    return shutil.which("pg_dump")


def _make_pg_dump(database: Database, reason: str, now: datetime) -> Path:
    tool = pg_dump_tool()
    if tool is None:
        raise BackupError(
            "pg_dump is niet gevonden op deze computer. De PostgreSQL-server wordt op de server "
            "zelf geback-upt met pg_dump (bijvoorbeeld elke nacht); vraag de beheerder van de "
            "server, of installeer de PostgreSQL-clientprogramma's en probeer het opnieuw."
        )
    url = make_url(database.url)
    target = _target(database, reason, "dump", now)
    _private_file(target)
    env = dict(os.environ)
    # the password goes through the environment, never on a command line others can read
    if url.password:
        env["PGPASSWORD"] = str(url.password)
    command = [tool, "--format=custom", "--no-owner", f"--file={target}"]
    if url.host:
        command.append(f"--host={url.host}")
    if url.port:
        command.append(f"--port={url.port}")
    if url.username:
        command.append(f"--username={url.username}")
    command.append(str(url.database))
    try:
        result = subprocess.run(
            command, env=env, capture_output=True, text=True, timeout=3600, check=False
        )
    except (OSError, subprocess.TimeoutExpired) as exc:
        target.unlink(missing_ok=True)
        raise BackupError(f"pg_dump kon niet worden uitgevoerd: {exc}.") from exc
    if result.returncode != 0:
        target.unlink(missing_ok=True)
        raise BackupError(
            "pg_dump gaf een fout; er is geen back-up gemaakt. Melding van pg_dump: "
            f"{result.stderr.strip()[:500]}"
        )
    log.info("back-up gemaakt met pg_dump: %s", target.name)
    return target


def backup_if_due(ctx: Context) -> Path | None:
    """The automatic back-up at start: made when the last one is older than a day.

    Not a use case of the person working but of the program, so no permission check: a
    receptionist's start keeps the school's data as safe as a beheerder's. On PostgreSQL the
    server's own back-up counts, so nothing is done there.
    """
    if not ctx.db.is_sqlite:
        return None
    source_path = make_url(ctx.db.url).database
    if not source_path or source_path == ":memory:" or not Path(source_path).exists():
        return None
    last = last_backup_at(ctx)
    if last is not None and ctx.now() - last < AUTOMATIC_AFTER:
        return None
    target = _make(ctx, "automatisch")
    rotate(ctx)
    return target


# -- restoring -----------------------------------------------------------------------------------


def check_backup_file(path: Path) -> str:
    """Refuse a file that is not a sound verzuimdesk database; returns its schema revision."""
    if not path.is_file():
        raise BackupError(f"Het bestand '{path}' bestaat niet. Kies een back-upbestand.")
    with path.open("rb") as handle:
        header = handle.read(16)
    if header != b"SQLite format 3\x00":
        raise BackupError(
            f"'{path.name}' is geen verzuimdesk-back-up (het is geen SQLite-database). Kies een "
            "bestand uit de map met back-ups, met een naam die eindigt op .sqlite."
        )
    try:
        connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error as exc:
        raise BackupError(f"'{path.name}' kan niet worden geopend: {exc}.") from exc
    try:
        try:
            rows = connection.execute("PRAGMA integrity_check").fetchall()
            tables = {
                row[0]
                for row in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")
            }
            revision = None
            if "alembic_version" in tables:
                found = connection.execute("SELECT version_num FROM alembic_version").fetchone()
                revision = found[0] if found else None
        except sqlite3.Error as exc:
            raise BackupError(
                f"'{path.name}' is beschadigd en kan niet worden teruggezet ({exc}). Kies een "
                "andere back-up."
            ) from exc
    finally:
        connection.close()
    if [tuple(row) for row in rows] != [("ok",)]:
        raise BackupError(
            f"'{path.name}' is beschadigd (de integriteitscontrole vond "
            f"{len(rows)} fout(en)) en wordt niet teruggezet. Kies een andere back-up."
        )
    if not tables >= _CORE_TABLES or revision is None:
        raise BackupError(
            f"'{path.name}' is geen verzuimdesk-database (de tabellen van verzuimdesk "
            "ontbreken). Kies een back-up die verzuimdesk zelf heeft gemaakt."
        )
    if not migrate.is_known_revision(revision):
        raise BackupError(
            f"'{path.name}' is gemaakt met een nieuwere versie van verzuimdesk (schema "
            f"{revision}). Installeer eerst de nieuwste versie; er is niets teruggezet."
        )
    return str(revision)


@dataclass(frozen=True)
class Restored:
    restored_from: Path
    saved_current: Path
    changes: Changes


def restore_backup(ctx: Context, path: Path) -> Restored:
    """Replace the database by the back-up in `path`, after checking it and saving the current
    database as a back-up of its own. The same `ctx.db` works on the restored data afterwards
    (an older back-up is brought up to the current schema first)."""
    require(ctx, Permission.BACKUP)
    if not ctx.db.is_sqlite:
        raise BackupError(
            "Een PostgreSQL-database wordt op de server teruggezet, met pg_restore, door de "
            "beheerder van de server (bijvoorbeeld: pg_restore --clean --dbname=verzuimdesk "
            "bestand.dump). Sluit eerst verzuimdesk op alle werkplekken."
        )
    path = Path(path)
    check_backup_file(path)
    live = Path(str(make_url(ctx.db.url).database))
    if path.resolve() == live.resolve():
        raise BackupError("Dit is de database zelf, geen back-up. Kies een back-upbestand.")
    saved = _make(ctx, "voor-terugzetten")
    # close every pooled connection first: the copy takes SQLite's own lock on the live file and
    # the connections opened afterwards read the restored pages
    ctx.db.engine.dispose()
    try:
        copy_sqlite(path, live)
    except sqlite3.Error as exc:
        raise BackupError(
            f"Het terugzetten is mislukt ({exc}). De database van vóór het terugzetten staat in "
            f"{saved.name}."
        ) from exc
    try:
        upgraded = open_database(ctx.db.url)  # an older back-up gets today's schema
        upgraded.dispose()
    except DatabaseError as exc:
        copy_sqlite(saved, live)
        ctx.db.engine.dispose()
        raise BackupError(
            f"De back-up kon niet worden bijgewerkt naar deze versie ({exc}); de database is "
            "weer zoals vóór het terugzetten."
        ) from exc
    ctx.db.engine.dispose()
    with ctx.db.unit_of_work() as session:
        audit.record(
            session,
            ctx,
            "backup.terugzetten",
            "database",
            None,
            None,
            {"back-up": path.name, "vorige database bewaard als": saved.name},
        )
    log.info("back-up teruggezet: %s (vorige: %s)", path.name, saved.name)
    return Restored(path, saved, _everything())


def _everything() -> Changes:
    """Every kind of data changed: after a restore every screen reloads. Only the yes/no kinds;
    `remote` (a change heard from another workstation) stays False: this one is made here."""
    kinds: dict[str, Any] = {
        f.name: True for f in fields(Changes) if f.type in (bool, "bool") and f.name != "remote"
    }
    return Changes(**kinds)


__all__ = [
    "Backup",
    "BackupError",
    "PermissionDenied",
    "Restored",
    "backup_if_due",
    "check_backup_file",
    "list_backups",
    "make_backup",
    "restore_backup",
    "rotate",
    "to_keep",
]
