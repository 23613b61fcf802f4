"""Clock hours of lesson time, always counted in minutes (a 50-minute lesson is 50 minutes)."""

from __future__ import annotations

from datetime import time

MINUTES_PER_HOUR = 60


def minutes_between(begin: time, end: time) -> int:
    """Length of a lesson or part of a day; end before begin is the caller's error."""
    if end < begin:
        raise ValueError(f"eindtijd {end:%H:%M} ligt voor begintijd {begin:%H:%M}")
    return (end.hour * 60 + end.minute) - (begin.hour * 60 + begin.minute)


def hours(minutes: int) -> float:
    return minutes / MINUTES_PER_HOUR


def format_minutes(minutes: int) -> str:
    """Dutch spoken form: '16 uur en 40 minuten', '16 uur', '40 minuten', '1 minuut'."""
    whole, rest = divmod(int(minutes), MINUTES_PER_HOUR)
    rest_text = f"{rest} {'minuut' if rest == 1 else 'minuten'}"
    if whole and rest:
        return f"{whole} uur en {rest_text}"
    if whole:
        return f"{whole} uur"
    return rest_text


def format_hhmm(minutes: int) -> str:
    """Compact table form: '16:40' for 16 hours 40 minutes."""
    whole, rest = divmod(int(minutes), MINUTES_PER_HOUR)
    return f"{whole}:{rest:02d}"
