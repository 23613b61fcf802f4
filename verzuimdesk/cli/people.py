"""`verzuimdesk people`: the people who may use the program (beheerder only, except the first).

    verzuimdesk people add --login L --name "N" --role R [--klassen 2A,2B] [--account OS]
                           [--no-password]
    verzuimdesk people list
    verzuimdesk people change LOGIN [--name N] [--role R] [--klassen …] [--account OS]
    verzuimdesk people password LOGIN
    verzuimdesk people deactivate LOGIN | activate LOGIN

On a database without people, `people add --role beheerder` makes the first beheerder. Passwords
are read from VERZUIMDESK_PASSWORD (scripts; for `--as` the acting person's, so a new person's
password is then asked on the terminal) or typed twice on the terminal, never given as an argument
(it would show in the process list and the shell history).
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys

from verzuimdesk.cli.common import EXIT_OK, PASSWORD_ENV, Verbs, open_context
from verzuimdesk.errors import ValidationError

NEW_PASSWORD_ENV = "VERZUIMDESK_NEW_PASSWORD"


def register(verbs: Verbs) -> None:
    from verzuimdesk.services.people import ROLE_CHOICES

    parser = verbs.add_parser("people", help="gebruikers en rollen beheren (beheerder)")
    actions = parser.add_subparsers(dest="action", required=True, parser_class=type(parser))

    add = actions.add_parser("add", help="een gebruiker toevoegen")
    add.add_argument("--login", required=True, help="gebruikersnaam, bv. j.devries")
    add.add_argument("--name", required=True, help="volledige naam")
    add.add_argument("--role", required=True, choices=sorted(ROLE_CHOICES))
    add.add_argument("--klassen", default="", help="eigen klassen van een mentor, bv. 2A,2B")
    add.add_argument("--account", help="computeraccount dat zonder wachtwoord aanmeldt")
    add.add_argument(
        "--no-password", action="store_true", help="alleen aanmelden via het computeraccount"
    )
    add.set_defaults(handler=run_add)

    listing = actions.add_parser("list", help="alle gebruikers tonen")
    listing.set_defaults(handler=run_list)

    change = actions.add_parser("change", help="naam, rol, klassen of account wijzigen")
    change.add_argument("login")
    change.add_argument("--name")
    change.add_argument("--role", choices=sorted(ROLE_CHOICES))
    change.add_argument("--klassen")
    change.add_argument("--account", help="leeg ('') ontkoppelt het computeraccount")
    change.set_defaults(handler=run_change)

    password = actions.add_parser("password", help="een nieuw wachtwoord instellen")
    password.add_argument("login")
    password.set_defaults(handler=run_password)

    for name, active in (("deactivate", False), ("activate", True)):
        sub = actions.add_parser(
            name, help="kan niet meer aanmelden" if not active else "kan weer aanmelden"
        )
        sub.add_argument("login")
        sub.set_defaults(handler=run_active, active=active)


def new_password() -> str:
    """The new person's password: VERZUIMDESK_NEW_PASSWORD, or typed twice on the terminal."""
    value = os.environ.get(NEW_PASSWORD_ENV)
    if value is not None:
        return value
    if not sys.stdin.isatty():
        raise ValidationError(
            f"Geen wachtwoord: zet {NEW_PASSWORD_ENV} of start de opdracht in een terminal.",
            field="wachtwoord",
        )
    first = getpass.getpass("Nieuw wachtwoord: ")
    if getpass.getpass("Nogmaals: ") != first:
        raise ValidationError("De twee wachtwoorden verschillen.", field="wachtwoord")
    return first


def _klassen(text: str | None) -> list[str]:
    return [k for k in (text or "").split(",") if k.strip()]


def run_add(args: argparse.Namespace) -> int:
    from verzuimdesk.services import people

    ctx = open_context(args.db, create=True)
    role = people.ROLE_CHOICES[args.role]
    password = None if args.no_password else new_password()
    if not people.has_people(ctx.db):
        if role.value != "beheerder":
            raise ValidationError(
                "De eerste gebruiker is de beheerder: gebruik --role beheerder.", field="rol"
            )
        people.create_first_beheerder(ctx, args.name, args.login, password, args.account)
    else:
        people.add_person(
            ctx, args.name, args.login, role, password, _klassen(args.klassen), args.account
        )
    print(f"Gebruiker '{args.login}' toegevoegd als {role.label}.")
    return EXIT_OK


def run_list(args: argparse.Namespace) -> int:
    from verzuimdesk.services import people

    ctx = open_context(args.db)
    for person in people.list_people(ctx):
        account = f" account {person.os_account}" if person.os_account else ""
        klassen = f" klassen {person.klassen_text}" if person.klassen else ""
        print(
            f"{person.login}\t{person.name}\t{person.role.label}\t{person.status_text}"
            f"{klassen}{account}"
        )
    return EXIT_OK


def run_change(args: argparse.Namespace) -> int:
    from verzuimdesk.services import people

    ctx = open_context(args.db)
    person = people.find_person(ctx, args.login)
    people.change_person(
        ctx,
        person.id,
        args.name if args.name is not None else person.name,
        people.ROLE_CHOICES[args.role] if args.role else person.role,
        _klassen(args.klassen) if args.klassen is not None else person.klassen,
        args.account if args.account is not None else person.os_account,
    )
    print(f"Gebruiker '{person.login}' gewijzigd.")
    return EXIT_OK


def run_password(args: argparse.Namespace) -> int:
    from verzuimdesk.services import people

    ctx = open_context(args.db)
    person = people.find_person(ctx, args.login)
    people.set_password(ctx, person.id, new_password())
    print(f"Nieuw wachtwoord ingesteld voor '{person.login}'.")
    return EXIT_OK


def run_active(args: argparse.Namespace) -> int:
    from verzuimdesk.services import people

    ctx = open_context(args.db)
    person = people.find_person(ctx, args.login)
    people.set_active(ctx, person.id, args.active)
    state = "kan weer aanmelden" if args.active else "is gedeactiveerd"
    print(f"Gebruiker '{person.login}' {state}.")
    return EXIT_OK


__all__ = ["PASSWORD_ENV", "register"]
