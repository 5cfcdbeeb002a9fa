"""Second pass: join fragments of one person that the pairwise pass left apart.

The pairwise pass links mentions that share a status event (same day, same names) well,
but a person's sentencing and execution, years apart and reported by different
sources, often have no single pair of mentions strong enough to link them. Here each
cluster of the first pass becomes a *profile* holding everything its mentions know
(name keys, prison, province, father's name, implied birth year, charges, sex, dates),
and clusters that share a cross-script name key are compared as wholes: each shared or
conflicting fact adds or subtracts evidence (log2 Bayes factors, ``WEIGHTS``), starting
from the odds that two clusters bearing that name are one person (one over the number
of other clusters bearing it). A shared charge weighs by its rarity, as Splink's
term-frequency adjustment does for names: half of all cases carry a drug charge, so
sharing it says little, while sharing a rape or moharebeh charge says much (log2 of
``CHARGE_AGREE`` over the share of clusters carrying the rarest shared charge, within
``charge_common_min`` .. ``charge_common_max``). Their dated status events are evidence
too: a status event both report (the same status within ``SAME_EVENT_DAYS``) speaks for
one person, so does a later step following an earlier one within ``ORDERED_DAYS`` (a
sentence upheld months after it was passed), and events more than ``FAR_DAYS`` apart
(about three years: the pairwise comparison's "next status within 3 years") against.
Pairs scoring at least ``MIN_SCORE`` are offered to the clustering, strongest first,
which still refuses unions that break a human decision, a source's exclusivity or a
person's status history.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from vigil.core.link.facts import per_list

MIN_SCORE = -2.0      # odds of 1 to 4 will do: the clustering's facts and history rules
                      # refuse the joins whose clusters conflict
SAME_EVENT_DAYS = 7   # two dates of one status event may differ this much (also the
                      # clustering's history rule)
FAR_DAYS = 1100
ORDERED_DAYS = 365    # a later step this soon after an earlier one: evidence for
CHARGE_AGREE = 0.8    # share of one person's cluster pairs, both with charges, sharing one
MAX_GROUP = 60        # clusters per name key compared all against all; larger groups
                      # are compared only within one prison or province
WEIGHTS = {
    "prison_same": 3.5, "prison_diff": -6.0, "province_same": 1.5, "province_diff": -5.0,
    "father_same": 4.0, "father_diff": -6.0, "birth_close": 3.0, "birth_near": 0.5,
    "birth_far": -6.0, "charge_common_min": 0.5, "charge_common_max": 5.0,
    "charge_none": -2.5, "sex_diff": -30.0, "years_apart": -5.0, "nationality_diff": -4.0,
    "same_event": 3.0, "ordered": 1.0,
}
_FACTS = ["prison", "province", "father_sk", "sex", "nationality"]
_NUMBERS = ["birth_y", "date_lo"]


def profiles(frame: pd.DataFrame, roots: pd.Series) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(facts per cluster root, one row per (root, given, surname) name key: the loose
    cross-script keys given_lk and surname_lk, so that Kazimi and کاظمی meet).

    Text facts are held as integer codes (as floats, NaN where missing): the comparisons
    only ask whether two values are equal."""
    group, labels = pd.factorize(roots.to_numpy())
    df = pd.DataFrame({"root": group} | {c: _codes(frame[c]) for c in _FACTS}
                      | {"given": _codes(frame["given_lk"]),
                         "surname": _codes(frame["surname_lk"])}
                      | {c: frame[c].to_numpy(dtype=float, na_value=np.nan) for c in _NUMBERS})
    keys = df.dropna(subset=["given", "surname"])[["root", "given", "surname"]]
    keys = keys.drop_duplicates().assign(root=lambda k: labels[k["root"].to_numpy()])
    grouped = df.groupby("root", sort=True)
    prof = grouped[_FACTS].first()
    prof["birth_y"] = grouped["birth_y"].median()
    prof["date_lo"] = grouped["date_lo"].min()
    prof["charges"] = _or_by_group(_charge_masks(frame["charges"]), group, len(labels))
    prof.index = labels[prof.index.to_numpy()]
    return prof, keys


def _codes(col: pd.Series) -> np.ndarray:
    """Integer codes of a column's values as floats, NaN where missing."""
    codes = pd.factorize(col, use_na_sentinel=True)[0].astype(float)
    codes[codes < 0] = np.nan
    return codes


