"""A student's dossier: who they are, whom to call (R-OUDERS), their route (R-ROUTE), their
absence over the school year with its patterns, and one time-ordered list of everything."""

from __future__ import annotations

from bisect import bisect_right
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from verzuimdesk.domain.bellijst import OUTCOME_LABEL, Outcome, is_first_year_vo
from verzuimdesk.domain.calendar import SchoolCalendar
from verzuimdesk.domain.codes import Category, Kind, RegistrationCode
from verzuimdesk.domain.consent import ConsentStatus, consent_status
from verzuimdesk.domain.hours import format_hhmm
from verzuimdesk.domain.policy import Policy
from verzuimdesk.domain.route import age_on, route_for, route_label
from verzuimdesk.errors import NotFoundError
from verzuimdesk.services.calls import (
    Contact,
    contacts_for,
    guardian_data,
)
from verzuimdesk.services.context import Context
from verzuimdesk.services.conversations import ConversationInfo, conversations_of
from verzuimdesk.services.school import code_map, get_school, load_calendar, load_policy
from verzuimdesk.services.signals import open_signals
from verzuimdesk.store.desk import LeaveCard, SickReport
from verzuimdesk.store.followup import Call, Note
from verzuimdesk.store.registrations import Registration
from verzuimdesk.store.reporting import DuoReport, SignalRow
from verzuimdesk.store.school import SchoolClass, TimetableSlot
from verzuimdesk.store.students import Student

# The chart's four series, in stacking order
ONGEOORLOOFD = "ongeoorloofd"
ZIEK = "ziek"
VERLOF = "verlof"
TE_LAAT = "te laat"
CHART_CATEGORIES = (ONGEOORLOOFD, ZIEK, VERLOF, TE_LAAT)
WEEKDAYS = ("ma", "di", "wo", "do", "vr")

Rows = Sequence[Registration]
Codes = dict[str, RegistrationCode]


def chart_category(code: RegistrationCode | None) -> str | None:
    """Which chart series a registration feeds; presence and exemptions feed none."""
    if code is None:
        return None
    if code.category is Category.ONGEOORLOOFD:
        return ONGEOORLOOFD
    if code.category is Category.TE_LAAT:
        return TE_LAAT
    if code.category is Category.GEOORLOOFD:
        return ZIEK if code.kind is Kind.ZIEK else VERLOF
    return None


@dataclass(frozen=True)
class Header:
    student_id: int
    name: str
    leerlingnummer: str
    born: date
    age: int
    klas: str
    opleiding: str
    leerjaar: int | None
    mentor: str | None
    route: str
    route_explanation: str
    consent: ConsentStatus
    contacts: tuple[Contact, ...]
    parents_withheld: bool


@dataclass(frozen=True)
class WeekHours:
    monday: date
    label: str  # "wk 41"
    minutes: dict[str, int]  # per chart category
    rolling_oa: int  # OA minutes in the policy's 4 lesweken up to and including this week


@dataclass(frozen=True)
class HeatMap:
    slots: tuple[str, ...]  # column labels: "1 08:30"
    # (weekday 0-4, slot) -> category -> minutes
    cells: dict[tuple[int, int], dict[str, int]]

    def minutes(self, weekday: int, slot: int, categories: tuple[str, ...]) -> int:
        cell = self.cells.get((weekday, slot), {})
        return sum(cell.get(c, 0) for c in categories)


@dataclass(frozen=True)
class Tally:
    """Absence per subject or teacher."""

    name: str
    minutes: dict[str, int]
    times: int

    @property
    def total(self) -> int:
        return sum(self.minutes.values())


@dataclass(frozen=True)
class Event:
    at: datetime
    kind: str  # registraties | gebeld | signaal | melding | ziekmelding | … (Dutch, shown)
    title: str
    detail: str


@dataclass(frozen=True)
class SignalInfo:
    rule: str
    arose_on: date
    deadline: date | None
    route: str | None
    explanation: str


@dataclass(frozen=True)
class Dossier:
    on: date
    header: Header
    school_year: str
    weeks: tuple[WeekHours, ...]
    threshold_minutes: int
    window_lesweken: int
    heat: HeatMap
    subjects: tuple[Tally, ...]
    teachers: tuple[Tally, ...]
    timeline: tuple[Event, ...]
    open_signals: tuple[SignalInfo, ...]
    conversations: tuple[ConversationInfo, ...]

    @property
    def total_minutes(self) -> dict[str, int]:
        totals = dict.fromkeys(CHART_CATEGORIES, 0)
        for week in self.weeks:
            for category, minutes in week.minutes.items():
                totals[category] += minutes
        return totals


def load_dossier(ctx: Context, student_id: int, on: date | None = None) -> Dossier:
    on = on or ctx.today()
    with ctx.db.unit_of_work() as session:
        return dossier_in(session, student_id, on)


