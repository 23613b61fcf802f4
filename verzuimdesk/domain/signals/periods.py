"""Counting within periods of aaneengesloten lesweken (R-16U, R-HERHAAL, R-TL).

A period starts on a day s that has something to count and runs up to, not including, the same
weekday `lesweken` lesweken later (calendar.add_lesweken: weeks without a lesdag are skipped and
lengthen it, R-CAL-2).
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from verzuimdesk.domain.signals.model import RuleEnv


@dataclass(frozen=True)
class Reach:
    """Where a threshold was reached: the period's first and last counted day, and the total."""

    arose_on: date
    first: date  # s, the begindatum
    last: date  # the last counted day on or before arose_on: the einddatum
    total: int


def first_reach(
    days: Sequence[date],
    amounts: Sequence[int],
    start: int,
    threshold: int,
    lesweken: int,
    env: RuleEnv,
    not_before: date | None = None,
) -> Reach | None:
    """The first day x (not before `not_before`, not after env.on) on which some period holds
    at least `threshold` counted from days[start:] up to x.

    Periods that start earlier hold more, so the earliest start whose period still contains x is
    the one to test; both pointers only move forward, which keeps this linear.
    """
    ends = env.window_ends(lesweken)
    on = env.on
    lo = hi = start
    total = 0
    if not_before is not None:
        # the first candidate is not_before itself, holding every counted day up to it
        if not_before > on:
            return None
        hi = max(start, bisect_right(days, not_before))
        total = sum(amounts[start:hi])
        while lo < hi and ends[days[lo]] <= not_before:
            total -= amounts[lo]
            lo += 1
        if lo < hi and total >= threshold:
            return Reach(arose_on=not_before, first=days[lo], last=days[hi - 1], total=total)
    # then each counted day after it: x = days[k] adds itself and drops expired periods
    for k in range(hi, len(days)):
        x = days[k]
        if x > on:
            return None
        total += amounts[k]
        while lo <= k and ends[days[lo]] <= x:
            total -= amounts[lo]
            lo += 1
        if lo <= k and total >= threshold:
            return Reach(arose_on=x, first=days[lo], last=x, total=total)
    return None
