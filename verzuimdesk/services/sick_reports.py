"""Sick reports at the desk: ziekmelding, beter-melding and their registrations (R-ZIEK-1..6).

A report becomes Z registrations (source "receptie", the caller's reason, `sick_report_id` set)
for the student's scheduled lessons (the class timetable) that begin at or after the report's
start, one lesdag at a time: the days up to today when the report is made, each new day when
`materialise_sick_days` runs (at start and on refresh), and the rest at the beter-melding; never
a day after it. A lesson with no registration gets a Z; an imported OA in the window becomes Z;
any other registration (present, late, leave) is left as it is. Absence before the report's
start stays as registered (R-ZIEK-4).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time

from sqlalchemy import func, or_, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from verzuimdesk.domain import sick_reports as rules
from verzuimdesk.domain.calendar import SchoolCalendar
from verzuimdesk.domain.policy import Policy
from verzuimdesk.errors import NotFoundError, ValidationError
from verzuimdesk.services import audit
from verzuimdesk.services.changes import Changes
from verzuimdesk.services.context import Context
from verzuimdesk.services.lesson_registrations import OA_CODE, Link, lessons_on, register_lessons
from verzuimdesk.services.school import load_calendar, load_policy
from verzuimdesk.store.desk import SickReport
from verzuimdesk.store.locks import lock_student
from verzuimdesk.store.registrations import Registration, Source
from verzuimdesk.store.students import Student

SICK_CODE = "Z"
OPEN_REPORT_INDEX = "ux_sick_report_open"


class AlreadySick(ValidationError):
    """The student has an open report: show it instead of making a second one."""

    def __init__(self, report: SickReportView) -> None:
        by = f" door {report.entered_by}" if report.entered_by else ""
        super().__init__(
            f"{report.student_name} is al ziek gemeld{by} om "
            f"{report.called_at:%H:%M} op {report.called_at:%d-%m-%Y} (beller: "
            f"{report.caller_text}; ziek sinds {report.starts_at:%d-%m-%Y %H:%M}). Er is geen "
            "tweede ziekmelding gemaakt; meld de leerling eerst beter (F3) als dat nodig is.",
            "leerling",
        )
        self.report = report


@dataclass(frozen=True)
class SickReportView:
    id: int
    student_id: int
    student_name: str
    klas: str
    leerlingnummer: str
    called_at: datetime
    caller_kind: str
    caller_name: str | None
    starts_at: datetime
    ended_at: datetime | None
    reason: str
    days: int = 0  # lesdagen with a Z of this report so far
    minutes: int = 0  # lesson minutes registered Z so far
    entered_by: str = ""  # the desk user who entered it

    @property
    def is_open(self) -> bool:
        return self.ended_at is None

    @property
    def caller_text(self) -> str:
        kind = rules.CALLER_KINDS.get(self.caller_kind, self.caller_kind)
        return f"{kind} {self.caller_name}" if self.caller_name else kind


@dataclass(frozen=True)
class SickPreview:
    """What a report made now would cover, for the dialog to show before saving."""

    starts_at: datetime
    explanation: str
    warnings: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class DeskResult:
    report: SickReportView
    changes: Changes
    warnings: list[str] = field(default_factory=list)


# -- reading --------------------------------------------------------------------------------


def _view(session: Session, report: SickReport, student: Student | None = None) -> SickReportView:
    student = student or session.get(Student, report.student_id)
    assert student is not None  # the foreign key guarantees it
    days, minutes = session.execute(
        select(
            func.count(func.distinct(Registration.date)),
            func.coalesce(func.sum(Registration.minutes), 0),
        ).where(Registration.sick_report_id == report.id, Registration.code == SICK_CODE)
    ).one()
    return _make_view(report, student, int(days), int(minutes))


def _make_view(report: SickReport, student: Student, days: int, minutes: int) -> SickReportView:
    return SickReportView(
        id=report.id,
        student_id=student.id,
        student_name=student.full_name,
        klas=student.klas,
        leerlingnummer=student.leerlingnummer,
        called_at=report.called_at,
        caller_kind=report.caller_kind,
        caller_name=report.caller_name,
        starts_at=report.starts_at,
        ended_at=report.ended_at,
        reason=report.reason,
        days=days,
        minutes=minutes,
        entered_by=report.entered_by,
    )


def _open_report(session: Session, student_id: int) -> SickReport | None:
    return session.scalars(
        select(SickReport)
        .where(SickReport.student_id == student_id, SickReport.ended_at.is_(None))
        .order_by(SickReport.starts_at.desc())
    ).first()


def open_report_for(ctx: Context, student_id: int) -> SickReportView | None:
    with ctx.db.unit_of_work() as session:
        report = _open_report(session, student_id)
        return None if report is None else _view(session, report)


def list_open_reports(ctx: Context) -> list[SickReportView]:
    """Who is sick now, longest first, with days and minutes so far (the "nu ziek" list)."""
    with ctx.db.unit_of_work() as session:
        totals = dict(
            (row[0], (int(row[1]), int(row[2])))
            for row in session.execute(
                select(
                    Registration.sick_report_id,
                    func.count(func.distinct(Registration.date)),
                    func.coalesce(func.sum(Registration.minutes), 0),
                )
                .join(SickReport, SickReport.id == Registration.sick_report_id)
                .where(SickReport.ended_at.is_(None), Registration.code == SICK_CODE)
                .group_by(Registration.sick_report_id)
            )
        )
        rows = session.execute(
            select(SickReport, Student)
            .join(Student, Student.id == SickReport.student_id)
            .where(SickReport.ended_at.is_(None))
            .order_by(SickReport.starts_at, Student.achternaam)
        ).all()
        views = []
        for report, student in rows:
            days, minutes = totals.get(report.id, (0, 0))
            views.append(_make_view(report, student, days, minutes))
        return views


def _rules(session: Session) -> tuple[Policy, SchoolCalendar]:
    return load_policy(session), load_calendar(session)


def preview_report(
    ctx: Context, called_at: datetime, sick_since: date | None = None
) -> SickPreview:
    """R-ZIEK-1, -3, -4 for a call, without saving; raises the refusal the save would raise."""
    with ctx.db.unit_of_work() as session:
        policy, calendar = _rules(session)
    rules.check_call_time(called_at, ctx.now())
    starts_at = rules.sick_start(called_at, policy.ziekmelden, calendar, sick_since)
    return SickPreview(
        starts_at,
        rules.start_explanation(starts_at, called_at, policy.ziekmelden),
        rules.entry_warnings(called_at, ctx.now(), policy.ziekmelden),
    )


# -- registrations --------------------------------------------------------------------------


def _materialise(
    session: Session,
    ctx: Context,
    report: SickReport,
    calendar: SchoolCalendar,
    up_to: date,
) -> int:
    """Z registrations for the report's lessons up to and including `up_to`; returns the count."""
    student = session.get(Student, report.student_id)
    assert student is not None  # the foreign key guarantees it
    last_day = up_to if report.ended_at is None else min(up_to, report.ended_at.date())
    days = rules.sick_days(calendar, report.starts_at, last_day)
    lessons = rules.sick_lessons(
        lessons_on(session, student.klas, days), report.starts_at, report.ended_at
    )
    link = Link(SICK_CODE, report.reason, Source.RECEPTIE, sick_report_id=report.id)
    return register_lessons(
        session, ctx, student.id, lessons, link, "ziekmelding.registreren", "sick_report", report.id
    )