def _or_by_group(masks: np.ndarray, groups: np.ndarray, size: int) -> np.ndarray:
    """Bitwise OR of ``masks`` within each group (0 .. size-1)."""
    out = np.zeros(size, dtype=np.int64)
    np.bitwise_or.at(out, groups, masks)
    return out


def _charge_masks(charges: pd.Series) -> np.ndarray:
    """Each mention's charges as a bit mask (0 when none are given)."""
    bits: dict[str, int] = {}

    def mask(charges) -> int:
        if not isinstance(charges, (list, tuple, np.ndarray)):
            return 0
        return int(sum(1 << bits.setdefault(c, len(bits) % 62) for c in set(charges)))
    return per_list(charges, mask)


def candidate_pairs(keys: pd.DataFrame, prof: pd.DataFrame) -> pd.DataFrame:
    """Pairs of clusters (root_l < root_r) sharing a name key, with the key's cluster count.

    A name borne by more than ``MAX_GROUP`` clusters is compared only within one prison
    (else province), and then within two-year periods; groups still larger are skipped,
    so memory stays bounded whatever the data."""
    keys = keys.assign(k=keys.groupby(["given", "surname"])["root"].transform("size"))
    keys = keys[keys["k"] > 1]
    keys = keys.assign(
        place=prof["prison"].fillna(-1 - prof["province"]).reindex(keys["root"]).to_numpy(),
        period=prof["date_lo"].reindex(keys["root"]).to_numpy() // 730)
    on, pairs = ["given", "surname"], []
    for extra in (None, "place", "period"):
        if extra:
            on = on + [extra]
            keys = keys.dropna(subset=[extra])
        size = keys.groupby(on)["root"].transform("size")
        pairs.append(_self_pairs(keys[size <= MAX_GROUP], on))
        keys = keys[size > MAX_GROUP]
    out = pd.concat(pairs, ignore_index=True)
    return out.sort_values("k").drop_duplicates(["root_l", "root_r"]).reset_index(drop=True)


def _self_pairs(keys: pd.DataFrame, on: list[str]) -> pd.DataFrame:
    both = keys[on + ["root", "k"]].merge(keys[on + ["root"]], on=on, suffixes=("_l", "_r"))
    both = both[both["root_l"] < both["root_r"]]
    return both[["root_l", "root_r", "k"]]


def scores(pairs: pd.DataFrame, prof: pd.DataFrame) -> np.ndarray:
    """Evidence (log2 Bayes factor incl. prior) that each pair of clusters is one person."""
    left, right = prof.reindex(pairs["root_l"]), prof.reindex(pairs["root_r"])
    w = WEIGHTS
    score = -np.log2(np.maximum(pairs["k"].to_numpy(dtype=float) - 1, 1))
    for col, same, diff in (("prison", "prison_same", "prison_diff"),
                            ("father_sk", "father_same", "father_diff"),
                            ("nationality", None, "nationality_diff"),
                            ("sex", None, "sex_diff")):
        score += _agreement(left[col], right[col], w.get(same, 0.0), w[diff])
    no_prison = left["prison"].isna().to_numpy() | right["prison"].isna().to_numpy()
    score += no_prison * _agreement(left["province"], right["province"],
                                    w["province_same"], w["province_diff"])
    score += _birth(left["birth_y"], right["birth_y"])
    charges = prof["charges"].to_numpy(dtype=np.int64)
    score += _charges(left["charges"].to_numpy(), right["charges"].to_numpy(),
                      _bit_shares(charges[charges != 0]))
    return score


def _agreement(a: pd.Series, b: pd.Series, same: float, diff: float) -> np.ndarray:
    known = a.notna().to_numpy() & b.notna().to_numpy()
    equal = (a.to_numpy() == b.to_numpy()) & known
    return np.where(equal, same, np.where(known, diff, 0.0))


def _birth(a: pd.Series, b: pd.Series) -> np.ndarray:
    gap = np.abs(a.to_numpy(dtype=float) - b.to_numpy(dtype=float))
    w = WEIGHTS
    out = np.where(gap <= 1, w["birth_close"], np.where(gap <= 3, w["birth_near"], w["birth_far"]))
    return np.where(np.isnan(gap), 0.0, out)


def _bit_shares(masks: np.ndarray) -> np.ndarray:
    """Share of ``masks`` holding each of the 62 bits (each charge's share of clusters)."""
    if not len(masks):
        return np.zeros(62)
    return np.array([((masks >> bit) & 1).mean() for bit in range(62)])


def _charges(a: np.ndarray, b: np.ndarray, shares: np.ndarray) -> np.ndarray:
    """Evidence from charges: the rarer the rarest shared charge, the stronger."""
    a, b = a.astype(np.int64), b.astype(np.int64)
    common = a & b
    rarest = np.ones(len(a))
    for bit in np.flatnonzero(shares > 0):
        rarest = np.where((common >> bit) & 1 == 1, np.minimum(rarest, shares[bit]), rarest)
    w = WEIGHTS
    agree = np.clip(np.log2(CHARGE_AGREE / rarest), w["charge_common_min"], w["charge_common_max"])
    known = (a != 0) & (b != 0)
    return np.where(known, np.where(common != 0, agree, w["charge_none"]), 0.0)


def status_events(frame: pd.DataFrame, roots: pd.Series) -> pd.DataFrame:
    """The distinct dated status events of each cluster: root, rank, lo, hi."""
    cols = {"rank": "status_rank", "lo": "date_lo", "hi": "date_hi"}
    out = pd.DataFrame({"root": roots.to_numpy()} | {
        k: frame[c].to_numpy(dtype=float, na_value=np.nan) for k, c in cols.items()})
    return out.dropna().drop_duplicates()


def timeline(pairs: pd.DataFrame, events: pd.DataFrame) -> np.ndarray:
    """Evidence from the clusters' dated status events: a shared event (same status
    within SAME_EVENT_DAYS) for, then a later step within ORDERED_DAYS after an earlier
    one for, no two events within FAR_DAYS against."""
    both = pairs[["root_l", "root_r"]].reset_index(drop=True).rename_axis("pair").reset_index()
    both = both.merge(events, left_on="root_l", right_on="root").merge(
        events, left_on="root_r", right_on="root", suffixes=("_a", "_b"))
    gap = np.maximum(both["lo_a"] - both["hi_b"], both["lo_b"] - both["hi_a"]).clip(lower=0)
    same_status = (both["rank_a"] == both["rank_b"]).to_numpy()
    per_pair = pd.DataFrame({"pair": both["pair"], "shared": same_status & (gap <= SAME_EVENT_DAYS),
                             "ordered": _ordered(both), "near": gap <= FAR_DAYS,
                             "dated": True}).groupby("pair").max()
    per_pair = per_pair.reindex(np.arange(len(pairs)), fill_value=False)
    far = per_pair["dated"] & ~per_pair["shared"] & ~per_pair["near"]
    w = WEIGHTS
    return np.where(per_pair["shared"], w["same_event"], np.where(
        far, w["years_apart"], np.where(per_pair["ordered"], w["ordered"], 0.0)))


def _ordered(both: pd.DataFrame) -> np.ndarray:
    """Whether event b is a later step than event a, dated from SAME_EVENT_DAYS before
    it to ORDERED_DAYS after it, or the other way round."""
    out = np.zeros(len(both), dtype=bool)
    for x, y in (("a", "b"), ("b", "a")):
        after = (both[f"lo_{y}"] - both[f"hi_{x}"]).to_numpy()
        out |= ((both[f"rank_{x}"] < both[f"rank_{y}"]).to_numpy()
                & (after >= -SAME_EVENT_DAYS) & (after <= ORDERED_DAYS))
    return out


def fragment_links(frame: pd.DataFrame, roots: pd.Series) -> list[tuple[str, str, float]]:
    """(root, root, score) for cluster pairs worth joining, strongest first."""
    prof, keys = profiles(frame, roots)
    pairs = candidate_pairs(keys, prof)
    if pairs.empty:
        return []
    pairs["score"] = scores(pairs, prof)
    best_timeline = max(WEIGHTS["same_event"], WEIGHTS["ordered"], 0.0)
    pairs = pairs[pairs["score"] >= MIN_SCORE - best_timeline]
    pairs["score"] += timeline(pairs, status_events(frame, roots))
    pairs = pairs[pairs["score"] >= MIN_SCORE].sort_values("score", ascending=False,
                                                           kind="stable")
    return list(zip(pairs["root_l"], pairs["root_r"], pairs["score"], strict=True))
