"""The leerplichttelling (seed 002 phase 4: "opgave verzuim door gemeente in leerplichttelling"):
which of the school's DUO meldingen of a school year count toward which line of the count.

The lines follow seed 002's form: aantal relatief verzuim (every student reported), naar school
teruggeleide verzuimers, verplicht te melden verzuim (16 uur in 4 weken and what follows from it:
herhaalmelding, langdurig relatief verzuim), overige meldingen, processen-verbaal and
thuiszitters. Read from what the program records: a melding's soort, status and the reason
leerplicht or RMC closed it with (DUO's list, "terug naar school" first).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

MANDATORY_SOORTEN = frozenset({"16u", "herhaal", "lrv"})
# statuses after which leerplicht / RMC is done with a melding (issue 9's life cycle; "gesloten"
# is the older word)
CLOSED_STATUSES = frozenset({"afgesloten", "ter kennisneming aangenomen", "gesloten"})
RETURNED_REASON = "terug naar school"


class Line(StrEnum):
    RELATIEF = "relatief verzuim (alle meldingen)"
    TERUGGELEID = "naar school teruggeleide verzuimers"
    VERPLICHT = "verplicht te melden verzuim (16 uur, herhaal, langdurig)"
    OVERIG = "overige meldingen"
    PROCES_VERBAAL = "processen-verbaal"
    THUISZITTER = "thuiszitters"


@dataclass(frozen=True)
class Melding:
    student: int
    soort: str
    status: str
    closing_reason: str | None
    details: str | None  # JSON of the checklist, free text of the outcome


def lines_of(melding: Melding) -> set[Line]:
    """The lines of the count a melding adds to (a student counts once per line)."""
    lines = {Line.RELATIEF}
    lines.add(Line.VERPLICHT if melding.soort in MANDATORY_SOORTEN else Line.OVERIG)
    reason = (melding.closing_reason or "").strip().lower()
    if reason.startswith(RETURNED_REASON):
        lines.add(Line.TERUGGELEID)
    text = f"{reason} {(melding.details or '').lower()}"
    if "proces-verbaal" in text or "procesverbaal" in text:
        lines.add(Line.PROCES_VERBAAL)
    if melding.soort == "lrv" and melding.status.strip().lower() not in CLOSED_STATUSES:
        lines.add(Line.THUISZITTER)
    return lines


def count(meldingen: list[Melding]) -> dict[Line, tuple[int, int]]:
    """Per line: (students, meldingen)."""
    students: dict[Line, set[int]] = {line: set() for line in Line}
    totals: dict[Line, int] = dict.fromkeys(Line, 0)
    for melding in meldingen:
        for line in lines_of(melding):
            students[line].add(melding.student)
            totals[line] += 1
    return {line: (len(students[line]), totals[line]) for line in Line}
