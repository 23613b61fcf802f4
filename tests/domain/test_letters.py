"""R-BRIEF-EVENT, -DUE, -VARIANT, -AAN: which letter is due, in which variant, to whom.

The calendar is the shipped one for region midden: school year 2025-2026 starts Monday
1 September 2025, herfstvakantie 18-26 October 2025.
"""

from __future__ import annotations

from datetime import date

import pytest

from verzuimdesk.domain.calendar import SchoolCalendar
from verzuimdesk.domain.letters import (
    Address,
    CompanyFacts,
    ConsentChoice,
    DecisionFact,
    GuardianFacts,
    Letter,
    LetterRules,
    LetterStudent,
    MeldingFact,
    RecipientKind,
    SignalFact,
    due_letters,
    earliest_event_day,
    make_due_letter,
    recipient_kinds,
    student_events,
)
from verzuimdesk.domain.route import Route
from verzuimdesk.services.school import shipped_calendar_periods

CAL = SchoolCalendar(shipped_calendar_periods("midden"))
RULES = LetterRules()
HOME = Address("Lindelaan 4", "3511 AB", "Utrecht")


def student(**changes: object) -> LetterStudent:
    values: dict[str, object] = {
        "leerlingnummer": "1001",
        "naam": "Sam de Vries",
        "birth_date": date(2009, 3, 1),  # 16 in the autumn of 2025
        "startkwalificatie": False,
        "leerweg": "BOL",
        "address": HOME,
        "guardians": (GuardianFacts(1, "J. de Vries", HOME),),
    }
    values.update(changes)
    return LetterStudent(**values)  # type: ignore[arg-type]


def due(
    s: LetterStudent,
    on: date,
    *,
    oa: tuple[date, ...] = (),
    meldingen: tuple[MeldingFact, ...] = (),
    signals: tuple[SignalFact, ...] = (),
    schorsingen: tuple[DecisionFact, ...] = (),
    verwijderingen: tuple[DecisionFact, ...] = (),
    archived: tuple[str, ...] = (),
    rules: LetterRules = RULES,
):
    events = student_events(
        s, oa, meldingen, signals, schorsingen, verwijderingen, CAL, rules, until=on
    )
    return due_letters(events, s, archived, on, CAL, rules)


def melding(n: int, soort: str, day: date, gemeld_op: date | None = None) -> MeldingFact:
    return MeldingFact(f"melding:{n}", soort, day, day, gemeld_op)


# -- R-BRIEF-DUE: the term of 10 werkdagen ---------------------------------------------------


def test_earliest_day_counts_the_day_itself_when_it_is_a_werkdag() -> None:
    # Friday 19 September: Fri 19 … Mon 15 (5), Fri 12 … Mon 8 (10)
    assert earliest_event_day(date(2025, 9, 19), CAL, 10) == date(2025, 9, 8)
    # Saturday 20 September is no werkdag: Fri 19 is the first one counted
    assert earliest_event_day(date(2025, 9, 20), CAL, 10) == date(2025, 9, 8)
    # Monday 22 September
    assert earliest_event_day(date(2025, 9, 22), CAL, 10) == date(2025, 9, 9)


def test_a_letter_is_due_from_its_day_through_the_tenth_werkdag() -> None:
    oa = (date(2025, 9, 8),)  # Monday
    assert [d.letter for d in due(student(), date(2025, 9, 8), oa=oa)] == [Letter.A]
    assert [d.letter for d in due(student(), date(2025, 9, 19), oa=oa)] == [Letter.A]  # 10th
    assert due(student(), date(2025, 9, 22), oa=oa) == []  # 11th werdag: history
    assert due(student(), date(2025, 9, 5), oa=oa) == []  # not yet happened


def test_an_archived_event_is_not_due_again() -> None:
    oa = (date(2025, 9, 8),)
    assert due(student(), date(2025, 9, 9), oa=oa, archived=("oa:2025-09-08",)) == []


def test_term_is_a_policy_key() -> None:
    oa = (date(2025, 9, 8),)
    short = LetterRules(termijn_werkdagen=5)
    assert due(student(), date(2025, 9, 15), oa=oa, rules=short) == []
    assert due(student(), date(2025, 9, 12), oa=oa, rules=short)


