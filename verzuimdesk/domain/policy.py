"""Policy profiles: every threshold of domain.md as a setting, with the law as the default.

A profile is a TOML file (resources/policies/NAME.toml, or a school's own copy in the database).
Sections and keys mirror the dataclasses below; a missing key takes the default, an unknown key or
a value of the wrong type is an error that names the key.
"""

from __future__ import annotations

import tomllib
from dataclasses import MISSING, dataclass, field, fields, is_dataclass
from datetime import time
from typing import Any, get_type_hints

from verzuimdesk.errors import PolicyError


@dataclass(frozen=True)
class R16U:
    """R-16U, R-HERHAAL, R-MELD-END: 16 hours OA in 4 aaneengesloten lesweken."""

    threshold_minutes: int = 16 * 60
    window_lesweken: int = 4
    deadline_werkdagen: int = 5  # regional agreement; the law says "onverwijld"
    repeat_min_days: int = 7  # R-HERHAAL: at most one repeat report per 7 calendar days


@dataclass(frozen=True)
class LRV:
    """R-LRV: lesweken in a row without attending any lesson."""

    lesweken: int = 4
    deadline_werkdagen: int = 5  # as R-16U: the regional 5 werkdagen for every DUO report


@dataclass(frozen=True)
class TeLaat:
    """R-TL: more than max_times late within window_lesweken; later than late_max_minutes is OA."""

    max_times: int = 10
    window_lesweken: int = 4
    late_max_minutes: int = 10
    enabled: bool = True


@dataclass(frozen=True)
class Ziek:
    """R-ZIEK-LANG, R-ZIEK-VAAK, R-ZIEK-30U, R-ZIEK-PATROON: internal signals for the mentor."""

    long_days: int = 14  # sick for more than this many calendar days
    often_episodes: int = 3
    often_months: int = 3
    year_minutes: int = 30 * 60
    pattern_min_reports: int = 4  # a weekday pattern needs at least this many sick reports
    # … at least this many of them on one weekday: by chance alone, four reports put two on one
    # weekday four times in five, three only about once in seven ("altijd op een bepaalde dag")
    pattern_min_same_weekday: int = 3
    pattern_share: float = 0.5  # … and that weekday holding at least this share of them
    # "regelmatig achteraf" (seed 001 §4.1): at least this many reports came in only after their
    # first day, and they are at least this share of the reports. Phoning a day late is allowed
    # (LPW art. 12) and two such calls happen to anyone; three that are half the reports rarely
    # happen by chance (docs/rules.md)
    pattern_afterwards_min: int = 3
    pattern_afterwards_share: float = 0.5


@dataclass(frozen=True)
class IB8W:
    """R-IB-8W: MBO entree / level 2 BOL with studiefinanciering."""

    enabled: bool = True
    absence_weeks: int = 5
    period_weeks: int = 8
    report_werkdagen: int = 5
    letter_after_weeks: int = 4
    letter_werkdagen: int = 3


@dataclass(frozen=True)
class NoShow:
    """R-NOSHOW: never appeared in the first weeks of the school year."""

    enabled: bool = True
    weeks: int = 2
    deadline_werkdagen: int = 5  # seed 001 §4.6: act within a week


@dataclass(frozen=True)
class Ziekmelden:
    """R-ZIEK-1..4: when and how sick reports are accepted (`wettelijk` or `mbo-utrecht`)."""

    mode: str = "wettelijk"
    whole_day_before: time = time(8, 30)
    enter_before: time = time(10, 0)
    late_report_days: int = 2  # wettelijk: parents may report up to 2 days after the start
    retroactive_allowed: bool = True


@dataclass(frozen=True)
class Verlof:
    """R-VERLOF-1..5."""

    vakantie_max_days: int = 10
    vakantie_blocked_first_lesweken: int = 2
    vakantie_ask_weeks_ahead: int = 8
    gewichtig_max_days: int = 10
    gewichtig_late_days: int = 2  # asked in advance, or at most this many days afterwards
    religious_notice_days: int = 2
    coach_max_days: int = 1
    director_max_days: int = 10


@dataclass(frozen=True)
class Ouders:
    """R-OUDERS: whether parents of 18+ students are informed when the student made no choice."""

    inform_18plus_by_default: bool = True


