"""One section of Instellingen: a widget with `load()`, saving through a service.

A section is `Section(ctx, bus, parent=None)`. It declares the `Changes` it reloads on
(`refreshes_on`), implements `load()`, and calls services through `self.attempt(fn)`, which shows
a refusal inline in the section's message line (nothing modal), announces the `Changes` the
service returned and says "Opgeslagen" when all went well.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import ClassVar, TypeVar

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from verzuimdesk.domain.roles import Permission
from verzuimdesk.errors import ValidationError, VerzuimdeskError
from verzuimdesk.services.changes import Changes
from verzuimdesk.services.context import Context
from verzuimdesk.ui.bus import AppBus
from verzuimdesk.ui.errors_ui import OK_STYLE, show_inline

T = TypeVar("T")


class Section(QWidget):
    refreshes_on: ClassVar[frozenset[str]] = frozenset({"settings"})
    # what the first line of the section says under its title
    intro: ClassVar[str] = ""

    def __init__(self, ctx: Context, bus: AppBus, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.bus = bus
        self._stale = True
        self.message = QLabel(self)
        self.message.setObjectName("sectionMessage")
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message.hide()
        self.outer = QVBoxLayout(self)
        self.outer.setContentsMargins(12, 8, 12, 8)
        if self.intro:
            intro = QLabel(self.intro, self)
            intro.setWordWrap(True)
            self.outer.addWidget(intro)
        # subclasses add their widgets to `self.body`; the message line stays at the bottom
        self.body = QVBoxLayout()
        self.outer.addLayout(self.body, 1)
        self.outer.addWidget(self.message)
        # field name (ValidationError.field) → widget that gets the focus when it is wrong
        self.fields: dict[str, QWidget] = {}
        bus.changed.connect(self._on_changed)

    # -- loading ---------------------------------------------------------------------------

    def _on_changed(self, changes: Changes) -> None:
        if changes.touches(self.refreshes_on):
            self._stale = True
            if self.isVisible():
                self.refresh()

    def refresh(self) -> None:
        self._stale = False
        self.load()

    def refresh_if_stale(self) -> None:
        if self._stale:
            self.refresh()

    def load(self) -> None:
        raise NotImplementedError

    # -- saving ----------------------------------------------------------------------------

    def attempt(self, fn: Callable[[], T], done: str = "Opgeslagen.") -> T | None:
        """Run a service call: a refusal shows inline (focus on the field to fix) and changes
        nothing; success announces what changed."""
        try:
            result = fn()
        except VerzuimdeskError as exc:
            show_inline(self.message, exc)
            if isinstance(exc, ValidationError) and exc.field:
                self.focus_field(exc.field)
            return None
        changes = result if isinstance(result, Changes) else getattr(result, "changes", None)
        if isinstance(changes, Changes):
            self.bus.announce(changes)
        self.say(done)
        return result

    def focus_field(self, field: str) -> None:
        """Put the focus where the user fixes `field` (a ValidationError's field)."""
        if field in self.fields:
            self.fields[field].setFocus(Qt.FocusReason.OtherFocusReason)

    def say(self, text: str) -> None:
        self.message.setStyleSheet(OK_STYLE)
        self.message.setText(text)
        self.message.show()


SectionFactory = Callable[[Context, AppBus], Section]


@dataclass(frozen=True)
class SectionSpec:
    """A line of the Instellingen list: its title, how to build it and who may see it."""

    title: str
    factory: SectionFactory
    permission: Permission = Permission.SETTINGS