def materialise_sick_days(ctx: Context, up_to: date) -> Changes:
    """Z registrations for the reports' lesdagen up to `up_to`; safe to run again (it only
    fills lessons that have no registration yet)."""
    with ctx.db.unit_of_work() as session:
        calendar = load_calendar(session)
        touched: set[int] = set()
        # open reports, and closed ones whose end lies on or after up_to's first moment
        still_running = or_(
            SickReport.ended_at.is_(None),
            SickReport.ended_at > datetime.combine(up_to, time.min),
        )
        # every workstation runs this at start: in student order, each student locked first, so
        # two of them (or a desk) never add the same lesson twice
        running = session.execute(
            select(SickReport.id, SickReport.student_id)
            .where(still_running)
            .order_by(SickReport.student_id, SickReport.id)
        ).all()
        for report_id, student_id in running:
            lock_student(session, student_id)
            report = session.get(SickReport, report_id, populate_existing=True)
            if report is None or not (
                report.ended_at is None or report.ended_at > datetime.combine(up_to, time.min)
            ):
                continue
            if _materialise(session, ctx, report, calendar, up_to):
                touched.add(report.student_id)
    if not touched:
        return Changes()
    return Changes(registrations=True, sick_reports=True, student_ids=frozenset(touched))


# -- use cases ------------------------------------------------------------------------------


