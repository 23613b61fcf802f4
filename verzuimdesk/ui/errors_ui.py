"""The one place where typed errors become what the user sees.

Dialogs with a message area show `message_for(exc)` inline (nothing modal to dismiss at the desk);
elsewhere `show_error` opens a message box. Anything that is not a `VerzuimdeskError` is a bug
and goes to the crash dialog (see crash.py).
"""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QMessageBox, QWidget

from verzuimdesk.errors import DatabaseError, NotFoundError, PolicyError, VerzuimdeskError

ERROR_STYLE = "color: #a40000; font-weight: bold;"
WARNING_STYLE = "color: #7a4b00;"
OK_STYLE = "color: #1d5e20;"

_TITLES: dict[type[VerzuimdeskError], str] = {
    DatabaseError: "Database",
    PolicyError: "Beleidsprofiel",
    NotFoundError: "Niet gevonden",
}


def message_for(exc: VerzuimdeskError) -> str:
    return exc.message


def title_for(exc: VerzuimdeskError) -> str:
    for kind, title in _TITLES.items():
        if isinstance(exc, kind):
            return title
    return "Niet opgeslagen"


def show_inline(label: QLabel, exc: VerzuimdeskError) -> None:
    label.setStyleSheet(ERROR_STYLE)
    label.setText(message_for(exc))
    label.show()


def show_error(parent: QWidget | None, exc: VerzuimdeskError) -> None:
    QMessageBox.warning(parent, title_for(exc), message_for(exc))
