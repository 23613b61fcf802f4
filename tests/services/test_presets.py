"""LVS presets on made-up files in each shape of lvs-formats.md: recognised, translated, stored."""

from __future__ import annotations

from datetime import date, time
from pathlib import Path

import pytest
from sqlalchemy import select

from verzuimdesk import cli
from verzuimdesk.errors import ImportProblems, ValidationError
from verzuimdesk.services.bell_schedule import LessonTime, save_bell_schedule
from verzuimdesk.services.context import Context
from verzuimdesk.services.importing.generic import import_generic
from verzuimdesk.services.importing.presets import detect, import_preset, load_presets
from verzuimdesk.store.models import Registration

from .test_import_generic import copy_basic, dump

EDUARTE = (
    "100003;20251103;08:30;20251103;10:10;1;2;ZK;ziek gemeld door moeder\n"
    "100003;20251104;;20251104;;1;1;AB;\n"
    "100004;20251104;;20251104;;2;3;ST;\n"
)
MAGISTER = (
    "Absenties per leerling;;;;;;;;;;\n"
    ";;;;;;;;;;\n"
    "Stamnummer;Roepnaam;Tussenvoegsel;Achternaam;Klas;Datum;Lesuur;Code;Omschrijving;Vak;Docent\n"
    "100001;Daan;de;Vries;1A;3-11-2025;1;A;;wiskunde;BRN\n"
    "100001;Daan;de;Vries;1A;03-11-2025;2;ZH;;Nederlands;KLM\n"
    "100002;Sanne;;Jansen;1A;4-11-2025;3;HV;huiswerk;Engels;PTR\n"
)


@pytest.fixture
def school(ctx: Context, tmp_path: Path) -> Context:
    import_generic(ctx, copy_basic(tmp_path))
    save_bell_schedule(
        ctx,
        [
            LessonTime(1, time(8, 30), time(9, 20)),
            LessonTime(2, time(9, 20), time(10, 10)),
            LessonTime(3, time(10, 30), time(11, 20)),
        ],
    )
    return ctx


def registrations(ctx: Context) -> list[tuple[object, ...]]:
    r = Registration
    with ctx.db.engine.connect() as connection:
        rows = connection.execute(
            select(r.date, r.begin, r.end, r.minutes, r.code, r.reason, r.vak)
            .where(r.date >= "2025-11-01")
            .order_by(r.date, r.begin)
        )
        return [tuple(row) for row in rows]


def test_every_preset_is_recognised_by_its_own_shape(tmp_path: Path) -> None:
    presets = load_presets()
    (tmp_path / "eduarte.txt").write_text(EDUARTE, encoding="utf-8")
    (tmp_path / "magister.csv").write_text(MAGISTER, encoding="utf-8")
    (tmp_path / "anders.csv").write_text("a;b;c\n1;2;3\n", encoding="utf-8")

    assert detect(tmp_path / "eduarte.txt", presets) == presets["eduarte-absentiemeldingen"]
    assert detect(tmp_path / "magister.csv", presets) == presets["magister-lijst"]
    assert detect(tmp_path / "anders.csv", presets) is None


def test_an_eduarte_file_with_times_and_lesuren(school: Context, tmp_path: Path) -> None:
    path = tmp_path / "absentiemeldingen.txt"
    path.write_text(EDUARTE, encoding="utf-8")

    preset, summary = import_preset(school, path)

    assert preset.name == "eduarte-absentiemeldingen"
    assert summary.file("absenties.csv").added == 3
    assert registrations(school) == [
        (date(2025, 11, 3), time(8, 30), time(10, 10), 100, "Z", "ziek gemeld door moeder", None),
        (date(2025, 11, 4), time(8, 30), time(9, 20), 50, "OA", "absent zonder reden", None),
        (date(2025, 11, 4), time(9, 20), time(11, 20), 120, "BPV", "op stage", None),
    ]
    before = dump(school)
    assert import_preset(school, path)[1].file("absenties.csv").unchanged == 3
    assert dump(school) == before


def test_a_magister_list_below_its_title_rows(school: Context, tmp_path: Path) -> None:
    path = tmp_path / "absenties.csv"
    path.write_text(MAGISTER, encoding="utf-8")

    preset, _ = import_preset(school, path, "auto")

    assert preset.name == "magister-lijst"
    codes = [(row[4], row[5], row[6]) for row in registrations(school)]
    # Magister's A is absent (OA), ZH is ziek; HV (huiswerk vergeten) is not about presence
    assert codes == [
        ("OA", "absent zonder reden", "wiskunde"),
        ("Z", "ziek naar huis", "Nederlands"),
    ]


