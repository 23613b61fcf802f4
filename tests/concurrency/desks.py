"""What a desk does in the concurrency tests, run in a process of its own (importable by spawn)."""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from tests.actors import TESTER
from verzuimdesk.errors import NotFoundError
from verzuimdesk.services import sick_reports as desk
from verzuimdesk.services.context import Context
from verzuimdesk.store.database import open_database

NOW = datetime(2025, 10, 1, 12, 0)


@dataclass
class DeskTally:
    reported: list[int] = field(default_factory=list)  # ids of the reports this desk saved
    refused: int = 0  # "al ziek gemeld door …"
    ended: list[int] = field(default_factory=list)  # ids this desk's beter-meldingen closed
    nothing_to_end: int = 0
    errors: list[str] = field(default_factory=list)  # anything else: must stay empty


def sick_desk(url: str, desk_no: int, student_ids: list[int], calls: int, start: Any) -> DeskTally:
    """`calls` sick reports (and a beter-melding now and then) for the same students as the other
    desks, as fast as the database lets it."""
    database = open_database(url, upgrade=False)
    ctx = Context(database, actor=TESTER, clock=lambda: NOW)
    chance = random.Random(desk_no)
    tally = DeskTally()
    start.wait()
    try:
        for n in range(calls):
            student_id = chance.choice(student_ids)
            try:
                if n % 3 == 2:
                    result = desk.report_better(ctx, student_id, datetime(2025, 10, 1, 11, 0))
                    tally.ended.append(result.report.id)
                else:
                    result = desk.report_sick(
                        ctx,
                        student_id,
                        datetime(2025, 10, 1, 8, 5),
                        "ouder",
                        f"bureau {desk_no}",
                        "ziek",
                    )
                    tally.reported.append(result.report.id)
            except desk.AlreadySick as exc:
                assert "al ziek gemeld door" in exc.message
                tally.refused += 1
            except NotFoundError:
                tally.nothing_to_end += 1
            except Exception as exc:  # anything a desk would show as a failure
                tally.errors.append(f"{type(exc).__name__}: {exc}")
    finally:
        database.dispose()
    return tally
