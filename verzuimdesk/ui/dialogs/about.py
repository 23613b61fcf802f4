"""Help > "Over verzuimdesk": version, database revision, data and log folders, licence."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from verzuimdesk.services.about import program_info
from verzuimdesk.services.context import Context


class AboutDialog(QDialog):
    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Over verzuimdesk")
        info = program_info(ctx)
        rows = (
            ("Versie", info.version),
            ("Database", info.database),
            ("Databaseschema", f"{info.database_revision} (nieuwste: {info.newest_revision})"),
            ("Gegevensmap", str(info.data_folder)),
            ("Back-ups", str(info.backup_folder)),
            ("Logbestanden", str(info.log_folder)),
            ("Licentie", info.licence),
        )
        table = "".join(
            f"<tr><td><b>{escape(name)}:</b></td><td>{escape(value)}</td></tr>"
            for name, value in rows
        )
        self.text = QLabel(
            "<h2>verzuimdesk</h2><p>Verzuimregistratie en -aanpak voor scholen.</p>"
            f"<table cellpadding='3'>{table}</table><p>{escape(info.third_party)}</p>",
            self,
        )
        self.text.setObjectName("aboutText")
        self.text.setWordWrap(True)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText("&Sluiten")
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addWidget(buttons)
        self.setMinimumWidth(620)
