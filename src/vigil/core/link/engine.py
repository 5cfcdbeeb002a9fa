"""Run the linkage: score pairs with Splink, cluster them, respect human decisions.

:func:`link` is the entry point. Pairs scoring at or above ``threshold`` are linked
automatically; pairs inside ``review_band`` are returned for a researcher. Human
decisions (``fixed``) always win: a must-link pair is in one person whatever the
scores say, a cannot-link pair is never in one person, even through a chain of other
links (clusters are built greedily from the strongest link down, refusing any union that
would join a cannot-link pair).
"""

from __future__ import annotations

import gc
import logging
from collections.abc import Iterable, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from vigil.core.link import records as _records
from vigil.core.link.fragments import fragment_links
from vigil.core.link import settings as _settings

DUCKDB_MEMORY = "1500MB"  # DuckDB spills to the temp directory beyond this
MUST_LINK = "must_link"
CANNOT_LINK = "cannot_link"
PAIR_COLUMNS = ["mention_id_l", "mention_id_r", "match_probability", "match_weight"]


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
    pair at or above the review band's floor; ``review`` the undecided pairs inside the
    review band; ``decisions`` the human decisions that were applied.
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
    with _gc_paused():
        return _link(records, backend, threshold, review_band, as_decisions(fixed),
                     one_per_source, one_report_per_event, prior, blocking_budget,
                     fragments, spark)


