"""DUO verzuimmeldingen and the signals the engine keeps until someone deals with them."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Boolean, Date, DateTime, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from verzuimdesk.store.base import Base


class DuoReport(Base):
    """A verzuimmelding: prepared here, sent by a person through DUO's verzuimloket."""

    __tablename__ = "duo_report"
    __table_args__ = (UniqueConstraint("student_id", "soort", "begindatum"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    student_id: Mapped[int] = mapped_column(
        ForeignKey("student.id", ondelete="CASCADE"), index=True
    )
    soort: Mapped[str] = mapped_column(String(16))  # 16u | herhaal | lrv | te-laat | overig | …
    begindatum: Mapped[date] = mapped_column(Date)
    einddatum: Mapped[date | None] = mapped_column(Date)  # none for LRV
    minutes: Mapped[int | None] = mapped_column(Integer)
    meldingsnummer: Mapped[str | None] = mapped_column(String(40))
    # the day the melding was made in DUO's verzuimloket (meldingen.csv `gemeld_op`); letters
    # b–e answer it on this day (R-BRIEF-EVENT)
    gemeld_op: Mapped[date | None] = mapped_column(Date)
    actie_gewenst: Mapped[bool | None] = mapped_column(Boolean)
    toelichting: Mapped[str | None] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(32), default="gemeld")
    closing_reason: Mapped[str | None] = mapped_column(Text)
    details: Mapped[str | None] = mapped_column(Text)  # JSON: the checklist fields
    source: Mapped[str] = mapped_column(String(16))
    created_at: Mapped[datetime] = mapped_column(DateTime)


class SignalRow(Base):
    """A signal the engine raised; open until a report covers it or a person closes it."""

    __tablename__ = "signal"
    __table_args__ = (UniqueConstraint("student_id", "rule", "arose_on"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    student_id: Mapped[int] = mapped_column(
        ForeignKey("student.id", ondelete="CASCADE"), index=True
    )
    rule: Mapped[str] = mapped_column(String(20))
    arose_on: Mapped[date] = mapped_column(Date, index=True)
    deadline: Mapped[date | None] = mapped_column(Date)
    route: Mapped[str | None] = mapped_column(String(16))
    minutes: Mapped[int | None] = mapped_column(Integer)
    count: Mapped[int | None] = mapped_column(Integer)
    window_start: Mapped[date | None] = mapped_column(Date)
    window_end: Mapped[date | None] = mapped_column(Date)
    policy_name: Mapped[str] = mapped_column(String(64))
    explanation: Mapped[str] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(16), default="open")  # open | gesloten
    closed_at: Mapped[datetime | None] = mapped_column(DateTime)
    closed_by: Mapped[str | None] = mapped_column(String(100))
    closed_reason: Mapped[str | None] = mapped_column(Text)
    report_id: Mapped[int | None] = mapped_column(ForeignKey("duo_report.id", ondelete="SET NULL"))
