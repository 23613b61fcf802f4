"""Reading the values of the exchange format: dates, times, yes/no, numbers, fixed choices.

Forgiving in form (several date spellings, `H:MM`, `ja/j/yes/1/true`), strict in meaning: a value
that cannot be read raises `BadValue` with a Dutch reason that says what to write instead.
Empty means "not known" and is None wherever a column may be empty.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, datetime, time
from decimal import Decimal, InvalidOperation
from typing import Any, Generic, TypeVar

T = TypeVar("T")


class BadValue(ValueError):
    """A value that cannot be read; `reason` is the Dutch text for the row problem."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


MAX_HOURS = 10_000  # more than a student can miss in a school career
FIRST_YEAR, LAST_YEAR = 1900, 2100  # beyond these a date is a typing error, and date sums overflow


def shown(value: str, limit: int = 40) -> str:
    """A cell as a problem line quotes it: a megabyte of text must not become the message."""
    value = value.strip()
    return value if len(value) <= limit else f"{value[:limit]}…"


_ISO_DATE = re.compile(r"(\d{4})[-/](\d{1,2})[-/](\d{1,2})")
_DUTCH_DATE = re.compile(r"(\d{1,2})[-/](\d{1,2})[-/](\d{4})")
_TIME = re.compile(r"(\d{1,2}):(\d{2})(?::(\d{2}))?")

DATE_HINT = "Schrijf de datum als JJJJ-MM-DD of DD-MM-JJJJ, bijvoorbeeld 2025-09-14."
TIME_HINT = "Schrijf de tijd als UU:MM, bijvoorbeeld 08:30."

_YES = frozenset({"ja", "j", "yes", "y", "1", "true", "waar"})
_NO = frozenset({"nee", "n", "no", "0", "false", "onwaar"})


def parse_date(text: str) -> date:
    value = text.strip()
    match = _ISO_DATE.fullmatch(value)
    if match:
        year, month, day = match.groups()
    else:
        match = _DUTCH_DATE.fullmatch(value)
        if not match:
            raise BadValue(f"'{shown(value)}' is geen datum. {DATE_HINT}")
        day, month, year = match.groups()
    try:
        found = date(int(year), int(month), int(day))
    except ValueError:
        raise BadValue(f"De datum '{value}' bestaat niet. {DATE_HINT}") from None
    check_year(found, value)
    return found


def check_year(found: date, value: str) -> None:
    if not FIRST_YEAR <= found.year <= LAST_YEAR:
        raise BadValue(
            f"De datum '{shown(value)}' ligt niet tussen {FIRST_YEAR} en {LAST_YEAR}; dat is "
            f"vast een tikfout. {DATE_HINT}"
        )


def parse_time(text: str) -> time:
    """`HH:MM` or `H:MM`; seconds, as Excel writes them, are accepted and dropped."""
    value = text.strip()
    match = _TIME.fullmatch(value)
    if not match:
        raise BadValue(f"'{shown(value)}' is geen tijd. {TIME_HINT}")
    hour, minute = int(match[1]), int(match[2])
    if hour > 23 or minute > 59:
        raise BadValue(f"De tijd '{value}' bestaat niet. {TIME_HINT}")
    return time(hour, minute)


def parse_datetime(text: str) -> datetime:
    """`YYYY-MM-DD HH:MM` (also with a Dutch date, a `T`, or seconds)."""
    value = text.strip()
    day_text, _, time_text = value.replace("T", " ").partition(" ")
    try:
        day = parse_date(day_text)
        moment = parse_time(time_text) if time_text.strip() else time(0, 0)
    except BadValue:
        raise BadValue(
            f"'{shown(value)}' is geen datum met tijd. Schrijf JJJJ-MM-DD UU:MM, bijvoorbeeld "
            "2025-09-14 08:30."
        ) from None
    return datetime.combine(day, moment)


def parse_bool(text: str) -> bool | None:
    value = text.strip().lower()
    if not value:
        return None
    if value in _YES:
        return True
    if value in _NO:
        return False
    raise BadValue(
        f"'{shown(text)}' is geen ja/nee-waarde. Gebruik ja of nee (of j/n, 1/0, true/false); "
        "laat het leeg als het onbekend is."
    )


def parse_int(text: str, low: int, high: int) -> int:
    value = text.strip()
    try:
        number = int(value)
    except ValueError:
        raise BadValue(
            f"'{shown(value)}' is geen heel getal. Vul een getal in, zoals {low}."
        ) from None
    if not low <= number <= high:
        raise BadValue(f"{number} ligt niet tussen {low} en {high}. Verbeter het getal.")
    return number


def parse_hours(text: str) -> int:
    """Hours as a decimal (`16`, `16.5`, `16,5`) or `H:MM`; returned in minutes."""
    value = text.strip()
    hours_part, colon, minutes_part = value.partition(":")
    try:
        if len(value) > 12:
            raise InvalidOperation
        if colon:
            if not (hours_part.isdigit() and minutes_part.isdigit() and len(minutes_part) == 2):
                raise InvalidOperation
            minutes = int(hours_part) * 60 + int(minutes_part)
        else:
            hours = Decimal(value.replace(",", "."))
            if not hours.is_finite():  # NaN and Infinity are Decimals too
                raise InvalidOperation
            minutes = int((hours * 60).to_integral_value())
    except ArithmeticError:  # decimal's InvalidOperation and Overflow both are
        raise BadValue(
            f"'{shown(value)}' is geen aantal uren. Schrijf bijvoorbeeld 16, 16.5 of 16:30."
        ) from None
    if minutes < 0:
        raise BadValue(f"Het aantal uren '{value}' is negatief. Verbeter het getal.")
    if minutes > MAX_HOURS * 60:
        raise BadValue(f"{value} uur is meer dan {MAX_HOURS}; dat is vast een tikfout.")
    return minutes


def choice(options: dict[str, str], label: str) -> Callable[[str], str]:
    """A parser for a fixed list, matched without regard to case; options map lower → stored."""
    allowed = ", ".join(dict.fromkeys(options.values()))

    def parse(text: str) -> str:
        value = text.strip()
        found = options.get(value.lower())
        if found is None:
            raise BadValue(f"'{shown(value)}' is geen geldige {label}. Gebruik een van: {allowed}.")
        return found

    return parse


class CachedParser(Generic[T]):
    """Parses each distinct text once: a million registrations hold only a few hundred dates.

    `convert` turns the parsed value into what is kept (for example the database's own form),
    so that work is also done once per distinct text. Hot loops read `cache` directly with a
    default and call the parser only on a miss; bad texts are not cached (they are rare).
    """

    def __init__(self, parse: Callable[[str], Any], convert: Callable[[Any], T]) -> None:
        self._parse = parse
        self._convert = convert
        self.cache: dict[str, T] = {}

    def __call__(self, text: str) -> T:
        try:
            return self.cache[text]
        except KeyError:
            value = self.cache[text] = self._convert(self._parse(text))
            return value
