"""Clusters of mentions from scored pairs, under human decisions and the one-history rule.

:func:`cluster` applies must-link decisions, then links from the strongest down, refusing
any union that would join a cannot-link pair, two mentions with the same exclusive key
(one source's rows) or two incompatible status histories (:func:`history_ok`). Mentions
are handled as integer positions in sorted-id order, so the root of a component is its
smallest mention id, which is also the person id ("P:" + smallest id).

Most components of the link graph need no step-by-step union: when every two dated
mentions of a component can be one person's (each pair passes the history check on its
own) and no decision or exclusive key is involved, every union inside it succeeds in any
order (a merged history fails the check only if some pair of its dates fails it), so the
component is joined at once (:func:`_easy_components`). The others are built greedily.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np
import pandas as pd
from scipy.sparse import coo_matrix
from scipy.sparse.csgraph import connected_components

from vigil.core.link.facts import Facts
from vigil.core.link.fragments import SAME_EVENT_DAYS, fragment_links

MUST_LINK = "must_link"
CANNOT_LINK = "cannot_link"
ORDER_SLACK_DAYS = 30   # a later status may be dated this much before an earlier one
MAX_DATES = 8           # dates kept per status in a component's history
EASY_MAX_DATED = 64     # larger components are built union by union


def cluster(mention_ids: Sequence[str], pairs: pd.DataFrame, threshold: float,
            decisions: Sequence = (), sources: Mapping[str, str] | None = None,
            events: pd.DataFrame | None = None,
            frame: pd.DataFrame | None = None) -> dict[str, str]:
    """mention_id -> person id, from links >= threshold and human decisions.

    Must-link decisions are applied first, then links from strongest to weakest; a
    union is refused when it would put a cannot-link pair (or, with ``sources``, two
    mentions with the same key, e.g. of one source) into one person, or (with ``events``,
    see :func:`history_events`) give one person two different dates for one status
    event or a later status dated well before an earlier one. Human must-links are not
    subject to that history check. With ``frame`` (the prepared mentions), clusters that
    are fragments of one person are then joined under the same rules
    (:func:`vigil.core.link.fragments.fragment_links`). Person ids are the smallest mention
    id of each person, prefixed with ``P:``; they are deterministic for a given input.
    """
    ids = _Ids(mention_ids)
    rows = ids.positions(frame["mention_id"]) if frame is not None else None
    uf = _ConstrainedUnionFind(ids, sources, events, Facts.of(rows, frame, len(ids.sorted)))
    left, right = _strong_links(ids, pairs, threshold)
    marked = ids.positions([m for d in decisions for m in d.pair])
    hard = _easy_components(uf, left, right, marked)
    _apply_decisions(uf, decisions)
    for a, b in zip(left[hard].tolist(), right[hard].tolist(), strict=True):
        uf.union(a, b)
    if frame is not None:
        _join_fragments(uf, frame, rows)
    return uf.labels()


class _Ids:
    """Mention ids <-> integer positions in sorted order."""

    def __init__(self, mention_ids: Sequence[str]):
        self.given = _objects(mention_ids)
        order = np.argsort(self.given, kind="stable")
        self.sorted = self.given[order]
        self.rank = np.empty(len(order), dtype=np.int64)  # position of each given id
        self.rank[order] = np.arange(len(order))
        self._index: pd.Index | None = None

    def positions(self, values) -> np.ndarray:
        """Positions of mention ids; KeyError for an id that is not among them."""
        values = _objects(values)
        if len(values) == len(self.given) and (values == self.given).all():
            return self.rank
        if self._index is None:
            self._index = pd.Index(self.sorted)
        out = self._index.get_indexer(values)
        if (out < 0).any():
            raise KeyError(f"unknown mention id {values[int(np.argmax(out < 0))]!r}")
        return out


def _objects(values) -> np.ndarray:
    if hasattr(values, "to_numpy"):
        return values.to_numpy(dtype=object)
    return values if isinstance(values, np.ndarray) and values.dtype == object \
        else np.array(list(values), dtype=object)


def _strong_links(ids: _Ids, pairs: pd.DataFrame, threshold: float):
    """(left, right) positions of the pairs >= threshold, strongest first (stable).
    Pairs from :func:`vigil.core.link.engine.score_pairs` carry the positions (i_l, i_r)."""
    p = pairs["match_probability"].to_numpy(dtype=float)
    strong = np.flatnonzero(p >= threshold)
    strong = strong[np.argsort(-p[strong], kind="stable")]
    if "i_l" in pairs and _same_ids(ids, pairs):
        return pairs["i_l"].to_numpy(np.int64)[strong], pairs["i_r"].to_numpy(np.int64)[strong]
    return (ids.positions(pairs["mention_id_l"].to_numpy(dtype=object)[strong]),
            ids.positions(pairs["mention_id_r"].to_numpy(dtype=object)[strong]))


def _same_ids(ids: _Ids, pairs: pd.DataFrame) -> bool:
    """Whether the pairs' positions (i_l, i_r) are positions among these ids."""
    n = len(ids.sorted)
    left, right = pairs["i_l"].to_numpy(np.int64), pairs["i_r"].to_numpy(np.int64)
    if len(left) and (min(left.min(), right.min()) < 0 or max(left.max(), right.max()) >= n):
        return False
    return bool((ids.sorted[left] == pairs["mention_id_l"].to_numpy(dtype=object)).all()
                and (ids.sorted[right] == pairs["mention_id_r"].to_numpy(dtype=object)).all())


