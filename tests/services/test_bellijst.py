"""The bellijst service: reasons from the data, urgency order, progress and R-OUDERS."""

from datetime import date

from tests.services.bellijst_school import (
    LIST_DAY,
    PREVIOUS_DAY,
    add_signal,
    add_student,
    guardian_phones,
    make_school,
    register,
    report_sick,
)
from verzuimdesk.domain.bellijst import ReasonKind
from verzuimdesk.services.bellijst import Bellijst, BellijstFilter, build_bellijst, load_contacts
from verzuimdesk.services.calls import log_call
from verzuimdesk.services.context import Context
from verzuimdesk.services.conversations import record_conversation


def kinds_of(ctx: Context, student_id: int, on: date = LIST_DAY) -> list[ReasonKind]:
    entry = next(e for e in build_bellijst(ctx, on).entries if e.student_id == student_id)
    return [r.kind for r in entry.reasons]


def test_empty_school_gives_an_empty_list(ctx: Context) -> None:
    make_school(ctx)
    result = build_bellijst(ctx)
    assert result.entries == () and result.progress_text == "0 van 0 gebeld"
    assert result.on == LIST_DAY and result.is_lesdag


def test_no_school_at_all_still_opens(ctx: Context) -> None:
    make_school(ctx)
    assert build_bellijst(ctx, date(2025, 10, 4)).is_lesdag is False  # a Saturday


def test_reasons_from_the_data(ctx: Context) -> None:
    make_school(ctx)
    first = add_student(ctx, achternaam="Eerste")
    again = add_student(ctx, achternaam="Weer")
    sick = add_student(ctx, achternaam="Ziek")
    sick_lvs = add_student(ctx, achternaam="Ziekgeregistreerd")
    signalled = add_student(ctx, achternaam="Signaal")
    present = add_student(ctx, achternaam="Aanwezig")
    register(ctx, first, LIST_DAY, lessons=range(2))
    register(ctx, again, PREVIOUS_DAY, lessons=range(1))
    register(ctx, again, LIST_DAY, lessons=range(1))
    report_sick(ctx, sick, date(2025, 9, 29))
    register(ctx, sick_lvs, LIST_DAY, code="Z")
    add_signal(ctx, signalled, date(2025, 9, 26))
    register(ctx, present, LIST_DAY, code="TL", lessons=range(1))

    result = build_bellijst(ctx)
    ids = [e.student_id for e in result.entries]
    assert present not in ids
    assert kinds_of(ctx, first) == [ReasonKind.EERSTE_DAG]
    assert kinds_of(ctx, again) == [ReasonKind.ONGEOORLOOFD]
    assert kinds_of(ctx, sick) == [ReasonKind.ZIEK]
    assert kinds_of(ctx, sick_lvs) == [ReasonKind.ZIEK]
    assert kinds_of(ctx, signalled) == [ReasonKind.SIGNAAL]
    assert ids[0] == signalled
    entry = result.entries[ids.index(first)]
    assert entry.oa_minutes_today == 100 and entry.klas == "1A"


def test_close_to_16_hours_over_the_four_lesweken(ctx: Context) -> None:
    make_school(ctx)
    sid = add_student(ctx)
    # three whole days of 6 × 50 minutes: 15 hours, at least 12 of the 16
    for day in (date(2025, 9, 15), date(2025, 9, 16), date(2025, 9, 17)):
        register(ctx, sid, day)
    assert kinds_of(ctx, sid) == [ReasonKind.BIJNA_16U]
    assert sid in ids_on(ctx, date(2025, 10, 10))  # window from 13 September
    assert sid not in ids_on(ctx, date(2025, 10, 13))  # window from 16 September: 10 hours


def test_the_window_skips_the_herfstvakantie(ctx: Context) -> None:
    make_school(ctx)
    sid = add_student(ctx)
    for day in (date(2025, 9, 25), date(2025, 9, 26), date(2025, 9, 29)):
        register(ctx, sid, day)
    # the holiday week does not count: on 29 October the window still starts on 25 September
    assert sid in ids_on(ctx, date(2025, 10, 29))
    assert sid not in ids_on(ctx, date(2025, 10, 30))


def ids_on(ctx: Context, on: date) -> list[int]:
    return [e.student_id for e in build_bellijst(ctx, on).entries]


def test_brugklas_puts_parents_first(ctx: Context) -> None:
    make_school(ctx, sector="vo", brugklas=True)
    sid = add_student(ctx, leerjaar=1, born=date(2013, 3, 3))
    register(ctx, sid, LIST_DAY, lessons=range(1))
    entry = build_bellijst(ctx).entries[0]
    assert [r.kind for r in entry.reasons] == [ReasonKind.EERSTE_DAG, ReasonKind.BRUGKLAS]
    assert entry.contacts[0].role == "moeder"


