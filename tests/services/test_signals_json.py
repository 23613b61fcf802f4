"""The CLI's JSON shape for any signal (hypothesis): one array, the agreed keys and types."""

from __future__ import annotations

import json
from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from verzuimdesk.domain.route import Route
from verzuimdesk.domain.signals import RuleId, Signal
from verzuimdesk.services.signals import format_signals_json, format_signals_table

DAYS = st.dates(min_value=date(2024, 8, 1), max_value=date(2027, 7, 31))


@st.composite
def signals(draw: st.DrawFn) -> Signal:
    arose = draw(DAYS)
    start = arose - timedelta(days=draw(st.integers(0, 60)))
    return Signal(
        student_id=draw(st.text("0123456789AB", min_size=1, max_size=8)),
        rule=draw(st.sampled_from(list(RuleId))),
        arose_on=arose,
        deadline=draw(st.none() | st.just(arose + timedelta(days=7))),
        route=draw(st.none() | st.sampled_from(list(Route))),
        minutes=draw(st.none() | st.integers(0, 10_000)),
        count=draw(st.none() | st.integers(0, 50)),
        window=draw(st.none() | st.just((start, arose))),
        policy="mbo-utrecht",
        explanation=draw(st.text(max_size=40)),
    )


@settings(max_examples=50, deadline=None)
@given(st.lists(signals(), max_size=8))
def test_json_is_one_sorted_array_with_the_agreed_keys(found: list[Signal]) -> None:
    data = json.loads(format_signals_json(found))
    assert isinstance(data, list) and len(data) == len(found)
    keys = {"student_id", "rule", "arose_on", "deadline", "route", "hours", "window", "explanation"}
    for item in data:
        assert keys <= item.keys()
        assert isinstance(item["student_id"], str)
        assert item["rule"] in {r.value for r in RuleId}
        assert date.fromisoformat(item["arose_on"])
        assert item["deadline"] is None or date.fromisoformat(item["deadline"])
        assert item["route"] in (None, "leerplicht", "rmc", "niet-meldbaar")
        assert item["hours"] is None or isinstance(item["hours"], int | float)
        assert item["window"] is None or [date.fromisoformat(d) for d in item["window"]]
        assert isinstance(item["explanation"], str)
    order = [(d["arose_on"], d["student_id"], d["rule"]) for d in data]
    assert order == sorted(order)
    assert format_signals_table(found)
