"""Every mapped table in one place, for Alembic and for code that wants them all."""

from verzuimdesk.store.audit import AuditEntry
from verzuimdesk.store.base import Base
from verzuimdesk.store.desk import LeaveCard, SickReport
from verzuimdesk.store.followup import Call, Conversation, Note
from verzuimdesk.store.letters import (
    ArchivedLetter,
    Company,
    Expulsion,
    LetterTemplateRow,
    Suspension,
)
from verzuimdesk.store.people import Person
from verzuimdesk.store.registrations import Registration, Source
from verzuimdesk.store.reporting import DuoReport, SignalRow
from verzuimdesk.store.school import (
    BellLesson,
    CalendarPeriodRow,
    PolicyProfileRow,
    RegistrationCodeRow,
    School,
    SchoolClass,
    SchoolCode,
    Setting,
    TimetableSlot,
)
from verzuimdesk.store.students import Guardian, Student
from verzuimdesk.store.sync import ChangeRow, RunClaim

__all__ = [
    "ArchivedLetter",
    "AuditEntry",
    "Base",
    "BellLesson",
    "CalendarPeriodRow",
    "Call",
    "ChangeRow",
    "Company",
    "Conversation",
    "DuoReport",
    "Expulsion",
    "Guardian",
    "LeaveCard",
    "LetterTemplateRow",
    "Note",
    "Person",
    "PolicyProfileRow",
    "Registration",
    "RegistrationCodeRow",
    "RunClaim",
    "School",
    "SchoolClass",
    "SchoolCode",
    "Setting",
    "SickReport",
    "SignalRow",
    "Source",
    "Student",
    "Suspension",
    "TimetableSlot",
]