def test_due_check_and_follow_up_appear(ctx: Context) -> None:
    make_school(ctx)
    checked = add_student(ctx, achternaam="Gesprek")
    follow = add_student(ctx, achternaam="Terug")
    record_conversation(ctx, checked, date(2025, 9, 24), "mentor, leerling", "elke dag op tijd")
    log_call(ctx, follow, date(2025, 9, 29), "voicemail", "leerling", follow_up_on=LIST_DAY)
    assert kinds_of(ctx, checked) == [ReasonKind.CONTROLE]
    assert kinds_of(ctx, follow) == [ReasonKind.TERUGBELLEN]
    # the check done today keeps the row on today's list, marked as called
    log_call(ctx, checked, LIST_DAY, "bereikt", "leerling", agreements_checked=True)
    entry = next(e for e in build_bellijst(ctx).entries if e.student_id == checked)
    assert entry.called
    assert checked not in [e.student_id for e in build_bellijst(ctx, date(2025, 10, 2)).entries]
    assert checked in [e.student_id for e in build_bellijst(ctx, date(2025, 10, 8)).entries]


def test_progress_counts_called_students(ctx: Context) -> None:
    make_school(ctx)
    a = add_student(ctx, achternaam="A")
    b = add_student(ctx, achternaam="B")
    for sid in (a, b):
        register(ctx, sid, LIST_DAY, lessons=range(1))
    assert build_bellijst(ctx).progress_text == "0 van 2 gebeld"
    log_call(ctx, a, LIST_DAY, "niet-bereikt", "leerling")
    assert build_bellijst(ctx).progress_text == "1 van 2 gebeld"


def test_parent_of_an_adult_without_consent_is_never_offered(ctx: Context) -> None:
    make_school(ctx, inform_18plus=False)
    adult = add_student(ctx, achternaam="Volwassen", born=date(2005, 1, 1))
    agreed = add_student(
        ctx, achternaam="Akkoord", born=date(2005, 1, 1), consent=True, consent_on=date(2025, 9, 2)
    )
    minor = add_student(ctx, achternaam="Jong", born=date(2010, 1, 1), consent=False)
    for sid in (adult, agreed, minor):
        register(ctx, sid, LIST_DAY, lessons=range(1))
    entries = {e.student_id: e for e in build_bellijst(ctx).entries}
    assert [c.key for c in entries[adult].contacts] == ["leerling"]
    assert entries[adult].parents_withheld
    assert "Ouder1 Volwassen" not in repr(entries[adult])
    assert guardian_phones(ctx, adult)[0] not in repr(entries[adult])
    assert any(c.key.startswith("ouder:") for c in entries[agreed].contacts)
    assert entries[minor].contacts[0].role == "moeder"  # under 18: always, parents first


def test_policy_default_informs_adults_unless_they_objected(ctx: Context) -> None:
    make_school(ctx, inform_18plus=True)
    silent = add_student(ctx, achternaam="Stil", born=date(2005, 1, 1))
    objected = add_student(ctx, achternaam="Bezwaar", born=date(2005, 1, 1), consent=False)
    for sid in (silent, objected):
        register(ctx, sid, LIST_DAY, lessons=range(1))
    entries = {e.student_id: e for e in build_bellijst(ctx).entries}
    assert len(entries[silent].contacts) == 2
    assert [c.key for c in entries[objected].contacts] == ["leerling"]


def test_a_screen_list_without_contacts_and_its_lazy_contacts(ctx: Context) -> None:
    make_school(ctx, inform_18plus=False)
    adult = add_student(ctx, achternaam="Volwassen", born=date(2005, 1, 1))
    minor = add_student(ctx, achternaam="Jong", born=date(2010, 1, 1))
    for sid in (adult, minor):
        register(ctx, sid, LIST_DAY, lessons=range(1))
    light = build_bellijst(ctx, with_contacts=False)
    assert all(e.whom is None for e in light.entries)
    assert [e.student_id for e in light.entries] == [
        e.student_id for e in build_bellijst(ctx).entries
    ]
    whom = load_contacts(ctx, LIST_DAY, [adult, minor])
    assert [c.key for c in whom[adult].contacts] == ["leerling"] and whom[adult].parents_withheld
    assert whom[minor].contacts[0].role == "moeder"


# -- filtering: schools divide the phoning per klas or opleiding ---------------------------------


