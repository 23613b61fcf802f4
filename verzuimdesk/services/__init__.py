"""Use cases the GUI and the command line both call: no Qt here.

A use case takes the `Context`, opens one unit of work, checks, changes data, writes the audit
trail and commits or rolls back as one.
"""
