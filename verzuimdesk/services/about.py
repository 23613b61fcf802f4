"""What Help > "Over verzuimdesk" shows: version, database and its schema, folders, licence."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from verzuimdesk import __version__, paths
from verzuimdesk.services.context import Context
from verzuimdesk.store import migrate

LICENCE = "EUPL-1.2 (European Union Public Licence, versie 1.2)"
THIRD_PARTY = (
    "Gebouwd met Qt for Python (PySide6, LGPL-3.0), SQLAlchemy en Alembic (MIT), ReportLab "
    "(BSD), openpyxl (MIT), platformdirs (MIT), holidays (MIT) en psycopg (LGPL-3.0); "
    "lettertype DejaVu Sans (vrije licentie, zie resources/fonts)."
)


@dataclass(frozen=True)
class ProgramInfo:
    version: str
    database: str
    database_revision: str
    newest_revision: str
    data_folder: Path
    log_folder: Path
    backup_folder: Path
    resources_folder: Path
    licence: str = LICENCE
    third_party: str = THIRD_PARTY


def program_info(ctx: Context) -> ProgramInfo:
    """No permission check: every role may see which program and folders it works with; it
    holds nothing about students."""
    with ctx.db.engine.connect() as connection:
        revision = migrate.current_revision(connection) or "geen"
    return ProgramInfo(
        version=__version__,
        database=ctx.db.display_name,
        database_revision=revision,
        newest_revision=migrate.head_revision(),
        data_folder=paths.data_dir(),
        log_folder=paths.log_dir(),
        backup_folder=paths.backup_dir(),
        resources_folder=paths.resources_dir(),
    )
