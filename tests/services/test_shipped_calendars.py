"""The shipped region calendars: three school years, shaped as the Rijksoverheid publishes them.

The 2027-2028 dates are pinned to the Rijksoverheid table ("Overzicht schoolvakanties
2027-2028", Ministerie van OCW): a typo in the CSV fails here, not at a school.
"""

from __future__ import annotations

import itertools
from datetime import date, timedelta

import pytest

from verzuimdesk.domain.calendar import PeriodKind, dutch_public_holidays
from verzuimdesk.services.school import REGIONS, shipped_calendar_periods

YEARS = ("2025-2026", "2026-2027", "2027-2028")

RIJKSOVERHEID_2027_2028 = {
    "noord": {
        "Herfstvakantie": ("2027-10-16", "2027-10-24"),
        "Kerstvakantie": ("2027-12-25", "2028-01-09"),
        "Voorjaarsvakantie": ("2028-02-19", "2028-02-27"),
        "Meivakantie": ("2028-04-29", "2028-05-07"),
        "Zomervakantie": ("2028-07-15", "2028-08-27"),
    },
    "midden": {
        "Herfstvakantie": ("2027-10-16", "2027-10-24"),
        "Kerstvakantie": ("2027-12-25", "2028-01-09"),
        "Voorjaarsvakantie": ("2028-02-26", "2028-03-05"),
        "Meivakantie": ("2028-04-29", "2028-05-07"),
        "Zomervakantie": ("2028-07-08", "2028-08-20"),
    },
    "zuid": {
        "Herfstvakantie": ("2027-10-23", "2027-10-31"),
        "Kerstvakantie": ("2027-12-25", "2028-01-09"),
        "Voorjaarsvakantie": ("2028-02-26", "2028-03-05"),
        "Meivakantie": ("2028-04-29", "2028-05-07"),
        "Zomervakantie": ("2028-07-22", "2028-09-03"),
    },
}


@pytest.mark.parametrize("region", REGIONS)
def test_each_region_has_three_school_years(region: str) -> None:
    years = [p for p in shipped_calendar_periods(region) if p.kind is PeriodKind.SCHOOLJAAR]
    assert [p.name for p in years] == [f"Schooljaar {y}" for y in YEARS]
    for year in years:
        assert year.start.weekday() == 0 and year.end.weekday() == 4  # Monday to Friday


@pytest.mark.parametrize("region", REGIONS)
def test_holidays_run_saturday_to_sunday_inside_their_year(region: str) -> None:
    periods = shipped_calendar_periods(region)
    years = [p for p in periods if p.kind is PeriodKind.SCHOOLJAAR]
    holidays = [p for p in periods if p.kind is PeriodKind.VAKANTIE]
    for holiday in holidays:
        assert holiday.start.weekday() == 5 and holiday.end.weekday() == 6, holiday
        if holiday.name != "Zomervakantie":
            assert any(y.start <= holiday.start and holiday.end <= y.end for y in years), holiday
    for earlier, later in itertools.pairwise(holidays):
        assert earlier.end < later.start  # no overlaps
    # each school year starts on the Monday after the zomervakantie before it
    for summer in (h for h in holidays if h.name == "Zomervakantie"):
        following = [y for y in years if y.start > summer.end]
        if following:
            assert following[0].start == summer.end + timedelta(days=1)
        preceding = [y for y in years if y.end < summer.start]
        assert preceding[-1].end == summer.start - timedelta(days=1)


@pytest.mark.parametrize("region", REGIONS)
def test_feestdagen_are_the_dutch_public_holidays_on_a_weekday_in_term(region: str) -> None:
    periods = shipped_calendar_periods(region)
    known = dutch_public_holidays(range(2025, 2029))
    for day in (p for p in periods if p.kind is PeriodKind.FEESTDAG):
        assert day.start == day.end and day.start.weekday() < 5
        assert day.start in known, day


@pytest.mark.parametrize("region", REGIONS)
def test_2027_2028_matches_the_rijksoverheid_table(region: str) -> None:
    periods = shipped_calendar_periods(region)
    year = next(p for p in periods if p.name == "Schooljaar 2027-2028")
    shipped = {
        p.name: (p.start.isoformat(), p.end.isoformat())
        for p in periods
        if p.kind is PeriodKind.VAKANTIE and year.start <= p.start <= year.end + timedelta(days=1)
    }
    assert shipped == RIJKSOVERHEID_2027_2028[region]
    feestdagen = {
        p.start for p in periods if p.kind is PeriodKind.FEESTDAG and p.start.year == 2028
    }
    assert feestdagen == {date(2028, 4, 14), date(2028, 4, 17), date(2028, 5, 25), date(2028, 6, 5)}
