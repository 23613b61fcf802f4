"""Privacy by default: private folders and files; logs and crash reports without personal data."""

from __future__ import annotations

import logging
import os
import stat
import sys
from datetime import date, datetime
from pathlib import Path

import pytest
from sqlalchemy import exc

from tests.actors import TESTER
from verzuimdesk import paths
from verzuimdesk.privacy import ScrubFilter, install_log_scrubbing, scrub
from verzuimdesk.services.context import Context
from verzuimdesk.store.database import Database, backup_sqlite, open_database
from verzuimdesk.store.students import Student

posix_only = pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")

PERSONAL = ("Depressie", "Jansen", "0612345678", "999001")


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@posix_only
def test_data_log_and_backup_folders_are_private(tmp_path: Path) -> None:
    # an existing folder that others could read is made private too
    (tmp_path / "home" / "data").mkdir(parents=True)
    os.chmod(tmp_path / "home" / "data", 0o755)
    assert mode(paths.data_dir()) == 0o700
    assert mode(paths.log_dir()) == 0o700
    assert mode(paths.backup_dir()) == 0o700


@posix_only
def test_the_database_and_its_backup_are_private(tmp_path: Path) -> None:
    old = os.umask(0o022)  # as a careless login shell would have it
    try:
        database = open_database(paths.default_database_path())
        backup = backup_sqlite(database.engine, "test")
    finally:
        os.umask(old)
    assert mode(paths.default_database_path()) == 0o600
    for sidecar in paths.data_dir().glob("verzuimdesk.sqlite-*"):
        assert mode(sidecar) == 0o600, sidecar
    assert backup is not None and mode(backup) == 0o600
    database.dispose()


def _student(number: str, achternaam: str, roepnaam: str) -> Student:
    return Student(
        leerlingnummer=number,
        roepnaam=roepnaam,
        achternaam=achternaam,
        geboortedatum=date(2009, 1, 1),
        klas="2A",
    )


def _provoke_duplicate(db: Database) -> exc.DBAPIError:
    with db.unit_of_work() as session:
        session.add(_student("999001", "Jansen", "Depressie"))
    with pytest.raises(exc.DBAPIError) as failed, db.unit_of_work() as session:
        student = _student("999001", "Jansen", "Depressie")
        student.telefoon = "0612345678"
        session.add(student)
    return failed.value


def test_a_database_error_does_not_carry_the_values(any_db: Database) -> None:
    error = _provoke_duplicate(any_db)
    # SQLAlchemy's own message leaves the parameters out (hide_parameters=True) …
    assert "parameters hidden" in str(error)
    # … and what the driver adds about the values (PostgreSQL's DETAIL) is scrubbed for the log
    shown = scrub(str(error))
    assert not any(value in shown for value in PERSONAL), shown


def test_provoked_errors_leave_no_personal_data_in_the_log(
    any_db: Database, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    install_log_scrubbing()
    log_file = tmp_path / "test.log"
    handler = logging.FileHandler(log_file, encoding="utf-8")
    handler.addFilter(ScrubFilter())
    logger = logging.getLogger("verzuimdesk.test")
    logger.addHandler(handler)
    try:
        error = _provoke_duplicate(any_db)
        try:
            raise error
        except exc.DBAPIError:
            logger.exception("opslaan mislukt")
        try:
            raise ValueError("onbekende reden 'Depressie' bij 'Jansen'")
        except ValueError:
            logger.error("fout", exc_info=True)
        logger.warning("naam=%r", "Jansen")  # a quoted value
    finally:
        logger.removeHandler(handler)
        handler.close()
    written = log_file.read_text(encoding="utf-8")
    assert "Traceback" in written and "IntegrityError" in written
    assert "'Depressie'" not in written and "'Jansen'" not in written
    for value in ("0612345678", "999001", "Depressie"):
        assert value not in written


def test_a_crash_report_leaves_out_the_values(any_db: Database) -> None:
    pytest.importorskip("PySide6")
    from verzuimdesk.ui.crash import details_text

    error = _provoke_duplicate(any_db)
    report = details_text(type(error), error, error.__traceback__)
    assert "IntegrityError" in report
    assert not any(value in report for value in PERSONAL), report


@pytest.mark.pg
def test_nul_bytes_and_overlong_text_on_postgresql_do_not_show_the_text(any_db: Database) -> None:
    if any_db.is_sqlite:
        pytest.skip("only PostgreSQL refuses these")
    for bad in ("Depressie\x00Jansen", "Depressie Jansen " * 20):
        with pytest.raises((exc.DBAPIError, ValueError)) as failed, any_db.unit_of_work() as s:
            s.add(_student("999002", bad, "x"))
        assert "Depressie" not in scrub(str(failed.value))


def test_the_audit_trail_names_the_logged_in_person(ctx: Context) -> None:
    from verzuimdesk.services import audit
    from verzuimdesk.store.audit import AuditEntry

    with ctx.db.unit_of_work() as session:
        audit.record(session, ctx, "x", "student", 1)
    with ctx.db.unit_of_work() as session:
        assert session.query(AuditEntry).one().user == TESTER.name
    assert datetime.now() and sys.platform
