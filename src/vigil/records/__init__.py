"""Records: the case database (sources, documents, mentions, persons, cases, events).

Every write goes through :mod:`vigil.records.actions`, which also writes the audit record.
"""