@contextmanager
def _gc_paused():
    """Pause Python's cyclic garbage collector (restored on exit). Linkage allocates
    millions of small lists, tuples and dicts that hold no cycles; with the collector on,
    each collection walks them all again, which doubled the time of a 100,000-mention run."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _link(records, backend, threshold, review_band, decisions, one_per_source,
          one_report_per_event, prior, blocking_budget, fragments, spark) -> LinkResult:
    lo, hi = review_band
    frame = _records.prepare(records)[_SPLINK_COLUMNS + ["mention_id"]]
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
    from splink import Linker

    db_api = _db_api(backend, spark)
    table = db_api.register(_splink_table(frame, backend, spark))
    start = prior if prior is not None else _settings.prior(len(frame))
    chosen = _settings.choose_blocking(frame, blocking_budget)
    linker = Linker(table, _settings.settings(start, one_per_source, chosen),
                    log_level=logging.WARNING)
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
    pairs = _sorted_pairs(linker.misc.query_sql(sql, "pandas"))
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
    """The Splink database API for a backend name."""
    if backend == "duckdb":
        import tempfile

        import duckdb
        from splink import DuckDBAPI

        config = {"memory_limit": DUCKDB_MEMORY, "temp_directory": tempfile.gettempdir()}
        return DuckDBAPI(connection=duckdb.connect(config=config))
    if backend == "spark":
        from splink import SparkAPI

        if spark is None:
            raise ValueError("backend='spark' needs a SparkSession: link(..., spark=session)")
        return SparkAPI(spark_session=spark)
    raise ValueError(f"unknown backend {backend!r} (use 'duckdb' or 'spark')")


_SPLINK_COLUMNS = [
    "unique_id", "source", "given_key", "surname_key", "father_key", "given_sk",
    "surname_sk", "father_sk", "tokens_sk", "surname_prefix", "status_rank", "birth_y", "date_y2", "date_y2b", "date_lo", "date_hi", "date_y", "date_m", "date_d", "date_precision",
    "status", "age", "prison", "city", "province", "charges", "nationality", "sex",
]


_ARRAY_COLUMNS = ("tokens_sk", "charges")
_INT_COLUMNS = ("date_lo", "date_hi", "date_y", "date_m", "date_d", "age", "birth_y",
                "status_rank", "date_y2", "date_y2b")
_SPARK_SCHEMA = ", ".join(
    f"{c} {'array<string>' if c in _ARRAY_COLUMNS else 'bigint' if c in _INT_COLUMNS else 'string'}"
    for c in _SPLINK_COLUMNS)


def _splink_table(frame: pd.DataFrame, backend: str, spark=None):
    """The columns Splink needs, typed for the backend (Arrow for DuckDB)."""
    table = frame[_SPLINK_COLUMNS]
    if backend == "spark":
        return spark.createDataFrame(table.astype(object).where(table.notna(), None),
                                     schema=_SPARK_SCHEMA)
    import pyarrow as pa

    return pa.Table.from_pandas(table, preserve_index=False)


def _sorted_pairs(out: pd.DataFrame) -> pd.DataFrame:
    """Pairs with mention_id_l < mention_id_r and the standard column names."""
    left = out["unique_id_l"].astype(str)
    right = out["unique_id_r"].astype(str)
    swap = left > right
    pairs = pd.DataFrame({
        "mention_id_l": left.where(~swap, right),
        "mention_id_r": right.where(~swap, left),
        "match_probability": out["match_probability"].astype(float),
        "match_weight": out["match_weight"].astype(float),
    })
    return pairs.sort_values(["mention_id_l", "mention_id_r"]).reset_index(drop=True)


def cluster(mention_ids: Sequence[str], pairs: pd.DataFrame, threshold: float,
            decisions: Sequence[Decision] = (),
            sources: Mapping[str, str] | None = None,
            events: Mapping[str, tuple] | None = None,
            frame: pd.DataFrame | None = None) -> dict[str, str]:
    """mention_id -> person id, from links >= threshold and human decisions.

    Must-link decisions are applied first, then links from strongest to weakest; a
    union is refused when it would put a cannot-link pair (or, with ``sources``, two
    mentions with the same key, e.g. of one source) into one person, or (with ``events``, see
    :func:`history_events`) give one person two different dates for one status
    event or a later status dated well before an earlier one. Human must-links are not
    subject to that history check. With ``frame`` (the prepared mentions), clusters that
    are fragments of one person are then joined under the same rules
    (:func:`vigil.core.link.fragments.fragment_links`). Person ids are the smallest mention id of each
    person, prefixed with ``P:``; they are deterministic for a given input.
    """
    uf = _ConstrainedUnionFind(mention_ids, sources, events)
    for d in decisions:
        if d.kind == CANNOT_LINK:
            uf.forbid(*d.pair)
    for d in decisions:
        if d.kind == MUST_LINK and not uf.union(*d.pair, check_history=False):
            raise ValueError(f"must-link {d.pair} contradicts a cannot-link decision")
    strong = pairs[pairs["match_probability"] >= threshold]
    strong = strong.sort_values("match_probability", ascending=False, kind="stable")
    for a, b in zip(strong["mention_id_l"].tolist(), strong["mention_id_r"].tolist(),
                    strict=True):
        uf.union(a, b)
    if frame is not None:
        _join_fragments(uf, frame)
    return uf.labels()


def _join_fragments(uf: "_ConstrainedUnionFind", frame: pd.DataFrame) -> None:
    roots = pd.Series([uf.find(m) for m in frame["mention_id"].tolist()], index=frame.index)
    for a, b, _score in fragment_links(frame, roots):
        uf.union(a, b)


SAME_EVENT_DAYS = 7     # two dates of one status event may differ this much
ORDER_SLACK_DAYS = 30   # a later status may be dated this much before an earlier one


def history_events(frame: pd.DataFrame) -> dict[str, tuple]:
    """mention_id -> (status, rank, (date_lo, date_hi, y, m, d)) for dated mentions."""
    known = frame[frame["status"].notna() & frame["date_lo"].notna()]
    ranks = known["status_rank"].fillna(-1).astype(int)
    days = known["date_d"].astype("float").fillna(0).astype(int)
    months = known["date_m"].astype("float").fillna(0).astype(int)
    columns = [known["mention_id"], known["status"], ranks, known["date_lo"].astype(int),
               known["date_hi"].astype(int), known["date_y"].astype(int), months, days]
    return {m: (s, r, (lo, hi, y, mo, d)) for m, s, r, lo, hi, y, mo, d in zip(
        *(c.tolist() for c in columns), strict=True)}


def _same_event(a: tuple, b: tuple) -> bool:
    """Whether two dates (lo, hi, y, m, d) can be one event: within SAME_EVENT_DAYS
    beyond their precision, or the same day with day and month swapped or a month off."""
    if max(a[0] - b[1], b[0] - a[1]) <= SAME_EVENT_DAYS:
        return True
    if a[2] != b[2] or not (a[4] and b[4]):
        return False
    return (a[3] == b[4] and a[4] == b[3]) or (a[4] == b[4] and abs(a[3] - b[3]) == 1)


def _history_ok(a: dict, b: dict) -> bool:
    """Whether two partial histories (status -> (rank, dates)) can be one person's:
    each shared status one event, and statuses in order."""
    for status, (rank, dates) in b.items():
        if status in a and not all(_same_event(x, y) for x in dates for y in a[status][1]):
            return False
        lo, hi = min(d[0] for d in dates), max(d[1] for d in dates)
        for rank2, dates2 in a.values():
            if rank2 < 0 or rank < 0 or rank2 == rank:
                continue
            lo2, hi2 = min(d[0] for d in dates2), max(d[1] for d in dates2)
            if (rank < rank2 and lo > hi2 + ORDER_SLACK_DAYS) or (
                    rank2 < rank and lo2 > hi + ORDER_SLACK_DAYS):
                return False
    return True


def _merge_history(a: dict, b: dict) -> dict:
    out = dict(a)
    for status, (rank, dates) in b.items():
        old = out.get(status, (rank, ()))[1]
        out[status] = (rank, tuple(dict.fromkeys(old + dates))[:8])
    return out


class _ConstrainedUnionFind:
    """Union-find whose components carry cannot-link partners, source sets and the
    partial status history of the person they describe."""

    def __init__(self, items: Sequence[str], sources: Mapping[str, str] | None,
                 events: Mapping[str, tuple] | None = None):
        self.parent = {i: i for i in items}
        self.forbidden: dict[str, set[str]] = {}
        self.sources = {i: {sources[i]} for i in items} if sources else None
        self.events = events or {}
        self.history: dict[str, dict | None] = {}  # filled on first union (see _history)

    def _history(self, root: str) -> dict | None:
        """The partial status history of a component (its root's own event until the
        component first grows)."""
        if root in self.history:
            return self.history[root]
        event = self.events.get(root)
        return {event[0]: (event[1], (event[2],))} if event else None

    def find(self, x: str) -> str:
        root = x
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[x] != root:
            self.parent[x], x = root, self.parent[x]
        return root

    def forbid(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        self.forbidden.setdefault(ra, set()).add(rb)
        self.forbidden.setdefault(rb, set()).add(ra)

    def _allowed(self, ra: str, rb: str) -> bool:
        roots_a = {self.find(x) for x in self.forbidden.get(ra, ())}
        if rb in roots_a:
            return False
        return not (self.sources and self.sources[ra] & self.sources[rb])

    def union(self, a: str, b: str, check_history: bool = True) -> bool:
        """Join the components of a and b unless forbidden; True when joined."""
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return True
        if not self._allowed(ra, rb):
            return False
        ha, hb = self._history(ra), self._history(rb)
        if ha and hb and check_history and not _history_ok(ha, hb):
            return False
        merged = _merge_history(ha, hb) if ha and hb else (ha or hb)
        if ra > rb:
            ra, rb = rb, ra
        self.parent[rb] = ra
        if rb in self.forbidden:
            self.forbidden.setdefault(ra, set()).update(self.forbidden.pop(rb))
        if self.sources:
            self.sources[ra] |= self.sources.pop(rb)
        self.history.pop(rb, None)
        self.history[ra] = merged
        return True

    def labels(self) -> dict[str, str]:
        roots = {i: self.find(i) for i in self.parent}
        smallest: dict[str, str] = {}
        for item, root in roots.items():
            if root not in smallest or item < smallest[root]:
                smallest[root] = item
        return {item: "P:" + smallest[root] for item, root in roots.items()}
