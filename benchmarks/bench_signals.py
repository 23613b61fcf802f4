"""Benchmark of the signal engine on the demo school (not part of the test run).

    .venv/bin/python benchmarks/bench_signals.py [--db PATH] [--students 20000] [--on 2026-07-03]
                                                 [--synthetic]

Builds the demo school once into PATH (default: a file in the temp folder) and reuses it, then
times all signals on a date late in the school year (target: under 5 s) and one student's
signals (target: under 50 ms), and prints the signals per rule. --synthetic fills the database
with plain random absence instead (one registration per 50-minute lesson), to time the engine
without the demo generator.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import tempfile
import time
from collections import Counter
from datetime import date, datetime
from datetime import time as clock
from pathlib import Path

from sqlalchemy import func, insert, select

from verzuimdesk.domain.roles import Role
from verzuimdesk.services.context import Actor, Context
from verzuimdesk.services.school import load_calendar, setup_school
from verzuimdesk.services.signals import signals_on, student_signals
from verzuimdesk.store.database import open_database
from verzuimdesk.store.registrations import Registration
from verzuimdesk.store.school import TimetableSlot
from verzuimdesk.store.students import Student

ALL_LIMIT_S = 5.0
ONE_LIMIT_MS = 50.0


LESSON_STARTS = [clock(8 + i, 30) for i in range(6)]


def _cpu_seconds() -> float:
    """CPU time of this process and of the worker processes it has waited for."""
    spent = os.times()
    return spent.user + spent.system + spent.children_user + spent.children_system


def build_synthetic(ctx: Context, students: int, until: date) -> None:
    """Random absence for `students` students in classes of 25 with six 50-minute lessons a day."""
    rng = random.Random(1)
    setup_school(ctx, "Synthetisch college", "mbo", "midden", "mbo-utrecht")
    with ctx.db.unit_of_work() as session:
        klassen = [f"K{n:04d}" for n in range(students // 25 + 1)]
        session.execute(
            insert(TimetableSlot),
            [
                {"klas": k, "weekday": w, "begin": b, "end": clock(b.hour + 1, 20)}
                for k in klassen
                for w in range(1, 6)
                for b in LESSON_STARTS
            ],
        )
        session.execute(
            insert(Student),
            [
                {
                    "leerlingnummer": f"{100000 + n}",
                    "roepnaam": "Lee",
                    "achternaam": f"Ling {n}",
                    "geboortedatum": date(2005 + n % 6, 1 + n % 12, 1 + n % 28),
                    "klas": klassen[n // 25],
                    "sector": "mbo",
                    "niveau": str(1 + n % 4),
                    "leerweg": "BOL",
                    "studiefinanciering": n % 3 == 0,
                    "woongemeente": "Utrecht",
                }
                for n in range(students)
            ],
        )
    with ctx.db.unit_of_work() as session:
        calendar = load_calendar(session)
        ids = list(session.scalars(select(Student.id)))
        span = calendar.span or (until, until)
        days = calendar.lesdagen(span[0], until)
        batch: list[dict[str, object]] = []
        for sid in ids:
            truant = rng.random() < 0.02
            for day in days:
                draw = rng.random()
                if (truant and draw < 0.3) or draw < 0.03:
                    lessons = range(6) if truant else range(rng.randint(1, 6))
                    code, minutes = "OA", 50
                elif draw < 0.05:
                    lessons, code, minutes = range(6), "Z", 50
                elif draw < 0.06:
                    lessons, code, minutes = range(1), "TL", rng.choice([5, 10, 15])
                else:
                    continue
                for _ in lessons:
                    batch.append(
                        {
                            "student_id": sid,
                            "date": day,
                            "minutes": minutes,
                            "code": code,
                            "source": "demo",
                        }
                    )
            if len(batch) > 50_000:
                session.execute(insert(Registration), batch)
                batch = []
        if batch:
            session.execute(insert(Registration), batch)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, default=None)
    parser.add_argument("--students", type=int, default=20_000)
    parser.add_argument("--on", type=date.fromisoformat, default=date(2026, 7, 3))
    parser.add_argument("--policy", default=None)
    parser.add_argument("--synthetic", action="store_true")
    args = parser.parse_args()
    kind = "synthetic" if args.synthetic else "demo"
    default = Path(tempfile.gettempdir()) / f"verzuimdesk-bench-{kind}-{args.students}.sqlite"
    path = args.db or default
    fresh = not path.exists()
    ctx = Context(
        open_database(path),
        actor=Actor("bench", Role.BEHEERDER),
        clock=lambda: datetime(2026, 7, 10, 9),
    )
    if fresh:
        started = time.perf_counter()
        if args.synthetic:
            build_synthetic(ctx, args.students, date(2026, 7, 10))
        else:
            from verzuimdesk.demo import build_demo_school

            build_demo_school(ctx, students=args.students, seed=1, until=date(2026, 7, 10))
        print(f"{kind} school built in {time.perf_counter() - started:.1f} s: {path}")
    with ctx.db.unit_of_work() as session:
        students = session.scalar(select(func.count()).select_from(Student)) or 0
        registrations = session.scalar(select(func.count()).select_from(Registration)) or 0
        sample = list(session.scalars(select(Student.id).order_by(Student.id).limit(200)))
    print(f"{students} students, {registrations} registrations, signals on {args.on}")

    signals_on(ctx, args.on, args.policy)  # warm-up: imports, holiday tables, SQLite cache
    # the machine is shared: CPU time shows the work itself (worker processes included), wall
    # time what a user waits; the verdict goes by the median wall time
    timings, cpu = [], []
    for _ in range(5):
        started, started_cpu = time.perf_counter(), _cpu_seconds()
        found = signals_on(ctx, args.on, args.policy)
        timings.append(time.perf_counter() - started)
        cpu.append(_cpu_seconds() - started_cpu)
    median_all = statistics.median(timings)
    verdict = "PASS" if median_all < ALL_LIMIT_S else "FAIL"
    print(
        f"all students: median {median_all:.2f} s of 5 (best {min(timings):.2f} s; CPU of all "
        f"processes median {statistics.median(cpu):.2f} s), {len(found)} open signals; "
        f"limit {ALL_LIMIT_S:.0f} s: {verdict}"
    )
    for rule, count in sorted(Counter(s.rule.value for s in found).items()):
        print(f"  {rule:<16} {count}")

    one, one_cpu = [], []
    for student_id in sample:
        started, started_cpu = time.perf_counter(), time.process_time()
        student_signals(ctx, student_id, args.on, args.policy)
        one.append((time.perf_counter() - started) * 1000)
        one_cpu.append((time.process_time() - started_cpu) * 1000)
    worst, median = max(one), statistics.median(one)
    verdict = "PASS" if median < ONE_LIMIT_MS else "FAIL"
    print(
        f"one student: median {median:.1f} ms (CPU {statistics.median(one_cpu):.1f} ms), "
        f"worst {worst:.1f} ms over {len(one)} students; limit {ONE_LIMIT_MS:.0f} ms: {verdict}"
    )
    ctx.db.dispose()


if __name__ == "__main__":
    main()
