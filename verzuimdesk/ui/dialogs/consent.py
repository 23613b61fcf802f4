"""R-OUDERS: record whether the student lets the school inform the parents, with the date."""

from __future__ import annotations

from datetime import date
from html import escape

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QButtonGroup, QDialog, QDialogButtonBox, QWidget

from verzuimdesk.errors import ValidationError, VerzuimdeskError
from verzuimdesk.services.consent import ConsentRecord, record_consent
from verzuimdesk.services.context import Context
from verzuimdesk.ui.bus import AppBus
from verzuimdesk.ui.errors_ui import OK_STYLE, WARNING_STYLE, show_inline
from verzuimdesk.ui.generated.ui_consent_dialog import Ui_ConsentDialog

# button ids in the group: a QButtonGroup id is an int, the choice is True / False / None
_IDS: dict[bool | None, int] = {True: 1, False: 2, None: 3}
_CHOICES = {number: choice for choice, number in _IDS.items()}


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


class ConsentDialog(QDialog):
    """Three answers, the date of the written choice, and what it means for the bellijst before
    saving; under 18 it says the choice only counts from the 18th birthday."""

    def __init__(
        self, ctx: Context, bus: AppBus, record: ConsentRecord, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._bus = bus
        self._record = record
        self.ui = Ui_ConsentDialog()
        self.ui.setupUi(self)
        minor = "" if record.adult else f" · wordt 18 op {record.turns_18:%d-%m-%Y}"
        self.ui.studentLabel.setText(
            f"<b>{escape(record.name)}</b>, {record.age} jaar "
            f"(geboren {record.born:%d-%m-%Y}){minor}"
        )
        self.choices = QButtonGroup(self)
        for choice, radio in (
            (True, self.ui.givenRadio),
            (False, self.ui.refusedRadio),
            (None, self.ui.unknownRadio),
        ):
            self.choices.addButton(radio, _IDS[choice])
        self.choices.button(_IDS[record.choice]).setChecked(True)
        self.ui.choiceDateEdit.setDate(_qdate(record.choice_date or ctx.today()))
        self.choices.idToggled.connect(self._choice_toggled)
        self.ui.choiceDateEdit.dateChanged.connect(lambda _d: self._show_effect())
        self.ui.buttonBox.button(QDialogButtonBox.StandardButton.Save).setText("Opslaan")
        self.ui.buttonBox.button(QDialogButtonBox.StandardButton.Cancel).setText("Annuleren")
        self.ui.buttonBox.accepted.connect(self.save)
        self.ui.buttonBox.rejected.connect(self.reject)
        self.ui.messageLabel.hide()
        self._show_effect()
        checked = self.choices.checkedButton()
        if checked is not None:
            checked.setFocus()

    @property
    def choice(self) -> bool | None:
        return _CHOICES[self.choices.checkedId()]

    def choice_date(self) -> date | None:
        if self.choice is None:
            return None
        return self.ui.choiceDateEdit.date().toPython()

    def _choice_toggled(self, _id: int, checked: bool) -> None:
        if not checked:
            return
        record = self._record
        # a different answer than the one on file was given on a new day: today, most likely
        if self.choice == record.choice and record.choice_date:
            self.ui.choiceDateEdit.setDate(_qdate(record.choice_date))
        else:
            self.ui.choiceDateEdit.setDate(_qdate(self._ctx.today()))
        self._show_effect()

    def _show_effect(self) -> None:
        record = self._record
        choice = self.choice
        self.ui.choiceDateEdit.setEnabled(choice is not None)
        self.ui.choiceDateLabel.setEnabled(choice is not None)
        if record.adult:
            status = record.effect(choice, self.choice_date(), self._ctx.today())
            text = status.explanation
        else:
            # the choice counts from the birthday on; show what it will mean then
            later = record.effect(choice, self.choice_date(), record.turns_18)
            text = (
                f"Jonger dan 18: de ouders/verzorgers worden tot {record.turns_18:%d-%m-%Y} altijd "
                f"geïnformeerd. Vanaf die dag geldt: {later.explanation.removeprefix('18+: ')}"
            )
            status = later
        parents = (
            "De bellijst toont de nummers van de ouders/verzorgers."
            if status.parents_allowed
            else "De bellijst toont de nummers van de ouders/verzorgers niet."
        )
        if not record.adult:
            parents = "Tot de 18e verjaardag toont de bellijst de nummers van de ouders/verzorgers."
        self.ui.effectLabel.setStyleSheet(OK_STYLE if status.parents_allowed else WARNING_STYLE)
        self.ui.effectLabel.setText(f"Gevolg: {text} {parents}")

    def save(self) -> None:
        try:
            changes = record_consent(
                self._ctx, self._record.student_id, self.choice, self.choice_date()
            )
        except VerzuimdeskError as exc:
            show_inline(self.ui.messageLabel, exc)
            if isinstance(exc, ValidationError) and exc.field == "datum":
                self.ui.choiceDateEdit.setFocus()
            return
        self._bus.announce(changes)
        self.accept()
