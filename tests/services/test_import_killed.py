"""kill -9 in the middle of an import: no helper process left behind, nothing of it stored."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from sqlalchemy import inspect

from tests.actors import TESTER
from verzuimdesk.services.context import Context
from verzuimdesk.services.importing.generic import import_generic
from verzuimdesk.store.database import open_database

from .test_import_generic import HEADER, copy_basic, dump, write

# the import in a process of its own: a helper reads absenties.csv, and storing is made slow,
# so the process can be killed while the helper is still at work
SCRIPT = textwrap.dedent(
    """
    import sys, time
    from verzuimdesk.services.importing import registration_source, registrations
    from verzuimdesk.services.importing import registration_writer
    from verzuimdesk.services.importing.generic import import_generic
    from verzuimdesk.services.context import Context
    from verzuimdesk.store.database import open_database
    from tests.actors import TESTER

    registration_source.HELPER_FROM_BYTES = 0
    registrations.STEP = 20
    registration_writer.BULK_ROWS = 5
    write = registration_writer.RegistrationWriter.write

    def slow_write(self, values):
        import multiprocessing
        pids = [p.pid for p in multiprocessing.active_children()]
        print("helper", *pids, flush=True)
        write(self, values)
        time.sleep(0.5)

    registration_writer.RegistrationWriter.write = slow_write
    read_chunks = registration_source.read_chunks

    def slow_read(*args):
        for message in read_chunks(*args):  # slow in a forked helper too (spawned: anew)
            time.sleep(3)
            yield message

    registration_source.read_chunks = slow_read
    ctx = Context(open_database(sys.argv[1]), actor=TESTER, helpers="{method}")
    import_generic(ctx, sys.argv[2])
    print("done", flush=True)
    """
)


def running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    # a zombie waiting for its (dead) parent's reaper has ended too
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii") as stat:
            return stat.read().split(") ", 1)[1][0] != "Z"
    except FileNotFoundError:
        return False


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="kill -9 and /proc: Linux")
@pytest.mark.parametrize("method", ["fork", "spawn"])
def test_kill_9_mid_import_leaves_no_helper_and_no_change(tmp_path: Path, method: str) -> None:
    database = tmp_path / "school.sqlite"
    folder = copy_basic(tmp_path)
    ctx = Context(open_database(database), actor=TESTER)
    import_generic(ctx, folder)
    before = dump(ctx)
    with ctx.db.engine.connect() as connection:
        indexes = sorted(str(i["name"]) for i in inspect(connection).get_indexes("registration"))
    assert len(indexes) == 4
    ctx.db.dispose()
    rows = [
        f"10000{n},2025-{m:02}-{d:02},08:30,09:20,,OA,,,,"
        for n in (1, 2, 3, 4)
        for m in (10, 11)
        for d in range(1, 29)
    ]
    write(folder, "absenties.csv", HEADER + "\n".join(rows) + "\n")
    root = Path(__file__).resolve().parents[2]
    process = subprocess.Popen(
        [sys.executable, "-c", SCRIPT.format(method=method), str(database), str(folder)],
        cwd=root,
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONPATH": str(root)},
    )
    assert process.stdout is not None
    helpers: list[int] = []
    for line in process.stdout:
        words = line.split()
        if words[0] == "helper" and len(words) > 1:
            helpers = [int(w) for w in words[1:]]
            break
    assert helpers, "the import never started a helper"

    process.send_signal(signal.SIGKILL)
    process.wait(timeout=10)

    deadline = time.monotonic() + 2  # a helper between two sends (3 s) is still there
    while any(map(running, helpers)) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not any(map(running, helpers))
    after = Context(open_database(database), actor=TESTER)
    assert dump(after) == before
    with after.db.engine.connect() as connection:
        found = inspect(connection).get_indexes("registration")
        assert sorted(str(i["name"]) for i in found) == indexes
    after.db.dispose()
