"""The bellijst for a day: who to call, why, how urgent, whom and on which number.

Built from a handful of aggregate queries over the list date and the current 4-lesweek window
(never one query per student), so it stays fast for a school of 20,000 students. Parents appear
only where R-OUDERS allows (see `calls.contacts_for`).

Schools divide the phoning per klas or per opleiding (team): a `BellijstFilter` narrows the list.
The screen filters the rows it already holds with it, and printouts pass the same filter here, so
paper and screen can never disagree about which students are on it.
"""

from __future__ import annotations

import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime, time, timedelta
from functools import cached_property, lru_cache
from typing import NamedTuple

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from verzuimdesk.domain import bellijst as rules
from verzuimdesk.domain.bellijst import Facts, OpenSignal, Reason, is_first_year_vo
from verzuimdesk.domain.calendar import SchoolCalendar
from verzuimdesk.domain.codes import Category, sick_codes
from verzuimdesk.domain.route import age_on
from verzuimdesk.services.calls import (
    Contact,
    GuardianData,
    StudentContacts,
    contacts_for,
)
from verzuimdesk.services.context import Context
from verzuimdesk.services.school import code_map, get_school, load_calendar, load_policy
from verzuimdesk.services.signals import OPEN
from verzuimdesk.store.desk import SickReport
from verzuimdesk.store.followup import Call, Conversation
from verzuimdesk.store.registrations import Registration
from verzuimdesk.store.reporting import SignalRow
from verzuimdesk.store.students import Guardian, Student

# SQLite allows 32,766 bound parameters per statement, PostgreSQL 65,535: stay below both
_CHUNK = 5000
# the longest stretch without lessons (summer holiday) is well under this
_LOOK_BACK = timedelta(days=80)
RECENT_LESDAGEN = 5


class CallDone(NamedTuple):
    called_at: datetime
    outcome: str
    with_whom: str | None
    note: str | None
    called_by: str


class BellijstEntry(NamedTuple):
    position: int  # 1 = most urgent
    student_id: int
    leerlingnummer: str
    name: str
    sort_name: str
    klas: str
    opleiding: str | None
    age: int
    reasons: tuple[Reason, ...]
    urgency: tuple[int, int, int, int, int, str]
    oa_minutes_today: int
    window_oa_minutes: int
    first_year_vo: bool
    calls: tuple[CallDone, ...] = ()
    # whom to call; None when the list was built without contacts (a screen loads them lazily)
    whom: StudentContacts | None = None

    @property
    def contacts(self) -> tuple[Contact, ...]:
        if self.whom is None:
            raise ValueError("deze bellijst is zonder contactgegevens opgebouwd")
        return self.whom.contacts

    @property
    def parents_withheld(self) -> bool:
        return self.whom is not None and self.whom.parents_withheld

    @property
    def called(self) -> bool:
        return bool(self.calls)

    @property
    def reason_text(self) -> str:
        return "; ".join(r.text for r in self.reasons)

    @property
    def reason_labels(self) -> str:
        return rules.short_labels(self.reasons)


