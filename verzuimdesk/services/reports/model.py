"""What every report is made of, whatever it counts: a title, the period and scope it covers,
one or more tables of plain rows, a chart and a few sentences in plain Dutch.

Rows are dicts keyed by column key, so the command line prints them as JSON as they are, the
screen and the printouts show them through the columns, and Excel gets real numbers. A row about
one student has the key `student_id` (the leerlingnummer); a row about one day has `datum`. The
database id of a row's student (to open the dossier) is kept beside the row, never in it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from typing import Any

from verzuimdesk.domain.hours import format_hhmm
from verzuimdesk.errors import ValidationError


class Kind(StrEnum):
    TEXT = "text"
    INT = "int"
    NUMBER = "number"  # a float, one decimal (hours, averages)
    PERCENT = "percent"  # a float 0..100 or None
    MINUTES = "minutes"  # an int of minutes, shown as u:mm
    DATE = "date"


@dataclass(frozen=True)
class Column:
    key: str
    title: str
    kind: Kind = Kind.TEXT
    width: int = 10  # characters, for the screen, Excel and the PDF

    def text(self, value: Any) -> str:
        if value is None or value == "":
            return "–" if self.kind is Kind.PERCENT else ""
        if self.kind is Kind.PERCENT:
            return f"{value:.1f}%".replace(".", ",")
        if self.kind is Kind.NUMBER:
            return f"{value:.1f}".replace(".", ",")
        if self.kind is Kind.MINUTES:
            return format_hhmm(int(value))
        if self.kind is Kind.DATE:
            return f"{value:%d-%m-%Y}" if isinstance(value, date) else str(value)
        return str(value)

    def json(self, value: Any) -> Any:
        if isinstance(value, date):
            return value.isoformat()
        return value


@dataclass
class Table:
    title: str
    columns: tuple[Column, ...]
    rows: list[dict[str, Any]] = field(default_factory=list)
    # per row: the student's database id, for "open the dossier" (None for other rows)
    student_ids: list[int | None] = field(default_factory=list)

    def add(self, row: dict[str, Any], student_id: int | None = None) -> None:
        self.rows.append(row)
        self.student_ids.append(student_id)


class ChartKind(StrEnum):
    BAR = "bar"
    STACKED = "stacked"  # stacked bars
    LINE = "line"


@dataclass
class Chart:
    kind: ChartKind
    title: str
    categories: list[str]
    series: list[tuple[str, list[float]]]
    y_title: str = ""
    y_max: float | None = None
    # a horizontal reference line (a goal, a threshold) with its label
    reference: tuple[str, float] | None = None


@dataclass(frozen=True)
class Period:
    start: date
    end: date

    def __post_init__(self) -> None:
        if self.end < self.start:
            raise ValidationError(
                f"De einddatum {self.end:%d-%m-%Y} ligt voor de begindatum "
                f"{self.start:%d-%m-%Y}. Kies een periode die loopt van vroeg naar laat.",
                field="tot",
            )

    @property
    def text(self) -> str:
        return f"{self.start:%d-%m-%Y} t/m {self.end:%d-%m-%Y}"


@dataclass(frozen=True)
class Scope:
    """Which students: the whole school, a team/opleiding, a class or one student."""

    klas: str | None = None
    opleiding: str | None = None
    student: str | None = None  # leerlingnummer

    @property
    def text(self) -> str:
        parts = []
        if self.student:
            parts.append(f"leerling {self.student}")
        if self.klas:
            parts.append(f"klas {self.klas}")
        if self.opleiding:
            parts.append(f"opleiding {self.opleiding}")
        return ", ".join(parts) or "hele school"


@dataclass
class Report:
    name: str  # the command line's name, e.g. "klas-week"
    title: str
    period: Period
    scope: Scope
    tables: list[Table]
    school_name: str = ""
    summary: list[str] = field(default_factory=list)
    chart: Chart | None = None

    @property
    def main(self) -> Table:
        return self.tables[0]

    def json_rows(self) -> list[dict[str, Any]]:
        """The rows the screen shows, for --json; with more than one table every row names its
        table under "onderdeel"."""
        out = []
        for table in self.tables:
            for row in table.rows:
                item = {c.key: c.json(row.get(c.key)) for c in table.columns}
                if len(self.tables) > 1:
                    item["onderdeel"] = table.title
                out.append(item)
        return out
