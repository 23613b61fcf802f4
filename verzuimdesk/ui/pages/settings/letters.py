"""Instellingen > Brieven: letterhead, signature, the address block of the window envelope (with
a calibration page), and per letter the variant built on the evidence (Rogers & Feller 2018)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QCheckBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from verzuimdesk.domain.letters import LETTER_TITLES, Letter
from verzuimdesk.errors import ValidationError
from verzuimdesk.services import letter_settings
from verzuimdesk.services.context import Context
from verzuimdesk.services.letter_settings import AddressBlock, LetterSettings
from verzuimdesk.services.letter_templates import EVIDENCE_LETTERS
from verzuimdesk.ui.bus import AppBus
from verzuimdesk.ui.pages.settings.section import Section


def _mm(parent: QWidget, maximum: float) -> QDoubleSpinBox:
    box = QDoubleSpinBox(parent)
    box.setDecimals(1)
    box.setRange(0, maximum)
    box.setSuffix(" mm")
    return box


class LettersSection(Section):
    intro = (
        "Hoe de verzuimbrieven eruitzien: het briefhoofd, wie ondertekent, en waar het adres "
        "staat voor een vensterenvelop (standaard DIN 5008 B). Print de kalibratiepagina en "
        "houd haar tegen een envelop om de plaats te controleren."
    )

    def __init__(self, ctx: Context, bus: AppBus, parent: QWidget | None = None) -> None:
        super().__init__(ctx, bus, parent)
        self.settings = LetterSettings()
        self.logo_file: Path | None = None
        head = QGroupBox("Briefhoofd en ondertekening", self)
        form = QFormLayout(head)
        self.edits: dict[str, QLineEdit] = {}
        for label, name in (
            ("&Naam school:", "school_naam"),
            ("&Adres:", "adres"),
            ("&Postcode en plaats:", "postcode_plaats"),
            ("&Telefoon:", "telefoon"),
            ("E-&mail:", "email"),
            ("&Website:", "website"),
            ("Plaats bij de &datum:", "plaats"),
            ("&Ondertekenaar:", "ondertekenaar"),
            ("&Functie:", "functie"),
        ):
            edit = QLineEdit(head)
            edit.setMaximumWidth(420)
            edit.returnPressed.connect(self.save)
            form.addRow(label, edit)
            self.edits[name] = edit
        logo_row = QHBoxLayout()
        self.logo_label = QLabel(head)
        self.logo_button = QPushButton("&Logo kiezen…", head)
        self.logo_button.clicked.connect(self.choose_logo)
        logo_row.addWidget(self.logo_label, 1)
        logo_row.addWidget(self.logo_button)
        form.addRow("Logo:", logo_row)
        self.fields["logo"] = self.logo_button

        block = QGroupBox("Adresvak (vensterenvelop)", self)
        grid = QGridLayout(block)
        self.left = _mm(block, 200)
        self.top = _mm(block, 280)
        self.block_width = _mm(block, 200)
        self.block_height = _mm(block, 200)
        for position, (label, box) in enumerate(
            (
                ("Van &links:", self.left),
                ("Van &boven:", self.top),
                ("B&reedte:", self.block_width),
                ("&Hoogte:", self.block_height),
            )
        ):
            text = QLabel(label, block)
            text.setBuddy(box)
            box.setMaximumWidth(120)
            grid.addWidget(text, position // 2, 2 * (position % 2))
            grid.addWidget(box, position // 2, 2 * (position % 2) + 1)
        self.fields["adresvak"] = self.left
        self.calibrate = QPushButton("&Kalibratiepagina opslaan…", block)
        self.calibrate.clicked.connect(self.save_calibration)
        self.din = QPushButton("DIN 5008 &B", block)
        self.din.clicked.connect(lambda: self._show_block(AddressBlock()))
        grid.addWidget(self.din, 2, 0, 1, 2)
        grid.addWidget(self.calibrate, 2, 2, 1, 2)

        evidence = QGroupBox(
            "Variant op basis van onderzoek (dagen, klasgenoot, korte zinnen)", self
        )
        checks = QGridLayout(evidence)
        self.evidence: dict[str, QCheckBox] = {}
        for position, letter in enumerate((Letter.A, Letter.B, Letter.C, Letter.D, Letter.E)):
            assert letter in EVIDENCE_LETTERS
            check = QCheckBox(f"{letter.value}. {LETTER_TITLES[letter]}", evidence)
            checks.addWidget(check, position // 2, position % 2)
            self.evidence[letter.value] = check

        for group in (head, block, evidence):
            group.setMaximumWidth(760)
            self.body.addWidget(group)
        buttons = QHBoxLayout()
        self.save_button = QPushButton("&Opslaan", self)
        self.save_button.setShortcut(QKeySequence("Ctrl+S"))
        self.save_button.setToolTip("Opslaan (Ctrl+S)")
        self.save_button.clicked.connect(self.save)
        buttons.addWidget(self.save_button)
        buttons.addStretch(1)
        self.body.addLayout(buttons)
        self.body.addStretch(1)

    def _show_block(self, block: AddressBlock) -> None:
        self.left.setValue(block.left_mm)
        self.top.setValue(block.top_mm)
        self.block_width.setValue(block.width_mm)
        self.block_height.setValue(block.height_mm)

    def load(self) -> None:
        self.settings = letter_settings.get_letter_settings(self.ctx)
        for name, edit in self.edits.items():
            edit.setText(str(getattr(self.settings, name)))
        self._show_block(self.settings.block)
        self.logo_file = None
        self.logo_label.setText("een logo is ingesteld" if self.settings.logo_sha else "geen logo")
        for value, box in self.evidence.items():
            box.setChecked(value in self.settings.onderzoek_brieven)

    def current(self) -> LetterSettings:
        values = {name: edit.text().strip() for name, edit in self.edits.items()}
        block = replace(
            self.settings.block,
            left_mm=self.left.value(),
            top_mm=self.top.value(),
            width_mm=self.block_width.value(),
            height_mm=self.block_height.value(),
        )
        chosen = tuple(v for v, box in self.evidence.items() if box.isChecked())
        return replace(self.settings, **values, block=block, onderzoek_brieven=chosen)

    def choose_logo(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, "Logo kiezen", "", "Afbeeldingen (*.png *.jpg *.jpeg)"
        )
        if name:
            self.logo_file = Path(name)
            self.logo_label.setText(f"{self.logo_file.name} (wordt opgeslagen bij Opslaan)")

    def save(self) -> None:
        settings = self.current()
        if self.attempt(
            lambda: letter_settings.save_letter_settings(self.ctx, settings, self.logo_file)
        ):
            self.load()

    def save_calibration(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self, "Kalibratiepagina opslaan", "kalibratie-adresvak.pdf", "PDF (*.pdf)"
        )
        if not name:
            return

        def write() -> None:
            data = letter_settings.calibration_pdf(self.ctx, self.current())
            try:
                Path(name).write_bytes(data)
            except OSError as exc:
                raise ValidationError(
                    f"'{name}' kan niet worden geschreven: {exc.strerror}.", field="adresvak"
                ) from exc

        self.attempt(write, f"Kalibratiepagina opgeslagen in {name}. Print haar op ware grootte.")
