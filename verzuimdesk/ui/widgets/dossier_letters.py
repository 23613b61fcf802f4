"""The dossier's Brieven tab: the student's letters sent, "Brief maken" for any letter of the
series by hand, schorsing and verwijdering recorded (they queue letters f and g), and the
student's leerbedrijven."""

from __future__ import annotations

from datetime import date
from html import escape
from pathlib import Path

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from verzuimdesk.domain.letters import ALL_LETTERS, LETTER_TITLES, VARIANT_LETTERS, Letter
from verzuimdesk.domain.roles import Permission
from verzuimdesk.domain.route import Route
from verzuimdesk.errors import VerzuimdeskError
from verzuimdesk.services import letters, measures
from verzuimdesk.services.access import can
from verzuimdesk.services.context import Context
from verzuimdesk.services.letters import ArchivedView
from verzuimdesk.ui.bus import AppBus
from verzuimdesk.ui.errors_ui import show_error, show_inline
from verzuimdesk.ui.models.rows import Column, RowsModel
from verzuimdesk.ui.worker import run_with_progress

COLUMNS: list[Column[ArchivedView]] = [
    Column("Geprint", lambda a: f"{a.printed_at:%d-%m-%Y}", lambda a: a.printed_at),
    Column("Brief", lambda a: f"{a.letter}. {a.title}", lambda a: a.letter),
    Column("Aan", lambda a: f"{a.recipient_kind}: {a.recipient_names}", lambda a: a.recipient_kind),
    Column("Gebeurtenis", lambda a: a.event_text, lambda a: a.event_date),
    Column("Kenmerk", lambda a: a.reference, lambda a: a.reference),
]


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _pydate(edit: QDateEdit) -> date:
    value = edit.date()
    return date(value.year(), value.month(), value.day())


def _date_edit(parent: QWidget, day: date) -> QDateEdit:
    edit = QDateEdit(parent)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("dd-MM-yyyy")
    edit.setDate(_qdate(day))
    return edit


class MakeLetterDialog(QDialog):
    """Choose a letter of the series (and a variant for b–e), then look at it or save it."""

    def __init__(self, ctx: Context, bus: AppBus, student_id: int, parent: QWidget) -> None:
        super().__init__(parent)
        self.ctx, self.bus, self.student_id = ctx, bus, student_id
        self.setWindowTitle("Brief maken")
        self.letter = QComboBox(self)
        for letter in ALL_LETTERS:
            self.letter.addItem(f"{letter.value}. {LETTER_TITLES[letter]}", letter.value)
        self.letter.setCurrentIndex(ALL_LETTERS.index(Letter.GESPREK))
        self.variant = QComboBox(self)
        self.variant.addItem("volgens leeftijd en startkwalificatie", None)
        for route, label in (
            (Route.LEERPLICHT, "jonger dan 18, zonder startkwalificatie"),
            (Route.RMC, "18+ zonder startkwalificatie"),
            (Route.NIET_MELDBAAR, "met startkwalificatie of 23+"),
        ):
            self.variant.addItem(label, route.value)
        self.moment = QLineEdit(self)
        self.moment.setPlaceholderText("bijv. dinsdag 30 september om 10.00 uur, lokaal 1.12")
        self.error = QLabel(self)
        self.error.setWordWrap(True)
        self.error.hide()
        form = QFormLayout()
        form.addRow("&Brief:", self.letter)
        form.addRow("&Variant:", self.variant)
        form.addRow("&Gesprek (dag, tijd, plaats):", self.moment)
        buttons = QDialogButtonBox(self)
        self.preview_button = buttons.addButton(
            "&Voorbeeld", QDialogButtonBox.ButtonRole.ActionRole
        )
        self.save_button = buttons.addButton(
            "&Opslaan als PDF en archiveren", QDialogButtonBox.ButtonRole.AcceptRole
        )
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.preview_button.clicked.connect(self.preview)
        self.save_button.clicked.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.letter.currentIndexChanged.connect(lambda _i: self._enable())
        self._enable()

    def _enable(self) -> None:
        letter = Letter(self.letter.currentData())
        self.variant.setEnabled(letter in VARIANT_LETTERS)
        self.moment.setEnabled(letter is Letter.GESPREK)

    def item(self) -> letters.QueueItem:
        letter = Letter(self.letter.currentData())
        variant = self.variant.currentData() if letter in VARIANT_LETTERS else None
        extra = {"gesprek_moment": self.moment.text().strip()} if letter is Letter.GESPREK else {}
        return letters.letter_by_hand(
            self.ctx,
            self.student_id,
            letter,
            on=self.ctx.today(),
            variant=Route(variant) if variant else None,
            extra=extra,
        )

    def preview(self) -> None:
        from verzuimdesk.ui.pages.letters import PdfPreview

        try:
            item = self.item()
            if item.problems:
                raise VerzuimdeskError(" ".join(item.problems))
            pdf = letters.print_letters(self.ctx, self.ctx.today(), items=[item], preview=True).pdf
        except VerzuimdeskError as exc:
            show_inline(self.error, exc)
            return
        PdfPreview(pdf, "Voorbeeld", self).exec()

    def save(self) -> None:
        try:
            item = self.item()
            if item.problems:
                raise VerzuimdeskError(" ".join(item.problems))
        except VerzuimdeskError as exc:
            show_inline(self.error, exc)
            return
        name, _ = QFileDialog.getSaveFileName(
            self,
            "Brief opslaan als PDF",
            f"brief-{item.letter.value}-{item.leerlingnummer}.pdf",
            "PDF (*.pdf)",
        )
        if not name:
            return
        try:
            result = run_with_progress(
                self,
                "Brief maken",
                lambda progress, cancel: letters.print_letters(
                    self.ctx,
                    self.ctx.today(),
                    items=[item],
                    out=Path(name),
                    progress=progress,
                    cancel=cancel,
                ),
            )
        except VerzuimdeskError as exc:
            show_error(self, exc)
            return
        self.bus.announce(result.changes)
        QMessageBox.information(
            self, "Brief maken", f"De brief staat in {name} en in het archief van de leerling."
        )
        self.accept()


