"""Run the linkage: score pairs with Splink, cluster them, respect human decisions.

:func:`link` is the entry point. Pairs scoring at or above ``threshold`` are linked
automatically; pairs inside ``review_band`` are returned for a researcher. Human
decisions (``fixed``) always win: a must-link pair is in one person whatever the
scores say, a cannot-link pair is never in one person, even through a chain of other
links (clusters are built greedily from the strongest link down, refusing any union that
would join a cannot-link pair).
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from vigil.core.collector import gc_paused
from vigil.core.link import blocking as _blocking
from vigil.core.link import facts as _facts
from vigil.core.link import records as _records
from vigil.core.link.clustering import CANNOT_LINK, MUST_LINK, cluster, history_events
from vigil.core.link import settings as _settings

DUCKDB_MEMORY = "1500MB"  # DuckDB spills to the temp directory beyond this
PAIR_COLUMNS = ["mention_id_l", "mention_id_r", "match_probability", "match_weight",
                "i_l", "i_r"]


@dataclass(frozen=True)
class Decision:
    """A researcher's decision on a pair of mentions; automatic runs never undo it."""

    a: str
    b: str
    kind: str  # MUST_LINK or CANNOT_LINK
    author: str | None = None
    reason: str | None = None

    def __post_init__(self):
        if self.kind not in (MUST_LINK, CANNOT_LINK):
            raise ValueError(f"decision kind must be {MUST_LINK!r} or {CANNOT_LINK!r}")

    @property
    def pair(self) -> tuple[str, str]:
        """The two mention ids in sorted order."""
        return tuple(sorted((str(self.a), str(self.b))))


@dataclass
class LinkResult:
    """Output of :func:`link`.

    ``clusters`` maps every mention_id to its person id; ``pairs`` holds every scored
    pair at or above the review band's floor (mention_id_l < mention_id_r, match
    probability and weight, and i_l / i_r, the ids' positions in sorted order);
    ``review`` the undecided pairs inside the review band; ``decisions`` the human
    decisions that were applied.
    """

    clusters: dict[str, str]
    pairs: pd.DataFrame
    review: pd.DataFrame
    threshold: float
    review_band: tuple[float, float]
    decisions: list[Decision] = field(default_factory=list)
    constraints: tuple = field(default=(), repr=False)

    def recluster(self, threshold: float) -> dict[str, str]:
        """Clusters for another threshold, with the same decisions and constraints."""
        ids, keys, events, frame = self.constraints
        return cluster(ids, self.pairs, threshold, self.decisions, keys, events, frame)

    def persons(self) -> dict[str, list[str]]:
        """person id -> sorted mention ids."""
        out: dict[str, list[str]] = {}
        for mention, person in sorted(self.clusters.items()):
            out.setdefault(person, []).append(mention)
        return out

    def linked_pairs(self) -> set[tuple[str, str]]:
        """Every pair of mentions (sorted ids) that ended up in the same person."""
        out = set()
        for members in self.persons().values():
            out |= {(a, b) for i, a in enumerate(members) for b in members[i + 1:]}
        return out


def as_decisions(fixed: Iterable) -> list[Decision]:
    """Decisions from Decision objects, dicts or (a, b, kind) tuples."""
    out = []
    for item in fixed:
        if isinstance(item, Decision):
            out.append(item)
        elif isinstance(item, Mapping):
            out.append(Decision(**item))
        else:
            out.append(Decision(*item))
    return out


