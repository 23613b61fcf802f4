"""The people tests work as: one per role, so a test says whose rights it exercises."""

from verzuimdesk.domain.roles import Role
from verzuimdesk.services.context import Actor

TESTER = Actor("test", Role.BEHEERDER)
