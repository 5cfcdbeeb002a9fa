"""Linkage of person-mentions into persons (Splink), group reconciliation and grades.

Public entry points: :func:`link` (returns a :class:`LinkResult`), :class:`Decision`,
:func:`prepare`, :func:`reconcile_groups`, :func:`grade`, :func:`grade_case`,
:func:`add_person_ids` (extraction output -> cases with ``person``).
"""

from vigil.core.link.cases import add_person_ids, case_mentions
from vigil.core.link.engine import (
    CANNOT_LINK, MUST_LINK, Decision, LinkResult, as_decisions, cluster, link,
)
from vigil.core.link.grades import Grade, grade, grade_case
from vigil.core.link.groups import Reconciliation, reconcile_groups
from vigil.core.link.records import FIELDS, prepare

__all__ = [
    "CANNOT_LINK", "FIELDS", "add_person_ids", "case_mentions", "MUST_LINK", "Decision", "Grade", "LinkResult",
    "Reconciliation", "as_decisions", "cluster", "grade", "grade_case", "link", "prepare",
    "reconcile_groups",
]
