"""absenties.csv read by a helper process: the same outcome as reading it here, all or nothing."""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest

from tests.actors import TESTER
from verzuimdesk.services.context import Context
from verzuimdesk.services.importing import registration_source, registrations
from verzuimdesk.services.importing.generic import import_generic
from verzuimdesk.services.progress import Cancelled
from verzuimdesk.store.database import open_database
from verzuimdesk.store.models import AuditEntry, Registration, Student

from .test_import_generic import copy_basic, count, dump, problems_of, write, writes

STUDENTS = ["100001", "100002", "100003", "100004"]


def school_folder(tmp_path: Path, extra: str = "") -> Path:
    """The basic folder with 4 students × 60 school days × 2 lessons of registrations more."""
    folder = copy_basic(tmp_path)
    lines = [(folder / "absenties.csv").read_text(encoding="utf-8").rstrip("\n")]
    day = date(2025, 9, 8)
    for _ in range(60):
        day += timedelta(days=3 if day.weekday() == 4 else 1)
        for number in STUDENTS:
            lines.append(f"{number},{day},10:25,11:15,,OA,,biologie,KRS,{day} 11:20")
            lines.append(f"{number},{day:%d-%m-%Y},11:15,12:05,,Z,ziek,,,")
    write(folder, "absenties.csv", "\n".join(lines) + "\n" + extra)
    return folder


def _helpers_start(
    request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch, how: str
) -> None:
    """The test's context starts its helpers `how` (the caller says it, as the CLI and GUI do)."""
    for name in ("ctx", "any_ctx"):
        if name in request.fixturenames:
            monkeypatch.setattr(request.getfixturevalue(name), "helpers", how)


@pytest.fixture(params=["fork", "spawn"])
def helper(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """Every absenties.csv goes to a helper, started the given way, in chunks of 25 lines.

    A spawned helper imports the modules afresh, so it reads in chunks of the usual size.
    """
    if request.param not in multiprocessing.get_all_start_methods():
        pytest.skip(f"{request.param} is not available here")
    monkeypatch.setattr(registration_source, "HELPER_FROM_BYTES", 0)
    _helpers_start(request, monkeypatch, request.param)
    monkeypatch.setattr(registrations, "STEP", 25)
    return str(request.param)


@pytest.fixture
def forked_helper(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    """A forked helper, so what a test changes here holds in the helper too."""
    if "fork" not in multiprocessing.get_all_start_methods():
        pytest.skip("fork is not available here")
    monkeypatch.setattr(registration_source, "HELPER_FROM_BYTES", 0)
    _helpers_start(request, monkeypatch, "fork")
    monkeypatch.setattr(registrations, "STEP", 25)


def no_helpers_left() -> bool:
    return not multiprocessing.active_children()


def test_a_helper_stores_what_reading_here_stores(
    helper: str, ctx: Context, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = school_folder(tmp_path)
    summary = import_generic(ctx, folder)
    here = Context(open_database(tmp_path / "here.sqlite"), actor=TESTER, clock=ctx.clock)
    monkeypatch.setattr(registration_source, "HELPER_FROM_BYTES", 10**12)
    expected = import_generic(here, folder)

    assert summary.file("absenties.csv").added == expected.file("absenties.csv").added == 488
    assert dump(ctx) == dump(here)
    assert summary.lines()[:-1] == expected.lines()[:-1]  # the last line is the time taken
    assert no_helpers_left()
    here.db.dispose()


def test_the_second_import_through_a_helper_changes_nothing(
    helper: str, any_ctx: Context, tmp_path: Path
) -> None:
    folder = school_folder(tmp_path)
    import_generic(any_ctx, folder)
    before = dump(any_ctx)

    with writes(any_ctx) as seen:
        summary = import_generic(any_ctx, folder)

    assert summary.file("absenties.csv").unchanged == 488
    assert [s for s in seen if "registration" in s] == []
    assert dump(any_ctx) == before


def test_a_bad_row_late_in_the_file_rolls_back_what_was_stored(
    forked_helper: None, ctx: Context, tmp_path: Path
) -> None:
    folder = school_folder(tmp_path, extra="100002,2025-13-01,08:30,09:20,,OA,,,,\n")

    with writes(ctx) as seen:
        problems = problems_of(ctx, folder)

    assert problems == [
        "absenties.csv, regel 490, kolom 'datum': De datum '2025-13-01' bestaat niet. Schrijf de "
        "datum als JJJJ-MM-DD of DD-MM-JJJJ, bijvoorbeeld 2025-09-14."
    ]
    # the earlier chunks were stored before the bad row was read, and then rolled back
    assert any(s.startswith("INSERT INTO registration") for s in seen)
    assert count(ctx, Registration) == 0
    assert no_helpers_left()


def test_skip_bad_rows_through_a_helper(forked_helper: None, ctx: Context, tmp_path: Path) -> None:
    folder = school_folder(tmp_path, extra="100002,2025-10-01,08:30,09:20,,XX,,,,\n")

    summary = import_generic(ctx, folder, skip_bad_rows=True)

    assert summary.file("absenties.csv").added == 488
    assert summary.file("absenties.csv").skipped == 1
    assert count(ctx, Registration) == 488


def test_a_problem_in_another_file_stops_the_writes_but_every_problem_is_listed(
    forked_helper: None, ctx: Context, tmp_path: Path
) -> None:
    folder = school_folder(tmp_path, extra="100009,2025-10-01,08:30,09:20,,OA,,,,\n")
    write(folder, "rooster.csv", "klas,weekdag,begin,eind\n1A,zaterdag,08:30,09:20\n")

    with writes(ctx) as seen:
        problems = problems_of(ctx, folder)

    assert [p.split(":")[0] for p in problems] == [
        "rooster.csv, regel 2, kolom 'weekdag'",
        "absenties.csv, regel 490, kolom 'leerlingnummer'",
    ]
    # nothing was stored to roll back afterwards (the default codes aside)
    assert [s for s in seen if "registration_code" not in s] == []


def test_cancel_while_the_helper_reads_writes_nothing(
    forked_helper: None, ctx: Context, tmp_path: Path
) -> None:
    folder = school_folder(tmp_path)
    reports: list[str] = []

    def progress(_done: int, _total: int, what: str) -> None:
        reports.append(what)

    def cancel() -> bool:
        return "absenties.csv lezen en opslaan" in reports

    with pytest.raises(Cancelled):
        import_generic(ctx, folder, progress=progress, cancel=cancel)

    assert count(ctx, Student) == count(ctx, Registration) == count(ctx, AuditEntry) == 0
    assert no_helpers_left()


def _crash(*_args: Any) -> Iterator[Any]:
    raise ValueError("a bug in the reader")


def test_a_helper_that_fails_stops_the_import_with_its_traceback(
    forked_helper: None, ctx: Context, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(registration_source, "read_registrations", _crash)

    with pytest.raises(RuntimeError, match="a bug in the reader"):
        import_generic(ctx, school_folder(tmp_path))

    assert count(ctx, Student) == 0
    assert no_helpers_left()


def _die(*_args: Any) -> None:
    os._exit(3)


def test_a_helper_that_dies_stops_the_import(
    forked_helper: None, ctx: Context, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(registration_source, "_helper", _die)

    with pytest.raises(RuntimeError, match="ended early"):
        import_generic(ctx, school_folder(tmp_path))

    assert count(ctx, Student) == 0
    assert no_helpers_left()
