"""Statistics with a method: periods, filters, figures and claim checking (no Django).

The Django layer (:mod:`vigil.statistics`) computes the same :class:`Figure` objects
from the database; :class:`RowCounter` computes them from plain rows, so the rules live
here once. See docs/statistics.md for the methodology.
"""
from .filters import HEADLINE_GRADES, ALL_GRADES, DOCUMENTED_GRADES, Filter, GROUP_FIELDS
from .figures import Figure, RowCounter
from .periods import Period, parse_period_spec, placement

__all__ = [
    "HEADLINE_GRADES", "ALL_GRADES", "DOCUMENTED_GRADES", "Filter", "GROUP_FIELDS",
    "Figure", "RowCounter", "Period", "parse_period_spec", "placement",
]
