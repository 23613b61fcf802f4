"""The sections of Instellingen, in the order of the list on the left.

To add a section: write a `Section` subclass in its own module under ui/pages/settings/ and add
ONE line here, e.g. `SectionSpec("Gebruikers en rollen", PeopleSection, Permission.PEOPLE)`.
A section whose permission the person working lacks is left out of the list.
"""

from __future__ import annotations

from verzuimdesk.domain.roles import Permission
from verzuimdesk.ui.pages.settings.backups import BackupsSection
from verzuimdesk.ui.pages.settings.bell_schedule import BellScheduleSection
from verzuimdesk.ui.pages.settings.calendar import CalendarSection
from verzuimdesk.ui.pages.settings.codes import CodesSection
from verzuimdesk.ui.pages.settings.letters import LettersSection
from verzuimdesk.ui.pages.settings.policy import PolicySection
from verzuimdesk.ui.pages.settings.school import SchoolSection
from verzuimdesk.ui.pages.settings.section import SectionSpec

SECTIONS: tuple[SectionSpec, ...] = (
    SectionSpec("School", SchoolSection),
    SectionSpec("Beleid", PolicySection),
    SectionSpec("Kalender", CalendarSection),
    SectionSpec("Lestijden", BellScheduleSection),
    SectionSpec("Codes", CodesSection),
    SectionSpec("Back-ups", BackupsSection, Permission.BACKUP),
    SectionSpec("Brieven", LettersSection),
)
