"""What a use case changed, so screens refresh only when their data did."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Changes:
    students: bool = False
    registrations: bool = False
    sick_reports: bool = False
    leave_cards: bool = False
    signals: bool = False
    reports: bool = False
    calls: bool = False
    conversations: bool = False
    notes: bool = False
    settings: bool = False
    people: bool = False
    letters: bool = False  # the letter queue or archive (printed, schorsing, leerbedrijf)
    student_ids: frozenset[int] = field(default_factory=frozenset)
    # saved at another workstation and heard through the change feed (services.change_feed):
    # screens reload, but it is not published again and its signals were refreshed there
    remote: bool = False

    def touches(self, kinds: frozenset[str]) -> bool:
        """Whether any of the named kinds (field names, e.g. "sick_reports") changed."""
        return any(getattr(self, kind) for kind in kinds)

    def __or__(self, other: Changes) -> Changes:
        merged = {
            name: getattr(self, name) or getattr(other, name)
            for name in self.__dataclass_fields__
            if name not in ("student_ids", "remote")
        }
        return Changes(
            **merged,
            student_ids=self.student_ids | other.student_ids,
            remote=self.remote and other.remote,
        )

    @property
    def anything(self) -> bool:
        """Whether any kind of data changed."""
        return any(
            getattr(self, name)
            for name in self.__dataclass_fields__
            if name not in ("student_ids", "remote")
        )
