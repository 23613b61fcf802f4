"""The shipped policy profiles parse, cite a source per key, and a broken one names the key."""

from __future__ import annotations

import re

import pytest

from verzuimdesk import paths
from verzuimdesk.domain.policy import parse_policy
from verzuimdesk.errors import PolicyError

NAMES = ("wettelijk", "mbo-utrecht", "vo-groningen")


@pytest.mark.parametrize("name", NAMES)
def test_shipped_profile_parses_and_every_key_cites_its_source(name: str) -> None:
    text = (paths.resources_dir() / "policies" / f"{name}.toml").read_text(encoding="utf-8")
    policy = parse_policy(text, name)
    assert policy.name == name
    assert policy.r16u.threshold_minutes == 960 and policy.r16u.deadline_werkdagen == 5
    in_section = False
    for line in text.splitlines():
        if line.startswith("["):
            in_section = True
        elif in_section and re.match(r"^\w+ = ", line):
            assert "#" in line, f"{name}: no source for {line!r}"


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("[r16u]\nthreshold_minutes = '16 uur'\n", "r16u.threshold_minutes"),
        ("[r16u]\ndrempel = 960\n", "r16u.drempel"),
        ("[te_laat]\nenabled = 1\n", "te_laat.enabled"),
        ("r16u = 5\n", "r16u"),
    ],
)
def test_broken_profile_names_the_key(text: str, key: str) -> None:
    with pytest.raises(PolicyError) as caught:
        parse_policy(text, "kapot")
    assert f"'{key}'" in caught.value.message or f"[{key}]" in caught.value.message


def test_vo_groningen_switches_off_the_mbo_rules() -> None:
    text = (paths.resources_dir() / "policies" / "vo-groningen.toml").read_text(encoding="utf-8")
    policy = parse_policy(text, "vo-groningen")
    assert not policy.noshow.enabled and not policy.ib_8w.enabled
