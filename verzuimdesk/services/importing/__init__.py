"""Importing the generic exchange format (docs/exchange-format.md) into the database."""