def link(
    records: Iterable[Mapping] | pd.DataFrame,
    *,
    backend: str = "duckdb",
    threshold: float = 0.5,
    review_band: tuple[float, float] = (0.1, 0.5),
    fixed: Sequence = (),
    one_per_source: bool = False,
    one_report_per_event: bool = False,
    prior: float | None = None,
    blocking_budget: int | None = None,
    fragments: bool = True,
    spark=None,
) -> LinkResult:
    """Link person-mentions into persons.

    ``records``: dicts or a DataFrame in the shape of :mod:`vigil.core.link.records`.
    ``threshold``: match probability at or above which a pair is linked automatically.
    ``review_band``: ``(lo, hi)``; undecided pairs with ``lo <= p < hi`` are queued.
    ``fixed``: human decisions (:class:`Decision`, dicts or ``(a, b, kind)`` tuples).
    ``one_per_source``: each source is a list of distinct people (no two mentions of
    one source are ever the same person), as for official execution lists.
    ``one_report_per_event``: a source reports each status event of a person at most
    once (true of monitors' databases, not of a stream of news articles).
    ``prior``: probability that two random mentions match (default: estimated).
    ``blocking_budget``: most candidate pairs to score (default 20 x records).
    ``fragments``: after the pairwise pass, join clusters that are fragments of one
    person (:mod:`vigil.core.link.fragments`).
    ``backend``: ``"duckdb"`` or ``"spark"`` (then pass ``spark``, a SparkSession).
    """
    with gc_paused():
        return _link(records, backend, threshold, review_band, as_decisions(fixed),
                     one_per_source, one_report_per_event, prior, blocking_budget,
                     fragments, spark)


def _link(records, backend, threshold, review_band, decisions, one_per_source,
          one_report_per_event, prior, blocking_budget, fragments, spark) -> LinkResult:
    lo, hi = review_band
    frame = _records.prepare(records)[_SPLINK_COLUMNS + _CLUSTER_COLUMNS]
    pairs = score_pairs(frame, floor=min(lo, threshold), backend=backend,
                        one_per_source=one_per_source, prior=prior, spark=spark,
                        blocking_budget=blocking_budget)
    constraints = (frame["mention_id"].tolist(),
                   _exclusive_keys(frame, one_per_source, one_report_per_event),
                   history_events(frame), frame if fragments else None)
    clusters = cluster(constraints[0], pairs, threshold, decisions, *constraints[1:])
    decided = {d.pair for d in decisions}
    in_band = (pairs["match_probability"] >= lo) & (pairs["match_probability"] < hi)
    undecided = np.ones(len(pairs), dtype=bool)
    if decided:
        keys = zip(pairs["mention_id_l"].tolist(), pairs["mention_id_r"].tolist(), strict=True)
        undecided = np.array([k not in decided for k in keys], dtype=bool)
    review = pairs[in_band & undecided].sort_values("match_probability", ascending=False)
    return LinkResult(clusters, pairs, review.reset_index(drop=True), threshold,
                      (lo, hi), decisions, constraints)


def _exclusive_keys(frame: pd.DataFrame, one_per_source: bool,
                    one_report_per_event: bool) -> dict[str, str] | None:
    """mention_id -> key that no two mentions of one person may share, or None."""
    ids = frame["mention_id"].tolist()
    if one_per_source:
        return dict(zip(ids, frame["source"].tolist(), strict=True))
    if one_report_per_event:
        keys = frame["source"] + "|" + frame["status"].fillna("?")
        return dict(zip(ids, keys.tolist(), strict=True))
    return None


def score_pairs(frame: pd.DataFrame, *, floor: float, backend: str = "duckdb",
                one_per_source: bool = False, prior: float | None = None,
                spark=None, blocking_budget: int | None = None) -> pd.DataFrame:
    """Scored candidate pairs (probability >= floor) of a prepared frame, ids sorted.

    With ``prior=None`` the prior match probability is estimated from the data: Splink
    scores the blocked pairs once, then the prior is set to the expected number of
    matches among them over the number of possible pairs, until it settles.
    """
    if len(frame) < 2:
        return pd.DataFrame(columns=PAIR_COLUMNS)
    db_api, connection = _db_api(backend, spark)
    try:
        return _score(db_api, frame, floor, backend, one_per_source, prior, spark,
                      blocking_budget)
    finally:  # the linker holds reference cycles: free DuckDB's memory now, not at a GC
        if connection is not None:
            connection.close()


