"""What an import did, per file, in words a verzuimmedewerker reads after a nightly run."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from verzuimdesk.errors import RowProblem
from verzuimdesk.services.changes import Changes

SHOWN_PROBLEMS = 50


@dataclass
class FileSummary:
    file: str
    present: bool = True
    added: int = 0
    changed: int = 0
    unchanged: int = 0
    removed: int = 0
    skipped: int = 0
    unreadable: bool = False  # a fault in the header or encoding: no row was read
    unknown_columns: list[str] = field(default_factory=list)
    # rows where the desk's record and the file differed: who won, in a sentence each
    desk_cases: list[str] = field(default_factory=list)

    def count(self, added: int, changed: int, unchanged: int, removed: int) -> None:
        self.added += added
        self.changed += changed
        self.unchanged += unchanged
        self.removed += removed

    @property
    def touched(self) -> bool:
        return bool(self.added or self.changed or self.removed)

    def line(self) -> str:
        if not self.present:
            return f"{self.file}: niet aanwezig, overgeslagen"
        if self.unreadable:
            return f"{self.file}: niet gelezen, overgeslagen (zie de fouten hieronder)"
        text = (
            f"{self.file}: {self.added} toegevoegd, {self.changed} gewijzigd, "
            f"{self.unchanged} ongewijzigd, {self.skipped} overgeslagen"
        )
        if self.removed:
            text += f", {self.removed} verwijderd"
        if self.unknown_columns:
            names = ", ".join(f"'{c}'" for c in self.unknown_columns)
            text += f" (onbekende kolommen genegeerd: {names})"
        return text

    def counts(self) -> dict[str, Any]:
        if not self.present:
            return {"aanwezig": False}
        if self.unreadable:
            return {"gelezen": False}
        return {
            "toegevoegd": self.added,
            "gewijzigd": self.changed,
            "ongewijzigd": self.unchanged,
            "verwijderd": self.removed,
            "overgeslagen": self.skipped,
            "onbekende_kolommen": self.unknown_columns,
            "balie_of_lvs": len(self.desk_cases),
        }


@dataclass
class ImportSummary:
    folder: str
    files: list[FileSummary]
    skipped_problems: list[RowProblem] = field(default_factory=list)
    seconds: float = 0.0
    dry_run: bool = False  # nothing was written: the summary is a preview
    # stored students leerlingen.csv no longer names (left the school?): kept, but named
    not_in_file: list[str] = field(default_factory=list)
    changes: Changes = field(default_factory=Changes)

    def file(self, name: str) -> FileSummary:
        return next(f for f in self.files if f.file == name)

    def lines(self) -> list[str]:
        result = [f"Import uit {self.folder}:"]
        if self.dry_run:
            result = [f"Proefimport uit {self.folder} (er is niets opgeslagen):"]
        result += [f"  {f.line()}" for f in self.files]
        if not any(f.touched for f in self.files):
            result.append("Alles was al bijgewerkt: niets gewijzigd.")
        if self.not_in_file:
            shown = ", ".join(self.not_in_file[:SHOWN_PROBLEMS])
            more = len(self.not_in_file) - SHOWN_PROBLEMS
            result.append(
                f"Niet meer in leerlingen.csv ({len(self.not_in_file)}; vertrokken? hun gegevens "
                f"blijven bewaard): {shown}" + (f" … en nog {more}." if more > 0 else "")
            )
        cases = [case for f in self.files for case in f.desk_cases]
        if cases:
            result.append(
                f"Waar de balie iets anders vastlegde dan het bestand zegt ({len(cases)}):"
            )
            result += [f"  {case}" for case in cases[:SHOWN_PROBLEMS]]
            if len(cases) > SHOWN_PROBLEMS:
                result.append(f"  … en nog {len(cases) - SHOWN_PROBLEMS} andere.")
        if self.skipped_problems:
            result.append(f"Overgeslagen regels ({len(self.skipped_problems)}):")
            result += [f"  {p}" for p in self.skipped_problems[:SHOWN_PROBLEMS]]
            more = len(self.skipped_problems) - SHOWN_PROBLEMS
            if more > 0:
                result.append(f"  … en nog {more} andere.")
        seconds = f"{self.seconds:.1f}".replace(".", ",")
        result.append(f"Klaar in {seconds} seconden.")
        return result

    def counts(self) -> dict[str, Any]:
        return {f.file: f.counts() for f in self.files}
