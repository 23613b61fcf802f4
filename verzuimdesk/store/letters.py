"""Verzuimbrieven and what they answer: the letter archive, the school's own template versions,
leerbedrijven (BPV / BBL employers), schorsingen and verwijderingen."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    Boolean,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from verzuimdesk.store.base import Base


class ArchivedLetter(Base):
    """One printed letter in one envelope (R-BRIEF-ARCHIEF): a letter to the student and one to
    the parents for the same event are two rows with the same event_key."""

    __tablename__ = "letter"
    __table_args__ = (Index("ix_letter_student_event", "student_id", "event_key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    student_id: Mapped[int] = mapped_column(ForeignKey("student.id", ondelete="CASCADE"))
    letter: Mapped[str] = mapped_column(String(16))  # domain.letters.Letter
    variant: Mapped[str | None] = mapped_column(String(16))  # route for b–e
    style: Mapped[str] = mapped_column(String(16))  # standaard | onderzoek
    event_key: Mapped[str] = mapped_column(String(80))
    event_date: Mapped[date] = mapped_column(Date)
    event_text: Mapped[str] = mapped_column(String(200))
    recipient_kind: Mapped[str] = mapped_column(String(16))  # leerling | ouders | leerbedrijf
    recipient_ref: Mapped[str] = mapped_column(String(80))
    recipient_names: Mapped[str] = mapped_column(Text)
    template_key: Mapped[str] = mapped_column(String(80))
    template_version: Mapped[int] = mapped_column(Integer)  # 0: the shipped template
    reference: Mapped[str] = mapped_column(String(40), unique=True)  # the kenmerk on the letter
    letter_date: Mapped[date] = mapped_column(Date)
    # everything the PDF is drawn from (JSON), so a reprint gives the same bytes
    content: Mapped[str] = mapped_column(Text)
    fingerprint: Mapped[str] = mapped_column(String(64))  # sha256 of the letter's PDF
    printed_at: Mapped[datetime] = mapped_column(DateTime, index=True)
    printed_by: Mapped[str] = mapped_column(String(100))


class LetterTemplateRow(Base):
    """A school's version of a letter template; version 0 is the shipped file and is not stored."""

    __tablename__ = "letter_template"
    __table_args__ = (UniqueConstraint("key", "version", name="uq_letter_template_key_version"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(80))  # e.g. "b-leerplicht-ouders"
    version: Mapped[int] = mapped_column(Integer)
    body: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime)
    created_by: Mapped[str] = mapped_column(String(100))


class Company(Base):
    """A leerbedrijf (leerbedrijven.csv): where the student does the BPV or works (BBL)."""

    __tablename__ = "company"

    id: Mapped[int] = mapped_column(primary_key=True)
    student_id: Mapped[int] = mapped_column(
        ForeignKey("student.id", ondelete="CASCADE"), index=True
    )
    naam: Mapped[str] = mapped_column(String(200))
    contactpersoon: Mapped[str | None] = mapped_column(String(200))
    telefoon: Mapped[str | None] = mapped_column(String(40))
    email: Mapped[str | None] = mapped_column(String(200))
    straat: Mapped[str | None] = mapped_column(String(200))
    postcode: Mapped[str | None] = mapped_column(String(16))
    plaats: Mapped[str | None] = mapped_column(String(100))
    van: Mapped[date | None] = mapped_column(Date)
    tot: Mapped[date | None] = mapped_column(Date)


class Suspension(Base):
    """A schorsing (seed 001 §4.3): decided by the onderwijsdirecteur, registered as S."""

    __tablename__ = "suspension"

    id: Mapped[int] = mapped_column(primary_key=True)
    student_id: Mapped[int] = mapped_column(
        ForeignKey("student.id", ondelete="CASCADE"), index=True
    )
    reason: Mapped[str] = mapped_column(Text)
    first_day: Mapped[date] = mapped_column(Date)
    last_day: Mapped[date] = mapped_column(Date)
    decided_by: Mapped[str] = mapped_column(String(200))
    decided_on: Mapped[date] = mapped_column(Date)
    recorded_at: Mapped[datetime] = mapped_column(DateTime)
    recorded_by: Mapped[str] = mapped_column(String(100))


class Expulsion(Base):
    """A verwijdering (seed 001 §4.4): the decision, from which day, whether the conversation
    with student (and parents) was held; registered as VW from that day."""

    __tablename__ = "expulsion"

    id: Mapped[int] = mapped_column(primary_key=True)
    student_id: Mapped[int] = mapped_column(
        ForeignKey("student.id", ondelete="CASCADE"), index=True
    )
    decision: Mapped[str] = mapped_column(Text)
    effective_on: Mapped[date] = mapped_column(Date)
    decided_on: Mapped[date] = mapped_column(Date)
    conversation_held: Mapped[bool] = mapped_column(Boolean)
    conversation_on: Mapped[date | None] = mapped_column(Date)
    recorded_at: Mapped[datetime] = mapped_column(DateTime)
    recorded_by: Mapped[str] = mapped_column(String(100))
