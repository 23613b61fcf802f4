"""The permission check every use case makes first: `require(ctx, Permission.X)`.

A refused call raises `PermissionDenied` with a Dutch message; the screens hide what a role cannot
use, but this check is the one that counts (the command line passes here too).
"""

from __future__ import annotations

from verzuimdesk.domain.roles import Permission, allows, limited_to_own_classes
from verzuimdesk.errors import PermissionDenied
from verzuimdesk.services.context import Context


def can(ctx: Context, permission: Permission) -> bool:
    return allows(ctx.actor.role, permission)


def require(ctx: Context, permission: Permission, *, klas: str | None = None) -> None:
    """Refuse unless the working person's role allows `permission` (for a mentor: `klas` must be
    one of their own classes when the use case is about one student)."""
    actor = ctx.actor
    if not allows(actor.role, permission):
        raise PermissionDenied(
            f"U mag geen {permission.value}: uw rol is {actor.role.label}. "
            "Vraag de beheerder als u dit wel nodig hebt."
        )
    if klas is not None and limited_to_own_classes(actor.role) and klas not in actor.klassen:
        raise PermissionDenied(
            f"U mag alleen gegevens zien van leerlingen uit uw eigen klassen; klas {klas} "
            "hoort daar niet bij."
        )