# -- letter a --------------------------------------------------------------------------------


def test_letter_a_on_the_first_oa_lesdag_of_the_year_only() -> None:
    oa = (date(2025, 9, 3), date(2025, 9, 4), date(2025, 9, 10))
    letters = due(student(), date(2025, 9, 10), oa=oa)
    assert [(d.letter, d.event.day) for d in letters] == [(Letter.A, date(2025, 9, 3))]


def test_letter_a_again_after_four_whole_lesweken_without_oa_not_after_three() -> None:
    first = date(2025, 9, 1)  # lesweek 36
    three_between = date(2025, 10, 2)  # week 40: weeks 37, 38, 39 between
    four_between = date(2025, 10, 6)  # week 41: weeks 37-40 between
    got = due(student(), date(2025, 10, 2), oa=(first, three_between))
    assert got == []
    got = due(student(), date(2025, 10, 6), oa=(first, four_between))
    assert [(d.letter, d.event.day) for d in got] == [(Letter.A, four_between)]


def test_the_herfstvakantie_is_no_lesweek_and_does_not_count_toward_the_restart() -> None:
    # last OA Friday 26 September (week 39); weeks 40, 41, 42 are lesweken, 43 is herfstvakantie;
    # Monday 27 October (week 44) has only 3 whole lesweken between: no new letter a
    assert due(student(), date(2025, 10, 27), oa=(date(2025, 9, 26), date(2025, 10, 27))) == []
    # Monday 3 November (week 45): 4 lesweken between
    got = due(student(), date(2025, 11, 3), oa=(date(2025, 9, 26), date(2025, 11, 3)))
    assert [d.letter for d in got] == [Letter.A]


def test_oa_on_a_day_without_lessons_is_no_event() -> None:
    assert due(student(), date(2025, 10, 22), oa=(date(2025, 10, 20),)) == []  # herfstvakantie


def test_restart_is_a_policy_key() -> None:
    oa = (date(2025, 9, 1), date(2025, 10, 2))
    got = due(student(), date(2025, 10, 2), oa=oa, rules=LetterRules(a_herstart_lesweken=3))
    assert [d.letter for d in got] == [Letter.A]


# -- letters b, c, d: the n-th melding -------------------------------------------------------


def test_the_second_melding_is_c_and_the_third_and_later_d() -> None:
    ms = (
        melding(1, "16u", date(2025, 9, 22)),
        melding(2, "herhaal", date(2025, 10, 6)),
        melding(3, "herhaal", date(2025, 11, 10)),
        melding(4, "herhaal", date(2025, 12, 1)),
    )
    assert [d.letter for d in due(student(), date(2025, 9, 22), meldingen=ms)] == [Letter.B]
    assert [d.letter for d in due(student(), date(2025, 10, 6), meldingen=ms)] == [Letter.C]
    third = due(student(), date(2025, 11, 10), meldingen=ms)
    assert [(d.letter, d.event.melding_number) for d in third] == [(Letter.D, 3)]
    fourth = due(student(), date(2025, 12, 1), meldingen=ms)
    assert [(d.letter, d.event.melding_number) for d in fourth] == [(Letter.D, 4)]


def test_meldingen_of_last_school_year_do_not_count_toward_n() -> None:
    ms = (
        melding(1, "16u", date(2025, 3, 3)),
        melding(2, "herhaal", date(2025, 4, 7)),
        melding(3, "16u", date(2025, 9, 22)),
    )
    assert [d.letter for d in due(student(), date(2025, 9, 23), meldingen=ms)] == [Letter.B]


def test_an_imported_old_melding_queues_nothing() -> None:
    # meldingen.csv without gemeld_op: its day is the einddatum, long before today
    old = MeldingFact("melding:7", "16u", date(2025, 2, 3), date(2025, 2, 14), None)
    assert due(student(), date(2025, 9, 22), meldingen=(old,)) == []


