"""The letter queue, printing into one PDF and the archive, templates and letter settings."""

from __future__ import annotations

import hashlib
import json
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path

import pytest
from sqlalchemy import func, select

from tests.services.bellijst_school import add_student, make_school, register
from verzuimdesk.domain.letters import Letter
from verzuimdesk.domain.roles import Role
from verzuimdesk.errors import PermissionDenied, ValidationError
from verzuimdesk.services import letter_settings, letter_templates, letters
from verzuimdesk.services.context import Actor, Context
from verzuimdesk.store.letters import ArchivedLetter
from verzuimdesk.store.reporting import DuoReport
from verzuimdesk.store.students import Guardian, Student

DAY = date(2025, 9, 8)  # a Monday


def _address(ctx: Context, student_id: int, *, guardians: bool = True) -> None:
    with ctx.db.unit_of_work() as s:
        student = s.get(Student, student_id)
        assert student is not None
        student.straat, student.postcode, student.plaats = "Lindelaan 4", "3511AB", "Utrecht"
        if guardians:
            for g in s.scalars(select(Guardian).where(Guardian.student_id == student_id)):
                g.straat, g.postcode, g.plaats = "Lindelaan 4", "3511 AB", "Utrecht"


def _school_with_absence(ctx: Context) -> int:
    make_school(ctx)
    sid = add_student(ctx)
    _address(ctx, sid)
    register(ctx, sid, DAY)
    return sid


def test_due_letters_as_json(ctx: Context) -> None:
    sid = _school_with_absence(ctx)
    items = letters.letters_due(ctx, DAY)
    assert [i.student_id for i in items] == [sid]
    data = json.loads(letters.format_due_json(items))
    assert data == [
        {
            "student_id": items[0].leerlingnummer,
            "letter": "a",
            "variant": None,
            "event_date": "2025-09-08",
            "recipients": ["leerling", "ouders"],
        }
    ]


def test_print_archives_each_envelope_and_a_reprint_is_identical(
    ctx: Context, tmp_path: Path
) -> None:
    _school_with_absence(ctx)
    out = tmp_path / "brieven.pdf"
    result = letters.print_letters(ctx, DAY, out=out)
    assert out.read_bytes().startswith(b"%PDF") and result.envelopes == 2
    with ctx.db.unit_of_work() as s:
        rows = s.scalars(select(ArchivedLetter).order_by(ArchivedLetter.id)).all()
        assert [r.recipient_kind for r in rows] == ["leerling", "ouders"]
        assert {r.event_key for r in rows} == {"oa:2025-09-08"}
        assert all(r.template_key == "a" and r.template_version == 0 for r in rows)
        assert all(r.printed_by == ctx.user for r in rows)
        ids = [(r.id, r.fingerprint) for r in rows]
    for letter_id, fingerprint in ids:
        again = letters.reprint(ctx, letter_id)
        assert hashlib.sha256(again).hexdigest() == fingerprint
        assert letters.reprint(ctx, letter_id) == again
    # the event is answered: nothing is due any more
    assert letters.letters_due(ctx, DAY) == []


def test_preview_writes_the_pdf_but_archives_nothing(ctx: Context, tmp_path: Path) -> None:
    _school_with_absence(ctx)
    out = tmp_path / "proef.pdf"
    letters.print_letters(ctx, DAY, out=out, preview=True)
    assert out.exists()
    with ctx.db.unit_of_work() as s:
        assert s.scalar(select(func.count(ArchivedLetter.id))) == 0
    assert len(letters.letters_due(ctx, DAY)) == 1


def test_student_without_address_is_named_and_not_printed(ctx: Context, tmp_path: Path) -> None:
    make_school(ctx)
    good = add_student(ctx, roepnaam="Ada")
    _address(ctx, good)
    bad = add_student(ctx, roepnaam="Bo")
    for sid in (good, bad):
        register(ctx, sid, DAY)
    queue = letters.letters_due(ctx, DAY)
    problem = next(i for i in queue if i.student_id == bad)
    assert "geen volledig postadres" in problem.problems[0]
    result = letters.print_letters(ctx, DAY, out=tmp_path / "b.pdf")
    assert [i.student_id for i in result.skipped] == [bad]
    assert "Bo Jansen" in result.skipped_text()
    with ctx.db.unit_of_work() as s:
        assert set(s.scalars(select(ArchivedLetter.student_id))) == {good}
    # still in the queue, with its problem
    assert [i.student_id for i in letters.letters_due(ctx, DAY)] == [bad]