def _apply_decisions(uf: "_ConstrainedUnionFind", decisions: Sequence) -> None:
    for d in decisions:
        if d.kind == CANNOT_LINK:
            uf.forbid(*uf.ids.positions(d.pair).tolist())
    for d in decisions:
        if d.kind == MUST_LINK and not uf.union(*uf.ids.positions(d.pair).tolist(),
                                                check_history=False):
            raise ValueError(f"must-link {d.pair} contradicts a cannot-link decision")


def _easy_components(uf: "_ConstrainedUnionFind", left: np.ndarray, right: np.ndarray,
                     marked: np.ndarray) -> np.ndarray:
    """Join every component of the links whose unions all succeed in any order; return
    the mask of links left for the union-by-union pass."""
    n = len(uf.parent)
    graph = coo_matrix((np.ones(len(left), dtype=np.int8), (left, right)), shape=(n, n))
    _, comp = connected_components(graph, directed=False)
    linked = np.zeros(n, dtype=bool)
    linked[left], linked[right] = True, True
    bad = np.zeros(comp.max() + 1 if n else 0, dtype=bool)
    bad[comp[marked]] = True
    bad |= _duplicate_keys(uf.keys, comp, linked, len(bad))
    bad |= _history_conflicts(uf.event_table, comp, len(bad))
    bad |= uf.facts.conflicts(comp, np.flatnonzero(linked), len(bad))
    easy = linked & ~bad[comp]
    root = np.full(len(bad), n, dtype=np.int64)
    np.minimum.at(root, comp[easy], np.flatnonzero(easy))
    uf.adopt(np.flatnonzero(easy), root[comp[easy]])
    uf.facts.adopt(np.flatnonzero(easy), root[comp[easy]])
    return bad[comp[left]]


def _duplicate_keys(keys: np.ndarray | None, comp: np.ndarray, linked: np.ndarray,
                    size: int) -> np.ndarray:
    """Components in which two mentions share an exclusive key."""
    bad = np.zeros(size, dtype=bool)
    if keys is not None:
        both = pd.DataFrame({"c": comp[linked], "k": keys[linked]})
        bad[both.loc[both.duplicated(), "c"].to_numpy()] = True
    return bad


