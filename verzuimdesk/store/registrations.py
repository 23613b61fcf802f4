"""Registrations: one row per registered lesson or part of a day, with its length in minutes."""

from __future__ import annotations

from datetime import date, datetime, time

from sqlalchemy import Date, DateTime, ForeignKey, Index, Integer, String, Text, Time, text
from sqlalchemy.orm import Mapped, mapped_column

from verzuimdesk.store.base import Base


class Source:
    """Where a registration came from."""

    IMPORT = "import"  # the LVS, through an import
    RECEPTIE = "receptie"  # a sick report entered at the desk
    VERLOFKAART = "verlofkaart"  # granted leave
    CORRECTIE = "correctie"  # a person changed it in verzuimdesk (e.g. R-ZIEK-6)
    DEMO = "demo"  # the demo school generator


class Registration(Base):
    __tablename__ = "registration"
    __table_args__ = (
        Index("ix_registration_date_code", "date", "code"),
        # covers the signal engine's one query (services/signal_inputs.py): SQLite groups per
        # student, day, code and length while walking this index, without reading the table;
        # its first columns also serve every look-up by student and day
        Index("ix_registration_signals", "student_id", "date", "code", "minutes"),
        # partial: only desk-made rows have these, and an import of a million LVS rows should
        # not build an index of a million empty entries
        Index(
            "ix_registration_sick_report_id",
            "sick_report_id",
            sqlite_where=text("sick_report_id IS NOT NULL"),
            postgresql_where=text("sick_report_id IS NOT NULL"),
        ),
        Index(
            "ix_registration_leave_card_id",
            "leave_card_id",
            sqlite_where=text("leave_card_id IS NOT NULL"),
            postgresql_where=text("leave_card_id IS NOT NULL"),
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    student_id: Mapped[int] = mapped_column(ForeignKey("student.id", ondelete="CASCADE"))
    date: Mapped[date] = mapped_column(Date)
    begin: Mapped[time | None] = mapped_column(Time)
    end: Mapped[time | None] = mapped_column(Time)
    minutes: Mapped[int] = mapped_column(Integer)
    code: Mapped[str] = mapped_column(String(8))
    reason: Mapped[str | None] = mapped_column(Text)
    vak: Mapped[str | None] = mapped_column(String(64))
    docent: Mapped[str | None] = mapped_column(String(64))
    source: Mapped[str] = mapped_column(String(16))
    registered_at: Mapped[datetime | None] = mapped_column(DateTime)
    # identifies the LVS row an import came from, so a re-import updates instead of duplicating
    import_key: Mapped[str | None] = mapped_column(String(160), unique=True)
    sick_report_id: Mapped[int | None] = mapped_column(
        ForeignKey("sick_report.id", ondelete="SET NULL")
    )
    leave_card_id: Mapped[int | None] = mapped_column(
        ForeignKey("leave_card.id", ondelete="SET NULL")
    )
