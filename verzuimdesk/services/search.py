"""Finding a student fast (R-ZIEK-5): one ranked index over every student, built once.

A caller gives a name, a student number, a programme or a date of birth; the desk types any part
of it. Every word typed must match the same student; a student's score is the sum of its words'
best matches, so an exact leerlingnummer outranks a name prefix, which outranks a substring.
The index is plain Python (no database round trip per keystroke) and is rebuilt when students
change (`Changes(students=True)`).
"""

from __future__ import annotations

import heapq
import re
import unicodedata
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select

from verzuimdesk.services.context import Context
from verzuimdesk.store.students import Student

# how much one typed word adds for the best way it matches a student
SCORE_LEERLINGNUMMER_EXACT = 1000
SCORE_LEERLINGNUMMER_PREFIX = 500
SCORE_BIRTH_DATE = 400
SCORE_KLAS_EXACT = 300
SCORE_NAME_WORD_EXACT = 250
SCORE_NAME_WORD_PREFIX = 200
SCORE_KLAS_PREFIX = 120
SCORE_SUBSTRING = 50

# words are looked up by their first few characters, then checked in full
_PREFIX_LENGTH = 3
# shorter words match inside nearly every name: they are matched as prefixes only
_SUBSTRING_MIN = 3
# per-word results kept, so typing on narrows the previous keystroke's candidates
_CACHED_TOKENS = 256

# 12-03-2009, 12/3/09, 12.3, 12-3
_DATE_WITH_SEPARATORS = re.compile(r"^(\d{1,2})[-/.](\d{1,2})(?:[-/.](\d{2}|\d{4}))?$")
_DATE_DIGITS = re.compile(r"^(\d{2})(\d{2})(\d{4})$")  # 12032009


@dataclass(frozen=True)
class StudentHit:
    id: int
    leerlingnummer: str
    name: str
    klas: str
    geboortedatum: date
    age: int
    opleiding: str | None = None


@dataclass(frozen=True)
class _Entry:
    id: int
    leerlingnummer: str
    name: str
    sort_name: str
    klas: str
    geboortedatum: date
    opleiding: str | None
    norm_lnr: str
    norm_klas: str
    name_words: tuple[str, ...]
    haystack: str


@dataclass(frozen=True)
class StudentRecord:
    """What the index needs of a student; services and tests build these from rows."""

    id: int
    leerlingnummer: str
    roepnaam: str
    tussenvoegsel: str | None
    achternaam: str
    geboortedatum: date
    klas: str
    opleiding: str | None = None


def normalise(text: str) -> str:
    """Lower case without accents, so 'Müller' and 'Sjoerd' match 'muller' and 'SJOERD'."""
    if text.isascii():
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def age_on(born: date, day: date) -> int:
    years = day.year - born.year
    if (day.month, day.day) < (born.month, born.day):
        years -= 1
    return years


def parse_date_query(token: str) -> tuple[int, int, int | None] | None:
    """(day, month, year or None) when the word is a date of birth as the desk types it."""
    match = _DATE_WITH_SEPARATORS.match(token) or _DATE_DIGITS.match(token)
    if match is None:
        return None
    day, month = int(match.group(1)), int(match.group(2))
    year_text = match.group(3)
    year = None
    if year_text is not None:
        year = int(year_text)
        if len(year_text) == 2:
            # a student's birth year: 09 is 2009, 95 is 1995
            year += 2000 if year < 50 else 1900
    if not (1 <= day <= 31 and 1 <= month <= 12):
        return None
    return day, month, year