def test_problems_name_the_lvs_file_and_its_own_lines(school: Context, tmp_path: Path) -> None:
    path = tmp_path / "absentiemeldingen.txt"
    path.write_text(
        EDUARTE + "100003;20251105;;20251105;;9;9;ZK;\n" + "999999;20251105;08:30;;09:20;;;XX;\n",
        encoding="utf-8",
    )
    before = dump(school)

    with pytest.raises(ImportProblems) as caught:
        import_preset(school, path)

    assert [str(p).split(":")[0] for p in caught.value.problems] == [
        "absentiemeldingen.txt, regel 4, kolom 'beginlesuur'",
        "absentiemeldingen.txt, regel 5, kolom 'code'",
    ]
    assert "Lesuur '9' staat niet in de lestijden" in str(caught.value.problems[0])
    assert dump(school) == before


def test_an_unknown_student_is_named_on_the_lvs_line(school: Context, tmp_path: Path) -> None:
    path = tmp_path / "absentiemeldingen.txt"
    path.write_text(EDUARTE + "999999;20251105;08:30;20251105;09:20;;;ZK;\n", encoding="utf-8")

    with pytest.raises(ImportProblems) as caught:
        import_preset(school, path)

    assert [str(p).split(":")[0] for p in caught.value.problems] == [
        "absentiemeldingen.txt, regel 4, kolom 'leerlingnummer'"
    ]


def test_an_unrecognised_file_asks_for_a_preset(school: Context, tmp_path: Path) -> None:
    path = tmp_path / "iets.csv"
    path.write_text("a;b\n1;2\n", encoding="utf-8")
    with pytest.raises(ValidationError, match="lijkt op geen van de bekende exports"):
        import_preset(school, path)
    with pytest.raises(ValidationError, match="Er is geen voorinstelling 'somtoday'"):
        import_preset(school, path, "somtoday")


def test_the_command_line_imports_a_file_and_names_the_preset(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(tmp_path / "db.sqlite")
    assert cli.main(["--db", db, "import", str(copy_basic(tmp_path))]) == 0
    path = tmp_path / "absentiemeldingen.txt"
    path.write_text(EDUARTE.replace(";;1;1;", ";;;;").split("\n")[0] + "\n", encoding="utf-8")
    capsys.readouterr()

    assert cli.main(["--db", db, "import", str(path), "--preset", "auto"]) == 0

    captured = capsys.readouterr()
    assert "Herkend als: Eduarte: absentiemeldingen" in captured.err
    assert "absenties.csv: 1 toegevoegd" in captured.out


SOMTODAY = """{"items": [
 {"leerling": {"leerlingnummer": "100001", "roepnaam": "Daan", "achternaam": "de Vries"},
  "absentieReden": {"absentieSoort": "Absent", "afkorting": "ZK", "omschrijving": "Ziek",
                    "geoorloofd": true},
  "beginDatumTijd": "2025-11-03T08:30:00.000+01:00",
  "eindDatumTijd": "2025-11-03T10:10:00.000+01:00",
  "beginLesuur": 1, "eindLesuur": 2, "datumTijdInvoer": "2025-11-03T07:55:00.000+01:00",
  "afgehandeld": false}
]}"""
MAGISTER_API = """[{"stamnummer": "100002", "Items": [
 {"Id": 1, "Start": "2025-11-04T09:20:00", "Eind": "2025-11-04T10:10:00", "Lesuur": 2,
  "Geoorloofd": false, "Omschrijving": "Absent zonder reden", "Code": "A", "Verantwoordingtype": 1,
  "Afspraak": {"LesuurVan": 2, "Vakken": [{"Naam": "wiskunde"}]}},
 {"Id": 2, "Start": "2025-11-04T10:30:00", "Eind": "2025-11-04T11:20:00", "Lesuur": 3,
  "Geoorloofd": false, "Omschrijving": "Huiswerk vergeten", "Code": "HV", "Verantwoordingtype": 8,
  "Afspraak": {"LesuurVan": 3, "Vakken": []}}
]}]"""


def test_somtoday_and_magister_json(school: Context, tmp_path: Path) -> None:
    (tmp_path / "somtoday.json").write_text(SOMTODAY, encoding="utf-8")
    (tmp_path / "magister.json").write_text(MAGISTER_API, encoding="utf-8")

    assert import_preset(school, tmp_path / "somtoday.json")[0].name == "somtoday-absentiemeldingen"
    assert import_preset(school, tmp_path / "magister.json")[0].name == "magister-api"

    assert registrations(school) == [
        (date(2025, 11, 3), time(8, 30), time(10, 10), 100, "Z", "Ziek", None),
        (date(2025, 11, 4), time(9, 20), time(10, 10), 50, "OA", "Absent zonder reden", "wiskunde"),
    ]


def test_broken_json_is_a_dutch_problem(school: Context, tmp_path: Path) -> None:
    (tmp_path / "kapot.json").write_text('{"items": [', encoding="utf-8")
    with pytest.raises(ImportProblems, match="geen leesbare JSON"):
        import_preset(school, tmp_path / "kapot.json")
