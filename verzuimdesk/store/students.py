"""Students and their guardians, keyed by the LVS's own leerlingnummer."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Boolean, Date, ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from verzuimdesk.store.base import Base


class Student(Base):
    __tablename__ = "student"

    id: Mapped[int] = mapped_column(primary_key=True)
    leerlingnummer: Mapped[str] = mapped_column(String(32), unique=True)
    roepnaam: Mapped[str] = mapped_column(String(100))
    tussenvoegsel: Mapped[str | None] = mapped_column(String(30))
    achternaam: Mapped[str] = mapped_column(String(100))
    geboortedatum: Mapped[date] = mapped_column(Date)
    klas: Mapped[str] = mapped_column(String(32), index=True)
    opleiding: Mapped[str | None] = mapped_column(String(200))
    sector: Mapped[str | None] = mapped_column(String(8))
    niveau: Mapped[str | None] = mapped_column(String(32))
    leerjaar: Mapped[int | None] = mapped_column(Integer)
    leerweg: Mapped[str | None] = mapped_column(String(8))
    startkwalificatie: Mapped[bool | None] = mapped_column(Boolean)
    studiefinanciering: Mapped[bool | None] = mapped_column(Boolean)
    woongemeente: Mapped[str | None] = mapped_column(String(100))
    straat: Mapped[str | None] = mapped_column(String(200))
    postcode: Mapped[str | None] = mapped_column(String(16))
    plaats: Mapped[str | None] = mapped_column(String(100))
    telefoon: Mapped[str | None] = mapped_column(String(40))
    email: Mapped[str | None] = mapped_column(String(200))
    # R-OUDERS: the 18+ student's written choice; None means the policy default applies
    ouders_informeren: Mapped[bool | None] = mapped_column(Boolean)
    ouders_informeren_datum: Mapped[date | None] = mapped_column(Date)
    # what the LVS said at the last import, so an import can tell whether the LVS changed it
    ouders_informeren_lvs: Mapped[bool | None] = mapped_column(Boolean)
    ingeschreven_van: Mapped[date | None] = mapped_column(Date)
    ingeschreven_tot: Mapped[date | None] = mapped_column(Date)

    guardians: Mapped[list[Guardian]] = relationship(
        back_populates="student", cascade="all, delete-orphan", order_by="Guardian.id"
    )

    @property
    def full_name(self) -> str:
        parts = [self.roepnaam, self.tussenvoegsel, self.achternaam]
        return " ".join(p for p in parts if p)


class Guardian(Base):
    __tablename__ = "guardian"

    id: Mapped[int] = mapped_column(primary_key=True)
    student_id: Mapped[int] = mapped_column(
        ForeignKey("student.id", ondelete="CASCADE"), index=True
    )
    naam: Mapped[str] = mapped_column(String(200))
    relatie: Mapped[str | None] = mapped_column(String(50))
    telefoon: Mapped[str | None] = mapped_column(String(40))
    email: Mapped[str | None] = mapped_column(String(200))
    straat: Mapped[str | None] = mapped_column(String(200))
    postcode: Mapped[str | None] = mapped_column(String(16))
    plaats: Mapped[str | None] = mapped_column(String(100))
    post_ontvangen: Mapped[bool | None] = mapped_column(Boolean)
    # the day the desk recorded post_ontvangen (None: it came from the LVS), and what the LVS
    # said at the last import: an import keeps the desk's newer record
    post_ontvangen_datum: Mapped[date | None] = mapped_column(Date)
    post_ontvangen_lvs: Mapped[bool | None] = mapped_column(Boolean)

    student: Mapped[Student] = relationship(back_populates="guardians")
