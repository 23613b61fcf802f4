"""`verzuimdesk people …` and whom the command line acts as (`--as`, the OS account, bootstrap)."""

from __future__ import annotations

from pathlib import Path

import pytest

from verzuimdesk import cli
from verzuimdesk.services.context import os_account

PW = "beheerder wachtwoord"


@pytest.fixture
def db_args(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    monkeypatch.setenv("VERZUIMDESK_NEW_PASSWORD", PW)
    monkeypatch.delenv("VERZUIMDESK_PASSWORD", raising=False)
    monkeypatch.delenv("VERZUIMDESK_AS", raising=False)
    return ["--db", str(tmp_path / "db.sqlite")]


def _add_beheerder(db_args: list[str], *extra: str) -> int:
    add = ["people", "add", "--login", "bea", "--name", "Bea Heer", "--role", "beheerder"]
    return cli.main([*db_args, *add, *extra])


def test_the_first_person_must_be_the_beheerder(
    db_args: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    code = cli.main(
        [*db_args, "people", "add", "--login", "rita", "--name", "Rita", "--role", "receptie"]
    )
    assert code != 0 and "De eerste gebruiker is de beheerder" in capsys.readouterr().err
    assert _add_beheerder(db_args) == 0
    assert "toegevoegd als beheerder" in capsys.readouterr().out


def test_once_people_exist_an_unlinked_account_is_refused(
    db_args: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    assert _add_beheerder(db_args) == 0
    capsys.readouterr()
    assert cli.main([*db_args, "signals", "--on", "2025-10-01"]) != 0
    err = capsys.readouterr().err
    assert "niet gekoppeld aan een gebruiker" in err and "--as" in err


def test_as_a_person_with_the_password(
    db_args: list[str], capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    assert _add_beheerder(db_args) == 0
    monkeypatch.setenv("VERZUIMDESK_PASSWORD", PW)
    monkeypatch.setenv("VERZUIMDESK_NEW_PASSWORD", "balie wachtwoord")
    add = ["people", "add", "--login", "rita", "--name", "Rita", "--role", "receptie"]
    assert cli.main([*db_args, "--as", "bea", *add]) == 0
    capsys.readouterr()
    assert cli.main([*db_args, "--as", "bea", "people", "list"]) == 0
    listed = capsys.readouterr().out
    assert "rita\tRita\treceptie\tactief" in listed
    monkeypatch.setenv("VERZUIMDESK_PASSWORD", "balie wachtwoord")
    assert cli.main([*db_args, "--as", "rita", "people", "list"]) != 0
    assert "U mag geen gebruikers en rollen beheren" in capsys.readouterr().err
    monkeypatch.setenv("VERZUIMDESK_PASSWORD", "fout")
    assert cli.main([*db_args, "--as", "bea", "people", "list"]) != 0
    assert "onjuist wachtwoord" in capsys.readouterr().err


def test_the_linked_os_account_acts_without_a_password(
    db_args: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    assert _add_beheerder(db_args, "--account", os_account(), "--no-password") == 0
    assert cli.main([*db_args, "people", "deactivate", "bea"]) != 0
    assert "enige actieve beheerder" in capsys.readouterr().err
    assert cli.main([*db_args, "people", "list"]) == 0
    assert "Bea Heer" in capsys.readouterr().out
