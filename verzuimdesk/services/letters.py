"""Verzuimbrieven: the queue of letters due, filling and printing them, and the archive.

`letters_due` gathers, for the students who can have a letter due on a day, their OA days,
meldingen (with `gemeld_op`), the engine's signals, schorsingen, verwijderingen, leerbedrijven,
guardians, consent history and the letters already archived, and asks the domain
(`domain/letters.py`) which letters are due. `print_letters` fills the templates, lays every
envelope out in one PDF and archives each envelope (event, recipients, template version, who,
when, the SHA-256 of the letter's own PDF) in the same unit of work: all or nothing. A letter with
a problem (no postal address, BBL without leerbedrijf) is left out, named, and stays in the queue.
"""

from __future__ import annotations

import hashlib
import json
import os
import statistics
import tempfile
from collections import defaultdict
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import and_, func, or_, select
from sqlalchemy.orm import Session, selectinload

from verzuimdesk.domain.calendar import SchoolCalendar
from verzuimdesk.domain.codes import Category
from verzuimdesk.domain.consent import eighteenth_birthday
from verzuimdesk.domain.letters import (
    ALL_LETTERS,
    LETTER_TITLES,
    REGISTERED_LETTERS,
    Address,
    CompanyFacts,
    ConsentChoice,
    DecisionFact,
    DueLetter,
    GuardianFacts,
    Letter,
    LetterEvent,
    LetterRules,
    LetterStudent,
    MeldingFact,
    Recipient,
    RecipientKind,
    SignalFact,
    due_letters,
    earliest_event_day,
    make_due_letter,
    recipient_kinds,
    student_events,
)
from verzuimdesk.domain.policy import Policy
from verzuimdesk.domain.roles import Permission
from verzuimdesk.domain.route import Route, age_on
from verzuimdesk.errors import NotFoundError, ValidationError
from verzuimdesk.services import audit
from verzuimdesk.services.access import require
from verzuimdesk.services.changes import Changes
from verzuimdesk.services.context import Context
from verzuimdesk.services.letter_settings import LetterSettings, load_settings, logo_bytes
from verzuimdesk.services.letter_templates import (
    TemplateVersion,
    check_template,
    current_template,
    format_day,
    render_body,
    template_key,
)
from verzuimdesk.services.printing.letters_pdf import render_letter, render_letters
from verzuimdesk.services.progress import Cancel, Progress, check, never_cancel, no_progress
from verzuimdesk.services.school import code_map, load_calendar, load_policy
from verzuimdesk.services.signal_inputs import load_inputs
from verzuimdesk.services.signal_runs import evaluate
from verzuimdesk.store.audit import AuditEntry
from verzuimdesk.store.letters import ArchivedLetter, Company, Expulsion, Suspension
from verzuimdesk.store.registrations import Registration
from verzuimdesk.store.reporting import DuoReport, SignalRow
from verzuimdesk.store.school import SchoolClass
from verzuimdesk.store.students import Student

CONSENT_ACTION = "toestemming_ouders.gewijzigd"  # services/consent.py writes it
BEZWAAR_WEKEN = 6  # Awb 6:7
KLACHT_WERKDAGEN = 10  # seed 001 §4.3


@dataclass(frozen=True)
class QueueItem:
    """One letter of the queue: a student, the letter, its variant and recipients."""

    student_id: int  # database id
    leerlingnummer: str
    naam: str
    klas: str
    due: DueLetter
    style: str  # standaard | onderzoek
    extra: tuple[tuple[str, str], ...] = ()  # fields a letter by hand adds (gesprek_moment)

    @property
    def letter(self) -> Letter:
        return self.due.letter

    @property
    def variant(self) -> Route | None:
        return self.due.variant

    @property
    def event(self) -> LetterEvent:
        return self.due.event

    @property
    def recipients(self) -> tuple[Recipient, ...]:
        return self.due.recipients

    @property
    def problems(self) -> tuple[str, ...]:
        return self.due.problems

    @property
    def title(self) -> str:
        return LETTER_TITLES[self.letter]

    def recipients_text(self) -> str:
        names = {
            RecipientKind.LEERLING: "leerling",
            RecipientKind.OUDERS: "ouders",
            RecipientKind.LEERBEDRIJF: "leerbedrijf",
        }
        counts: dict[str, int] = defaultdict(int)
        for r in self.recipients:
            counts[names[r.kind]] += 1
        return ", ".join(f"{k} ({n}×)" if n > 1 else k for k, n in counts.items())

    def as_json(self) -> dict[str, Any]:
        return {
            "student_id": self.leerlingnummer,
            "letter": self.letter.value,
            "variant": self.variant.value if self.variant else None,
            "event_date": self.event.day.isoformat(),
            "recipients": recipient_kinds(self.recipients),
        }


