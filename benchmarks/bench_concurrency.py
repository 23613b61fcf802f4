"""Benchmark of several workstations on one database (issue 13, part 4; not part of the tests).

    .venv/bin/python benchmarks/bench_concurrency.py [--db PATH] [--students 20000]
                                                     [--pg postgresql+psycopg://…] [--rounds 20]

1. One student's signal refresh after a desk's save, on the demo school (built once into PATH,
   default a file in the temp folder; target under 50 ms), beside the whole-school run it replaces.
2. Change propagation: a second process publishes a change, this one waits for it through the
   change feed (target under 2 s on PostgreSQL; SQLite too, between processes on one machine).
   PostgreSQL is used when --pg or VERZUIMDESK_BENCH_PG gives a URL (the database is emptied).

Figures depend on the machine's load: `uptime` is printed with them.
"""

from __future__ import annotations

import argparse
import os
import statistics
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from datetime import date
from pathlib import Path

from sqlalchemy import create_engine, func, select, text

from verzuimdesk.domain.roles import Role
from verzuimdesk.services import change_feed
from verzuimdesk.services.changes import Changes
from verzuimdesk.services.context import Actor, Context
from verzuimdesk.services.processes import SAFE, context_for
from verzuimdesk.services.signals import refresh_signals
from verzuimdesk.store.database import Database, open_database
from verzuimdesk.store.registrations import Registration
from verzuimdesk.store.students import Student

ONE_LIMIT_MS = 50.0
PROPAGATION_LIMIT_S = 2.0
ACTOR = Actor("benchmark", Role.BEHEERDER)


def _load() -> str:
    one, five, fifteen = os.getloadavg()
    return f"load {one:.2f} {five:.2f} {fifteen:.2f} on {os.cpu_count()} cores"


def bench_one_student(db: Database, on: date, rounds: int) -> None:
    ctx = Context(db, actor=ACTOR)
    with db.unit_of_work() as session:
        students = session.scalar(select(func.count()).select_from(Student))
        # the students with the most registrations: the slowest single refreshes
        busiest = list(
            session.scalars(
                select(Registration.student_id)
                .group_by(Registration.student_id)
                .order_by(func.count().desc())
                .limit(rounds)
            )
        )
    start = time.perf_counter()
    refresh_signals(ctx, on)
    whole = time.perf_counter() - start
    refresh_signals(ctx, on, student_ids=busiest[:1])  # warm the caches
    times = []
    for sid in busiest:
        start = time.perf_counter()
        refresh_signals(ctx, on, student_ids={sid})
        times.append((time.perf_counter() - start) * 1000)
    median = statistics.median(times)
    print(f"signal refresh, whole school ({students} students): {whole:.2f} s")
    print(
        f"signal refresh, one student ({len(times)} busiest students): median {median:.1f} ms, "
        f"max {max(times):.1f} ms (target < {ONE_LIMIT_MS:.0f} ms: "
        f"{'gehaald' if median < ONE_LIMIT_MS else 'NIET gehaald'}); "
        f"{whole * 1000 / median:.0f}x less work than a whole-school run"
    )


def _publisher(url: str, rounds: int, gap: float) -> list[float]:
    database = open_database(url, upgrade=False)
    sent = []
    try:
        for n in range(rounds):
            time.sleep(gap)
            sent.append(time.monotonic())
            change_feed.publish(
                database, Changes(sick_reports=True, student_ids=frozenset({n + 1})), "bench-b"
            )
    finally:
        database.dispose()
    return sent


def bench_propagation(db: Database, label: str, rounds: int) -> None:
    reader = change_feed.FeedReader(db, "bench-a")
    context = context_for(SAFE)
    arrived: dict[int, float] = {}
    with ProcessPoolExecutor(1, mp_context=context) as pool:
        future = pool.submit(_publisher, db.url, rounds, 0.3)
        deadline = time.monotonic() + 60 + rounds
        while len(arrived) < rounds and time.monotonic() < deadline:
            if reader.wait(0.5):
                now = time.monotonic()
                for changes in reader.read():
                    (sid,) = changes.student_ids
                    arrived[sid] = now
        sent = future.result()
    reader.close()
    delays = [(arrived[n + 1] - sent[n]) * 1000 for n in range(rounds) if n + 1 in arrived]
    worst = max(delays) / 1000 if delays else float("inf")
    verdict = "gehaald" if worst < PROPAGATION_LIMIT_S else "NIET gehaald"
    print(
        f"change propagation between two processes on {label}: {len(delays)}/{rounds} heard, "
        f"median {statistics.median(delays):.0f} ms, max {max(delays):.0f} ms (target < "
        f"{PROPAGATION_LIMIT_S:.0f} s: {verdict})"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, default=None)
    parser.add_argument("--students", type=int, default=20_000)
    parser.add_argument("--on", type=date.fromisoformat, default=date(2026, 6, 30))
    parser.add_argument("--pg", default=os.environ.get("VERZUIMDESK_BENCH_PG"))
    parser.add_argument("--rounds", type=int, default=20)
    args = parser.parse_args()
    path = args.db or Path(tempfile.gettempdir()) / f"verzuimdesk-bench-{args.students}.sqlite"
    fresh = not path.exists()
    db = open_database(path)
    if fresh:
        from verzuimdesk.demo import build_demo_school

        print(f"building the demo school ({args.students} students) into {path} …")
        build_demo_school(Context(db, actor=ACTOR), students=args.students, seed=1, until=args.on)
    print(_load())
    bench_one_student(db, args.on, args.rounds)
    bench_propagation(db, "SQLite", args.rounds)
    db.dispose()
    if args.pg:
        engine = create_engine(args.pg)
        with engine.begin() as connection:
            connection.execute(text("DROP SCHEMA public CASCADE"))
            connection.execute(text("CREATE SCHEMA public"))
        engine.dispose()
        pg = open_database(args.pg)
        bench_propagation(pg, "PostgreSQL", args.rounds)
        pg.dispose()
    else:
        print("PostgreSQL: give --pg URL (or VERZUIMDESK_BENCH_PG) to time propagation there")
    print(_load())


if __name__ == "__main__":
    main()
