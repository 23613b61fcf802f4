"""Which verzuimbrief is due, in which variant, to whom (R-BRIEF-EVENT, -DUE, -VARIANT, -AAN).

Pure functions over plain values: the service gathers a student's OA days, meldingen, signals,
schorsingen, verwijderingen and the letters already archived; this module says which letters are
due on a day. The letters (seed 001 bijlage 3):

    a   first day of unexcused absence          e   4 weeks unexcused absence (LRV)
    b   1st melding (16u / herhaal)              f   schorsing
    c   2nd melding                              g   verwijdering (registered)
    d   3rd and later melding                    h   no show
    18  the 18th birthday (R-18)

plus two letters made only by hand from the dossier: `gesprek` (an invitation to a
verzuimgesprek) and `aangetekend` (a registered letter when there is no contact).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from enum import StrEnum

from verzuimdesk.domain.calendar import SchoolCalendar
from verzuimdesk.domain.consent import eighteenth_birthday, parents_may_be_informed
from verzuimdesk.domain.route import Route, route_for

ONE_DAY = timedelta(days=1)


class Letter(StrEnum):
    A = "a"
    B = "b"
    C = "c"
    D = "d"
    E = "e"
    F = "f"
    G = "g"
    H = "h"
    ACHTTIEN = "18"
    GESPREK = "gesprek"
    AANGETEKEND = "aangetekend"


# the letters the rules queue by themselves; the others are made by hand from the dossier
SERIES: tuple[Letter, ...] = (
    Letter.A,
    Letter.B,
    Letter.C,
    Letter.D,
    Letter.E,
    Letter.F,
    Letter.G,
    Letter.H,
    Letter.ACHTTIEN,
)
ALL_LETTERS: tuple[Letter, ...] = (*SERIES, Letter.GESPREK, Letter.AANGETEKEND)

LETTER_TITLES: dict[Letter, str] = {
    Letter.A: "Eerste dag ongeoorloofd afwezig",
    Letter.B: "Eerste melding ongeoorloofd verzuim",
    Letter.C: "Tweede melding ongeoorloofd verzuim",
    Letter.D: "Derde melding ongeoorloofd verzuim",
    Letter.E: "Vier weken ongeoorloofd afwezig",
    Letter.F: "Schorsing",
    Letter.G: "Verwijdering",
    Letter.H: "No show",
    Letter.ACHTTIEN: "Uw kind wordt 18",
    Letter.GESPREK: "Uitnodiging verzuimgesprek",
    Letter.AANGETEKEND: "Aangetekende brief: geen contact",
}

# R-BRIEF-VARIANT: only b–e depend on the route
VARIANT_LETTERS = frozenset({Letter.B, Letter.C, Letter.D, Letter.E})
# the letters sent by registered post (R-BRIEF-INHOUD: g; and the no-contact letter)
REGISTERED_LETTERS = frozenset({Letter.G, Letter.AANGETEKEND})

VARIANT_LABELS: dict[Route, str] = {
    Route.LEERPLICHT: "jonger dan 18, zonder startkwalificatie",
    Route.RMC: "18 of ouder, zonder startkwalificatie",
    Route.NIET_MELDBAAR: "met startkwalificatie (of 23+)",
}


class RecipientKind(StrEnum):
    LEERLING = "leerling"
    OUDERS = "ouders"
    LEERBEDRIJF = "leerbedrijf"


RECIPIENT_LABELS = {
    RecipientKind.LEERLING: "leerling",
    RecipientKind.OUDERS: "ouders/verzorgers",
    RecipientKind.LEERBEDRIJF: "leerbedrijf",
}


# -- inputs ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Address:
    straat: str | None
    postcode: str | None
    plaats: str | None

    @property
    def complete(self) -> bool:
        return bool(
            (self.straat or "").strip()
            and (self.postcode or "").strip()
            and (self.plaats or "").strip()
        )

    def key(self) -> tuple[str, str]:
        """Two spellings of one address are one address: "1234 ab" = "1234AB", case and spaces
        in the street do not matter (guardians at one address share one letter)."""
        postcode = re.sub(r"\s+", "", (self.postcode or "")).upper()
        straat = re.sub(r"\s+", " ", (self.straat or "")).strip().lower()
        return postcode, straat

    def lines(self) -> tuple[str, ...]:
        postcode = (self.postcode or "").strip()
        compact = re.sub(r"\s+", "", postcode).upper()
        if re.fullmatch(r"\d{4}[A-Z]{2}", compact):
            postcode = f"{compact[:4]} {compact[4:]}"  # PostNL: "1234 AB  PLAATS"
        plaats = (self.plaats or "").strip().upper()
        return tuple(
            line for line in ((self.straat or "").strip(), f"{postcode}  {plaats}".strip()) if line
        )


@dataclass(frozen=True)
class GuardianFacts:
    guardian_id: int
    naam: str
    address: Address
    post_ontvangen: bool | None = None  # None: not known, so post goes out


@dataclass(frozen=True)
class CompanyFacts:
    """A leerbedrijf (leerbedrijven.csv) in a period (van/tot None = open)."""

    company_id: int
    naam: str
    contactpersoon: str | None
    address: Address
    van: date | None = None
    tot: date | None = None

    def active_on(self, day: date) -> bool:
        return (self.van is None or self.van <= day) and (self.tot is None or day <= self.tot)


@dataclass(frozen=True)
class ConsentChoice:
    """The 18+ student's written choice (R-OUDERS) from a date on; date None = always known."""

    allowed: bool
    since: date | None