@lru_cache(maxsize=1 << 16)
def fold(text: str) -> str:
    """Text as a search compares it: without case and accents, so "zoe" finds "Zoë" and
    "celik" finds "Çelik" (typed on a Dutch keyboard, names are rarely typed with accents)."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


@dataclass(frozen=True)
class BellijstFilter:
    """The part of the bellijst a verzuimmedewerker works on. An empty filter keeps every row.

    `text` matches name and leerlingnummer: every word must occur somewhere, in any order, so
    "jan vries" finds "Vries, Jan de"."""

    klas: str | None = None
    opleiding: str | None = None
    text: str = ""
    only_not_called: bool = False

    @cached_property
    def words(self) -> tuple[str, ...]:
        return tuple(fold(self.text).split())

    @property
    def active(self) -> bool:
        return bool(self.klas or self.opleiding or self.words or self.only_not_called)

    def matches(self, entry: BellijstEntry) -> bool:
        if self.klas and entry.klas != self.klas:
            return False
        if self.opleiding and entry.opleiding != self.opleiding:
            return False
        if self.only_not_called and entry.called:
            return False
        if self.words:
            # the three texts joined with a separator no typed word contains: no false hits
            # across the boundary between surname and leerlingnummer
            haystack = fold(f"{entry.name}\n{entry.sort_name}\n{entry.leerlingnummer}")
            return all(word in haystack for word in self.words)
        return True

    @property
    def description(self) -> str:
        """Dutch, for titles and the progress line: "klas 2B, opleiding Kok"."""
        parts = []
        if self.klas:
            parts.append(f"klas {self.klas}")
        if self.opleiding:
            parts.append(f"opleiding {self.opleiding}")
        if self.words:
            parts.append(f"zoeken \u201c{' '.join(self.text.split())}\u201d")
        if self.only_not_called:
            parts.append("alleen nog niet gebeld")
        return ", ".join(parts)


NO_FILTER = BellijstFilter()


@dataclass(frozen=True)
class Bellijst:
    on: date
    school_name: str
    is_lesdag: bool
    entries: tuple[BellijstEntry, ...] = field(default_factory=tuple)
    # the filter these entries passed; positions stay those of the whole list
    selection: BellijstFilter = NO_FILTER

    @property
    def called_count(self) -> int:
        return sum(1 for e in self.entries if e.called)

    @property
    def called_text(self) -> str:
        return f"{self.called_count} van {len(self.entries)} gebeld"

    @property
    def progress_text(self) -> str:
        """ "14 van 37 gebeld", and which filter when one narrows the list: a count of a part
        must never read as the count of the day."""
        if not self.selection.active:
            return self.called_text
        return f"{self.called_text} (filter: {self.selection.description})"

    def narrowed(self, selection: BellijstFilter) -> Bellijst:
        """The entries this filter keeps. Filters do not stack: the result carries `selection`."""
        kept = self.entries if not selection.active else self.entries_matching(selection)
        return replace(self, entries=kept, selection=selection)

    def entries_matching(self, selection: BellijstFilter) -> tuple[BellijstEntry, ...]:
        return tuple(e for e in self.entries if selection.matches(e))

    def klassen(self) -> dict[str, int]:
        """Klas → number of students on this list, sorted by klas (choices for a filter)."""
        return _counted(e.klas for e in self.entries)

    def opleidingen(self) -> dict[str, int]:
        return _counted(e.opleiding for e in self.entries if e.opleiding)


def _counted(values: Iterable[str]) -> dict[str, int]:
    counts: dict[str, int] = defaultdict(int)
    for value in values:
        counts[value] += 1
    return dict(sorted(counts.items(), key=lambda item: (fold(item[0]), item[0])))


def _chunks(ids: Sequence[int]) -> Iterator[Sequence[int]]:
    for start in range(0, len(ids), _CHUNK):
        yield ids[start : start + _CHUNK]


def previous_lesdag(calendar: SchoolCalendar, on: date) -> date | None:
    earlier = calendar.lesdagen(on - _LOOK_BACK, on - timedelta(days=1))
    return earlier[-1] if earlier else None


def recent_start(calendar: SchoolCalendar, on: date) -> date:
    """The first of the last 5 lesdagen up to `on`: a mentor's signal is news for a week."""
    days = calendar.lesdagen(on - _LOOK_BACK, on)
    return days[-RECENT_LESDAGEN] if len(days) >= RECENT_LESDAGEN else on - timedelta(days=7)


def _weekdays(start: date, end: date) -> list[date]:
    days = (start + timedelta(days=i) for i in range((end - start).days + 1))
    return [day for day in days if day.weekday() < 5]


def window_start(calendar: SchoolCalendar, on: date, lesweken: int) -> date:
    """First day of the R-16U period that ends on `on`: the day after the same weekday N
    lesweken back (the period runs up to, not including, that weekday N lesweken later)."""
    return calendar.add_lesweken(on, -lesweken) + timedelta(days=1)


