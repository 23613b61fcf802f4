"""Help > "Over verzuimdesk": version, database revision, data and log folders, licence."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from tests.desk_helpers import make_school
from verzuimdesk import __version__, paths
from verzuimdesk.services.context import Context
from verzuimdesk.store import migrate
from verzuimdesk.ui.bus import AppBus
from verzuimdesk.ui.main_window import MainWindow

pytestmark = pytest.mark.gui


def test_about_names_version_schema_folders_and_licence(
    qtbot: QtBot, ctx: Context, tmp_path: Path
) -> None:
    make_school(ctx, students=False)
    main = MainWindow(ctx, AppBus(), QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(main)
    main.show()
    assert "Over verzuimdesk" in main.ui.actionAbout.text().replace("&", "")
    main.ui.actionAbout.trigger()
    dialog = main.dialogs.current("over")
    assert dialog is not None and dialog.isVisible()
    text = dialog.findChild(QLabel, "aboutText").text()
    for expected in (
        __version__,
        migrate.head_revision(),
        str(paths.data_dir()),
        str(paths.log_dir()),
        "EUPL-1.2",
    ):
        assert expected in text