def _history_conflicts(table: pd.DataFrame, comp: np.ndarray, size: int) -> np.ndarray:
    """Components with a pair of dated mentions that cannot be one person's history,
    more than MAX_DATES dates of one status, or more than EASY_MAX_DATED dated mentions."""
    bad = np.zeros(size, dtype=bool)
    dated = table.drop(columns="status").assign(c=comp[table["i"].to_numpy()])
    counts = np.bincount(dated["c"].to_numpy(), minlength=size)[dated["c"].to_numpy()]
    bad[dated.loc[counts > EASY_MAX_DATED, "c"].to_numpy()] = True
    dated = dated[(counts > 1) & (counts <= EASY_MAX_DATED)]
    dates = dated.drop_duplicates(["c", "s", "lo", "hi", "y", "m", "d"])
    per_status = dates.groupby(["c", "s"])["i"].transform("size")
    bad[dates.loc[per_status > MAX_DATES, "c"].to_numpy()] = True
    both = dated.merge(dated, on="c", suffixes=("_a", "_b"))
    both = both[both["i_a"] < both["i_b"]]
    bad[both.loc[~_pair_ok(both), "c"].to_numpy()] = True
    return bad


def _pair_ok(p: pd.DataFrame) -> np.ndarray:
    """history_ok of two single events, vectorised over the columns *_a and *_b."""
    col = {k: p[k].to_numpy() for k in p.columns}
    same_status = col["s_a"] == col["s_b"]
    gap = np.maximum(col["lo_a"] - col["hi_b"], col["lo_b"] - col["hi_a"])
    days = (col["d_a"] > 0) & (col["d_b"] > 0) & (col["y_a"] == col["y_b"])
    swapped = (col["m_a"] == col["d_b"]) & (col["d_a"] == col["m_b"])
    month_off = (col["d_a"] == col["d_b"]) & (np.abs(col["m_a"] - col["m_b"]) == 1)
    same_event = (gap <= SAME_EVENT_DAYS) | (days & (swapped | month_off))
    ra, rb = col["rank_a"], col["rank_b"]
    ordered = (ra < 0) | (rb < 0) | (ra == rb) | ~(
        ((ra < rb) & (col["lo_a"] > col["hi_b"] + ORDER_SLACK_DAYS))
        | ((rb < ra) & (col["lo_b"] > col["hi_a"] + ORDER_SLACK_DAYS)))
    return np.where(same_status, same_event, ordered)


def _join_fragments(uf: "_ConstrainedUnionFind", frame: pd.DataFrame,
                    rows: np.ndarray) -> None:
    """Offer fragment_links to the union-find; ``rows``: each frame row's position."""
    roots = pd.Series(uf.roots()[rows], index=frame.index)
    for a, b, _ in fragment_links(frame, roots):
        uf.union(int(a), int(b))


EVENT_COLUMNS = ["status", "rank", "lo", "hi", "y", "m", "d"]


def history_events(frame: pd.DataFrame) -> pd.DataFrame:
    """The status events of dated mentions: one row per mention with a status and a date
    (mention_id, status, rank, date_lo as lo, date_hi as hi, y, m, d; 0 for no m/d; row,
    the mention's position in ``frame``)."""
    dated = (frame["status"].notna() & frame["date_lo"].notna()).to_numpy()
    known = frame[dated]
    return pd.DataFrame({
        "mention_id": known["mention_id"].to_numpy(), "status": known["status"].to_numpy(),
        "rank": known["status_rank"].fillna(-1).astype(int).to_numpy(),
        "lo": known["date_lo"].astype(int).to_numpy(),
        "hi": known["date_hi"].astype(int).to_numpy(),
        "y": known["date_y"].astype(int).to_numpy(),
        "m": known["date_m"].astype("float").fillna(0).astype(int).to_numpy(),
        "d": known["date_d"].astype("float").fillna(0).astype(int).to_numpy(),
        "row": np.flatnonzero(dated)})


