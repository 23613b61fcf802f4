"""The Qt binding itself: a release that loses references would crash the desk mid-morning."""

from __future__ import annotations

import sys

import pytest
from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

pytestmark = pytest.mark.gui

CALLS = 2000


class _Sender(QObject):
    changed = Signal(bool)


def test_void_calls_and_signals_keep_none_and_true_alive(qtbot: QtBot) -> None:
    """PySide6 6.12.0 on Python 3.11 dropped one reference to None per void call (and to True
    per emit), until the interpreter aborted with "none_dealloc" (pinned below 6.12)."""
    label = QLabel()
    qtbot.addWidget(label)
    sender = _Sender()
    sender.changed.connect(lambda _value: None)
    none_before, true_before = sys.getrefcount(None), sys.getrefcount(True)

    for _ in range(CALLS):
        label.setText("x")
        sender.changed.emit(True)

    # other code running meanwhile may move the counts a little, never by thousands
    assert sys.getrefcount(None) > none_before - CALLS // 2
    assert sys.getrefcount(True) > true_before - CALLS // 2
