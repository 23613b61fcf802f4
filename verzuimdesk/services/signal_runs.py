"""Running the signal engine over many students, spread over the machine's cores.

The engine is CPU-bound Python, so threads do not help (the GIL); a whole school is cut into
ranges of student ids and each range runs in its own process, reading the database itself. The
calling process takes the first range, so one worker is enough on a 2-core machine. Small runs,
single students and in-memory databases stay in one process: starting a worker costs more than
it saves there.
"""

from __future__ import annotations

import os
from collections.abc import Collection
from concurrent.futures import ProcessPoolExecutor
from datetime import date
from itertools import pairwise

from sqlalchemy import select
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session

from verzuimdesk.domain.signals import ReportFact, RuleEnv, Signal, evaluate_student
from verzuimdesk.services.gc_pause import gc_paused
from verzuimdesk.services.processes import StartMethod, context_for
from verzuimdesk.services.signal_inputs import (
    IdRange,
    SignalInputs,
    load_inputs,
    load_reports,
)
from verzuimdesk.store.database import Database, create_db_engine
from verzuimdesk.store.students import Student

# below this many students a second process does not pay for its start
PARALLEL_FROM_STUDENTS = 4000
MAX_PROCESSES = 4

Computed = list[tuple[int, Signal]]  # (student's database id, signal)


def evaluate(inputs: SignalInputs) -> Computed:
    env = RuleEnv(inputs.calendar, inputs.policy, inputs.on)
    found: Computed = []
    for sid, days in inputs.days.items():
        facts = inputs.students.get(sid)
        if facts is None:
            continue
        reports = inputs.reports.get(sid, [])
        for signal in evaluate_student(facts, days, reports, inputs.timetable_of(sid), env):
            found.append((sid, signal))
    return found


def _evaluate_range(url: str, on: date, policy_name: str | None, id_range: IdRange) -> Computed:
    """One worker's part: its own connection, the students of one id range."""
    engine = create_db_engine(url)
    try:
        with Session(engine) as session, gc_paused():
            return evaluate(load_inputs(session, on, policy_name, id_range=id_range))
    finally:
        engine.dispose()


def _processes(db: Database, students: int) -> int:
    database = make_url(db.url).database
    if db.is_sqlite and (not database or database == ":memory:"):
        return 1  # another process cannot see this database
    if students < PARALLEL_FROM_STUDENTS:
        return 1
    return max(1, min(os.cpu_count() or 1, MAX_PROCESSES))


def _ranges(ids: list[int], parts: int, own_share: float) -> list[IdRange]:
    """Consecutive id ranges; the first, run here, holds `own_share` of the students."""
    cuts = [0, round(len(ids) * own_share)]
    rest = len(ids) - cuts[1]
    for part in range(1, parts):
        cuts.append(cuts[1] + round(rest * part / (parts - 1)))
    return [(ids[lo], ids[hi - 1]) for lo, hi in pairwise(cuts) if hi > lo]


def compute_signals(
    db: Database,
    session: Session,
    on: date,
    policy_name: str | None,
    student_ids: Collection[int] | None = None,
    *,
    helpers: StartMethod,
) -> tuple[Computed, dict[int, list[ReportFact]]]:
    """The engine's signals on `on` and the reports they were weighed against, per student."""
    ids = None if student_ids is not None else list(session.scalars(select(Student.id)))
    processes = 1 if ids is None else _processes(db, len(ids))
    if ids is None or processes == 1:
        with gc_paused():
            inputs = load_inputs(session, on, policy_name, student_ids)
            return evaluate(inputs), inputs.reports
    ids.sort()
    method = helpers
    # a spawned worker spends its first moments importing: give it a smaller part
    own_share = 1 / processes if method == "fork" else 1.5 / (processes + 0.5)
    ranges = _ranges(ids, processes, own_share)
    context = context_for(method)
    with ProcessPoolExecutor(len(ranges) - 1, mp_context=context) as pool:
        futures = [
            pool.submit(_evaluate_range, db.url, on, policy_name, part) for part in ranges[1:]
        ]
        with gc_paused():
            found = evaluate(load_inputs(session, on, policy_name, id_range=ranges[0]))
        for future in futures:
            found.extend(future.result())
    return found, load_reports(session, on, None)
