"""Leave cards (verlofkaarten, R-VERLOF-1..5) as pure functions of a card and the school year.

`assess_card` is run on every keystroke of the dialog and again by the service before saving:
its `problems` block saving, its `warnings` are shown, and it says who must decide (R-VERLOF-5)
and which status the card gets.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from enum import StrEnum

from verzuimdesk.domain.calendar import SchoolCalendar, monday_of
from verzuimdesk.domain.policy import Verlof


class LeaveKind(StrEnum):
    DOKTER = "dokter"  # planned doctor or dentist visit → D
    VAKANTIE = "vakantie"  # vakantieverlof, LPW 13a → V (R-VERLOF-2)
    GEWICHTIG = "gewichtig"  # gewichtige omstandigheden → G (R-VERLOF-3)
    RELIGIEUS = "religieus"  # religious holiday, a notification → V (R-VERLOF-4)
    OVERIG = "overig"  # other leave → V


KIND_LABELS: dict[LeaveKind, str] = {
    LeaveKind.DOKTER: "Dokter- of tandartsbezoek",
    LeaveKind.VAKANTIE: "Vakantieverlof (beroep ouder)",
    LeaveKind.GEWICHTIG: "Gewichtige omstandigheden",
    LeaveKind.RELIGIEUS: "Religieuze feestdag (kennisgeving)",
    LeaveKind.OVERIG: "Overig verlof",
}

KIND_CODES: dict[LeaveKind, str] = {
    LeaveKind.DOKTER: "D",
    LeaveKind.VAKANTIE: "V",
    LeaveKind.GEWICHTIG: "G",
    LeaveKind.RELIGIEUS: "V",
    LeaveKind.OVERIG: "V",
}


@dataclass(frozen=True)
class Subkind:
    key: str
    label: str
    max_days: int | None  # None: "as the director decides"


# R-VERLOF-3, seed 001 bijlage 4
GEWICHTIG_SUBKINDS: tuple[Subkind, ...] = (
    Subkind("verhuizing", "Verhuizing", 1),
    Subkind("huwelijk", "Huwelijk van familie (t/m 4e graad)", 2),
    Subkind("overlijden-1", "Overlijden, 1e graad", 4),
    Subkind("overlijden-2", "Overlijden, 2e graad", 2),
    Subkind("overlijden-3-4", "Overlijden, 3e of 4e graad", 1),
    Subkind("jubileum", "Ambts- of huwelijksjubileum", 1),
    Subkind("wettelijke-verplichting", "Wettelijke verplichting", None),
    Subkind("ernstige-ziekte", "Ernstige ziekte in de familie", None),
    Subkind("bevalling", "Bevalling moeder/verzorgster", None),
    Subkind("calamiteit", "Andere calamiteit", None),
)
SUBKINDS_BY_KEY: dict[str, Subkind] = {s.key: s for s in GEWICHTIG_SUBKINDS}

# R-VERLOF-4, seed 001 bijlage 4: religious (not cultural) holidays; Carnaval is not one
RELIGIOUS_HOLIDAYS: tuple[str, ...] = (
    "Chinees Nieuwjaar",
    "Offerfeest",
    "Suikerfeest",
    "Holifeest",
    "Diwalifeest",
    "Krishna Janamashtmi",
    "Navratri (alleen de laatste dag)",
    "Maha Shivratri",
    "Paasfeest (Pesach)",
    "Wekenfeest (Sjawoe'ot)",
    "Joods Nieuwjaar (Rosh Hasjana)",
    "Grote Verzoendag (Jom Kipoer)",
    "Loofhuttenfeest (Soekot)",
    "Slotfeest (Sjemini Atseret)",
    "Vreugde der Wet (Simchat Tora)",
)


class Decider(StrEnum):
    """Who may decide, in rising order of authority (R-VERLOF-5)."""

    RECEPTIE = "receptie"  # registration only: doctor visits, religious notifications
    COACH = "coach"
    DIRECTEUR = "directeur"
    LPA = "lpa"


DECIDER_LABELS: dict[Decider, str] = {
    Decider.RECEPTIE: "receptie (registratie)",
    Decider.COACH: "coach/mentor/SLB-er",
    Decider.DIRECTEUR: "directeur/manager",
    Decider.LPA: "leerplichtambtenaar",
}
_RANK = {d: i for i, d in enumerate(Decider)}


class SignerRole(StrEnum):
    """Who signed the card: a request (parent, student) or a decision (coach and up)."""

    OUDER = "ouder"
    LEERLING = "leerling"
    COACH = "coach"
    DIRECTEUR = "directeur"
    LPA = "lpa"


SIGNER_LABELS: dict[SignerRole, str] = {
    SignerRole.OUDER: "ouder/verzorger",
    SignerRole.LEERLING: "leerling/student",
    SignerRole.COACH: "coach/mentor/SLB-er",
    SignerRole.DIRECTEUR: "directeur/manager",
    SignerRole.LPA: "leerplichtambtenaar",
}
_SIGNER_AUTHORITY: dict[SignerRole, Decider | None] = {
    SignerRole.OUDER: None,
    SignerRole.LEERLING: None,
    SignerRole.COACH: Decider.COACH,
    SignerRole.DIRECTEUR: Decider.DIRECTEUR,
    SignerRole.LPA: Decider.LPA,
}


class Status(StrEnum):
    AANGEVRAAGD = "aangevraagd"
    VERLEEND = "verleend"
    AFGEWEZEN = "afgewezen"
    GEMELD = "gemeld"  # a religious holiday: a notification, not a request


STATUS_LABELS: dict[Status, str] = {
    Status.AANGEVRAAGD: "aangevraagd",
    Status.VERLEEND: "verleend",
    Status.AFGEWEZEN: "afgewezen",
    Status.GEMELD: "kennisgeving",
}

# statuses that become registrations
REGISTERED_STATUSES = (Status.VERLEEND, Status.GEMELD)
# statuses that use up a school year's allowance
COUNTING_STATUSES = (Status.AANGEVRAAGD, Status.VERLEEND)


def may_decide(role: Decider, needed: Decider) -> bool:
    return _RANK[role] >= _RANK[needed]


@dataclass(frozen=True)
class CardInput:
    kind: LeaveKind
    start_date: date
    end_date: date
    start_time: time | None = None
    end_time: time | None = None
    subkind: str | None = None
    reason: str = ""
    signed_by: str = ""
    signer_role: SignerRole = SignerRole.OUDER
    employer_statement: bool = False


@dataclass(frozen=True)
class YearUse:
    """What the student already used this school year (cards other than this one)."""

    vakantie_cards: int = 0
    vakantie_days: int = 0
    gewichtig_days: int = 0


@dataclass
class Assessment:
    school_days: int
    decider: Decider
    status: Status
    problems: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    allowance: str = ""

    @property
    def can_save(self) -> bool:
        return not self.problems


def school_days(
    calendar: SchoolCalendar, start: date, end: date, weekdays: frozenset[int] | None = None
) -> int:
    """The student's own school days in the period: lesdagen on which the student has lessons
    (`weekdays`, 0 = Monday; None when the timetable is not known: every lesdag)."""
    if end < start:
        return 0
    days = calendar.lesdagen(start, end)
    if weekdays is None:
        return len(days)
    return sum(1 for day in days if day.weekday() in weekdays)


def vakantie_max_days(rules: Verlof, weekdays: frozenset[int] | None) -> int:
    """R-VERLOF-2: the maximum for a full-time student, pro rata for one at school fewer days a
    week (a BBL student at school 2 days a week gets 2/5 of 10 = 4 school days)."""
    if weekdays is None or len(weekdays) >= 5:
        return rules.vakantie_max_days
    return rules.vakantie_max_days * len(weekdays) // 5


def required_decider(card: CardInput, days: int, rules: Verlof) -> Decider:
    """R-VERLOF-5: coach up to 1 day, director up to 10, the leerplichtambtenaar beyond."""
    if card.kind in (LeaveKind.DOKTER, LeaveKind.RELIGIEUS):
        return Decider.RECEPTIE
    if days > rules.director_max_days:
        return Decider.LPA
    needed = Decider.COACH if days <= rules.coach_max_days else Decider.DIRECTEUR
    # vakantieverlof and the open-ended omstandigheden are the director's by law
    if card.kind is LeaveKind.VAKANTIE:
        needed = Decider.DIRECTEUR
    if card.kind is LeaveKind.GEWICHTIG:
        sub = SUBKINDS_BY_KEY.get(card.subkind or "")
        if sub is not None and sub.max_days is None:
            needed = max(needed, Decider.DIRECTEUR, key=_RANK.__getitem__)
    return needed


def assess_card(
    card: CardInput,
    today: date,
    calendar: SchoolCalendar,
    used: YearUse,
    rules: Verlof,
    weekdays: frozenset[int] | None = None,
) -> Assessment:
    """Check a card as filled in so far against R-VERLOF-1..5; `weekdays` are the days of the
    week the student has lessons (0 = Monday), None when not known."""
    days = school_days(calendar, card.start_date, card.end_date, weekdays)
    decider = required_decider(card, days, rules)
    result = Assessment(days, decider, Status.AANGEVRAAGD)
    problems, warnings = result.problems, result.warnings

    span = calendar.span
    if card.end_date < card.start_date:
        problems.append("De einddatum ligt vóór de begindatum.")
    elif span is not None and (card.start_date < span[0] or card.end_date > span[1]):
        problems.append(
            f"De periode {card.start_date:%d-%m-%Y} t/m {card.end_date:%d-%m-%Y} valt buiten de "
            f"schoolkalender ({span[0]:%d-%m-%Y} t/m {span[1]:%d-%m-%Y}). Controleer de "
            "begin- en einddatum."
        )
    elif calendar.school_year_of(card.start_date) != calendar.school_year_of(card.end_date):
        problems.append(
            "Een verlofkaart geldt binnen één schooljaar: de einddatum ligt in een ander "
            "schooljaar dan de begindatum. Controleer de einddatum, of maak voor het volgende "
            "schooljaar een aparte kaart."
        )
    elif days == 0:
        problems.append("In deze periode vallen geen lesdagen; er is geen verlof nodig.")
    if (
        card.start_date == card.end_date
        and card.start_time is not None
        and card.end_time is not None
        and card.end_time <= card.start_time
    ):
        problems.append("De eindtijd ligt niet na de begintijd.")
    if not card.reason.strip():
        problems.append("Vul de reden in (reden van geoorloofd verzuim altijd noteren).")

    # R-VERLOF-1: signed, and never afterwards
    if not card.signed_by.strip():
        problems.append(
            "De kaart is niet ondertekend. Een verlofkaart zonder handtekening wordt geweigerd "
            "(R-VERLOF-1): geef de kaart terug om te laten ondertekenen."
        )
    late_allowed = card.kind is LeaveKind.GEWICHTIG and card.start_date >= today - timedelta(
        days=rules.gewichtig_late_days
    )
    if card.start_date < today and not late_allowed:
        problems.append(
            "Verlof wordt nooit achteraf verleend (R-VERLOF-1): de begindatum ligt in het "
            "verleden. De afwezigheid blijft zoals die geregistreerd is."
        )

    _, year_end = calendar.school_year_of(card.start_date)
    if card.end_date > year_end:
        warnings.append("De periode loopt door in het volgende schooljaar.")

    if card.kind is LeaveKind.VAKANTIE:
        _assess_vakantie(card, today, calendar, used, rules, days, result, weekdays)
    elif card.kind is LeaveKind.GEWICHTIG:
        _assess_gewichtig(card, used, rules, days, result)
    elif card.kind is LeaveKind.RELIGIEUS:
        notice = (card.start_date - today).days
        if notice < rules.religious_notice_days:
            problems.append(
                f"Een religieuze feestdag wordt minstens {rules.religious_notice_days} dagen "
                f"van tevoren gemeld (R-VERLOF-4); deze kennisgeving is {max(notice, 0)} "
                "dag(en) vooraf."
            )

    # R-VERLOF-5: the status follows from who decides and who signed
    if card.kind is LeaveKind.RELIGIEUS:
        result.status = Status.GEMELD
    elif decider is Decider.RECEPTIE:
        result.status = Status.VERLEEND
    else:
        authority = _SIGNER_AUTHORITY[card.signer_role]
        if authority is not None and may_decide(authority, decider) and card.start_date >= today:
            result.status = Status.VERLEEND
        else:
            result.status = Status.AANGEVRAAGD
    return result


def _assess_vakantie(
    card: CardInput,
    today: date,
    calendar: SchoolCalendar,
    used: YearUse,
    rules: Verlof,
    days: int,
    result: Assessment,
    weekdays: frozenset[int] | None,
) -> None:
    """R-VERLOF-2."""
    max_days = vakantie_max_days(rules, weekdays)
    part_time = (
        f" (naar rato: {len(weekdays or ())} lesdagen per week)"
        if max_days < rules.vakantie_max_days
        else ""
    )
    if used.vakantie_cards:
        result.problems.append(
            "Vakantieverlof kan maar één keer per schooljaar (R-VERLOF-2); deze leerling heeft "
            "dit schooljaar al vakantieverlof aangevraagd of gekregen."
        )
    if days > max_days:
        result.problems.append(
            f"Vakantieverlof is hooguit {max_days} schooldagen{part_time} (R-VERLOF-2); "
            f"deze aanvraag is {days} schooldagen."
        )
    first = calendar.first_lesdagen_of_year(card.start_date, 1)
    if first:
        # up to (not including) the Monday of the lesweek after the blocked ones (R-CAL-2)
        after = monday_of(calendar.add_lesweken(first[0], rules.vakantie_blocked_first_lesweken))
        if card.start_date < after and card.end_date >= first[0]:
            result.problems.append(
                f"Vakantieverlof kan niet in de eerste {rules.vakantie_blocked_first_lesweken} "
                f"lesweken van het schooljaar (R-VERLOF-2: tot "
                f"{after:%d-%m-%Y})."
            )
    if not card.employer_statement:
        result.problems.append(
            "Vakantieverlof alleen met een werkgeversverklaring over het beroep van de ouder "
            "(R-VERLOF-2): vink aan dat de verklaring erbij zit."
        )
    weeks_ahead = (card.start_date - today).days / 7
    if 0 <= weeks_ahead < rules.vakantie_ask_weeks_ahead:
        result.warnings.append(
            f"Vakantieverlof wordt minstens {rules.vakantie_ask_weeks_ahead} weken van tevoren "
            "aangevraagd; deze aanvraag is later."
        )
    result.allowance = (
        f"Vakantieverlof: {'al gebruikt' if used.vakantie_cards else 'nog niet gebruikt'} dit "
        f"schooljaar (eenmaal, hooguit {max_days} schooldagen{part_time})."
    )


def _assess_gewichtig(
    card: CardInput, used: YearUse, rules: Verlof, days: int, result: Assessment
) -> None:
    """R-VERLOF-3."""
    left = max(rules.gewichtig_max_days - used.gewichtig_days, 0)
    result.allowance = (
        f"Nog {left} van {rules.gewichtig_max_days} dagen gewichtige omstandigheden dit schooljaar."
    )
    sub = SUBKINDS_BY_KEY.get(card.subkind or "")
    if sub is None:
        result.problems.append("Kies welke gewichtige omstandigheid het is.")
    elif sub.max_days is not None and days > sub.max_days:
        result.problems.append(
            f"{sub.label}: ten hoogste {sub.max_days} "
            f"{'dag' if sub.max_days == 1 else 'dagen'} (R-VERLOF-3); deze kaart is {days}."
        )
    if days > left:
        result.problems.append(
            f"Meer dan {rules.gewichtig_max_days} dagen gewichtige omstandigheden per schooljaar "
            f"kan niet (R-VERLOF-3): nog {left} dagen over, deze kaart is {days} schooldagen."
        )


def lesson_in_leave(
    lesson_start: datetime, lesson_end: datetime, start: datetime, end: datetime
) -> bool:
    """A lesson overlapping the leave counts wholly as leave."""
    return lesson_start < end and lesson_end > start


def leave_window(
    start_date: date, end_date: date, start_time: time | None, end_time: time | None
) -> tuple[datetime, datetime]:
    """From the first day's start time (or midnight) to the last day's end time (or day end)."""
    return (
        datetime.combine(start_date, start_time or time.min),
        datetime.combine(end_date, end_time or time.max),
    )
