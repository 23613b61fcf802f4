"""Typed errors that carry a Dutch message for the user; the ui maps them to dialogs in one place.

Every message says what is wrong, where (file, line, field) and what to do about it.
"""

from __future__ import annotations

from dataclasses import dataclass, field


class VerzuimdeskError(Exception):
    """Base of every error the user should see as a message rather than a crash."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


class DatabaseError(VerzuimdeskError):
    """The database cannot be opened, upgraded or is from a newer verzuimdesk."""


class PolicyError(VerzuimdeskError):
    """A policy profile is missing or broken; the message names the key."""


class ValidationError(VerzuimdeskError):
    """Input a person gave breaks a rule; `field` names the input that must change."""

    def __init__(self, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.field = field


class PermissionDenied(VerzuimdeskError):
    """The working person's role does not allow this use case; nothing was read or written."""


class NotFoundError(VerzuimdeskError):
    """A student, report or other record asked for does not exist."""


@dataclass(frozen=True)
class RowProblem:
    """One bad row of an input file."""

    file: str
    line: int
    column: str | None
    reason: str

    def __str__(self) -> str:
        where = f"{self.file}, regel {self.line}"
        if self.column:
            where += f", kolom '{self.column}'"
        return f"{where}: {self.reason}"


@dataclass
class ImportProblems(VerzuimdeskError):
    """An import found bad rows; nothing was written."""

    problems: list[RowProblem] = field(default_factory=list)

    def __post_init__(self) -> None:
        shown = "\n".join(str(p) for p in self.problems[:50])
        more = len(self.problems) - 50
        if more > 0:
            shown += f"\n… en nog {more} andere fouten."
        super().__init__(
            f"De import is niet uitgevoerd: {len(self.problems)} fout(en) gevonden. "
            "Er is niets opgeslagen. Verbeter de bestanden en importeer opnieuw, of kies "
            f"'foute regels overslaan'.\n{shown}"
        )


class RemovalsNeedConfirmation(VerzuimdeskError):
    """An import would remove more than a small share of a kind of stored rows; nothing was
    written. The user confirms in the preview or passes --allow-removals."""

    def __init__(self, file: str, removed: int, stored: int, what: str) -> None:
        share = round(100 * removed / stored) if stored else 100
        super().__init__(
            f"De import is gestopt: {file} zou {removed} van de {stored} opgeslagen {what} "
            f"verwijderen ({share}%). Zo veel verwijderen gebeurt nooit ongemerkt: controleer "
            "of het bestand compleet is (niet alleen een kopregel, niet afgebroken). Klopt het, "
            "bevestig het verwijderen dan in het voorbeeld van de import of gebruik "
            "--allow-removals. Er is niets opgeslagen."
        )
        self.file, self.removed, self.stored, self.what = file, removed, stored, what
