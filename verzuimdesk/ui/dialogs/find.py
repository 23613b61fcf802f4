"""Ctrl+F: find any student and open the dossier (the Leerlingen page)."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QWidget

from verzuimdesk.services.context import Context
from verzuimdesk.ui.bus import AppBus
from verzuimdesk.ui.dialogs.sick_report import embed_search
from verzuimdesk.ui.generated.ui_find_dialog import Ui_FindStudentDialog


class FindStudentDialog(QDialog):
    def __init__(self, ctx: Context, bus: AppBus, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bus = bus
        self.ui = Ui_FindStudentDialog()
        self.ui.setupUi(self)
        self.search = embed_search(self.ui.studentHost, ctx, bus)
        self.search.student_chosen.connect(self._open)
        self.ui.buttons.rejected.connect(self.reject)
        self.search.setFocus()

    def _open(self, student_id: int) -> None:
        self.bus.open_student.emit(student_id)
        self.accept()
