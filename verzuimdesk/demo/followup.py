"""The lived-in layer of the demo: what the verzuimmedewerker did about the absence.

Made after the registrations, from what was registered: bellijst calls on the last two days,
verzuimgesprekken with a weekly check near the last day, "niet pluis" notes, a few leave cards
asked for the coming weeks, and DUO reports for students who crossed 16 hours earlier in the
year. (Sick reports and leave cards behind registrations are made before them: desk.py.)
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, timedelta
from random import Random
from typing import Any

from sqlalchemy import insert
from sqlalchemy.orm import Session

from verzuimdesk.demo.absence_patterns import ClassDays, Profile, day_at
from verzuimdesk.demo.desk import DESK_USER
from verzuimdesk.demo.people import DemoStudent
from verzuimdesk.domain.calendar import SchoolCalendar
from verzuimdesk.domain.conversations import QUESTIONS
from verzuimdesk.domain.leave import Decider, LeaveKind, Status
from verzuimdesk.domain.route import Route, age_on, route_for
from verzuimdesk.store.base import table_of
from verzuimdesk.store.desk import LeaveCard
from verzuimdesk.store.followup import Call, Conversation, Note
from verzuimdesk.store.registrations import Source
from verzuimdesk.store.reporting import DuoReport

VERZUIM_USER = "verzuimmedewerker"
SIXTEEN_HOURS = 16 * 60
REPORTED_SHARE = 0.7  # the rest crossed 16 hours unnoticed: the signal screen shows them
EARLIER_DAYS = 14  # "earlier in the year": the crossing lies at least this long before the end


@dataclass
class StudentFacts:
    """What follow-up needs to know about one student after the registrations were made."""

    person: DemoStudent
    student_id: int
    days: ClassDays
    profile: Profile
    oa_minutes: dict[int, int]  # class-day index -> minutes registered OA
    oa_first: dict[int, int]  # class-day index -> begin (minute of day) of the first OA lesson


def _reachable_parent(person: DemoStudent, on: date) -> bool:
    """R-OUDERS: parents of minors always; of adults as the student chose (default: yes)."""
    return age_on(person.geboortedatum, on) < 18 or person.ouders_informeren is not False


# -- follow-up, made after the registrations ----------------------------------------------------

CALL_NOTES: dict[str, tuple[str, ...]] = {
    "bereikt": (
        "Verslapen, komt het derde uur.",
        "Moeder wist niet dat hij/zij afwezig was; praat er vanavond over.",
        "Bus gemist, komt na de pauze.",
        "Was bij de huisarts; briefje volgt. Uitgelegd dat het vooraf gemeld moet worden.",
        "Zegt ziek te zijn, maar er is niet voor 08:30 gebeld: blijft ongeoorloofd.",
        "Had geen zin; afgesproken dat hij/zij morgen om 08:25 bij de mentor meldt.",
    ),
    "niet-bereikt": ("Geen gehoor.", "Telefoon staat uit.", "Gaat over, niemand neemt op."),
    "voicemail": ("Voicemail ingesproken: verzoek om terug te bellen.",),
    "verkeerd-nummer": ("Nummer klopt niet (andere persoon); gegevens laten controleren.",),
}
OUTCOMES = ("bereikt", "niet-bereikt", "voicemail", "verkeerd-nummer")
OUTCOME_WEIGHTS = (0.55, 0.25, 0.15, 0.05)

CONVERSATION_TEXT: dict[Profile, tuple[str, str, str, str]] = {
    # profile: (why absent, other problems, what is needed, agreements)
    Profile.SPIJBELAAR: (
        "Vindt de lessen saai en gaat met vrienden de stad in.",
        "Werkt 's avonds lang in een bijbaan.",
        "Een rooster dat past bij de bijbaan; meer praktijk.",
        "Bijbaan doordeweeks tot 21:00; elke ochtend melden bij de mentor; ouders worden bij "
        "elk ongeoorloofd uur gebeld.",
    ),
    Profile.TE_LAAT: (
        "Komt 's ochtends moeilijk uit bed; de bus sluit slecht aan.",
        "Gaat laat slapen door gamen.",
        "Een wekker die niet te snoozen is (vliegende wekker uit de toolkit).",
        "Twee weken de vliegende wekker in bruikleen; bij 100% op tijd mag hij/zij hem houden.",
    ),
    Profile.VRIJDAGMIDDAG: (
        "Vrijdagmiddag begint het weekend al; de vrienden gaan ook.",
        "Nee.",
        "Duidelijke afspraken.",
        "Vrijdagmiddag aanwezig; bij opnieuw verzuim gesprek met ouders en teamleider.",
    ),
    Profile.EEN_VAK: (
        "Loopt achter bij dit vak en schaamt zich.",
        "Nee.",
        "Extra uitleg bij de docent.",
        "Bijles via het steunuur op dinsdag; mentor vraagt de docent na twee weken hoe het gaat.",
    ),
    Profile.VAAK_ZIEK: (
        "Steeds weer ziek: hoofdpijn en buikpijn.",
        "Spanningen thuis; slaapt slecht.",
        "Dat iemand meekijkt; eventueel de schoolarts.",
        "Doorverwijzing naar de jeugdarts (M@ZL); ziekmeldingen voortaan door ouder voor 08:30.",
    ),
    Profile.LANG_AFWEZIG: (
        "Ziet het nut van de opleiding niet meer.",
        "Schulden; zorgen thuis.",
        "Een gesprek over een andere opleiding of werk.",
        "Gesprek met de loopbaanadviseur; leerplicht/RMC is ingelicht.",
    ),
    Profile.NO_SHOW: (
        "Twijfelde over de opleidingskeuze.",
        "Nee.",
        "Een oriëntatie op een andere opleiding.",
        "Twee weken proefplaatsing; daarna besluit met ouders en mentor.",
    ),
}
NOTES: dict[Profile, tuple[str, ...]] = {
    Profile.LANG_AFWEZIG: (
        "Niet pluis: al weken niet op school, telefoon staat uit en ouders reageren niet op "
        "berichten.",
        "Niet pluis: klasgenoten zeggen dat hij/zij overdag werkt.",
    ),
    Profile.NO_SHOW: (
        "Niet pluis: nog geen enkele les gezien; adres lijkt niet te kloppen (post retour).",
    ),
    Profile.VAAK_ZIEK: (
        "Niet pluis: ziekmeldingen steeds op maandag, telkens door 'een oom' die geen naam "
        "wil geven.",
        "Niet pluis: vertelt over spanningen thuis; doorverwezen naar de "
        "ondersteuningscoördinator.",
    ),
    Profile.LANG_ZIEK: (
        "Niet pluis: lang ziek, nog geen gedateerde doktersverklaring ontvangen (R-ZIEK-LANG).",
    ),
}


def _first_16_hours(facts: StudentFacts, calendar: SchoolCalendar) -> tuple[date, date, int] | None:
    """R-16U: (begindatum, einddatum, minutes) of the first time 16 hours OA fell within 4
    aaneengesloten lesweken, or None."""
    days = sorted(facts.oa_minutes)
    dates = [facts.days.dates[d] for d in days]
    minutes = [facts.oa_minutes[d] for d in days]
    best: tuple[date, date, int] | None = None
    for i, start in enumerate(dates):
        if best is not None and start > best[1]:
            break
        window_end = calendar.add_lesweken(start, 4)
        total = 0
        for j in range(i, len(dates)):
            if dates[j] >= window_end:
                break
            total += minutes[j]
            if total >= SIXTEEN_HOURS:
                if best is None or dates[j] < best[1]:
                    best = (start, dates[j], total)
                break
    return best


def _duo_reports(
    rng: Random, facts: list[StudentFacts], calendar: SchoolCalendar, last_day: date
) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    for fact in facts:
        if sum(fact.oa_minutes.values()) < SIXTEEN_HOURS:
            continue
        found = _first_16_hours(fact, calendar)
        if found is None:
            continue
        start, end, minutes = found
        person = fact.person
        route = route_for(person.geboortedatum, start, person.startkwalificatie)
        if route is Route.NIET_MELDBAAR or (last_day - end).days < EARLIER_DAYS:
            continue
        if rng.random() >= REPORTED_SHARE:
            continue
        sent = calendar.add_werkdagen(end, rng.randint(1, 4))
        rows.append(
            {
                "student_id": fact.student_id,
                "soort": "16u",
                "begindatum": start,
                "einddatum": end,
                "minutes": minutes,
                "meldingsnummer": f"DEMO-{end.year}-{len(rows) + 1:05d}",
                "actie_gewenst": False,
                "toelichting": "Eerste melding: de school begeleidt de student zelf; "
                "verzuimgesprek gevoerd en afspraken gemaakt.",
                "status": "in behandeling",
                "closing_reason": None,
                "details": None,
                "source": Source.DEMO,
                "created_at": day_at(min(sent, last_day), 10 * 60 + rng.randrange(300)),
            }
        )
    return rows


def _calls(
    rng: Random, facts: list[StudentFacts], calendar: SchoolCalendar, last_day: date
) -> list[dict[str, Any]]:
    """The bellijst of the last two lesdagen: some students with OA that day were phoned."""
    rows: list[dict[str, Any]] = []
    recent = calendar.lesdagen(last_day - timedelta(days=10), last_day)[-2:]
    per_day = max(3, len(facts) // 100)
    for list_date in recent:
        absent = []
        for fact in facts:
            index = _index_of(fact.days, list_date)
            if index is not None and index in fact.oa_first:
                absent.append((fact, fact.oa_first[index]))
        following = calendar.lesdagen(list_date + timedelta(days=1), list_date + timedelta(14))
        for fact, first_minute in rng.sample(absent, min(per_day, len(absent))):
            person = fact.person
            outcome = rng.choices(OUTCOMES, OUTCOME_WEIGHTS)[0]
            if _reachable_parent(person, list_date) and person.guardians:
                guardian = person.guardians[0]
                with_whom, phone = f"{guardian.naam} ({guardian.relatie})", guardian.telefoon
            else:
                with_whom, phone = f"{person.roepnaam} (student)", person.telefoon
            rows.append(
                {
                    "student_id": fact.student_id,
                    "list_date": list_date,
                    "called_at": day_at(list_date, first_minute + 20 + rng.randrange(60)),
                    "outcome": outcome,
                    "with_whom": with_whom if outcome == "bereikt" else None,
                    "phone": phone,
                    "note": rng.choice(CALL_NOTES[outcome]),
                    "follow_up_on": following[0] if outcome != "bereikt" and following else None,
                    "called_by": VERZUIM_USER,
                }
            )
    return rows


def _index_of(days: ClassDays, day: date) -> int | None:
    ordinal = day.toordinal()
    ordinals = days.ordinals
    if ordinals and ordinals[-1] == ordinal:
        return len(ordinals) - 1
    if len(ordinals) > 1 and ordinals[-2] == ordinal:
        return len(ordinals) - 2
    return None


def _conversations(
    rng: Random, facts: list[StudentFacts], calendar: SchoolCalendar, last_day: date
) -> list[dict[str, Any]]:
    candidates = [f for f in facts if f.profile in CONVERSATION_TEXT]
    held_days = calendar.lesdagen(last_day - timedelta(days=35), last_day - timedelta(days=7))
    if not held_days or not candidates:
        return []
    rows: list[dict[str, Any]] = []
    count = min(len(candidates), max(2, len(facts) // 60))
    for fact in rng.sample(candidates, count):
        person = fact.person
        held_on = rng.choice(held_days)
        evaluate_on = held_on + timedelta(weeks=6)
        check_on = held_on + timedelta(days=7)
        while check_on < last_day - timedelta(days=2):
            check_on += timedelta(days=7)  # checked every week since: the next one is near
        why, other, needed, agreements = CONVERSATION_TEXT[fact.profile]
        participants = [f"{person.klas.mentor.name} (mentor)", person.full_name]
        if _reachable_parent(person, held_on) and person.guardians:
            guardian = person.guardians[0]
            participants.append(f"{guardian.naam} ({guardian.relatie})")
        answers = {QUESTIONS[0]: why, QUESTIONS[1]: other, QUESTIONS[2]: needed}
        rows.append(
            {
                "student_id": fact.student_id,
                "held_on": held_on,
                "participants": ", ".join(participants),
                "answers": json.dumps(answers, ensure_ascii=False),
                "agreements": agreements,
                "next_check_on": check_on if check_on < evaluate_on else None,
                "evaluate_on": evaluate_on,
                "closed_on": None,
                "recorded_by": person.klas.mentor.name,
            }
        )
    return rows


def _notes(rng: Random, facts: list[StudentFacts], last_day: date) -> list[dict[str, Any]]:
    candidates = [f for f in facts if f.profile in NOTES]
    count = min(len(candidates), max(2, len(facts) // 150))
    rows: list[dict[str, Any]] = []
    for fact in rng.sample(candidates, count):
        written = last_day - timedelta(days=rng.randrange(10))
        rows.append(
            {
                "student_id": fact.student_id,
                "written_at": day_at(written, 9 * 60 + rng.randrange(7 * 60)),
                "kind": "notitie",
                "text": rng.choice(NOTES[fact.profile]),
                "written_by": fact.person.klas.mentor.name,
            }
        )
    return rows


def _requested_leave(
    rng: Random, facts: list[StudentFacts], calendar: SchoolCalendar, last_day: date
) -> list[dict[str, Any]]:
    """A few cards asked for but not yet decided, for dates after the last day."""
    ahead = calendar.lesdagen(last_day + timedelta(days=7), last_day + timedelta(days=90))
    if not ahead or not facts:
        return []
    rows: list[dict[str, Any]] = []
    for fact in rng.sample(facts, min(len(facts), max(2, len(facts) // 200))):
        person = fact.person
        if rng.random() < 0.3 and len(ahead) > 40:
            kind, subkind = LeaveKind.VAKANTIE, None
            start = ahead[rng.randrange(40, len(ahead))]  # R-VERLOF-2: 8 weeks ahead
            length, reason = rng.randint(2, 5), "vakantieverlof: beroep ouder (seizoenswerk)"
        else:
            kind, subkind = LeaveKind.GEWICHTIG, "huwelijk"
            start = rng.choice(ahead[:15])
            length, reason = 1, rng.choice(("bruiloft nicht", "bruiloft oom", "bruiloft zus"))
        following = [d for d in ahead if d >= start][:length]
        parent = person.guardians[0] if person.guardians else None
        adult = age_on(person.geboortedatum, start) >= 18
        rows.append(
            {
                "student_id": fact.student_id,
                "kind": kind.value,
                "subkind": subkind,
                "start_date": start,
                "end_date": following[-1],
                "start_time": None,
                "end_time": None,
                "school_days": len(following),
                "reason": reason,
                "signed_by": person.full_name if adult or parent is None else parent.naam,
                "signer_role": "leerling" if adult or parent is None else "ouder",
                "employer_statement": kind is LeaveKind.VAKANTIE,
                "status": Status.AANGEVRAAGD.value,
                "decider": (Decider.DIRECTEUR if length > 1 else Decider.COACH).value,
                "decided_by": None,
                "decided_at": None,
                "created_at": day_at(last_day, 9 * 60 + rng.randrange(7 * 60)),
                "entered_by": DESK_USER,
            }
        )
    return rows


def insert_followup(
    session: Session,
    rng: Random,
    facts: list[StudentFacts],
    calendar: SchoolCalendar,
    last_day: date,
) -> dict[str, int]:
    """The follow-up rows; returns counts per kind for the summary (Dutch labels)."""
    tables = (
        ("DUO-meldingen", DuoReport, _duo_reports(rng, facts, calendar, last_day)),
        ("gebelde leerlingen", Call, _calls(rng, facts, calendar, last_day)),
        ("verzuimgesprekken", Conversation, _conversations(rng, facts, calendar, last_day)),
        ("notities", Note, _notes(rng, facts, last_day)),
        ("aangevraagde verlofkaarten", LeaveCard, _requested_leave(rng, facts, calendar, last_day)),
    )
    counts: dict[str, int] = {}
    for label, model, rows in tables:
        if rows:
            session.execute(insert(table_of(model)), rows)
        counts[label] = len(rows)
    return counts
