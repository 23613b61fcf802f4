"""R-ROUTE: to whom a report about a student goes, by age on the report's start date."""

from __future__ import annotations

from datetime import date
from enum import StrEnum


class Route(StrEnum):
    LEERPLICHT = "leerplicht"  # under 18: leerplicht of the woongemeente
    RMC = "rmc"  # 18 to 22 without startkwalificatie
    NIET_MELDBAAR = "niet-meldbaar"  # with startkwalificatie, or 23 and older


def age_on(birth_date: date, on: date) -> int:
    """Age in whole years; someone born on 29 February turns a year older on 1 March."""
    had_birthday = (on.month, on.day) >= (birth_date.month, birth_date.day)
    return on.year - birth_date.year - (0 if had_birthday else 1)


def route_for(birth_date: date, on: date, startkwalificatie: bool | None) -> Route:
    """Where a report starting on `on` goes; an unknown startkwalificatie counts as none."""
    age = age_on(birth_date, on)
    if age >= 23 or startkwalificatie:
        return Route.NIET_MELDBAAR
    if age < 18:
        return Route.LEERPLICHT
    return Route.RMC


def route_label(route: Route) -> str:
    return {
        Route.LEERPLICHT: "leerplicht",
        Route.RMC: "RMC",
        Route.NIET_MELDBAAR: "niet meldbaar bij DUO",
    }[route]
