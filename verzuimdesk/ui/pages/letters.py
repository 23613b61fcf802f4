"""The Brieven page: the letters te versturen, the letters sent (archive), and the templates.

Te versturen: the queue on a day (student, letter, variant, to whom, the event and its day, what
stands in the way); select some or all (Ctrl+A), look at one (Enter: voorbeeld), save the
selection as one PDF (Ctrl+S) or print it (Ctrl+P). Both run off the GUI thread with progress and
cancel; every letter printed or saved goes into the archive. Verstuurd: every letter sent,
searchable, and printed again identically (Enter). Sjablonen: the school's templates with a live
preview on a demo student; a template that names an unknown field is refused with its line.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, QSortFilterProxyModel, Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from verzuimdesk.domain.roles import Permission
from verzuimdesk.domain.route import Route
from verzuimdesk.errors import VerzuimdeskError
from verzuimdesk.services import letter_templates, letters
from verzuimdesk.services.access import can
from verzuimdesk.services.context import Context
from verzuimdesk.services.letters import ArchivedView, QueueItem
from verzuimdesk.ui.bus import AppBus
from verzuimdesk.ui.errors_ui import show_error, show_inline
from verzuimdesk.ui.models.rows import Column, RowsModel, SortRole
from verzuimdesk.ui.pages.base import Page
from verzuimdesk.ui.worker import run_with_progress

_SHORT_VARIANTS = {
    Route.LEERPLICHT: "jonger dan 18",
    Route.RMC: "18+ zonder SK",
    Route.NIET_MELDBAAR: "met SK of 23+",
}


def _variant(item: QueueItem) -> str:
    return _SHORT_VARIANTS[item.variant] if item.variant else ""


def _problem_short(item: QueueItem) -> str:
    if not item.problems:
        return ""
    text = " ".join(item.problems)
    if "leerbedrijf" in text and "BBL" in text:
        return "leerbedrijf ontbreekt"
    if "postadres" in text:
        return "adres ontbreekt"
    return "zie uitleg"


QUEUE_COLUMNS: list[Column[QueueItem]] = [
    Column("Leerling", lambda i: f"{i.naam} ({i.leerlingnummer})", lambda i: i.naam, max_chars=30),
    Column("Klas", lambda i: i.klas, lambda i: i.klas, max_chars=12),
    Column(
        "Brief",
        lambda i: (
            f"{i.letter.value}. {i.title}" + (" (onderzoek)" if i.style == "onderzoek" else "")
        ),
        lambda i: i.letter.value,
        tooltip=lambda i: f"{i.letter.value}. {i.title}",
        max_chars=28,
    ),
    Column("Variant", _variant, lambda i: i.variant.value if i.variant else "", max_chars=16),
    Column("Aan", lambda i: i.recipients_text(), lambda i: i.recipients_text(), max_chars=26),
    Column("Dag", lambda i: f"{i.event.day:%d-%m-%Y}", lambda i: i.event.day),
    Column(
        "Gebeurtenis",
        lambda i: i.event.description,
        lambda i: i.event.description,
        tooltip=lambda i: i.event.description,
        max_chars=30,
    ),
    Column(
        "Let op",
        _problem_short,
        lambda i: " ".join(i.problems),
        tooltip=lambda i: " ".join(i.problems) or None,
    ),
]


def _template_words(row: ArchivedView) -> str:
    key, _, version = row.template.rpartition(" v")
    return f"{key}, ingebouwd" if version == "0" else f"{key}, versie {version}"


ARCHIVE_COLUMNS: list[Column[ArchivedView]] = [
    Column("Geprint", lambda a: f"{a.printed_at:%d-%m-%Y %H:%M}", lambda a: a.printed_at),
    Column("Leerling", lambda a: f"{a.naam} ({a.leerlingnummer})", lambda a: a.naam, max_chars=30),
    Column("Klas", lambda a: a.klas, lambda a: a.klas, max_chars=13),
    Column(
        "Brief",
        lambda a: f"{a.letter}. {a.title}",
        lambda a: a.letter,
        tooltip=lambda a: f"{a.letter}. {a.title}",
        max_chars=22,
    ),
    Column(
        "Aan",
        lambda a: f"{a.recipient_kind}: {a.recipient_names}",
        lambda a: a.recipient_kind,
        tooltip=lambda a: a.recipient_names,
        max_chars=26,
    ),
    Column("Kenmerk", lambda a: a.reference, lambda a: a.reference),
    Column("Sjabloon", _template_words, lambda a: a.template, max_chars=20),
    Column("Door", lambda a: a.printed_by, lambda a: a.printed_by),
]


def _table(
    parent: QWidget, model: RowsModel[Any], columns: int
) -> tuple[QTableView, QSortFilterProxyModel]:
    proxy = QSortFilterProxyModel(parent)
    proxy.setSourceModel(model)
    proxy.setSortRole(SortRole)
    view = QTableView(parent)
    view.setModel(proxy)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSortingEnabled(True)
    view.setWordWrap(False)
    view.verticalHeader().setVisible(False)
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setStretchLastSection(True)
    return view, proxy


def _fit(view: QTableView, columns: list[Any]) -> None:
    view.resizeColumnsToContents()
    char = view.fontMetrics().averageCharWidth()
    for position, column in enumerate(columns[:-1]):
        if column.max_chars is not None:
            view.setColumnWidth(position, min(view.columnWidth(position), column.max_chars * char))


class PdfPreview(QDialog):
    """A letter (or a batch) as it will be printed, page by page."""

    def __init__(self, pdf: bytes, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from PySide6.QtCore import QBuffer, QByteArray, QIODevice
        from PySide6.QtPdf import QPdfDocument
        from PySide6.QtPdfWidgets import QPdfView

        self.setWindowTitle(title)
        self.resize(760, 720)
        self._bytes = QByteArray(pdf)
        self._buffer = QBuffer(self._bytes, self)
        self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document = QPdfDocument(self)
        self.document.load(self._buffer)
        view = QPdfView(self)
        view.setPageMode(QPdfView.PageMode.MultiPage)
        view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        view.setDocument(self.document)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(view)
        layout.addWidget(buttons)


def print_pdf(parent: QWidget, pdf: bytes, title: str) -> bool:
    """Send a PDF to a printer the user picks in Qt's print dialog (printer, duplex, copies);
    the pages are drawn in the GUI thread with a cancellable progress dialog. False: cancelled."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSize
    from PySide6.QtGui import QPainter
    from PySide6.QtPdf import QPdfDocument
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter
    from PySide6.QtWidgets import QApplication, QProgressDialog

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setDocName(title)
    printer.setDuplex(QPrinter.DuplexMode.DuplexLongSide)
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle("Brieven printen")
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return False
    data = QByteArray(pdf)
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document = QPdfDocument()
    document.load(buffer)
    pages = document.pageCount()
    progress = QProgressDialog("Pagina's naar de printer sturen", "Annuleren", 0, pages, parent)
    progress.setMinimumDuration(600)
    painter = QPainter(printer)
    try:
        for page in range(pages):
            if progress.wasCanceled():
                printer.abort()
                return False
            if page:
                printer.newPage()
            target = printer.pageRect(QPrinter.Unit.DevicePixel).toRect()
            image = document.render(page, QSize(target.width(), target.height()))
            painter.drawImage(target, image)
            progress.setValue(page + 1)
            QApplication.processEvents()
    finally:
        painter.end()
        progress.close()
    return True


