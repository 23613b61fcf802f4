"""The student index: ranking, date forms, tussenvoegsel, refresh."""

from __future__ import annotations

from datetime import date

from tests.desk_helpers import make_school
from verzuimdesk.services.context import Context
from verzuimdesk.services.search import StudentIndex, StudentRecord, build_index, parse_date_query


def index() -> StudentIndex:
    records = [
        StudentRecord(1, "123456", "Jan", "de", "Vries", date(2009, 3, 12), "2HA", "Havo"),
        StudentRecord(2, "234567", "Janneke", None, "Jansen", date(2008, 3, 12), "3VA"),
        StudentRecord(3, "345678", "Piet", "van der", "Berg", date(2009, 12, 3), "2HA"),
        StudentRecord(4, "456789", "Fenna", None, "Müller", date(2010, 7, 1), "1B"),
        StudentRecord(5, "512345", "Kees", None, "Vrijman", date(2009, 1, 1), "4C"),
    ]
    return StudentIndex(records, lambda: date(2025, 10, 1))


def ids(query: str) -> list[int]:
    return [hit.id for hit in index().search(query, 10)]


def test_exact_leerlingnummer_first() -> None:
    assert ids("123456")[0] == 1
    assert ids("12345") == [1, 5]  # prefix of 1, substring of 5


def test_name_prefix_before_substring_and_tussenvoegsel_words() -> None:
    assert ids("jan")[:2] == [1, 2]  # exact word "jan" before prefix "janneke"
    assert ids("van der berg") == [3]
    assert ids("vries jan") == [1]


def test_accents_are_ignored() -> None:
    assert ids("muller") == [4]


def test_birth_date_forms() -> None:
    assert ids("12-03-2009") == [1]
    assert ids("12032009") == [1]
    assert set(ids("12-3")) == {1, 2}
    assert ids("3-12") == [3]


def test_klas_and_age() -> None:
    assert set(ids("2ha")) == {1, 3}
    hit = index().search("123456", 1)[0]
    assert hit.age == 16 and hit.klas == "2HA" and hit.name == "Jan de Vries"


def test_empty_query_finds_nobody() -> None:
    assert ids("  ") == []


def test_parse_date_query_rejects_nonsense() -> None:
    assert parse_date_query("45-13") is None
    assert parse_date_query("1-2-09") == (1, 2, 2009)


def test_build_index_from_the_database(ctx: Context) -> None:
    make_school(ctx)
    hits = build_index(ctx).search("sanne", 5)
    assert [h.name for h in hits] == ["Sanne van der Berg"]
