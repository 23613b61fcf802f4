"""One log for the GUI and the command line, without personal data."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path

import pytest

from verzuimdesk import cli, logging_setup
from verzuimdesk.logging_setup import redact, setup_logging
from verzuimdesk.services.processes import fork_if_available

from ..services.test_import_generic import copy_basic


@pytest.fixture(autouse=True)
def _no_handler_left() -> Iterator[None]:
    yield
    if logging_setup._handler is not None:
        logging.getLogger().removeHandler(logging_setup._handler)
        logging_setup._handler.close()
        logging_setup._handler = None


def log_text() -> str:
    logging_setup._handler.flush()  # type: ignore[union-attr]
    return logging_setup.log_path().read_text(encoding="utf-8")


def test_the_nightly_cli_run_is_logged_with_its_outcome(tmp_path: Path) -> None:
    db = str(tmp_path / "db.sqlite")

    assert cli.main(["--db", db, "import", "generic", str(copy_basic(tmp_path))]) == 0

    text = log_text()
    assert " cli[" in text
    assert "import gestart" in text
    assert "import klaar met code 0" in text


def test_a_failed_cli_run_is_logged_without_the_message(tmp_path: Path) -> None:
    folder = copy_basic(tmp_path)
    (folder / "absenties.csv").write_text(
        "leerlingnummer,datum,minuten,code\n100001,2025-13-01,50,OA\n", encoding="utf-8"
    )

    assert cli.main(["--db", str(tmp_path / "db.sqlite"), "import", "generic", str(folder)]) != 0

    text = log_text()
    assert "import gestopt: ImportProblems" in text
    assert "100001" not in text  # the row's student is in the message on stderr only


def test_no_personal_data_reaches_the_file() -> None:
    setup_logging("gui")
    log = logging.getLogger("verzuimdesk.test")
    log.warning("leerling 100001 (BSN 123456782), daan@example.org, tel. 06-11111111")
    try:
        raise ValueError("student 100002 onbekend, +31 6 1234 5678")
    except ValueError:
        log.exception("fout")

    text = log_text()
    for personal in ("100001", "123456782", "daan@example.org", "06-11111111", "100002", "5678"):
        assert personal not in text
    assert "leerling […] (BSN […])" in text
    assert " gui[" in text


def test_setting_up_twice_writes_each_line_once() -> None:
    setup_logging("cli")
    setup_logging("cli")
    logging.getLogger("verzuimdesk.test").info("een regel")

    assert log_text().count("een regel") == 1


def test_redact_keeps_counts_dates_and_times() -> None:
    line = "20000 leerlingen op 2026-12-03 om 08:30 in 3.8 s, 488 regels"
    assert redact(line) == line


def test_the_cli_lets_helpers_fork_where_it_can(tmp_path: Path) -> None:
    from verzuimdesk.cli.common import open_context

    ctx = open_context(str(tmp_path / "db.sqlite"), create=True)
    assert ctx.helpers == fork_if_available()
    ctx.db.dispose()