def _positioned(ids: _Ids, events: pd.DataFrame | None) -> pd.DataFrame:
    """The event table with i (the mention's position) instead of mention_id, and s, a
    small integer code of the status."""
    if events is None or events.empty:
        return pd.DataFrame({"i": pd.Series(dtype=np.int64), "status": pd.Series(dtype=object),
                             "s": pd.Series(dtype=np.int64)}
                            | {c: pd.Series(dtype=np.int64) for c in EVENT_COLUMNS[1:]})
    table = events.assign(i=_event_positions(ids, events),
                          s=pd.factorize(events["status"])[0])
    return table[["i", "s"] + EVENT_COLUMNS].sort_values("i").reset_index(drop=True)


def _event_positions(ids: _Ids, events: pd.DataFrame) -> np.ndarray:
    """Positions of the events' mentions; from their rows when ``events`` was built from
    the frame whose mention ids these are (checked), else by looking the ids up."""
    if "row" in events:
        rows = events["row"].to_numpy(np.int64)
        if len(rows) and rows.max() < len(ids.given) and (
                ids.given[rows] == events["mention_id"].to_numpy(dtype=object)).all():
            return ids.rank[rows]
    return ids.positions(events["mention_id"])


class _Events:
    """position -> (status, rank, (lo, hi, y, m, d)) or None, built when first asked."""

    def __init__(self, table: pd.DataFrame, n: int):
        row = np.full(n, -1, dtype=np.int64)
        row[table["i"].to_numpy()] = np.arange(len(table))
        self.row = row.tolist()
        self.columns = [table[c].tolist() for c in EVENT_COLUMNS]

    def get(self, i: int) -> tuple | None:
        row = self.row[i]
        if row < 0:
            return None
        status, rank, lo, hi, y, m, d = self.columns
        return status[row], rank[row], (lo[row], hi[row], y[row], m[row], d[row])


def _same_event(a: tuple, b: tuple) -> bool:
    """Whether two dates (lo, hi, y, m, d) can be one event: within SAME_EVENT_DAYS
    beyond their precision, or the same day with day and month swapped or a month off."""
    if max(a[0] - b[1], b[0] - a[1]) <= SAME_EVENT_DAYS:
        return True
    if a[2] != b[2] or not (a[4] and b[4]):
        return False
    return (a[3] == b[4] and a[4] == b[3]) or (a[4] == b[4] and abs(a[3] - b[3]) == 1)


def history_ok(a: dict, b: dict) -> bool:
    """Whether two partial histories (status -> (rank, dates)) can be one person's:
    each shared status one event, and statuses in order. A date reported for one status
    that is also the date of another status of the same person (a report that named the
    wrong step: "executed" on the day of the transfer) does not count against a union."""
    if _strict_history_ok(a, b):
        return True
    misnamed = _misnamed_spans(a, b)
    return bool(misnamed) and _strict_history_ok(*(_without(h, misnamed) for h in (a, b)))


def _misnamed_spans(a: dict, b: dict) -> set:
    """(status, lo, hi) of the dates in a or b that are also dates of another status."""
    statuses: dict[tuple, set] = {}
    for h in (a, b):
        for status, (_, dates) in h.items():
            for d in dates:
                statuses.setdefault(d[:2], set()).add(status)
    return {(s,) + span for span, ss in statuses.items() if len(ss) > 1 for s in ss}


def _without(h: dict, misnamed: set) -> dict:
    """``h`` without the dates whose (status, lo, hi) is in ``misnamed``."""
    out = {}
    for status, (rank, dates) in h.items():
        kept = tuple(d for d in dates if (status,) + d[:2] not in misnamed)
        if kept:
            out[status] = (rank, kept)
    return out


def _strict_history_ok(a: dict, b: dict) -> bool:
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
        out[status] = (rank, tuple(dict.fromkeys(old + dates))[:MAX_DATES])
    return out


