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


def _exact(col: str, m: float, u: float, tf: bool | str = False) -> cll.ExactMatchLevel:
    """Exact match; ``tf`` True (or a column name) adjusts for that value's frequency."""
    level = cll.ExactMatchLevel(col)
    if tf:
        tf_col = col if tf is True else tf
        return level.configure(m_probability=m, u_probability=u, tf_adjustment_column=tf_col,
                               tf_adjustment_weight=1.0, tf_minimum_u_value=1e-4)
    return level.configure(m_probability=m, u_probability=u)


def _jw(col: str, threshold: float, m: float, u: float) -> cll.JaroWinklerLevel:
    return cll.JaroWinklerLevel(col, threshold).configure(m_probability=m, u_probability=u)


def _in_tokens(col: str) -> str:
    return (f"list_contains(tokens_sk_r, {col}_sk_l) OR list_contains(tokens_sk_l, {col}_sk_r)")


def given_name() -> cl.CustomComparison:
    """Given names: exact (nickname-canonical) key, same cross-script skeleton (محمد /
    Mohammad / Muhammad), found among the other record's name words (middle name used
    as first name, alias), or similar spelling."""
    return cl.CustomComparison([
        _null("given_key"),
        _exact("given_key", 0.45, 0.02, tf="given_sk"),
        _exact("given_sk", 0.45, 0.025, tf=True),
        _exact("given_lk", 0.006, 0.0008),
        _custom(_in_tokens("given"), "given among other's names", 0.04, 0.002),
        _jw("given_key", 0.92, 0.03, 0.0025),
        _jw("given_key", 0.80, 0.01, 0.007),
        _else(0.01, 0.94),
    ], output_column_name="given")


def surname() -> cl.CustomComparison:
    """Surnames: exact key, same skeleton, same loose skeleton (a short vowel written in
    one script and not the other: Kazimi / کاظمی), found among the other's name words,
    similar."""
    return cl.CustomComparison([
        _null("surname_key"),
        _exact("surname_key", 0.45, 0.009, tf="surname_sk"),
        _exact("surname_sk", 0.45, 0.014, tf=True),
        _exact("surname_lk", 0.015, 0.0003),
        _custom(_in_tokens("surname"), "surname among other's names", 0.03, 0.0008),
        _jw("surname_key", 0.92, 0.03, 0.0006),
        _jw("surname_key", 0.80, 0.02, 0.006),
        _else(0.006, 0.97),
    ], output_column_name="surname")


def father() -> cl.CustomComparison:
    """Father's name (patronymic), a strong clue in Iranian reports."""
    return cl.CustomComparison([
        _null("father_key"),
        _exact("father_key", 0.45, 0.023, tf="father_sk"),
        _exact("father_sk", 0.45, 0.034, tf=True),
        _jw("father_key", 0.90, 0.03, 0.0055),
        _else(0.02, 0.94),
    ], output_column_name="father")


_GAP = "greatest(date_lo_l - date_hi_r, date_lo_r - date_hi_l, 0)"
_DIFFERENT_STATUS = "status_rank_l IS NOT NULL AND status_rank_r IS NOT NULL AND status_l <> status_r"
_IN_ORDER = ("((status_rank_l <= status_rank_r AND date_hi_r + 3 >= date_lo_l) OR "
             "(status_rank_r <= status_rank_l AND date_hi_l + 3 >= date_lo_r))")


def event_date() -> cl.CustomComparison:
    """Date of the status event, as the gap between the two date intervals (so a
    month-precision date is 'within' every day of its month). For two different status
    events of one history (sentenced ... executed) the question is whether the dates
    are in the order of the statuses and how far apart they are."""
    swapped = ("date_y_l = date_y_r AND date_m_l = date_d_r AND date_d_l = date_m_r "
               "AND date_precision_l = 'day' AND date_precision_r = 'day'")
    month_off = ("date_y_l = date_y_r AND date_d_l = date_d_r AND abs(date_m_l - date_m_r) = 1"
                 " AND date_precision_l = 'day' AND date_precision_r = 'day'")
    same_day = f"{_GAP} = 0 AND date_precision_l = 'day' AND date_precision_r = 'day'"
    seq = f"{_DIFFERENT_STATUS} AND {_IN_ORDER}"
    return cl.CustomComparison([
        _null("date_lo"),
        _custom(f"{seq} AND {_GAP} <= 14", "next status within 2 weeks", 0.17, 0.005),
        _custom(f"{seq} AND {_GAP} <= 400", "next status within 400 days", 0.32, 0.087),
        _custom(f"{seq} AND {_GAP} <= 1100", "next status within 3 years", 0.21, 0.11),
        _custom(_DIFFERENT_STATUS, "statuses out of order or far apart", 0.015, 0.56),
        _custom(same_day, "same day", 0.80, 0.0002),
        _custom(f"{_GAP} = 0", "consistent within precision", 0.08, 0.001),
        _custom(f"{_GAP} <= 3", "within 3 days", 0.05, 0.0015),
        _custom(swapped, "day and month swapped", 0.02, 0.0002),
        _custom(month_off, "same day of the month, a month off", 0.01, 0.0002),
        _custom(f"{_GAP} <= 31", "within a month", 0.01, 0.006),
        _custom(f"{_GAP} <= 366", "within a year", 0.01, 0.08),
        _else(0.01, 0.91),
    ], output_column_name="date")


