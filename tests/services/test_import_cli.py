"""`verzuimdesk import generic FOLDER` and `export generic FOLDER` on the command line."""

from __future__ import annotations

from pathlib import Path

import pytest

from verzuimdesk import cli

from .test_import_generic import copy_basic


def test_import_of_a_missing_folder_fails_in_dutch(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = cli.main(["--db", str(tmp_path / "db.sqlite"), "import", "generic", str(tmp_path / "x")])

    assert code != 0
    assert "bestaat niet of is geen map" in capsys.readouterr().err


def test_import_without_leerlingen_fails_in_dutch(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "map").mkdir()

    code = cli.main(
        ["--db", str(tmp_path / "db.sqlite"), "import", "generic", str(tmp_path / "map")]
    )

    assert code != 0
    assert "geen leerlingen.csv" in capsys.readouterr().err


def test_import_with_bad_rows_lists_them_and_fails(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = copy_basic(tmp_path)
    (folder / "absenties.csv").write_text(
        "leerlingnummer,datum,minuten,code\n100001,2025-13-01,50,OA\n", encoding="utf-8"
    )

    code = cli.main(["--db", str(tmp_path / "db.sqlite"), "import", "generic", str(folder)])

    assert code != 0
    err = capsys.readouterr().err
    assert "Er is niets opgeslagen" in err
    assert "absenties.csv, regel 2, kolom 'datum'" in err


def test_import_and_export_succeed(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = str(tmp_path / "db.sqlite")

    assert cli.main(["--db", db, "import", "generic", str(copy_basic(tmp_path))]) == 0
    out = capsys.readouterr().out
    assert "leerlingen.csv: 4 toegevoegd" in out
    assert cli.main(["--db", db, "export", "generic", str(tmp_path / "uit")]) == 0
    assert "absenties.csv: 8 regels" in capsys.readouterr().out
    assert (tmp_path / "uit" / "meldingen.csv").exists()


def test_skip_bad_rows_on_the_command_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = copy_basic(tmp_path)
    with (folder / "absenties.csv").open("a", encoding="utf-8") as handle:
        handle.write("100001,2025-09-04,08:30,09:20,,XX,,,,\n")

    code = cli.main(
        ["--db", str(tmp_path / "db.sqlite"), "import", "generic", str(folder), "--skip-bad-rows"]
    )

    assert code == 0
    assert "Overgeslagen regels (1):" in capsys.readouterr().out


def test_removals_stop_unless_allowed_on_the_command_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(tmp_path / "db.sqlite")
    folder = copy_basic(tmp_path)
    assert cli.main(["--db", db, "import", "generic", str(folder)]) == 0
    (folder / "ouders.csv").write_text("leerlingnummer,naam\n", encoding="utf-8")
    capsys.readouterr()

    assert cli.main(["--db", db, "import", "generic", str(folder)]) != 0
    assert "ouders.csv zou 4 van de 4" in capsys.readouterr().err
    assert cli.main(["--db", db, "import", "generic", str(folder), "--dry-run"]) != 0
    capsys.readouterr()
    args = ["--db", db, "import", "generic", str(folder), "--allow-removals", "--dry-run"]
    assert cli.main(args) == 0
    out = capsys.readouterr().out
    assert out.startswith("Proefimport uit") and "4 verwijderd" in out
    assert cli.main(args[:-1]) == 0
    assert "ouders.csv: 0 toegevoegd, 0 gewijzigd, 0 ongewijzigd, 0 overgeslagen, 4 verwijderd" in (
        capsys.readouterr().out
    )


def test_an_import_that_writes_makes_a_backup_first_and_a_dry_run_none(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from verzuimdesk import paths

    db = str(tmp_path / "db.sqlite")
    folder = copy_basic(tmp_path)
    assert cli.main(["--db", db, "import", "generic", str(folder), "--dry-run"]) == 0
    assert not list(paths.backup_dir().glob("*voor-import*"))
    assert cli.main(["--db", db, "import", "generic", str(folder)]) == 0
    assert "Back-up gemaakt:" in capsys.readouterr().err
    assert len(list(paths.backup_dir().glob("*voor-import*"))) == 1
