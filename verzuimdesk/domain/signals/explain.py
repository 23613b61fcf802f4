"""Dutch sentences a verzuimmedewerker can read aloud, one per signal."""

from __future__ import annotations

from datetime import date
from functools import cache

from verzuimdesk.domain.hours import format_minutes
from verzuimdesk.domain.route import Route

WEEKDAYS = ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag")


@cache  # a run formats the same few hundred days tens of thousands of times
def dutch_date(day: date) -> str:
    return f"{day.day:02d}-{day.month:02d}-{day.year}"


@cache
def week_span(start: date, end: date) -> str:
    """'de lesweken 38 tot en met 41' or 'lesweek 38' (ISO week numbers, as schools use them)."""
    first, last = start.isocalendar().week, end.isocalendar().week
    if first == last:
        return f"lesweek {first}"
    return f"de lesweken {first} tot en met {last}"


def addressee(route: Route, woongemeente: str | None) -> str:
    """Who receives a DUO report, with the woongemeente when known."""
    where = f" {woongemeente}" if woongemeente else ""
    if route is Route.LEERPLICHT:
        return f"leerplicht{where}"
    return f"het RMC{' voor' + where if where else ''}"


def duty(
    route: Route, woongemeente: str | None, deadline: date | None, what: str = "melden"
) -> str:
    """The closing clause: to whom and by when, or why the school cannot report."""
    if route is Route.NIET_MELDBAAR:
        return (
            "niet meldbaar bij DUO (startkwalificatie of 23 jaar of ouder); "
            "volg het eigen verzuimprotocol"
        )
    clause = f"{what} bij {addressee(route, woongemeente)}"
    if deadline is not None:
        clause += f" uiterlijk {dutch_date(deadline)}"
    return clause


def r16u(
    minutes: int, start: date, end: date, route: Route, gemeente: str | None, deadline: date | None
) -> str:
    return (
        f"{format_minutes(minutes)} ongeoorloofd verzuim in {week_span(start, end)}; "
        f"{duty(route, gemeente, deadline)}"
    )


def herhaal(
    minutes: int, start: date, end: date, route: Route, gemeente: str | None, deadline: date | None
) -> str:
    return (
        f"Opnieuw {format_minutes(minutes)} ongeoorloofd verzuim sinds de vorige melding, in "
        f"{week_span(start, end)}; {duty(route, gemeente, deadline, 'herhaalmelding')}"
    )


def lrv(
    lesweken: int, start: date, end: date, route: Route, gemeente: str | None, deadline: date | None
) -> str:
    return (
        f"{lesweken} lesweken achter elkaar geen enkele les gevolgd, van {dutch_date(start)} tot "
        f"en met {dutch_date(end)}; langdurig relatief verzuim "
        f"{duty(route, gemeente, deadline)}"
    )


def te_laat(times: int, start: date, end: date, route: Route, gemeente: str | None) -> str:
    return (
        f"{times} keer te laat in {week_span(start, end)}; "
        f"{duty(route, gemeente, None, 'als overig verzuim melden')}"
    )


def ziek_lang(long_days: int, start: date, end: date, lesdagen: int) -> str:
    span = f"{long_days // 7} weken" if long_days % 7 == 0 else f"{long_days} dagen"
    return (
        f"Langer dan {span} ziek, sinds {dutch_date(start)} ({lesdagen} lesdagen tot en met "
        f"{dutch_date(end)}); vraag een gedagtekende doktersverklaring en bespreek dit met de "
        "mentor"
    )


def ziek_vaak(starts: list[date], months: int) -> str:
    days = ", ".join(dutch_date(d) for d in starts)
    return (
        f"{len(starts)} keer ziek gemeld binnen {months} maanden ({days}); "
        "bespreek het ziekteverzuim met de mentor"
    )


def ziek_30u(minutes: int, year_label: str) -> str:
    return (
        f"{format_minutes(minutes)} ziek gemeld in schooljaar {year_label}; "
        "signaal voor de mentor (contact met ouders, zo nodig de jeugdarts)"
    )


PATTERN_CLOSING = "bespreek dit patroon met de mentor"


def _on_weekday(on_weekday: int, total: int, weekday: int) -> str:
    return (
        f"{on_weekday} van de {total} ziekmeldingen dit schooljaar begonnen op {WEEKDAYS[weekday]}"
    )


def _afterwards(afterwards: list[date], total: int) -> str:
    # the dates let the mentor look the reports up; "pas achteraf": the school heard on a later day
    days = ", ".join(dutch_date(d) for d in afterwards)
    return (
        f"{len(afterwards)} van de {total} ziekmeldingen dit schooljaar kwamen pas achteraf "
        f"binnen ({days})"
    )


def ziek_patroon(on_weekday: int, total: int, weekday: int) -> str:
    return f"{_on_weekday(on_weekday, total, weekday)}; {PATTERN_CLOSING}"


def ziek_achteraf(afterwards: list[date], total: int) -> str:
    return f"{_afterwards(afterwards, total)}; {PATTERN_CLOSING}"


def ziek_patroon_en_achteraf(
    on_weekday: int, total: int, weekday: int, afterwards: list[date], reports: int
) -> str:
    return (
        f"{_on_weekday(on_weekday, total, weekday)}, en {_afterwards(afterwards, reports)}; "
        f"{PATTERN_CLOSING}"
    )


def ib_letter(weeks: int, start: date, deadline: date) -> str:
    return (
        f"{weeks} lesweken aaneengesloten afwezig zonder geldige reden sinds {dutch_date(start)}; "
        f"vraag de student uiterlijk {dutch_date(deadline)} schriftelijk naar de reden en meld dat "
        "de studiefinanciering gevolgen kan hebben"
    )


def ib_report(weeks: int, start: date, deadline: date) -> str:
    return (
        f"{weeks} lesweken aaneengesloten afwezig zonder geldige reden sinds {dutch_date(start)}; "
        f"melden bij DUO (studiefinanciering) uiterlijk {dutch_date(deadline)}"
    )


def noshow(week: int, route: Route, gemeente: str | None, deadline: date | None) -> str:
    span = "lesweek 1" if week == 1 else f"de lesweken 1 tot en met {week}"
    return (
        f"Niet verschenen in {span} van het schooljaar (no show); stuur de no-show-brief en "
        f"{duty(route, gemeente, deadline)}"
    )