def test_the_day_of_a_melding_is_gemeld_op_else_einddatum_else_begindatum() -> None:
    assert MeldingFact("m", "16u", date(2025, 9, 1), date(2025, 9, 5), date(2025, 9, 8)).day == (
        date(2025, 9, 8)
    )
    assert MeldingFact("m", "16u", date(2025, 9, 1), date(2025, 9, 5), None).day == date(2025, 9, 5)
    assert MeldingFact("m", "lrv", date(2025, 9, 1), None, None).day == date(2025, 9, 1)


def test_a_melding_made_late_is_due_from_the_day_it_was_made() -> None:
    late = melding(1, "16u", date(2025, 9, 1), gemeld_op=date(2025, 9, 29))
    assert [d.letter for d in due(student(), date(2025, 9, 30), meldingen=(late,))] == [Letter.B]


def test_lrv_is_e_and_noshow_is_h_and_other_kinds_no_letter() -> None:
    ms = (
        melding(1, "lrv", date(2025, 9, 22)),
        melding(2, "noshow", date(2025, 9, 22)),
        melding(3, "te-laat", date(2025, 9, 22)),
        melding(4, "overig", date(2025, 9, 22)),
    )
    got = due(student(), date(2025, 9, 22), meldingen=ms)
    assert sorted(d.letter for d in got) == [Letter.E, Letter.H]


def test_niet_meldbaar_students_count_signals_instead_of_meldingen() -> None:
    sk = student(startkwalificatie=True)
    signals = (
        SignalFact("R-16U", date(2025, 9, 22), "niet-meldbaar"),
        SignalFact("R-HERHAAL", date(2025, 10, 6), "niet-meldbaar"),
        SignalFact("R-LRV", date(2025, 11, 10), "niet-meldbaar"),
        SignalFact("R-ZIEK-VAAK", date(2025, 10, 6), None),
    )
    got = due(sk, date(2025, 10, 6), signals=signals)
    assert [(d.letter, d.variant) for d in got] == [(Letter.C, Route.NIET_MELDBAAR)]
    got = due(sk, date(2025, 11, 10), signals=signals)
    assert [(d.letter, d.variant) for d in got] == [(Letter.E, Route.NIET_MELDBAAR)]


def test_signals_of_a_reportable_student_are_not_counted_as_meldingen() -> None:
    signals = (SignalFact("R-16U", date(2025, 9, 22), "leerplicht"),)
    assert due(student(), date(2025, 9, 22), signals=signals) == []


# -- R-BRIEF-VARIANT -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("born", "sk", "variant"),
    [
        (date(2008, 9, 23), False, Route.LEERPLICHT),  # turns 18 the day after the event
        (date(2007, 9, 22), False, Route.RMC),  # 18 on the event's day
        (date(2007, 9, 22), True, Route.NIET_MELDBAAR),
        (date(2009, 1, 1), True, Route.NIET_MELDBAAR),  # a minor with SK
        (date(2002, 9, 22), False, Route.NIET_MELDBAAR),  # 23 on the event's day
        (date(2002, 9, 23), False, Route.RMC),  # 22 on the event's day
    ],
)
def test_variant_is_the_route_on_the_event_day(born: date, sk: bool, variant: Route) -> None:
    got = due(
        student(birth_date=born, startkwalificatie=sk),
        date(2025, 9, 22),
        meldingen=(melding(1, "16u", date(2025, 9, 22)),),
    )
    # (some of these turn 18 that day: letter 18 is due as well, without a variant)
    assert [d.variant for d in got if d.letter is Letter.B] == [variant]


def test_birthday_between_event_and_print_keeps_the_variant_and_parents_of_the_event_day() -> None:
    # event on Monday 22 September at 17, printed on Thursday 25 September at 18; the student
    # objected to informing parents (only in force from 18)
    s = student(
        birth_date=date(2007, 9, 24),
        choices=(ConsentChoice(False, date(2025, 9, 1)),),
    )
    ms = (melding(1, "16u", date(2025, 9, 22)),)
    letter, eighteen = due(s, date(2025, 9, 25), meldingen=ms)
    assert (letter.letter, eighteen.letter) == (Letter.B, Letter.ACHTTIEN)
    assert letter.variant is Route.LEERPLICHT
    assert recipient_kinds(letter.recipients) == ["leerling", "ouders"]
    # the same kind of event on the birthday itself: RMC, and no parents
    ms = (melding(2, "16u", date(2025, 9, 24)),)
    (letter,) = due(s, date(2025, 9, 25), meldingen=ms, archived=("18:2025-09-24",))
    assert letter.letter is Letter.B
    assert letter.variant is Route.RMC
    assert recipient_kinds(letter.recipients) == ["leerling"]


