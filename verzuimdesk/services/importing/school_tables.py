"""lestijden.csv and codes.csv: the bell schedule and the school's own codes, read and checked.

Each is the complete table when the file is there; storing it (with the removal guard and the
audit trail) is services/bell_schedule.py's and services/code_table.py's.
"""

from __future__ import annotations

from verzuimdesk.errors import RowProblem
from verzuimdesk.services.bell_schedule import LessonTime, lesson_problem
from verzuimdesk.services.code_table import SchoolCodeEntry, entry_problem
from verzuimdesk.services.importing.columns import CODES, LESTIJDEN
from verzuimdesk.services.importing.csv_reader import CsvTable
from verzuimdesk.services.importing.records import read_records


def read_lestijden(table: CsvTable, problems: list[RowProblem]) -> list[LessonTime]:
    lessons: dict[int, tuple[int, LessonTime]] = {}
    for line, values in read_records(table, LESTIJDEN, problems):
        lesson = LessonTime(values["lesuur"], values["begin"], values["eind"])
        problem = lesson_problem(lesson)
        if problem is None and lesson.lesuur in lessons:
            problem = (
                f"Lesuur {lesson.lesuur} staat ook op regel {lessons[lesson.lesuur][0]}. "
                "Laat er één over."
            )
        if problem:
            problems.append(RowProblem(table.file, line, table.label("lesuur"), problem))
            continue
        lessons[lesson.lesuur] = (line, lesson)
    return [lesson for _, lesson in lessons.values()]


def read_codes(table: CsvTable, problems: list[RowProblem]) -> list[SchoolCodeEntry]:
    entries: dict[str, tuple[int, SchoolCodeEntry]] = {}
    for line, values in read_records(table, CODES, problems):
        entry = SchoolCodeEntry(
            values["code"],
            values.get("omschrijving") or "",
            values["telt_als"],
            values.get("geoorloofd"),
        )
        found = entry_problem(entry)
        if found is None and entry.code.upper() in entries:
            first = entries[entry.code.upper()][0]
            found = ("code", f"Code '{entry.code}' staat ook op regel {first}. Laat er één over.")
        if found:
            problems.append(RowProblem(table.file, line, table.label(found[0]), found[1]))
            continue
        entries[entry.code.upper()] = (line, entry)
    return [entry for _, entry in entries.values()]
