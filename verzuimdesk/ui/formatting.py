"""Dutch display text for the desk's values (dates, minutes, reports)."""

from __future__ import annotations

from datetime import date, datetime, time

from PySide6.QtCore import QTime

from verzuimdesk.domain.hours import format_minutes
from verzuimdesk.services.sick_reports import SickReportView

WEEKDAYS = ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag")
MONTHS = (
    "januari", "februari", "maart", "april", "mei", "juni",
    "juli", "augustus", "september", "oktober", "november", "december",
)  # fmt: skip


def long_date(day: date) -> str:
    return f"{WEEKDAYS[day.weekday()]} {day.day} {MONTHS[day.month - 1]} {day.year}"


def short_date(day: date) -> str:
    return day.strftime("%d-%m-%Y")


def moment(value: datetime) -> str:
    if value.time() == time.min:
        return f"{short_date(value.date())} (hele dag)"
    return f"{short_date(value.date())} {value:%H:%M}"


def today_at(today: date, clock: QTime) -> datetime:
    """A time typed into a QTimeEdit, on today's date (the call times at the desk)."""
    return datetime.combine(today, time(clock.hour(), clock.minute()))


def report_summary(report: SickReportView) -> str:
    so_far = (
        f"{report.days} lesdag{'en' if report.days != 1 else ''}, {format_minutes(report.minutes)}"
    )
    return (
        f"{report.student_name} ({report.klas}) ziek sinds {moment(report.starts_at)}, "
        f"gemeld door {report.caller_text}; tot nu toe {so_far}"
    )
