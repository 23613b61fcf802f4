"""What every page of the main window is: `Page(ctx, bus, parent=None, settings=None)`.

A page owns the context, the bus and its QSettings. It declares once which `Changes` it refreshes
on (`refreshes_on`) and which settings it keeps (`SettingKey` constants, read with `setting()` and
written with `remember()` under the page's `settings_group`). A hidden page only marks itself stale
and reloads when it is shown again, so one change does not rebuild every page at once.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, ClassVar, Generic, TypeVar

from PySide6.QtCore import QSettings
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QWidget

from verzuimdesk.services.changes import Changes
from verzuimdesk.services.context import Context
from verzuimdesk.ui.bus import AppBus

T = TypeVar("T", str, bool, int)


@dataclass(frozen=True)
class SettingKey(Generic[T]):
    """A remembered choice of a page (a filter, a tab), with the value it has until chosen."""

    name: str
    default: T


class Page(QWidget):
    refreshes_on: ClassVar[frozenset[str]] = frozenset()
    settings_group: ClassVar[str] = ""

    def __init__(
        self,
        ctx: Context,
        bus: AppBus,
        parent: QWidget | None = None,
        settings: QSettings | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.bus = bus
        # without settings: the application's own (organisation "verzuimdesk"), where the main
        # window keeps its geometry
        self.settings = settings if settings is not None else QSettings()
        self._stale = True
        bus.changed.connect(self._on_bus_changed)

    # -- settings --------------------------------------------------------------------------

    def setting(self, key: SettingKey[T]) -> T:
        value: Any = self.settings.value(self._key(key), key.default, type=type(key.default))
        return type(key.default)(value)

    def remember(self, key: SettingKey[T], value: T) -> None:
        self.settings.setValue(self._key(key), value)

    def _key(self, key: SettingKey[Any]) -> str:
        return f"{self.settings_group}/{key.name}" if self.settings_group else key.name

    # -- refreshing ------------------------------------------------------------------------

    def _on_bus_changed(self, changes: Changes) -> None:
        if changes.touches(self.refreshes_on):
            self.on_changes(changes)

    def on_changes(self, changes: Changes) -> None:
        """A change this page refreshes on happened; by default reload now or when shown."""
        self.mark_stale()

    def mark_stale(self) -> None:
        self._stale = True
        if self.isVisible():
            self.refresh()

    def showEvent(self, event: QShowEvent) -> None:
        if self._stale:
            self.refresh()
        super().showEvent(event)

    def refresh(self) -> None:
        self._stale = False
        self.load()

    def load(self) -> None:
        """Read what the page shows from the services and show it."""
        raise NotImplementedError