@dataclass(frozen=True)
class LetterStudent:
    leerlingnummer: str
    naam: str
    birth_date: date
    startkwalificatie: bool | None
    leerweg: str | None
    address: Address
    enrolled_from: date | None = None
    enrolled_until: date | None = None
    guardians: tuple[GuardianFacts, ...] = ()
    companies: tuple[CompanyFacts, ...] = ()
    choices: tuple[ConsentChoice, ...] = ()  # every recorded choice, any order

    def enrolled_on(self, day: date) -> bool:
        if self.enrolled_from is not None and day < self.enrolled_from:
            return False
        return self.enrolled_until is None or day <= self.enrolled_until

    def choice_on(self, day: date) -> bool | None:
        """The choice in force on `day`: the latest one made on or before it (a choice without a
        date counts from always). None: no choice yet, the policy default applies."""
        dated = [c for c in self.choices if c.since is None or c.since <= day]
        if not dated:
            return None
        dated.sort(key=lambda c: c.since or date.min)
        return dated[-1].allowed


@dataclass(frozen=True)
class MeldingFact:
    """A DUO melding recorded in the program or imported (meldingen.csv)."""

    ref: str  # stable identity, e.g. "melding:12"
    soort: str
    begindatum: date
    einddatum: date | None
    gemeld_op: date | None

    @property
    def day(self) -> date:
        """R-BRIEF-EVENT: the day it was made; for an imported row without it the einddatum,
        else the begindatum."""
        return self.gemeld_op or self.einddatum or self.begindatum


@dataclass(frozen=True)
class SignalFact:
    """A signal of the engine; counts as a melding only when its route is niet-meldbaar."""

    rule: str  # R-16U | R-HERHAAL | R-LRV | …
    arose_on: date
    route: str | None


@dataclass(frozen=True)
class DecisionFact:
    """A schorsing (f) or verwijdering (g) recorded in the dossier; `day` is when it was
    decided (the event's day)."""

    ref: str  # "schorsing:3", "verwijdering:1"
    day: date
    summary: str = ""


@dataclass(frozen=True)
class LetterRules:
    """The policy keys of R-BRIEF-* (policy section [brieven]) and R-OUDERS."""

    termijn_werkdagen: int = 10
    a_herstart_lesweken: int = 4
    inform_18plus_by_default: bool = True


