"""LVS presets: data (resources/presets/*.toml) that turns an LVS's own file into the generic
format, so the one checked, all-or-nothing import path (generic.py) stores it.

A preset names the file it becomes (`wordt`), how its columns map onto the generic columns
(`velden`: one name, or a list of header spellings), its date form, how to recognise it
(`herkenning`), and a starting code table (`codes`: the LVS code = [counts as, description]),
over which the school's own codes (codes.csv, Instellingen) go. Lesson numbers (`lesuur`,
`beginlesuur`/`eindlesuur`) become times through the school's bell schedule (lestijden.csv).

Problems name the LVS file and its own line numbers, not the translated file.
"""

from __future__ import annotations

import csv
import io
import json
import re
import tempfile
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime
from itertools import islice
from operator import itemgetter
from pathlib import Path
from typing import Any

from verzuimdesk import paths
from verzuimdesk.domain.roles import Permission
from verzuimdesk.errors import ImportProblems, RowProblem, ValidationError
from verzuimdesk.services.access import require
from verzuimdesk.services.bell_schedule import LessonTime, load_schedule
from verzuimdesk.services.code_table import NOT_PRESENCE, load_codes
from verzuimdesk.services.context import Context
from verzuimdesk.services.importing.columns import ABSENTIES
from verzuimdesk.services.importing.csv_reader import decode, normalize_header, sniff_delimiter
from verzuimdesk.services.importing.generic import import_generic
from verzuimdesk.services.importing.registrations import AMSTERDAM
from verzuimdesk.services.importing.summary import ImportSummary
from verzuimdesk.services.importing.values import BadValue, parse_date, parse_time, shown
from verzuimdesk.services.importing.xlsx import UnreadableWorkbook, xlsx_rows
from verzuimdesk.services.progress import Cancel, Progress, never_cancel, no_progress

AUTO = "auto"


@dataclass(frozen=True)
class Preset:
    name: str
    description: str
    becomes: str
    header: bool
    fields: dict[str, list[str]]  # generic column → the file's column name(s)
    columns: list[str] = field(default_factory=list)  # a file without header: its columns
    delimiter: str | None = None
    date_form: str = "DD-MM-JJJJ"
    recognise_width: int | None = None
    recognise_line: str | None = None
    recognise_headers: list[str] = field(default_factory=list)
    codes: dict[str, tuple[str, str]] = field(default_factory=dict)  # CODE → (telt_als, text)
    form: str = "csv"  # or "json"
    items: str | None = None  # json: the key of the list of records inside each object
    recognise_keys: list[str] = field(default_factory=list)  # json: keys of a record


def presets_dir() -> Path:
    return paths.resources_dir() / "presets"


def load_presets(folder: Path | None = None) -> dict[str, Preset]:
    """Every preset in the folder by name; a broken one is a Dutch error naming its file."""
    return load_presets_from(sorted((folder or presets_dir()).glob("*.toml")))


def load_presets_from(files: list[Path]) -> dict[str, Preset]:
    found: dict[str, Preset] = {}
    for path in files:
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
            preset = _preset(data)
        except (tomllib.TOMLDecodeError, KeyError, TypeError, ValueError) as exc:
            raise ValidationError(
                f"Het voorinstellingsbestand '{path.name}' kan niet worden gelezen: {exc}. "
                "Herstel het bestand of haal het weg.",
                field="preset",
            ) from None
        found[preset.name] = preset
    return found


def _preset(data: dict[str, Any]) -> Preset:
    fields = {k: [v] if isinstance(v, str) else list(v) for k, v in data["velden"].items()}
    recognise = data.get("herkenning", {})
    return Preset(
        name=str(data["naam"]),
        description=str(data.get("omschrijving", data["naam"])),
        becomes=str(data["wordt"]),
        header=bool(data.get("kopregel", True)),
        fields=fields,
        columns=list(data.get("kolommen", [])),
        delimiter=data.get("scheidingsteken"),
        date_form=str(data.get("datumvorm", "DD-MM-JJJJ")),
        recognise_width=recognise.get("aantal_kolommen"),
        recognise_line=recognise.get("regel"),
        recognise_headers=list(recognise.get("koppen", [])),
        codes={str(k).upper(): (str(v[0]), str(v[1])) for k, v in data.get("codes", {}).items()},
        form=str(data.get("vorm", "csv")),
        items=data.get("lijst"),
        recognise_keys=list(recognise.get("json_sleutels", [])),
    )


