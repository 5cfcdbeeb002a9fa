"""Splink settings for linking person-mentions: comparisons, blocking rules, priors.

The m and u probabilities are set by hand (documented in ``docs/linkage.md``) rather than
trained, so that a run is reproducible bit for bit and every match weight can be
explained; term-frequency adjustments make agreement on a common name (Mohammad,
Johnson) count for less than agreement on a rare one.

Custom SQL is written in DuckDB's dialect (``base_dialect_str="duckdb"``) so that Splink
can translate it for Spark.
"""

from __future__ import annotations

import math

import splink.comparison_level_library as cll
import splink.blocking_rule_library as brl
import splink.comparison_library as cl
from splink import SettingsCreator, block_on

_DIALECT = "duckdb"


def _custom(sql: str, label: str, m: float, u: float) -> cll.CustomLevel:
    level = cll.CustomLevel(sql, label_for_charts=label, base_dialect_str=_DIALECT)
    return level.configure(m_probability=m, u_probability=u)


def _null(col: str) -> cll.CustomLevel:
    sql = f"{col}_l IS NULL OR {col}_r IS NULL"
    return cll.CustomLevel(sql, f"{col} missing", _DIALECT).configure(is_null_level=True)


def _else(m: float, u: float) -> cll.ElseLevel:
    return cll.ElseLevel().configure(m_probability=m, u_probability=u)


def _exact(col: str, m: float, u: float, tf: bool = False) -> cll.ExactMatchLevel:
    level = cll.ExactMatchLevel(col)
    if tf:
        return level.configure(m_probability=m, u_probability=u, tf_adjustment_column=col,
                               tf_adjustment_weight=1.0, tf_minimum_u_value=1e-4)
    return level.configure(m_probability=m, u_probability=u)


def _jw(col: str, threshold: float, m: float, u: float) -> cll.JaroWinklerLevel:
    return cll.JaroWinklerLevel(col, threshold).configure(m_probability=m, u_probability=u)


def given_name() -> cl.CustomComparison:
    """Given names (nickname-canonical keys); a given name found among the other
    record's name words (middle name used as first name, alias) counts too."""
    in_tokens = ("list_contains(tokens_r, given_key_l) OR list_contains(tokens_l, given_key_r)")
    return cl.CustomComparison([
        _null("given_key"),
        _exact("given_key", 0.60, 0.01, tf=True),
        _custom(in_tokens, "given among other's names", 0.12, 0.002),
        _jw("given_key", 0.92, 0.12, 0.006),
        _jw("given_key", 0.80, 0.08, 0.04),
        _else(0.08, 0.94),
    ], output_column_name="given")


def surname() -> cl.CustomComparison:
    """Surnames; a surname found among the other record's name words counts too."""
    in_tokens = ("list_contains(tokens_r, surname_key_l) "
                 "OR list_contains(tokens_l, surname_key_r)")
    return cl.CustomComparison([
        _null("surname_key"),
        _exact("surname_key", 0.72, 0.004, tf=True),
        _custom(in_tokens, "surname among other's names", 0.08, 0.0008),
        _jw("surname_key", 0.92, 0.10, 0.002),
        _jw("surname_key", 0.80, 0.05, 0.03),
        _else(0.05, 0.96),
    ], output_column_name="surname")


def father() -> cl.CustomComparison:
    """Father's name (patronymic), a strong clue in Iranian reports."""
    return cl.CustomComparison([
        _null("father_key"),
        _exact("father_key", 0.80, 0.01, tf=True),
        _jw("father_key", 0.90, 0.12, 0.01),
        _else(0.08, 0.98),
    ], output_column_name="father")


_GAP = "greatest(date_lo_l - date_hi_r, date_lo_r - date_hi_l, 0)"


def event_date() -> cl.CustomComparison:
    """Date of the status event, as the gap between the two date intervals (so a
    month-precision date is 'within' every day of its month); dates of different
    status events (sentenced vs executed) are not compared."""
    status_differs = "status_l IS NOT NULL AND status_r IS NOT NULL AND status_l <> status_r"
    swapped = ("date_y_l = date_y_r AND date_m_l = date_d_r AND date_d_l = date_m_r "
               "AND date_precision_l = 'day' AND date_precision_r = 'day'")
    same_day = f"{_GAP} = 0 AND date_precision_l = 'day' AND date_precision_r = 'day'"
    return cl.CustomComparison([
        _null("date_lo"),
        cll.CustomLevel(status_differs, "different status events", _DIALECT)
        .configure(is_null_level=True),
        _custom(same_day, "same day", 0.80, 0.0004),
        _custom(f"{_GAP} = 0", "consistent within precision", 0.08, 0.004),
        _custom(f"{_GAP} <= 3", "within 3 days", 0.05, 0.0015),
        _custom(swapped, "day and month swapped", 0.02, 0.0002),
        _custom(f"{_GAP} <= 31", "within a month", 0.03, 0.008),
        _custom(f"{_GAP} <= 366", "within a year", 0.01, 0.08),
        _else(0.01, 0.91),
    ], output_column_name="date")


