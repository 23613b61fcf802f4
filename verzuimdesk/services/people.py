"""The people who work with the program: adding, changing and deactivating them, and logging in.

A person logs in with a login name and password (argon2 hashes through argon2-cffi) or, where the
beheerder has linked their operating-system account, is recognised by that account without a
password. The first person is the beheerder, made on first start (GUI dialog or
`verzuimdesk people add --role beheerder`); after that only a beheerder adds or changes people.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from verzuimdesk.domain.roles import Permission, Role
from verzuimdesk.errors import NotFoundError, PermissionDenied, ValidationError
from verzuimdesk.services import audit
from verzuimdesk.services.access import require
from verzuimdesk.services.changes import Changes
from verzuimdesk.services.context import Actor, Context, os_account
from verzuimdesk.store.database import Database
from verzuimdesk.store.people import Person

MIN_PASSWORD = 10
_LOGIN = re.compile(r"^[a-z0-9][a-z0-9._-]{1,59}$")
_HASHER = PasswordHasher()
_FIELDS = ("name", "login", "role", "klassen", "os_account", "active")
ROLE_CHOICES = {role.value: role for role in Role}


class LoginFailed(PermissionDenied):
    """Wrong login name or password, or a deactivated person; the message does not say which."""

    def __init__(self) -> None:
        super().__init__(
            "Onbekende gebruikersnaam of onjuist wachtwoord. Probeer het opnieuw of vraag de "
            "beheerder een nieuw wachtwoord in te stellen."
        )


@dataclass(frozen=True)
class PersonView:
    id: int
    name: str
    login: str
    role: Role
    klassen: tuple[str, ...]
    os_account: str | None
    active: bool
    has_password: bool

    @property
    def klassen_text(self) -> str:
        return ", ".join(self.klassen)

    @property
    def status_text(self) -> str:
        return "actief" if self.active else "gedeactiveerd"


def _klassen(text: str) -> tuple[str, ...]:
    return tuple(k for k in (part.strip() for part in text.split(",")) if k)


def _view(person: Person) -> PersonView:
    return PersonView(
        person.id,
        person.name,
        person.login,
        Role(person.role),
        _klassen(person.klassen),
        person.os_account,
        person.active,
        person.password_hash is not None,
    )


def actor_of(person: Person | PersonView) -> Actor:
    klassen = person.klassen if isinstance(person, PersonView) else _klassen(person.klassen)
    return Actor(
        name=person.name,
        role=Role(person.role) if isinstance(person.role, str) else person.role,
        person_id=person.id,
        klassen=frozenset(klassen),
    )


def _snapshot(person: Person) -> dict[str, object]:
    return audit.snapshot(person, *_FIELDS)


def _clean_name(name: str) -> str:
    name = " ".join(name.split())
    if not name:
        raise ValidationError("Vul de naam van de gebruiker in.", field="naam")
    if len(name) > 100:
        raise ValidationError("De naam is langer dan 100 tekens; kort hem in.", field="naam")
    return name


def _clean_login(login: str) -> str:
    login = login.strip().lower()
    if not _LOGIN.match(login):
        raise ValidationError(
            "De gebruikersnaam moet 2 tot 60 tekens lang zijn: kleine letters, cijfers, punt, "
            "streepje of liggend streepje, beginnend met een letter of cijfer "
            "(bijvoorbeeld 'j.devries').",
            field="gebruikersnaam",
        )
    return login


def _clean_klassen(role: Role, klassen: Iterable[str]) -> str:
    cleaned = sorted({k.strip() for k in klassen if k.strip()})
    if role is Role.MENTOR and not cleaned:
        raise ValidationError(
            "Een mentor werkt met de leerlingen van de eigen klassen: vul minstens één klas in.",
            field="klassen",
        )
    if any("," in k or len(k) > 32 for k in cleaned):
        raise ValidationError("Een klas heeft hoogstens 32 tekens.", field="klassen")
    return ",".join(cleaned) if role is Role.MENTOR else ""


def _clean_account(account: str | None) -> str | None:
    account = (account or "").strip()
    if len(account) > 100:
        raise ValidationError("Het computeraccount is langer dan 100 tekens.", field="account")
    return account or None


def hash_password(password: str) -> str:
    if len(password) < MIN_PASSWORD:
        raise ValidationError(
            f"Het wachtwoord moet minstens {MIN_PASSWORD} tekens lang zijn.", field="wachtwoord"
        )
    if "\x00" in password:
        raise ValidationError("Het wachtwoord bevat een ongeldig teken.", field="wachtwoord")
    return _HASHER.hash(password)


def _check_unique(session: Session, login: str, account: str | None, own_id: int | None) -> None:
    clash = session.scalar(select(Person).where(Person.login == login, Person.id != (own_id or 0)))
    if clash is not None:
        raise ValidationError(
            f"De gebruikersnaam '{login}' is al in gebruik; kies een andere.",
            field="gebruikersnaam",
        )
    if account is not None:
        clash = session.scalar(
            select(Person).where(Person.os_account == account, Person.id != (own_id or 0))
        )
        if clash is not None:
            raise ValidationError(
                f"Het computeraccount '{account}' is al gekoppeld aan {clash.name}.",
                field="account",
            )


def has_people(db: Database) -> bool:
    """Whether the first beheerder has been made (before that the program asks for one)."""
    with db.unit_of_work() as session:
        return bool(session.scalar(select(func.count()).select_from(Person)))


def _active_beheerders(session: Session) -> int:
    return int(
        session.scalar(
            select(func.count())
            .select_from(Person)
            .where(Person.role == Role.BEHEERDER.value, Person.active.is_(True))
        )
        or 0
    )


def create_first_beheerder(
    ctx: Context, name: str, login: str, password: str | None, account: str | None = None
) -> Actor:
    """The first person, a beheerder, on a database without people. Refused once people exist:
    from then on only a logged-in beheerder adds people."""
    name, login, account = _clean_name(name), _clean_login(login), _clean_account(account)
    if password is None and account is None:
        raise ValidationError(
            "Geef de beheerder een wachtwoord of koppel een computeraccount.", field="wachtwoord"
        )
    hashed = None if password is None else hash_password(password)
    with ctx.db.unit_of_work() as session:
        if session.scalar(select(func.count()).select_from(Person)):
            raise PermissionDenied(
                "Er is al een beheerder. Meld u aan; alleen een beheerder voegt gebruikers toe."
            )
        person = Person(
            name=name,
            login=login,
            password_hash=hashed,
            role=Role.BEHEERDER.value,
            klassen="",
            os_account=account,
            active=True,
            created_at=ctx.now(),
        )
        session.add(person)
        session.flush()
        actor = actor_of(person)
        as_person = Context(ctx.db, actor=actor, clock=ctx.clock)
        audit.record(
            session, as_person, "gebruiker.toegevoegd", "person", person.id, None, _snapshot(person)
        )
    return actor


def list_people(ctx: Context) -> list[PersonView]:
    require(ctx, Permission.PEOPLE)
    with ctx.db.unit_of_work() as session:
        rows = session.scalars(select(Person).order_by(Person.active.desc(), Person.name)).all()
        return [_view(p) for p in rows]


def person_names(ctx: Context) -> list[tuple[int, str]]:
    """Id and name of everyone, for the Logboek's person filter."""
    require(ctx, Permission.AUDIT_LOG)
    with ctx.db.unit_of_work() as session:
        rows = session.execute(select(Person.id, Person.name).order_by(Person.name))
        return [(row.id, row.name) for row in rows]