def _minutes_by_student(
    session: Session, days: Sequence[date], codes: Iterable[str]
) -> dict[int, int]:
    """OA (or other) minutes per student over the given days. Days and codes are listed as
    equalities, so the (date, code) index seeks exactly the rows wanted instead of reading every
    registration of the period: half the work in a big school."""
    if not days:
        return {}
    rows = (
        session.connection()
        .execute(
            select(Registration.student_id, func.sum(Registration.minutes))
            .where(Registration.date.in_(list(days)), Registration.code.in_(list(codes)))
            .group_by(Registration.student_id)
        )
        .all()
    )
    return {sid: int(total or 0) for sid, total in rows}


def _recent_open_signals(
    session: Session, since: date, recent: date, on: date
) -> dict[int, list[OpenSignal]]:
    """The stored open signals worth a phone call today: those with a DUO deadline that arose
    in the current 4-lesweek window (`since`), and the mentor's signals without a deadline
    (R-ZIEK-*) only in their first lesweek (`recent`). Older open signals are the signal page's
    backlog, not a reason to phone today. One column query: refresh_signals has already settled
    the signals a DUO report covers, and loading every signal as an object costs seconds."""
    found: dict[int, list[OpenSignal]] = defaultdict(list)
    rows = (
        session.connection()
        .execute(
            select(
                SignalRow.student_id,
                SignalRow.rule,
                SignalRow.arose_on,
                SignalRow.deadline,
                SignalRow.explanation,
            )
            .where(
                SignalRow.status == OPEN,
                SignalRow.arose_on <= on,
                ((SignalRow.deadline.is_not(None)) & (SignalRow.arose_on >= since))
                | (SignalRow.arose_on >= recent),
            )
            .order_by(SignalRow.arose_on, SignalRow.rule)
        )
        .all()
    )
    for sid, rule, arose_on, deadline, explanation in rows:
        found[sid].append(OpenSignal(rule, arose_on, deadline, explanation))
    return found


def _sick_students(session: Session, on: date, sick_codes: list[str]) -> set[int]:
    """Students with an open sick report at the end of the day, or sick registrations that day."""
    day_end = datetime.combine(on + timedelta(days=1), time.min)
    reported = session.connection().scalars(
        select(SickReport.student_id).where(
            SickReport.starts_at < day_end,
            SickReport.ended_at.is_(None) | (SickReport.ended_at >= day_end),
        )
    )
    registered = session.connection().scalars(
        select(Registration.student_id)
        .where(Registration.date == on, Registration.code.in_(sick_codes))
        .distinct()
    )
    return set(reported) | set(registered)


def _conversation_dates(session: Session, on: date) -> tuple[dict[int, date], dict[int, date]]:
    """(check due, evaluation due) per student, from open verzuimgesprekken. A check done today
    keeps the student on today's list, so the row does not vanish while being worked on."""
    checks: dict[int, date] = {}
    evaluations: dict[int, date] = {}
    rows = (
        session.connection()
        .execute(
            select(
                Conversation.student_id,
                Conversation.next_check_on,
                Conversation.last_checked_on,
                Conversation.evaluate_on,
            ).where(
                Conversation.closed_on.is_(None),
                (Conversation.next_check_on <= on)
                | (Conversation.last_checked_on == on)
                | (Conversation.evaluate_on <= on),
            )
        )
        .all()
    )
    for sid, next_check, last_checked, evaluate in rows:
        due = next_check if next_check and next_check <= on else None
        if due is None and last_checked == on:
            due = on
        if due is not None:
            checks[sid] = min(due, checks.get(sid, due))
        if evaluate is not None and evaluate <= on:
            evaluations[sid] = min(evaluate, evaluations.get(sid, evaluate))
    return checks, evaluations


