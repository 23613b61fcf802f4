"""Four workstations enter sick reports for the same 200 students at once (issue 13, part 4).

Each desk is a process of its own with its own connection, as four copies of the program would
be. Afterwards no student has two open reports, every report a desk was told it saved is there,
every refusal named who had reported first, and no desk saw any other error.
"""

from __future__ import annotations

from concurrent.futures import ProcessPoolExecutor
from datetime import date, datetime

from sqlalchemy import func, select

from tests.concurrency.desks import sick_desk
from tests.desk_helpers import make_school
from verzuimdesk.services.context import Context
from verzuimdesk.services.processes import context_for
from verzuimdesk.store.audit import AuditEntry
from verzuimdesk.store.desk import SickReport
from verzuimdesk.store.students import Student

DESKS = 4
CALLS = 500
STUDENTS = 200


def _students(ctx: Context) -> list[int]:
    make_school(ctx, students=False)
    with ctx.db.unit_of_work() as session:
        rows = [
            Student(
                leerlingnummer=f"{700000 + n}",
                roepnaam="Kim",
                achternaam=f"Proef{n}",
                geboortedatum=date(2009, 1, 1),
                klas="2A",
            )
            for n in range(STUDENTS)
        ]
        session.add_all(rows)
        session.flush()
        return [row.id for row in rows]


def test_four_desks_never_make_a_second_open_report(any_ctx: Context) -> None:
    ids = _students(any_ctx)
    url = any_ctx.db.url
    any_ctx.db.dispose()  # the desks open their own connections
    context = context_for(any_ctx.helpers)
    with context.Manager() as manager:
        start = manager.Event()
        with ProcessPoolExecutor(DESKS, mp_context=context) as pool:
            futures = [pool.submit(sick_desk, url, n, ids, CALLS, start) for n in range(DESKS)]
            start.set()
            tallies = [future.result(timeout=900) for future in futures]

    assert [t.errors for t in tallies] == [[]] * DESKS
    reported = [i for t in tallies for i in t.reported]
    ended = [i for t in tallies for i in t.ended]
    assert sum(len(t.reported) + t.refused + len(t.ended) + t.nothing_to_end for t in tallies) == (
        DESKS * CALLS
    )
    assert sum(t.refused for t in tallies) > 0  # the desks did get in each other's way
    with any_ctx.db.unit_of_work() as session:
        open_per_student = session.execute(
            select(SickReport.student_id, func.count())
            .where(SickReport.ended_at.is_(None))
            .group_by(SickReport.student_id)
            .having(func.count() > 1)
        ).all()
        assert open_per_student == []
        # nothing lost: every saved report is there, every beter-melding ended the one it named
        stored = dict(session.execute(select(SickReport.id, SickReport.ended_at)).all())
        assert sorted(stored) == sorted(reported)
        assert len(set(ended)) == len(ended)
        assert all(stored[i] == datetime(2025, 10, 1, 11, 0) for i in ended)
        assert sum(1 for v in stored.values() if v is not None) == len(ended)
        audited = session.scalar(select(func.count()).where(AuditEntry.action == "ziekmelding"))
        assert audited == len(reported)
