"""Logging calls (committed at once), R-OUDERS on the call itself, and R-ZIEK-6."""

import json
from datetime import date

import pytest
from sqlalchemy import select

from tests.services.bellijst_school import LIST_DAY, add_student, make_school, register
from verzuimdesk.errors import ValidationError
from verzuimdesk.services.calls import log_call, reregister_sick_as_oa
from verzuimdesk.services.context import Context
from verzuimdesk.store.audit import AuditEntry
from verzuimdesk.store.followup import Call
from verzuimdesk.store.registrations import Registration
from verzuimdesk.store.students import Guardian


def test_a_call_is_committed_at_once(ctx: Context) -> None:
    make_school(ctx)
    sid = add_student(ctx)
    logged = log_call(ctx, sid, LIST_DAY, "bereikt", "leerling", note=" beter morgen ")
    assert logged.changes.calls and logged.changes.student_ids == {sid}
    with ctx.db.sessions() as session:  # a fresh session sees it: it was committed
        call = session.get(Call, logged.call_id)
        assert call is not None
        assert (call.outcome, call.note, call.with_whom) == (
            "bereikt",
            "beter morgen",
            "leerling: Sem Jansen",
        )
        assert session.scalar(select(AuditEntry.action).where(AuditEntry.entity == "call")) == (
            "gesprek.gebeld"
        )


def test_a_withheld_parent_cannot_be_logged(ctx: Context) -> None:
    make_school(ctx, inform_18plus=False)
    sid = add_student(ctx, born=date(2004, 4, 4))
    with ctx.db.sessions() as session:
        gid = session.scalar(select(Guardian.id).where(Guardian.student_id == sid))
    with pytest.raises(ValidationError, match="R-OUDERS"):
        log_call(ctx, sid, LIST_DAY, "bereikt", f"ouder:{gid}")


def test_bad_input_is_refused(ctx: Context) -> None:
    make_school(ctx)
    sid = add_student(ctx)
    with pytest.raises(ValidationError):
        log_call(ctx, sid, LIST_DAY, "misschien", "leerling")
    with pytest.raises(ValidationError):
        log_call(ctx, sid, LIST_DAY, "bereikt", "leerling", follow_up_on=date(2025, 9, 1))
    with pytest.raises(ValidationError):
        log_call(ctx, sid, LIST_DAY, "bereikt", "buurman")


def test_ziek6_offered_after_two_unreached_calls_and_applied_with_audit(ctx: Context) -> None:
    make_school(ctx)
    sid = add_student(ctx)
    register(ctx, sid, LIST_DAY, code="Z", lessons=range(3))
    assert log_call(ctx, sid, LIST_DAY, "niet-bereikt", "leerling").ziek6 is None
    with pytest.raises(ValidationError):
        reregister_sick_as_oa(ctx, sid, LIST_DAY, "niet bereikbaar")
    offer = log_call(ctx, sid, LIST_DAY, "voicemail", "ouder:1").ziek6
    assert offer is not None and offer.registrations == 3 and offer.minutes == 150

    with pytest.raises(ValidationError):
        reregister_sick_as_oa(ctx, sid, LIST_DAY, "  ")
    changes = reregister_sick_as_oa(ctx, sid, LIST_DAY, "twee keer gebeld, geen gehoor")
    assert changes.registrations
    with ctx.db.sessions() as session:
        rows = session.scalars(select(Registration).where(Registration.student_id == sid)).all()
        assert {(r.code, r.source) for r in rows} == {("OA", "correctie")}
        assert all("geen gehoor" in (r.reason or "") for r in rows)
        audits = session.scalars(
            select(AuditEntry).where(AuditEntry.action == "registratie.ziek-naar-oa")
        ).all()
        assert len(audits) == 3
        assert json.loads(audits[0].before)["code"] == "Z"
        assert json.loads(audits[0].after)["code"] == "OA"


def test_no_ziek6_when_someone_was_reached(ctx: Context) -> None:
    make_school(ctx)
    sid = add_student(ctx)
    register(ctx, sid, LIST_DAY, code="Z", lessons=range(1))
    log_call(ctx, sid, LIST_DAY, "niet-bereikt", "leerling")
    log_call(ctx, sid, LIST_DAY, "bereikt", "ouder:1")
    assert log_call(ctx, sid, LIST_DAY, "niet-bereikt", "leerling").ziek6 is None
