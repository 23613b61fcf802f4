"""School-wide settings, policy profiles, registration codes, classes, timetable and calendar."""

from __future__ import annotations

from datetime import date, datetime, time

from sqlalchemy import Boolean, Date, DateTime, Integer, String, Text, Time
from sqlalchemy.orm import Mapped, mapped_column

from verzuimdesk.store.base import Base


class School(Base):
    """The one school this database serves (a single row, id 1)."""

    __tablename__ = "school"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    sector: Mapped[str] = mapped_column(String(8))  # vo | mbo
    region: Mapped[str] = mapped_column(String(8))  # noord | midden | zuid
    policy_name: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(DateTime)


class Setting(Base):
    """Other school-wide settings as JSON values, shared by every workstation."""

    __tablename__ = "setting"

    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    value: Mapped[str] = mapped_column(Text)  # JSON


class PolicyProfileRow(Base):
    """A school's own copy of a policy profile (TOML text); shipped ones live in resources/."""

    __tablename__ = "policy_profile"

    name: Mapped[str] = mapped_column(String(64), primary_key=True)
    toml: Mapped[str] = mapped_column(Text)
    updated_at: Mapped[datetime] = mapped_column(DateTime)


class RegistrationCodeRow(Base):
    """The codes in use: Ingrado's defaults plus a school's own, each mapped to a category."""

    __tablename__ = "registration_code"

    code: Mapped[str] = mapped_column(String(8), primary_key=True)
    description: Mapped[str] = mapped_column(String(100))
    category: Mapped[str] = mapped_column(String(20))  # domain.codes.Category
    kind: Mapped[str] = mapped_column(String(20))  # domain.codes.Kind


class BellLesson(Base):
    """One numbered lesson of the school's bell schedule (lestijden.csv): LVS files that name a
    lesuur instead of times are read through it."""

    __tablename__ = "bell_lesson"

    lesuur: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    begin: Mapped[time] = mapped_column(Time)
    end: Mapped[time] = mapped_column(Time)


class SchoolCode(Base):
    """A school's own registration code (codes.csv) and the verzuimdesk code it counts as.

    `telt_als` None: the code is not about presence (homework or materials forgotten); rows with
    it are left out of an import. `geoorloofd` is the school's own setting, kept as data.
    """

    __tablename__ = "school_code"

    code: Mapped[str] = mapped_column(String(8), primary_key=True)
    omschrijving: Mapped[str] = mapped_column(String(100), default="")
    telt_als: Mapped[str | None] = mapped_column(String(8))
    geoorloofd: Mapped[bool | None] = mapped_column(Boolean)


class SchoolClass(Base):
    __tablename__ = "school_class"

    code: Mapped[str] = mapped_column(String(32), primary_key=True)
    mentor: Mapped[str | None] = mapped_column(String(200))
    mentor_phone: Mapped[str | None] = mapped_column(String(40))
    mentor_email: Mapped[str | None] = mapped_column(String(200))


class TimetableSlot(Base):
    """One weekly lesson of a class (rooster.csv)."""

    __tablename__ = "timetable_slot"

    id: Mapped[int] = mapped_column(primary_key=True)
    klas: Mapped[str] = mapped_column(String(32), index=True)
    weekday: Mapped[int] = mapped_column(Integer)  # 1 = Monday … 5 = Friday
    begin: Mapped[time] = mapped_column(Time)
    end: Mapped[time] = mapped_column(Time)
    vak: Mapped[str | None] = mapped_column(String(64))
    docent: Mapped[str | None] = mapped_column(String(64))


class CalendarPeriodRow(Base):
    """A period of the school calendar (kalender.csv); none means the shipped regional one."""

    __tablename__ = "calendar_period"

    id: Mapped[int] = mapped_column(primary_key=True)
    start: Mapped[date] = mapped_column(Date)
    end: Mapped[date] = mapped_column(Date)
    kind: Mapped[str] = mapped_column(String(16))  # domain.calendar.PeriodKind
    name: Mapped[str] = mapped_column(String(100), default="")
    imported: Mapped[bool] = mapped_column(Boolean, default=True)