class SuspensionDialog(QDialog):
    def __init__(self, ctx: Context, bus: AppBus, student_id: int, parent: QWidget) -> None:
        super().__init__(parent)
        self.ctx, self.bus, self.student_id = ctx, bus, student_id
        self.setWindowTitle("Schorsing vastleggen")
        today = ctx.today()
        self.reason = QPlainTextEdit(self)
        self.reason.setTabChangesFocus(True)
        self.first = _date_edit(self, today)
        self.last = _date_edit(self, today)
        self.by = QLineEdit(self)
        self.by.setPlaceholderText("naam en functie, bijv. M. Jansen, onderwijsdirecteur")
        self.on = _date_edit(self, today)
        self.error = QLabel(self)
        self.error.setWordWrap(True)
        self.error.hide()
        form = QFormLayout()
        form.addRow("&Reden:", self.reason)
        form.addRow("&Eerste dag:", self.first)
        form.addRow("&Laatste dag:", self.last)
        form.addRow("Besloten &door:", self.by)
        form.addRow("Besloten &op:", self.on)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel("De lessen van de schorsing krijgen code S; brief f komt in de wachtrij.", self)
        )
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def save(self) -> None:
        try:
            changes = measures.record_suspension(
                self.ctx,
                self.student_id,
                reason=self.reason.toPlainText(),
                first_day=_pydate(self.first),
                last_day=_pydate(self.last),
                decided_by=self.by.text(),
                decided_on=_pydate(self.on),
            )
        except VerzuimdeskError as exc:
            show_inline(self.error, exc)
            return
        self.bus.announce(changes)
        self.accept()


class ExpulsionDialog(QDialog):
    def __init__(self, ctx: Context, bus: AppBus, student_id: int, parent: QWidget) -> None:
        super().__init__(parent)
        self.ctx, self.bus, self.student_id = ctx, bus, student_id
        self.setWindowTitle("Verwijdering vastleggen")
        today = ctx.today()
        self.decision = QPlainTextEdit(self)
        self.decision.setTabChangesFocus(True)
        self.effective = _date_edit(self, today)
        self.on = _date_edit(self, today)
        self.held = QCheckBox("Het gesprek over het voornemen is gehouden", self)
        self.held_on = _date_edit(self, today)
        self.held.toggled.connect(self.held_on.setEnabled)
        self.held.setChecked(True)
        self.error = QLabel(self)
        self.error.setWordWrap(True)
        self.error.hide()
        form = QFormLayout()
        form.addRow("&Besluit:", self.decision)
        form.addRow("&Gaat in op:", self.effective)
        form.addRow("Besloten &op:", self.on)
        form.addRow("", self.held)
        form.addRow("Gesprek &gehouden op:", self.held_on)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel(
                "Vanaf de ingangsdatum krijgen de lessen code VW; brief g (aangetekend) komt in "
                "de wachtrij.",
                self,
            )
        )
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def save(self) -> None:
        try:
            changes = measures.record_expulsion(
                self.ctx,
                self.student_id,
                decision=self.decision.toPlainText(),
                effective_on=_pydate(self.effective),
                decided_on=_pydate(self.on),
                conversation_held=self.held.isChecked(),
                conversation_on=_pydate(self.held_on) if self.held.isChecked() else None,
            )
        except VerzuimdeskError as exc:
            show_inline(self.error, exc)
            return
        self.bus.announce(changes)
        self.accept()


