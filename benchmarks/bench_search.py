"""How fast the student search answers per keystroke on a 20,000-student demo school.

    .venv/bin/python benchmarks/bench_search.py [--db PATH] [--students 20000]

Builds the demo school once (kept at PATH for the next run), times building the index, then
types a set of realistic queries one keystroke at a time and prints the milliseconds of each
search and p50 / p95 / max. The target is under 50 ms per keystroke.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from datetime import date, datetime
from pathlib import Path

from verzuimdesk.demo import build_demo_school
from verzuimdesk.domain.roles import Role
from verzuimdesk.services.context import Actor, Context
from verzuimdesk.services.desk_status import desk_status
from verzuimdesk.services.search import build_index
from verzuimdesk.store.database import open_database

TARGET_MS = 50.0
UNTIL = date(2025, 11, 14)


def queries_for(index_sample: list[tuple[str, str, str, date, str]]) -> list[str]:
    """What a receptionist types: names, surnames with tussenvoegsel, numbers, dates, classes."""
    queries = ["a", "e", "de", "van", "van der", "jan", "sanne"]
    for lnr, roepnaam, achternaam, born, klas in index_sample:
        queries += [
            f"{roepnaam} {achternaam}",
            achternaam,
            lnr,
            born.strftime("%d-%m-%Y"),
            born.strftime("%d%m%Y"),
            f"{born.day}-{born.month}",
            klas,
        ]
    return queries


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", type=Path, default=Path(tempfile.gettempdir()) / "bench-20k.sqlite")
    parser.add_argument("--students", type=int, default=20_000)
    args = parser.parse_args()

    ctx = Context(
        open_database(args.db),
        actor=Actor("bench", Role.BEHEERDER),
        clock=lambda: datetime.combine(UNTIL, datetime.min.time()),
    )
    if desk_status(ctx).school_name is None:
        started = time.perf_counter()
        build_demo_school(ctx, students=args.students, seed=1, until=UNTIL)
        print(f"demo school built in {time.perf_counter() - started:.1f} s")

    started = time.perf_counter()
    index = build_index(ctx)
    print(
        f"index of {len(index)} students built in {(time.perf_counter() - started) * 1000:.0f} ms"
    )

    sample = [
        (h.leerlingnummer, h.name.split()[0], h.name.split()[-1], h.geboortedatum, h.klas)
        for h in (index.hit(i) for i in range(1, len(index) + 1, max(len(index) // 5, 1)))
        if h is not None
    ]
    timings: list[float] = []
    for query in queries_for(sample):
        per_key = []
        for end in range(1, len(query) + 1):
            typed = query[:end]
            started = time.perf_counter()
            hits = index.search(typed, 12)
            per_key.append((time.perf_counter() - started) * 1000)
        timings += per_key
        print(
            f"{query!r:28} {len(query):2} keys  worst {max(per_key):6.2f} ms  "
            f"last {per_key[-1]:6.2f} ms  hits {len(hits)}"
        )
    timings.sort()
    p95 = timings[int(len(timings) * 0.95) - 1]
    print(
        f"\n{len(timings)} keystrokes: p50 {statistics.median(timings):.2f} ms, "
        f"p95 {p95:.2f} ms, max {timings[-1]:.2f} ms (target < {TARGET_MS:.0f} ms)"
    )
    return 0 if timings[-1] < TARGET_MS else 1


if __name__ == "__main__":
    raise SystemExit(main())