class QueueTab(QWidget):
    def __init__(self, page: LettersPage) -> None:
        super().__init__(page)
        self.page = page
        self.day = QDateEdit(self)
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("dd-MM-yyyy")
        today = page.ctx.today()
        self.day.setDate(QDate(today.year, today.month, today.day))
        self.day.dateChanged.connect(lambda _d: page.mark_stale())
        self.summary = QLabel(self)
        self.model: RowsModel[QueueItem] = RowsModel(QUEUE_COLUMNS, self)
        self.view, self.proxy = _table(self, self.model, len(QUEUE_COLUMNS))
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.view.doubleClicked.connect(lambda _i: self.preview())
        self.view.sortByColumn(5, Qt.SortOrder.AscendingOrder)  # oldest event first
        self.detail = QLabel(self)
        self.detail.setWordWrap(True)
        self.view.selectionModel().currentRowChanged.connect(lambda _c, _p: self._show_detail())
        self.empty = QLabel(self)
        self.empty.setWordWrap(True)
        self.error = QLabel(self)
        self.error.setWordWrap(True)
        self.error.hide()

        top = QHBoxLayout()
        label = QLabel("Te versturen op &datum:", self)
        label.setBuddy(self.day)
        top.addWidget(label)
        top.addWidget(self.day)
        top.addWidget(self.summary, 1)
        buttons = QHBoxLayout()
        self.select_all = self._button(buttons, "Alles selecteren", self.view.selectAll)
        self.preview_button = self._button(buttons, "Voorbeeld (Enter)", self.preview)
        self.save_button = self._button(buttons, "Opslaan als PDF… (Ctrl+S)", self.save)
        self.print_button = self._button(buttons, "Printen… (Ctrl+P)", self.print)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.detail)
        layout.addWidget(self.empty)
        layout.addWidget(self.error)
        layout.addLayout(buttons)
        for keys, slot in (("Ctrl+S", self.save), ("Ctrl+P", self.print)):
            QShortcut(
                QKeySequence(keys),
                self,
                slot,
                context=Qt.ShortcutContext.WidgetWithChildrenShortcut,
            )
        for key in ("Return", "Enter"):
            QShortcut(
                QKeySequence(key),
                self.view,
                self.preview,
                context=Qt.ShortcutContext.WidgetShortcut,
            )

    def _button(self, row: QHBoxLayout, text: str, slot: object) -> QPushButton:
        button = QPushButton(text, self)
        button.clicked.connect(slot)
        row.addWidget(button)
        return button

    @property
    def on(self) -> date:
        value = self.day.date()
        return date(value.year(), value.month(), value.day())

    def load(self) -> None:
        items = letters.letters_due(self.page.ctx, self.on)
        self.model.set_rows(items)
        _fit(self.view, QUEUE_COLUMNS)
        problems = sum(1 for i in items if i.problems)
        envelopes = sum(len(i.recipients) for i in items if not i.problems)
        text = f"<b>{len(items)}</b> brieven te versturen ({envelopes} enveloppen)"
        if problems:
            text += f"; <b>{problems}</b> met een probleem (zie 'Let op')"
        self.summary.setText(text)
        self.view.setVisible(bool(items))
        self.empty.setVisible(not items)
        self.empty.setText(
            f"Er zijn geen brieven te versturen op {self.on:%d-%m-%Y}. Brieven voor één leerling "
            "maakt u in het dossier ('Brief maken')."
        )
        if items:
            self.view.selectRow(0)

    def _show_detail(self) -> None:
        index = self.view.currentIndex()
        item = self.model.row(self.proxy.mapToSource(index).row()) if index.isValid() else None
        if item is None:
            self.detail.setText("")
            return
        text = f"{item.naam}: brief {item.letter.value} ({item.title}) na {item.event.description}."
        if item.problems:
            text += " <b>Let op:</b> " + " ".join(item.problems)
        self.detail.setText(text)

    def selected(self) -> list[QueueItem]:
        rows = sorted(
            {self.proxy.mapToSource(i).row() for i in self.view.selectionModel().selectedRows()}
        )
        return [item for r in rows if (item := self.model.row(r)) is not None]

    def _chosen(self) -> list[QueueItem] | None:
        chosen = self.selected()
        if not chosen:
            self.error.setText("Kies eerst een of meer brieven in de lijst (Ctrl+A: alle).")
            self.error.show()
            return None
        self.error.hide()
        return chosen

    def preview(self) -> None:
        chosen = self._chosen()
        if not chosen:
            return
        item = chosen[0]
        try:
            pdf = run_with_progress(
                self,
                "Voorbeeld maken",
                lambda progress, cancel: (
                    letters.print_letters(
                        self.page.ctx,
                        self.on,
                        items=[item],
                        preview=True,
                        progress=progress,
                        cancel=cancel,
                    ).pdf
                ),
            )
        except VerzuimdeskError as exc:
            show_error(self, exc)
            return
        if not pdf:
            show_inline(self.error, VerzuimdeskError(" ".join(item.problems)))
            return
        PdfPreview(pdf, f"Voorbeeld: brief {item.letter.value} voor {item.naam}", self).exec()

    def _run(self, out: Path | None, chosen: list[QueueItem]) -> letters.PrintResult | None:
        try:
            return run_with_progress(
                self,
                "Brieven maken",
                lambda progress, cancel: letters.print_letters(
                    self.page.ctx, self.on, items=chosen, out=out, progress=progress, cancel=cancel
                ),
            )
        except VerzuimdeskError as exc:
            show_error(self, exc)
            return None

    def _done(self, result: letters.PrintResult, where: str) -> None:
        text = f"{result.letters} brieven ({result.envelopes} enveloppen) {where} en gearchiveerd."
        if result.skipped:
            text += "\n\n" + result.skipped_text()
        QMessageBox.information(self, "Brieven", text)
        self.page.bus.announce(result.changes)

    def save(self) -> None:
        chosen = self._chosen()
        if not chosen:
            return
        name, _ = QFileDialog.getSaveFileName(
            self, "Brieven opslaan als PDF", f"brieven-{self.on:%Y-%m-%d}.pdf", "PDF (*.pdf)"
        )
        if not name:
            return
        result = self._run(Path(name), chosen)
        if result is not None:
            self._done(result, f"opgeslagen in {name}")

    def print(self) -> None:
        chosen = self._chosen()
        if not chosen:
            return
        try:
            proof = run_with_progress(
                self,
                "Brieven maken",
                lambda progress, cancel: letters.print_letters(
                    self.page.ctx,
                    self.on,
                    items=chosen,
                    preview=True,
                    progress=progress,
                    cancel=cancel,
                ),
            )
        except VerzuimdeskError as exc:
            show_error(self, exc)
            return
        if not proof.pdf or not print_pdf(self, proof.pdf, "Verzuimbrieven"):
            return
        # archived only once the pages went to the printer; the same content gives the same
        # letters (and kenmerken) as the pages printed
        result = self._run(None, chosen)
        if result is not None:
            self._done(result, "geprint")


