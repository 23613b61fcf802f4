"""Instellingen > Brieven: a logo that is not an image and an address block off the page are
refused in the section's message line; good settings and the calibration page are saved."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from tests.services.bellijst_school import make_school
from tests.services.test_letters import _png
from verzuimdesk.services import letter_settings
from verzuimdesk.services.context import Context
from verzuimdesk.ui.bus import AppBus
from verzuimdesk.ui.pages.settings.letters import LettersSection

pytestmark = pytest.mark.gui


@pytest.fixture
def section(ctx: Context, qtbot: QtBot) -> LettersSection:
    make_school(ctx)
    section = LettersSection(ctx, AppBus())
    qtbot.addWidget(section)
    section.show()
    section.refresh()
    return section


def test_logo_that_is_not_an_image_is_refused(
    section: LettersSection, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fake = tmp_path / "logo.png"
    fake.write_text("tekst")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(fake), ""))
    section.logo_button.click()
    section.save_button.click()
    assert "geen afbeelding" in section.message.text()
    assert letter_settings.get_letter_settings(section.ctx).logo_sha is None


def test_address_block_off_the_page_is_refused(section: LettersSection, qtbot: QtBot) -> None:
    section.left.setValue(150)
    qtbot.keyClick(section.edits["school_naam"], Qt.Key.Key_Return)
    assert "buiten de pagina" in section.message.text()


def test_settings_logo_and_calibration_page_are_saved(
    section: LettersSection, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    logo = tmp_path / "logo.png"
    _png(logo)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(logo), ""))
    section.logo_button.click()
    section.edits["ondertekenaar"].clear()
    qtbot.keyClicks(section.edits["ondertekenaar"], "A. de Boer")
    section.evidence["b"].setChecked(True)
    qtbot.keyClick(section.edits["ondertekenaar"], Qt.Key.Key_Return)
    saved = letter_settings.get_letter_settings(section.ctx)
    assert saved.ondertekenaar == "A. de Boer" and saved.logo_sha
    assert saved.onderzoek_brieven == ("b",)
    out = tmp_path / "kalibratie.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    section.calibrate.click()
    assert out.read_bytes().startswith(b"%PDF")