# -- events ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class LetterEvent:
    """One event of one student that a letter answers (R-BRIEF-EVENT)."""

    letter: Letter
    day: date
    key: str  # what the archive records, so the same event never queues twice
    description: str
    melding_number: int | None = None  # b–d: the n-th melding in the school year


_SOORT_WORDS = {
    "16u": "16 uur in 4 weken",
    "herhaal": "opnieuw 16 uur",
    "lrv": "4 weken geen les gevolgd",
    "noshow": "no show",
}
_SIGNAL_SOORT = {"R-16U": "16u", "R-HERHAAL": "herhaal", "R-LRV": "lrv"}


def _dd(day: date) -> str:
    return f"{day:%d-%m-%Y}"


def oa_events(
    oa_days: Iterable[date], calendar: SchoolCalendar, restart_lesweken: int
) -> list[LetterEvent]:
    """Letter a: the first OA lesdag of each school year, and again the first OA lesdag after at
    least `restart_lesweken` whole lesweken without OA. Days that are no lesdag do not count."""
    events: list[LetterEvent] = []
    previous: date | None = None
    for day in sorted(set(oa_days)):
        if not calendar.is_lesdag(day):
            continue
        first = previous is None or calendar.school_year_of(previous) != calendar.school_year_of(
            day
        )
        if first:
            events.append(
                LetterEvent(
                    Letter.A, day, f"oa:{day.isoformat()}", f"eerste dag afwezig {_dd(day)}"
                )
            )
        else:
            assert previous is not None
            here, there = calendar.lesweek_index(day), calendar.lesweek_index(previous)
            if here is not None and there is not None and here - there - 1 >= restart_lesweken:
                events.append(
                    LetterEvent(
                        Letter.A,
                        day,
                        f"oa:{day.isoformat()}",
                        f"weer afwezig op {_dd(day)}, na {here - there - 1} lesweken zonder "
                        "ongeoorloofd verzuim",
                    )
                )
        previous = day
    return events


def melding_events(
    meldingen: Iterable[MeldingFact], signals: Iterable[SignalFact], calendar: SchoolCalendar
) -> list[LetterEvent]:
    """Letters b–e and h from meldingen; for niet-meldbaar signals, the engine's signals stand in
    for the meldingen that do not exist (R-16U / R-HERHAAL as 16u / herhaal, R-LRV as lrv)."""
    items: list[tuple[date, str, str, str]] = []  # day, soort, key, description
    for melding in meldingen:
        items.append(
            (
                melding.day,
                melding.soort,
                melding.ref,
                f"DUO-melding ({_SOORT_WORDS.get(melding.soort, melding.soort)}) van "
                f"{_dd(melding.day)}",
            )
        )
    for signal in signals:
        soort = _SIGNAL_SOORT.get(signal.rule)
        if soort is None or signal.route != Route.NIET_MELDBAAR.value:
            continue
        items.append(
            (
                signal.arose_on,
                soort,
                f"signaal:{signal.rule}:{signal.arose_on.isoformat()}",
                f"{_SOORT_WORDS[soort]} bereikt op {_dd(signal.arose_on)} (niet meldbaar bij DUO)",
            )
        )
    items.sort(key=lambda item: (item[0], item[2]))
    events: list[LetterEvent] = []
    count_per_year: dict[tuple[date, date], int] = {}
    for day, soort, key, description in items:
        if soort in ("16u", "herhaal"):
            year = calendar.school_year_of(day)
            count_per_year[year] = count_per_year.get(year, 0) + 1
            n = count_per_year[year]
            letter = Letter.B if n == 1 else Letter.C if n == 2 else Letter.D
            events.append(LetterEvent(letter, day, key, f"{n}e keer: {description}", n))
        elif soort == "lrv":
            events.append(LetterEvent(Letter.E, day, key, description))
        elif soort == "noshow":
            events.append(LetterEvent(Letter.H, day, key, description))
    return events