class ArchiveTab(QWidget):
    def __init__(self, page: LettersPage) -> None:
        super().__init__(page)
        self.page = page
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(
            "Zoek op naam, leerlingnummer, klas, kenmerk of brief (a, b, …)"
        )
        self.search.setClearButtonEnabled(True)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(250)
        self._timer.timeout.connect(self.load)
        self.search.textChanged.connect(lambda _t: self._timer.start())
        self.model: RowsModel[ArchivedView] = RowsModel(ARCHIVE_COLUMNS, self)
        self.view, self.proxy = _table(self, self.model, len(ARCHIVE_COLUMNS))
        self.view.doubleClicked.connect(lambda _i: self.reprint())
        self.view.sortByColumn(0, Qt.SortOrder.DescendingOrder)  # newest first
        self.count = QLabel(self)
        row = QHBoxLayout()
        label = QLabel("&Zoeken:", self)
        label.setBuddy(self.search)
        row.addWidget(label)
        row.addWidget(self.search, 1)
        row.addWidget(self.count)
        buttons = QHBoxLayout()
        again = QPushButton("Opnieuw bekijken (Enter)", self)
        again.clicked.connect(self.reprint)
        buttons.addWidget(again)
        to_printer = QPushButton("Opnieuw printen… (Ctrl+P)", self)
        to_printer.clicked.connect(self.print_again)
        buttons.addWidget(to_printer)
        QShortcut(
            QKeySequence("Ctrl+P"),
            self,
            self.print_again,
            context=Qt.ShortcutContext.WidgetWithChildrenShortcut,
        )
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)
        for key in ("Return", "Enter"):
            QShortcut(
                QKeySequence(key),
                self.view,
                self.reprint,
                context=Qt.ShortcutContext.WidgetShortcut,
            )

    def load(self) -> None:
        rows = letters.archive(self.page.ctx, self.search.text())
        self.model.set_rows(rows)
        _fit(self.view, ARCHIVE_COLUMNS)
        if rows:
            self.count.setText(f"{len(rows)} brieven")
        elif self.search.text().strip():
            self.count.setText("geen brieven gevonden")
        else:
            self.count.setText("nog geen brieven verstuurd")

    def current(self) -> ArchivedView | None:
        index = self.view.currentIndex()
        return None if not index.isValid() else self.model.row(self.proxy.mapToSource(index).row())

    def reprint(self) -> None:
        row = self.current()
        if row is None:
            return
        try:
            pdf = letters.reprint(self.page.ctx, row.id)
        except VerzuimdeskError as exc:
            show_error(self, exc)
            return
        PdfPreview(pdf, f"Brief {row.reference} (gelijk aan het origineel)", self).exec()

    def print_again(self) -> None:
        """The archived letter to a printer: the same bytes as the first time (fingerprint
        checked by the service)."""
        row = self.current()
        if row is None:
            return
        try:
            pdf = letters.reprint(self.page.ctx, row.id)
        except VerzuimdeskError as exc:
            show_error(self, exc)
            return
        print_pdf(self, pdf, f"Brief {row.reference}")


