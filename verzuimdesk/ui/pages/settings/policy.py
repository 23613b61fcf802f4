"""Instellingen > Beleid: the profile in force, every key with its source, saving a new version.

Keyboard: Alt+P chooses a profile to look at, Alt+G puts it in force; in the table F2 (or typing)
edits a value, Enter confirms it; Ctrl+S saves all changed values as a new version.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QFont, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from verzuimdesk.services import policy_settings
from verzuimdesk.services.context import Context
from verzuimdesk.services.policy_settings import PolicyView, describe
from verzuimdesk.ui.bus import AppBus
from verzuimdesk.ui.pages.settings.section import Section

VALUE_COLUMN = 2
CHANGED = QColor("#fff3c4")  # a soft yellow: "this differs from the shipped profile"


class PolicySection(Section):
    intro = (
        "De grenzen en termijnen waarmee verzuimdesk signaleert. Geel: afwijkend van het "
        "meegeleverde profiel. Opslaan maakt een nieuwe versie; elk signaal onthoudt onder welke "
        "versie het ontstond."
    )

    def __init__(self, ctx: Context, bus: AppBus, parent: QWidget | None = None) -> None:
        super().__init__(ctx, bus, parent)
        top = QHBoxLayout()
        self.in_force = QLabel(self)
        self.in_force.setObjectName("policyInForce")
        self.profile = QComboBox(self)
        self.profile.setAccessibleName("Beleidsprofiel")
        profile_label = QLabel("&Profiel bekijken:", self)
        profile_label.setBuddy(self.profile)
        self.use_button = QPushButton("In &gebruik nemen", self)
        top.addWidget(self.in_force, 1)
        top.addWidget(profile_label)
        top.addWidget(self.profile)
        top.addWidget(self.use_button)
        self.body.addLayout(top)
        self.table = QTableWidget(0, 5, self)
        self.table.setObjectName("policyTable")
        self.table.setHorizontalHeaderLabels(
            ["Onderdeel", "Instelling", "Waarde", "Meegeleverd", "Bron"]
        )
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
            | QAbstractItemView.EditTrigger.DoubleClicked
        )
        # the source is what a coordinator reads to decide: wrap it instead of cutting it off
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        for column, mode in enumerate(
            (
                QHeaderView.ResizeMode.Interactive,
                QHeaderView.ResizeMode.Interactive,
                QHeaderView.ResizeMode.ResizeToContents,
                QHeaderView.ResizeMode.ResizeToContents,
                QHeaderView.ResizeMode.Stretch,
            )
        ):
            header.setSectionResizeMode(column, mode)
        header.resizeSection(0, 150)
        header.resizeSection(1, 250)
        self.body.addWidget(self.table, 1)
        buttons = QHBoxLayout()
        self.save_button = QPushButton("Opslaan als nieuwe &versie", self)
        self.save_button.setShortcut(QKeySequence("Ctrl+S"))
        self.save_button.setToolTip("Alle gewijzigde waarden opslaan (Ctrl+S)")
        self.undo_button = QPushButton("Wijzigingen &ongedaan maken", self)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.undo_button)
        buttons.addStretch(1)
        self.body.addLayout(buttons)
        self.view: PolicyView | None = None
        self._filling = False
        self.profile.activated.connect(lambda _i: self.show_profile(self.profile.currentText()))
        self.use_button.clicked.connect(self.use)
        self.save_button.clicked.connect(self.save)
        self.undo_button.clicked.connect(lambda: self.show_profile(self.shown()))
        self.table.itemChanged.connect(self._edited)

    # -- showing -----------------------------------------------------------------------------

    def load(self) -> None:
        self.show_profile(None)

    def shown(self) -> str:
        return self.profile.currentText()

    def show_profile(self, name: str | None) -> None:
        self.view = policy_settings.policy_view(self.ctx, name)
        view = self.view
        shown = name or view.in_force
        version = f" (eigen versie {view.version} van {view.base})" if view.version else ""
        self.in_force.setText(f"In gebruik: <b>{view.in_force}</b>{version}")
        self.profile.blockSignals(True)
        self.profile.clear()
        self.profile.addItems(view.choices)
        self.profile.setCurrentText(shown)
        self.profile.blockSignals(False)
        self.use_button.setEnabled(shown != view.in_force)
        self._filling = True
        self.table.setRowCount(len(view.keys))
        previous_section = None
        for row, key in enumerate(view.keys):
            cells = (
                key.section if key.section != previous_section else "",
                key.label,
                describe(key.value),
                describe(key.standard),
                key.source,
            )
            previous_section = key.section
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column != VALUE_COLUMN:
                    item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                else:
                    item.setData(Qt.ItemDataRole.UserRole, key.key)
                if column == 4:
                    item.setToolTip(text)
                self.table.setItem(row, column, item)
            self._mark(row, key.differs)
        self._filling = False
        self.table.resizeRowsToContents()

    def _mark(self, row: int, differs: bool) -> None:
        for column in range(self.table.columnCount()):
            item = self.table.item(row, column)
            if item is None:
                continue
            item.setBackground(QBrush(CHANGED) if differs else QBrush())
            if column == VALUE_COLUMN:
                font = QFont(item.font())
                font.setBold(differs)
                item.setFont(font)

    def _edited(self, item: QTableWidgetItem) -> None:
        if self._filling or self.view is None or item.column() != VALUE_COLUMN:
            return
        key = self.view.keys[item.row()]
        self._filling = True
        self._mark(item.row(), item.text().strip() != describe(key.standard))
        self._filling = False

    # -- changing ----------------------------------------------------------------------------

    def typed(self) -> dict[str, str]:
        """The values that differ from what the shown profile holds."""
        if self.view is None:
            return {}
        result = {}
        for row, key in enumerate(self.view.keys):
            item = self.table.item(row, VALUE_COLUMN)
            if item is not None and item.text().strip() != describe(key.value):
                result[key.key] = item.text()
        return result

    def row_of(self, key: str) -> int:
        assert self.view is not None
        return [k.key for k in self.view.keys].index(key)

    def focus_field(self, field: str) -> None:
        if self.view is not None and field in [k.key for k in self.view.keys]:
            self.table.setCurrentCell(self.row_of(field), VALUE_COLUMN)
            self.table.setFocus()

    def save(self) -> None:
        texts = self.typed()
        if not texts:
            self.say("Er is niets gewijzigd.")
            return
        shown = self.profile.currentText()
        result = self.attempt(lambda: policy_settings.save_values(self.ctx, shown, texts), done="")
        if result is None:
            return
        name, changes = result
        self.bus.announce(changes)
        self.show_profile(None)
        self.say(f"Opgeslagen als {name}; dit profiel is nu in gebruik.")

    def use(self) -> None:
        name = self.profile.currentText()
        if self.attempt(lambda: policy_settings.choose_policy(self.ctx, name), done="") is not None:
            self.show_profile(None)
            self.say(f"Beleidsprofiel {name} is nu in gebruik.")