def _score(db_api, frame: pd.DataFrame, floor: float, backend: str, one_per_source: bool,
           prior: float | None, spark, blocking_budget: int | None) -> pd.DataFrame:
    from splink import Linker

    sorted_ids, rank, table = _splink_table(frame, backend, spark)
    table = db_api.register(table)
    start = prior if prior is not None else _settings.prior(len(frame))
    codes = _blocking.ColumnCodes(frame)
    chosen = _blocking.choose_blocking(frame, blocking_budget, codes)
    linker = Linker(table, _settings.settings(start, one_per_source, chosen),
                    log_level=logging.WARNING)
    if backend == "duckdb":  # Splink scores the pairs blocking.py builds
        pairs = _blocking.blocked_pairs(frame, chosen, one_per_source, codes)
        linker.table_management.register_blocked_pairs_for_predict(
            db_api.register(_join_key_table(pairs, rank)))
    keep = _settings.match_weight(min(floor, 0.5)) - (0 if prior is not None else 12)
    predicted = linker.inference.predict(threshold_match_weight=keep, warning_mode="never")
    table_name = predicted.physical_name
    final = start
    if prior is None:  # only the weights travel to Python for the estimate
        weights = linker.misc.query_sql(f"SELECT match_weight FROM {table_name}", "pandas")
        final = estimate_prior(weights["match_weight"].to_numpy(dtype=float), start,
                               _possible_pairs(frame, one_per_source))
        del weights
    cut = _settings.match_weight(floor) + _settings.match_weight(start) \
        - _settings.match_weight(final)
    sql = (f"SELECT unique_id_l, unique_id_r, match_weight, match_probability "
           f"FROM {table_name} WHERE match_weight >= {cut}")
    pairs = _sorted_pairs(linker.misc.query_sql(sql, "pandas"), sorted_ids)
    if prior is None:
        _reweight(pairs, start, final)
    return pairs[pairs["match_probability"] >= floor].reset_index(drop=True)


def _possible_pairs(frame: pd.DataFrame, one_per_source: bool) -> float:
    """Number of pairs that could be matches (across sources only if one_per_source)."""
    n = len(frame)
    total = n * (n - 1) / 2
    if one_per_source:
        sizes = frame["source"].value_counts().to_numpy(dtype=float)
        total -= float((sizes * (sizes - 1) / 2).sum())
    return max(total, 1.0)


def estimate_prior(weights: np.ndarray, start: float, possible: float,
                   iterations: int = 50) -> float:
    """Prior match probability consistent with the scored pairs: the expected number of
    matches among them (sum of their probabilities) over the possible pairs."""
    bayes = weights - _settings.match_weight(start)  # log2 Bayes factors without prior
    prior = start
    for _ in range(iterations):
        odds = np.exp2(np.clip(bayes + _settings.match_weight(prior), -60, 60))
        new = min(max(float((odds / (1 + odds)).sum()) / possible, 1e-12), 0.5)
        if abs(new - prior) <= 1e-3 * prior:
            return new
        prior = new
    return prior


def _reweight(pairs: pd.DataFrame, old: float, new: float) -> None:
    """Recompute match weights and probabilities for a new prior, in place."""
    weights = pairs["match_weight"] - _settings.match_weight(old) + _settings.match_weight(new)
    pairs["match_weight"] = weights
    pairs["match_probability"] = 1 / (1 + np.exp2(-weights.to_numpy()))


def _db_api(backend: str, spark):
    """(The Splink database API for a backend name, the DuckDB connection or None)."""
    if backend == "duckdb":
        import tempfile

        import duckdb
        from splink import DuckDBAPI

        config = {"memory_limit": DUCKDB_MEMORY, "temp_directory": tempfile.gettempdir()}
        connection = duckdb.connect(config=config)
        return DuckDBAPI(connection=connection), connection
    if backend == "spark":
        from splink import SparkAPI

        if spark is None:
            raise ValueError("backend='spark' needs a SparkSession: link(..., spark=session)")
        return SparkAPI(spark_session=spark), None
    raise ValueError(f"unknown backend {backend!r} (use 'duckdb' or 'spark')")