# -- gathering -------------------------------------------------------------------------------


def _rules(policy: Policy) -> LetterRules:
    return LetterRules(
        termijn_werkdagen=policy.brieven.termijn_werkdagen,
        a_herstart_lesweken=policy.brieven.a_herstart_lesweken,
        inform_18plus_by_default=policy.ouders.inform_18plus_by_default,
    )


def _melding_day() -> Any:
    return func.coalesce(DuoReport.gemeld_op, DuoReport.einddatum, DuoReport.begindatum)


def _candidates(
    session: Session, on: date, earliest: date, only: Collection[int] | None
) -> set[int]:
    """Students who can have a letter due on `on`: something happened to them in the term."""
    codes = code_map(session)
    absent = [c for c, rc in codes.items() if rc.category in (Category.ONGEOORLOOFD,)]
    late = [c for c, rc in codes.items() if rc.category is Category.TE_LAAT]
    found: set[int] = set()

    def restrict(stmt: Any, column: Any) -> Any:
        return stmt if only is None else stmt.where(column.in_(list(only)))

    found |= set(
        session.scalars(
            restrict(
                select(Registration.student_id)
                .where(
                    Registration.date.between(earliest, on),
                    Registration.code.in_(absent + late),
                )
                .distinct(),
                Registration.student_id,
            )
        )
    )
    found |= set(
        session.scalars(
            restrict(
                select(DuoReport.student_id).where(_melding_day().between(earliest, on)),
                DuoReport.student_id,
            )
        )
    )
    for model in (Suspension, Expulsion):
        found |= set(
            session.scalars(
                restrict(
                    select(model.student_id).where(model.decided_on.between(earliest, on)),
                    model.student_id,
                )
            )
        )
    # 18th birthdays in the term: born between earliest and on, 18 years earlier (a day of
    # margin either side for 29 February), then checked exactly
    low = _years_back(earliest, 18) - timedelta(days=1)
    high = _years_back(on, 18) + timedelta(days=1)
    for sid, born in session.execute(
        restrict(
            select(Student.id, Student.geboortedatum).where(
                Student.geboortedatum.between(low, high)
            ),
            Student.id,
        )
    ):
        if earliest <= eighteenth_birthday(born) <= on:
            found.add(sid)
    return found