def student_events(
    student: LetterStudent,
    oa_days: Iterable[date],
    meldingen: Iterable[MeldingFact],
    signals: Iterable[SignalFact],
    schorsingen: Iterable[DecisionFact],
    verwijderingen: Iterable[DecisionFact],
    calendar: SchoolCalendar,
    rules: LetterRules,
    until: date,
) -> list[LetterEvent]:
    """Every letter event of the student up to and including `until`, oldest first."""
    events = oa_events(oa_days, calendar, rules.a_herstart_lesweken)
    events += melding_events(meldingen, signals, calendar)
    events += [
        LetterEvent(Letter.F, s.day, s.ref, s.summary or f"schorsing besloten {_dd(s.day)}")
        for s in schorsingen
    ]
    events += [
        LetterEvent(Letter.G, v.day, v.ref, v.summary or f"verwijdering besloten {_dd(v.day)}")
        for v in verwijderingen
    ]
    birthday = eighteenth_birthday(student.birth_date)
    if student.enrolled_on(birthday):
        events.append(
            LetterEvent(Letter.ACHTTIEN, birthday, f"18:{birthday.isoformat()}", "wordt 18")
        )
    events = [e for e in events if e.day <= until]
    events.sort(key=lambda e: (e.day, ALL_LETTERS.index(e.letter), e.key))
    return events


# -- R-BRIEF-DUE -----------------------------------------------------------------------------


def earliest_event_day(on: date, calendar: SchoolCalendar, termijn_werkdagen: int) -> date:
    """The first day whose events are still due on `on`: the `termijn_werkdagen`-th werkdag
    counting back from `on` (`on` itself counted when it is a werkdag)."""
    day = on
    counted = 1 if calendar.is_werkdag(on) else 0
    while counted < termijn_werkdagen:
        day -= ONE_DAY
        if calendar.is_werkdag(day):
            counted += 1
    return day


def is_due(event: LetterEvent, on: date, calendar: SchoolCalendar, rules: LetterRules) -> bool:
    return earliest_event_day(on, calendar, rules.termijn_werkdagen) <= event.day <= on


# -- R-BRIEF-VARIANT and R-BRIEF-AAN --------------------------------------------------------


def variant_for(letter: Letter, student: LetterStudent, event_day: date) -> Route | None:
    """b–e: the route on the event's day (R-ROUTE); the other letters have no variant."""
    if letter not in VARIANT_LETTERS:
        return None
    return route_for(student.birth_date, event_day, student.startkwalificatie)


@dataclass(frozen=True)
class Recipient:
    """One envelope: the student, the guardians at one address, or the leerbedrijf."""

    kind: RecipientKind
    names: tuple[str, ...]
    address: Address
    ref: str  # "leerling", "ouders:<guardian ids>", "leerbedrijf:<id>"
    attention: str | None = None  # "t.a.v." line (the leerbedrijf's contact person)

    @property
    def problem(self) -> str | None:
        if not self.address.complete:
            who = {
                RecipientKind.LEERLING: "De leerling",
                RecipientKind.OUDERS: "De ouder/verzorger " + " en ".join(self.names),
                RecipientKind.LEERBEDRIJF: "Het leerbedrijf",
            }[self.kind]
            if self.kind is RecipientKind.LEERBEDRIJF and not self.names:
                return (
                    "Deze BBL-leerling heeft geen leerbedrijf op de dag van de gebeurtenis: leg "
                    "het leerbedrijf vast in het dossier of importeer leerbedrijven.csv."
                )
            return (
                f"{who} heeft geen volledig postadres (straat, postcode, plaats): vul het adres "
                "aan in het leerlingvolgsysteem en importeer opnieuw."
            )
        return None


