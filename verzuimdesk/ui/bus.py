"""The one application-wide signal hub: services return `Changes`, screens decide to refresh.

Every page is constructed as `Page(ctx, bus, parent=None)` and listens to `bus.changed`.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from verzuimdesk.services.changes import Changes


class AppBus(QObject):
    changed = Signal(object)  # Changes
    open_student = Signal(int)  # student.id: show this student's dossier
    status_message = Signal(str)

    def announce(self, changes: Changes) -> None:
        self.changed.emit(changes)
