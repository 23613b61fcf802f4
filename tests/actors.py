"""The people tests work as: one per role, so a test says whose rights it exercises."""

from verzuimdesk.domain.roles import Role
from verzuimdesk.services.context import Actor

TESTER = Actor("test", Role.BEHEERDER)

RECEPTIE = Actor("Rita Receptie", Role.RECEPTIE, person_id=None)
MENTOR_2A = Actor("Mo Mentor", Role.MENTOR, klassen=frozenset({"2A"}))
VERZUIMMEDEWERKER = Actor("Vera Verzuim", Role.VERZUIMMEDEWERKER)
COORDINATOR = Actor("Coen Coördinator", Role.COORDINATOR)
BEHEERDER = Actor("Bert Beheer", Role.BEHEERDER)

ONE_PER_ROLE = {
    Role.RECEPTIE: RECEPTIE,
    Role.MENTOR: MENTOR_2A,
    Role.VERZUIMMEDEWERKER: VERZUIMMEDEWERKER,
    Role.COORDINATOR: COORDINATOR,
    Role.BEHEERDER: BEHEERDER,
}
