"""The people who work with the program: their login, role and (mentor) classes."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, DateTime, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from verzuimdesk.store.base import Base


class Person(Base):
    __tablename__ = "person"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100))
    login: Mapped[str] = mapped_column(String(60), unique=True)
    # argon2 hash (argon2-cffi); None: this person can only be recognised by the OS account
    password_hash: Mapped[str | None] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(20))
    klassen: Mapped[str] = mapped_column(Text, default="")  # mentor classes, comma-separated
    # the operating-system account that logs this person in without a password (the beheerder
    # keeps this mapping; empty when the school wants passwords only)
    os_account: Mapped[str | None] = mapped_column(String(100), unique=True)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(DateTime)
