"""The audit trail: who changed what, when, with the values before and after."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import DateTime, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from verzuimdesk.store.base import Base


class AuditEntry(Base):
    """One row per change or per look at personal data. Rows are never changed or removed: on
    PostgreSQL and SQLite a database trigger refuses UPDATE and DELETE (migration 0007)."""

    __tablename__ = "audit_entry"
    __table_args__ = (Index("ix_audit_entry_entity", "entity", "entity_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(DateTime, index=True)
    user: Mapped[str] = mapped_column(String(100))
    action: Mapped[str] = mapped_column(String(60))
    entity: Mapped[str] = mapped_column(String(40))
    entity_id: Mapped[str | None] = mapped_column(String(40))
    before: Mapped[str | None] = mapped_column(Text)  # JSON
    after: Mapped[str | None] = mapped_column(Text)  # JSON
    # the logged-in person (None: before people existed, or a job without a person)
    person_id: Mapped[int | None] = mapped_column(Integer)
    # the student the entry is about, so the Logboek can filter "who looked at this student"
    student_id: Mapped[int | None] = mapped_column(Integer, index=True)
