"""Opening a database checks its schema against its revision: repair what is safe, refuse the rest
(issue 13, part 5)."""

from __future__ import annotations

import pytest
from sqlalchemy import inspect, text

from verzuimdesk.errors import DatabaseError
from verzuimdesk.store.database import Database, open_database


def _indexes(db: Database, table: str) -> set[str]:
    with db.engine.connect() as connection:
        return {str(i["name"]) for i in inspect(connection).get_indexes(table)}


def _columns(db: Database, table: str) -> set[str]:
    with db.engine.connect() as connection:
        return {c["name"] for c in inspect(connection).get_columns(table)}


def test_a_lost_index_is_built_again(any_db: Database) -> None:
    # as a bulk load killed between dropping and rebuilding its indexes would leave it
    with any_db.engine.begin() as connection:
        connection.execute(text("DROP INDEX ix_registration_signals"))
        connection.execute(text("DROP INDEX ux_sick_report_open"))
    any_db.dispose()
    again = open_database(any_db.url)
    assert {"ix_registration_signals"} <= _indexes(again, "registration")
    assert {"ux_sick_report_open"} <= _indexes(again, "sick_report")
    again.dispose()


def test_a_missing_optional_column_is_added_and_the_rows_kept(any_db: Database) -> None:
    with any_db.engine.begin() as connection:
        connection.execute(
            text(
                'INSERT INTO audit_entry (at, "user", action, entity) '
                "VALUES ('2025-10-01 09:00:00', 'test', 'proef', 'student')"
            )
        )
        connection.execute(text("ALTER TABLE audit_entry DROP COLUMN after"))
    any_db.dispose()
    again = open_database(any_db.url)
    assert "after" in _columns(again, "audit_entry")
    with again.engine.connect() as connection:
        assert connection.execute(text("SELECT action FROM audit_entry")).scalars().all() == [
            "proef"
        ]
    again.dispose()


def test_a_missing_required_column_is_refused_and_nothing_changed(any_db: Database) -> None:
    with any_db.engine.begin() as connection:
        connection.execute(text("ALTER TABLE sick_report DROP COLUMN caller_kind"))
        connection.execute(text("DROP INDEX ix_registration_signals"))
    any_db.dispose()
    with pytest.raises(DatabaseError) as refused:
        open_database(any_db.url)
    assert "kolom 'caller_kind' ontbreekt in tabel 'sick_report'" in refused.value.message
    assert "niet gewijzigd" in refused.value.message
    probe = open_database(any_db.url, upgrade=False)
    assert "ix_registration_signals" not in _indexes(probe, "registration")  # not half-repaired
    probe.dispose()
