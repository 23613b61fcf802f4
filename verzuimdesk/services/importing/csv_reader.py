"""The forgiving CSV reader: encoding, delimiter and header spelling are guessed, not demanded.

UTF-8 (with or without BOM) is tried first and Windows-1252 second; the delimiter is whichever of
`,`, `;` or tab the header line holds most of; header names are matched without regard to case,
spaces, underscores, hyphens or accents. Line numbers are the file's own (the header is line 1).
"""

from __future__ import annotations

import csv
import io
import unicodedata
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from verzuimdesk.errors import RowProblem

_DELIMITERS = (",", ";", "\t")


class BrokenFile(RowProblem):
    """A fault in the file's structure (cut off, a quote never closed, a cell beyond any size).

    Such a file cannot be trusted to hold all its rows, so it stops the import even when the
    user asked to skip bad rows: a timetable cut off half-way must not replace the whole one.
    """


class SafeReader:
    """The csv reader, with structural faults turned into a BrokenFile problem of the table.

    Iterating (again) continues where the last iteration stopped, as the csv reader does; it
    ends at the first structural fault. `line_num` is the line of the row last given.
    """

    def __init__(self, reader: Any, table: CsvTable) -> None:
        self._reader = reader
        self._table = table
        self._done = False

    @property
    def line_num(self) -> int:
        return int(self._reader.line_num)

    def __iter__(self) -> Iterator[list[str]]:
        return self._rows()

    def _rows(self) -> Iterator[list[str]]:
        if self._done:
            return
        try:
            yield from self._reader
        except csv.Error as exc:
            self._done = True
            self._table.broken(self._reader.line_num, _csv_fault(str(exc)))
            return
        self._done = True
        table = self._table
        at_end = table.short_line and table.short_line == self._reader.line_num
        # a line cut off has no line end after it; a line added by hand without the empty
        # columns at its end does
        at_end = at_end and not table.ends_complete
        if at_end and table.short_width < table.short_before:
            table.broken(
                table.short_line,
                f"De laatste regel heeft minder waarden dan de kopregel ({table.width} "
                "kolommen): het bestand lijkt halverwege afgebroken. Exporteer het bestand "
                "opnieuw uit het leerlingvolgsysteem; er is niets geïmporteerd.",
            )


def _csv_fault(message: str) -> str:
    if "end of data" in message:
        return (
            'Een aanhalingsteken (") wordt nooit gesloten: het bestand lijkt halverwege '
            "afgebroken. Exporteer het bestand opnieuw uit het leerlingvolgsysteem; er is niets "
            "geïmporteerd."
        )
    if "field limit" in message:
        return (
            f"Een waarde op deze regel is langer dan {csv.field_size_limit() // 1024} kB; zo'n "
            "waarde hoort niet in dit bestand (vaak een aanhalingsteken dat te vroeg opent). "
            "De rest van het bestand is niet gelezen; verbeter de regel en importeer opnieuw."
        )
    return (
        'Een aanhalingsteken (") staat op een verkeerde plek: een waarde tussen '
        "aanhalingstekens moet direct na het sluitende teken eindigen. De rest van het bestand "
        "is niet gelezen; verbeter de regel en importeer opnieuw."
    )


def normalize_header(text: str) -> str:
    """'Geboorte Datum', 'geboorte_datum' and 'Géboortedatum' all become 'geboortedatum'."""
    decomposed = unicodedata.normalize("NFKD", text.strip().lower())
    return "".join(ch for ch in decomposed if ch.isalnum() and not unicodedata.combining(ch))


