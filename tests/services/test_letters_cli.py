"""`verzuimdesk letters due` and `letters print` on the command line (the shapes scripts use)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import func, select

from tests.actors import TESTER
from tests.services.bellijst_school import add_student, make_school, register
from tests.services.test_letters import DAY, _address
from verzuimdesk import cli
from verzuimdesk.services.context import Context
from verzuimdesk.store.database import open_database
from verzuimdesk.store.letters import ArchivedLetter


@pytest.fixture
def school(tmp_path: Path) -> tuple[str, dict[str, str]]:
    path = tmp_path / "school.sqlite"
    db = open_database(path)
    ctx = Context(db, actor=TESTER)
    make_school(ctx)
    numbers = {}
    for name in ("Ada", "Bo"):
        sid = add_student(ctx, roepnaam=name, born=DAY.replace(year=2009))
        if name == "Ada":
            _address(ctx, sid)
        register(ctx, sid, DAY)
        with db.unit_of_work() as s:
            from verzuimdesk.store.students import Student

            numbers[name] = s.get(Student, sid).leerlingnummer  # type: ignore[union-attr]
    db.dispose()
    return str(path), numbers


def _archived(path: str) -> int:
    db = open_database(path)
    try:
        with db.unit_of_work() as s:
            return s.scalar(select(func.count(ArchivedLetter.id))) or 0
    finally:
        db.dispose()


def test_letters_due_json(
    school: tuple[str, dict[str, str]], capsys: pytest.CaptureFixture[str]
) -> None:
    path, numbers = school
    assert cli.main(["--db", path, "letters", "due", "--on", DAY.isoformat(), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data == [
        {
            "student_id": numbers[name],
            "letter": "a",
            "variant": None,
            "event_date": "2025-09-08",
            "recipients": ["leerling", "ouders"],
        }
        for name in ("Ada", "Bo")
    ]


def test_letters_print_archives_and_names_what_it_left_out(
    school: tuple[str, dict[str, str]], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path, numbers = school
    out = tmp_path / "brieven.pdf"
    code = cli.main(["--db", path, "letters", "print", "--on", "2025-09-08", "--out", str(out)])
    captured = capsys.readouterr()
    assert code == 0 and out.read_bytes().startswith(b"%PDF")
    assert "Niet geprint: brief a voor Bo Jansen" in captured.err
    assert "geen volledig postadres" in captured.err
    assert _archived(path) == 2  # Ada: student and parents
    cli.main(["--db", path, "letters", "due", "--on", "2025-09-08", "--json"])
    left = json.loads(capsys.readouterr().out)
    assert [d["student_id"] for d in left] == [numbers["Bo"]]


def test_letters_print_preview_and_one_student(
    school: tuple[str, dict[str, str]], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path, numbers = school
    out = tmp_path / "proef.pdf"
    code = cli.main(
        [
            "--db",
            path,
            "letters",
            "print",
            "--on",
            "2025-09-08",
            "--out",
            str(out),
            "--student",
            numbers["Ada"],
            "--preview",
        ]
    )
    assert code == 0 and out.exists()
    assert "proefdruk" in capsys.readouterr().out
    assert _archived(path) == 0


def test_letters_print_unknown_student_fails_in_dutch_and_writes_nothing(
    school: tuple[str, dict[str, str]], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path, _ = school
    out = tmp_path / "x.pdf"
    code = cli.main(
        [
            "--db",
            path,
            "letters",
            "print",
            "--on",
            "2025-09-08",
            "--out",
            str(out),
            "--student",
            "0",
        ]
    )
    assert code == 1 and not out.exists()
    assert "geen leerling met leerlingnummer 0" in capsys.readouterr().err
    assert _archived(path) == 0


def test_letters_bad_date_is_a_usage_error(
    school: tuple[str, dict[str, str]], capsys: pytest.CaptureFixture[str]
) -> None:
    path, _ = school
    with pytest.raises(SystemExit) as caught:
        cli.main(["--db", path, "letters", "due", "--on", "8-9-2025"])
    assert caught.value.code == 2
    assert "geen datum" in capsys.readouterr().err