def dossier_in(session: Session, student_id: int, on: date) -> Dossier:
    student = session.get(Student, student_id)
    if student is None:
        raise NotFoundError(f"Leerling {student_id} bestaat niet (meer).")
    school = get_school(session)
    policy = load_policy(session)
    calendar = load_calendar(session)
    codes = code_map(session)
    year_start, year_end = calendar.school_year_of(on)

    registrations = session.scalars(
        select(Registration)
        .where(Registration.student_id == student_id)
        .order_by(Registration.date, Registration.begin)
    ).all()
    in_year = [r for r in registrations if year_start <= r.date <= min(on, year_end)]

    header = _header(session, student, on, policy, school.sector if school else None)
    weeks = _weeks(
        calendar, in_year, codes, year_start, min(on, year_end), policy.r16u.window_lesweken
    )
    heat = _heat_map(session, student.klas, in_year, codes)
    subjects = _tallies(in_year, codes, lambda r: r.vak)
    teachers = _tallies(in_year, codes, lambda r: r.docent)
    signals = _open_signals(session, student_id, on)
    conversations = conversations_of(session, student_id)
    # as of `on`: a dossier looked at for an earlier day shows no later registrations
    timeline = _timeline(
        session, student_id, [r for r in registrations if r.date <= on], conversations
    )
    return Dossier(
        on=on,
        header=header,
        school_year=calendar.school_year_label(on),
        weeks=weeks,
        threshold_minutes=policy.r16u.threshold_minutes,
        window_lesweken=policy.r16u.window_lesweken,
        heat=heat,
        subjects=subjects,
        teachers=teachers,
        timeline=timeline,
        open_signals=signals,
        conversations=tuple(conversations),
    )


def _header(
    session: Session, student: Student, on: date, policy: Policy, sector: str | None
) -> Header:
    contacts = contacts_for(
        student,
        guardian_data(student.guardians),
        on,
        policy,
        is_first_year_vo(student.sector, sector, student.leerjaar),
    )
    route = route_for(student.geboortedatum, on, student.startkwalificatie)
    gemeente = f" van {student.woongemeente}" if student.woongemeente else ""
    explanation = {
        "leerplicht": f"jonger dan 18: leerplicht{gemeente}",
        "rmc": f"18 tot 23 zonder startkwalificatie: RMC{gemeente}",
        "niet-meldbaar": "met startkwalificatie of 23+: niet bij DUO te melden",
    }[route.value]
    mentor = session.scalar(select(SchoolClass.mentor).where(SchoolClass.code == student.klas))
    return Header(
        student_id=student.id,
        name=student.full_name,
        leerlingnummer=student.leerlingnummer,
        born=student.geboortedatum,
        age=age_on(student.geboortedatum, on),
        klas=student.klas,
        opleiding=" ".join(
            p
            for p in (
                student.opleiding,
                student.niveau and f"niveau {student.niveau}",
                student.leerweg,
            )
            if p
        ),
        leerjaar=student.leerjaar,
        mentor=mentor,
        route=route_label(route),
        route_explanation=explanation,
        consent=consent_status(
            student.geboortedatum,
            on,
            student.ouders_informeren,
            student.ouders_informeren_datum,
            policy.ouders.inform_18plus_by_default,
        ),
        contacts=contacts.contacts,
        parents_withheld=contacts.parents_withheld,
    )


def _weeks(
    calendar: SchoolCalendar,
    registrations: Rows,
    codes: Codes,
    start: date,
    end: date,
    lesweken: int,
) -> tuple[WeekHours, ...]:
    mondays = calendar.lesweken_between(start, end)
    per_week: dict[date, dict[str, int]] = {m: dict.fromkeys(CHART_CATEGORIES, 0) for m in mondays}
    for row in registrations:
        category = chart_category(codes.get(row.code))
        monday = row.date - timedelta(days=row.date.weekday())
        if category and monday in per_week:
            per_week[monday][category] += row.minutes
    weeks = []
    for i, monday in enumerate(mondays):
        window = mondays[max(0, i - lesweken + 1) : i + 1]
        rolling = sum(per_week[m][ONGEOORLOOFD] for m in window)
        weeks.append(
            WeekHours(monday, f"wk {monday.isocalendar().week}", per_week[monday], rolling)
        )
    return tuple(weeks)


def _slot_starts(session: Session, klas: str, registrations: Rows) -> list[time]:
    """Lesson start times of the class timetable, else those seen in the registrations."""
    starts = sorted(
        set(session.scalars(select(TimetableSlot.begin).where(TimetableSlot.klas == klas)))
    )
    if not starts:
        starts = sorted({r.begin for r in registrations if r.begin is not None})
    return starts


