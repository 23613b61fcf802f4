"""The signal engine: pure rules over plain values, one module per rule id (domain.md)."""

from verzuimdesk.domain.signals.engine import evaluate_student
from verzuimdesk.domain.signals.model import (
    DayTotals,
    ReportFact,
    RuleEnv,
    RuleId,
    Signal,
    StudentFacts,
    days_per_student,
)

__all__ = [
    "DayTotals",
    "ReportFact",
    "RuleEnv",
    "RuleId",
    "Signal",
    "StudentFacts",
    "days_per_student",
    "evaluate_student",
]