def _follow_ups(session: Session, on: date) -> dict[int, date]:
    """Students whose latest call before today asked to call back on or before today."""
    latest = (
        select(Call.student_id, func.max(Call.called_at).label("last"))
        .where(Call.list_date < on)
        .group_by(Call.student_id)
        .subquery()
    )
    rows = (
        session.connection()
        .execute(
            select(Call.student_id, Call.follow_up_on)
            .join(
                latest, (Call.student_id == latest.c.student_id) & (Call.called_at == latest.c.last)
            )
            .where(Call.follow_up_on.is_not(None), Call.follow_up_on <= on)
        )
        .all()
    )
    return {sid: follow_up for sid, follow_up in rows if follow_up is not None}


def _calls_today(session: Session, on: date) -> dict[int, list[CallDone]]:
    found: dict[int, list[CallDone]] = defaultdict(list)
    rows = (
        session.connection()
        .execute(
            select(
                Call.student_id,
                Call.called_at,
                Call.outcome,
                Call.with_whom,
                Call.note,
                Call.called_by,
            )
            .where(Call.list_date == on)
            .order_by(Call.called_at, Call.id)
        )
        .all()
    )
    for sid, called_at, outcome, with_whom, note, called_by in rows:
        found[sid].append(CallDone(called_at, outcome, with_whom, note, called_by))
    return found


class StudentRow(NamedTuple):
    """The columns of a student the bellijst needs, without loading ORM objects (a NamedTuple,
    like the other per-row values here: immutable and cheap to build by the thousand)."""

    id: int
    leerlingnummer: str
    roepnaam: str
    tussenvoegsel: str | None
    achternaam: str
    geboortedatum: date
    klas: str
    opleiding: str | None
    sector: str | None
    leerjaar: int | None
    telefoon: str | None
    email: str | None
    ouders_informeren: bool | None
    ouders_informeren_datum: date | None

    @property
    def full_name(self) -> str:
        return " ".join(p for p in (self.roepnaam, self.tussenvoegsel, self.achternaam) if p)


def _students(session: Session, ids: Sequence[int]) -> dict[int, StudentRow]:
    columns = [getattr(Student, name) for name in StudentRow._fields]
    found: dict[int, StudentRow] = {}
    for chunk in _chunks(ids):
        rows = session.connection().execute(select(*columns).where(Student.id.in_(chunk))).all()
        for values in rows:
            row = StudentRow(*values)
            found[row.id] = row
    return found


def _guardians(session: Session, ids: Sequence[int]) -> dict[int, list[GuardianData]]:
    found: dict[int, list[GuardianData]] = defaultdict(list)
    for chunk in _chunks(ids):
        rows = (
            session.connection()
            .execute(
                select(
                    Guardian.student_id,
                    Guardian.id,
                    Guardian.naam,
                    Guardian.relatie,
                    Guardian.telefoon,
                    Guardian.email,
                )
                .where(Guardian.student_id.in_(chunk))
                .order_by(Guardian.id)
            )
            .all()
        )
        for sid, gid, naam, relatie, telefoon, email in rows:
            found[sid].append(GuardianData(gid, naam, relatie, telefoon, email))
    return found


def sort_name(student: StudentRow) -> str:
    """Achternaam first, as a verzuimmedewerker looks names up: "Vries, Jan de"."""
    rest = " ".join(p for p in (student.roepnaam, student.tussenvoegsel) if p)
    return f"{student.achternaam}, {rest}"


def build_bellijst(
    ctx: Context,
    on: date | None = None,
    *,
    with_contacts: bool = True,
    selection: BellijstFilter = NO_FILTER,
) -> Bellijst:
    """The bellijst for `on` (today by default), most urgent first. A screen may leave out the
    contacts and fetch them with `load_contacts` for the rows it shows: with thousands of rows
    that halves the time to the first screen; printouts take them all. With a `selection` only
    the rows it keeps, numbered as on the whole list (the "#" the screen shows)."""
    on = on or ctx.today()
    with ctx.db.unit_of_work() as session:
        return bellijst_in(session, on, with_contacts, selection)


