"""The command line never makes a database by accident (issue 13, part 5)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from verzuimdesk.cli import main

READING_VERBS = [
    ["signals", "--on", "2026-01-05"],
    ["export", "generic", "uit"],
    ["letters", "due", "--on", "2026-01-05"],
]


@pytest.mark.parametrize("verb", READING_VERBS, ids=lambda v: v[0])
def test_a_verb_that_reads_refuses_a_database_that_is_not_there(
    verb: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    typo = tmp_path / "verzuimdsek.sqlite"
    assert main(["--db", str(typo), *verb]) == 1
    err = capsys.readouterr().err
    assert "bestaat niet" in err and "Geen open signalen" not in err
    assert not typo.exists()


def test_a_verb_that_reads_refuses_an_empty_database(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    empty = tmp_path / "leeg.sqlite"
    empty.touch()
    assert main(["--db", str(empty), "signals", "--on", "2026-01-05"]) == 1
    assert "nog geen verzuimdesk-gegevens" in capsys.readouterr().err
    with sqlite3.connect(empty) as connection:  # not turned into a verzuimdesk database either
        assert connection.execute("SELECT name FROM sqlite_master").fetchall() == []


@pytest.mark.parametrize(
    "verb", [*READING_VERBS, ["demo", "--students", "2"], ["import", "generic", "in"]]
)
def test_every_verb_refuses_a_folder_that_does_not_exist(
    verb: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "schooll" / "verzuim.sqlite"
    assert main(["--db", str(missing), *verb]) == 1
    assert f"De map '{missing.parent}'" in capsys.readouterr().err
    assert not missing.parent.exists()


def test_demo_makes_a_new_database_and_says_so(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    new = tmp_path / "nieuw.sqlite"
    assert main(["--db", str(new), "demo", "--students", "3", "--until", "2025-09-12"]) == 0
    assert f"nieuwe database gemaakt: {new}" in capsys.readouterr().err
    assert main(["--db", str(new), "signals", "--on", "2025-09-12"]) == 0
    assert "nieuwe database" not in capsys.readouterr().err
