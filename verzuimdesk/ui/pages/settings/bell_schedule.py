"""Instellingen > Lestijden: the begin and end of each numbered lesson (lestijden.csv)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, time, timedelta

from verzuimdesk.errors import ValidationError
from verzuimdesk.services import bell_schedule
from verzuimdesk.services.bell_schedule import LessonTime
from verzuimdesk.ui.pages.settings.table_editor import TableEditorSection


def _time(text: str, what: str, line: int) -> time:
    try:
        return time.fromisoformat(text if len(text) != 4 else "0" + text)
    except ValueError:
        raise ValidationError(
            f"Regel {line}: '{text}' bij {what} is geen tijd; schrijf bijvoorbeeld 08:30.",
            field=f"regel {line}",
        ) from None


class BellScheduleSection(TableEditorSection):
    intro = (
        "De tijden van de lesuren. Een absentiebestand dat lesuren noemt in plaats van tijden "
        "(zoals Eduarte en Magister) wordt hiermee omgerekend."
    )
    columns = ("Lesuur", "Begin", "Einde")
    stretch_column = 2

    def rows(self) -> list[Sequence[str]]:
        return [
            (str(x.lesuur), f"{x.begin:%H:%M}", f"{x.end:%H:%M}")
            for x in bell_schedule.bell_schedule(self.ctx)
        ]

    def new_row(self) -> Sequence[str]:
        typed = self.typed()
        if not typed:
            return ("1", "08:30", "09:20")
        try:
            last_number, last_end = int(typed[-1][1][0]), time.fromisoformat(typed[-1][1][2])
        except ValueError:
            return ("", "", "")
        end = (datetime.combine(datetime.min, last_end) + timedelta(minutes=50)).time()
        return (str(last_number + 1), f"{last_end:%H:%M}", f"{end:%H:%M}")

    def store(self, typed: list[tuple[int, list[str]]]) -> object:
        lessons = []
        for line, (number, begin, end) in typed:
            try:
                lesuur = int(number)
            except ValueError:
                raise ValidationError(
                    f"Regel {line}: '{number}' is geen lesuur; vul een getal in, zoals 3.",
                    field=f"regel {line}",
                ) from None
            lessons.append(
                LessonTime(lesuur, _time(begin, "begin", line), _time(end, "einde", line))
            )
        return bell_schedule.save_bell_schedule(self.ctx, lessons)
