"""What the reception desk enters: phoned-in sick reports and leave cards (verlofkaarten)."""

from __future__ import annotations

from datetime import date, datetime, time

from sqlalchemy import (
    Boolean,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    Time,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column

from verzuimdesk.store.base import Base


class SickReport(Base):
    """A ziekmelding (R-ZIEK-*): no end date of its own; a beter-melding ends it."""

    __tablename__ = "sick_report"
    __table_args__ = (
        # at most one open report per student, enforced by the database so two desks entering
        # the same call at once cannot both succeed (services.sick_reports turns the refusal
        # into "al ziek gemeld door … om …")
        Index(
            "ux_sick_report_open",
            "student_id",
            unique=True,
            sqlite_where=text("ended_at IS NULL"),
            postgresql_where=text("ended_at IS NULL"),
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    student_id: Mapped[int] = mapped_column(
        ForeignKey("student.id", ondelete="CASCADE"), index=True
    )
    called_at: Mapped[datetime] = mapped_column(DateTime)
    caller_kind: Mapped[str] = mapped_column(String(16))  # leerling | ouder | anders
    caller_name: Mapped[str | None] = mapped_column(String(200))
    starts_at: Mapped[datetime] = mapped_column(DateTime)  # R-ZIEK-3
    ended_at: Mapped[datetime | None] = mapped_column(DateTime)  # the beter-melding
    ended_called_at: Mapped[datetime | None] = mapped_column(DateTime)
    # R-REASON: the reason the caller gave, carried onto every Z registration
    reason: Mapped[str] = mapped_column(Text, default="ziek")
    note: Mapped[str | None] = mapped_column(Text)
    entered_by: Mapped[str] = mapped_column(String(100))
    ended_by: Mapped[str | None] = mapped_column(String(100))


class LeaveCard(Base):
    """A verlofkaart (R-VERLOF-*): requested, then granted or refused by whoever may decide."""

    __tablename__ = "leave_card"

    id: Mapped[int] = mapped_column(primary_key=True)
    student_id: Mapped[int] = mapped_column(
        ForeignKey("student.id", ondelete="CASCADE"), index=True
    )
    kind: Mapped[str] = mapped_column(String(32))
    subkind: Mapped[str | None] = mapped_column(String(64))
    start_date: Mapped[date] = mapped_column(Date)
    end_date: Mapped[date] = mapped_column(Date)
    start_time: Mapped[time | None] = mapped_column(Time)
    end_time: Mapped[time | None] = mapped_column(Time)
    school_days: Mapped[int] = mapped_column(Integer, default=0)
    reason: Mapped[str] = mapped_column(Text)
    signed_by: Mapped[str | None] = mapped_column(String(200))
    # ouder | leerling | coach | directeur | lpa: a coach's signature can grant (R-VERLOF-5)
    signer_role: Mapped[str] = mapped_column(String(16), default="ouder")
    employer_statement: Mapped[bool] = mapped_column(Boolean, default=False)  # R-VERLOF-2
    status: Mapped[str] = mapped_column(String(16))  # domain.leave.Status
    decider: Mapped[str] = mapped_column(String(32))  # domain.leave.Decider
    decided_by: Mapped[str | None] = mapped_column(String(200))
    decided_at: Mapped[datetime | None] = mapped_column(DateTime)
    created_at: Mapped[datetime] = mapped_column(DateTime)
    entered_by: Mapped[str] = mapped_column(String(100))
