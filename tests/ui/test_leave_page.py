"""The Verlof page at the width a 1366-pixel screen leaves it: every column in view."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from tests.desk_helpers import make_school
from verzuimdesk.domain.leave import CardInput, LeaveKind, SignerRole
from verzuimdesk.services import leave_cards
from verzuimdesk.services.context import Context
from verzuimdesk.ui.bus import AppBus
from verzuimdesk.ui.pages.leave import LeavePage

pytestmark = pytest.mark.gui

# 1366 pixels less the sidebar and the window's margins
PAGE_WIDTH = 1120
LONG_REASON = "bruiloft van een oom in Groningen, de hele familie komt uit het buitenland over"


def test_the_reason_column_is_in_view_without_scrolling_sideways(
    ctx: Context, qtbot: QtBot
) -> None:
    ids = make_school(ctx)
    card = CardInput(
        LeaveKind.GEWICHTIG,
        date(2025, 10, 6),
        date(2025, 10, 7),
        subkind="huwelijk",
        reason=LONG_REASON,
        signed_by="M. Bakker",
        signer_role=SignerRole.OUDER,
    )
    leave_cards.save_card(ctx, ids["100001"], card)
    page = LeavePage(ctx, AppBus())
    qtbot.addWidget(page)
    page.resize(PAGE_WIDTH, 700)
    page.show()
    qtbot.waitExposed(page)

    table = page.ui.table
    last = page.proxy.columnCount() - 1
    assert page.proxy.headerData(last, Qt.Orientation.Horizontal) == "Reden"
    assert table.horizontalScrollBar().maximum() == 0
    assert table.columnViewportPosition(last) + 80 < table.viewport().width()
    reason = page.proxy.index(0, last)
    assert page.proxy.data(reason, Qt.ItemDataRole.ToolTipRole) == LONG_REASON
    kind = page.proxy.index(0, 3)
    assert page.proxy.data(kind, Qt.ItemDataRole.ToolTipRole).startswith("Gewichtige")