def detect(path: Path, presets: dict[str, Preset]) -> Preset | None:
    """The preset whose recognition the file's first lines match, or None."""
    if path.suffix.lower() == ".json":
        for preset in presets.values():
            if preset.form != "json" or not preset.recognise_keys:
                continue
            first = next(iter(_json_records(path, preset.items)), None)
            if first is not None and set(preset.recognise_keys) <= set(first[2]):
                return preset
        return None
    if path.suffix.lower() == ".xlsx":
        head = [";".join(row) for _, row in islice(xlsx_rows(path), 20)]
    else:
        head = decode(path.read_bytes()[:65536]).splitlines()[:20]
    lines = [line for line in head if line.strip()]
    if not lines:
        return None
    for preset in presets.values():
        if preset.recognise_line and preset.recognise_width:
            delimiter = preset.delimiter or sniff_delimiter(lines[0])
            if re.match(preset.recognise_line, lines[0]) and (
                len(next(csv.reader([lines[0]], delimiter=delimiter))) == preset.recognise_width
            ):
                return preset
        if preset.recognise_headers:
            wanted = {normalize_header(h) for h in preset.recognise_headers}
            for line in lines:  # the header may sit below title rows
                cells = next(csv.reader([line], delimiter=sniff_delimiter(line)))
                if wanted <= {normalize_header(c) for c in cells}:
                    return preset
    return None


@dataclass
class _Translated:
    lines: list[int]  # the translated file's line n+2 came from the LVS file's line lines[n]
    problems: list[RowProblem]


def _table_rows(path: Path, preset: Preset | None) -> Iterator[tuple[int, list[str]]]:
    """(line or Excel row, cells) of a CSV or .xlsx file."""
    if path.suffix.lower() == ".xlsx":
        yield from xlsx_rows(path)
        return
    text = decode(path.read_bytes())
    lines = text.splitlines()
    first = next((i for i, line in enumerate(lines) if line.strip()), 0)
    delimiter = (preset.delimiter if preset else None) or sniff_delimiter(
        lines[first] if lines else ""
    )
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    for row in reader:
        yield reader.line_num, row


def _json_records(
    path: Path, items: str | None
) -> Iterator[tuple[int, dict[str, Any], dict[str, Any]]]:
    """(number, the object holding the list, record) per record of a JSON file: a list of
    records, an object with a list under `items`, or a list of such objects."""
    try:
        data = json.loads(decode(path.read_bytes()))
    except (ValueError, RecursionError) as exc:
        raise _Unreadable(
            f"Het bestand is geen leesbare JSON ({type(exc).__name__}). Exporteer het opnieuw."
        ) from None
    outer = data if isinstance(data, list) else [data]
    number = 0
    for holder in outer:
        if not isinstance(holder, dict):
            continue
        keys = {k.lower(): k for k in holder}
        inner = holder.get(keys.get((items or "").lower(), ""), None)
        for record in inner if isinstance(inner, list) else [holder]:
            if isinstance(record, dict):
                number += 1
                yield number, holder, record


def _dig(record: dict[str, Any], holder: dict[str, Any], where: str) -> Any:
    """The value at a dotted path ('absentieReden.afkorting', 'Vakken.0.Naam'); '^name' is a
    field of the object that holds the list (Magister's stamnummer)."""
    value: Any = holder if where.startswith("^") else record
    for part in where.lstrip("^").split("."):
        if isinstance(value, dict):
            keys = {k.lower(): k for k in value}
            value = value.get(keys.get(part.lower(), part))
        elif isinstance(value, list) and part.isdigit() and int(part) < len(value):
            value = value[int(part)]
        else:
            return None
    return value


def _json_rows(path: Path, preset: Preset) -> Iterator[tuple[int, dict[str, str]]]:
    for number, holder, record in _json_records(path, preset.items):
        cells: dict[str, str] = {}
        for generic, (where, *_) in preset.fields.items():
            value = _dig(record, holder, where)
            if generic in ("begin_moment", "eind_moment", "geregistreerd_op") and value:
                moment = _moment(str(value))
                if generic == "begin_moment":
                    cells["datum"], cells["begin"] = moment[:10], moment[11:16]
                elif generic == "eind_moment":
                    cells["eind"] = moment[11:16]
                else:
                    cells[generic] = moment
                continue
            cells[generic] = "" if value is None or isinstance(value, dict | list) else str(value)
        yield number, cells


def _moment(text: str) -> str:
    """An ISO date-time, with or without offset, as 'YYYY-MM-DD HH:MM' Dutch local time."""
    try:
        moment = datetime.fromisoformat(text.strip().replace("Z", "+00:00"))
    except ValueError:
        return ""
    if moment.tzinfo is not None:
        moment = moment.astimezone(AMSTERDAM).replace(tzinfo=None)
    return f"{moment:%Y-%m-%d %H:%M}"


class _Unreadable(Exception):
    pass


