"""Leave cards (verlofkaarten) at the desk: check, save, decide, and register granted leave.

The rules are domain.leave's (R-VERLOF-1..5). A card the desk may not decide on is saved as
"aangevraagd" until the decision is entered. Granted leave and religious notifications become
registrations (D, V or G with the card's reason, source "verlofkaart", `leave_card_id` set) for
the scheduled lessons the leave overlaps.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time

from sqlalchemy import case, select
from sqlalchemy.orm import Session

from verzuimdesk.domain import leave as rules
from verzuimdesk.domain.calendar import SchoolCalendar
from verzuimdesk.errors import NotFoundError, ValidationError
from verzuimdesk.services import audit
from verzuimdesk.services.changes import Changes
from verzuimdesk.services.context import Context
from verzuimdesk.services.lesson_registrations import Link, lessons_on, register_lessons
from verzuimdesk.services.school import load_calendar, load_policy
from verzuimdesk.store.desk import LeaveCard
from verzuimdesk.store.locks import lock_student
from verzuimdesk.store.registrations import Source
from verzuimdesk.store.school import TimetableSlot
from verzuimdesk.store.students import Student

_CARD_FIELDS = (
    "student_id",
    "kind",
    "subkind",
    "start_date",
    "end_date",
    "start_time",
    "end_time",
    "school_days",
    "reason",
    "signed_by",
    "signer_role",
    "employer_statement",
    "status",
    "decider",
    "decided_by",
    "decided_at",
)


@dataclass(frozen=True)
class LeaveCardView:
    id: int
    student_id: int
    student_name: str
    klas: str
    kind: rules.LeaveKind
    subkind: str | None
    start_date: date
    end_date: date
    start_time: time | None
    end_time: time | None
    school_days: int
    reason: str
    signed_by: str | None
    status: rules.Status
    decider: rules.Decider
    decided_by: str | None
    decided_at: datetime | None
    created_at: datetime

    @property
    def kind_label(self) -> str:
        label = rules.KIND_LABELS[self.kind]
        sub = rules.SUBKINDS_BY_KEY.get(self.subkind or "")
        if sub is not None:
            return f"{label}: {sub.label.lower()}"
        if self.subkind:
            return f"{label}: {self.subkind}"
        return label


@dataclass(frozen=True)
class CardResult:
    card: LeaveCardView
    changes: Changes
    assessment: rules.Assessment


def _view(card: LeaveCard, student: Student) -> LeaveCardView:
    return LeaveCardView(
        id=card.id,
        student_id=student.id,
        student_name=student.full_name,
        klas=student.klas,
        kind=rules.LeaveKind(card.kind),
        subkind=card.subkind,
        start_date=card.start_date,
        end_date=card.end_date,
        start_time=card.start_time,
        end_time=card.end_time,
        school_days=card.school_days,
        reason=card.reason,
        signed_by=card.signed_by,
        status=rules.Status(card.status),
        decider=rules.Decider(card.decider),
        decided_by=card.decided_by,
        decided_at=card.decided_at,
        created_at=card.created_at,
    )


def _year_use(
    session: Session,
    calendar: SchoolCalendar,
    student_id: int,
    on: date,
    exclude_id: int | None = None,
) -> rules.YearUse:
    year_start, year_end = calendar.school_year_of(on)
    query = select(LeaveCard).where(
        LeaveCard.student_id == student_id,
        LeaveCard.start_date >= year_start,
        LeaveCard.start_date <= year_end,
        LeaveCard.status.in_([s.value for s in rules.COUNTING_STATUSES]),
    )
    if exclude_id is not None:
        query = query.where(LeaveCard.id != exclude_id)
    vakantie_cards = vakantie_days = gewichtig_days = 0
    for card in session.scalars(query):
        if card.kind == rules.LeaveKind.VAKANTIE:
            vakantie_cards += 1
            vakantie_days += card.school_days
        elif card.kind == rules.LeaveKind.GEWICHTIG:
            gewichtig_days += card.school_days
    return rules.YearUse(vakantie_cards, vakantie_days, gewichtig_days)


def _assess(
    session: Session, ctx: Context, student_id: int, card: rules.CardInput
) -> tuple[rules.Assessment, SchoolCalendar]:
    policy = load_policy(session)
    calendar = load_calendar(session)
    used = _year_use(session, calendar, student_id, card.start_date)
    weekdays = _school_weekdays(session, student_id)
    return rules.assess_card(card, ctx.today(), calendar, used, policy.verlof, weekdays), calendar


def _school_weekdays(session: Session, student_id: int) -> frozenset[int] | None:
    """The weekdays (0 = Monday) the student's class has lessons; None without a timetable."""
    days = session.scalars(
        select(TimetableSlot.weekday)
        .join(Student, Student.klas == TimetableSlot.klas)
        .where(Student.id == student_id)
        .distinct()
    ).all()
    return frozenset(day - 1 for day in days) or None


def assess(ctx: Context, student_id: int, card: rules.CardInput) -> rules.Assessment:
    """The live check the dialog shows while the card is filled in."""
    with ctx.db.unit_of_work() as session:
        return _assess(session, ctx, student_id, card)[0]


