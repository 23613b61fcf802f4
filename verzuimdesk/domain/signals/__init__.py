"""The signal engine: pure rules over plain values, one module per rule id (domain.md)."""

from verzuimdesk.domain.signals.engine import evaluate_student
from verzuimdesk.domain.signals.model import (
    DayTotals,
    RegistrationGroup,
    ReportFact,
    RuleEnv,
    RuleId,
    Signal,
    StudentFacts,
    build_days,
)

__all__ = [
    "DayTotals",
    "RegistrationGroup",
    "ReportFact",
    "RuleEnv",
    "RuleId",
    "Signal",
    "StudentFacts",
    "build_days",
    "evaluate_student",
]