def _rows(path: Path, preset: Preset, file: str) -> Iterator[tuple[int, dict[str, str]]]:
    """(line, {generic column: text}) per data row of the LVS file."""
    if preset.form == "json":
        yield from _json_rows(path, preset)
        return
    reader = _table_rows(path, preset)
    if preset.header:
        wanted = {normalize_header(h) for names in preset.fields.values() for h in names}
        for _, header in reader:  # title rows above the header are passed over
            if wanted & {normalize_header(c) for c in header}:
                break
        else:
            return
        position = {normalize_header(h): i for i, h in enumerate(header)}
    else:
        position = {normalize_header(h): i for i, h in enumerate(preset.columns)}
    where: dict[str, int] = {}
    for generic, names in preset.fields.items():
        for name in names:
            if normalize_header(name) in position:
                where[generic] = position[normalize_header(name)]
                break
    names, positions = list(where), list(where.values())
    width = max(positions, default=-1) + 1
    pick = itemgetter(*positions) if len(positions) > 1 else None
    for line, row in reader:
        if len(row) < width:
            if not any(cell.strip() for cell in row):
                continue
            row = row + [""] * (width - len(row))
        elif not row[0] and not any(row):
            continue
        if pick is not None:
            yield line, dict(zip(names, pick(row), strict=True))
        else:
            yield line, {g: row[i] for g, i in where.items()}


def _date(text: str, form: str) -> str:
    value = text.strip()
    if form == "JJJJMMDD" and re.fullmatch(r"\d{8}", value):
        return f"{value[:4]}-{value[4:6]}-{value[6:]}"
    return parse_date(value).isoformat() if value else ""


def translate(
    path: Path,
    preset: Preset,
    out: Path,
    schedule: dict[int, LessonTime],
    school_codes: dict[str, tuple[str, str]],
) -> _Translated:
    """The LVS file written as the generic file `preset.becomes` into folder `out`."""
    file = path.name
    codes = {**preset.codes, **school_codes}
    result = _Translated([], [])
    with (out / preset.becomes).open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(ABSENTIES.names)
        # each distinct date, span and code is translated once: a million rows hold few
        dates: dict[str, str] = {}
        spans: dict[tuple[str, str, str, str, str], tuple[str, str]] = {}
        meanings: dict[tuple[str, str], tuple[str | None, str]] = {}
        write, lines = writer.writerow, result.lines
        for line, cells in _rows(path, preset, file):
            get = cells.get
            try:
                written = get("datum", "")
                day = dates.get(written)
                if day is None:
                    day = dates[written] = _date(written, preset.date_form)
                key = (
                    get("begin", ""),
                    get("eind", ""),
                    get("beginlesuur", ""),
                    get("eindlesuur", ""),
                    get("lesuur", ""),
                )
                span = spans.get(key)
                if span is None:
                    span = spans[key] = _span(cells, schedule)
                meaning_key = (get("code", ""), get("reden", ""))
                meaning = meanings.get(meaning_key)
                if meaning is None:
                    meaning = meanings[meaning_key] = _code(*meaning_key, codes)
            except _Problem as exc:
                result.problems.append(RowProblem(file, line, exc.column, exc.reason))
                continue
            except BadValue as exc:
                result.problems.append(RowProblem(file, line, "datum", exc.reason))
                continue
            if meaning[0] is None:
                continue  # not about presence (homework or materials forgotten)
            write(
                (
                    get("leerlingnummer", ""),
                    day,
                    span[0],
                    span[1],
                    get("minuten", ""),
                    meaning[0],
                    meaning[1],
                    get("vak", ""),
                    get("docent", ""),
                    get("geregistreerd_op", ""),
                )
            )
            lines.append(line)
    return result


class _Problem(Exception):
    def __init__(self, column: str, reason: str) -> None:
        super().__init__(reason)
        self.column, self.reason = column, reason


def _lesson(text: str, schedule: dict[int, LessonTime], column: str) -> LessonTime:
    value = text.strip()
    if not value.isdigit() or int(value) not in schedule:
        known = ", ".join(str(n) for n in sorted(schedule)) or "geen"
        raise _Problem(
            column,
            f"Lesuur '{shown(value)}' staat niet in de lestijden van de school (bekend: "
            f"{known}). Vul de lestijden in (Instellingen of lestijden.csv) en importeer opnieuw.",
        )
    return schedule[int(value)]


