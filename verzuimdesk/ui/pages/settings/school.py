"""Instellingen > School: name, BRIN, sector, holiday region and address."""

from __future__ import annotations

from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QComboBox, QFormLayout, QHBoxLayout, QLineEdit, QPushButton, QWidget

from verzuimdesk.services import school_settings
from verzuimdesk.services.context import Context
from verzuimdesk.services.school_settings import SchoolDetails
from verzuimdesk.ui.bus import AppBus
from verzuimdesk.ui.pages.settings.section import Section

_SECTORS = (("vo", "Voortgezet onderwijs (vo)"), ("mbo", "Middelbaar beroepsonderwijs (mbo)"))
_REGIONS = (("noord", "Noord"), ("midden", "Midden"), ("zuid", "Zuid"))


class SchoolSection(Section):
    intro = (
        "De gegevens van de school. De vakantieregio bepaalt welke schoolvakanties gelden "
        "zolang er geen eigen kalender is ingelezen."
    )

    def __init__(self, ctx: Context, bus: AppBus, parent: QWidget | None = None) -> None:
        super().__init__(ctx, bus, parent)
        form = QFormLayout()
        self.name = QLineEdit(self)
        self.brin = QLineEdit(self)
        self.brin.setPlaceholderText("bijvoorbeeld 12AB")
        self.brin.setMaxLength(6)
        self.sector = QComboBox(self)
        for value, label in _SECTORS:
            self.sector.addItem(label, value)
        self.region = QComboBox(self)
        for value, label in _REGIONS:
            self.region.addItem(label, value)
        self.adres = QLineEdit(self)
        self.adres.setPlaceholderText("straat en huisnummer")
        self.postcode = QLineEdit(self)
        self.postcode.setPlaceholderText("1234 AB")
        self.plaats = QLineEdit(self)
        self.telefoon = QLineEdit(self)
        self.email = QLineEdit(self)
        for label, widget, field in (
            ("&Naam:", self.name, "naam"),
            ("&BRIN-nummer:", self.brin, "brin"),
            ("S&ector:", self.sector, "sector"),
            ("&Vakantieregio:", self.region, "regio"),
            ("&Adres:", self.adres, "adres"),
            ("&Postcode:", self.postcode, "postcode"),
            ("P&laats:", self.plaats, "plaats"),
            ("&Telefoon:", self.telefoon, "telefoon"),
            ("E-&mail:", self.email, "email"),
        ):
            form.addRow(label, widget)
            self.fields[field] = widget
            if isinstance(widget, QLineEdit):
                widget.setMaximumWidth(420)
                widget.returnPressed.connect(self.save)
        self.body.addLayout(form)
        buttons = QHBoxLayout()
        self.save_button = QPushButton("&Opslaan", self)
        self.save_button.setShortcut(QKeySequence("Ctrl+S"))
        self.save_button.setToolTip("Opslaan (Ctrl+S)")
        self.save_button.clicked.connect(self.save)
        buttons.addWidget(self.save_button)
        buttons.addStretch(1)
        self.body.addLayout(buttons)
        self.body.addStretch(1)

    def load(self) -> None:
        details = school_settings.get_details(self.ctx)
        self.name.setText(details.name)
        self.brin.setText(details.brin)
        self.sector.setCurrentIndex(max(0, self.sector.findData(details.sector)))
        self.region.setCurrentIndex(max(0, self.region.findData(details.region)))
        self.adres.setText(details.adres)
        self.postcode.setText(details.postcode)
        self.plaats.setText(details.plaats)
        self.telefoon.setText(details.telefoon)
        self.email.setText(details.email)

    def details(self) -> SchoolDetails:
        return SchoolDetails(
            name=self.name.text(),
            sector=str(self.sector.currentData()),
            region=str(self.region.currentData()),
            brin=self.brin.text(),
            adres=self.adres.text(),
            postcode=self.postcode.text(),
            plaats=self.plaats.text(),
            telefoon=self.telefoon.text(),
            email=self.email.text(),
        )

    def save(self) -> None:
        if self.attempt(lambda: school_settings.save_details(self.ctx, self.details())):
            self.load()  # shows the cleaned-up values (12AB, 3511 AB)