class _ConstrainedUnionFind:
    """Union-find over mention positions whose components carry cannot-link partners,
    exclusive keys and the partial status history of the person they describe."""

    def __init__(self, ids: _Ids, sources: Mapping[str, str] | None,
                 events: pd.DataFrame | None = None, facts: Facts | None = None):
        self.ids = ids
        self.facts = facts or Facts.of(None, None, len(ids.sorted))
        self.parent = list(range(len(ids.sorted)))
        self.forbidden: dict[int, set[int]] = {}
        self.keys = np.array([sources[m] for m in ids.sorted], dtype=object) \
            if sources else None
        self.key_sets: dict[int, set] = {}
        self.event_table = _positioned(ids, events)
        self.events = _Events(self.event_table, len(ids.sorted))
        self.history: dict[int, dict | None] = {}  # filled on first union (see _history)
        self.members: dict[int, np.ndarray] = {}   # components joined at once

    def adopt(self, members: np.ndarray, roots: np.ndarray) -> None:
        """Join whole components at once: each member's parent becomes its root."""
        parent = np.asarray(self.parent)
        parent[members] = roots
        self.parent = parent.tolist()
        if self.keys is not None:
            for member, root in zip(members.tolist(), roots.tolist(), strict=True):
                self.key_sets.setdefault(root, set()).add(self.keys[member])
        order = np.argsort(roots, kind="stable")
        roots, members = roots[order], members[order]
        starts = np.flatnonzero(np.r_[True, roots[1:] != roots[:-1]]) if len(roots) else []
        for start, end in zip(starts, list(starts[1:]) + [len(roots)]):
            self.members[int(roots[start])] = members[start:end]

    def _history(self, root: int) -> dict | None:
        """The partial status history of a component (its root's own event until the
        component first grows)."""
        if root in self.history:
            return self.history[root]
        if root in self.members:
            merged = None
            for i in self.members.pop(root).tolist():
                one = self._own_history(i)
                if one:
                    merged = _merge_history(merged, one) if merged else one
            self.history[root] = merged
            return merged
        return self._own_history(root)

    def _own_history(self, i: int) -> dict | None:
        """The one-event history of mention ``i`` (None when it has no dated status)."""
        event = self.events.get(i)
        return {event[0]: (event[1], (event[2],))} if event else None

    def find(self, x: int) -> int:
        parent = self.parent
        root = x
        while parent[root] != root:
            root = parent[root]
        while parent[x] != root:
            parent[x], x = root, parent[x]
        return root

    def roots(self) -> np.ndarray:
        """The root of every position (vectorised find)."""
        parent = np.asarray(self.parent)
        while True:
            up = parent[parent]
            if np.array_equal(up, parent):
                return parent
            parent = up

    def forbid(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        self.forbidden.setdefault(ra, set()).add(rb)
        self.forbidden.setdefault(rb, set()).add(ra)

    def _key_set(self, root: int) -> set:
        out = self.key_sets.get(root)
        return out if out is not None else {self.keys[root]}

    def _allowed(self, ra: int, rb: int) -> bool:
        if ra in self.forbidden and rb in {self.find(x) for x in self.forbidden[ra]}:
            return False
        return self.keys is None or not (self._key_set(ra) & self._key_set(rb))

    def union(self, a: int, b: int, check_history: bool = True) -> bool:
        """Join the components of a and b unless forbidden; True when joined."""
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return True
        if not self._allowed(ra, rb):
            return False
        ha, hb = self._history(ra), self._history(rb)
        if ha and hb and check_history and not history_ok(ha, hb):
            return False
        if ra > rb:
            ra, rb = rb, ra
        if not self.facts.join(ra, rb, force=not check_history):
            return False
        merged = _merge_history(ha, hb) if ha and hb else (ha or hb)
        self.parent[rb] = ra
        if rb in self.forbidden:
            self.forbidden.setdefault(ra, set()).update(self.forbidden.pop(rb))
        if self.keys is not None:
            self.key_sets[ra] = self._key_set(ra) | self.key_sets.pop(rb, {self.keys[rb]})
        self.history.pop(rb, None)
        self.history[ra] = merged
        return True

    def labels(self) -> dict[str, str]:
        """mention_id -> "P:" + the smallest mention id of its component."""
        roots = self.ids.sorted[self.roots()[self.ids.rank]]
        return dict(zip(self.ids.given.tolist(), ("P:" + roots).tolist(), strict=True))
