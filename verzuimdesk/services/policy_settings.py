"""Instellingen > Beleid: which policy profile is in force, its keys, and saving a changed one.

A shipped profile (resources/policies/NAME.toml) is never changed. Saving changed values makes a
new *version* of the school's own profile, stored as its own row ("mbo-utrecht-v2") that is never
changed afterwards, and puts it in force. Every signal records the name of the profile it was
raised under (signal.policy_name), so it keeps pointing at the version in force on that day and
an old decision can still be explained (domain.md "Policy profiles").
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from datetime import time
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from verzuimdesk import paths
from verzuimdesk.domain.policy import (
    CHOICES,
    LIMITS,
    PolicyValue,
    check_limits,
    flatten,
    to_toml,
    value_types,
)
from verzuimdesk.domain.roles import Permission
from verzuimdesk.errors import PolicyError, ValidationError
from verzuimdesk.services import audit
from verzuimdesk.services.access import require
from verzuimdesk.services.changes import Changes
from verzuimdesk.services.context import Context
from verzuimdesk.services.school import get_school, load_policy, shipped_policy_names
from verzuimdesk.store.school import PolicyProfileRow, School

_VERSION = re.compile(r"^(?P<base>.+)-v(?P<n>\d+)$")

# what the screen calls each section and key: the user's words, never a rule id
SECTION_LABELS = {
    "r16u": "16 uur ongeoorloofd verzuim",
    "lrv": "Langdurig relatief verzuim",
    "te_laat": "Te laat komen",
    "ziek": "Ziekteverzuim",
    "ib_8w": "Studiefinanciering (entree en niveau 2)",
    "noshow": "Niet verschenen (no show)",
    "ziekmelden": "Ziekmelden",
    "verlof": "Verlof",
    "ouders": "Ouders van meerderjarigen",
    "bellijst": "Bellijst",
    "gesprekken": "Verzuimgesprekken",
    "brieven": "Verzuimbrieven",
}
KEY_LABELS = {
    "r16u.threshold_minutes": "Grens in minuten ongeoorloofd afwezig",
    "r16u.window_lesweken": "Binnen hoeveel lesweken",
    "r16u.deadline_werkdagen": "Melden binnen werkdagen",
    "r16u.repeat_min_days": "Herhaalmelding op z'n vroegst na dagen",
    "lrv.lesweken": "Lesweken zonder enige les gevolgd",
    "lrv.deadline_werkdagen": "Melden binnen werkdagen",
    "te_laat.max_times": "Meer dan zoveel keer te laat",
    "te_laat.window_lesweken": "Binnen hoeveel lesweken",
    "te_laat.late_max_minutes": "Later dan zoveel minuten telt als afwezig",
    "te_laat.enabled": "Signaleren",
    "ziek.long_days": "Langdurig ziek na dagen",
    "ziek.often_episodes": "Vaak ziek: aantal ziekmeldingen",
    "ziek.often_months": "Vaak ziek: binnen maanden",
    "ziek.year_minutes": "Ziek per schooljaar, minuten",
    "ziek.pattern_min_reports": "Patroon: minstens ziekmeldingen",
    "ziek.pattern_min_same_weekday": "Patroon: minstens op dezelfde weekdag",
    "ziek.pattern_share": "Patroon: aandeel op die weekdag (0 tot 1)",
    "ziek.pattern_afterwards_min": "Achteraf gemeld: minstens keren",
    "ziek.pattern_afterwards_share": "Achteraf gemeld: aandeel (0 tot 1)",
    "ib_8w.enabled": "Signaleren",
    "ib_8w.absence_weeks": "Weken aaneengesloten afwezig",
    "ib_8w.period_weeks": "Periode in weken",
    "ib_8w.report_werkdagen": "Melden binnen werkdagen",
    "ib_8w.letter_after_weeks": "Brief na weken afwezig",
    "ib_8w.letter_werkdagen": "Brief binnen werkdagen",
    "noshow.enabled": "Signaleren",
    "noshow.weeks": "Eerste weken van het schooljaar",
    "noshow.deadline_werkdagen": "Actie binnen werkdagen",
    "ziekmelden.mode": "Werkwijze (wettelijk of mbo-utrecht)",
    "ziekmelden.whole_day_before": "Hele dag ziek: melden vóór",
    "ziekmelden.enter_before": "Invoeren vóór",
    "ziekmelden.late_report_days": "Achteraf melden tot dagen",
    "ziekmelden.retroactive_allowed": "Achteraf ziekmelden toegestaan",
    "verlof.vakantie_max_days": "Vakantieverlof: hoogstens schooldagen",
    "verlof.vakantie_blocked_first_lesweken": "Geen vakantieverlof in de eerste lesweken",
    "verlof.vakantie_ask_weeks_ahead": "Vakantieverlof aanvragen weken vooraf",
    "verlof.gewichtig_max_days": "Gewichtige omstandigheden: hoogstens dagen",
    "verlof.gewichtig_late_days": "Gewichtige omstandigheden: achteraf tot dagen",
    "verlof.religious_notice_days": "Godsdienstige verplichting: melden dagen vooraf",
    "verlof.coach_max_days": "Beslist door de coach: hoogstens dagen",
    "verlof.director_max_days": "Beslist door de directeur: hoogstens dagen",
    "ouders.inform_18plus_by_default": "Ouders van 18-plussers standaard informeren",
    "bellijst.near_threshold_minutes": "Bijna 16 uur: vanaf minuten",
    "bellijst.brugklas_every_absence": "Brugklas: elke afwezigheid bellen",
    "gesprekken.check_every_days": "Gesprek opvolgen elke dagen",
    "gesprekken.evaluate_within_weeks": "Evalueren binnen weken",
    "brieven.termijn_werkdagen": "Brief versturen binnen werkdagen na de gebeurtenis",
    "brieven.a_herstart_lesweken": "Eerste-dagbrief opnieuw na lesweken zonder verzuim",
}


@dataclass(frozen=True)
class PolicyKey:
    key: str  # "r16u.threshold_minutes"
    section: str  # Dutch
    label: str  # Dutch
    value: PolicyValue
    standard: PolicyValue  # the shipped profile's value
    source: str  # where the standard value comes from (the shipped file's comment)
    kind: type

    @property
    def differs(self) -> bool:
        return self.value != self.standard


@dataclass(frozen=True)
class PolicyView:
    in_force: str
    base: str  # the shipped profile it derives from
    version: int | None  # None: the shipped profile itself
    description: str
    keys: list[PolicyKey]
    choices: list[str]  # shipped profiles and the newest version of each own profile


def base_and_version(name: str) -> tuple[str, int | None]:
    match = _VERSION.match(name)
    if match:
        return match["base"], int(match["n"])
    return name, None


def shipped_sources(name: str) -> dict[str, str]:
    """The comment after each key of a shipped profile: where its value comes from."""
    path = paths.resources_dir() / "policies" / f"{name}.toml"
    if not path.exists():
        return {}
    sources: dict[str, str] = {}
    section = ""
    for line in path.read_text(encoding="utf-8").splitlines():
        stripped = line.strip()
        if stripped.startswith("[") and stripped.endswith("]"):
            section = stripped[1:-1].strip()
            continue
        if "=" not in stripped or stripped.startswith("#") or not section:
            continue
        key, rest = stripped.split("=", 1)
        # a '#' inside a quoted value is not a comment: parse the value part to find where it ends
        if "#" in rest:
            for cut in [i for i, ch in enumerate(rest) if ch == "#"]:
                try:
                    tomllib.loads(f"x = {rest[:cut]}")
                except tomllib.TOMLDecodeError:
                    continue
                sources[f"{section}.{key.strip()}"] = rest[cut + 1 :].strip()
                break
    return sources


def _versions(session: Session, base: str) -> list[int]:
    names = session.scalars(select(PolicyProfileRow.name)).all()
    found = []
    for name in names:
        match = _VERSION.match(name)
        if match and match["base"] == base:
            found.append(int(match["n"]))
    return sorted(found)


def _choices(session: Session) -> list[str]:
    """Each profile (shipped or the school's own), followed by its newest saved version."""
    own = list(session.scalars(select(PolicyProfileRow.name)))
    bases = list(shipped_policy_names())
    bases += sorted({base_and_version(name)[0] for name in own} - set(bases))
    result = []
    for base in bases:
        if base in own or base in shipped_policy_names():
            result.append(base)
        versions = _versions(session, base)
        if versions:
            result.append(f"{base}-v{versions[-1]}")
    return result


def policy_view(ctx: Context, name: str | None = None) -> PolicyView:
    """The profile in force (or `name`), every key with its standard and source."""
    require(ctx, Permission.SETTINGS)
    with ctx.db.unit_of_work() as session:
        school = get_school(session)
        in_force = school.policy_name if school else "wettelijk"
        shown = name or in_force
        policy = load_policy(session, shown)
        base, version = base_and_version(shown)
        standard = flatten(load_policy(session, base)) if base != shown else flatten(policy)
        choices = _choices(session)
    sources = shipped_sources(base)
    types = value_types()
    keys = [
        PolicyKey(
            key=key,
            section=SECTION_LABELS.get(key.split(".")[0], key.split(".")[0]),
            label=KEY_LABELS.get(key, key.split(".")[1]),
            value=value,
            standard=standard.get(key, value),
            source=sources.get(key, "standaardwaarde van verzuimdesk"),
            kind=types[key],
        )
        for key, value in flatten(policy).items()
    ]
    return PolicyView(in_force, base, version, policy.description, keys, choices)


# -- text from the screen to values ------------------------------------------------------------

_TRUE = {"ja", "j", "true", "waar", "aan", "1"}
_FALSE = {"nee", "n", "false", "onwaar", "uit", "0"}


def parse_value(key: str, text: str) -> PolicyValue:
    """A value typed on screen, or a ValidationError naming the setting and what to type."""
    kind = value_types()[key]
    label = _label(key)
    raw = text.strip()
    try:
        if kind is bool:
            if raw.lower() in _TRUE:
                return True
            if raw.lower() in _FALSE:
                return False
            raise ValueError
        if kind is int:
            return int(raw)
        if kind is float:
            return float(raw.replace(",", "."))
        if kind is time:
            return time.fromisoformat(raw if len(raw) != 4 else "0" + raw)
        return raw
    except ValueError:
        expected = {
            bool: "ja of nee",
            int: "een geheel getal",
            float: "een getal, zoals 0,5",
            time: "een tijd als 08:30",
        }[kind]
        raise ValidationError(
            f"{label}: '{raw}' is geen geldige waarde; vul {expected} in.", field=key
        ) from None


def _label(key: str) -> str:
    section = SECTION_LABELS.get(key.split(".")[0], key.split(".")[0])
    return f"'{KEY_LABELS.get(key, key)}' bij {section}"


def describe(value: Any) -> str:
    """How a value is shown on screen (and typed back)."""
    if isinstance(value, bool):
        return "ja" if value else "nee"
    if isinstance(value, time):
        return f"{value:%H:%M}"
    if isinstance(value, float):
        return f"{value:g}".replace(".", ",")
    return str(value)


# -- use cases ---------------------------------------------------------------------------------


def choose_policy(ctx: Context, name: str) -> Changes:
    """Put another profile (shipped, or one of the school's versions) in force."""
    require(ctx, Permission.SETTINGS)
    with ctx.db.unit_of_work() as session:
        load_policy(session, name)  # refuses an unknown or broken profile with its message
        school = session.get(School, 1)
        if school is None:
            raise ValidationError("Stel eerst de school in (onderdeel School).", field="profiel")
        if school.policy_name == name:
            return Changes()
        audit.record(
            session,
            ctx,
            "beleid.kiezen",
            "school",
            1,
            {"beleidsprofiel": school.policy_name},
            {"beleidsprofiel": name},
        )
        school.policy_name = name
    return Changes(settings=True, signals=True)


def save_values(ctx: Context, shown: str, texts: dict[str, str]) -> tuple[str, Changes]:
    """Save the values typed for profile `shown` as a new version and put it in force.

    Every value is checked first (type, range, choices); one wrong value refuses the whole save
    with a message naming it, and nothing is changed. Returns the new version's name.
    """
    require(ctx, Permission.SETTINGS)
    with ctx.db.unit_of_work() as session:
        current = flatten(load_policy(session, shown))
        values = dict(current)
        for key, text in texts.items():
            if key not in values:
                raise ValidationError(f"Onbekende instelling '{key}'.", field=key)
            values[key] = parse_value(key, text)
        wrong = check_limits(values)
        if wrong:
            key, reason = wrong[0]
            raise ValidationError(f"{_label(key)} {reason}. Er is niets opgeslagen.", field=key)
        if values == current:
            return shown, Changes()
        base, _ = base_and_version(shown)
        versions = _versions(session, base)
        number = (versions[-1] if versions else 1) + 1
        name = f"{base}-v{number}"
        standard = flatten(load_policy(session, base)) if base in shipped_policy_names() else {}
        sources = shipped_sources(base)
        notes = {
            key: (
                f"eigen waarde (standaard {describe(standard[key])})"
                if key in standard and standard[key] != value
                else sources.get(key, "")
            )
            for key, value in values.items()
        }
        description = (
            f"Eigen versie {number} van '{base}', opgeslagen door {ctx.user} op "
            f"{ctx.now():%d-%m-%Y %H:%M}"
        )
        text = to_toml(name, description, values, notes)
        load_policy_text_check(text, name)
        session.add(PolicyProfileRow(name=name, toml=text, updated_at=ctx.now()))
        school = session.get(School, 1)
        before_name = school.policy_name if school else None
        if school is not None:
            school.policy_name = name
        changed = {key: describe(values[key]) for key in values if values[key] != current[key]}
        audit.record(
            session,
            ctx,
            "beleid.opslaan",
            "policy_profile",
            name,
            {"beleidsprofiel": before_name, **{k: describe(current[k]) for k in changed}},
            {"beleidsprofiel": name, **changed},
        )
    return name, Changes(settings=True, signals=True)


def load_policy_text_check(text: str, name: str) -> None:
    """The written TOML must read back; a failure here is a bug, never the user's input."""
    from verzuimdesk.domain.policy import parse_policy

    try:
        parse_policy(text, name)
    except PolicyError as exc:  # pragma: no cover - guards to_toml
        raise AssertionError(f"to_toml wrote a profile that does not read back: {exc}") from exc


__all__ = [
    "CHOICES",
    "LIMITS",
    "PolicyKey",
    "PolicyView",
    "choose_policy",
    "describe",
    "parse_value",
    "policy_view",
    "save_values",
]