def decode(data: bytes) -> str:
    """UTF-8 (a BOM is dropped), else Windows-1252 as Excel writes it on Dutch Windows;
    UTF-16 with its BOM as Excel's "Unicode-tekst" is."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252")


def sniff_delimiter(header_line: str) -> str:
    counts = {d: header_line.count(d) for d in _DELIMITERS}
    best = max(_DELIMITERS, key=lambda d: counts[d])
    return best if counts[best] else ","


@dataclass
class CsvTable:
    """One file's header, resolved to the columns the exchange format knows, and its rows."""

    file: str
    columns: dict[str, int]  # the format's column name → position in the row
    headers: dict[str, str]  # the format's column name → the header as the file writes it
    unknown: list[str]
    width: int
    line_count: int  # physical lines, for progress
    reader: Any  # the csv reader, positioned after the header; `line_num` is its line
    problems: list[RowProblem] = field(default_factory=list)
    short_line: int = 0  # the last line that had fewer values than the header (and blanks after)
    short_width: int = 0  # how many values it had
    short_before: int = 0  # how many the line before it had
    is_broken: bool = False
    ends_complete: bool = True  # the text ends with a line end

    def broken(self, line: int, reason: str) -> None:
        self.is_broken = True
        self.problems.append(BrokenFile(self.file, line, None, reason))

    def label(self, column: str) -> str:
        """The column as the user wrote it, so a problem points at what they can find."""
        return self.headers.get(column, column)

    def has(self, column: str) -> bool:
        return column in self.columns

    def records(self) -> Iterator[tuple[int, list[str]]]:
        """(line, row) per data row, padded to the header's width; blank rows are left out.

        A row with more values than the header has columns is a problem of its own (usually a
        delimiter inside an unquoted value) and is not yielded.
        """
        reader = self.reader
        width = self.width
        for row in reader:
            if len(row) != width:
                row = self.fit(row, reader.line_num)
                if row is None:
                    continue
            elif not row[0] and not any(row):
                continue
            yield reader.line_num, row

    def fit(self, row: list[str], line: int) -> list[str] | None:
        """A row of another width than the header's, made to fit; None when it cannot be."""
        if not any(value.strip() for value in row):
            if self.short_line and self.short_line == line - 1:
                self.short_line = line  # blank lines after a short last line: still the end
            return None
        if len(row) < self.width:
            # a file that leaves trailing empty columns out does so on every line; only a last
            # line shorter than the one before it is a line that was cut off
            self.short_before = self.short_width if self.short_line == line - 1 else self.width
            self.short_line, self.short_width = line, len(row)
            return row + [""] * (self.width - len(row))
        if any(value.strip() for value in row[self.width :]):
            self.problems.append(
                RowProblem(
                    self.file,
                    line,
                    None,
                    f"Deze regel heeft {len(row)} waarden, maar de kopregel {self.width} "
                    "kolommen. Zet een waarde met een komma of puntkomma tussen "
                    'aanhalingstekens ("…") of verwijder de overtollige waarden.',
                )
            )
            return None
        return row[: self.width]


def open_table(
    path: Path, file: str, known: Sequence[str], required: Sequence[str]
) -> tuple[CsvTable | None, list[RowProblem]]:
    """The table, or None with the problems that make the whole file unreadable."""
    try:
        text = decode(path.read_bytes())
    except UnicodeDecodeError:
        return None, [
            RowProblem(
                file,
                1,
                None,
                "Het bestand is geen tekst in UTF-8 of Windows-1252. Sla het in Excel op als "
                "'CSV UTF-8 (door komma's gescheiden)' en importeer opnieuw.",
            )
        ]
    if "\x00" in text:
        # no text file holds NUL characters (and PostgreSQL refuses them): a binary file
        return None, [
            BrokenFile(
                file,
                text.count("\n", 0, text.index("\x00")) + 1,
                None,
                "Het bestand bevat tekens die in geen tekstbestand staan (het is een Excel- of "
                "ander binair bestand, of beschadigd). Sla het op als CSV en importeer opnieuw.",
            )
        ]
    header_line = text.split("\n", 1)[0]
    reader = csv.reader(
        io.StringIO(text, newline=""), delimiter=sniff_delimiter(header_line), strict=True
    )
    try:
        header = next(reader, None)
    except csv.Error as exc:
        return None, [BrokenFile(file, reader.line_num, None, _csv_fault(str(exc)))]
    if header is None or not any(h.strip() for h in header):
        return None, [
            RowProblem(
                file,
                1,
                None,
                "Het bestand heeft geen kopregel. Zet op de eerste regel de kolomnamen, zoals "
                f"{', '.join(required)}.",
            )
        ]
    by_normal = {normalize_header(name): name for name in known}
    columns: dict[str, int] = {}
    headers: dict[str, str] = {}
    unknown: list[str] = []
    problems: list[RowProblem] = []
    for position, written in enumerate(header):
        name = by_normal.get(normalize_header(written))
        if name is None:
            if written.strip():
                unknown.append(written.strip())
        elif name in columns:
            problems.append(
                RowProblem(
                    file,
                    1,
                    written.strip(),
                    f"De kolom '{name}' staat twee keer in de kopregel. Verwijder een van de twee.",
                )
            )
        else:
            columns[name] = position
            headers[name] = written.strip()
    for name in required:
        if name not in columns:
            problems.append(
                RowProblem(
                    file,
                    1,
                    name,
                    f"De verplichte kolom '{name}' ontbreekt. Voeg deze kolom toe aan de "
                    "kopregel (de eerste regel) en vul hem voor elke regel in.",
                )
            )
    if problems:
        return None, problems
    table = CsvTable(
        file=file,
        columns=columns,
        headers=headers,
        unknown=unknown,
        width=len(header),
        line_count=text.count("\n"),
        reader=None,
    )
    table.reader = SafeReader(reader, table)
    table.ends_complete = text.endswith(("\n", "\r"))
    return table, []
