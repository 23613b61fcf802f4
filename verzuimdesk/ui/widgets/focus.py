"""Keyboard focus order for forms that hold widgets inserted in code (the student search)."""

from __future__ import annotations

from itertools import pairwise

from PySide6.QtWidgets import QWidget


def chain_focus(*widgets: QWidget) -> None:
    """Tab goes through `widgets` in this order (Qt's pairwise setTabOrder, done once)."""
    for first, second in pairwise(widgets):
        QWidget.setTabOrder(first, second)