def test_a_cancelled_print_writes_nothing(ctx: Context, tmp_path: Path) -> None:
    _school_with_absence(ctx)
    out = tmp_path / "brieven.pdf"
    with pytest.raises(Exception, match="Afgebroken"):
        letters.print_letters(ctx, DAY, out=out, cancel=lambda: True)
    assert not out.exists() and not list(tmp_path.glob(".brieven-*"))
    with ctx.db.unit_of_work() as s:
        assert s.scalar(select(func.count(ArchivedLetter.id))) == 0


def test_melding_gives_letter_b_with_the_route_and_hours(ctx: Context) -> None:
    make_school(ctx)
    sid = add_student(ctx, born=date(2009, 1, 1))
    _address(ctx, sid)
    with ctx.db.unit_of_work() as s:
        s.add(
            DuoReport(
                student_id=sid,
                soort="16u",
                begindatum=date(2025, 9, 1),
                einddatum=date(2025, 9, 19),
                minutes=1000,
                gemeld_op=date(2025, 9, 22),
                source="import",
                created_at=datetime(2025, 9, 22),
            )
        )
    (item,) = letters.letters_due(ctx, date(2025, 9, 23))
    assert (item.letter, item.variant and item.variant.value) == (Letter.B, "leerplicht")
    result = letters.print_letters(ctx, date(2025, 9, 23), preview=True)
    assert result.envelopes == 2


def test_mentor_may_not_print_letters(ctx: Context) -> None:
    make_school(ctx)
    mentor = Context(ctx.db, actor=Actor("m", Role.MENTOR, klassen=frozenset({"1A"})))
    with pytest.raises(PermissionDenied):
        letters.letters_due(mentor, DAY)
    with pytest.raises(PermissionDenied):
        letter_templates.save_template(mentor, "a", "Betreft: x\n")


def test_letter_by_hand_invitation(ctx: Context, tmp_path: Path) -> None:
    sid = _school_with_absence(ctx)
    item = letters.letter_by_hand(
        ctx, sid, Letter.GESPREK, on=DAY, extra={"gesprek_moment": "dinsdag om 10.00 uur"}
    )
    result = letters.print_letters(ctx, DAY, items=[item], out=tmp_path / "g.pdf")
    assert result.envelopes == 2
    views = letters.archive(ctx, student_id=sid)
    assert {v.letter for v in views} == {"gesprek"}
    # a letter by hand does not answer the day's event: letter a is still due
    assert [i.letter for i in letters.letters_due(ctx, DAY)] == [Letter.A]


def test_archive_search(ctx: Context) -> None:
    _school_with_absence(ctx)
    letters.print_letters(ctx, DAY)
    assert len(letters.archive(ctx, "sem")) == 2
    assert letters.archive(ctx, "niemand") == []


# -- templates -------------------------------------------------------------------------------


@pytest.mark.parametrize("key", letter_templates.all_template_keys())
def test_every_shipped_template_is_valid_and_fills_for_every_recipient_and_variant(
    key: str,
) -> None:
    body = letter_templates.shipped_body(key)
    letter_templates.check_template(body, key)
    for aan in ("leerling", "ouders", "leerbedrijf"):
        for variant in ("leerplicht", "rmc", "niet-meldbaar", ""):
            values = {**letter_templates.demo_fields(), "aan": aan, "variant": variant}
            rendered = letter_templates.render_body(body, values)
            assert rendered.subject and rendered.blocks
            text = " ".join(t for _, t in rendered.blocks)
            assert "{{" not in text and "{%" not in text


def test_unknown_field_is_refused_with_line_and_field(ctx: Context) -> None:
    make_school(ctx)
    body = "Betreft: test\n\n{{ aanhef }},\n\nJe was op {{ datum_afwezig }} weg.\n"
    with pytest.raises(ValidationError) as caught:
        letter_templates.save_template(ctx, "a", body)
    assert "regel 5" in caught.value.message and "'datum_afwezig'" in caught.value.message
    assert caught.value.field == "datum_afwezig"


def test_syntax_error_is_refused_with_its_line(ctx: Context) -> None:
    make_school(ctx)
    body = "Betreft: test\n\n{% if aan == 'ouders' %}\nBeste ouders\n"
    with pytest.raises(ValidationError) as caught:
        letter_templates.save_template(ctx, "a", body)
    assert "regel" in caught.value.message