def age() -> cl.CustomComparison:
    """Age at the event, with tolerance; between events years apart the ages must
    differ by about the time between them (implied birth years within a year)."""
    diff = "abs(age_l - age_r)"
    years = "coalesce((date_lo_l + date_hi_l - date_lo_r - date_hi_r) / 730.5, 0)"
    birth = f"abs((age_l - age_r) - {years})"
    return cl.CustomComparison([
        _null("age"),
        _custom(f"{diff} = 0 AND {birth} <= 1", "same age", 0.50, 0.01),
        _custom(f"{birth} <= 1.1", "ages agree within a year", 0.38, 0.06),
        _custom(f"{birth} <= 3.1", "ages agree within 3 years", 0.10, 0.12),
        _else(0.02, 0.81),
    ], output_column_name="age")


def _place(col: str, m: float, u: float) -> cl.CustomComparison:
    return cl.CustomComparison(
        [_null(col), _exact(col, m, u), _else(1 - m, 1 - u)],
        output_column_name=col)


def place() -> cl.CustomComparison:
    """Prison, else city, else province: one comparison, because they are nested and
    counting each would count one fact three times."""
    known = "{0}_l IS NOT NULL AND {0}_r IS NOT NULL"
    differs = " OR ".join(f"({known.format(c)} AND {c}_l <> {c}_r)"
                          for c in ("prison", "city", "province"))
    return cl.CustomComparison([
        _null_all(("prison", "city", "province")),
        _exact("prison", 0.75, 0.05, tf=True),
        _custom(f"NOT ({differs}) AND city_l = city_r", "same city", 0.12, 0.02),
        _custom(f"NOT ({differs}) AND province_l = province_r", "same province",
                0.06, 0.04),
        _custom(f"prison_l <> prison_r AND city_l = city_r", "other prison, same city",
                0.02, 0.01),
        _else(0.05, 0.88),
    ], output_column_name="place")


def _null_all(cols) -> cll.CustomLevel:
    """Null level: no column of cols is known on both sides."""
    sql = " AND ".join(f"({c}_l IS NULL OR {c}_r IS NULL)" for c in cols)
    return cll.CustomLevel(sql, "not known on both sides", _DIALECT).configure(
        is_null_level=True)


def charges() -> cl.CustomComparison:
    """Charges: any charge in common."""
    return cl.CustomComparison([
        _null("charges"),
        cll.ArrayIntersectLevel("charges", 1).configure(
            m_probability=0.90, u_probability=0.36, label_for_charts="a charge in common"),
        _else(0.10, 0.64),
    ], output_column_name="charges")


def comparisons() -> list:
    """All comparisons used to score a pair of mentions."""
    return [
        given_name(), surname(), father(), event_date(), age(),
        place(), charges(),
        _place("nationality", 0.95, 0.30), _place("sex", 0.99, 0.55),
    ]


# Candidate blocking rules, most specific first. Each is a tuple of columns that must be
# equal; "SWAPPED" is the day/month-swapped date rule; UNDATED in a rule keeps only the
# pairs in which at least one mention has no date (reports of one event that the dated
# rules cannot meet). A rule is used only when the number of pairs it generates is within
# the budget (see blocking.choose_blocking).
UNDATED = "UNDATED"
SWAPPED = ("SWAPPED",)
CANDIDATE_RULES: tuple[tuple[str, ...], ...] = (
    ("given_sk", "surname_sk", "date_lo"),
    ("surname_sk", "date_lo", "province"),
    ("given_sk", "date_lo", "province"),
    ("given_sk", "surname_sk", "prison", "date_y"),
    ("given_sk", "surname_sk", "date_y", "date_m"),
    ("given_sk", "surname_sk", "father_sk"),
    ("given_sk", "surname_sk", "prison", "date_y2"),
    ("given_sk", "surname_sk", "prison", "date_y2b"),
    ("given_sk", "surname_sk", "birth_y"),
    SWAPPED,
    ("surname_prefix", "date_y", "date_d"),
    ("given_sk", "surname_sk", "prison"),
    ("given_sk", "surname_sk", "province"),
    ("surname_sk", "date_y"),
    ("date_lo", "province"),
    ("given_sk", "date_lo"),
    ("surname_sk", "date_lo"),
    ("given_sk", "surname_sk", "status", UNDATED),
    ("given_sk", "surname_sk"),
)
SWAPPED_SQL = ("l.date_y = r.date_y AND l.date_m = r.date_d AND l.date_d = r.date_m "
               "AND l.surname_prefix = r.surname_prefix")


def blocking_rules(chosen=CANDIDATE_RULES, cross_source_only: bool = False) -> list:
    """Splink blocking rules for the chosen candidate rules.

    With ``cross_source_only`` pairs within one source are never generated (for lists
    in which each row is a different person).
    """
    rules = [brl.CustomRule(SWAPPED_SQL, _DIALECT) if cols == SWAPPED
             else _undated(cols) if UNDATED in cols else block_on(*cols) for cols in chosen]
    if not cross_source_only:
        return rules
    return [_cross_source(rule) for rule in rules]


def _undated(cols: tuple[str, ...]):
    """Equal on every column of cols, and at least one of the two without a date."""
    equal = " AND ".join(f"l.{c} = r.{c}" for c in cols if c != UNDATED)
    return brl.CustomRule(f"{equal} AND (l.date_lo IS NULL OR r.date_lo IS NULL)", _DIALECT)


def _cross_source(rule):
    """The same blocking rule restricted to pairs from different sources."""
    return brl.And(rule, brl.CustomRule("l.source <> r.source", _DIALECT))


def settings(prior: float, cross_source_only: bool = False,
             chosen=CANDIDATE_RULES) -> SettingsCreator:
    """Complete Splink settings (dedupe over one table of mentions)."""
    return SettingsCreator(
        link_type="dedupe_only",
        unique_id_column_name="unique_id",
        comparisons=comparisons(),
        blocking_rules_to_generate_predictions=blocking_rules(chosen, cross_source_only),
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
