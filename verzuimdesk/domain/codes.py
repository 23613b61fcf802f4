"""Registration codes (Ingrado's set, seed 003; seed 001 bijlage 2) and what each counts toward."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum


class Category(StrEnum):
    """What a registration means for the rules; a school's own codes map onto one of these."""

    AANWEZIG = "aanwezig"  # present; also BPV
    GEOORLOOFD = "geoorloofd"  # valid reason: sick, leave, doctor, suspension
    ONGEOORLOOFD = "ongeoorloofd"  # OA: counts toward R-16U and R-LRV
    TE_LAAT = "te-laat"  # TL: late by at most the policy's minutes
    UITGESTUURD = "uitgestuurd"  # sent out of class: present, but flagged for patterns
    NIET_GEROOSTERD = "niet-geroosterd"  # vrijstelling: no lesson was due
    VERWIJDERD = "verwijderd"  # expelled: no longer on the roll


class Kind(StrEnum):
    """Which geoorloofd bucket a code feeds, for sick and leave rules and the dossier chart."""

    ZIEK = "ziek"
    VERLOF = "verlof"
    DOKTER = "dokter"
    SCHORSING = "schorsing"
    OVERIG = "overig"


@dataclass(frozen=True)
class RegistrationCode:
    code: str
    description: str
    category: Category
    kind: Kind = Kind.OVERIG

    @property
    def needs_reason(self) -> bool:
        """R-REASON: a geoorloofd registration always carries a reason."""
        return self.category is Category.GEOORLOOFD


def sick_codes(codes: Mapping[str, RegistrationCode]) -> list[str]:
    """The codes that register illness (the school's own sick codes included)."""
    return sorted(code for code, rc in codes.items() if rc.kind is Kind.ZIEK)


DEFAULT_CODES: tuple[RegistrationCode, ...] = (
    RegistrationCode("A", "aanwezig", Category.AANWEZIG),
    RegistrationCode("Z", "ziek", Category.GEOORLOOFD, Kind.ZIEK),
    RegistrationCode("OA", "ongeoorloofd afwezig", Category.ONGEOORLOOFD),
    RegistrationCode("TL", "te laat", Category.TE_LAAT),
    RegistrationCode("V", "verlof", Category.GEOORLOOFD, Kind.VERLOF),
    RegistrationCode("G", "gewichtige omstandigheden", Category.GEOORLOOFD, Kind.VERLOF),
    RegistrationCode("D", "dokter, tandarts", Category.GEOORLOOFD, Kind.DOKTER),
    RegistrationCode("S", "schorsing", Category.GEOORLOOFD, Kind.SCHORSING),
    RegistrationCode("VW", "verwijdering", Category.VERWIJDERD),
    RegistrationCode("UI", "uitgestuurd", Category.UITGESTUURD),
    RegistrationCode("VR", "vrijstelling", Category.NIET_GEROOSTERD),
    RegistrationCode("BPV", "op stage (BPV)", Category.AANWEZIG),
)

DEFAULT_CODE_MAP: dict[str, RegistrationCode] = {c.code: c for c in DEFAULT_CODES}
