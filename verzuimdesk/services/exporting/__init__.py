"""Writing the database out in the generic exchange format (docs/exchange-format.md)."""