def add_person(
    ctx: Context,
    name: str,
    login: str,
    role: Role,
    password: str | None = None,
    klassen: Iterable[str] = (),
    account: str | None = None,
) -> PersonView:
    require(ctx, Permission.PEOPLE)
    name, login, account = _clean_name(name), _clean_login(login), _clean_account(account)
    klassen_text = _clean_klassen(role, klassen)
    hashed = None if not password else hash_password(password)
    with ctx.db.unit_of_work() as session:
        _check_unique(session, login, account, None)
        person = Person(
            name=name,
            login=login,
            password_hash=hashed,
            role=role.value,
            klassen=klassen_text,
            os_account=account,
            active=True,
            created_at=ctx.now(),
        )
        session.add(person)
        session.flush()
        audit.record(
            session, ctx, "gebruiker.toegevoegd", "person", person.id, None, _snapshot(person)
        )
        return _view(person)


def _get(session: Session, person_id: int) -> Person:
    person = session.get(Person, person_id)
    if person is None:
        raise NotFoundError(f"Gebruiker {person_id} bestaat niet (meer).")
    return person


def find_person(ctx: Context, login: str) -> PersonView:
    require(ctx, Permission.PEOPLE)
    with ctx.db.unit_of_work() as session:
        person = session.scalar(select(Person).where(Person.login == login.strip().lower()))
        if person is None:
            raise NotFoundError(f"Er is geen gebruiker met gebruikersnaam '{login}'.")
        return _view(person)


