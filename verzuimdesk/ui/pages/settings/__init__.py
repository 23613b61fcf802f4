"""Instellingen: the school's settings in sections (see sections.py to add one)."""

from verzuimdesk.ui.pages.settings.page import SettingsPage

__all__ = ["SettingsPage"]
