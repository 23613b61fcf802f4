"""LVS shapes against the generic format, measured in the same run (issue 11's bars).

    .venv/bin/python benchmarks/bench_import_presets.py [--rows 1000000] [--xlsx-rows 100000]

1. The same registrations as an Eduarte absentiemeldingen file (semicolons, no header,
   YYYYMMDD dates, lesuren instead of times for half the rows) and as a generic absenties.csv,
   each imported into a fresh SQLite database of the same students: the Eduarte import may take
   at most 1.5 times the generic one.
2. A 100,000-row Magister list as .xlsx (a title row, real Excel dates, numbers as numbers):
   imported in under 15 s.

Prints seconds per import and whether each target is met; exits 1 when one is missed. The
machine is shared: give `uptime` with the figures.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from datetime import date, datetime, timedelta
from datetime import time as clock_time
from pathlib import Path

from openpyxl import Workbook

from verzuimdesk.domain.roles import Role
from verzuimdesk.services.bell_schedule import LessonTime, save_bell_schedule
from verzuimdesk.services.context import Actor, Context
from verzuimdesk.services.importing.generic import import_generic
from verzuimdesk.services.importing.presets import import_preset
from verzuimdesk.store.database import open_database

ACTOR = Actor("benchmark", Role.BEHEERDER)
LESSONS = [
    (1, "08:30", "09:20"),
    (2, "09:20", "10:10"),
    (3, "10:30", "11:20"),
    (4, "11:20", "12:10"),
    (5, "12:40", "13:30"),
    (6, "13:30", "14:20"),
    (7, "14:30", "15:20"),
    (8, "15:20", "16:10"),
]


def school_days(first: date, count: int) -> list[date]:
    days, day = [], first
    while len(days) < count:
        if day.weekday() < 5:
            days.append(day)
        day += timedelta(days=1)
    return days


def write_students(folder: Path, students: int) -> None:
    with (folder / "leerlingen.csv").open("w", encoding="utf-8") as handle:
        handle.write("leerlingnummer,roepnaam,achternaam,geboortedatum,klas\n")
        for n in range(students):
            handle.write(f"{2000000 + n},Naam{n},Achter{n},2008-01-01,K{n % 40}\n")


def registrations(students: int, rows: int) -> list[tuple[int, date, int]]:
    """(student, day, lesuur) for `rows` registrations spread over the students."""
    per_student = -(-rows // students)
    days = school_days(date(2025, 9, 1), -(-per_student // 8))
    found = []
    for n in range(students):
        for i in range(per_student):
            found.append((2000000 + n, days[i // 8], i % 8 + 1))
            if len(found) == rows:
                return found
    return found


def fresh(folder: Path, name: str) -> Context:
    ctx = Context(open_database(folder / f"{name}.sqlite"), actor=ACTOR)
    import_generic(ctx, folder / "students")
    save_bell_schedule(
        ctx,
        [
            LessonTime(n, clock_time.fromisoformat(b), clock_time.fromisoformat(e))
            for n, b, e in LESSONS
        ],
    )
    return ctx


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--xlsx-rows", type=int, default=100_000)
    parser.add_argument("--students", type=int, default=20_000)
    args = parser.parse_args()
    ok = True
    with tempfile.TemporaryDirectory() as temp:
        root = Path(temp)
        (root / "students").mkdir()
        write_students(root / "students", args.students)
        regs = registrations(args.students, args.rows)
        times = {n: (b, e) for n, b, e in LESSONS}
        generic = root / "generic"
        generic.mkdir()
        with (generic / "absenties.csv").open("w", encoding="utf-8") as handle:
            handle.write("leerlingnummer,datum,begin,eind,code,reden\n")
            for number, day, lesuur in regs:
                begin, end = times[lesuur]
                handle.write(f"{number},{day.isoformat()},{begin},{end},Z,ziek\n")
        (generic / "leerlingen.csv").write_text((root / "students" / "leerlingen.csv").read_text())
        eduarte = root / "absentiemeldingen.txt"
        with eduarte.open("w", encoding="utf-8") as handle:
            for i, (number, day, lesuur) in enumerate(regs):
                ymd = f"{day:%Y%m%d}"
                if i % 2:
                    begin, end = times[lesuur]
                    handle.write(f"{number};{ymd};{begin};{ymd};{end};;;ZK;\n")
                else:
                    handle.write(f"{number};{ymd};;{ymd};;{lesuur};{lesuur};ZK;\n")

        ctx = fresh(root, "generic")
        started = time.perf_counter()
        import_generic(ctx, generic)
        generic_s = time.perf_counter() - started
        ctx.db.dispose()
        ctx = fresh(root, "eduarte")
        started = time.perf_counter()
        import_preset(ctx, eduarte, "eduarte-absentiemeldingen")
        eduarte_s = time.perf_counter() - started
        ctx.db.dispose()
        ratio = eduarte_s / generic_s
        verdict = "OK" if ratio <= 1.5 else "FAIL"
        print(f"generic absenties.csv  {args.rows:,} rows  {generic_s:6.1f} s")
        print(
            f"eduarte file           {args.rows:,} rows  {eduarte_s:6.1f} s  "
            f"{ratio:.2f}x generic  {verdict} (target <= 1.5x)"
        )
        ok &= ratio <= 1.5

        book = Workbook(write_only=True)
        sheet = book.create_sheet()
        sheet.append(["Absenties"])
        sheet.append(["Stamnummer", "Datum", "Lesuur", "Code", "Vak"])
        for number, day, lesuur in regs[: args.xlsx_rows]:
            sheet.append([number, datetime.combine(day, datetime.min.time()), lesuur, "Z", "ak"])
        workbook = root / "magister.xlsx"
        book.save(workbook)
        ctx = fresh(root, "xlsx")
        started = time.perf_counter()
        import_preset(ctx, workbook)
        xlsx_s = time.perf_counter() - started
        ctx.db.dispose()
        verdict = "OK" if xlsx_s < 15 else "FAIL"
        print(
            f"magister .xlsx         {args.xlsx_rows:,} rows  {xlsx_s:6.1f} s  {verdict} (< 15 s)"
        )
        ok &= xlsx_s < 15
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
