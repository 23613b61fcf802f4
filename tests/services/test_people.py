"""People and logins: the first beheerder, adding and changing people, passwords, OS accounts."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from tests.actors import RECEPTIE, TESTER
from verzuimdesk.domain.roles import Role
from verzuimdesk.errors import PermissionDenied, ValidationError
from verzuimdesk.services import people
from verzuimdesk.services.context import Context
from verzuimdesk.store.audit import AuditEntry
from verzuimdesk.store.people import Person

PASSWORD = "correct paard batterij"


def _first(ctx: Context) -> Context:
    actor = people.create_first_beheerder(ctx, "Bea Heer", "bea", PASSWORD)
    return Context(ctx.db, actor=actor, clock=ctx.clock)


def trail(ctx: Context) -> list[AuditEntry]:
    with ctx.db.unit_of_work() as session:
        return list(session.scalars(select(AuditEntry).order_by(AuditEntry.id)))


def test_the_first_start_makes_a_beheerder_and_only_once(ctx: Context) -> None:
    assert not people.has_people(ctx.db)
    beheerder = _first(ctx)
    assert people.has_people(ctx.db)
    assert beheerder.actor.role is Role.BEHEERDER and beheerder.actor.person_id is not None
    with pytest.raises(PermissionDenied, match="al een beheerder"):
        people.create_first_beheerder(ctx, "Iemand Anders", "anders", PASSWORD)
    [row] = trail(ctx)
    assert (row.action, row.user, row.person_id) == (
        "gebruiker.toegevoegd",
        "Bea Heer",
        beheerder.actor.person_id,
    )


def test_the_password_is_stored_as_an_argon2_hash(ctx: Context) -> None:
    _first(ctx)
    with ctx.db.unit_of_work() as session:
        stored = session.scalars(select(Person.password_hash)).one()
    assert stored is not None and stored.startswith("$argon2id$") and PASSWORD not in stored
    assert all(PASSWORD not in (row.after or "") for row in trail(ctx))


def test_log_in_with_the_right_password_names_the_person_in_the_trail(ctx: Context) -> None:
    beheerder = _first(ctx)
    people.add_person(beheerder, "Rita Receptie", "rita", Role.RECEPTIE, "balie wachtwoord")
    actor = people.log_in(ctx, " Rita ", "balie wachtwoord")
    assert (actor.name, actor.role) == ("Rita Receptie", Role.RECEPTIE)
    assert trail(ctx)[-1].action == "aangemeld" and trail(ctx)[-1].user == "Rita Receptie"


@pytest.mark.parametrize("login, password", [("rita", "fout wachtwoord"), ("niemand", PASSWORD)])
def test_a_wrong_login_is_refused_without_saying_which_part(
    ctx: Context, login: str, password: str
) -> None:
    beheerder = _first(ctx)
    people.add_person(beheerder, "Rita Receptie", "rita", Role.RECEPTIE, "balie wachtwoord")
    with pytest.raises(people.LoginFailed, match="Onbekende gebruikersnaam of onjuist"):
        people.log_in(ctx, login, password)
    assert trail(ctx)[-1].action == "aanmelden.mislukt"


def test_a_deactivated_person_cannot_log_in(ctx: Context) -> None:
    beheerder = _first(ctx)
    rita = people.add_person(beheerder, "Rita", "rita", Role.RECEPTIE, "balie wachtwoord")
    people.set_active(beheerder, rita.id, False)
    with pytest.raises(people.LoginFailed):
        people.log_in(ctx, "rita", "balie wachtwoord")
    people.set_active(beheerder, rita.id, True)
    assert people.log_in(ctx, "rita", "balie wachtwoord").name == "Rita"


def test_the_os_account_logs_in_only_when_the_beheerder_linked_it(ctx: Context) -> None:
    beheerder = _first(ctx)
    assert people.actor_for_account(ctx, "rvdberg") is None
    people.add_person(beheerder, "Rita", "rita", Role.RECEPTIE, None, account="rvdberg")
    actor = people.actor_for_account(ctx, "rvdberg")
    assert actor is not None and actor.name == "Rita"
    assert trail(ctx)[-1].after == '{"hoe": "computeraccount"}'


def test_a_mentor_needs_classes_and_keeps_them(ctx: Context) -> None:
    beheerder = _first(ctx)
    with pytest.raises(ValidationError) as refused:
        people.add_person(beheerder, "Mo", "mo", Role.MENTOR, "mentorwachtwoord")
    assert refused.value.field == "klassen"
    mo = people.add_person(beheerder, "Mo", "mo", Role.MENTOR, "mentorwachtwoord", ["2B", " 2A"])
    assert mo.klassen == ("2A", "2B")
    assert people.log_in(ctx, "mo", "mentorwachtwoord").klassen == frozenset({"2A", "2B"})


@pytest.mark.parametrize(
    "name, login, password, field",
    [
        ("", "x1", "lang genoeg wachtwoord", "naam"),
        ("Piet", "Piet Jansen", "lang genoeg wachtwoord", "gebruikersnaam"),
        ("Piet", "piet", "kort", "wachtwoord"),
    ],
)
def test_bad_input_names_the_field(
    ctx: Context, name: str, login: str, password: str, field: str
) -> None:
    beheerder = _first(ctx)
    with pytest.raises(ValidationError) as refused:
        people.add_person(beheerder, name, login, Role.RECEPTIE, password)
    assert refused.value.field == field


def test_a_login_name_and_an_account_are_unique(ctx: Context) -> None:
    beheerder = _first(ctx)
    people.add_person(beheerder, "Rita", "rita", Role.RECEPTIE, None, account="rvdberg")
    with pytest.raises(ValidationError, match="al in gebruik"):
        people.add_person(beheerder, "Rita 2", "rita", Role.RECEPTIE, "balie wachtwoord")
    with pytest.raises(ValidationError, match="al gekoppeld aan Rita"):
        people.add_person(beheerder, "Rob", "rob", Role.RECEPTIE, None, account="rvdberg")


def test_the_last_beheerder_cannot_be_demoted_or_deactivated(ctx: Context) -> None:
    beheerder = _first(ctx)
    me = beheerder.actor.person_id
    assert me is not None
    with pytest.raises(ValidationError, match="enige actieve beheerder"):
        people.set_active(beheerder, me, False)
    with pytest.raises(ValidationError, match="enige actieve beheerder"):
        people.change_person(beheerder, me, "Bea Heer", Role.COORDINATOR)
    people.add_person(beheerder, "Tweede", "tweede", Role.BEHEERDER, "tweede wachtwoord")
    people.change_person(beheerder, me, "Bea Heer", Role.COORDINATOR)


def test_changes_are_audited_with_before_and_after(ctx: Context) -> None:
    beheerder = _first(ctx)
    rita = people.add_person(beheerder, "Rita", "rita", Role.RECEPTIE, "balie wachtwoord")
    people.change_person(beheerder, rita.id, "Rita de Vries", Role.VERZUIMMEDEWERKER)
    people.set_password(beheerder, rita.id, "nieuw balie wachtwoord")
    rows = trail(ctx)
    changed = next(r for r in rows if r.action == "gebruiker.gewijzigd")
    assert '"role": "receptie"' in (changed.before or "")
    assert '"role": "verzuimmedewerker"' in (changed.after or "")
    assert rows[-1].action == "gebruiker.wachtwoord_ingesteld"
    assert "wachtwoord" not in (rows[-1].after or "") and rows[-1].user == "Bea Heer"


@pytest.mark.parametrize(
    "use",
    [
        lambda c: people.list_people(c),
        lambda c: people.add_person(c, "X", "xx", Role.RECEPTIE, "lang genoeg wachtwoord"),
        lambda c: people.set_active(c, 1, False),
        lambda c: people.set_password(c, 1, "lang genoeg wachtwoord"),
        lambda c: people.change_person(c, 1, "X", Role.BEHEERDER),
    ],
)
def test_only_a_beheerder_manages_people(ctx: Context, use) -> None:  # type: ignore[no-untyped-def]
    _first(ctx)
    with pytest.raises(PermissionDenied, match="gebruikers en rollen beheren"):
        use(Context(ctx.db, actor=RECEPTIE, clock=ctx.clock))
    assert TESTER.role is Role.BEHEERDER