class TemplatesTab(QWidget):
    """Edit a template with a live preview on the demo student."""

    def __init__(self, page: LettersPage) -> None:
        super().__init__(page)
        self.page = page
        self.choice = QComboBox(self)
        for key in letter_templates.all_template_keys():
            self.choice.addItem(letter_templates.key_title(key), key)
        self.choice.currentIndexChanged.connect(lambda _i: self.open_current())
        self.recipient = QComboBox(self)
        for value, label in (
            ("ouders", "ouders"),
            ("leerling", "leerling"),
            ("leerbedrijf", "leerbedrijf"),
        ):
            self.recipient.addItem(f"voorbeeld aan {label}", value)
        self.variant = QComboBox(self)
        for value, label in (
            ("leerplicht", "jonger dan 18"),
            ("rmc", "18+ zonder startkwalificatie"),
            ("niet-meldbaar", "met startkwalificatie"),
        ):
            self.variant.addItem(label, value)
        self.version = QLabel(self)
        self.editor = QPlainTextEdit(self)
        self.editor.setTabChangesFocus(True)
        self.editor.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.preview = QTextBrowser(self)
        self.fields = QListWidget(self)
        for f in letter_templates.FIELDS:
            self.fields.addItem(f"{f.name} — {f.meaning}")
        self.fields.itemActivated.connect(self._insert_field)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.save_button = QPushButton("Opslaan als nieuwe versie (Ctrl+S)", self)
        self.save_button.clicked.connect(self.save)
        self.save_button.setEnabled(can(page.ctx, Permission.LETTER_TEMPLATES))
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(300)
        self._timer.timeout.connect(self.update_preview)
        self.editor.textChanged.connect(lambda: self._timer.start())
        self.recipient.currentIndexChanged.connect(lambda _i: self.update_preview())
        self.variant.currentIndexChanged.connect(lambda _i: self.update_preview())

        top = QHBoxLayout()
        choice_label = QLabel("&Sjabloon:", self)
        choice_label.setBuddy(self.choice)
        top.addWidget(choice_label)
        top.addWidget(self.choice, 2)
        top.addWidget(self.recipient, 1)
        top.addWidget(self.variant, 1)
        top.addWidget(self.version)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        left = QWidget(splitter)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.editor, 3)
        fields_label = QLabel("&Velden (Enter voegt in):", left)
        fields_label.setBuddy(self.fields)
        left_layout.addWidget(fields_label)
        left_layout.addWidget(self.fields, 1)
        splitter.addWidget(left)
        splitter.addWidget(self.preview)
        splitter.setSizes([600, 600])
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.message)
        row = QHBoxLayout()
        row.addWidget(self.save_button)
        row.addStretch(1)
        layout.addLayout(row)
        QShortcut(
            QKeySequence("Ctrl+S"),
            self,
            self.save,
            context=Qt.ShortcutContext.WidgetWithChildrenShortcut,
        )

    def load(self) -> None:
        if not self.editor.toPlainText():
            self.open_current()

    @property
    def key(self) -> str:
        return str(self.choice.currentData())

    def open_current(self) -> None:
        try:
            current = letter_templates.get_template(self.page.ctx, self.key)
        except VerzuimdeskError as exc:
            show_error(self, exc)
            return
        self.version.setText(
            "ingebouwde versie" if current.version == 0 else f"versie {current.version}"
        )
        self.editor.setPlainText(current.body)
        self.update_preview()

    def _insert_field(self) -> None:
        item = self.fields.currentItem()
        if item is not None:
            self.editor.insertPlainText("{{ " + item.text().split(" — ")[0] + " }}")
            self.editor.setFocus()

    def update_preview(self) -> None:
        body = self.editor.toPlainText()
        try:
            letter_templates.check_template(body, self.key)
        except VerzuimdeskError as exc:
            self.message.setText(f"<span style='color:#b00020'>{exc.message}</span>")
            return
        values = {
            **letter_templates.demo_fields(),
            "aan": str(self.recipient.currentData()),
            "variant": str(self.variant.currentData()),
        }
        rendered = letter_templates.render_body(body, values)
        self.message.setText("Het sjabloon is in orde. Voorbeeld met een verzonnen leerling.")
        html = [f"<p><b>Betreft: {_esc(rendered.subject)}</b></p>"]
        for kind, text in rendered.blocks:
            if kind == "h":
                html.append(f"<p><b>{_esc(text)}</b></p>")
            elif kind == "li":
                html.append(f"<p>&nbsp;&nbsp;• {_esc(text)}</p>")
            else:
                html.append(f"<p>{_esc(text)}</p>")
        self.preview.setHtml("".join(html))

    def save(self) -> None:
        try:
            version, changes = letter_templates.save_template(
                self.page.ctx, self.key, self.editor.toPlainText()
            )
        except VerzuimdeskError as exc:
            self.message.setText(f"<span style='color:#b00020'>{exc.message}</span>")
            return
        self.version.setText(f"versie {version}")
        self.message.setText(
            f"Opgeslagen als versie {version}. Nieuwe brieven gebruiken deze versie."
        )
        self.page.bus.announce(changes)


def _esc(text: str) -> str:
    from html import escape

    return escape(text)


class LettersPage(Page):
    refreshes_on = frozenset(
        {"letters", "registrations", "reports", "students", "signals", "settings"}
    )

    def __init__(self, ctx: Context, bus: AppBus, parent: QWidget | None = None) -> None:
        super().__init__(ctx, bus, parent)
        self.tabs = QTabWidget(self)
        self.queue = QueueTab(self)
        self.sent = ArchiveTab(self)
        self.templates = TemplatesTab(self)
        self.tabs.addTab(self.queue, "&Te versturen")
        self.tabs.addTab(self.sent, "&Verstuurd")
        self.tabs.addTab(self.templates, "S&jablonen")
        self.tabs.currentChanged.connect(lambda _i: self.refresh())
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)

    def load(self) -> None:
        try:
            current = self.tabs.currentWidget()
            if current is self.queue:
                self.queue.load()
            elif current is self.sent:
                self.sent.load()
            else:
                self.templates.load()
        except VerzuimdeskError as exc:
            show_error(self, exc)
