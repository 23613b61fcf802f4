"""One dialog instance per kind: a shortcut focuses the open dialog instead of stacking another."""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from PySide6.QtWidgets import QDialog, QWidget


class DialogManager:
    def __init__(self) -> None:
        self._open: dict[str, QDialog] = {}

    def open(self, kind: str, factory: Callable[[], QDialog]) -> tuple[QDialog, bool]:
        """The dialog of this kind, shown and focused; True when it was newly made."""
        dialog = self._open.get(kind)
        created = dialog is None
        if dialog is None:
            dialog = factory()
            self._open[kind] = dialog
            dialog.finished.connect(lambda _result, k=kind: self._forget(k))
        dialog.show()
        dialog.raise_()
        dialog.activateWindow()
        return dialog, created

    def current(self, kind: str) -> QDialog | None:
        return self._open.get(kind)

    def _forget(self, kind: str) -> None:
        dialog = self._open.pop(kind, None)
        if dialog is not None:
            dialog.deleteLater()


class DeskActions(Protocol):
    """What the main window offers pages: the desk dialogs, one instance each."""

    def open_sick_report(self, student_id: int | None = None) -> QWidget: ...
    def open_recovery(self, student_id: int | None = None) -> QWidget: ...
    def open_leave_card(self, student_id: int | None = None) -> QWidget: ...


def desk_actions(widget: QWidget) -> DeskActions | None:
    """The main window holding `widget`, when it offers the desk dialogs (None when alone)."""
    window = widget.window()
    return window if hasattr(window, "open_sick_report") else None  # type: ignore[return-value]