@dataclass(frozen=True)
class Brieven:
    """R-BRIEF-DUE and R-BRIEF-EVENT: how long a letter stays due, when letter a starts again."""

    termijn_werkdagen: int = 10  # an event is answered within this many werkdagen
    a_herstart_lesweken: int = 4  # whole lesweken without OA before letter a is sent again


@dataclass(frozen=True)
class Bellijst:
    near_threshold_minutes: int = 12 * 60  # "12 of 16 hours": close to R-16U
    brugklas_every_absence: bool = False  # R-BRUGKLAS: first year VO, every OA is a call


@dataclass(frozen=True)
class Gesprekken:
    check_every_days: int = 7
    evaluate_within_weeks: int = 6


@dataclass(frozen=True)
class Policy:
    name: str
    description: str = ""
    r16u: R16U = field(default_factory=R16U)
    lrv: LRV = field(default_factory=LRV)
    te_laat: TeLaat = field(default_factory=TeLaat)
    ziek: Ziek = field(default_factory=Ziek)
    ib_8w: IB8W = field(default_factory=IB8W)
    noshow: NoShow = field(default_factory=NoShow)
    ziekmelden: Ziekmelden = field(default_factory=Ziekmelden)
    verlof: Verlof = field(default_factory=Verlof)
    ouders: Ouders = field(default_factory=Ouders)
    bellijst: Bellijst = field(default_factory=Bellijst)
    gesprekken: Gesprekken = field(default_factory=Gesprekken)
    brieven: Brieven = field(default_factory=Brieven)


def _convert(value: Any, expected: Any, key: str, profile: str) -> Any:
    if expected is bool:
        if isinstance(value, bool):
            return value
    elif expected is int:
        if isinstance(value, int) and not isinstance(value, bool):
            return value
    elif expected is float:
        if isinstance(value, int | float) and not isinstance(value, bool):
            return float(value)
    elif expected is str:
        if isinstance(value, str):
            return value
    elif expected is time:
        if isinstance(value, time):
            return value
        if isinstance(value, str):
            try:
                return time.fromisoformat(value)
            except ValueError:
                pass
    type_name = {
        bool: "true/false",
        int: "een geheel getal",
        float: "een getal",
        str: "tekst",
        time: "een tijd (UU:MM)",
    }.get(expected, str(expected))
    raise PolicyError(
        f"Beleidsprofiel '{profile}': de waarde van '{key}' moet {type_name} zijn, niet "
        f"{value!r}. Pas het profiel aan."
    )


def _build(cls: type, data: dict[str, Any], prefix: str, profile: str) -> Any:
    hints = get_type_hints(cls)
    known = {f.name for f in fields(cls)}
    for key in data:
        if key not in known:
            raise PolicyError(
                f"Beleidsprofiel '{profile}': onbekende instelling '{prefix}{key}'. Controleer de "
                "spelling of verwijder de regel."
            )
    values: dict[str, Any] = {}
    for f in fields(cls):
        if f.name not in data:
            if f.default is MISSING and f.default_factory is MISSING:
                raise PolicyError(
                    f"Beleidsprofiel '{profile}': de instelling '{prefix}{f.name}' ontbreekt."
                )
            continue
        expected = hints[f.name]
        raw = data[f.name]
        if isinstance(expected, type) and is_dataclass(expected):
            if not isinstance(raw, dict):
                raise PolicyError(
                    f"Beleidsprofiel '{profile}': '{prefix}{f.name}' moet een sectie "
                    f"[{prefix}{f.name}] zijn."
                )
            values[f.name] = _build(expected, raw, f"{prefix}{f.name}.", profile)
        else:
            values[f.name] = _convert(raw, expected, f"{prefix}{f.name}", profile)
    return cls(**values)


def parse_policy(text: str, name: str) -> Policy:
    """A profile from its TOML text; `name` is used when the file does not name itself."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise PolicyError(
            f"Beleidsprofiel '{name}' is geen geldige TOML: {exc}. Herstel het bestand."
        ) from exc
    data.setdefault("name", name)
    return _build(Policy, data, "", name)
