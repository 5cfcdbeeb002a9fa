"""Bundled demonstration data: sample reports (the project's own summaries of real,
public cases) in ``reports/`` and a small synthetic list with its mapping in ``lists/``."""