def report_sick(
    ctx: Context,
    student_id: int,
    called_at: datetime,
    caller_kind: str,
    caller_name: str | None,
    reason: str,
    sick_since: date | None = None,
    note: str | None = None,
) -> DeskResult:
    """Enter a phoned-in ziekmelding (R-ZIEK-1..5) and its registrations up to today."""
    reason = reason.strip() or "ziek"
    try:
        return _report_sick(
            ctx, student_id, called_at, caller_kind, caller_name, reason, sick_since, note
        )
    except IntegrityError as exc:
        # the database's one-open-report index: another desk saved a report for this student
        # between our check and our write (only possible without the student lock, e.g. an
        # older verzuimdesk on the same server); show theirs, as the check would have
        if OPEN_REPORT_INDEX not in str(exc.orig) and "sick_report.student_id" not in str(exc.orig):
            raise
        existing = open_report_for(ctx, student_id)
        if existing is None:
            raise
        raise AlreadySick(existing) from None


def _report_sick(
    ctx: Context,
    student_id: int,
    called_at: datetime,
    caller_kind: str,
    caller_name: str | None,
    reason: str,
    sick_since: date | None,
    note: str | None,
) -> DeskResult:
    with ctx.db.unit_of_work() as session:
        # first of all: two desks entering the same student wait for each other here
        if not lock_student(session, student_id):
            raise NotFoundError("Deze leerling bestaat niet (meer). Zoek de leerling opnieuw.")
        student = session.get(Student, student_id)
        assert student is not None  # just locked
        open_report = _open_report(session, student_id)
        if open_report is not None:
            raise AlreadySick(_view(session, open_report, student))
        rules.check_caller(caller_kind, caller_name)
        rules.check_call_time(called_at, ctx.now())
        policy, calendar = _rules(session)
        starts_at = rules.sick_start(called_at, policy.ziekmelden, calendar, sick_since)
        report = SickReport(
            student_id=student_id,
            called_at=called_at,
            caller_kind=caller_kind,
            caller_name=(caller_name or "").strip() or None,
            starts_at=starts_at,
            reason=reason,
            note=(note or "").strip() or None,
            entered_by=ctx.user,
        )
        session.add(report)
        session.flush()
        audit.record(
            session,
            ctx,
            "ziekmelding",
            "sick_report",
            report.id,
            None,
            audit.snapshot(
                report,
                "student_id",
                "called_at",
                "caller_kind",
                "caller_name",
                "starts_at",
                "reason",
            ),
        )
        _materialise(session, ctx, report, calendar, ctx.today())
        view = _view(session, report, student)
        warnings = rules.entry_warnings(called_at, ctx.now(), policy.ziekmelden)
    changes = Changes(registrations=True, sick_reports=True, student_ids=frozenset({student_id}))
    return DeskResult(view, changes, warnings)


