"""The bellijst (seed 001 §3.2: the verzuimmedewerker phones absent students daily): why a
student is on the list for a day, and how urgent that is. Pure: the service gathers the facts.

The values are NamedTuples rather than frozen dataclasses: just as immutable, and five times
cheaper to build, which counts when a big school has thousands of students on the list.

Ranking: a student's most urgent reason first (an open signal with a deadline beats being close
to R-16U, which beats a first day of unexcused absence, …), then how many reasons there are, the
nearest signal deadline, the OA hours in the current 4-lesweek window and today's OA minutes.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date
from enum import StrEnum
from typing import NamedTuple

from verzuimdesk.domain.hours import format_hhmm
from verzuimdesk.domain.policy import Bellijst


class ReasonKind(StrEnum):
    SIGNAAL = "signaal"  # an open signal of the engine (R-16U, R-ZIEK-VAAK, …)
    BIJNA_16U = "bijna-16u"  # close to R-16U in the current 4-lesweek window
    BOVEN_16U = "boven-16u"  # at or over the R-16U threshold in the current window
    EERSTE_DAG = "eerste-dag"  # first day of unexcused absence: no OA on the previous lesdag
    BRUGKLAS = "brugklas"  # R-BRUGKLAS: first year VO, every unexcused absence is a call
    ONGEOORLOOFD = "ongeoorloofd"  # unexcused absence today, not the first day
    TERUGBELLEN = "terugbellen"  # an earlier call asked to call back on or before today
    CONTROLE = "controle"  # weekly check of a verzuimgesprek's agreements is due
    EVALUATIE = "evaluatie"  # the evaluation of a verzuimgesprek's agreements is due
    ZIEK = "ziek"  # sick: must be reachable daily (seed 000)


WEIGHT: dict[ReasonKind, int] = {
    ReasonKind.SIGNAAL: 100,
    ReasonKind.BOVEN_16U: 85,
    ReasonKind.BIJNA_16U: 80,
    ReasonKind.EERSTE_DAG: 70,
    ReasonKind.BRUGKLAS: 65,
    ReasonKind.ONGEOORLOOFD: 60,
    ReasonKind.TERUGBELLEN: 50,
    ReasonKind.CONTROLE: 45,
    ReasonKind.EVALUATIE: 40,
    ReasonKind.ZIEK: 30,
}

LABEL: dict[ReasonKind, str] = {
    ReasonKind.SIGNAAL: "signaal",
    ReasonKind.BIJNA_16U: "bijna 16 uur",
    ReasonKind.BOVEN_16U: "16 uur bereikt",
    ReasonKind.EERSTE_DAG: "1e dag ongeoorloofd",
    ReasonKind.BRUGKLAS: "brugklas",
    ReasonKind.ONGEOORLOOFD: "ongeoorloofd",
    ReasonKind.TERUGBELLEN: "terugbellen",
    ReasonKind.CONTROLE: "afspraken controleren",
    ReasonKind.EVALUATIE: "afspraken evalueren",
    ReasonKind.ZIEK: "ziek",
}


class Outcome(StrEnum):
    """What a call came to; the order is the 1–4 keys of the call panel."""

    BEREIKT = "bereikt"
    NIET_BEREIKT = "niet-bereikt"
    VOICEMAIL = "voicemail"
    VERKEERD_NUMMER = "verkeerd-nummer"


OUTCOME_LABEL: dict[Outcome, str] = {
    Outcome.BEREIKT: "bereikt",
    Outcome.NIET_BEREIKT: "niet bereikt",
    Outcome.VOICEMAIL: "voicemail ingesproken",
    Outcome.VERKEERD_NUMMER: "verkeerd nummer",
}

# R-ZIEK-6: a voicemail is no contact either; a wrong number is the school's data problem and
# must not turn a sick report into unexcused absence.
UNREACHED = frozenset({Outcome.NIET_BEREIKT, Outcome.VOICEMAIL})
ZIEK6_MIN_UNREACHED_CALLS = 2


class OpenSignal(NamedTuple):
    rule: str
    arose_on: date
    deadline: date | None
    explanation: str


class Facts(NamedTuple):
    """What the service found about one student for the list date."""

    oa_minutes_today: int = 0
    oa_previous_lesdag: bool = False
    sick_today: bool = False
    window_oa_minutes: int = 0
    window_start: date | None = None
    signals: tuple[OpenSignal, ...] = ()
    check_due: date | None = None
    evaluation_due: date | None = None
    follow_up_due: date | None = None
    first_year_vo: bool = False


class Reason(NamedTuple):
    kind: ReasonKind
    text: str  # a full Dutch sentence for the details and the tooltip
    rule: str | None = None  # the signal's rule, e.g. R-16U
    deadline: date | None = None  # the signal's reporting deadline

    @property
    def label(self) -> str:
        return self.rule or LABEL[self.kind]


def compact_texts(reasons: Iterable[Reason]) -> list[str]:
    """One short line per reason for paper: signals as their rule and deadline, and several
    open signals of one rule as one line ("R-HERHAAL 4× open, laatste uiterlijk 15-07")."""
    lines: list[str] = []
    signals: dict[str, list[Reason]] = {}
    for reason in reasons:
        if reason.kind is ReasonKind.SIGNAAL and reason.rule:
            if reason.rule not in signals:
                lines.append(reason.rule)  # a placeholder that keeps the order
            signals.setdefault(reason.rule, []).append(reason)
        else:
            lines.append(reason.text)
    for rule, group in signals.items():
        deadlines = [r.deadline for r in group if r.deadline]
        count = f" {len(group)}× open" if len(group) > 1 else " open"
        last = "laatste uiterlijk" if len(group) > 1 else "melden uiterlijk"
        when = f", {last} {max(deadlines):%d-%m}" if deadlines else ""
        lines[lines.index(rule)] = f"Signaal {rule}{count}{when}"
    return lines


def short_labels(reasons: Iterable[Reason]) -> str:
    """'R-HERHAAL 3×, bijna 16 uur, ziek': each label once, in order, with a count."""
    counts: dict[str, int] = {}
    for reason in reasons:
        counts[reason.label] = counts.get(reason.label, 0) + 1
    return ", ".join(f"{label} {n}×" if n > 1 else label for label, n in counts.items())


def _ddmm(day: date) -> str:
    # f"{day:%d-%m}" goes through strftime, which is slow for thousands of rows
    return f"{day.day:02d}-{day.month:02d}"


def reasons_for(facts: Facts, on: date, rules: Bellijst, threshold_minutes: int) -> list[Reason]:
    """Every reason to call, most urgent first; empty means the student is not on the list."""
    found: list[Reason] = []
    for signal in facts.signals:
        deadline = f", uiterlijk melden {_ddmm(signal.deadline)}" if signal.deadline else ""
        found.append(
            Reason(
                ReasonKind.SIGNAAL,
                f"Open signaal {signal.rule}{deadline}: {signal.explanation}",
                signal.rule,
                signal.deadline,
            )
        )
    if facts.window_oa_minutes >= rules.near_threshold_minutes:
        since = f" sinds {_ddmm(facts.window_start)}" if facts.window_start else ""
        over = facts.window_oa_minutes >= threshold_minutes
        reached = " (grens bereikt)" if over else ""
        found.append(
            Reason(
                ReasonKind.BOVEN_16U if over else ReasonKind.BIJNA_16U,
                f"{format_hhmm(facts.window_oa_minutes)} uur ongeoorloofd in 4 lesweken{since}, "
                f"grens {format_hhmm(threshold_minutes)}{reached}",
            )
        )
    if facts.oa_minutes_today > 0:
        today = format_hhmm(facts.oa_minutes_today)
        if facts.oa_previous_lesdag:
            found.append(Reason(ReasonKind.ONGEOORLOOFD, f"Vandaag {today} uur ongeoorloofd"))
        else:
            found.append(
                Reason(ReasonKind.EERSTE_DAG, f"1e dag ongeoorloofd afwezig ({today} uur)")
            )
        if facts.first_year_vo and rules.brugklas_every_absence:
            found.append(
                Reason(ReasonKind.BRUGKLAS, "Brugklas: elk ongeoorloofd verzuim, ouders bellen")
            )
    if facts.follow_up_due is not None:
        found.append(
            Reason(
                ReasonKind.TERUGBELLEN, f"Terugbellen afgesproken op {_ddmm(facts.follow_up_due)}"
            )
        )
    if facts.check_due is not None:
        found.append(
            Reason(
                ReasonKind.CONTROLE,
                f"Afspraken uit verzuimgesprek controleren (sinds {_ddmm(facts.check_due)})",
            )
        )
    if facts.evaluation_due is not None:
        found.append(
            Reason(
                ReasonKind.EVALUATIE,
                f"Afspraken evalueren (gepland {_ddmm(facts.evaluation_due)}, max. 6 weken)",
            )
        )
    if facts.sick_today:
        found.append(Reason(ReasonKind.ZIEK, "Ziekgemeld: dagelijks contact houden"))
    found.sort(key=lambda r: -WEIGHT[r.kind])
    return found


def urgency_key(
    reasons: Sequence[Reason], facts: Facts, name: str
) -> tuple[int, int, int, int, int, str]:
    """Sort key: smaller is more urgent. Raw values, so the UI can sort on it too."""
    weights = [WEIGHT[r.kind] for r in reasons]
    deadlines = [s.deadline.toordinal() for s in facts.signals if s.deadline]
    return (
        -max(weights, default=0),
        -sum(weights),
        min(deadlines, default=date.max.toordinal()),
        -facts.window_oa_minutes,
        -facts.oa_minutes_today,
        name.casefold(),
    )


class Ranked(NamedTuple):
    student_id: int
    reasons: tuple[Reason, ...]
    key: tuple[int, int, int, int, int, str]


def rank(
    candidates: Iterable[tuple[int, str, Facts]],
    on: date,
    rules: Bellijst,
    threshold_minutes: int,
) -> list[Ranked]:
    """The bellijst in order of urgency: (student id, sort name, facts) in, those with a reason
    out, most urgent first."""
    ranked = []
    for student_id, name, facts in candidates:
        reasons = reasons_for(facts, on, rules, threshold_minutes)
        if reasons:
            ranked.append(Ranked(student_id, tuple(reasons), urgency_key(reasons, facts, name)))
    ranked.sort(key=lambda r: (r.key, r.student_id))
    return ranked


def parents_first(adult: bool, first_year_vo: bool) -> bool:
    """Whom to dial first: the parents of a minor (and always in the brugklas), else the student."""
    return not adult or first_year_vo


def sick_unreachable(outcomes_today: Iterable[str], sick_today: bool) -> bool:
    """R-ZIEK-6 (seed 000): a sick student not reached on two calls that day, and reached on none,
    may within reason be re-registered as OA. Offered to the user, never done automatically."""
    if not sick_today:
        return False
    outcomes = list(outcomes_today)
    if Outcome.BEREIKT in outcomes:
        return False
    return sum(1 for o in outcomes if o in UNREACHED) >= ZIEK6_MIN_UNREACHED_CALLS


def is_first_year_vo(sector: str | None, school_sector: str | None, leerjaar: int | None) -> bool:
    """R-BRUGKLAS applies to the first year of VO (the student's own sector, else the school's)."""
    return (sector or school_sector) == "vo" and leerjaar == 1
