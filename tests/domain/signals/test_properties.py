"""Properties of the engine over generated absence (hypothesis, moderate example counts)."""

from __future__ import annotations

from datetime import date, timedelta
from random import Random

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.domain.signals.helpers import CALENDAR, TERM, run

TERM_DAYS = TERM.lesdagen(date(2025, 2, 3), date(2025, 5, 30))
YEAR_DAYS = CALENDAR.lesdagen(date(2025, 8, 25), date(2026, 1, 30))
CODES = st.sampled_from(["OA", "OA", "OA", "Z", "TL", "V", "A"])


def items(days: list[date]) -> st.SearchStrategy[list[tuple[date, str, int]]]:
    one = st.tuples(st.sampled_from(days), CODES, st.sampled_from([5, 11, 50, 240, 480]))
    return st.lists(one, max_size=60)


@settings(max_examples=60, deadline=None)
@given(
    items(YEAR_DAYS),
    st.lists(st.tuples(st.sampled_from(YEAR_DAYS), st.sampled_from(["Z", "V", "D"])), max_size=20),
)
def test_adding_geoorloofd_never_creates_a_16_hour_signal(
    base: list[tuple[date, str, int]], extra: list[tuple[date, str]]
) -> None:
    on = date(2026, 1, 30)
    rules = ("R-16U", "R-HERHAAL")
    before = {s.key for s in run(base, on, rules=rules)}
    after = {s.key for s in run(base + [(d, c, 480) for d, c in extra], on, rules=rules)}
    assert after <= before


@settings(max_examples=40, deadline=None)
@given(items(TERM_DAYS[:40]), st.integers(min_value=1, max_value=6))
def test_moving_by_whole_lesweken_moves_the_signals(
    base: list[tuple[date, str, int]], weeks: int
) -> None:
    shift = timedelta(weeks=weeks)
    on = date(2025, 6, 27)
    moved = [(d + shift, c, m) for d, c, m in base]

    def shape(found, by: timedelta):  # type: ignore[no-untyped-def]
        return sorted(
            (
                s.rule.value,
                s.arose_on + by,
                s.window and (s.window[0] + by, s.window[1] + by),
                s.minutes,
                s.count,
            )
            for s in found
            if s.rule.value != "R-NOSHOW"
        )

    original = shape(run(base, on, calendar=TERM), shift)
    assert shape(run(moved, on + shift, calendar=TERM), timedelta(0)) == original


@settings(max_examples=60, deadline=None)
@given(items(YEAR_DAYS))
def test_signals_never_arise_before_their_window_starts(base: list[tuple[date, str, int]]) -> None:
    for signal in run(base, date(2026, 1, 30)):
        assert signal.window is None or signal.window[0] <= signal.arose_on
        assert signal.window is None or signal.window[1] <= signal.arose_on
        assert signal.deadline is None or signal.deadline > signal.arose_on


@settings(max_examples=40, deadline=None)
@given(items(YEAR_DAYS), st.sampled_from(YEAR_DAYS))
def test_later_data_never_changes_an_earlier_signal(
    base: list[tuple[date, str, int]], cut: date
) -> None:
    early = [i for i in base if i[0] <= cut]
    seen_then = {s.key: s for s in run(early, cut)}
    seen_later = {s.key: s for s in run(base, date(2026, 1, 30)) if s.arose_on <= cut}
    assert seen_then == seen_later


@settings(max_examples=60, deadline=None)
@given(items(YEAR_DAYS), st.randoms(use_true_random=False))
def test_reports_afterwards_only_add_pattern_signals(
    base: list[tuple[date, str, int]], rnd: Random
) -> None:
    on = date(2026, 1, 30)
    late = {d for d, code, _ in base if code == "Z" and rnd.random() < 0.7}
    plain, marked = run(base, on), run(base, on, afterwards=late)
    pattern = "R-ZIEK-PATROON"
    assert [s for s in plain if s.rule != pattern] == [s for s in marked if s.rule != pattern]
    # the weekday variant counts on its own: marking can merge into its signals, never drop one
    assert {s.arose_on for s in plain if s.rule == pattern} <= {
        s.arose_on for s in marked if s.rule == pattern
    }
