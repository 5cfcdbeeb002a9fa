"""Linkage of person-mentions into persons (Splink), group reconciliation and grades.

Public entry points: :func:`link` (returns a :class:`LinkResult`), :class:`Decision`,
:func:`prepare`, :func:`reconcile_groups`, :func:`grade`.
"""

from vigil.core.link.engine import (
    CANNOT_LINK, MUST_LINK, Decision, LinkResult, as_decisions, cluster, link,
)
from vigil.core.link.records import FIELDS, prepare

__all__ = [
    "CANNOT_LINK", "FIELDS", "MUST_LINK", "Decision", "LinkResult", "as_decisions",
    "cluster", "link", "prepare",
]
