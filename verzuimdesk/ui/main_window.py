"""The main window: a navigation list, the pages in a stack, desk shortcuts and a status bar.

Every page is built as `Page(ctx, bus)`. Shortcuts: F2 ziekmelding, F3 beter-melding,
F4 verlofkaart, Ctrl+F leerling zoeken, Alt+1..9 the pages in the order of the list.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial

from PySide6.QtCore import QByteArray, QSettings, Qt
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import QDialog, QLabel, QListWidgetItem, QMainWindow, QWidget

from verzuimdesk.services.changes import Changes
from verzuimdesk.services.context import Context
from verzuimdesk.services.desk_status import desk_status
from verzuimdesk.ui.bus import AppBus
from verzuimdesk.ui.dialogs.about import AboutDialog
from verzuimdesk.ui.dialogs.find import FindStudentDialog
from verzuimdesk.ui.dialogs.leave_card import LeaveCardDialog
from verzuimdesk.ui.dialogs.manager import DialogManager
from verzuimdesk.ui.dialogs.recovery import RecoveryDialog
from verzuimdesk.ui.dialogs.sick_report import SickReportDialog
from verzuimdesk.ui.generated.ui_main_window import Ui_MainWindow
from verzuimdesk.ui.pages.registry import PAGES, PageSpec
from verzuimdesk.ui.pages.sick_reports import SickReportsPage


@dataclass(frozen=True)
class _Built:
    spec: PageSpec
    widget: QWidget


class MainWindow(QMainWindow):
    def __init__(
        self,
        ctx: Context,
        bus: AppBus,
        settings: QSettings | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.bus = bus
        self.settings = settings
        self.dialogs = DialogManager()
        self.ui = Ui_MainWindow()
        self.ui.setupUi(self)

        self._pages: list[_Built] = []
        for number, spec in enumerate(PAGES, start=1):
            widget = spec.build(ctx, bus)
            self.ui.pages.addWidget(widget)
            self._pages.append(_Built(spec, widget))
            item = QListWidgetItem(spec.title, self.ui.navigation)
            if spec.placeholder:
                item.setForeground(self.palette().placeholderText())
                item.setToolTip("Komt in een volgende versie")
            if number <= 9:
                action = QAction(spec.title, self)
                action.setShortcut(QKeySequence(f"Alt+{number}"))
                action.triggered.connect(partial(self.show_page, spec.title))
                self.ui.menuGo.addAction(action)
        self.ui.navigation.currentRowChanged.connect(self.ui.pages.setCurrentIndex)
        self.ui.navigation.setCurrentRow(0)

        self._db_label = QLabel(self)
        self._year_label = QLabel(self)
        self.ui.statusbar.addPermanentWidget(self._db_label)
        self.ui.statusbar.addPermanentWidget(self._year_label)
        self._update_status()

        self.ui.actionQuit.triggered.connect(self.close)
        self.ui.actionAbout.triggered.connect(self.open_about)
        self.ui.actionSickReport.triggered.connect(lambda: self.open_sick_report())
        self.ui.actionRecovery.triggered.connect(lambda: self.open_recovery())
        self.ui.actionLeaveCard.triggered.connect(lambda: self.open_leave_card())
        self.ui.actionFind.triggered.connect(self.open_find)
        # window-wide shortcuts, also while focus is in a page's table
        for action in (
            self.ui.actionSickReport,
            self.ui.actionRecovery,
            self.ui.actionLeaveCard,
            self.ui.actionFind,
        ):
            action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)

        bus.changed.connect(self._on_changed)
        bus.status_message.connect(lambda text: self.ui.statusbar.showMessage(text, 8000))
        bus.open_student.connect(lambda _sid: self.show_page("Leerlingen"))
        self._restore_geometry()

    # -- pages -----------------------------------------------------------------------------

    def page_titles(self) -> list[str]:
        return [b.spec.title for b in self._pages]

    def page(self, title: str) -> QWidget:
        for built in self._pages:
            if built.spec.title == title:
                return built.widget
        raise KeyError(title)

    def show_page(self, title: str) -> None:
        self.ui.navigation.setCurrentRow(self.page_titles().index(title))

    def current_page_title(self) -> str:
        return self._pages[self.ui.pages.currentIndex()].spec.title

    # -- desk dialogs (one instance per kind) ------------------------------------------------

    def open_sick_report(self, student_id: int | None = None) -> QWidget:
        return self._open("ziekmelding", SickReportDialog, student_id)

    def open_recovery(self, student_id: int | None = None) -> QWidget:
        if student_id is None:
            # F3 on the Ziekmeldingen page means "this student"
            page = self.ui.pages.currentWidget()
            selected = page.current() if isinstance(page, SickReportsPage) else None
            student_id = selected.student_id if selected is not None else None
        return self._open("betermelding", RecoveryDialog, student_id)

    def open_leave_card(self, student_id: int | None = None) -> QWidget:
        return self._open("verlofkaart", LeaveCardDialog, student_id)

    def open_find(self) -> QWidget:
        return self._open("zoeken", FindStudentDialog, None)

    def open_about(self) -> QWidget:
        dialog, _ = self.dialogs.open("over", lambda: AboutDialog(self.ctx, self))
        return dialog

    def _open(
        self,
        kind: str,
        cls: Callable[[Context, AppBus, QWidget], QDialog],
        student_id: int | None,
    ) -> QWidget:
        dialog, _ = self.dialogs.open(kind, lambda: cls(self.ctx, self.bus, self))
        if student_id is not None:
            dialog.choose_student(student_id)  # type: ignore[attr-defined]
        return dialog

    # -- state -----------------------------------------------------------------------------

    def _update_status(self) -> None:
        status = desk_status(self.ctx)
        self._db_label.setText(f"Database: {self.ctx.db.display_name}")
        self._year_label.setText(f"Schooljaar {status.school_year}")
        title = f"{status.school_name} — verzuimdesk" if status.school_name else "verzuimdesk"
        self.setWindowTitle(title)

    def _on_changed(self, changes: Changes) -> None:
        if changes.settings:
            self._update_status()

    def _restore_geometry(self) -> None:
        if self.settings is None:
            return
        geometry = self.settings.value("mainwindow/geometry")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
        state = self.settings.value("mainwindow/state")
        if isinstance(state, QByteArray):
            self.restoreState(state)
        page = self.settings.value("mainwindow/page")
        if isinstance(page, str) and page in self.page_titles():
            self.show_page(page)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.settings is not None:
            self.settings.setValue("mainwindow/geometry", self.saveGeometry())
            self.settings.setValue("mainwindow/state", self.saveState())
            self.settings.setValue("mainwindow/page", self.current_page_title())
        super().closeEvent(event)
