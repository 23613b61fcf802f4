"""Signals kept until someone deals with them: refresh, close, list (CLI, bellijst, dossier).

A signal is open from the day it arose until a DUO report covers it (same student, a soort that
deals with its rule, and a report period that overlaps the signal's window, see
ReportFact.covers) or a person closes it with a reason. `refresh_signals` stores what the engine
finds (unique per student, rule and arose_on); what is asked "on" a date is computed from the
registrations and reports of that date and merged with what is stored.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Collection, Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from verzuimdesk.domain.route import Route
from verzuimdesk.domain.signals import ReportFact, RuleId, Signal
from verzuimdesk.domain.signals.engine import covering_report
from verzuimdesk.domain.signals.explain import dutch_date
from verzuimdesk.errors import NotFoundError, ValidationError
from verzuimdesk.services import audit
from verzuimdesk.services.changes import Changes
from verzuimdesk.services.context import Context
from verzuimdesk.services.processes import StartMethod
from verzuimdesk.services.school import load_policy
from verzuimdesk.services.signal_inputs import load_reports
from verzuimdesk.services.signal_runs import compute_signals
from verzuimdesk.store.database import Database
from verzuimdesk.store.locks import lock_named, lock_student
from verzuimdesk.store.reporting import SignalRow
from verzuimdesk.store.students import Student

OPEN = "open"
CLOSED = "gesloten"  # closed by a person, with a reason
REPORTED = "gemeld"  # a DUO report covers it
LAPSED = "vervallen"  # the registrations no longer give it (e.g. OA corrected to Z)


@dataclass(frozen=True)
class OpenSignal:
    """A stored open signal as the screens show it (plain values, no ORM rows)."""

    id: int
    student_id: int
    leerlingnummer: str
    rule: str
    arose_on: date
    deadline: date | None
    route: str | None
    minutes: int | None
    count: int | None
    window: tuple[date, date] | None
    policy_name: str
    explanation: str


def _row_to_signal(row: SignalRow, leerlingnummer: str) -> Signal:
    window = None
    if row.window_start is not None and row.window_end is not None:
        window = (row.window_start, row.window_end)
    return Signal(
        student_id=leerlingnummer,
        rule=RuleId(row.rule),
        arose_on=row.arose_on,
        deadline=row.deadline,
        route=Route(row.route) if row.route else None,
        minutes=row.minutes,
        count=row.count,
        window=window,
        policy=row.policy_name,
        explanation=row.explanation,
    )


def _stored(
    session: Session, on: date, student_ids: Collection[int] | None
) -> list[tuple[SignalRow, str]]:
    stmt = (
        select(SignalRow, Student.leerlingnummer)
        .join(Student, Student.id == SignalRow.student_id)
        .where(SignalRow.arose_on <= on)
    )
    if student_ids is not None:
        stmt = stmt.where(SignalRow.student_id.in_(list(student_ids)))
    return [(row, number) for row, number in session.execute(stmt)]


def _open_on(
    db: Database,
    session: Session,
    on: date,
    policy_name: str | None,
    student_ids: Collection[int] | None,
    helpers: StartMethod,
) -> list[Signal]:
    computed, all_reports = compute_signals(
        db, session, on, policy_name, student_ids, helpers=helpers
    )
    merged: dict[tuple[str, str, date], Signal] = {}
    for sid, signal in computed:
        reports = all_reports.get(sid)  # most students have none: skip the look-up
        if not reports or covering_report(signal, reports) is None:
            merged[signal.key] = signal
    for row, number in _stored(session, on, student_ids):
        signal = _row_to_signal(row, number)
        if row.status != OPEN:
            merged.pop(signal.key, None)
        elif covering_report(signal, all_reports.get(row.student_id, [])) is None:
            merged[signal.key] = signal  # the kept record, with the policy it was raised under
    # a StrEnum member sorts as its value, without the slow .value lookup
    return sorted(merged.values(), key=lambda s: (s.arose_on, s.student_id, s.rule))


def signals_on(ctx: Context, on: date, policy_name: str | None = None) -> list[Signal]:
    """Every signal open on `on`: arisen on or before it and not dealt with."""
    with ctx.db.unit_of_work() as session:
        return _open_on(ctx.db, session, on, policy_name, None, ctx.helpers)


def student_signals(
    ctx: Context, student_id: int, on: date, policy_name: str | None = None
) -> list[Signal]:
    """The open signals of one student (by database id), for the dossier."""
    with ctx.db.unit_of_work() as session:
        return _open_on(ctx.db, session, on, policy_name, [student_id], ctx.helpers)


def open_signals(
    session: Session, on: date, student_ids: Collection[int] | None = None
) -> list[OpenSignal]:
    """Stored signals still open on `on` (run refresh_signals first to bring them up to date)."""
    rows = _stored(session, on, student_ids)
    reports: dict[int, list[ReportFact]] = {}
    if rows:
        reports = load_reports(session, on, {row.student_id for row, _ in rows})
    result = []
    for row, number in rows:
        if row.status != OPEN:
            continue
        signal = _row_to_signal(row, number)
        if covering_report(signal, reports.get(row.student_id, [])) is not None:
            continue
        result.append(
            OpenSignal(
                id=row.id,
                student_id=row.student_id,
                leerlingnummer=number,
                rule=row.rule,
                arose_on=row.arose_on,
                deadline=row.deadline,
                route=row.route,
                minutes=row.minutes,
                count=row.count,
                window=signal.window,
                policy_name=row.policy_name,
                explanation=row.explanation,
            )
        )
    result.sort(key=lambda s: (s.arose_on, s.leerlingnummer, s.rule))
    return result


def refresh_signals(
    ctx: Context,
    on: date,
    policy_name: str | None = None,
    student_ids: Collection[int] | None = None,
) -> Changes:
    """Store the signals that arose on or before `on` and settle the stored ones, for the whole
    school or (after a desk saved something about them) for the given students only.

    New signals are added once (student, rule, arose_on); closed ones stay closed. A stored open
    signal a report now covers becomes "gemeld"; one the engine no longer finds under the same
    policy (its registrations were corrected) becomes "vervallen". One audit entry per run.
    """
    with ctx.db.unit_of_work() as session:
        # one refresh at a time on the whole database: two workstations refreshing the same
        # student would both add the same new signal
        lock_named(session, "signalen")
        only = None if student_ids is None else sorted(set(student_ids))
        computed, all_reports = compute_signals(
            ctx.db, session, on, policy_name, only, helpers=ctx.helpers
        )
        policy = load_policy(session, policy_name).name
        existing = {
            (row.student_id, row.rule, row.arose_on): row for row, _ in _stored(session, on, only)
        }
        now = ctx.now()
        tally: Counter[str] = Counter()
        touched: set[int] = set()
        seen: set[tuple[int, str, date]] = set()
        for sid, signal in computed:
            key = (sid, signal.rule.value, signal.arose_on)
            seen.add(key)
            row = existing.get(key)
            report = covering_report(signal, all_reports.get(sid, []))
            if row is None:
                row = _new_row(sid, signal)
                session.add(row)
                tally["nieuw"] += 1
                touched.add(sid)
            if row.status == OPEN and report is not None:
                row.status, row.report_id, row.closed_at = REPORTED, report.report_id, now
                row.closed_by, row.closed_reason = ctx.user, "gedekt door een DUO-melding"
                tally["gemeld"] += 1
                touched.add(sid)
        for key, row in existing.items():
            if key in seen or row.status != OPEN or row.policy_name != policy:
                continue
            row.status, row.closed_at, row.closed_by = LAPSED, now, ctx.user
            row.closed_reason = "vervallen: de registraties geven dit signaal niet meer"
            tally["vervallen"] += 1
            touched.add(row.student_id)
        if not tally:
            return Changes()
        scope: dict[str, Any] = {} if only is None else {"leerlingen": only}
        audit.record(
            session,
            ctx,
            "signalen.verversen",
            "signal",
            None,
            None,
            {"op": on, "beleid": policy, **scope, **tally},
        )
    return Changes(signals=True, student_ids=frozenset(touched))


def _new_row(student_id: int, signal: Signal) -> SignalRow:
    return SignalRow(
        student_id=student_id,
        rule=signal.rule.value,
        arose_on=signal.arose_on,
        deadline=signal.deadline,
        route=signal.route.value if signal.route else None,
        minutes=signal.minutes,
        count=signal.count,
        window_start=signal.window[0] if signal.window else None,
        window_end=signal.window[1] if signal.window else None,
        policy_name=signal.policy,
        explanation=signal.explanation,
        status=OPEN,
    )


SNAPSHOT = ("status", "closed_at", "closed_by", "closed_reason")


def close_signal(ctx: Context, signal_id: int, reason: str) -> Changes:
    """A person deals with a signal without a DUO report; the reason is required and audited."""
    if not reason.strip():
        raise ValidationError("Geef een reden op waarom het signaal wordt gesloten.", field="reden")
    with ctx.db.unit_of_work() as session:
        row = session.get(SignalRow, signal_id)
        if row is not None:
            # lock, then read again: another desk or a refresh may have settled it meanwhile
            lock_student(session, row.student_id)
            row = session.get(SignalRow, signal_id, populate_existing=True)
        if row is None:
            raise NotFoundError(f"Signaal {signal_id} bestaat niet (meer).")
        if row.status != OPEN:
            raise ValidationError(
                f"Dit signaal is al afgehandeld ({row.status}); er is niets gewijzigd.",
                field="signaal",
            )
        before = audit.snapshot(row, *SNAPSHOT)
        row.status, row.closed_at = CLOSED, ctx.now()
        row.closed_by, row.closed_reason = ctx.user, reason.strip()
        audit.record(
            session,
            ctx,
            "signaal.sluiten",
            "signal",
            row.id,
            before,
            audit.snapshot(row, *SNAPSHOT),
        )
        student_id = row.student_id
    return Changes(signals=True, student_ids=frozenset({student_id}))


# -- output for the command line ------------------------------------------------------------


def signal_as_json(signal: Signal) -> dict[str, Any]:
    return {
        "student_id": signal.student_id,
        "rule": signal.rule.value,
        "arose_on": signal.arose_on.isoformat(),
        "deadline": signal.deadline.isoformat() if signal.deadline else None,
        "route": signal.route.value if signal.route else None,
        "hours": signal.hours,
        "minutes": signal.minutes,
        "count": signal.count,
        "window": [d.isoformat() for d in signal.window] if signal.window else None,
        "policy": signal.policy,
        "explanation": signal.explanation,
    }


def format_signals_json(signals: Iterable[Signal]) -> str:
    """One JSON array, sorted by arose_on, student_id and rule."""
    ordered = sorted(signals, key=lambda s: (s.arose_on, s.student_id, s.rule.value))
    return json.dumps([signal_as_json(s) for s in ordered], ensure_ascii=False, indent=2)


HEADERS = ("Ontstaan", "Leerling", "Regel", "Uiterlijk", "Route", "Uren", "Periode", "Toelichting")


def format_signals_table(signals: Iterable[Signal]) -> str:
    ordered = sorted(signals, key=lambda s: (s.arose_on, s.student_id, s.rule.value))
    if not ordered:
        return "Geen open signalen."
    rows = [
        (
            dutch_date(s.arose_on),
            s.student_id,
            s.rule.value,
            dutch_date(s.deadline) if s.deadline else "-",
            s.route.value if s.route else "mentor",
            f"{s.hours:.2f}".replace(".", ",") if s.hours is not None else "-",
            f"{dutch_date(s.window[0])} t/m {dutch_date(s.window[1])}" if s.window else "-",
            s.explanation,
        )
        for s in ordered
    ]
    widths = [max(len(h), *(len(r[i]) for r in rows)) for i, h in enumerate(HEADERS[:-1])]
    lines = []
    for cells in [HEADERS, *rows]:
        lines.append(
            "  ".join(c.ljust(w) for c, w in zip(cells, widths, strict=False)) + "  " + cells[-1]
        )
    lines.append(f"{len(ordered)} open signalen.")
    return "\n".join(lines)
