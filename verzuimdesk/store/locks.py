"""Row locks that work the same on SQLite and PostgreSQL, for check-then-write use cases.

A use case that reads something and then writes on the strength of what it read (is the student
already sick? is the card still undecided?) must hold a lock from before the read until its
commit, or two workstations both see "not yet" and both write. PostgreSQL locks the one row
(SELECT … FOR UPDATE) so desks working on other students go on. SQLite has one writer at a time:
a do-nothing UPDATE makes pysqlite open the write transaction there and then (waiting up to the
busy timeout), and every read after it sees the newest committed data.
"""

from __future__ import annotations

from sqlalchemy import select, text, update
from sqlalchemy.orm import Session

from verzuimdesk.store.students import Student


def lock_student(session: Session, student_id: int) -> bool:
    """Hold the student's row until the unit of work ends; False if there is no such student.

    Every desk use case about one student takes this lock first, so writes about one student
    happen one after the other on every database (and a whole-school job that takes the same
    locks in id order cannot deadlock with them).
    """
    if session.get_bind().dialect.name == "sqlite":
        result = session.execute(
            update(Student).where(Student.id == student_id).values(id=Student.id),
            execution_options={"synchronize_session": False},
        )
        return bool(result.rowcount)  # type: ignore[attr-defined]
    found = session.execute(
        select(Student.id).where(Student.id == student_id).with_for_update()
    ).first()
    return found is not None


def lock_named(session: Session, name: str) -> None:
    """A lock on a name (e.g. "signalen") until the unit of work ends: PostgreSQL's transaction
    advisory lock, SQLite's write lock."""
    if session.get_bind().dialect.name == "sqlite":
        session.execute(text("UPDATE school SET id = id WHERE 0"))
        return
    session.execute(text("SELECT pg_advisory_xact_lock(hashtext(:name))"), {"name": name})
