"""verzuimdesk: absence (verzuim) registration and follow-up for Dutch schools."""

__version__ = "0.1.0"
