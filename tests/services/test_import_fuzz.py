"""Broken files of every kind: never a traceback, never a change after a failed import."""

from __future__ import annotations

import shutil
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.actors import TESTER
from verzuimdesk.errors import VerzuimdeskError
from verzuimdesk.services.context import Context
from verzuimdesk.services.importing.generic import import_generic
from verzuimdesk.store.database import open_database

from .test_import_generic import BASIC, dump

FILES = sorted(p.name for p in BASIC.iterdir())
NASTY = [
    "\x00",
    '"',
    ";",
    ",",
    "\n",
    "\r",
    "NaN",
    "inf",
    "-1",
    "9999-12-31",
    "0000-00-00",
    "31-02-2025",
    "25:99",
    "x" * 300_000,
    "9" * 5000,
    "é",
    "\ufeff",
    "\udcff",
]


@st.composite
def broken(draw: st.DrawFn) -> tuple[str, bytes]:
    """One file of the basic folder, cut, with something put in or taken out."""
    name = draw(st.sampled_from(FILES))
    data = (BASIC / name).read_bytes()
    kind = draw(st.sampled_from(["cut", "insert", "delete", "bytes"]))
    at = draw(st.integers(0, len(data)))
    if kind == "cut":
        return name, data[:at]
    if kind == "delete":
        return name, data[:at] + data[at + draw(st.integers(1, 40)) :]
    if kind == "bytes":
        return name, data[:at] + draw(st.binary(min_size=1, max_size=20)) + data[at:]
    piece = draw(st.sampled_from(NASTY) | st.text(max_size=20))
    return name, data[:at] + piece.encode("utf-8", "surrogateescape") + data[at:]


@settings(max_examples=80, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(case=broken(), skip=st.booleans())
def test_a_broken_file_is_a_dutch_message_and_a_failure_changes_nothing(
    tmp_path: Path, case: tuple[str, bytes], skip: bool
) -> None:
    database = tmp_path / "fuzz.sqlite"
    folder = tmp_path / "map"
    if not database.exists():
        ctx = Context(open_database(database), actor=TESTER)
        import_generic(ctx, BASIC)  # a school with data, so a failure has something to lose
    else:
        ctx = Context(open_database(database), actor=TESTER)
    shutil.rmtree(folder, ignore_errors=True)
    shutil.copytree(BASIC, folder)
    name, data = case
    (folder / name).write_bytes(data)
    before = dump(ctx)
    try:
        import_generic(ctx, folder, skip_bad_rows=skip)
    except VerzuimdeskError as exc:
        assert exc.message and "Traceback" not in exc.message
        assert dump(ctx) == before
    finally:
        ctx.db.dispose()