def _guardian_recipients(student: LetterStudent) -> list[Recipient]:
    groups: dict[tuple[str, str], list[GuardianFacts]] = {}
    for guardian in student.guardians:
        if guardian.post_ontvangen is False:
            continue
        key = (
            guardian.address.key()
            if guardian.address.complete
            else ("?", str(guardian.guardian_id))
        )
        groups.setdefault(key, []).append(guardian)
    result = []
    for members in groups.values():
        result.append(
            Recipient(
                RecipientKind.OUDERS,
                tuple(g.naam for g in members),
                members[0].address,
                "ouders:" + ",".join(str(g.guardian_id) for g in members),
            )
        )
    return result


def recipients_for(
    letter: Letter, student: LetterStudent, event_day: date, rules: LetterRules
) -> tuple[Recipient, ...]:
    """R-BRIEF-AAN: the student always (not for letter 18); the guardians when R-OUDERS says
    parents are informed on the event's day, one letter per distinct address of those whose
    post_ontvangen is not "nee"; the leerbedrijf for letter a when the student is BBL or has a
    leerbedrijf that day. Letter 18 goes to those guardians whatever R-OUDERS says."""
    result: list[Recipient] = []
    if letter is not Letter.ACHTTIEN:
        result.append(
            Recipient(RecipientKind.LEERLING, (student.naam,), student.address, "leerling")
        )
    parents = letter is Letter.ACHTTIEN or parents_may_be_informed(
        student.birth_date,
        event_day,
        student.choice_on(event_day),
        rules.inform_18plus_by_default,
    )
    if parents:
        result += _guardian_recipients(student)
    if letter is Letter.A:
        companies = [c for c in student.companies if c.active_on(event_day)]
        for company in companies:
            result.append(
                Recipient(
                    RecipientKind.LEERBEDRIJF,
                    (company.naam,),
                    company.address,
                    f"leerbedrijf:{company.company_id}",
                    company.contactpersoon,
                )
            )
        if not companies and (student.leerweg or "").upper() == "BBL":
            result.append(
                Recipient(RecipientKind.LEERBEDRIJF, (), Address(None, None, None), "leerbedrijf:?")
            )
    return tuple(result)


def recipient_kinds(recipients: Sequence[Recipient]) -> list[str]:
    """The sorted kinds for `letters due --json` (`ouders` once, however many addresses)."""
    return sorted({r.kind.value for r in recipients})


# -- the queue -------------------------------------------------------------------------------


@dataclass(frozen=True)
class DueLetter:
    letter: Letter
    variant: Route | None
    event: LetterEvent
    recipients: tuple[Recipient, ...]
    problems: tuple[str, ...] = field(default=())

    @property
    def ready(self) -> bool:
        return not self.problems


def make_due_letter(
    letter: Letter,
    event: LetterEvent,
    student: LetterStudent,
    rules: LetterRules,
    variant: Route | None = None,
) -> DueLetter:
    """A letter for an event with its variant, recipients and what stands in its way."""
    chosen = variant if variant is not None else variant_for(letter, student, event.day)
    recipients = recipients_for(letter, student, event.day, rules)
    problems = tuple(dict.fromkeys(p for r in recipients if (p := r.problem) is not None))
    return DueLetter(letter, chosen, event, recipients, problems)


def due_letters(
    events: Iterable[LetterEvent],
    student: LetterStudent,
    archived: Iterable[str],
    on: date,
    calendar: SchoolCalendar,
    rules: LetterRules,
) -> list[DueLetter]:
    """R-BRIEF-DUE: the letters due on `on`: events within the term whose key the archive does
    not hold yet; a letter without anyone to send it to (letter 18 without guardians who receive
    post) is not due."""
    done = set(archived)
    result = []
    for event in events:
        if event.key in done or not is_due(event, on, calendar, rules):
            continue
        due = make_due_letter(event.letter, event, student, rules)
        if due.recipients:
            result.append(due)
    return result