def _years_back(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:
        return date(day.year - years, 2, 28)


def _address(row: Any) -> Address:
    return Address(row.straat, row.postcode, row.plaats)


def _consent_choices(
    session: Session, students: Sequence[Student]
) -> dict[int, list[ConsentChoice]]:
    """Every recorded choice per student: the audit trail's history plus the stored one."""
    choices: dict[int, list[ConsentChoice]] = defaultdict(list)
    ids = [str(s.id) for s in students]
    for start in range(0, len(ids), 500):
        for entity_id, after in session.execute(
            select(AuditEntry.entity_id, AuditEntry.after).where(
                AuditEntry.action == CONSENT_ACTION,
                AuditEntry.entity == "student",
                AuditEntry.entity_id.in_(ids[start : start + 500]),
            )
        ):
            data = json.loads(after or "{}")
            value = data.get("ouders_informeren")
            if isinstance(value, bool) and entity_id is not None:
                since = data.get("ouders_informeren_datum")
                choices[int(entity_id)].append(
                    ConsentChoice(value, date.fromisoformat(since) if since else None)
                )
    for s in students:
        if s.ouders_informeren is not None:
            current = ConsentChoice(s.ouders_informeren, s.ouders_informeren_datum)
            if current not in choices[s.id]:
                choices[s.id].append(current)
    return choices


@dataclass
class _Gathered:
    on: date
    calendar: SchoolCalendar
    policy: Policy
    rules: LetterRules
    settings: LetterSettings
    students: dict[int, Student]
    facts: dict[int, LetterStudent]
    oa: dict[int, dict[date, int]]  # OA minutes per lesdag
    reports: dict[str, DuoReport]
    signals: dict[str, Any]
    suspensions: dict[str, Suspension]
    expulsions: dict[str, Expulsion]
    mentors: dict[str, str]
    class_median_days: dict[str, float] = field(default_factory=dict)
    # the same rows per student, so a school of 20,000 is not searched once per student
    reports_of: dict[int, list[tuple[str, DuoReport]]] = field(default_factory=dict)
    signals_of: dict[int, dict[str, Any]] = field(default_factory=dict)  # event key → signal
    suspensions_of: dict[int, list[tuple[str, Suspension]]] = field(default_factory=dict)
    expulsions_of: dict[int, list[tuple[str, Expulsion]]] = field(default_factory=dict)

    def index(self) -> None:
        for ref, r in self.reports.items():
            self.reports_of.setdefault(r.student_id, []).append((ref, r))
        for owner, signal in self.signals.values():
            key = f"signaal:{signal.rule}:{signal.arose_on.isoformat()}"
            self.signals_of.setdefault(owner, {})[key] = signal
        for ref, sus in self.suspensions.items():
            self.suspensions_of.setdefault(sus.student_id, []).append((ref, sus))
        for ref, exp in self.expulsions.items():
            self.expulsions_of.setdefault(exp.student_id, []).append((ref, exp))


def _chunks(ids: Sequence[int], size: int = 500) -> Iterable[list[int]]:
    for start in range(0, len(ids), size):
        yield list(ids[start : start + size])


def _gather(session: Session, on: date, ids: Collection[int]) -> _Gathered:
    policy = load_policy(session)
    calendar = load_calendar(session)
    settings = load_settings(session)
    id_list = sorted(ids)
    students: dict[int, Student] = {}
    for chunk in _chunks(id_list):
        stmt = select(Student).where(Student.id.in_(chunk)).options(selectinload(Student.guardians))
        for s in session.scalars(stmt):
            students[s.id] = s
    companies: dict[int, list[Company]] = defaultdict(list)
    suspensions: dict[str, Suspension] = {}
    expulsions: dict[str, Expulsion] = {}
    reports: dict[str, DuoReport] = {}
    for chunk in _chunks(id_list):
        for c in session.scalars(select(Company).where(Company.student_id.in_(chunk))):
            companies[c.student_id].append(c)
        for sus in session.scalars(select(Suspension).where(Suspension.student_id.in_(chunk))):
            suspensions[f"schorsing:{sus.id}"] = sus
        for exp in session.scalars(select(Expulsion).where(Expulsion.student_id.in_(chunk))):
            expulsions[f"verwijdering:{exp.id}"] = exp
        for rep in session.scalars(select(DuoReport).where(DuoReport.student_id.in_(chunk))):
            reports[f"melding:{rep.id}"] = rep
    choices = _consent_choices(session, list(students.values()))
    facts = {
        sid: LetterStudent(
            leerlingnummer=s.leerlingnummer,
            naam=s.full_name,
            birth_date=s.geboortedatum,
            startkwalificatie=s.startkwalificatie,
            leerweg=s.leerweg,
            address=_address(s),
            enrolled_from=s.ingeschreven_van,
            enrolled_until=s.ingeschreven_tot,
            guardians=tuple(
                GuardianFacts(g.id, g.naam, _address(g), g.post_ontvangen) for g in s.guardians
            ),
            companies=tuple(
                CompanyFacts(c.id, c.naam, c.contactpersoon, _address(c), c.van, c.tot)
                for c in companies.get(sid, [])
            ),
            choices=tuple(choices.get(sid, [])),
        )
        for sid, s in students.items()
    }
    oa: dict[int, dict[date, int]] = {}
    signals: dict[str, Any] = {}
    if students:
        inputs = load_inputs(session, on, student_ids=list(students))
        for sid, days in inputs.days.items():
            oa[sid] = {d.day: d.oa_minutes for d in days if d.oa_minutes > 0}
        # only a niet-meldbaar student's signals stand in for meldingen: with a
        # startkwalificatie, or 23 or older (younger today means younger all year)
        eligible = {
            sid: facts
            for sid, facts in inputs.students.items()
            if facts.startkwalificatie or age_on(facts.birth_date, on) >= 23
        }
        for sid, signal in evaluate(replace(inputs, students=eligible)):
            signals.setdefault(f"{sid}|{signal.rule}|{signal.arose_on}", (sid, signal))
        for chunk in _chunks(id_list):
            for row in session.scalars(
                select(SignalRow).where(
                    SignalRow.student_id.in_(chunk), SignalRow.route == Route.NIET_MELDBAAR.value
                )
            ):
                signals.setdefault(
                    f"{row.student_id}|{row.rule}|{row.arose_on}", (row.student_id, row)
                )
    mentors = {
        code: mentor
        for code, mentor in session.execute(select(SchoolClass.code, SchoolClass.mentor))
        if mentor
    }
    gathered = _Gathered(
        on=on,
        calendar=calendar,
        policy=policy,
        rules=_rules(policy),
        settings=settings,
        students=students,
        facts=facts,
        oa=oa,
        reports=reports,
        signals=signals,
        suspensions=suspensions,
        expulsions=expulsions,
        mentors=mentors,
    )
    gathered.index()
    return gathered


def _events(g: _Gathered, sid: int, until: date) -> list[LetterEvent]:
    meldingen = [
        MeldingFact(ref, r.soort, r.begindatum, r.einddatum, r.gemeld_op)
        for ref, r in g.reports_of.get(sid, [])
    ]
    signals = [
        SignalFact(str(s.rule), s.arose_on, str(s.route) if s.route else None)
        for s in g.signals_of.get(sid, {}).values()
    ]
    sus = [
        DecisionFact(
            ref, s.decided_on, f"schorsing van {s.first_day:%d-%m-%Y} t/m {s.last_day:%d-%m-%Y}"
        )
        for ref, s in g.suspensions_of.get(sid, [])
    ]
    exp = [
        DecisionFact(ref, e.decided_on, f"verwijdering per {e.effective_on:%d-%m-%Y}")
        for ref, e in g.expulsions_of.get(sid, [])
    ]
    return student_events(
        g.facts[sid],
        [d for d in g.oa.get(sid, {}) if d <= until],
        meldingen,
        signals,
        sus,
        exp,
        g.calendar,
        g.rules,
        until=until,
    )


def _archived_keys(session: Session, ids: Collection[int]) -> dict[int, set[str]]:
    found: dict[int, set[str]] = defaultdict(set)
    for chunk in _chunks(sorted(ids)):
        for sid, key in session.execute(
            select(ArchivedLetter.student_id, ArchivedLetter.event_key)
            .where(ArchivedLetter.student_id.in_(chunk))
            .distinct()
        ):
            found[sid].add(key)
    return found


def _queue(
    session: Session, on: date, only: Collection[int] | None
) -> tuple[list[QueueItem], _Gathered]:
    policy = load_policy(session)
    calendar = load_calendar(session)
    earliest = earliest_event_day(on, calendar, policy.brieven.termijn_werkdagen)
    ids = _candidates(session, on, earliest, only)
    g = _gather(session, on, ids)
    archived = _archived_keys(session, ids)
    items: list[QueueItem] = []
    for sid in sorted(g.students, key=lambda i: g.students[i].leerlingnummer):
        student = g.students[sid]
        events = _events(g, sid, on)
        for due in due_letters(
            events, g.facts[sid], archived.get(sid, set()), on, calendar, g.rules
        ):
            items.append(
                QueueItem(
                    sid,
                    student.leerlingnummer,
                    student.full_name,
                    student.klas,
                    due,
                    g.settings.style_for(due.letter),
                )
            )
    items.sort(key=lambda i: (i.event.day, i.leerlingnummer, ALL_LETTERS.index(i.letter)))
    return items, g


def _student_id(session: Session, leerlingnummer: str) -> int:
    sid = session.scalar(select(Student.id).where(Student.leerlingnummer == leerlingnummer))
    if sid is None:
        raise NotFoundError(
            f"Er is geen leerling met leerlingnummer {leerlingnummer}. Controleer het nummer."
        )
    return sid


def letters_due(ctx: Context, on: date, leerlingnummer: str | None = None) -> list[QueueItem]:
    """The queue "te versturen" on `on` (R-BRIEF-DUE), oldest event first."""
    require(ctx, Permission.LETTERS)
    with ctx.db.unit_of_work() as session:
        only = None if leerlingnummer is None else {_student_id(session, leerlingnummer)}
        items, _ = _queue(session, on, only)
        return items


def count_due(ctx: Context, on: date) -> int:
    """How many letters wait on `on` (the Vandaag page's "N brieven te versturen")."""
    return len(letters_due(ctx, on))


def format_due_json(items: Sequence[QueueItem]) -> str:
    return json.dumps([i.as_json() for i in items], ensure_ascii=False, indent=2)


# -- filling ---------------------------------------------------------------------------------


def _hours(minutes: int | None) -> str:
    if not minutes:
        return "0"
    return f"{minutes / 60:.1f}".replace(".", ",").removesuffix(",0")


def _instantie(route: Route | None, gemeente: str | None) -> str:
    place = f"de gemeente {gemeente}" if gemeente else "uw woongemeente"
    if route is Route.LEERPLICHT:
        return f"de leerplichtambtenaar van {place}"
    if route is Route.RMC:
        return f"het RMC (Regionaal Meld- en Coördinatiepunt) van {place}"
    return ""


def _class_medians(session: Session, g: _Gathered, klassen: set[str]) -> dict[str, float]:
    """Per class, the OA days this school year of the typical classmate (the median, counting
    classmates without any as 0): the comparison of the evidence-based variant."""
    if not klassen:
        return {}
    start, _ = g.calendar.school_year_of(g.on)
    codes = code_map(session)
    absent = [c for c, rc in codes.items() if rc.category is Category.ONGEOORLOOFD]
    per_student: dict[int, int] = {}
    for sid, days in session.execute(
        select(Registration.student_id, func.count(func.distinct(Registration.date)))
        .join(Student, Student.id == Registration.student_id)
        .where(
            Student.klas.in_(sorted(klassen)),
            Registration.date.between(start, g.on),
            Registration.code.in_(absent),
        )
        .group_by(Registration.student_id)
    ):
        per_student[sid] = days
    result: dict[str, float] = {}
    for klas, ids in _class_members(session, klassen).items():
        result[klas] = statistics.median([per_student.get(i, 0) for i in ids]) if ids else 0
    return result


def _class_members(session: Session, klassen: set[str]) -> dict[str, list[int]]:
    members: dict[str, list[int]] = defaultdict(list)
    for sid, klas in session.execute(
        select(Student.id, Student.klas).where(Student.klas.in_(sorted(klassen)))
    ):
        members[klas].append(sid)
    return members


def _fields(
    item: QueueItem, recipient: Recipient, g: _Gathered, letter_date: date
) -> dict[str, str]:
    student = g.students[item.student_id]
    settings = g.settings
    event = item.event
    start, _ = g.calendar.school_year_of(event.day)
    year_days = {d: m for d, m in g.oa.get(item.student_id, {}).items() if start <= d <= event.day}
    if recipient.kind is RecipientKind.LEERLING:
        aanhef = f"Beste {student.roepnaam}"
    elif recipient.kind is RecipientKind.OUDERS:
        aanhef = "Beste " + " en ".join(recipient.names)
    else:
        aanhef = (
            f"Geachte {recipient.attention}" if recipient.attention else "Geachte heer, mevrouw"
        )
    values: dict[str, str] = {
        "aan": recipient.kind.value,
        "aanhef": aanhef,
        "leerling_roepnaam": student.roepnaam,
        "leerling_naam": student.full_name,
        "leerlingnummer": student.leerlingnummer,
        "klas": student.klas,
        "opleiding": student.opleiding or "",
        "mentor": g.mentors.get(student.klas, ""),
        "woongemeente": student.woongemeente or "",
        "geboortedatum": format_day(student.geboortedatum, False),
        "variant": item.variant.value if item.variant else "",
        "instantie": _instantie(item.variant, student.woongemeente),
        "datum_gebeurtenis": format_day(event.day),
        "brief_datum": format_day(letter_date),
        "melding_nummer": str(event.melding_number or ""),
        "dagen_afwezig": str(len(year_days)),
        "uren_afwezig": _hours(sum(year_days.values())),
        "dagen_klasgenoot": f"{g.class_median_days.get(student.klas, 0):g}",
        "achttien_op": format_day(eighteenth_birthday(student.geboortedatum), False),
        "ouders_na_18": "ja" if g.rules.inform_18plus_by_default else "nee",
        "leerbedrijf_naam": recipient.names[0]
        if recipient.kind is RecipientKind.LEERBEDRIJF and recipient.names
        else "",
        "contactpersoon": settings.ondertekenaar,
        "contact_functie": settings.functie,
        "contact_telefoon": settings.telefoon,
        "contact_email": settings.email,
        "school_naam": settings.school_naam,
        "bezwaar_weken": str(BEZWAAR_WEKEN),
        "klacht_werkdagen": str(KLACHT_WERKDAGEN),
    }
    report = g.reports.get(event.key)
    if report is not None:
        values["melding_van"] = format_day(report.begindatum, False)
        values["melding_tot"] = format_day(report.einddatum, False)
        values["uren_melding"] = _hours(report.minutes)
    signal_entry = g.signals_of.get(item.student_id, {}).get(event.key)
    if signal_entry is not None:
        window = getattr(signal_entry, "window", None)
        if window is None and getattr(signal_entry, "window_start", None):
            window = (signal_entry.window_start, signal_entry.window_end)
        if window:
            values["melding_van"] = format_day(window[0], False)
            values["melding_tot"] = format_day(signal_entry.arose_on, False)
        values["uren_melding"] = _hours(signal_entry.minutes)
    sus = g.suspensions.get(event.key)
    if sus is not None:
        values.update(
            schorsing_reden=sus.reason,
            schorsing_van=format_day(sus.first_day),
            schorsing_tot=format_day(sus.last_day),
            besloten_door=sus.decided_by,
            besloten_op=format_day(sus.decided_on),
        )
    exp = g.expulsions.get(event.key)
    if exp is not None:
        values.update(
            verwijdering_besluit=exp.decision,
            verwijdering_van=format_day(exp.effective_on),
            besloten_op=format_day(exp.decided_on),
            gesprek_gehouden="ja" if exp.conversation_held else "nee",
            gesprek_datum=format_day(exp.conversation_on),
        )
    values.update(dict(item.extra))
    return values


def _address_lines(recipient: Recipient) -> list[str]:
    if recipient.kind is RecipientKind.LEERBEDRIJF:
        lines = list(recipient.names)
        if recipient.attention:
            lines.append(f"t.a.v. {recipient.attention}")
    else:
        lines = [" en ".join(recipient.names)]
    return [*lines, *recipient.address.lines()]


@dataclass(frozen=True)
class Envelope:
    item: QueueItem
    recipient: Recipient
    template: TemplateVersion
    content: dict[str, Any]


def _contents(
    session: Session,
    g: _Gathered,
    items: Sequence[QueueItem],
    letter_date: date,
    cancel: Cancel,
) -> list[Envelope]:
    g.class_median_days = _class_medians(session, g, {g.students[i.student_id].klas for i in items})
    templates: dict[str, TemplateVersion] = {}
    prefix = f"{letter_date:%Y%m%d}-"
    used = set(
        session.scalars(
            select(ArchivedLetter.reference).where(ArchivedLetter.reference.like(f"{prefix}%"))
        )
    )
    settings = g.settings
    letterhead = {
        "school_naam": settings.school_naam,
        "adres": settings.adres,
        "postcode_plaats": settings.postcode_plaats,
        "telefoon": settings.telefoon,
        "email": settings.email,
        "website": settings.website,
        "logo_sha": settings.logo_sha,
    }
    block = {
        "left_mm": settings.block.left_mm,
        "top_mm": settings.block.top_mm,
        "width_mm": settings.block.width_mm,
        "height_mm": settings.block.height_mm,
        "note_zone_mm": settings.block.note_zone_mm,
    }
    contact = " · ".join(x for x in (settings.ondertekenaar, settings.telefoon) if x)
    place = f"{settings.plaats}, " if settings.plaats else ""
    envelopes: list[Envelope] = []
    for item in items:
        check(cancel)
        key = template_key(item.letter, item.style)
        if key not in templates:
            templates[key] = current_template(session, key)
            check_template(templates[key].body, key)
        template = templates[key]
        for recipient in item.recipients:
            n = 1
            base = f"{prefix}{item.leerlingnummer}-{item.letter.value}"
            while f"{base}-{n}" in used:
                n += 1
            reference = f"{base}-{n}"
            used.add(reference)
            rendered = render_body(template.body, _fields(item, recipient, g, letter_date))
            content = {
                "letter": item.letter.value,
                "variant": item.variant.value if item.variant else None,
                "style": item.style,
                "template": {"key": key, "version": template.version},
                "reference": reference,
                "date": letter_date.isoformat(),
                "date_text": f"{place}{format_day(letter_date, False)}",
                "subject": rendered.subject,
                "blocks": [list(b) for b in rendered.blocks],
                "address": _address_lines(recipient),
                "registered": item.letter in REGISTERED_LETTERS,
                "letterhead": letterhead,
                "block": block,
                "contact": contact,
                "signature": {"name": settings.ondertekenaar, "function": settings.functie},
            }
            envelopes.append(Envelope(item, recipient, template, content))
    return envelopes


# -- printing --------------------------------------------------------------------------------


@dataclass
class PrintResult:
    pdf: bytes
    envelopes: int
    letters: int
    skipped: list[QueueItem]
    archived_ids: list[int]
    out: Path | None = None
    student_ids: frozenset[int] = frozenset()

    @property
    def changes(self) -> Changes:
        if not self.archived_ids:
            return Changes()
        return Changes(letters=True, student_ids=self.student_ids)

    def skipped_text(self) -> str:
        return "\n".join(
            f"Niet geprint: brief {i.letter.value} voor {i.naam} ({i.leerlingnummer}): "
            + " ".join(i.problems)
            for i in self.skipped
        )


def _write_atomically(out: Path, data: bytes) -> Path:
    out = Path(out)
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        handle, temp = tempfile.mkstemp(prefix=".brieven-", suffix=".pdf", dir=out.parent)
        with os.fdopen(handle, "wb") as file:
            file.write(data)
    except OSError as exc:
        raise ValidationError(
            f"Het bestand '{out}' kan niet worden geschreven: {exc.strerror}. Kies een andere map.",
            field="bestand",
        ) from exc
    return Path(temp)


def print_letters(
    ctx: Context,
    on: date,
    *,
    out: Path | None = None,
    leerlingnummer: str | None = None,
    items: Sequence[QueueItem] | None = None,
    preview: bool = False,
    progress: Progress = no_progress,
    cancel: Cancel = never_cancel,
) -> PrintResult:
    """Every due letter (or one student's, or the chosen items) into one PDF, and unless
    `preview` each envelope into the archive. All or nothing: a failure or a cancel writes no
    file and archives nothing. Letters with a problem are left out and returned in `skipped`."""
    require(ctx, Permission.LETTERS)
    with ctx.db.unit_of_work() as session:
        only = None if leerlingnummer is None else {_student_id(session, leerlingnummer)}
        if items is None:
            chosen, g = _queue(session, on, only)
        else:
            chosen = list(items)
            g = _gather(session, on, {i.student_id for i in chosen})
        ready = [i for i in chosen if not i.problems]
        skipped = [i for i in chosen if i.problems]
        progress(0, len(ready), "brieven invullen")
        envelopes = _contents(session, g, ready, ctx.today(), cancel)
        logos = {}
        if g.settings.logo_sha:
            data = logo_bytes(session, g.settings.logo_sha)
            if data is not None:
                logos[g.settings.logo_sha] = data
        pdf = (
            render_letters([e.content for e in envelopes], logos, progress=progress, cancel=cancel)
            if envelopes
            else b""
        )
        archived: list[int] = []
        temp: Path | None = None
        if out is not None and envelopes:
            temp = _write_atomically(out, pdf)
        try:
            if not preview:
                now = ctx.now()
                for index, envelope in enumerate(envelopes):
                    check(cancel)
                    progress(index, len(envelopes), "brieven archiveren")
                    single = render_letter(envelope.content, logos)
                    row = _archive_row(envelope, single, now, ctx.user)
                    session.add(row)
                    session.flush()
                    archived.append(row.id)
                if envelopes:
                    audit.record(
                        session,
                        ctx,
                        "brieven.geprint",
                        "letter",
                        None,
                        after={"brieven": len(ready), "enveloppen": len(envelopes), "op": on},
                    )
            if temp is not None and out is not None:
                os.replace(temp, out)
                temp = None
        finally:
            if temp is not None:
                temp.unlink(missing_ok=True)
    return PrintResult(
        pdf,
        len(envelopes),
        len(ready),
        skipped,
        archived,
        out,
        frozenset(i.student_id for i in ready),
    )


def _archive_row(envelope: Envelope, pdf: bytes, now: datetime, user: str) -> ArchivedLetter:
    item, content = envelope.item, envelope.content
    return ArchivedLetter(
        student_id=item.student_id,
        letter=item.letter.value,
        variant=item.variant.value if item.variant else None,
        style=item.style,
        event_key=item.event.key,
        event_date=item.event.day,
        event_text=item.event.description[:200],
        recipient_kind=envelope.recipient.kind.value,
        recipient_ref=envelope.recipient.ref,
        recipient_names=", ".join(envelope.recipient.names),
        template_key=envelope.template.key,
        template_version=envelope.template.version,
        reference=content["reference"],
        letter_date=date.fromisoformat(content["date"]),
        content=json.dumps(content, ensure_ascii=False, sort_keys=True),
        fingerprint=hashlib.sha256(pdf).hexdigest(),
        printed_at=now,
        printed_by=user,
    )


def preview_item(ctx: Context, item: QueueItem, on: date) -> bytes:
    """The PDF of one queue item's envelopes, archiving nothing (the page's preview)."""
    return print_letters(ctx, on, items=[item], preview=True).pdf


# -- letters by hand -------------------------------------------------------------------------


def letter_by_hand(
    ctx: Context,
    student_id: int,
    letter: Letter,
    *,
    on: date,
    variant: Route | None = None,
    extra: dict[str, str] | None = None,
    event_day: date | None = None,
) -> QueueItem:
    """Any letter of the series for one student, made from the dossier (e.g. an invitation to a
    verzuimgesprek); its event is the letter itself, so it never blocks the queue."""
    require(ctx, Permission.LETTERS)
    with ctx.db.unit_of_work() as session:
        g = _gather(session, on, {student_id})
        if student_id not in g.students:
            raise NotFoundError("Deze leerling bestaat niet (meer).")
        student = g.students[student_id]
        day = event_day or on
        stamp = ctx.now().strftime("%Y%m%d%H%M%S")
        event = LetterEvent(
            letter, day, f"hand:{letter.value}:{stamp}", f"met de hand gemaakt op {day:%d-%m-%Y}"
        )
        # a letter of the series answers the student's latest event of its kind, so its text
        # has the dates and hours of that melding, schorsing or verwijdering
        latest = [e for e in _events(g, student_id, on) if e.letter is letter]
        if latest:
            event = latest[-1]
        elif letter in (Letter.F, Letter.G):
            what = "schorsing" if letter is Letter.F else "verwijdering"
            raise ValidationError(
                f"Deze leerling heeft geen {what}: leg eerst de {what} vast in het dossier; de "
                "brief volgt daaruit.",
                field="brief",
            )
        due = make_due_letter(letter, event, g.facts[student_id], g.rules, variant)
        return QueueItem(
            student_id,
            student.leerlingnummer,
            student.full_name,
            student.klas,
            due,
            g.settings.style_for(letter),
            tuple(sorted((extra or {}).items())),
        )


# -- the archive -----------------------------------------------------------------------------


@dataclass(frozen=True)
class ArchivedView:
    id: int
    student_id: int
    leerlingnummer: str
    naam: str
    klas: str
    letter: str
    title: str
    variant: str | None
    style: str
    event_date: date
    event_text: str
    recipient_kind: str
    recipient_names: str
    template: str
    reference: str
    printed_at: datetime
    printed_by: str
    fingerprint: str


def archive(
    ctx: Context, search: str = "", student_id: int | None = None, limit: int = 2000
) -> list[ArchivedView]:
    """Letters sent, newest first; `search` matches name, leerlingnummer, klas, kenmerk, letter."""
    require(ctx, Permission.LETTERS)
    stmt = (
        select(ArchivedLetter, Student)
        .join(Student, Student.id == ArchivedLetter.student_id)
        .order_by(ArchivedLetter.printed_at.desc(), ArchivedLetter.id.desc())
        .limit(limit)
    )
    if student_id is not None:
        stmt = stmt.where(ArchivedLetter.student_id == student_id)
    for word in search.split():
        like = f"%{word.lower()}%"
        stmt = stmt.where(
            or_(
                func.lower(Student.roepnaam).like(like),
                func.lower(Student.achternaam).like(like),
                func.lower(Student.leerlingnummer).like(like),
                func.lower(Student.klas).like(like),
                func.lower(ArchivedLetter.reference).like(like),
                func.lower(ArchivedLetter.recipient_names).like(like),
                and_(func.length(word) <= 11, ArchivedLetter.letter == word.lower()),
            )
        )
    with ctx.db.unit_of_work() as session:
        return [
            ArchivedView(
                row.id,
                row.student_id,
                s.leerlingnummer,
                s.full_name,
                s.klas,
                row.letter,
                LETTER_TITLES[Letter(row.letter)],
                row.variant,
                row.style,
                row.event_date,
                row.event_text,
                row.recipient_kind,
                row.recipient_names,
                f"{row.template_key} v{row.template_version}",
                row.reference,
                row.printed_at,
                row.printed_by,
                row.fingerprint,
            )
            for row, s in session.execute(stmt)
        ]


def reprint(ctx: Context, letter_id: int) -> bytes:
    """The archived letter's PDF again, byte for byte (its fingerprint is checked)."""
    require(ctx, Permission.LETTERS)
    with ctx.db.unit_of_work() as session:
        row = session.get(ArchivedLetter, letter_id)
        if row is None:
            raise NotFoundError("Deze brief staat niet (meer) in het archief.")
        content = json.loads(row.content)
        sha = content["letterhead"].get("logo_sha")
        logos = {}
        if sha:
            data = logo_bytes(session, sha)
            if data is not None:
                logos[sha] = data
        pdf = render_letter(content, logos)
        if hashlib.sha256(pdf).hexdigest() != row.fingerprint:
            raise ValidationError(
                f"Brief {row.reference} kan niet exact opnieuw worden gemaakt (de vingerafdruk "
                "klopt niet): meld dit aan de beheerder.",
                field="vingerafdruk",
            )
        audit.record(
            session, ctx, "brief.herdruk", "letter", row.id, None, {"kenmerk": row.reference}
        )
        return pdf


def archived_changes(student_ids: Iterable[int]) -> Changes:
    return Changes(students=True, student_ids=frozenset(student_ids))
