"""The school's details: cleaned up, checked, audited, and only for who may change settings."""

from __future__ import annotations

import pytest

from tests.desk_helpers import make_school
from verzuimdesk.domain.roles import Role
from verzuimdesk.errors import PermissionDenied, ValidationError
from verzuimdesk.services import school_settings
from verzuimdesk.services.context import Actor, Context
from verzuimdesk.services.school_settings import SchoolDetails


def test_details_are_cleaned_and_the_region_change_touches_signals(ctx: Context) -> None:
    make_school(ctx, students=False)
    changes = school_settings.save_details(
        ctx,
        SchoolDetails(" Testcollege ", "mbo", "noord", brin="12 ab", postcode="3511ab"),
    )
    assert changes.settings and changes.signals
    saved = school_settings.get_details(ctx)
    assert (saved.name, saved.brin, saved.postcode, saved.region) == (
        "Testcollege",
        "12AB",
        "3511 AB",
        "noord",
    )
    assert not school_settings.save_details(ctx, saved).settings  # nothing changed


def test_a_wrong_sector_names_the_field(ctx: Context) -> None:
    make_school(ctx, students=False)
    with pytest.raises(ValidationError) as raised:
        school_settings.save_details(ctx, SchoolDetails("X", "havo", "noord"))
    assert raised.value.field == "sector"


def test_a_mentor_may_not_change_the_school(ctx: Context) -> None:
    make_school(ctx, students=False)
    mentor = Context(ctx.db, actor=Actor("m", Role.MENTOR))
    with pytest.raises(PermissionDenied):
        school_settings.save_details(mentor, SchoolDetails("X", "vo", "noord"))
