"""A desk keeps saving while a nightly import of a million registrations runs in another process
(issue 13, part 4): every save is kept and no desk sees an error such as "database is locked"."""

from __future__ import annotations

import csv
import os
import subprocess
import sys
import time
from datetime import date, datetime, timedelta
from pathlib import Path

from sqlalchemy import func, select

from tests.actors import TESTER
from verzuimdesk.cli import main
from verzuimdesk.services import conversations
from verzuimdesk.services import sick_reports as desk
from verzuimdesk.services.context import Context
from verzuimdesk.store.database import Database
from verzuimdesk.store.desk import SickReport
from verzuimdesk.store.followup import Note
from verzuimdesk.store.registrations import Registration
from verzuimdesk.store.students import Student

STUDENTS = 5000
ROWS = 1_000_000
PER_STUDENT = ROWS // STUDENTS  # 20 school days x 10 lessons
NOW = datetime(2025, 10, 1, 10, 0)
LEERLINGEN = [
    "leerlingnummer",
    "roepnaam",
    "tussenvoegsel",
    "achternaam",
    "geboortedatum",
    "klas",
    "opleiding",
    "sector",
    "niveau",
    "leerjaar",
    "leerweg",
    "startkwalificatie",
    "studiefinanciering",
    "woongemeente",
    "straat",
    "postcode",
    "plaats",
    "telefoon",
    "email",
    "ouders_informeren",
    "ingeschreven_van",
    "ingeschreven_tot",
]


def _write_school(folder: Path, registrations: bool) -> None:
    folder.mkdir()
    with (folder / "leerlingen.csv").open("w", newline="", encoding="utf-8") as handle:
        out = csv.writer(handle)
        out.writerow(LEERLINGEN)
        for n in range(STUDENTS):
            row = dict.fromkeys(LEERLINGEN, "")
            row |= {
                "leerlingnummer": str(500000 + n),
                "roepnaam": "Kim",
                "achternaam": f"Proef{n}",
                "geboortedatum": "2008-05-01",
                "klas": f"K{n // 25:03d}",
                "sector": "mbo",
                "niveau": "3",
                "leerjaar": "2",
                "leerweg": "BOL",
            }
            out.writerow(row.values())
    if not registrations:
        return
    days = []
    day = date(2025, 9, 1)
    while len(days) < PER_STUDENT // 10:
        if day.weekday() < 5:
            days.append(day.isoformat())
        day += timedelta(days=1)
    lessons = [
        (f"{8 + i // 2:02d}:{(i % 2) * 30:02d}", f"{8 + i // 2:02d}:{(i % 2) * 30 + 29:02d}")
        for i in range(10)
    ]
    with (folder / "absenties.csv").open("w", newline="", encoding="utf-8") as handle:
        handle.write(
            "leerlingnummer,datum,begin,eind,minuten,code,reden,vak,docent,geregistreerd_op\n"
        )
        for n in range(STUDENTS):
            number = 500000 + n
            handle.writelines(
                f"{number},{d},{b},{e},29,OA,,NE,ABC,\n" for d in days for b, e in lessons
            )


def test_a_desk_saves_throughout_a_million_row_import(db: Database, tmp_path: Path) -> None:
    small, big = tmp_path / "klein", tmp_path / "groot"
    _write_school(small, registrations=False)
    _write_school(big, registrations=True)
    assert main(["--db", db.url, "import", "generic", str(small)]) == 0
    ctx = Context(db, actor=TESTER, clock=lambda: NOW)
    with db.unit_of_work() as session:
        ids = list(session.scalars(select(Student.id).order_by(Student.id).limit(200)))

    env = dict(os.environ, PYTHONPATH=str(Path(__file__).resolve().parents[2]))
    importer = subprocess.Popen(
        [sys.executable, "-m", "verzuimdesk", "--db", db.url, "import", "generic", str(big)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    notes = sick = 0
    errors: list[str] = []
    slowest = 0.0
    n = 0
    while importer.poll() is None:
        student = ids[n % len(ids)]
        started = time.monotonic()
        try:
            if n % 2:
                conversations.add_note(ctx, student, f"belde terug ({n})")
                notes += 1
            else:
                desk.report_sick(ctx, student, NOW, "ouder", "M. Proef", "griep")
                sick += 1
        except desk.AlreadySick:
            pass
        except Exception as exc:  # what a desk would show
            errors.append(f"{type(exc).__name__}: {exc}")
        slowest = max(slowest, time.monotonic() - started)
        n += 1
        time.sleep(0.2)  # a person at the desk, not a loop
    _out, err = importer.communicate()
    assert importer.returncode == 0, err
    assert errors == []
    assert slowest > 1.0, "the desk never had to wait: the test did not overlap the import"
    with db.unit_of_work() as session:
        assert session.scalar(select(func.count()).select_from(Note)) == notes
        assert session.scalar(select(func.count()).select_from(SickReport)) == sick
        assert session.scalar(select(func.count()).select_from(Registration)) == ROWS
    print(f"{n} desk saves during the import, slowest waited {slowest:.1f} s")