def test_other_letters_have_no_variant() -> None:
    (letter,) = due(student(), date(2025, 9, 3), oa=(date(2025, 9, 3),))
    assert letter.variant is None


# -- R-BRIEF-AAN -----------------------------------------------------------------------------


def adult(**changes: object) -> LetterStudent:
    return student(birth_date=date(2006, 1, 10), **changes)


def test_consent_refused_and_later_given() -> None:
    s = adult(
        choices=(
            ConsentChoice(False, date(2025, 9, 1)),
            ConsentChoice(True, date(2025, 10, 1)),
        )
    )
    before = due(s, date(2025, 9, 22), meldingen=(melding(1, "16u", date(2025, 9, 22)),))
    assert recipient_kinds(before[0].recipients) == ["leerling"]
    after = due(s, date(2025, 10, 6), meldingen=(melding(2, "16u", date(2025, 10, 6)),))
    assert recipient_kinds(after[0].recipients) == ["leerling", "ouders"]
    # the choice of 1 October counts from that day on
    on_the_day = due(s, date(2025, 10, 1), meldingen=(melding(3, "16u", date(2025, 10, 1)),))
    assert recipient_kinds(on_the_day[0].recipients) == ["leerling", "ouders"]


def test_adult_without_a_choice_follows_the_policy_default() -> None:
    ms = (melding(1, "16u", date(2025, 9, 22)),)
    inform = due(adult(), date(2025, 9, 22), meldingen=ms)
    assert recipient_kinds(inform[0].recipients) == ["leerling", "ouders"]
    silent = due(
        adult(), date(2025, 9, 22), meldingen=ms, rules=LetterRules(inform_18plus_by_default=False)
    )
    assert recipient_kinds(silent[0].recipients) == ["leerling"]


def test_a_minors_refusal_has_no_effect_before_18() -> None:
    s = student(choices=(ConsentChoice(False, date(2025, 9, 1)),))
    (letter,) = due(s, date(2025, 9, 3), oa=(date(2025, 9, 3),))
    assert recipient_kinds(letter.recipients) == ["leerling", "ouders"]


def test_two_guardians_at_two_addresses_get_two_letters() -> None:
    other = Address("Kerkstraat 9", "3512 CD", "Utrecht")
    s = student(
        guardians=(GuardianFacts(1, "J. de Vries", HOME), GuardianFacts(2, "M. Bakker", other))
    )
    (letter,) = due(s, date(2025, 9, 3), oa=(date(2025, 9, 3),))
    parents = [r for r in letter.recipients if r.kind is RecipientKind.OUDERS]
    assert [r.names for r in parents] == [("J. de Vries",), ("M. Bakker",)]
    assert recipient_kinds(letter.recipients) == ["leerling", "ouders"]


def test_two_guardians_at_one_address_share_a_letter_however_it_is_spelled() -> None:
    same = Address("lindelaan  4", "3511ab", "UTRECHT")
    s = student(
        guardians=(GuardianFacts(1, "J. de Vries", HOME), GuardianFacts(2, "P. de Vries", same))
    )
    (letter,) = due(s, date(2025, 9, 3), oa=(date(2025, 9, 3),))
    parents = [r for r in letter.recipients if r.kind is RecipientKind.OUDERS]
    assert [r.names for r in parents] == [("J. de Vries", "P. de Vries")]
    # the student's own letter stays separate, also at the same address
    assert [r.kind for r in letter.recipients].count(RecipientKind.LEERLING) == 1


