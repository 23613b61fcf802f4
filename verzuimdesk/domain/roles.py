"""Who may do what: the roles of a school's verzuim work and the use cases each may perform.

Pure data, so the services check it and the screens can hide what a role cannot use; the check
that counts is the one in `services/access.py`.
"""

from __future__ import annotations

from enum import Enum


class Role(Enum):
    RECEPTIE = "receptie"
    MENTOR = "mentor"
    VERZUIMMEDEWERKER = "verzuimmedewerker"
    COORDINATOR = "coordinator"
    BEHEERDER = "beheerder"

    @property
    def label(self) -> str:
        return _LABELS[self]


_LABELS = {
    Role.RECEPTIE: "receptie",
    Role.MENTOR: "mentor",
    Role.VERZUIMMEDEWERKER: "verzuimmedewerker",
    Role.COORDINATOR: "coördinator",
    Role.BEHEERDER: "beheerder",
}


class Permission(Enum):
    """One use case, or a family of use cases that always go together. The value is Dutch: it is
    what a refusal names ("U mag geen <value>")."""

    SEARCH_STUDENTS = "leerlingen zoeken"
    SICK_REPORTS = "ziek- en betermeldingen vastleggen"
    LEAVE_CARDS = "verlofkaarten vastleggen"
    LEAVE_DECIDE = "over verlof beslissen"
    BELLIJST = "de bellijst gebruiken"
    DOSSIER = "het dossier van een leerling bekijken"
    DOSSIER_NOTES = "notities en verzuimgesprekken lezen of vastleggen"
    DUO_MELDINGEN = "DUO-meldingen voorbereiden of vastleggen"
    SIGNALS_CLOSE = "signalen afsluiten"
    LETTERS = "brieven maken en printen"
    MEASURES = "schorsingen en verwijderingen vastleggen"
    LETTER_TEMPLATES = "briefsjablonen wijzigen"
    REPORTS = "rapportages bekijken"
    IMPORT = "gegevens importeren"
    EXPORT = "gegevens exporteren"
    SETTINGS = "de instellingen van de school wijzigen"
    PEOPLE = "gebruikers en rollen beheren"
    AUDIT_LOG = "het logboek bekijken"
    BACKUP = "back-ups maken of terugzetten"
    PRIVACY = "inzage geven of gegevens anonimiseren"


_DESK = frozenset(
    {
        Permission.SEARCH_STUDENTS,
        Permission.SICK_REPORTS,
        Permission.LEAVE_CARDS,
    }
)
_CASEWORK = _DESK | {
    Permission.LEAVE_DECIDE,
    Permission.BELLIJST,
    Permission.DOSSIER,
    Permission.DOSSIER_NOTES,
    Permission.DUO_MELDINGEN,
    Permission.SIGNALS_CLOSE,
    Permission.LETTERS,
    Permission.MEASURES,
    Permission.REPORTS,
    Permission.EXPORT,
}

PERMISSIONS: dict[Role, frozenset[Permission]] = {
    Role.RECEPTIE: _DESK,
    # a mentor works on the students of their own classes only (`Actor.klassen`)
    Role.MENTOR: _DESK
    | {
        Permission.BELLIJST,
        Permission.DOSSIER,
        Permission.DOSSIER_NOTES,
        Permission.REPORTS,
    },
    Role.VERZUIMMEDEWERKER: _CASEWORK | {Permission.IMPORT},
    Role.COORDINATOR: _CASEWORK
    | {Permission.IMPORT, Permission.LETTER_TEMPLATES, Permission.SETTINGS, Permission.BACKUP},
    Role.BEHEERDER: frozenset(Permission),
}


def allows(role: Role, permission: Permission) -> bool:
    return permission in PERMISSIONS[role]


def limited_to_own_classes(role: Role) -> bool:
    return role is Role.MENTOR