def _register(
    session: Session, ctx: Context, card: LeaveCard, student: Student, calendar: SchoolCalendar
) -> int:
    start, end = rules.leave_window(card.start_date, card.end_date, card.start_time, card.end_time)
    days = calendar.lesdagen(card.start_date, card.end_date)
    lessons = [
        lesson
        for lesson in lessons_on(session, student.klas, days)
        if rules.lesson_in_leave(
            lesson.starts, datetime.combine(lesson.day, lesson.end), start, end
        )
    ]
    kind = rules.LeaveKind(card.kind)
    reason = f"{rules.KIND_LABELS[kind]}: {card.reason}"
    link = Link(rules.KIND_CODES[kind], reason, Source.VERLOFKAART, leave_card_id=card.id)
    return register_lessons(
        session, ctx, student.id, lessons, link, "verlofkaart.registreren", "leave_card", card.id
    )


def save_card(ctx: Context, student_id: int, card: rules.CardInput) -> CardResult:
    """Save a card as its rules allow: granted, a notification, or requested (R-VERLOF-1..5)."""
    with ctx.db.unit_of_work() as session:
        # the days of leave already used this year are counted below: a card saved at another
        # desk meanwhile must be counted too, so hold the student until this one is saved
        if not lock_student(session, student_id):
            raise NotFoundError("Deze leerling bestaat niet (meer). Zoek de leerling opnieuw.")
        student = session.get(Student, student_id)
        assert student is not None  # just locked
        assessment, calendar = _assess(session, ctx, student_id, card)
        if assessment.problems:
            raise ValidationError(
                "De verlofkaart is niet opgeslagen:\n• " + "\n• ".join(assessment.problems)
            )
        granted_now = assessment.status in rules.REGISTERED_STATUSES
        row = LeaveCard(
            student_id=student_id,
            kind=card.kind.value,
            subkind=card.subkind or None,
            start_date=card.start_date,
            end_date=card.end_date,
            start_time=card.start_time,
            end_time=card.end_time,
            school_days=assessment.school_days,
            reason=card.reason.strip(),
            signed_by=card.signed_by.strip(),
            signer_role=card.signer_role.value,
            employer_statement=card.employer_statement,
            status=assessment.status.value,
            decider=assessment.decider.value,
            decided_by=card.signed_by.strip() if granted_now else None,
            decided_at=ctx.now() if granted_now else None,
            created_at=ctx.now(),
            entered_by=ctx.user,
        )
        session.add(row)
        session.flush()
        audit.record(
            session,
            ctx,
            "verlofkaart",
            "leave_card",
            row.id,
            None,
            audit.snapshot(row, *_CARD_FIELDS),
        )
        if granted_now:
            _register(session, ctx, row, student, calendar)
        view = _view(row, student)
    changes = Changes(
        leave_cards=True, registrations=granted_now, student_ids=frozenset({student_id})
    )
    return CardResult(view, changes, assessment)


def decide_card(
    ctx: Context, card_id: int, granted: bool, decided_by: str, role: rules.Decider
) -> CardResult:
    """Enter the decision on a requested card (R-VERLOF-5); granting registers the leave."""
    if not decided_by.strip():
        raise ValidationError("Vul in wie heeft beslist.", "beslist door")
    with ctx.db.unit_of_work() as session:
        row = session.get(LeaveCard, card_id)
        if row is not None:
            # lock, then read again: another desk may have decided a moment ago
            lock_student(session, row.student_id)
            row = session.get(LeaveCard, card_id, populate_existing=True)
        if row is None:
            raise NotFoundError("Deze verlofkaart bestaat niet (meer).")
        if row.status != rules.Status.AANGEVRAAGD:
            raise ValidationError(
                f"Over deze kaart is al beslist ({row.status}); een beslissing verander je niet."
            )
        needed = rules.Decider(row.decider)
        if not rules.may_decide(role, needed):
            raise ValidationError(
                f"Over deze kaart beslist de {rules.DECIDER_LABELS[needed]} (R-VERLOF-5), niet "
                f"de {rules.DECIDER_LABELS[role]}.",
                "functie",
            )
        student = session.get(Student, row.student_id)
        assert student is not None
        before = audit.snapshot(row, "status", "decided_by", "decided_at")
        row.status = (rules.Status.VERLEEND if granted else rules.Status.AFGEWEZEN).value
        row.decided_by = f"{decided_by.strip()} ({rules.DECIDER_LABELS[role]})"
        row.decided_at = ctx.now()
        audit.record(
            session,
            ctx,
            "verlofkaart.beslissing",
            "leave_card",
            row.id,
            before,
            audit.snapshot(row, "status", "decided_by", "decided_at"),
        )
        if granted:
            _register(session, ctx, row, student, load_calendar(session))
        view = _view(row, student)
        assessment = rules.Assessment(row.school_days, needed, rules.Status(row.status))
    changes = Changes(
        leave_cards=True, registrations=granted, student_ids=frozenset({row.student_id})
    )
    return CardResult(view, changes, assessment)


def list_cards(ctx: Context, student_id: int | None = None) -> list[LeaveCardView]:
    """Cards waiting for a decision first, then the rest from the newest start date."""
    waiting_first = case((LeaveCard.status == rules.Status.AANGEVRAAGD.value, 0), else_=1)
    query = (
        select(LeaveCard, Student)
        .join(Student, Student.id == LeaveCard.student_id)
        .order_by(waiting_first, LeaveCard.start_date.desc(), LeaveCard.id.desc())
    )
    if student_id is not None:
        query = query.where(LeaveCard.student_id == student_id)
    with ctx.db.unit_of_work() as session:
        return [_view(card, student) for card, student in session.execute(query)]