_SPLINK_COLUMNS = [
    "unique_id", "source", "given_key", "surname_key", "father_key", "given_sk",
    "surname_sk", "father_sk", "given_lk", "surname_lk", "tokens_sk", "surname_prefix",
    "status_rank", "birth_y", "date_y2", "date_y2b", "date_lo", "date_hi", "date_y", "date_m",
    "date_d", "date_precision",
    "status", "age", "prison", "city", "province", "charges", "nationality", "sex",
]
# columns the clustering reads besides Splink's: the facts a person has one of
_CLUSTER_COLUMNS = ["mention_id"] + [c for c in _facts.COLUMNS if c not in _SPLINK_COLUMNS]


_ARRAY_COLUMNS = ("tokens_sk", "charges")
_INT_COLUMNS = ("unique_id", "date_lo", "date_hi", "date_y", "date_m", "date_d", "age", "birth_y",
                "status_rank", "date_y2", "date_y2b")
_SPARK_SCHEMA = ", ".join(
    f"{c} {'array<string>' if c in _ARRAY_COLUMNS else 'bigint' if c in _INT_COLUMNS else 'string'}"
    for c in _SPLINK_COLUMNS)


def _splink_table(frame: pd.DataFrame, backend: str, spark=None):
    """(mention ids in sorted order, each row's unique_id, the columns Splink needs typed
    for the backend (Arrow for DuckDB)). Splink's unique_id is the position of the
    mention id in sorted order: integers join and compare faster than strings, in the
    same order."""
    ids = frame["mention_id"].to_numpy(dtype=object)
    order = np.argsort(ids, kind="stable")
    rank = np.empty(len(ids), dtype=np.int64)
    rank[order] = np.arange(len(ids))
    table = frame[_SPLINK_COLUMNS].assign(unique_id=rank)
    return ids[order], rank, _typed_table(table, backend, spark)


def _join_key_table(pairs: pd.DataFrame, rank: np.ndarray):
    """Blocked pairs (row positions) as the Arrow table Splink takes for predict():
    match_key, join_key_l < join_key_r (unique ids)."""
    import pyarrow as pa

    left, right = rank[pairs["left"].to_numpy()], rank[pairs["right"].to_numpy()]
    keys = pairs["match_key"].to_numpy()
    return pa.table({
        "match_key": pa.DictionaryArray.from_arrays(
            keys, pa.array([str(k) for k in range(int(keys.max(initial=0)) + 1)])),
        "join_key_l": np.minimum(left, right), "join_key_r": np.maximum(left, right)})


def _typed_table(table: pd.DataFrame, backend: str, spark=None):
    if backend == "spark":
        return spark.createDataFrame(table.astype(object).where(table.notna(), None),
                                     schema=_SPARK_SCHEMA)
    import pyarrow as pa

    return pa.Table.from_pandas(table, preserve_index=False)


def _sorted_pairs(out: pd.DataFrame, sorted_ids: np.ndarray) -> pd.DataFrame:
    """Pairs with mention_id_l < mention_id_r, in that order, with the standard column
    names; ``i_l``/``i_r`` are the ids' positions in ``sorted_ids`` (the clustering uses
    them rather than looking the ids up again)."""
    left = out["unique_id_l"].to_numpy(dtype=np.int64)
    right = out["unique_id_r"].to_numpy(dtype=np.int64)
    left, right = np.minimum(left, right), np.maximum(left, right)
    order = np.lexsort((right, left))
    return pd.DataFrame({
        "mention_id_l": sorted_ids[left[order]],
        "mention_id_r": sorted_ids[right[order]],
        "match_probability": out["match_probability"].to_numpy(dtype=float)[order],
        "match_weight": out["match_weight"].to_numpy(dtype=float)[order],
        "i_l": left[order], "i_r": right[order],
    })