def change_person(
    ctx: Context,
    person_id: int,
    name: str,
    role: Role,
    klassen: Iterable[str] = (),
    account: str | None = None,
) -> Changes:
    require(ctx, Permission.PEOPLE)
    name, account = _clean_name(name), _clean_account(account)
    klassen_text = _clean_klassen(role, klassen)
    with ctx.db.unit_of_work() as session:
        person = _get(session, person_id)
        _check_unique(session, person.login, account, person.id)
        before = _snapshot(person)
        if person.role == Role.BEHEERDER.value and role is not Role.BEHEERDER and person.active:
            _keep_a_beheerder(session)
        person.name, person.role = name, role.value
        person.klassen, person.os_account = klassen_text, account
        after = _snapshot(person)
        if after != before:
            audit.record(session, ctx, "gebruiker.gewijzigd", "person", person.id, before, after)
    return Changes(people=True)


def _keep_a_beheerder(session: Session) -> None:
    if _active_beheerders(session) <= 1:
        raise ValidationError(
            "Dit is de enige actieve beheerder. Maak eerst iemand anders beheerder; anders kan "
            "niemand meer gebruikers of instellingen beheren.",
            field="rol",
        )


def set_active(ctx: Context, person_id: int, active: bool) -> Changes:
    """Deactivate (the person can no longer log in; their name stays in the trail) or activate."""
    require(ctx, Permission.PEOPLE)
    with ctx.db.unit_of_work() as session:
        person = _get(session, person_id)
        if person.active == active:
            return Changes()
        if not active and person.role == Role.BEHEERDER.value:
            _keep_a_beheerder(session)
        before = _snapshot(person)
        person.active = active
        action = "gebruiker.geactiveerd" if active else "gebruiker.gedeactiveerd"
        audit.record(session, ctx, action, "person", person.id, before, _snapshot(person))
    return Changes(people=True)


def set_password(ctx: Context, person_id: int, password: str) -> Changes:
    """A beheerder sets a (new) password; the trail records that it changed, never the hash."""
    require(ctx, Permission.PEOPLE)
    hashed = hash_password(password)
    with ctx.db.unit_of_work() as session:
        person = _get(session, person_id)
        person.password_hash = hashed
        audit.record(session, ctx, "gebruiker.wachtwoord_ingesteld", "person", person.id)
    return Changes(people=True)


def log_in(ctx: Context, login: str, password: str) -> Actor:
    """The actor for a login name and password; `LoginFailed` for anything wrong (without saying
    what, so nobody learns which login names exist). Both outcomes go into the trail."""
    login = login.strip().lower()
    with ctx.db.unit_of_work() as session:
        person = session.scalar(select(Person).where(Person.login == login))
        ok = False
        if person is not None and person.active and person.password_hash:
            try:
                ok = _HASHER.verify(person.password_hash, password)
            except (VerificationError, InvalidHashError):
                ok = False
            if ok and _HASHER.check_needs_rehash(person.password_hash):
                person.password_hash = _HASHER.hash(password)
        if not ok or person is None:
            failed = Context(
                ctx.db, actor=Actor(login[:100] or "?", Role.RECEPTIE), clock=ctx.clock
            )
            audit.record(session, failed, "aanmelden.mislukt", "person", None)
        else:
            actor = actor_of(person)
            audit.record(
                session,
                Context(ctx.db, actor=actor, clock=ctx.clock),
                "aangemeld",
                "person",
                person.id,
                None,
                {"hoe": "wachtwoord"},
            )
    if not ok or person is None:
        raise LoginFailed()
    return actor


def actor_for_account(ctx: Context, account: str | None = None) -> Actor | None:
    """The active person linked to this operating-system account (default: the one running the
    program), or None. Recognising someone is logged as a login."""
    account = account or os_account()
    with ctx.db.unit_of_work() as session:
        person = session.scalar(
            select(Person).where(Person.os_account == account, Person.active.is_(True))
        )
        if person is None:
            return None
        actor = actor_of(person)
        audit.record(
            session,
            Context(ctx.db, actor=actor, clock=ctx.clock),
            "aangemeld",
            "person",
            person.id,
            None,
            {"hoe": "computeraccount"},
        )
        return actor


def bootstrap_actor() -> Actor:
    """Who works on a database that has no people yet (a new school, a demo, a first import):
    the operating-system account with every right, until the first beheerder exists."""
    return Actor(name=os_account(), role=Role.BEHEERDER)
