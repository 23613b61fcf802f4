"""leerbedrijven.csv and `gemeld_op` in meldingen.csv: imported, checked, exported (issue 10)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select

from tests.services.test_import_generic import copy_basic, write
from verzuimdesk.errors import ImportProblems
from verzuimdesk.services.context import Context
from verzuimdesk.services.exporting.generic import export_generic
from verzuimdesk.services.importing.generic import import_generic
from verzuimdesk.store.letters import Company
from verzuimdesk.store.reporting import DuoReport

LEERBEDRIJVEN = (
    "leerlingnummer;naam;contactpersoon;telefoon;email;straat;postcode;plaats;van;tot\n"
    "100001;Bakkerij Jansen;P. Jansen;030-1234567;;Markt 1;3511 AA;Utrecht;01-09-2025;\n"
    "100001;Garage Smit;;;;Weg 2;3511 AC;Utrecht;2025-02-01;2025-06-30\n"
)
MELDINGEN = (
    "leerlingnummer,soort,begindatum,einddatum,uren,meldingsnummer,actie_gewenst,gemeld_op\n"
    "100003,16u,2025-03-03,2025-03-20,16.67,DUO-0001234,nee,2025-03-24\n"
)


def test_leerbedrijven_and_gemeld_op_are_imported_and_exported(
    ctx: Context, tmp_path: Path
) -> None:
    folder = copy_basic(tmp_path)
    write(folder, "leerbedrijven.csv", LEERBEDRIJVEN)
    write(folder, "meldingen.csv", MELDINGEN)
    summary = import_generic(ctx, folder)
    assert summary.changes.letters
    with ctx.db.unit_of_work() as s:
        companies = s.scalars(select(Company).order_by(Company.id)).all()
        assert [(c.naam, c.van, c.tot) for c in companies] == [
            ("Bakkerij Jansen", date(2025, 9, 1), None),
            ("Garage Smit", date(2025, 2, 1), date(2025, 6, 30)),
        ]
        assert s.scalars(select(DuoReport.gemeld_op)).one() == date(2025, 3, 24)
    again = import_generic(ctx, folder)
    assert not again.changes.letters  # the same folder twice changes nothing
    out = tmp_path / "uit"
    export_generic(ctx, out)
    text = (out / "leerbedrijven.csv").read_text(encoding="utf-8")
    assert text.splitlines()[1] == (
        "100001,Bakkerij Jansen,P. Jansen,030-1234567,,Markt 1,3511 AA,Utrecht,2025-09-01,"
    )
    assert (
        (out / "meldingen.csv").read_text(encoding="utf-8").splitlines()[1].endswith(",2025-03-24")
    )


def test_bad_leerbedrijf_rows_are_named_and_nothing_is_written(
    ctx: Context, tmp_path: Path
) -> None:
    folder = copy_basic(tmp_path)
    write(
        folder,
        "leerbedrijven.csv",
        "leerlingnummer,naam,van,tot\n999999,Bakkerij,,\n100001,Garage,2025-06-30,2025-02-01\n",
    )
    with pytest.raises(ImportProblems) as caught:
        import_generic(ctx, folder)
    message = caught.value.message
    assert "leerbedrijven.csv, regel 2, kolom 'leerlingnummer'" in message
    assert "leerbedrijven.csv, regel 3, kolom 'tot'" in message
    with ctx.db.unit_of_work() as s:
        assert s.scalars(select(Company)).first() is None


def test_gemeld_op_before_begindatum_is_refused(ctx: Context, tmp_path: Path) -> None:
    folder = copy_basic(tmp_path)
    write(
        folder,
        "meldingen.csv",
        "leerlingnummer,soort,begindatum,gemeld_op\n100003,16u,2025-03-03,2025-03-01\n",
    )
    with pytest.raises(ImportProblems) as caught:
        import_generic(ctx, folder)
    assert "meldingen.csv, regel 2, kolom 'gemeld_op'" in caught.value.message
