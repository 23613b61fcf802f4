"""The follow-up of absence: bellijst calls, verzuimgesprekken with agreements, notes."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Date, DateTime, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from verzuimdesk.store.base import Base


class Call(Base):
    """One logged phone call from the bellijst."""

    __tablename__ = "call"

    id: Mapped[int] = mapped_column(primary_key=True)
    student_id: Mapped[int] = mapped_column(
        ForeignKey("student.id", ondelete="CASCADE"), index=True
    )
    list_date: Mapped[date] = mapped_column(Date, index=True)
    called_at: Mapped[datetime] = mapped_column(DateTime)
    outcome: Mapped[str] = mapped_column(String(20))  # bereikt | niet-bereikt | voicemail | …
    with_whom: Mapped[str | None] = mapped_column(String(200))
    phone: Mapped[str | None] = mapped_column(String(40))
    note: Mapped[str | None] = mapped_column(Text)
    follow_up_on: Mapped[date | None] = mapped_column(Date)
    called_by: Mapped[str] = mapped_column(String(100))


class Conversation(Base):
    """A verzuimgesprek and what was agreed, checked weekly and evaluated within 6 weeks."""

    __tablename__ = "conversation"

    id: Mapped[int] = mapped_column(primary_key=True)
    student_id: Mapped[int] = mapped_column(
        ForeignKey("student.id", ondelete="CASCADE"), index=True
    )
    held_on: Mapped[date] = mapped_column(Date)
    participants: Mapped[str] = mapped_column(Text)
    answers: Mapped[str | None] = mapped_column(Text)  # JSON: question -> answer
    agreements: Mapped[str | None] = mapped_column(Text)
    next_check_on: Mapped[date | None] = mapped_column(Date, index=True)
    # the last weekly check, so a student checked today stays on today's bellijst as done
    last_checked_on: Mapped[date | None] = mapped_column(Date)
    evaluate_on: Mapped[date | None] = mapped_column(Date)
    closed_on: Mapped[date | None] = mapped_column(Date)
    # what the evaluation found, written when the conversation is closed (afgerond)
    evaluation: Mapped[str | None] = mapped_column(Text)
    recorded_by: Mapped[str] = mapped_column(String(100))


class Note(Base):
    """A free note in the dossier, e.g. "niet pluis"."""

    __tablename__ = "note"

    id: Mapped[int] = mapped_column(primary_key=True)
    student_id: Mapped[int] = mapped_column(
        ForeignKey("student.id", ondelete="CASCADE"), index=True
    )
    written_at: Mapped[datetime] = mapped_column(DateTime)
    kind: Mapped[str] = mapped_column(String(20), default="notitie")
    text: Mapped[str] = mapped_column(Text)
    written_by: Mapped[str] = mapped_column(String(100))