def test_a_guardian_who_wants_no_post_gets_none() -> None:
    s = student(guardians=(GuardianFacts(1, "J. de Vries", HOME, post_ontvangen=False),))
    (letter,) = due(s, date(2025, 9, 3), oa=(date(2025, 9, 3),))
    assert recipient_kinds(letter.recipients) == ["leerling"]


def test_bbl_with_a_leerbedrijf_gets_letter_a_at_the_company() -> None:
    company = CompanyFacts(
        5, "Bakkerij Jansen", "P. Jansen", Address("Markt 1", "3511 AA", "Utrecht")
    )
    s = student(leerweg="BBL", companies=(company,))
    (letter,) = due(s, date(2025, 9, 3), oa=(date(2025, 9, 3),))
    assert recipient_kinds(letter.recipients) == ["leerbedrijf", "leerling", "ouders"]
    assert letter.ready
    (b,) = due(s, date(2025, 9, 22), meldingen=(melding(1, "16u", date(2025, 9, 22)),))
    assert "leerbedrijf" not in recipient_kinds(b.recipients)


def test_bbl_without_a_leerbedrijf_names_what_is_missing() -> None:
    s = student(leerweg="BBL")
    (letter,) = due(s, date(2025, 9, 3), oa=(date(2025, 9, 3),))
    assert "leerbedrijf" in recipient_kinds(letter.recipients)
    assert not letter.ready
    assert "leerbedrijf" in letter.problems[0]


def test_bol_with_a_bpv_company_only_while_the_bpv_runs() -> None:
    company = CompanyFacts(
        5,
        "Garage Smit",
        None,
        Address("Weg 2", "3511 AC", "Utrecht"),
        van=date(2025, 9, 1),
        tot=date(2025, 9, 30),
    )
    s = student(companies=(company,))
    (during,) = due(s, date(2025, 9, 3), oa=(date(2025, 9, 3),))
    assert "leerbedrijf" in recipient_kinds(during.recipients)
    (after,) = due(s, date(2025, 10, 6), oa=(date(2025, 10, 6),), archived=("oa:2025-09-03",))
    # 6 October is the first OA of the year in this call (3 September archived is not passed
    # as an OA day), so it is letter a, and the BPV has ended
    assert "leerbedrijf" not in recipient_kinds(after.recipients)


def test_student_without_address_is_named_not_skipped() -> None:
    s = student(address=Address(None, None, None))
    (letter,) = due(s, date(2025, 9, 3), oa=(date(2025, 9, 3),))
    assert not letter.ready
    assert "geen volledig postadres" in letter.problems[0]


# -- letter 18, f, g -------------------------------------------------------------------------


def test_letter_18_goes_to_the_guardians_only_whatever_r_ouders_says() -> None:
    s = student(
        birth_date=date(2007, 9, 24),
        choices=(ConsentChoice(False, date(2025, 9, 1)),),
    )
    (letter,) = due(s, date(2025, 9, 24))
    assert letter.letter is Letter.ACHTTIEN
    assert recipient_kinds(letter.recipients) == ["ouders"]


def test_letter_18_only_for_an_enrolled_student_with_guardians() -> None:
    s = student(birth_date=date(2007, 9, 24), enrolled_until=date(2025, 7, 31))
    assert due(s, date(2025, 9, 24)) == []
    assert due(student(birth_date=date(2007, 9, 24), guardians=()), date(2025, 9, 24)) == []


def test_schorsing_and_verwijdering_queue_f_and_g() -> None:
    got = due(
        student(),
        date(2025, 9, 24),
        schorsingen=(DecisionFact("schorsing:1", date(2025, 9, 23)),),
        verwijderingen=(DecisionFact("verwijdering:1", date(2025, 9, 24)),),
    )
    assert [d.letter for d in got] == [Letter.F, Letter.G]


def test_a_letter_made_by_hand_takes_the_chosen_variant() -> None:
    from verzuimdesk.domain.letters import LetterEvent

    event = LetterEvent(Letter.GESPREK, date(2025, 9, 24), "hand:1", "uitnodiging")
    letter = make_due_letter(Letter.GESPREK, event, student(), RULES)
    assert letter.variant is None
    assert recipient_kinds(letter.recipients) == ["leerling", "ouders"]
