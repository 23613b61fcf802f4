"""The models and the migrations describe the same schema.

A model change without a regenerated (or new) migration fails here, on SQLite and, in CI, on
PostgreSQL: run scripts/regen_initial_migration.py (before the first release) or add a revision.
"""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from verzuimdesk.store.database import Database
from verzuimdesk.store.models import Base


def test_models_match_the_migrations(any_db: Database) -> None:
    with any_db.engine.connect() as connection:
        context = MigrationContext.configure(
            connection, opts={"compare_type": True, "render_as_batch": True}
        )
        differences = compare_metadata(context, Base.metadata)
    assert differences == [], (
        f"De modellen en de migraties verschillen; maak een nieuwe migratie: {differences}"
    )
