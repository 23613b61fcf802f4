"""The dossier: header with R-OUDERS and R-ROUTE, weekly hours, patterns and one timeline."""

from datetime import date

import pytest

from tests.services.bellijst_school import (
    LIST_DAY,
    add_signal,
    add_student,
    make_school,
    register,
    report_sick,
)
from verzuimdesk.errors import NotFoundError, ValidationError
from verzuimdesk.services.calls import log_call
from verzuimdesk.services.context import Context
from verzuimdesk.services.conversations import (
    add_note,
    close_conversation,
    conversations_of,
    record_conversation,
)
from verzuimdesk.services.dossier import ONGEOORLOOFD, ZIEK, load_dossier


def test_a_student_without_absence_opens(ctx: Context) -> None:
    make_school(ctx)
    sid = add_student(ctx)
    dossier = load_dossier(ctx, sid)
    assert dossier.header.name == "Sem Jansen" and dossier.header.age == 15
    assert dossier.header.route == "leerplicht"
    assert dossier.timeline == () and dossier.subjects == () and dossier.open_signals == ()
    assert dossier.weeks and all(w.rolling_oa == 0 for w in dossier.weeks)
    assert dossier.heat.slots[0] == "1e 08:30"


def test_unknown_student(ctx: Context) -> None:
    make_school(ctx)
    with pytest.raises(NotFoundError):
        load_dossier(ctx, 999)


def test_hours_patterns_and_timeline(ctx: Context) -> None:
    make_school(ctx)
    sid = add_student(ctx)
    # every Friday the last two lessons (GS, LO) OA; one sick Monday
    for friday in (date(2025, 9, 5), date(2025, 9, 12), date(2025, 9, 19), date(2025, 9, 26)):
        register(ctx, sid, friday, lessons=range(4, 6))
    register(ctx, sid, date(2025, 9, 29), code="Z")
    report_sick(ctx, sid, date(2025, 9, 29))
    add_signal(ctx, sid, date(2025, 9, 26), rule="R-ZIEK-PATROON")
    log_call(ctx, sid, LIST_DAY, "bereikt", "leerling", note="komt morgen")
    record_conversation(ctx, sid, date(2025, 9, 30), "mentor, moeder", "vrijdag op tijd")
    add_note(ctx, sid, "niet pluis: broertje ook vaak afwezig", kind="niet pluis")

    dossier = load_dossier(ctx, sid)
    assert dossier.total_minutes[ONGEOORLOOFD] == 8 * 50
    assert dossier.total_minutes[ZIEK] == 6 * 50
    rolling = {w.monday: w.rolling_oa for w in dossier.weeks}
    assert rolling[date(2025, 9, 22)] == 8 * 50  # four weeks of 100 minutes
    assert rolling[date(2025, 9, 29)] == 6 * 50  # the first Friday left the window
    assert dossier.heat.minutes(4, 4, (ONGEOORLOOFD,)) == 4 * 50  # Friday, 5th lesson
    assert dossier.heat.minutes(0, 0, (ZIEK,)) == 50
    top = dossier.subjects[0]
    assert top.name == "GS" and top.minutes[ONGEOORLOOFD] == 200 and top.total == 250
    assert [s.rule for s in dossier.open_signals] == ["R-ZIEK-PATROON"]
    kinds = [e.kind for e in dossier.timeline]
    for kind in (
        "registraties",
        "gebeld",
        "signaal",
        "ziekmelding",
        "niet pluis",
        "verzuimgesprek",
    ):
        assert kind in kinds
    assert dossier.timeline == tuple(sorted(dossier.timeline, key=lambda e: e.at, reverse=True))
    assert kinds.count("registraties") == 5  # one row per day
    assert dossier.conversations[0].agreements == "vrijdag op tijd"


def test_adult_without_consent_shows_no_parent(ctx: Context) -> None:
    make_school(ctx, inform_18plus=False)
    sid = add_student(ctx, born=date(2004, 2, 2), achternaam="Groot")
    header = load_dossier(ctx, sid).header
    assert [c.key for c in header.contacts] == ["leerling"] and header.parents_withheld
    assert "Ouder1" not in repr(header)
    assert header.route == "RMC" and "Utrecht" in header.route_explanation
    assert not header.consent.parents_allowed


def test_conversation_rules_and_closing(ctx: Context) -> None:
    make_school(ctx)
    sid = add_student(ctx)
    held = date(2025, 9, 24)
    with pytest.raises(ValidationError, match="uiterlijk 6 weken"):
        record_conversation(ctx, sid, held, "mentor", "op tijd", evaluate_on=date(2025, 11, 6))
    with pytest.raises(ValidationError):
        record_conversation(ctx, sid, held, " ", "op tijd")
    with pytest.raises(ValidationError):
        record_conversation(
            ctx, sid, held, "mentor", "op tijd", {"Wat is je lievelingskleur?": "x"}
        )
    conversation_id, changes = record_conversation(
        ctx, sid, held, "mentor", "op tijd", {"Wat heb je nodig?": "rust"}
    )
    assert changes.conversations
    close_conversation(ctx, conversation_id, date(2025, 10, 1), "gaat goed")
    with ctx.db.sessions() as session:
        info = conversations_of(session, sid)[0]
    assert info.closed_on == date(2025, 10, 1) and info.next_check_on is None
    assert info.answers == {"Wat heb je nodig?": "rust"} and info.evaluation == "gaat goed"


def test_notes_must_have_text(ctx: Context) -> None:
    make_school(ctx)
    sid = add_student(ctx)
    with pytest.raises(ValidationError):
        add_note(ctx, sid, "   ")
    with pytest.raises(ValidationError):
        add_note(ctx, sid, "tekst", kind="roddel")
