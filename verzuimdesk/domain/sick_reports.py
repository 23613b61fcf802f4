"""Phoned-in sick reports and beter-meldingen (R-ZIEK-1..5) as pure functions.

The policy section `ziekmelden` decides: `wettelijk` lets parents report up to
`late_report_days` lesdagen after the illness started (LPW art. 12); `mbo-utrecht` refuses
every retroactive report (R-ZIEK-4). Both count a call before `whole_day_before` for the whole
day and a later call from the time of the call (R-ZIEK-3).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from verzuimdesk.domain.calendar import SchoolCalendar
from verzuimdesk.domain.policy import Ziekmelden
from verzuimdesk.errors import ValidationError

CALLER_KINDS: dict[str, str] = {
    "ouder": "ouder/verzorger",
    "leerling": "leerling zelf",
    "anders": "iemand anders",
}


@dataclass(frozen=True)
class Lesson:
    """A scheduled lesson on one day (from the class timetable)."""

    day: date
    begin: time
    end: time
    vak: str | None = None
    docent: str | None = None

    @property
    def starts(self) -> datetime:
        return datetime.combine(self.day, self.begin)


def check_caller(kind: str, name: str | None) -> None:
    """R-ZIEK-5: who called is recorded; a parent or someone else also gives a name."""
    if kind not in CALLER_KINDS:
        raise ValidationError("Kies wie er belt: ouder/verzorger, leerling of anders.", "beller")
    if kind != "leerling" and not (name or "").strip():
        raise ValidationError(
            "Vul de naam van de beller in (bij een ouder/verzorger of iemand anders).", "naam"
        )


# a call is entered when it comes in, or on one of the next days at the latest; a call dated
# weeks back is a typing error (a call dated 1990 once turned a year of OA into Z). The days the
# report covers are a matter of sick_since and the policy's late_report_days, not of this.
MAX_CALL_AGE_DAYS = 14


def check_call_time(called_at: datetime, now: datetime) -> None:
    """The call has already happened, and recently: anything else is a typing error."""
    if called_at > now:
        raise ValidationError(
            f"Het tijdstip van de melding ({called_at:%H:%M}) ligt in de toekomst. "
            "Vul de tijd in waarop er gebeld is.",
            "tijd",
        )
    if now - called_at > timedelta(days=MAX_CALL_AGE_DAYS):
        raise ValidationError(
            f"Het tijdstip van de melding ({called_at:%d-%m-%Y %H:%M}) ligt meer dan "
            f"{MAX_CALL_AGE_DAYS} dagen terug. Vul de datum en tijd in waarop er gebeld is; "
            "er is niets opgeslagen.",
            "tijd",
        )


def sick_start(
    called_at: datetime,
    rules: Ziekmelden,
    calendar: SchoolCalendar,
    sick_since: date | None = None,
) -> datetime:
    """When the report starts counting (R-ZIEK-3, R-ZIEK-4).

    `sick_since` is the first sick day the caller gives; None or the day of the call means
    "from today". A call before `whole_day_before` counts the whole day, a later one from the
    time of the call. An earlier day is refused unless the policy allows late reports, and
    then only within `late_report_days` lesdagen; the late report counts whole days.
    """
    call_day = called_at.date()
    if sick_since is not None and sick_since > call_day:
        raise ValidationError(
            "Een ziekmelding geldt vanaf de dag van de melding, niet vooruit. Laat de beller "
            "op de dag zelf ziekmelden.",
            "ziek sinds",
        )
    if sick_since is None or sick_since == call_day:
        if called_at.time() < rules.whole_day_before:
            return datetime.combine(call_day, time.min)
        return called_at
    if not rules.retroactive_allowed:
        raise ValidationError(
            f"Met terugwerkende kracht ziekmelden kan niet (R-ZIEK-4). De ziekmelding geldt "
            f"vanaf vandaag {_from_text(called_at, rules)}; de afwezigheid vóór de melding "
            "blijft ongeoorloofd (OA).",
            "ziek sinds",
        )
    late = len(calendar.lesdagen(sick_since, call_day)) - (1 if calendar.is_lesdag(call_day) else 0)
    if late > rules.late_report_days:
        raise ValidationError(
            f"Een ziekmelding mag hooguit {rules.late_report_days} lesdagen achteraf worden "
            f"gedaan (Leerplichtwet art. 12); {sick_since:%d-%m-%Y} ligt {late} lesdagen terug. "
            "De afwezigheid vóór die tijd blijft ongeoorloofd (OA).",
            "ziek sinds",
        )
    return datetime.combine(sick_since, time.min)


def _from_text(called_at: datetime, rules: Ziekmelden) -> str:
    if called_at.time() < rules.whole_day_before:
        return "(de hele dag)"
    return f"vanaf {called_at:%H:%M}"


def start_explanation(starts_at: datetime, called_at: datetime, rules: Ziekmelden) -> str:
    """One line for the dialog: what the report will cover, and why (R-ZIEK-3)."""
    limit = rules.whole_day_before.strftime("%H:%M")
    if starts_at.date() < called_at.date():
        return f"Ziek vanaf {starts_at:%d-%m-%Y} (hele dagen, achteraf gemeld)."
    if starts_at.time() == time.min:
        return f"Gemeld vóór {limit}: ziek voor de hele dag."
    return (
        f"Gemeld na {limit}: ziek vanaf {starts_at:%H:%M}. Lessen die al begonnen waren "
        "blijven zoals ze geregistreerd zijn."
    )


def entry_warnings(called_at: datetime, entered_at: datetime, rules: Ziekmelden) -> list[str]:
    """R-ZIEK-1: calls before the cut-off, entered before `enter_before`; late is a warning."""
    warnings = []
    if called_at.time() >= rules.whole_day_before:
        warnings.append(
            f"Ziekmelden hoort vóór {rules.whole_day_before:%H:%M} (R-ZIEK-1); deze melding "
            "telt vanaf het tijdstip van de melding."
        )
    if entered_at.date() == called_at.date() and entered_at.time() > rules.enter_before:
        warnings.append(
            f"Ziekmeldingen worden vóór {rules.enter_before:%H:%M} verwerkt (R-ZIEK-1)."
        )
    return warnings


def check_recovery(starts_at: datetime, called_at: datetime, better_from: datetime) -> None:
    """R-ZIEK-4: no retroactive beter-melding: better from the call on, or later."""
    if better_from < called_at:
        raise ValidationError(
            "Met terugwerkende kracht beter melden kan niet (R-ZIEK-4). De leerling is beter "
            f"vanaf het moment van de beter-melding ({called_at:%d-%m-%Y %H:%M}) of later.",
            "beter vanaf",
        )
    if better_from < starts_at:
        raise ValidationError(
            "De beter-melding ligt vóór het begin van de ziekmelding.", "beter vanaf"
        )


def sick_lessons(
    lessons: Iterable[Lesson], starts_at: datetime, ended_at: datetime | None
) -> list[Lesson]:
    """The lessons a report covers: those beginning at or after its start and before its end.

    A lesson already running at the time of a late call is not covered (R-ZIEK-4: absence
    before the call stays as registered); a lesson running when the student is better is.
    """
    return [
        lesson
        for lesson in lessons
        if lesson.starts >= starts_at and (ended_at is None or lesson.starts < ended_at)
    ]


def sick_days(calendar: SchoolCalendar, starts_at: datetime, until: date) -> list[date]:
    """Lesdagen from the report's first day up to and including `until`."""
    return calendar.lesdagen(starts_at.date(), until)
