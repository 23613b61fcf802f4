"""Printouts as PDF (ReportLab Platypus): shared styles and one module per printout."""
