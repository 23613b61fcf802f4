"""How long the demo school takes to build, and what it holds.

    .venv/bin/python benchmarks/bench_demo.py [--students 20000] [--seed 1] [--until 2026-07-10]
        [--db PATH]

Builds into a fresh SQLite file (a temporary one unless --db is given) and prints the seconds
taken and the row counts per table, plus registrations per student.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from datetime import date, datetime
from pathlib import Path

from sqlalchemy import func, select

from verzuimdesk.demo import build_demo_school
from verzuimdesk.domain.roles import Role
from verzuimdesk.services.context import Actor, Context
from verzuimdesk.store.database import open_database
from verzuimdesk.store.models import (
    Call,
    Conversation,
    DuoReport,
    Guardian,
    LeaveCard,
    Note,
    Registration,
    SickReport,
    Student,
    TimetableSlot,
)

TABLES = (
    Student,
    Guardian,
    TimetableSlot,
    Registration,
    SickReport,
    LeaveCard,
    Call,
    Conversation,
    Note,
    DuoReport,
)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--students", type=int, default=20_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--until", type=date.fromisoformat, default=date(2026, 7, 10))
    parser.add_argument("--db", type=Path, default=None)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as folder:
        path = args.db or Path(folder) / "demo.sqlite"
        db = open_database(path)
        # a fixed clock: the demo reads it only for the school row and the audit entry
        ctx = Context(db, actor=Actor("bench", Role.BEHEERDER), clock=lambda: datetime(2026, 1, 1))
        started, cpu_started = time.perf_counter(), time.process_time()
        summary = build_demo_school(ctx, students=args.students, seed=args.seed, until=args.until)
        seconds, cpu = time.perf_counter() - started, time.process_time() - cpu_started
        print("\n".join(summary.lines()))
        # on a busy shared machine the CPU time says what an idle one would take
        print(f"\nseconds: {seconds:.1f} (cpu: {cpu:.1f})")
        with db.unit_of_work() as session:
            for model in TABLES:
                count = session.scalar(select(func.count()).select_from(model))
                print(f"{model.__tablename__:>16}: {count:>10,}")
            registrations = session.scalar(select(func.count()).select_from(Registration)) or 0
            for code, count in session.execute(
                select(Registration.code, func.count()).group_by(Registration.code)
            ):
                print(f"{'code ' + code:>16}: {count:>10,}")
        print(f"registrations per student: {registrations / args.students:.1f}")
        db.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())
