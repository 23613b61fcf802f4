"""`verzuimdesk backup`: make, list and restore from the command line; refusals in Dutch."""

from __future__ import annotations

from pathlib import Path

import pytest

from verzuimdesk.cli import main
from verzuimdesk.services.context import Context
from verzuimdesk.store.school import Setting


def test_make_list_and_restore(ctx: Context, capsys: pytest.CaptureFixture[str]) -> None:
    database = str(ctx.db.engine.url.database)
    with ctx.db.unit_of_work() as session:
        session.add(Setting(key="proef", value='"voor"'))
    assert main(["--db", database, "backup", "--reason", "voor import"]) == 0
    made = Path(capsys.readouterr().out.strip())
    assert made.exists() and "voor-import" in made.name
    with ctx.db.unit_of_work() as session:
        row = session.get(Setting, "proef")
        assert row is not None
        row.value = '"na"'
    assert main(["--db", database, "backup", "--list"]) == 0
    assert made.name in capsys.readouterr().out
    assert main(["--db", database, "backup", "--restore", str(made)]) == 0
    assert "bewaard als" in capsys.readouterr().out
    ctx.db.engine.dispose()
    with ctx.db.unit_of_work() as session:
        row = session.get(Setting, "proef")
        assert row is not None and row.value == '"voor"'


def test_a_wrong_file_is_refused_in_dutch(
    ctx: Context, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    wrong = tmp_path / "geen.sqlite"
    wrong.write_text("dit is geen database")
    database = str(ctx.db.engine.url.database)
    assert main(["--db", database, "backup", "--restore", str(wrong)]) != 0
    assert "geen verzuimdesk-back-up" in capsys.readouterr().err
