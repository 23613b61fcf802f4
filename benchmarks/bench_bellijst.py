"""Benchmark of the bellijst and the dossier on the demo school (not part of the test run).

    .venv/bin/python benchmarks/bench_bellijst.py [--db PATH] [--students 20000] [--refresh]

Builds the demo school once (the same cached file bench_signals.py uses) and reuses it, stores
the signals up to the last date when it builds it (or with --refresh), then times the bellijst on
a few dates as the screen loads it (target: under 0.5 s; contacts follow per block of rows) and
with every contact as a printout builds it, and the dossier data of the busiest students
(target: under 300 ms each), and prints figures.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from datetime import date, datetime
from pathlib import Path

from sqlalchemy import func, select

from verzuimdesk.domain.roles import Role
from verzuimdesk.services.bellijst import build_bellijst, load_contacts
from verzuimdesk.services.context import Actor, Context
from verzuimdesk.services.dossier import load_dossier
from verzuimdesk.services.signals import refresh_signals
from verzuimdesk.store.database import open_database
from verzuimdesk.store.registrations import Registration
from verzuimdesk.store.students import Student

UNTIL = date(2026, 7, 10)
DATES = (date(2026, 7, 10), date(2026, 3, 17), date(2025, 11, 3), date(2026, 6, 1))
LIST_LIMIT_S = 0.5
DOSSIER_LIMIT_MS = 300.0


def best_of(runs: int, work: object) -> tuple[float, float, object]:
    timings, result = [], None
    for _ in range(runs):
        started = time.perf_counter()
        result = work()  # type: ignore[operator]
        timings.append(time.perf_counter() - started)
    return min(timings), statistics.median(timings), result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, default=None)
    parser.add_argument("--students", type=int, default=20_000)
    parser.add_argument("--refresh", action="store_true", help="store the signals again")
    args = parser.parse_args()
    default = Path(tempfile.gettempdir()) / f"verzuimdesk-bench-demo-{args.students}.sqlite"
    path = args.db or default
    fresh = not path.exists()
    ctx = Context(
        open_database(path),
        actor=Actor("bench", Role.BEHEERDER),
        clock=lambda: datetime(2026, 7, 10, 9),
    )
    if fresh:
        from verzuimdesk.demo import build_demo_school

        started = time.perf_counter()
        build_demo_school(ctx, students=args.students, seed=1, until=UNTIL)
        print(f"demo school built in {time.perf_counter() - started:.1f} s: {path}")
    if fresh or args.refresh:
        started = time.perf_counter()
        refresh_signals(ctx, UNTIL)
        print(f"signals stored up to {UNTIL} in {time.perf_counter() - started:.1f} s")
    with ctx.db.unit_of_work() as session:
        students = session.scalar(select(func.count()).select_from(Student)) or 0
        registrations = session.scalar(select(func.count()).select_from(Registration)) or 0
        busiest = list(
            session.scalars(
                select(Registration.student_id)
                .group_by(Registration.student_id)
                .order_by(func.count().desc())
                .limit(5)
            )
        )
    print(f"{students} students, {registrations} registrations")

    build_bellijst(ctx, UNTIL)  # warm-up: imports, holiday tables, SQLite cache
    failed = False
    for on in DATES:
        # what the screen waits for: the ranked list; contacts follow per 100 visible rows
        best, median, result = best_of(
            3, lambda on=on: build_bellijst(ctx, on, with_contacts=False)
        )
        entries = result.entries  # type: ignore[attr-defined]
        verdict = "PASS" if best < LIST_LIMIT_S else "FAIL"
        failed |= best >= LIST_LIMIT_S
        first_rows = [e.student_id for e in entries[:100]]
        block, _, _ = best_of(3, lambda on=on, ids=first_rows: load_contacts(ctx, on, ids))
        # what a printout or export builds off the GUI thread: every row with its contacts
        full, _, _ = best_of(3, lambda on=on: build_bellijst(ctx, on))
        print(
            f"bellijst {on}: {best * 1000:.0f} ms best of 3 (median {median * 1000:.0f} ms), "
            f"{len(entries)} students; limit {LIST_LIMIT_S * 1000:.0f} ms: {verdict}; "
            f"contacts of 100 rows {block * 1000:.0f} ms; with all contacts {full * 1000:.0f} ms"
        )

    for student_id in busiest:
        best, median, dossier = best_of(3, lambda s=student_id: load_dossier(ctx, s, UNTIL))
        verdict = "PASS" if best * 1000 < DOSSIER_LIMIT_MS else "FAIL"
        failed |= best * 1000 >= DOSSIER_LIMIT_MS
        print(
            f"dossier of student {student_id}: {best * 1000:.0f} ms best of 3 "
            f"(median {median * 1000:.0f} ms), {len(dossier.timeline)} timeline rows; "  # type: ignore[attr-defined]
            f"limit {DOSSIER_LIMIT_MS:.0f} ms: {verdict}"
        )
    ctx.db.dispose()
    print("FAIL" if failed else "all within limits")


if __name__ == "__main__":
    main()
