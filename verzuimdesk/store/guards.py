"""What every write through a unit of work must satisfy before it reaches the database.

Text must fit its column and hold no NUL character. SQLite would store either without a word and
PostgreSQL would refuse them with a driver error (a traceback at the desk, and a database that
behaves differently from the other). Checked once here, at flush, for every mapped row a service
adds or changes, so a use case written tomorrow is covered too; the refusal is a
ValidationError naming the field in the user's words, and the unit of work rolls back whole.

Bulk loads (import, demo) write through Core and check their own rows.
"""

from __future__ import annotations

from itertools import chain
from typing import Any

from sqlalchemy import String, event, inspect
from sqlalchemy.orm import Session, UOWTransaction

from verzuimdesk.errors import ValidationError

# a Text column has no length of its own; nobody types more than this into one field. Only the
# Text columns a person types into are held to it: the program's own (audit before/after, letter
# bodies, policy TOML, JSON details) may be longer.
TEXT_MAX = 20_000
TYPED_TEXT = frozenset(
    {
        "agreements",
        "closed_reason",
        "closing_reason",
        "description",
        "evaluation",
        "note",
        "participants",
        "reason",
        "text",
        "toelichting",
    }
)

# column names in the words of the screens (the rest are shown as they are, with _ as space)
LABELS = {
    "agreements": "afspraken",
    "achternaam": "achternaam",
    "body": "tekst",
    "caller_name": "naam van de beller",
    "closed_reason": "reden",
    "closing_reason": "reden",
    "content": "inhoud",
    "decided_by": "beslist door",
    "description": "omschrijving",
    "evaluation": "evaluatie",
    "explanation": "toelichting",
    "name": "naam",
    "note": "notitie",
    "participants": "deelnemers",
    "phone": "telefoonnummer",
    "reason": "reden",
    "signed_by": "ondertekend door",
    "subkind": "soort verlof",
    "text": "tekst",
    "with_whom": "met wie",
}


def label(column: str) -> str:
    return LABELS.get(column, column.replace("_", " "))


def check_text(value: str, column: str, length: int | None) -> None:
    """Refuse `value` for `column` (Dutch message naming the field) unless it may be stored."""
    if "\x00" in value:
        raise ValidationError(
            f"'{label(column)}' bevat een onzichtbaar teken dat niet kan worden opgeslagen (NUL, "
            "vaak meegekopieerd uit een ander programma). Typ de tekst opnieuw; er is niets "
            "opgeslagen.",
            label(column),
        )
    limit = length or (TEXT_MAX if column in TYPED_TEXT else None)
    if limit is not None and len(value) > limit:
        raise ValidationError(
            f"'{label(column)}' is te lang: {len(value)} tekens, hoogstens {limit}. Kort de "
            "tekst in; er is niets opgeslagen.",
            label(column),
        )


@event.listens_for(Session, "before_flush")
def _check_rows(session: Session, _context: UOWTransaction, _instances: Any) -> None:
    for row in chain(session.new, session.dirty):
        state = inspect(row)
        for attribute in state.mapper.column_attrs:
            column = attribute.columns[0]
            if not isinstance(column.type, String):
                continue
            if row in session.dirty and not state.attrs[attribute.key].history.has_changes():
                continue
            value = getattr(row, attribute.key)
            if isinstance(value, str):
                check_text(value, column.name, column.type.length)
