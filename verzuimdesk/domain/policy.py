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
class Presentie:
    """R-PRESENTIE: presence after this many lesweken of nothing but ongeoorloofd absence."""

    min_lesweken: int = 4


@dataclass(frozen=True)
class Rapportage:
    """The reports: MTSS tier limits (attendance % of planned lesson time, inclusive lower
    bounds) and when a lesson the whole class misses counts as a class-wide pattern."""

    niveau_1_vanaf: float = 95.0
    niveau_2_vanaf: float = 90.0
    patroon_min_aandeel: float = 0.25  # at least this share of the lesson's student-lessons missed
    patroon_factor: float = 2.0  # … and this many times the class's share over all its lessons
    patroon_min_gemist: int = 3  # … and at least this many student-lessons: one student is no class


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
    presentie: Presentie = field(default_factory=Presentie)
    rapportage: Rapportage = field(default_factory=Rapportage)
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


# -- editing a profile (Instellingen > Beleid) ---------------------------------------------------

PolicyValue = bool | int | float | str | time

# the range a school may choose for each number: outside it a value is a typo or makes a rule
# meaningless (0 lesweken, a threshold of 2000 hours); the law's own values lie well inside
LIMITS: dict[str, tuple[float, float]] = {
    "r16u.threshold_minutes": (60, 6000),
    "r16u.window_lesweken": (1, 12),
    "r16u.deadline_werkdagen": (0, 30),
    "r16u.repeat_min_days": (0, 90),
    "lrv.lesweken": (1, 12),
    "lrv.deadline_werkdagen": (0, 30),
    "te_laat.max_times": (1, 100),
    "te_laat.window_lesweken": (1, 12),
    "te_laat.late_max_minutes": (0, 60),
    "ziek.long_days": (1, 365),
    "ziek.often_episodes": (1, 20),
    "ziek.often_months": (1, 12),
    "ziek.year_minutes": (60, 20000),
    "ziek.pattern_min_reports": (2, 50),
    "ziek.pattern_min_same_weekday": (2, 50),
    "ziek.pattern_share": (0.1, 1.0),
    "ziek.pattern_afterwards_min": (1, 50),
    "ziek.pattern_afterwards_share": (0.1, 1.0),
    "ib_8w.absence_weeks": (1, 20),
    "ib_8w.period_weeks": (1, 26),
    "ib_8w.report_werkdagen": (0, 30),
    "ib_8w.letter_after_weeks": (1, 20),
    "ib_8w.letter_werkdagen": (0, 30),
    "noshow.weeks": (1, 8),
    "noshow.deadline_werkdagen": (0, 30),
    "ziekmelden.late_report_days": (0, 14),
    "verlof.vakantie_max_days": (0, 20),
    "verlof.vakantie_blocked_first_lesweken": (0, 10),
    "verlof.vakantie_ask_weeks_ahead": (0, 26),
    "verlof.gewichtig_max_days": (0, 60),
    "verlof.gewichtig_late_days": (0, 14),
    "verlof.religious_notice_days": (0, 14),
    "verlof.coach_max_days": (0, 10),
    "verlof.director_max_days": (0, 60),
    "bellijst.near_threshold_minutes": (0, 6000),
    "gesprekken.check_every_days": (1, 90),
    "gesprekken.evaluate_within_weeks": (1, 52),
}

# the values a text setting may take
CHOICES: dict[str, tuple[str, ...]] = {"ziekmelden.mode": ("wettelijk", "mbo-utrecht")}


def sections() -> list[tuple[str, type]]:
    """The sections of a profile in file order: (TOML section name, its dataclass)."""
    hints = get_type_hints(Policy)
    return [(f.name, hints[f.name]) for f in fields(Policy) if is_dataclass(hints[f.name])]


def value_types() -> dict[str, type]:
    """Every editable key ("r16u.threshold_minutes") with its type, in file order."""
    result: dict[str, type] = {}
    for section, cls in sections():
        hints = get_type_hints(cls)
        for f in fields(cls):
            result[f"{section}.{f.name}"] = hints[f.name]
    return result


def flatten(policy: Policy) -> dict[str, PolicyValue]:
    """Every key of a profile with its value: {"r16u.threshold_minutes": 960, …}."""
    result: dict[str, PolicyValue] = {}
    for section, cls in sections():
        part = getattr(policy, section)
        for f in fields(cls):
            result[f"{section}.{f.name}"] = getattr(part, f.name)
    return result


def check_limits(values: dict[str, PolicyValue]) -> list[tuple[str, str]]:
    """(key, Dutch reason) for every value outside its range or choices; empty when all fit."""
    wrong: list[tuple[str, str]] = []
    for key, value in values.items():
        if key in LIMITS and isinstance(value, int | float) and not isinstance(value, bool):
            low, high = LIMITS[key]
            if not low <= value <= high:
                shown = (f"{low:g}", f"{high:g}") if isinstance(value, float) else (low, high)
                wrong.append(
                    (
                        key,
                        f"moet tussen {shown[0]} en {shown[1]} liggen, niet {value:g}".replace(
                            ".", ","
                        ),
                    )
                )
        if key in CHOICES and value not in CHOICES[key]:
            wrong.append((key, f"moet een van {', '.join(CHOICES[key])} zijn, niet '{value}'"))
    return wrong


def _toml_value(value: PolicyValue) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, time):
        return f'"{value:%H:%M}"'
    if isinstance(value, str):
        return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
    if isinstance(value, float):
        return repr(value)
    return str(value)


def to_toml(
    name: str,
    description: str,
    values: dict[str, PolicyValue],
    notes: dict[str, str] | None = None,
) -> str:
    """A profile as TOML text that `parse_policy` reads back to the same values; `notes` become
    the comment after a key (where its value comes from)."""
    notes = notes or {}
    lines = [f"name = {_toml_value(name)}", f"description = {_toml_value(description)}"]
    current = None
    for key, value in values.items():
        section, field_name = key.split(".", 1)
        if section != current:
            lines += ["", f"[{section}]"]
            current = section
        line = f"{field_name} = {_toml_value(value)}"
        if notes.get(key):
            line += f"  # {notes[key]}"
        lines.append(line)
    return "\n".join(lines) + "\n"