class StudentIndex:
    """A ranked, in-memory index of all students."""

    def __init__(self, records: Iterable[StudentRecord], today: Callable[[], date]) -> None:
        self._today = today
        self._entries: dict[int, _Entry] = {}
        self._name_prefix: dict[str, list[int]] = defaultdict(list)
        self._lnr_prefix: dict[str, list[int]] = defaultdict(list)
        self._klas_prefix: dict[str, list[int]] = defaultdict(list)
        self._by_day_month: dict[tuple[int, int], list[int]] = defaultdict(list)
        self._token_cache: dict[str, dict[int, int]] = {}
        for record in records:
            self._add(record)
        # one list in a fixed order makes the substring scan a tight loop
        self._haystacks: list[tuple[str, int]] = [
            (e.haystack, e.id) for e in self._entries.values()
        ]

    def __len__(self) -> int:
        return len(self._entries)

    def _add(self, r: StudentRecord) -> None:
        name_parts = [r.roepnaam, r.tussenvoegsel or "", r.achternaam]
        name = " ".join(p for p in name_parts if p)
        words = tuple(dict.fromkeys(w for w in re.split(r"[\s\-']+", normalise(name)) if w))
        norm_lnr = normalise(r.leerlingnummer)
        norm_klas = normalise(r.klas)
        haystack = " ".join([norm_lnr, normalise(name), norm_klas, normalise(r.opleiding or "")])
        entry = _Entry(
            id=r.id,
            leerlingnummer=r.leerlingnummer,
            name=name,
            sort_name=normalise(f"{r.achternaam}, {r.roepnaam} {r.tussenvoegsel or ''}"),
            klas=r.klas,
            geboortedatum=r.geboortedatum,
            opleiding=r.opleiding,
            norm_lnr=norm_lnr,
            norm_klas=norm_klas,
            name_words=words,
            haystack=haystack,
        )
        self._entries[r.id] = entry
        for word in words:
            self._name_prefix[word[:_PREFIX_LENGTH]].append(r.id)
        self._lnr_prefix[norm_lnr[:_PREFIX_LENGTH]].append(r.id)
        self._klas_prefix[norm_klas[:_PREFIX_LENGTH]].append(r.id)
        self._by_day_month[(r.geboortedatum.day, r.geboortedatum.month)].append(r.id)

    # -- scoring one typed word ----------------------------------------------------------

    def _prefix_candidates(self, index: dict[str, list[int]], token: str) -> Iterable[int]:
        if len(token) >= _PREFIX_LENGTH:
            return index.get(token[:_PREFIX_LENGTH], ())
        # a short word: every key that starts with it (a few hundred keys at most)
        return (i for key, ids in index.items() if key.startswith(token) for i in ids)

    def _token_scores(self, token: str) -> dict[int, int]:
        cached = self._token_cache.get(token)
        if cached is not None:
            return cached
        narrower = self._token_cache.get(token[:-1]) if len(token) > _SUBSTRING_MIN else None
        scores = self._compute_token_scores(token, narrower)
        if len(self._token_cache) >= _CACHED_TOKENS:
            self._token_cache.pop(next(iter(self._token_cache)))
        self._token_cache[token] = scores
        return scores

    def _compute_token_scores(self, token: str, within: dict[int, int] | None) -> dict[int, int]:
        """Scores of one typed word; `within` holds the candidates of the word one key shorter
        (every prefix or substring match of the longer word is one of the shorter word's)."""
        scores: dict[int, int] = {}

        def offer(student_id: int, score: int) -> None:
            if score > scores.get(student_id, 0):
                scores[student_id] = score

        parsed = parse_date_query(token)
        if parsed is not None:
            day, month, year = parsed
            for sid in self._by_day_month.get((day, month), ()):
                if year is None or self._entries[sid].geboortedatum.year == year:
                    offer(sid, SCORE_BIRTH_DATE)
        entries = self._entries
        if within is not None:
            lnr_ids: Iterable[int] = within
            klas_ids: Iterable[int] = within
            name_ids: Iterable[int] = within
            haystacks = [(entries[sid].haystack, sid) for sid in within]
        else:
            lnr_ids = self._prefix_candidates(self._lnr_prefix, token)
            klas_ids = self._prefix_candidates(self._klas_prefix, token)
            name_ids = self._prefix_candidates(self._name_prefix, token)
            haystacks = self._haystacks
        for sid in lnr_ids:
            lnr = entries[sid].norm_lnr
            if lnr == token:
                offer(sid, SCORE_LEERLINGNUMMER_EXACT)
            elif lnr.startswith(token):
                offer(sid, SCORE_LEERLINGNUMMER_PREFIX)
        for sid in klas_ids:
            klas = entries[sid].norm_klas
            if klas == token:
                offer(sid, SCORE_KLAS_EXACT)
            elif klas.startswith(token):
                offer(sid, SCORE_KLAS_PREFIX)
        for sid in name_ids:
            for word in entries[sid].name_words:
                if word == token:
                    offer(sid, SCORE_NAME_WORD_EXACT)
                elif word.startswith(token):
                    offer(sid, SCORE_NAME_WORD_PREFIX)
        if len(token) >= _SUBSTRING_MIN and parsed is None:
            for haystack, sid in haystacks:
                if token in haystack and sid not in scores:
                    scores[sid] = SCORE_SUBSTRING
        return scores

    # -- the query -------------------------------------------------------------------------

    def search(self, query: str, limit: int = 20) -> list[StudentHit]:
        """The best `limit` students for what was typed; an empty query finds nobody."""
        tokens = list(dict.fromkeys(normalise(query).replace(",", " ").split()))
        if not tokens or limit <= 0:
            return []
        # the longest word first: it usually narrows the candidates most
        tokens.sort(key=len, reverse=True)
        total = self._token_scores(tokens[0])
        for token in tokens[1:]:
            if not total:
                break
            scores = self._token_scores(token)
            total = {sid: s + scores[sid] for sid, s in total.items() if sid in scores}
        entries = self._entries
        best = heapq.nsmallest(
            limit, total.items(), key=lambda item: (-item[1], entries[item[0]].sort_name)
        )
        today = self._today()
        return [self._hit(entries[sid], today) for sid, _ in best]

    def hit(self, student_id: int) -> StudentHit | None:
        entry = self._entries.get(student_id)
        return None if entry is None else self._hit(entry, self._today())

    @staticmethod
    def _hit(entry: _Entry, today: date) -> StudentHit:
        return StudentHit(
            id=entry.id,
            leerlingnummer=entry.leerlingnummer,
            name=entry.name,
            klas=entry.klas,
            geboortedatum=entry.geboortedatum,
            age=age_on(entry.geboortedatum, today),
            opleiding=entry.opleiding,
        )


def build_index(ctx: Context) -> StudentIndex:
    """Read every student once (a few columns only) and index them."""
    columns = (
        Student.id,
        Student.leerlingnummer,
        Student.roepnaam,
        Student.tussenvoegsel,
        Student.achternaam,
        Student.geboortedatum,
        Student.klas,
        Student.opleiding,
    )
    with ctx.db.unit_of_work() as session:
        rows = session.execute(select(*columns)).all()
    return StudentIndex((StudentRecord(*row) for row in rows), ctx.today)
