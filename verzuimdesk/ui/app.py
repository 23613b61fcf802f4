"""Starting the GUI: Dutch Qt, the log, the database (or the demo school), then the main window."""

from __future__ import annotations

import logging
import multiprocessing
import os
import sys
import time
from datetime import datetime

from PySide6.QtCore import QLibraryInfo, QLocale, QSettings, QTimer, QTranslator
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QDialog

from verzuimdesk import paths
from verzuimdesk.errors import VerzuimdeskError
from verzuimdesk.logging_setup import setup_logging
from verzuimdesk.services import backups, sick_reports
from verzuimdesk.services.context import Context
from verzuimdesk.services.desk_status import desk_status
from verzuimdesk.services.progress import Cancelled
from verzuimdesk.store.database import open_database
from verzuimdesk.ui.bus import AppBus
from verzuimdesk.ui.change_feed import ChangeFeed
from verzuimdesk.ui.crash import install_excepthook
from verzuimdesk.ui.dialogs.school_setup import SchoolSetupDialog
from verzuimdesk.ui.errors_ui import show_error
from verzuimdesk.ui.logs import route_qt_messages
from verzuimdesk.ui.main_window import MainWindow
from verzuimdesk.ui.signal_refresh import SignalRefresher
from verzuimdesk.ui.widgets.student_search import shared_index
from verzuimdesk.ui.worker import run_with_progress

log = logging.getLogger("verzuimdesk.app")

# set by packaging/check_build.py: open the school, show the window, then quit
QUIT_AFTER_START = "VERZUIMDESK_QUIT_AFTER_START"
DEMO_STUDENTS = 1500
DEMO_SEED = 1
# new lesdagen of open sick reports get their registrations this often (and at start)
MATERIALISE_EVERY_MS = 15 * 60 * 1000


def make_application() -> QApplication:
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv)
    app.setOrganizationName("verzuimdesk")
    app.setApplicationName("verzuimdesk")
    icon = paths.resources_dir() / "icons" / "verzuimdesk.png"
    if icon.exists():
        app.setWindowIcon(QIcon(str(icon)))
    QLocale.setDefault(QLocale(QLocale.Language.Dutch, QLocale.Country.Netherlands))
    translator = QTranslator(app)
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if translator.load("qtbase_nl", folder):
        app.installTranslator(translator)
    else:
        log.warning("Qt-vertaling qtbase_nl niet gevonden in %s", folder)
    return app


def _build_demo(ctx: Context) -> bool:
    from verzuimdesk.demo import build_demo_school

    try:
        run_with_progress(
            None,
            "Demoschool maken…",
            lambda progress, cancel: build_demo_school(
                ctx,
                students=DEMO_STUDENTS,
                seed=DEMO_SEED,
                until=ctx.today(),
                progress=progress,
                cancel=cancel,
            ),
        )
    except Cancelled:
        return False
    return True


def _ensure_school(ctx: Context, bus: AppBus, demo: bool) -> bool:
    """A school to work with: the demo school built, or the setup dialog on first start."""
    if desk_status(ctx).school_name is not None:
        return True
    if demo:
        return _build_demo(ctx)
    return SchoolSetupDialog(ctx, bus).exec() == QDialog.DialogCode.Accepted


def _automatic_backup(ctx: Context) -> None:
    """Once a day a back-up at start; a failure is logged and shown, and work goes on."""
    try:
        # a large school's database takes seconds to copy: off the GUI thread, with a progress
        # dialog that appears only when it takes long
        made = run_with_progress(
            None,
            "Automatische back-up maken…",
            lambda _progress, _cancel: backups.backup_if_due(ctx),
            cancellable=False,
        )
    except VerzuimdeskError as exc:
        log.warning("automatische back-up mislukt: %s", exc)
        show_error(None, exc)
        return
    if made is not None:
        log.info("automatische back-up: %s", made.name)


def _materialise(ctx: Context, bus: AppBus) -> None:
    bus.announce(sick_reports.materialise_sick_days(ctx, ctx.today()))


def run_gui(db: str | None, demo: bool) -> int:
    app = make_application()
    log_path = setup_logging("gui")
    route_qt_messages()
    install_excepthook()
    log.info("start; log in %s", log_path)
    try:
        database = open_database(paths.data_dir() / "demo.sqlite" if demo else db)
        ctx = Context(database, clock=datetime.now)
        bus = AppBus()
        if not _ensure_school(ctx, bus, demo):
            return 1
        _automatic_backup(ctx)
        _materialise(ctx, bus)
    except VerzuimdeskError as exc:
        show_error(None, exc)
        return 1
    shared_index(ctx, bus).prefetch()
    window = MainWindow(ctx, bus, QSettings())
    timer = QTimer(window)
    timer.timeout.connect(
        lambda: bus.announce(sick_reports.materialise_sick_days(ctx, ctx.today()))
    )
    timer.start(MATERIALISE_EVERY_MS)
    # what this workstation saves goes to the others, and theirs appears here (issue 13)
    feed = ChangeFeed(database, bus, window)
    feed.start()
    SignalRefresher(ctx, bus, window).refresh_now()
    window.show()
    if os.environ.get(QUIT_AFTER_START):
        # the packaging check (packaging/check_build.py): the school is open, the window shown;
        # say when, then quit the normal way so a clean exit is part of the check
        print(f"verzuimdesk: venster getoond om {time.time():.3f}", flush=True)
        QTimer.singleShot(0, window.close)
    code = app.exec()
    feed.stop()
    database.dispose()
    return code


def main() -> int:
    """The GUI entry point (`verzuimdesk-gui`: on Windows a program without a console window).

    Takes the same options as `verzuimdesk` (--db, --demo) but always starts the window; errors
    appear as dialogs, because a windowed program has nowhere to print them.
    """
    multiprocessing.freeze_support()
    from verzuimdesk.cli import build_parser

    args = build_parser().parse_args(sys.argv[1:])
    return run_gui(db=args.db, demo=args.demo)
