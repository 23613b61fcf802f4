"""How fast the generic import is on a large school, first time and again.

    .venv/bin/python benchmarks/bench_import.py [--students 20000] [--seed 1]
        [--until 2026-07-10] [--folder PATH] [--profile]

Builds the demo school, writes it with `export_generic`, then imports that folder into a fresh
SQLite database and imports it a second time. Prints rows, seconds and rows per second for both
imports and whether each stays under the target (20 s for the 20,000-student school, at least
1,000,000 registrations, on a 2-core machine). Exits 1 when a target is missed.

--folder reuses (or, when empty, fills) an export folder, so repeated runs skip the build;
--profile prints the 25 most expensive functions of each import.
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TypeVar

from sqlalchemy import func, select

from verzuimdesk.demo import build_demo_school
from verzuimdesk.services.context import Context
from verzuimdesk.services.exporting.generic import export_generic
from verzuimdesk.services.importing.generic import import_generic
from verzuimdesk.services.importing.summary import ImportSummary
from verzuimdesk.store.database import open_database
from verzuimdesk.store.models import Registration

TARGET_SECONDS = 20.0
T = TypeVar("T")


def _timed(label: str, work: Callable[[], T], profile: bool) -> tuple[T, float]:
    profiler = cProfile.Profile() if profile else None
    started = time.perf_counter()
    if profiler:
        profiler.enable()
    result = work()
    if profiler:
        profiler.disable()
    seconds = time.perf_counter() - started
    print(f"{label}: {seconds:.1f} s", flush=True)
    if profiler:
        pstats.Stats(profiler).sort_stats("cumulative").print_stats(25)
    return result, seconds


def _export_folder(folder: Path, students: int, seed: int, until: date, work: Path) -> None:
    if (folder / "leerlingen.csv").exists():
        print(f"export folder {folder} reused")
        return
    ctx = Context(open_database(work / "demo.sqlite"))
    _timed(
        f"demo school built ({students} students)",
        lambda: build_demo_school(ctx, students=students, seed=seed, until=until),
        False,
    )
    _timed("export_generic", lambda: export_generic(ctx, folder), False)
    ctx.db.dispose()


def _line(label: str, rows: int, seconds: float) -> str:
    verdict = "PASS" if seconds < TARGET_SECONDS else "FAIL"
    rate = rows / seconds if seconds else 0.0
    return (
        f"{label:<16} {rows:>10,} rows {seconds:>7.1f} s {rate:>10,.0f} rows/s   "
        f"{verdict} (target < {TARGET_SECONDS:.0f} s)"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--students", type=int, default=20_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--until", type=date.fromisoformat, default=date(2026, 7, 10))
    parser.add_argument("--folder", type=Path, default=None)
    parser.add_argument("--profile", action="store_true")
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory(prefix="bench-import-") as temp:
        work = Path(temp)
        folder = args.folder or work / "export"
        _export_folder(folder, args.students, args.seed, args.until, work)
        size = sum(p.stat().st_size for p in folder.glob("*.csv")) / 1e6
        print(f"folder: {folder} ({size:.0f} MB)")

        ctx = Context(open_database(work / "fresh.sqlite"))
        first: ImportSummary
        first, first_s = _timed("first import", lambda: import_generic(ctx, folder), args.profile)
        with ctx.db.engine.connect() as connection:
            rows = connection.scalar(select(func.count()).select_from(Registration))
        second: ImportSummary
        second, second_s = _timed(
            "second import", lambda: import_generic(ctx, folder), args.profile
        )
        ctx.db.dispose()

    print()
    print("\n".join(second.lines()))
    print()
    unchanged = not any(f.touched for f in second.files)
    added = first.file("absenties.csv").added
    print(f"registrations added by the first import: {added:,}; in the database: {rows:,}")
    print(f"second import changed nothing: {unchanged}")
    print(_line("first import", rows or 0, first_s))
    print(_line("second import", rows or 0, second_s))
    ok = first_s < TARGET_SECONDS and second_s < TARGET_SECONDS and unchanged
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
