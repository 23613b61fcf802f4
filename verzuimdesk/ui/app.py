"""Starting the GUI (placeholder until the desk issue lands the main window)."""

from __future__ import annotations

import sys


def run_gui(db: str | None, demo: bool) -> int:
    from PySide6.QtWidgets import QApplication, QMainWindow

    app = QApplication.instance() or QApplication(sys.argv)
    window = QMainWindow()
    window.setWindowTitle("verzuimdesk")
    window.show()
    return app.exec()