def age() -> cl.CustomComparison:
    """Age at the event, with tolerance (reports round and disagree by a year or two)."""
    diff = "abs(age_l - age_r)"
    return cl.CustomComparison([
        _null("age"),
        _custom(f"{diff} = 0", "same age", 0.60, 0.05),
        _custom(f"{diff} <= 1", "age within 1", 0.28, 0.10),
        _custom(f"{diff} <= 3", "age within 3", 0.08, 0.17),
        _else(0.04, 0.68),
    ], output_column_name="age")


def _place(col: str, m: float, u: float) -> cl.CustomComparison:
    return cl.CustomComparison(
        [_null(col), _exact(col, m, u, tf=True), _else(1 - m, 1 - u)],
        output_column_name=col)


def charges() -> cl.CustomComparison:
    """Charges: any charge in common."""
    return cl.CustomComparison([
        _null("charges"),
        _custom("len(list_intersect(charges_l, charges_r)) >= 1", "a charge in common",
                0.85, 0.35),
        _else(0.15, 0.65),
    ], output_column_name="charges")


def comparisons() -> list:
    """All comparisons used to score a pair of mentions."""
    return [
        given_name(), surname(), father(), event_date(), age(),
        _place("prison", 0.80, 0.06), _place("city", 0.85, 0.05),
        _place("province", 0.90, 0.10), charges(),
        _place("nationality", 0.95, 0.30), _place("sex", 0.99, 0.55),
    ]


def blocking_rules(cross_source_only: bool = False) -> list:
    """Rules that generate candidate pairs; each keeps blocks small (see docs/linkage.md).

    With ``cross_source_only`` pairs within one source are never generated (for lists
    in which each row is a different person).
    """
    rules = [
        block_on("given_key", "surname_key"),
        block_on("surname_key", "date_y"),
        block_on("date_lo", "province"),
        block_on("date_lo", "surname_prefix"),
        block_on("given_key", "date_y", "date_m"),
        block_on("surname_prefix", "date_y", "date_d"),
        brl.CustomRule("l.date_y = r.date_y AND l.date_m = r.date_d AND l.date_d = r.date_m "
                       "AND l.surname_prefix = r.surname_prefix", _DIALECT),
        block_on("father_key", "given_key"),
        block_on("surname_key", "father_key"),
    ]
    if not cross_source_only:
        return rules
    return [_cross_source(rule) for rule in rules]


def _cross_source(rule):
    """The same blocking rule restricted to pairs from different sources."""
    return brl.And(rule, brl.CustomRule("l.source <> r.source", _DIALECT))


def settings(prior: float, cross_source_only: bool = False) -> SettingsCreator:
    """Complete Splink settings (dedupe over one table of mentions)."""
    return SettingsCreator(
        link_type="dedupe_only",
        unique_id_column_name="unique_id",
        comparisons=comparisons(),
        blocking_rules_to_generate_predictions=blocking_rules(cross_source_only),
        probability_two_random_records_match=prior,
        retain_intermediate_calculation_columns=False,
        retain_matching_columns=False,
        additional_columns_to_retain=["source"],
    )


def prior(n_records: int, expected_duplicates_per_record: float = 0.5) -> float:
    """Prior probability that two random mentions are the same person.

    ``expected_duplicates_per_record`` is how many other mentions of the same person a
    mention has on average (0.5: one in two people is reported twice).
    """
    pairs = max(n_records * (n_records - 1) / 2, 1.0)
    dup_pairs = max(n_records * expected_duplicates_per_record / 2, 1.0)
    return min(max(dup_pairs / pairs, 1e-12), 0.5)


def match_weight(probability: float) -> float:
    """The Splink match weight (log2 Bayes factor incl. prior) of a probability."""
    probability = min(max(probability, 1e-15), 1 - 1e-15)
    return math.log2(probability / (1 - probability))