class DossierLettersTab(QWidget):
    def __init__(self, ctx: Context, bus: AppBus, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.bus = ctx, bus
        self.student_id: int | None = None
        self.model: RowsModel[ArchivedView] = RowsModel(COLUMNS, self)
        self.view = QTableView(self)
        self.view.setModel(self.model)
        self.view.verticalHeader().setVisible(False)
        self.view.horizontalHeader().setStretchLastSection(True)
        self.info = QLabel(self)
        self.info.setWordWrap(True)
        self.info.setTextFormat(Qt.TextFormat.RichText)
        row = QHBoxLayout()
        self.make = QPushButton("Brief &maken… (Ctrl+B)", self)
        self.make.clicked.connect(self.open_make_letter)
        self.suspend = QPushButton("&Schorsing vastleggen…", self)
        self.suspend.clicked.connect(lambda: self._open(SuspensionDialog))
        self.expel = QPushButton("&Verwijdering vastleggen…", self)
        self.expel.clicked.connect(lambda: self._open(ExpulsionDialog))
        for button in (self.make, self.suspend, self.expel):
            row.addWidget(button)
        row.addStretch(1)
        self.make.setEnabled(can(ctx, Permission.LETTERS))
        for button in (self.suspend, self.expel):
            button.setEnabled(can(ctx, Permission.MEASURES))
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.info)
        shortcut = QShortcut(QKeySequence("Ctrl+B"), self)
        shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
        shortcut.activated.connect(self.open_make_letter)

    def show_student(self, student_id: int) -> None:
        self.student_id = student_id
        try:
            sent = (
                letters.archive(self.ctx, student_id=student_id)
                if can(self.ctx, Permission.LETTERS)
                else []
            )
            sus, exp = measures.measures_of(self.ctx, student_id)
            companies = measures.companies_of(self.ctx, student_id)
        except VerzuimdeskError as exc:
            show_error(self, exc)
            return
        self.model.set_rows(sent)
        self.view.resizeColumnsToContents()
        parts = []
        if companies:
            lines = [
                f"{escape(c.naam)}"
                + (f", t.a.v. {escape(c.contactpersoon)}" if c.contactpersoon else "")
                + (f", {escape(c.adres)}" if c.adres else "")
                + (f" ({c.van:%d-%m-%Y} – {c.tot:%d-%m-%Y})" if c.van and c.tot else "")
                for c in companies
            ]
            parts.append("<b>Leerbedrijf:</b> " + "; ".join(lines))
        for s in sus:
            parts.append(
                f"<b>Schorsing</b> {s.first_day:%d-%m-%Y} t/m {s.last_day:%d-%m-%Y}, besloten "
                f"{s.decided_on:%d-%m-%Y} door {escape(s.decided_by)}: {escape(s.reason)}"
            )
        for e in exp:
            parts.append(
                f"<b>Verwijdering</b> per {e.effective_on:%d-%m-%Y}, besloten "
                f"{e.decided_on:%d-%m-%Y}: {escape(e.decision)}"
            )
        if not sent:
            parts.insert(0, "Nog geen brieven verstuurd aan of over deze leerling.")
        self.info.setText("<br>".join(parts))

    def _open(
        self, kind: type[MakeLetterDialog] | type[SuspensionDialog] | type[ExpulsionDialog]
    ) -> None:
        if self.student_id is None:
            return
        dialog = kind(self.ctx, self.bus, self.student_id, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.show_student(self.student_id)

    def open_make_letter(self) -> None:
        if self.student_id is not None and self.make.isEnabled():
            self._open(MakeLetterDialog)