def report_better(
    ctx: Context,
    student_id: int,
    called_at: datetime,
    better_from: datetime | None = None,
) -> DeskResult:
    """The beter-melding: ends the open report from `better_from` (default: the call), never
    earlier than the call (R-ZIEK-4); registrations after it are removed."""
    better_from = better_from or called_at
    rules.check_call_time(called_at, ctx.now())
    with ctx.db.unit_of_work() as session:
        lock_student(session, student_id)  # a second beter-melding waits and then finds none
        report = _open_report(session, student_id)
        if report is None:
            student = session.get(Student, student_id)
            name = student.full_name if student else "Deze leerling"
            raise NotFoundError(f"{name} is niet ziekgemeld; er valt niets beter te melden.")
        rules.check_recovery(report.starts_at, called_at, better_from)
        calendar = load_calendar(session)
        before = audit.snapshot(report, "ended_at", "ended_called_at", "ended_by")
        # the days up to the end are registered before the report closes
        _materialise(session, ctx, report, calendar, min(ctx.today(), better_from.date()))
        report.ended_at = better_from
        report.ended_called_at = called_at
        report.ended_by = ctx.user
        removed = _remove_after(session, report, better_from)
        audit.record(
            session,
            ctx,
            "betermelding",
            "sick_report",
            report.id,
            before,
            {
                **audit.snapshot(report, "ended_at", "ended_called_at", "ended_by"),
                "verwijderd": removed,
            },
        )
        view = _view(session, report)
    changes = Changes(registrations=True, sick_reports=True, student_ids=frozenset({student_id}))
    return DeskResult(view, changes)


def _remove_after(session: Session, report: SickReport, ended_at: datetime) -> list[str]:
    """Registrations of this report for lessons beginning at or after the end."""
    removed = []
    for reg in session.scalars(
        select(Registration).where(
            Registration.sick_report_id == report.id, Registration.date >= ended_at.date()
        )
    ):
        if datetime.combine(reg.date, reg.begin or time.min) < ended_at:
            continue
        removed.append(f"{reg.date.isoformat()} {reg.begin or ''}")
        if reg.import_key is not None:
            # an imported OA the report had turned into Z goes back to what the LVS said
            reg.code, reg.reason, reg.sick_report_id, reg.source = (
                OA_CODE,
                None,
                None,
                Source.IMPORT,
            )
        else:
            session.delete(reg)
    return removed


def mark_unreachable(ctx: Context, report_id: int, from_day: date, note: str) -> DeskResult:
    """R-ZIEK-6: a sick student who cannot be reached: end the report and register the lessons
    from `from_day` on as OA (source "correctie"), with the reason why."""
    if not note.strip():
        raise ValidationError(
            "Noteer waarom de leerling als ongeoorloofd wordt geregistreerd (wie is wanneer "
            "gebeld zonder gehoor).",
            "toelichting",
        )
    with ctx.db.unit_of_work() as session:
        found = session.get(SickReport, report_id)
        if found is not None:
            # lock, then read again: another desk may have ended it a moment ago
            lock_student(session, found.student_id)
        report = session.get(SickReport, report_id, populate_existing=True)
        if report is None or report.ended_at is not None:
            raise NotFoundError("Deze ziekmelding is al afgesloten of bestaat niet meer.")
        start = datetime.combine(from_day, time.min)
        if start < report.starts_at.replace(hour=0, minute=0, second=0):
            raise ValidationError("Die dag ligt vóór het begin van de ziekmelding.", "vanaf")
        calendar = load_calendar(session)
        _materialise(session, ctx, report, calendar, ctx.today())
        changed = []
        for reg in session.scalars(
            select(Registration).where(
                Registration.sick_report_id == report.id, Registration.date >= from_day
            )
        ):
            reg.code, reg.source = OA_CODE, Source.CORRECTIE
            reg.reason = None
            changed.append(reg.id)
        report.ended_at = max(ctx.now(), report.starts_at)
        report.ended_called_at = None
        report.ended_by = ctx.user
        report.note = "\n".join(p for p in (report.note, f"Onbereikbaar: {note.strip()}") if p)
        audit.record(
            session,
            ctx,
            "ziekmelding.onbereikbaar",
            "sick_report",
            report.id,
            None,
            {"vanaf": from_day, "naar_oa": changed, "toelichting": note.strip()},
        )
        view = _view(session, report)
    changes = Changes(
        registrations=True, sick_reports=True, student_ids=frozenset({report.student_id})
    )
    return DeskResult(view, changes)