def _heat_map(session: Session, klas: str, registrations: Rows, codes: Codes) -> HeatMap:
    starts = _slot_starts(session, klas, registrations)
    cells: dict[tuple[int, int], dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for row in registrations:
        category = chart_category(codes.get(row.code))
        if category is None or row.begin is None or row.date.weekday() > 4:
            continue
        # a registration that starts mid-lesson belongs to the lesson it started in
        slot = max(0, bisect_right(starts, row.begin) - 1)
        cells[(row.date.weekday(), slot)][category] += row.minutes
    labels = tuple(f"{i + 1}e {t:%H:%M}" for i, t in enumerate(starts))
    return HeatMap(labels, {k: dict(v) for k, v in cells.items()})


def _tallies(
    registrations: Rows, codes: Codes, key: Callable[[Registration], str | None]
) -> tuple[Tally, ...]:
    minutes: dict[str, dict[str, int]] = defaultdict(lambda: dict.fromkeys(CHART_CATEGORIES, 0))
    times: dict[str, int] = defaultdict(int)
    for row in registrations:
        category = chart_category(codes.get(row.code))
        name = key(row)
        if category is None or not name:
            continue
        minutes[name][category] += row.minutes
        times[name] += 1
    tallies = [Tally(name, minutes[name], times[name]) for name in minutes]
    tallies.sort(key=lambda t: (-t.total, t.name))
    return tuple(tallies)


def _open_signals(session: Session, student_id: int, on: date) -> tuple[SignalInfo, ...]:
    return tuple(
        SignalInfo(s.rule, s.arose_on, s.deadline, s.route, s.explanation)
        for s in open_signals(session, on, [student_id])
    )


def _registration_events(registrations: Rows) -> list[Event]:
    by_day: dict[date, list[Registration]] = defaultdict(list)
    for row in registrations:
        by_day[row.date].append(row)
    events = []
    for day, rows in by_day.items():
        per_code: dict[str, list[int]] = defaultdict(list)
        for row in rows:
            per_code[row.code].append(row.minutes)
        summary = " · ".join(
            f"{code} {len(m)}× ({format_hhmm(sum(m))})" for code, m in sorted(per_code.items())
        )
        lessons = "; ".join(
            f"{r.begin:%H:%M} {r.vak or ''} {r.code}{f' ({r.reason})' if r.reason else ''}".strip()
            if r.begin
            else f"{r.code} {r.minutes} min"
            for r in rows
        )
        first = min((r.begin for r in rows if r.begin), default=time(8, 0))
        events.append(Event(datetime.combine(day, first), "registraties", summary, lessons))
    return events


def _timeline(
    session: Session,
    student_id: int,
    registrations: Rows,
    conversations: list[ConversationInfo],
) -> tuple[Event, ...]:
    events = _registration_events(registrations)
    for call in session.scalars(select(Call).where(Call.student_id == student_id)):
        label = OUTCOME_LABEL.get(Outcome(call.outcome), call.outcome)
        follow = f"terugbellen {call.follow_up_on:%d-%m}" if call.follow_up_on else ""
        events.append(
            Event(
                call.called_at,
                "gebeld",
                " · ".join(p for p in (label, call.with_whom, follow) if p),
                f"{call.note or ''} (door {call.called_by})".strip(),
            )
        )
    for signal in session.scalars(select(SignalRow).where(SignalRow.student_id == student_id)):
        status = "open" if signal.status == "open" else f"gesloten: {signal.closed_reason or ''}"
        events.append(
            Event(
                datetime.combine(signal.arose_on, time(7, 0)),
                "signaal",
                f"{signal.rule} ({status})",
                signal.explanation,
            )
        )
    for report in session.scalars(select(DuoReport).where(DuoReport.student_id == student_id)):
        until = f" t/m {report.einddatum:%d-%m-%Y}" if report.einddatum else ""
        number = f" · meldingsnummer {report.meldingsnummer}" if report.meldingsnummer else ""
        events.append(
            Event(
                report.created_at,
                "DUO-melding",
                f"{report.soort} vanaf {report.begindatum:%d-%m-%Y}{until}{number}",
                f"status: {report.status}",
            )
        )
    for sick in session.scalars(select(SickReport).where(SickReport.student_id == student_id)):
        events.append(
            Event(
                sick.called_at,
                "ziekmelding",
                f"ziek vanaf {sick.starts_at:%d-%m %H:%M} · gemeld door {sick.caller_kind}",
                sick.note or "",
            )
        )
        if sick.ended_at:
            events.append(Event(sick.ended_at, "betermelding", "beter gemeld", ""))
    for card in session.scalars(select(LeaveCard).where(LeaveCard.student_id == student_id)):
        events.append(
            Event(
                card.created_at,
                "verlofkaart",
                f"{card.kind} {card.start_date:%d-%m}–{card.end_date:%d-%m} · {card.status}",
                card.reason,
            )
        )
    for note in session.scalars(select(Note).where(Note.student_id == student_id)):
        events.append(Event(note.written_at, note.kind, note.text, f"door {note.written_by}"))
    for conv in conversations:
        state = (
            f"afgerond {conv.closed_on:%d-%m}"
            if conv.closed_on
            else f"controle {conv.next_check_on:%d-%m}"
            if conv.next_check_on
            else "open"
        )
        events.append(
            Event(
                datetime.combine(conv.held_on, time(12, 0)),
                "verzuimgesprek",
                f"met {conv.participants} · {state}",
                "\n\n".join(
                    filter(
                        None, [conv.agreements, conv.evaluation and f"Evaluatie: {conv.evaluation}"]
                    )
                ),
            )
        )
    events.sort(key=lambda e: e.at, reverse=True)
    return tuple(events)
