"""First start on an empty database: the school's name, sector, region and policy profile."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QWidget

from verzuimdesk.errors import VerzuimdeskError
from verzuimdesk.services import school
from verzuimdesk.services.context import Context
from verzuimdesk.ui.bus import AppBus
from verzuimdesk.ui.errors_ui import ERROR_STYLE, message_for
from verzuimdesk.ui.generated.ui_school_setup_dialog import Ui_SchoolSetupDialog

SECTOR_LABELS = {"vo": "voortgezet onderwijs (vo)", "mbo": "middelbaar beroepsonderwijs (mbo)"}
REGION_LABELS = {"noord": "regio noord", "midden": "regio midden", "zuid": "regio zuid"}


class SchoolSetupDialog(QDialog):
    def __init__(self, ctx: Context, bus: AppBus, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.bus = bus
        self.ui = Ui_SchoolSetupDialog()
        self.ui.setupUi(self)
        for key in school.SECTORS:
            self.ui.sector.addItem(SECTOR_LABELS.get(key, key), key)
        for key in school.REGIONS:
            self.ui.region.addItem(REGION_LABELS.get(key, key), key)
        self.ui.region.setCurrentIndex(self.ui.region.findData("midden"))
        for name in school.shipped_policy_names():
            self.ui.policy.addItem(name, name)
        self.ui.policy.setCurrentIndex(max(self.ui.policy.findData("wettelijk"), 0))
        self.ui.buttons.button(QDialogButtonBox.StandardButton.Save).setText("School &opslaan")
        self.ui.buttons.accepted.connect(self._save)
        self.ui.buttons.rejected.connect(self.reject)
        self.ui.name.setFocus()

    def _save(self) -> None:
        try:
            changes = school.setup_school(
                self.ctx,
                self.ui.name.text(),
                self.ui.sector.currentData(),
                self.ui.region.currentData(),
                self.ui.policy.currentData() or "",
            )
        except VerzuimdeskError as exc:
            self.ui.message.setStyleSheet(ERROR_STYLE)
            self.ui.message.setText(message_for(exc))
            return
        self.bus.announce(changes)
        self.accept()
