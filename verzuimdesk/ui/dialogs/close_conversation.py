"""Afronden of a verzuimgesprek: the evaluation seed 002 asks for after at most 6 weeks."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from html import escape

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QWidget

from verzuimdesk.errors import ValidationError, VerzuimdeskError
from verzuimdesk.services.context import Context
from verzuimdesk.services.conversations import ConversationInfo, close_conversation
from verzuimdesk.ui.bus import AppBus
from verzuimdesk.ui.errors_ui import show_inline
from verzuimdesk.ui.generated.ui_close_conversation_dialog import Ui_CloseConversationDialog


def conversation_title(c: ConversationInfo) -> str:
    """How a conversation is named in a list to choose from."""
    due = f" (evaluatie uiterlijk {c.evaluate_on:%d-%m-%Y})" if c.evaluate_on else ""
    return f"{c.held_on:%d-%m-%Y}{due}: {c.participants}"


class CloseConversationDialog(QDialog):
    """Choose the open conversation (the one chosen on the page comes first), the day it was
    evaluated and what came of it. Ctrl+Enter saves from inside the evaluation text."""

    def __init__(
        self,
        ctx: Context,
        bus: AppBus,
        student_name: str,
        conversations: Sequence[ConversationInfo],
        chosen_id: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._bus = bus
        self._conversations = list(conversations)
        self.ui = Ui_CloseConversationDialog()
        self.ui.setupUi(self)
        self.ui.studentLabel.setText(f"<b>{escape(student_name)}</b>")
        self.ui.agreementsLabel.setTextFormat(Qt.TextFormat.PlainText)
        for c in self._conversations:
            self.ui.conversationCombo.addItem(conversation_title(c), c.id)
        self.ui.conversationCombo.currentIndexChanged.connect(lambda _i: self._show_agreements())
        chosen = self.ui.conversationCombo.findData(chosen_id) if chosen_id is not None else -1
        self.ui.conversationCombo.setCurrentIndex(max(chosen, 0))
        self._show_agreements()
        today = ctx.today()
        self.ui.closedOnEdit.setDate(QDate(today.year, today.month, today.day))
        save = self.ui.buttonBox.button(QDialogButtonBox.StandardButton.Save)
        save.setText("Afronden")
        save.setToolTip("Afronden (Ctrl+Enter)")
        self.ui.buttonBox.button(QDialogButtonBox.StandardButton.Cancel).setText("Annuleren")
        self.ui.buttonBox.accepted.connect(self.save)
        self.ui.buttonBox.rejected.connect(self.reject)
        # Enter in a multi-line text starts a new line, so saving needs a key of its own there
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self).activated.connect(self.save)
        self.ui.messageLabel.hide()
        self.ui.evaluationEdit.setFocus()

    @property
    def conversation_id(self) -> int | None:
        value = self.ui.conversationCombo.currentData()
        return int(value) if value is not None else None

    def _show_agreements(self) -> None:
        index = self.ui.conversationCombo.currentIndex()
        if 0 <= index < len(self._conversations):
            self.ui.agreementsLabel.setText(self._conversations[index].agreements)

    def closed_on(self) -> date:
        return self.ui.closedOnEdit.date().toPython()

    def save(self) -> None:
        conversation_id = self.conversation_id
        if conversation_id is None:
            return
        try:
            changes = close_conversation(
                self._ctx,
                conversation_id,
                self.closed_on(),
                self.ui.evaluationEdit.toPlainText(),
            )
        except VerzuimdeskError as exc:
            show_inline(self.ui.messageLabel, exc)
            self._focus_field(exc)
            return
        self._bus.announce(changes)
        self.accept()

    def _focus_field(self, exc: VerzuimdeskError) -> None:
        field = exc.field if isinstance(exc, ValidationError) else None
        target = {
            "evaluatie": self.ui.evaluationEdit,
            "datum": self.ui.closedOnEdit,
            "gesprek": self.ui.conversationCombo,
        }.get(field or "")
        if target is not None:
            target.setFocus()
