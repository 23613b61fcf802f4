"""Why a student is on the bellijst and how urgent that is (pure ranking)."""

from datetime import date

from verzuimdesk.domain.bellijst import (
    Facts,
    OpenSignal,
    Outcome,
    ReasonKind,
    compact_texts,
    is_first_year_vo,
    parents_first,
    rank,
    reasons_for,
    short_labels,
    sick_unreachable,
)
from verzuimdesk.domain.policy import Bellijst

ON = date(2025, 10, 1)
RULES = Bellijst()
BRUGKLAS = Bellijst(brugklas_every_absence=True)
THRESHOLD = 16 * 60


def kinds(facts: Facts, rules: Bellijst = RULES) -> list[ReasonKind]:
    return [r.kind for r in reasons_for(facts, ON, rules, THRESHOLD)]


def test_nothing_to_call_about() -> None:
    assert kinds(Facts()) == []
    assert kinds(Facts(window_oa_minutes=11 * 60 + 59)) == []


def test_first_day_versus_continuing_absence() -> None:
    assert kinds(Facts(oa_minutes_today=100)) == [ReasonKind.EERSTE_DAG]
    continuing = Facts(oa_minutes_today=100, oa_previous_lesdag=True)
    assert kinds(continuing) == [ReasonKind.ONGEOORLOOFD]


def test_close_to_16_hours_from_12() -> None:
    reasons = reasons_for(Facts(window_oa_minutes=12 * 60), ON, RULES, THRESHOLD)
    assert [r.kind for r in reasons] == [ReasonKind.BIJNA_16U]
    assert "12:00" in reasons[0].text and "16:00" in reasons[0].text


def test_at_or_over_16_hours_is_not_called_close() -> None:
    under = reasons_for(Facts(window_oa_minutes=THRESHOLD - 1), ON, RULES, THRESHOLD)
    at = reasons_for(Facts(window_oa_minutes=THRESHOLD), ON, RULES, THRESHOLD)
    over = reasons_for(Facts(window_oa_minutes=90 * 60), ON, RULES, THRESHOLD)
    assert [r.label for r in under] == ["bijna 16 uur"]
    assert [r.label for r in at] == [r.label for r in over] == ["16 uur bereikt"]
    assert "grens bereikt" in over[0].text


def test_brugklas_only_for_first_year_vo_with_the_policy_on() -> None:
    facts = Facts(oa_minutes_today=50, first_year_vo=True)
    assert ReasonKind.BRUGKLAS in kinds(facts, BRUGKLAS)
    assert ReasonKind.BRUGKLAS not in kinds(facts, RULES)
    assert ReasonKind.BRUGKLAS not in kinds(Facts(oa_minutes_today=50), BRUGKLAS)
    assert ReasonKind.BRUGKLAS not in kinds(Facts(first_year_vo=True, sick_today=True), BRUGKLAS)


def test_all_reasons_most_urgent_first() -> None:
    facts = Facts(
        oa_minutes_today=50,
        sick_today=True,
        window_oa_minutes=13 * 60,
        signals=(OpenSignal("R-16U", ON, date(2025, 10, 8), "16 uur"),),
        check_due=ON,
        evaluation_due=ON,
        follow_up_due=ON,
    )
    assert kinds(facts) == [
        ReasonKind.SIGNAAL,
        ReasonKind.BIJNA_16U,
        ReasonKind.EERSTE_DAG,
        ReasonKind.TERUGBELLEN,
        ReasonKind.CONTROLE,
        ReasonKind.EVALUATIE,
        ReasonKind.ZIEK,
    ]


def test_ranking_order() -> None:
    signal = OpenSignal("R-16U", ON, date(2025, 10, 8), "16 uur")
    later = OpenSignal("R-16U", ON, date(2025, 10, 9), "16 uur")
    candidates = [
        (1, "Ziek, Anna", Facts(sick_today=True)),
        (2, "Eerste, Bo", Facts(oa_minutes_today=50)),
        (3, "Signaal laat, Cas", Facts(signals=(later,))),
        (4, "Signaal vroeg, Dex", Facts(signals=(signal,))),
        (5, "Bijna, Eva", Facts(window_oa_minutes=14 * 60)),
        (6, "Niks, Fay", Facts()),
        (7, "Vervolg, Gijs", Facts(oa_minutes_today=50, oa_previous_lesdag=True)),
        (8, "Bijna meer, Hans", Facts(window_oa_minutes=15 * 60)),
    ]
    ranked = rank(candidates, ON, RULES, THRESHOLD)
    assert [r.student_id for r in ranked] == [4, 3, 8, 5, 2, 7, 1]


def test_more_reasons_rank_higher_at_the_same_top_reason() -> None:
    candidates = [
        (1, "A", Facts(oa_minutes_today=50)),
        (2, "B", Facts(oa_minutes_today=50, sick_today=True)),
    ]
    assert [r.student_id for r in rank(candidates, ON, RULES, THRESHOLD)] == [2, 1]


def test_equal_urgency_sorts_by_name() -> None:
    candidates = [(1, "Zwart, Ali", Facts(sick_today=True)), (2, "Aap, Bo", Facts(sick_today=True))]
    assert [r.student_id for r in rank(candidates, ON, RULES, THRESHOLD)] == [2, 1]


def test_parents_first_for_minors_and_brugklas() -> None:
    assert parents_first(adult=False, first_year_vo=False)
    assert parents_first(adult=True, first_year_vo=True)
    assert not parents_first(adult=True, first_year_vo=False)


def test_ziek6_needs_two_unreached_calls_and_none_reached() -> None:
    assert not sick_unreachable([Outcome.NIET_BEREIKT], True)
    assert sick_unreachable([Outcome.NIET_BEREIKT, Outcome.VOICEMAIL], True)
    assert not sick_unreachable([Outcome.NIET_BEREIKT, Outcome.NIET_BEREIKT], False)
    assert not sick_unreachable([Outcome.NIET_BEREIKT, Outcome.NIET_BEREIKT, Outcome.BEREIKT], True)
    assert not sick_unreachable([Outcome.VERKEERD_NUMMER, Outcome.VERKEERD_NUMMER], True)


def test_compact_texts_group_signals_of_one_rule() -> None:
    facts = Facts(
        oa_minutes_today=50,
        signals=(
            OpenSignal("R-HERHAAL", ON, date(2025, 10, 3), "x"),
            OpenSignal("R-HERHAAL", ON, date(2025, 10, 8), "y"),
            OpenSignal("R-ZIEK-VAAK", ON, None, "z"),
        ),
    )
    lines = compact_texts(reasons_for(facts, ON, RULES, THRESHOLD))
    assert lines == [
        "Signaal R-HERHAAL 2× open, laatste uiterlijk 08-10",
        "Signaal R-ZIEK-VAAK open",
        "1e dag ongeoorloofd afwezig (0:50 uur)",
    ]
    assert short_labels(reasons_for(facts, ON, RULES, THRESHOLD)) == (
        "R-HERHAAL 2×, R-ZIEK-VAAK, 1e dag ongeoorloofd"
    )


def test_brugklas_is_the_first_year_of_vo_by_the_student_or_else_the_school() -> None:
    assert is_first_year_vo("vo", "mbo", 1)
    assert is_first_year_vo(None, "vo", 1)
    assert not is_first_year_vo("mbo", "vo", 1)  # the student's own sector wins
    assert not is_first_year_vo(None, "vo", 2)
    assert not is_first_year_vo(None, "vo", None)
