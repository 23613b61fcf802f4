"""The audit trail cannot be rewritten: the database refuses UPDATE, DELETE (and TRUNCATE)."""

from __future__ import annotations

import pytest
from sqlalchemy import delete, exc, select, text, update

from tests.actors import TESTER
from verzuimdesk.services import audit
from verzuimdesk.services.context import Context
from verzuimdesk.store.audit import AuditEntry
from verzuimdesk.store.database import Database


def _one_entry(db: Database) -> int:
    ctx = Context(db, actor=TESTER)
    with db.unit_of_work() as session:
        entry = audit.record(session, ctx, "leerling.gewijzigd", "student", 7, {"a": 1}, {"a": 2})
        session.flush()
        return entry.id


def test_an_audit_row_cannot_be_updated(any_db: Database) -> None:
    entry_id = _one_entry(any_db)
    with pytest.raises(exc.DatabaseError, match="logboek kan niet"), any_db.unit_of_work() as s:
        s.execute(update(AuditEntry).where(AuditEntry.id == entry_id).values(user="iemand"))
    with any_db.unit_of_work() as session:
        assert session.get(AuditEntry, entry_id).user == "test"  # type: ignore[union-attr]


def test_an_audit_row_cannot_be_deleted(any_db: Database) -> None:
    entry_id = _one_entry(any_db)
    with pytest.raises(exc.DatabaseError, match="logboek kan niet"), any_db.unit_of_work() as s:
        s.execute(delete(AuditEntry))
    with any_db.unit_of_work() as session:
        assert session.scalars(select(AuditEntry.id)).all() == [entry_id]


@pytest.mark.pg
def test_the_trail_cannot_be_truncated_on_postgresql(any_db: Database) -> None:
    if any_db.is_sqlite:
        pytest.skip("SQLite has no TRUNCATE")
    _one_entry(any_db)
    with pytest.raises(exc.DatabaseError, match="logboek kan niet"), any_db.engine.begin() as c:
        c.execute(text("TRUNCATE audit_entry"))


def test_the_entry_names_the_person_and_the_student(any_db: Database) -> None:
    entry_id = _one_entry(any_db)
    with any_db.unit_of_work() as session:
        entry = session.get(AuditEntry, entry_id)
        assert entry is not None and entry.student_id == 7
