"""Shared fixtures: a fresh database per test, on SQLite always and on PostgreSQL when asked.

Set VERZUIMDESK_TEST_PG to a SQLAlchemy URL (postgresql+psycopg://…) to run the `any_db` tests
against a real PostgreSQL server too; .ci/run does.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest
from hypothesis import settings
from sqlalchemy import create_engine, text

from tests.actors import TESTER
from verzuimdesk.services.context import Context
from verzuimdesk.store.database import Database, open_database

PG_URL = os.environ.get("VERZUIMDESK_TEST_PG")

# tests must never touch the user's real data folder
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

# the machines running the tests are small and shared: a slow example says nothing about the code
settings.register_profile("verzuimdesk", deadline=None)
settings.load_profile("verzuimdesk")


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("VERZUIMDESK_HOME", str(tmp_path / "home"))


def _reset_postgres(url: str) -> None:
    engine = create_engine(url)
    with engine.begin() as connection:
        connection.execute(text("DROP SCHEMA public CASCADE"))
        connection.execute(text("CREATE SCHEMA public"))
    engine.dispose()


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Database]:
    """A fresh, migrated SQLite database."""
    database = open_database(tmp_path / "test.sqlite")
    yield database
    database.dispose()


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.pg)])
def any_db(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Database]:
    """A fresh, migrated database on SQLite and, when configured, on PostgreSQL."""
    if request.param == "sqlite":
        database = open_database(tmp_path / "test.sqlite")
    else:
        if not PG_URL:
            pytest.skip("VERZUIMDESK_TEST_PG is not set")
        _reset_postgres(PG_URL)
        database = open_database(PG_URL)
    yield database
    database.dispose()


FIXED_NOW = datetime(2025, 10, 1, 9, 0)


@pytest.fixture
def ctx(db: Database) -> Context:
    return Context(db, actor=TESTER, clock=lambda: FIXED_NOW)


@pytest.fixture
def any_ctx(any_db: Database) -> Context:
    return Context(any_db, actor=TESTER, clock=lambda: FIXED_NOW)