def _span(cells: dict[str, str], schedule: dict[int, LessonTime]) -> tuple[str, str]:
    """Begin and end as HH:MM: the file's times, else its lesson numbers through the schedule."""
    begin, end = cells.get("begin", "").strip(), cells.get("eind", "").strip()
    first = (cells.get("beginlesuur") or cells.get("lesuur") or "").strip()
    if (not begin or not end) and first:
        last = (cells.get("eindlesuur") or "").strip() or first
        column = "beginlesuur" if "beginlesuur" in cells else "lesuur"
        begin = begin or f"{_lesson(first, schedule, column).begin:%H:%M}"
        end = end or f"{_lesson(last, schedule, 'eindlesuur').end:%H:%M}"
    for value, column in ((begin, "begin"), (end, "eind")):
        if value:
            try:
                parse_time(value)
            except BadValue as exc:
                raise _Problem(column, exc.reason) from None
    return begin, end


def _code(text: str, reason: str, codes: dict[str, tuple[str, str]]) -> tuple[str | None, str]:
    found = codes.get(text.strip().upper())
    if found is None:
        if not text.strip():
            raise _Problem("code", "Vul de code in; deze kolom is verplicht.")
        raise _Problem(
            "code",
            f"Onbekende code '{shown(text)}'. Voeg hem toe aan de codes van de school "
            "(Instellingen of codes.csv) met de code van verzuimdesk waar hij voor telt.",
        )
    counts_as, description = found
    if counts_as == NOT_PRESENCE:
        return None, ""
    return counts_as, reason.strip() or description


def import_preset(
    ctx: Context,
    path: Path,
    preset_name: str = AUTO,
    *,
    mapping: Path | None = None,
    skip_bad_rows: bool = False,
    allow_removals: bool = False,
    dry_run: bool = False,
    progress: Progress = no_progress,
    cancel: Cancel = never_cancel,
) -> tuple[Preset, ImportSummary]:
    """One LVS file imported through its preset (found by recognition when `auto`)."""
    require(ctx, Permission.IMPORT)
    path = Path(path)
    if not path.is_file():
        raise ValidationError(f"Het bestand '{path}' bestaat niet.", field="bestand")
    presets = load_presets()
    if preset_name == AUTO and mapping is None:
        try:
            found = detect(path, presets)
        except UnreadableWorkbook as exc:
            raise ImportProblems([exc.problem]) from None
        except _Unreadable as exc:
            raise ImportProblems([RowProblem(path.name, 1, None, str(exc))]) from None
    if mapping is not None:
        if not Path(mapping).is_file():
            raise ValidationError(f"Het bestand '{mapping}' bestaat niet.", field="mapping")
        presets = load_presets_from([Path(mapping)])
        preset_name = next(iter(presets))
    if preset_name == AUTO:
        preset = found
        if preset is None:
            names = ", ".join(sorted(presets))
            raise ValidationError(
                f"Het bestand '{path.name}' lijkt op geen van de bekende exports ({names}). "
                "Kies de voorinstelling met --preset, of gebruik de importhulp in het programma "
                "om de kolommen zelf aan te wijzen.",
                field="preset",
            )
    elif preset_name in presets:
        preset = presets[preset_name]
    else:
        raise ValidationError(
            f"Er is geen voorinstelling '{preset_name}'. Kies uit: {', '.join(sorted(presets))}.",
            field="preset",
        )
    with ctx.db.engine.connect() as connection:
        schedule = load_schedule(connection)
        school = {
            code.upper(): (entry.telt_als, entry.omschrijving)
            for code, entry in load_codes(connection).items()
        }
    with tempfile.TemporaryDirectory(prefix="verzuimdesk-") as folder:
        progress(0, 0, f"{path.name} vertalen ({preset.description})")
        try:
            translated = translate(path, preset, Path(folder), schedule, school)
        except UnreadableWorkbook as exc:
            raise ImportProblems([exc.problem]) from None
        except _Unreadable as exc:
            raise ImportProblems([RowProblem(path.name, 1, None, str(exc))]) from None
        problems = translated.problems
        if problems and not skip_bad_rows:
            raise ImportProblems(problems)
        try:
            summary = import_generic(
                ctx,
                Path(folder),
                skip_bad_rows=skip_bad_rows,
                allow_removals=allow_removals,
                dry_run=dry_run,
                students_required=False,
                progress=progress,
                cancel=cancel,
            )
        except ImportProblems as exc:
            raise ImportProblems(
                problems + _remapped(exc.problems, path.name, translated)
            ) from None
    summary.folder = f"{path} ({preset.description})"
    summary.skipped_problems = problems + _remapped(summary.skipped_problems, path.name, translated)
    return preset, summary


def _remapped(found: list[RowProblem], file: str, translated: _Translated) -> list[RowProblem]:
    """Problems of the translated file, named by the LVS file and its own line numbers."""
    result = []
    for problem in found:
        index = problem.line - 2
        line = translated.lines[index] if 0 <= index < len(translated.lines) else problem.line
        result.append(RowProblem(file, line, problem.column, problem.reason))
    return result
