"""Screenshots of the desk on the demo school, to look at under Xvfb.

    xvfb-run -a -s "-screen 0 1366x768x24" .venv/bin/python scripts/desk_screenshots.py [OUT]

Builds the 1,500-student demo school on first use (in VERZUIMDESK_HOME's data folder), then
saves the main window, the ziekmelding and the verlofkaart dialog as PNGs in OUT (screenshots/).
Set QT_SCALE_FACTOR=1.5 for the high-DPI variant; the file names carry the factor.
"""

from __future__ import annotations

import os
import sys
from datetime import date, datetime, timedelta
from pathlib import Path

from PySide6.QtCore import QEventLoop, QSettings, QTimer
from PySide6.QtWidgets import QApplication, QWidget

from verzuimdesk import paths
from verzuimdesk.demo import build_demo_school
from verzuimdesk.services import sick_reports
from verzuimdesk.services.context import Context
from verzuimdesk.services.desk_status import desk_status
from verzuimdesk.store.database import open_database
from verzuimdesk.ui.app import make_application
from verzuimdesk.ui.bus import AppBus
from verzuimdesk.ui.main_window import MainWindow

DEMO_DAY = datetime(2025, 11, 12, 8, 20)  # a Wednesday morning during the school year


def settle(ms: int = 300) -> None:
    # a local loop: QApplication.quit() would close every window (Qt 6)
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def shoot(app: QApplication, widget: QWidget, path: Path) -> None:
    settle()
    widget.grab().save(str(path))
    print(f"wrote {path}")


def main() -> int:
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "screenshots")
    out.mkdir(parents=True, exist_ok=True)
    scale = os.environ.get("QT_SCALE_FACTOR", "1")
    suffix = "" if scale in ("1", "") else f"-x{scale}"
    app = make_application()
    ctx = Context(open_database(paths.data_dir() / "demo.sqlite"), clock=lambda: DEMO_DAY)
    if desk_status(ctx).school_name is None:
        build_demo_school(ctx, students=1500, seed=1, until=DEMO_DAY.date() - timedelta(days=1))
    sick_reports.materialise_sick_days(ctx, DEMO_DAY.date())
    bus = AppBus()
    window = MainWindow(ctx, bus, QSettings(str(out / "settings.ini"), QSettings.Format.IniFormat))
    window.resize(1366, 768)
    window.show()
    window.show_page("Ziekmeldingen")
    shoot(app, window, out / f"main-ziekmeldingen{suffix}.png")
    window.show_page("Vandaag")
    shoot(app, window, out / f"main-vandaag{suffix}.png")

    dialog = window.open_sick_report()
    dialog.search.edit.setFocus()  # type: ignore[attr-defined]
    dialog.search.edit.setText("van")  # type: ignore[attr-defined]
    dialog.search.edit.textEdited.emit("van")  # type: ignore[attr-defined]
    shoot(app, dialog, out / f"ziekmelding-zoeken{suffix}.png")
    dialog.search._choose_row(0)  # type: ignore[attr-defined]
    dialog.ui.callerName.setText("mevrouw De Groot (moeder)")  # type: ignore[attr-defined]
    dialog.ui.reason.setText("griep")  # type: ignore[attr-defined]
    shoot(app, dialog, out / f"ziekmelding{suffix}.png")
    dialog.reject()

    card = window.open_leave_card()
    card.search.edit.setText("jan")  # type: ignore[attr-defined]
    card.search.edit.textEdited.emit("jan")  # type: ignore[attr-defined]
    card.search._choose_row(0)  # type: ignore[attr-defined]
    card.ui.kind.setCurrentIndex(2)  # type: ignore[attr-defined]
    card.ui.subkind.setCurrentIndex(1)  # type: ignore[attr-defined]
    start = date(2025, 11, 17)
    card.ui.startDate.setDate(start)  # type: ignore[attr-defined]
    card.ui.endDate.setDate(start + timedelta(days=1))  # type: ignore[attr-defined]
    card.ui.reason.setText("bruiloft van een oom in Groningen")  # type: ignore[attr-defined]
    card.ui.signedBy.setText("J. de Boer (vader)")  # type: ignore[attr-defined]
    shoot(app, card, out / f"verlofkaart{suffix}.png")
    card.reject()
    window.show_page("Verlof")
    shoot(app, window, out / f"main-verlof{suffix}.png")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
