"""Form fields hold no more than their column can store (issue 13, part 5): the form stops the
typing, the service's check (store/guards.py) is the one that counts."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from sqlalchemy import String

from verzuimdesk.store.desk import LeaveCard, SickReport
from verzuimdesk.store.followup import Conversation
from verzuimdesk.store.guards import TEXT_MAX
from verzuimdesk.store.school import School

FORMS = Path(__file__).resolve().parents[2] / "forms"

FIELDS = [
    ("sick_report_dialog.ui", "callerName", SickReport.caller_name),
    ("sick_report_dialog.ui", "reason", SickReport.reason),
    ("sick_report_dialog.ui", "note", SickReport.note),
    ("leave_card_dialog.ui", "reason", LeaveCard.reason),
    ("leave_card_dialog.ui", "signedBy", LeaveCard.signed_by),
    ("decision_dialog.ui", "decidedBy", LeaveCard.decided_by),
    ("conversation_dialog.ui", "participantsEdit", Conversation.participants),
    ("school_setup_dialog.ui", "name", School.name),
]


@pytest.mark.parametrize(("form", "widget", "column"), FIELDS, ids=lambda v: str(v))
def test_a_field_has_a_maximum_its_column_can_store(form: str, widget: str, column: object) -> None:
    tree = ET.parse(FORMS / form)
    found = tree.find(f".//widget[@name='{widget}']")
    assert found is not None
    limit = found.find("./property[@name='maxLength']/number")
    assert limit is not None and limit.text is not None, f"{form} {widget}: geen maxLength"
    column_type = column.property.columns[0].type  # type: ignore[attr-defined]
    room = (
        column_type.length if isinstance(column_type, String) and column_type.length else TEXT_MAX
    )
    assert 0 < int(limit.text) <= room
