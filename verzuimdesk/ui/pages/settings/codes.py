"""Instellingen > Codes: the school's own codes, each counting as one of verzuimdesk's codes."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QLabel, QWidget

from verzuimdesk.domain.codes import DEFAULT_CODE_MAP
from verzuimdesk.errors import ValidationError
from verzuimdesk.services import code_table
from verzuimdesk.services.code_table import NOT_PRESENCE, SchoolCodeEntry
from verzuimdesk.services.context import Context
from verzuimdesk.ui.bus import AppBus
from verzuimdesk.ui.pages.settings.table_editor import TableEditorSection

_YES = {"ja": True, "j": True, "nee": False, "n": False, "": None}


def _yes_no(value: bool | None) -> str:
    return {True: "ja", False: "nee", None: ""}[value]


class CodesSection(TableEditorSection):
    intro = (
        "De eigen codes van de school (zoals in het leerlingvolgsysteem) en de code van "
        "verzuimdesk waarvoor elk telt. Geoorloofd: ja, nee of leeg (niet over aanwezigheid)."
    )
    columns = ("Code", "Omschrijving", "Telt als", "Geoorloofd")
    stretch_column = 1

    def __init__(self, ctx: Context, bus: AppBus, parent: QWidget | None = None) -> None:
        super().__init__(ctx, bus, parent)
        legend = ", ".join(f"{c} {x.description}" for c, x in DEFAULT_CODE_MAP.items())
        self.legend = QLabel(
            f"Codes van verzuimdesk: {legend}; '{NOT_PRESENCE}' als de code niet over "
            "aanwezigheid gaat.",
            self,
        )
        self.legend.setWordWrap(True)
        self.body.insertWidget(0, self.legend)

    def rows(self) -> list[Sequence[str]]:
        return [
            (e.code, e.omschrijving, e.telt_als, _yes_no(e.geoorloofd))
            for e in code_table.school_codes(self.ctx)
        ]

    def store(self, typed: list[tuple[int, list[str]]]) -> object:
        entries = []
        for line, (code, omschrijving, telt_als, geoorloofd) in typed:
            answer = geoorloofd.lower()
            if answer not in _YES:
                raise ValidationError(
                    f"Regel {line}: vul bij geoorloofd ja of nee in (of laat het leeg), niet "
                    f"'{geoorloofd}'.",
                    field=f"regel {line}",
                )
            entry = SchoolCodeEntry(
                code, omschrijving, telt_als.upper() or NOT_PRESENCE, _YES[answer]
            )
            found = code_table.entry_problem(entry)
            if found is not None:
                raise ValidationError(f"Regel {line}: {found[1]}", field=f"regel {line}")
            entries.append(entry)
        return code_table.save_school_codes(self.ctx, entries)
