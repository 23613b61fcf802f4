"""Unexpected errors: written to the log and shown in a dialog with "Details kopiëren"."""

from __future__ import annotations

import logging
import sys
import traceback
from types import TracebackType

from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton, QWidget

from verzuimdesk import paths
from verzuimdesk.errors import VerzuimdeskError
from verzuimdesk.privacy import scrub
from verzuimdesk.ui.errors_ui import show_error

log = logging.getLogger("verzuimdesk.crash")


def details_text(kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> str:
    """The crash report: where it went wrong, without the values involved (names, reasons)."""
    return scrub("".join(traceback.format_exception(kind, value, tb)))


def show_crash(parent: QWidget | None, details: str) -> None:
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Critical)
    box.setWindowTitle("Er ging iets mis")
    box.setText(
        "Er is een onverwachte fout opgetreden. Wat u invoerde is niet opgeslagen als het nog "
        "niet bevestigd was. Stuur de details naar de beheerder."
    )
    box.setInformativeText(f"De details staan ook in het logbestand in {paths.log_dir()}.")
    box.setDetailedText(details)
    copy = QPushButton("Details &kopiëren", box)
    box.addButton(copy, QMessageBox.ButtonRole.ActionRole)
    box.addButton(QMessageBox.StandardButton.Close)
    # ActionRole buttons close the box; copying must not, so the click is handled here
    copy.clicked.disconnect()
    copy.clicked.connect(lambda: QApplication.clipboard().setText(details))
    box.exec()


def install_excepthook() -> None:
    """Typed errors that escape a slot become a message; anything else is a crash."""

    def hook(kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
        if isinstance(value, VerzuimdeskError):
            # the message may name a student or caller: the log gets only its kind
            log.warning("melding aan gebruiker: %s", type(value).__name__)
            show_error(QApplication.activeWindow(), value)
            return
        details = details_text(kind, value, tb)
        log.error("onverwachte fout\n%s", details)
        show_crash(QApplication.activeWindow(), details)

    sys.excepthook = hook
