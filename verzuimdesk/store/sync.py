"""What keeps several workstations in step: the change feed and the claims on whole-school runs."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import DateTime, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from verzuimdesk.store.base import Base


class ChangeRow(Base):
    """One saved change, as the other workstations need to hear of it (services.change_feed).

    Holds only kinds of data and internal student ids, never names or values: the feed is read
    by every workstation and pruned after a day.
    """

    __tablename__ = "change_feed"

    # increasing: a workstation reads the rows after the last one it saw
    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(DateTime, index=True)
    origin: Mapped[str] = mapped_column(String(64))  # the workstation that saved it
    kinds: Mapped[str] = mapped_column(String(200))  # Changes field names, comma separated
    student_ids: Mapped[str | None] = mapped_column(Text)  # comma separated; None: many or none


class RunClaim(Base):
    """A whole-school job (the signal run of a day, after an import or a policy change) that one
    workstation has taken on, so the others do not run it again."""

    __tablename__ = "run_claim"

    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(120), unique=True)
    claimed_at: Mapped[datetime] = mapped_column(DateTime)
    claimed_by: Mapped[str] = mapped_column(String(100))
    finished_at: Mapped[datetime | None] = mapped_column(DateTime)
    attempts: Mapped[int] = mapped_column(Integer, default=1)