def _filter_school(ctx: Context) -> dict[str, int]:
    make_school(ctx)
    ids = {
        "zoe": add_student(ctx, roepnaam="Zoë", achternaam="Çelik", klas="2B", opleiding="Kok"),
        "jan": add_student(
            ctx, roepnaam="Jan", achternaam="Vries", klas="2B", opleiding="Verzorgende IG"
        ),
        "ada": add_student(ctx, roepnaam="Ada", achternaam="Aalders", klas="3A", opleiding="Kok"),
        "vo": add_student(ctx, roepnaam="Bo", achternaam="Zonder", klas="3A", opleiding=None),
    }
    # different absence, so the urgency order is fixed: ada and zoe most urgent
    register(ctx, ids["ada"], LIST_DAY, lessons=range(4))
    register(ctx, ids["zoe"], LIST_DAY, lessons=range(3))
    register(ctx, ids["jan"], LIST_DAY, lessons=range(2))
    register(ctx, ids["vo"], LIST_DAY, lessons=range(1))
    return ids


def test_entries_carry_klas_and_opleiding(ctx: Context) -> None:
    ids = _filter_school(ctx)
    result = build_bellijst(ctx)
    by_id = {e.student_id: e for e in result.entries}
    assert by_id[ids["zoe"]].opleiding == "Kok" and by_id[ids["vo"]].opleiding is None
    assert result.klassen() == {"2B": 2, "3A": 2}
    assert result.opleidingen() == {"Kok": 2, "Verzorgende IG": 1}


def test_a_filter_narrows_the_list_and_names_itself(ctx: Context) -> None:
    ids = _filter_school(ctx)
    whole = build_bellijst(ctx)
    positions = {e.student_id: e.position for e in whole.entries}
    klas = build_bellijst(ctx, selection=BellijstFilter(klas="2B"))
    assert {e.student_id for e in klas.entries} == {ids["zoe"], ids["jan"]}
    # numbered as on the whole list, so paper and screen agree on "#"
    assert all(e.position == positions[e.student_id] for e in klas.entries)
    assert klas.progress_text == "0 van 2 gebeld (filter: klas 2B)"
    assert klas.called_text == "0 van 2 gebeld"
    # the screen's way (rows already loaded) gives the same rows as the printout's way
    assert ids_of(whole.narrowed(BellijstFilter(klas="2B"))) == ids_of(klas)
    both = BellijstFilter(klas="2B", opleiding="Kok")
    assert ids_of(whole.narrowed(both)) == [ids["zoe"]]
    assert both.description == "klas 2B, opleiding Kok"
    assert whole.narrowed(BellijstFilter()).progress_text == "0 van 4 gebeld"


def test_text_matches_name_and_number_without_accents_in_any_order(ctx: Context) -> None:
    ids = _filter_school(ctx)
    whole = build_bellijst(ctx)

    def found(text: str) -> set[int]:
        return {e.student_id for e in whole.narrowed(BellijstFilter(text=text)).entries}

    assert found("celik") == {ids["zoe"]}
    assert found("ZOE") == {ids["zoe"]}
    assert found("jan vries") == found("vries jan") == {ids["jan"]}
    number = next(e.leerlingnummer for e in whole.entries if e.student_id == ids["ada"])
    assert found(number) == {ids["ada"]}
    assert found("   ") == set(ids_of(whole))
    assert found("niemand") == set()
    assert BellijstFilter(text="  jan   vries ").description == "zoeken \u201cjan vries\u201d"


def ids_of(bellijst: Bellijst) -> list[int]:
    return [e.student_id for e in bellijst.entries]


def test_only_not_called(ctx: Context) -> None:
    ids = _filter_school(ctx)
    log_call(ctx, ids["zoe"], LIST_DAY, "bereikt", "leerling")
    selection = BellijstFilter(klas="2B", only_not_called=True)
    result = build_bellijst(ctx, selection=selection)
    assert ids_of(result) == [ids["jan"]]
    assert result.progress_text == "0 van 1 gebeld (filter: klas 2B, alleen nog niet gebeld)"
    assert build_bellijst(ctx, selection=BellijstFilter(klas="2B")).progress_text.startswith(
        "1 van 2 gebeld"
    )


def test_a_filtered_printout_loads_contacts_for_its_rows(ctx: Context) -> None:
    ids = _filter_school(ctx)
    result = build_bellijst(ctx, selection=BellijstFilter(opleiding="Kok"))
    assert {e.student_id for e in result.entries} == {ids["zoe"], ids["ada"]}
    assert all(e.contacts for e in result.entries)
    assert result.entries[0].contacts[0].name.startswith("Ouder1")