def load_contacts(ctx: Context, on: date, student_ids: Sequence[int]) -> dict[int, StudentContacts]:
    """Whom to call for these students on `on` (R-OUDERS applied), for rows shown lazily."""
    with ctx.db.unit_of_work() as session:
        school = get_school(session)
        policy = load_policy(session)
        ids = sorted(set(student_ids))
        students = _students(session, ids)
        guardians = _guardians(session, ids)
    sector = school.sector if school else None
    return {
        sid: contacts_for(
            student,
            guardians.get(sid, ()),
            on,
            policy,
            is_first_year_vo(student.sector, sector, student.leerjaar),
        )
        for sid, student in students.items()
    }


def bellijst_in(
    session: Session,
    on: date,
    with_contacts: bool = True,
    selection: BellijstFilter = NO_FILTER,
) -> Bellijst:
    school = get_school(session)
    policy = load_policy(session)
    calendar = load_calendar(session)
    codes = code_map(session)
    oa_codes = [c.code for c in codes.values() if c.category is Category.ONGEOORLOOFD]

    oa_today = _minutes_by_student(session, [on], oa_codes)
    previous = previous_lesdag(calendar, on)
    oa_previous = set(_minutes_by_student(session, [previous], oa_codes)) if previous else set()
    start = window_start(calendar, on, policy.r16u.window_lesweken)
    # every weekday, not only lesdagen: a registration on a study day still counts as OA
    window = _minutes_by_student(session, _weekdays(start, on), oa_codes)
    near = {sid for sid, m in window.items() if m >= policy.bellijst.near_threshold_minutes}
    sick = _sick_students(session, on, sick_codes(codes))
    signals = _recent_open_signals(session, start, recent_start(calendar, on), on)
    checks, evaluations = _conversation_dates(session, on)
    follow_ups = _follow_ups(session, on)
    calls = _calls_today(session, on)

    candidate_ids = sorted(
        set(oa_today)
        | near
        | sick
        | set(signals)
        | set(checks)
        | set(evaluations)
        | set(follow_ups)
    )
    students = _students(session, candidate_ids)
    school_sector = school.sector if school else None

    facts: dict[int, Facts] = {}
    names: dict[int, str] = {}
    candidates = []
    for sid in candidate_ids:
        student = students.get(sid)
        if student is None:
            continue
        facts[sid] = Facts(
            oa_minutes_today=oa_today.get(sid, 0),
            oa_previous_lesdag=sid in oa_previous,
            sick_today=sid in sick,
            window_oa_minutes=window.get(sid, 0),
            window_start=start,
            signals=tuple(signals.get(sid, ())),
            check_due=checks.get(sid),
            evaluation_due=evaluations.get(sid),
            follow_up_due=follow_ups.get(sid),
            first_year_vo=is_first_year_vo(student.sector, school_sector, student.leerjaar),
        )
        names[sid] = sort_name(student)
        candidates.append((sid, names[sid], facts[sid]))
    ranked = rules.rank(candidates, on, policy.bellijst, policy.r16u.threshold_minutes)

    entries = []
    for position, item in enumerate(ranked, start=1):
        student = students[item.student_id]
        fact = facts[item.student_id]
        entries.append(
            BellijstEntry(
                position,
                student.id,
                student.leerlingnummer,
                student.full_name,
                names[student.id],
                student.klas,
                student.opleiding,
                age_on(student.geboortedatum, on),
                item.reasons,
                item.key,
                fact.oa_minutes_today,
                fact.window_oa_minutes,
                fact.first_year_vo,
                tuple(calls.get(student.id, ())),
            )
        )
    if selection.active:
        entries = [e for e in entries if selection.matches(e)]
    if with_contacts:
        # after filtering: a printout of one klas fetches the guardians of that klas only
        wanted = [e.student_id for e in entries]
        guardians = _guardians(session, wanted)
        entries = [
            e._replace(
                whom=contacts_for(
                    students[e.student_id],
                    guardians.get(e.student_id, ()),
                    on,
                    policy,
                    e.first_year_vo,
                )
            )
            for e in entries
        ]
    return Bellijst(
        on=on,
        school_name=school.name if school else "",
        is_lesdag=calendar.is_lesdag(on),
        entries=tuple(entries),
        selection=selection,
    )
