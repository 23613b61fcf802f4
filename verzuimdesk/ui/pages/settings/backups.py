"""Instellingen > Back-ups: make one now, restore one, see which there are and where."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from verzuimdesk import paths
from verzuimdesk.services import backups
from verzuimdesk.services.context import Context
from verzuimdesk.ui.bus import AppBus
from verzuimdesk.ui.pages.settings.section import Section
from verzuimdesk.ui.worker import run_with_progress

_PG_TEXT = (
    "Deze school werkt met een PostgreSQL-server. Die wordt op de server zelf geback-upt met "
    "pg_dump (bijvoorbeeld elke nacht, door de beheerder van de server) en teruggezet met "
    "pg_restore. {tool}"
)


def _size(n: int) -> str:
    if n >= 1024 * 1024:
        return f"{n / (1024 * 1024):.1f} MB".replace(".", ",")
    return f"{max(1, n // 1024)} kB"


class BackupsSection(Section):
    refreshes_on = frozenset({"settings"})

    def __init__(self, ctx: Context, bus: AppBus, parent: QWidget | None = None) -> None:
        super().__init__(ctx, bus, parent)
        self.where = QLabel(self)
        self.where.setWordWrap(True)
        self.where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.body.addWidget(self.where)
        self.table = QTableWidget(0, 3, self)
        self.table.setObjectName("backupTable")
        self.table.setHorizontalHeaderLabels(["Gemaakt op", "Reden", "Grootte"])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.table.setAccessibleName("Back-ups")
        self.body.addWidget(self.table, 1)
        buttons = QHBoxLayout()
        self.make_button = QPushButton("Back-up &maken", self)
        self.make_button.setShortcut(QKeySequence("Ctrl+B"))
        self.make_button.setToolTip("Nu een back-up maken (Ctrl+B)")
        self.restore_button = QPushButton("Gekozen back-up &terugzetten…", self)
        self.file_button = QPushButton("Back-up uit &bestand terugzetten…", self)
        for button in (self.make_button, self.restore_button, self.file_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        self.body.addLayout(buttons)
        self.rotation = QLabel(
            "Verzuimdesk maakt bij het starten automatisch een back-up als de laatste ouder is "
            "dan een dag, en bewaart de back-ups van de laatste 7 dagen en daarvoor één per week "
            "van de laatste 4 weken. Voor elke import en elk terugzetten wordt ook een back-up "
            "gemaakt.",
            self,
        )
        self.rotation.setWordWrap(True)
        self.body.addWidget(self.rotation)
        self.make_button.clicked.connect(self.make)
        self.restore_button.clicked.connect(self.restore_selected)
        self.file_button.clicked.connect(self.restore_from_file)
        self.table.activated.connect(lambda _index: self.restore_selected())
        self._listed: list[backups.Backup] = []

    def load(self) -> None:
        sqlite = self.ctx.db.is_sqlite
        if sqlite:
            self.where.setText(
                f"Database: {self.ctx.db.display_name}<br>Back-ups staan in: {paths.backup_dir()}"
            )
        else:
            tool = backups.pg_dump_tool()
            found = (
                f"pg_dump is gevonden ({tool}): 'Back-up maken' maakt een extra back-up in "
                f"{paths.backup_dir()}."
                if tool
                else "pg_dump is niet gevonden op deze computer: vraag de beheerder van de server."
            )
            self.where.setText(_PG_TEXT.format(tool=found))
            self.make_button.setEnabled(tool is not None)
        self.restore_button.setEnabled(sqlite)
        self.file_button.setEnabled(sqlite)
        self._listed = backups.list_backups(self.ctx)
        self.table.setRowCount(len(self._listed))
        for row, backup in enumerate(self._listed):
            cells = (
                f"{backup.made_at:%d-%m-%Y %H:%M:%S}",
                backup.reason_text,
                _size(backup.size),
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column == 0:
                    item.setToolTip(backup.name)
                self.table.setItem(row, column, item)
        if self._listed:
            self.table.selectRow(0)

    def make(self) -> None:
        made = self.attempt(
            lambda: run_with_progress(
                self,
                "Back-up maken…",
                lambda _p, _c: backups.make_backup(self.ctx, "handmatig"),
                cancellable=False,
            ),
            done="",
        )
        if made is not None:
            self.load()
            self.say(f"Back-up gemaakt: {made.name}")

    def selected(self) -> backups.Backup | None:
        rows = self.table.selectionModel().selectedRows()
        return self._listed[rows[0].row()] if rows else None

    def restore_selected(self) -> None:
        chosen = self.selected()
        if chosen is None:
            self.say("Kies eerst een back-up in de lijst.")
            return
        self.restore(chosen.path, f"de back-up van {chosen.made_at:%d-%m-%Y %H:%M}")

    def restore_from_file(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self,
            "Back-up terugzetten",
            str(paths.backup_dir()),
            "Verzuimdesk-back-ups (*.sqlite);;Alle bestanden (*)",
        )
        if name:
            self.restore(Path(name), Path(name).name)

    def confirm(self, what: str) -> bool:
        answer = QMessageBox.question(
            self,
            "Back-up terugzetten",
            f"Alle gegevens worden vervangen door {what}. Wat sindsdien is ingevoerd, is dan niet "
            "meer te zien.\n\nDe huidige database wordt eerst bewaard als back-up, zodat u dit "
            "ongedaan kunt maken. Sluit verzuimdesk op andere werkplekken voordat u doorgaat."
            "\n\nTerugzetten?",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    def restore(self, path: Path, what: str) -> None:
        if not self.confirm(what):
            return
        restored = self.attempt(
            lambda: run_with_progress(
                self,
                "Back-up terugzetten…",
                lambda _p, _c: backups.restore_backup(self.ctx, path),
                cancellable=False,
            ),
            done="",
        )
        if restored is not None:
            self.load()
            self.say(
                f"Teruggezet: {restored.restored_from.name}. De database van daarvoor is bewaard "
                f"als {restored.saved_current.name}."
            )