def test_templates_are_versioned_and_letters_name_their_version(
    ctx: Context, tmp_path: Path
) -> None:
    _school_with_absence(ctx)
    body = letter_templates.shipped_body("a").replace("Waarom deze brief?", "Waarom?")
    version, _ = letter_templates.save_template(ctx, "a", body)
    assert version == 1
    assert letter_templates.save_template(ctx, "a", body)[0] == 1  # unchanged: no new version
    assert [v.version for v in letter_templates.list_versions(ctx, "a")] == [0, 1]
    letters.print_letters(ctx, DAY, out=tmp_path / "x.pdf")
    assert {v.template for v in letters.archive(ctx)} == {"a v1"}


def test_the_sandbox_refuses_unsafe_templates(ctx: Context) -> None:
    make_school(ctx)
    body = "Betreft: x\n\n{{ aanhef.__class__.__mro__ }}\n"
    with pytest.raises(ValidationError):
        letter_templates.save_template(ctx, "a", body)


# -- settings --------------------------------------------------------------------------------


def test_logo_that_is_not_an_image_is_refused(ctx: Context, tmp_path: Path) -> None:
    make_school(ctx)
    fake = tmp_path / "logo.png"
    fake.write_text("geen plaatje")
    settings = letter_settings.get_letter_settings(ctx)
    with pytest.raises(ValidationError) as caught:
        letter_settings.save_letter_settings(ctx, settings, logo_file=fake)
    assert "logo.png" in caught.value.message and "geen afbeelding" in caught.value.message


def test_address_block_outside_the_page_is_refused(ctx: Context) -> None:
    make_school(ctx)
    settings = letter_settings.get_letter_settings(ctx)
    bad = replace(settings, block=replace(settings.block, left_mm=150))
    with pytest.raises(ValidationError) as caught:
        letter_settings.save_letter_settings(ctx, bad)
    assert "buiten de pagina" in caught.value.message


def test_settings_and_logo_reach_the_letter(ctx: Context, tmp_path: Path) -> None:
    _school_with_absence(ctx)
    logo = tmp_path / "logo.png"
    _png(logo)
    settings = replace(
        letter_settings.get_letter_settings(ctx),
        school_naam="ROC De Fictieve Horizon",
        ondertekenaar="A. de Boer",
        functie="verzuimcoördinator",
        onderzoek_brieven=("a",),
    )
    letter_settings.save_letter_settings(ctx, settings, logo_file=logo)
    (item,) = letters.letters_due(ctx, DAY)
    assert item.style == "onderzoek"
    letters.print_letters(ctx, DAY, out=tmp_path / "l.pdf")
    with ctx.db.unit_of_work() as s:
        row = s.scalars(select(ArchivedLetter)).first()
        assert row is not None and row.template_key == "a-onderzoek"
        content = json.loads(row.content)
        assert content["letterhead"]["logo_sha"] and content["signature"]["name"] == "A. de Boer"
        letter_id, fingerprint = row.id, row.fingerprint
    assert hashlib.sha256(letters.reprint(ctx, letter_id)).hexdigest() == fingerprint


def _png(path: Path) -> None:
    import struct
    import zlib

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data))
            + kind
            + data
            + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
        )

    raw = b"".join(b"\x00" + b"\x20\x60\xa0" * 8 for _ in range(4))
    path.write_bytes(
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", struct.pack(">IIBBBBB", 8, 4, 8, 2, 0, 0, 0))
        + chunk(b"IDAT", zlib.compress(raw))
        + chunk(b"IEND", b"")
    )


def test_print_and_reprint_on_postgresql_too(any_ctx: Context, tmp_path: Path) -> None:
    _school_with_absence(any_ctx)
    letters.print_letters(any_ctx, DAY, out=tmp_path / "pg.pdf")
    (first, *_rest) = letters.archive(any_ctx)
    assert hashlib.sha256(letters.reprint(any_ctx, first.id)).hexdigest() == first.fingerprint


def test_a_student_with_startkwalificatie_gets_b_from_the_signal_not_a_melding(
    ctx: Context,
) -> None:
    """Niet-meldbaar: no DUO report exists; the engine's R-16U signal is the first 'melding'."""
    make_school(ctx)
    sid = add_student(ctx, born=date(2005, 1, 1))
    _address(ctx, sid)
    with ctx.db.unit_of_work() as s:
        student = s.get(Student, sid)
        assert student is not None
        student.startkwalificatie = True
    # 20 lessons of 50 minutes over four days: 16 hours reached on Thursday 11 September
    for day in (8, 9, 10, 11):
        register(ctx, sid, date(2025, 9, day))
    items = letters.letters_due(ctx, date(2025, 9, 11))
    b = [i for i in items if i.letter is Letter.B]
    assert len(b) == 1 and b[0].variant is not None
    assert b[0].variant.value == "niet-meldbaar"
    assert b[0].event.key.startswith("signaal:R-16U:")
