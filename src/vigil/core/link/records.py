"""The input of linkage: one record per person-mention, and its preparation.

A *mention* is one report's statement about one person (a CASE of FORMAT.md, or one row
of an organisation's list). Its fields (any may be missing or ``None``):

``mention_id`` (unique str), ``source`` (who published it), ``independence_group``
(sources that copy each other share a group), ``name`` (as written), ``given``,
``surname``, ``father`` (father's name), ``date`` (``YYYY-MM-DD`` / ``YYYY-MM`` /
``YYYY``), ``date_precision`` (``day`` / ``month`` / ``year``; inferred from ``date``
when absent), ``prison``, ``city``, ``province``, ``age``, ``charges`` (list),
``nationality``, ``ethnicity``, ``sex``, ``status``; ``name_key``, ``given_key``,
``surname_key`` and ``father_key`` are derived when absent.

:func:`prepare` turns such records into the flat table that the Splink settings of
:mod:`vigil.core.link.settings` compare.
"""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Iterable, Mapping

import numpy as np
import pandas as pd

from vigil.core.link import keys

FIELDS = (
    "mention_id", "source", "independence_group", "name", "given", "surname", "father",
    "name_key", "given_key", "surname_key", "father_key", "date", "date_precision",
    "prison", "city", "province", "age", "charges", "nationality", "ethnicity", "sex",
    "status",
)
TEXT_FIELDS = ("prison", "city", "province", "nationality", "ethnicity", "sex", "status")
# order of status events in one person's history (for date plausibility)
STATUS_RANK = {"sentenced": 0, "upheld": 1, "at_risk": 2, "halted": 3, "executed": 4,
               "commuted": 4, "forgiven": 4}
_EPOCH = _dt.date(1970, 1, 1)


def as_frame(records: Iterable[Mapping] | pd.DataFrame) -> pd.DataFrame:
    """Records (dicts or a DataFrame) as a DataFrame holding every field of FIELDS."""
    df = records if isinstance(records, pd.DataFrame) else pd.DataFrame(list(records))
    if "father" not in df.columns and "father_name" in df.columns:
        df = df.rename(columns={"father_name": "father"})
    df = df[[f for f in FIELDS if f in df.columns]].copy()
    for field in FIELDS:
        if field not in df.columns:
            df[field] = None
    if df["mention_id"].isna().any():
        raise ValueError("every record needs a mention_id")
    if df["mention_id"].duplicated().any():
        raise ValueError("mention_id values must be unique")
    df["mention_id"] = df["mention_id"].astype(str)
    return df


def prepare(records: Iterable[Mapping] | pd.DataFrame) -> pd.DataFrame:
    """The table Splink links: input fields plus derived keys, tokens and date bounds.

    Derived columns: ``given_key``/``surname_key``/``father_key`` (folded spelling, given
    names nickname-canonical), ``given_sk``/``surname_sk``/``father_sk`` (cross-script
    keys), ``given_lk``/``surname_lk``/``father_lk`` (looser cross-script keys,
    :func:`keys.loose_key`), ``tokens_sk`` (cross-script keys of every name word, aliases
    included),
    ``surname_prefix``, ``date_lo``/``date_hi`` (days since 1970), ``date_y/m/d``,
    ``birth_y`` (year minus age), ``status_rank``. Every function of a value runs once
    per distinct value, so a million mentions prepare in seconds.
    """
    df = as_frame(records)
    _add_name_keys(df)
    _add_date_bounds(df)
    df["age"] = pd.to_numeric(df["age"], errors="coerce").astype("Int64")
    df["birth_y"] = df["date_y"] - df["age"]
    df["date_y2"] = df["date_y"] // 2  # two-year windows, and the same shifted by a year
    df["date_y2b"] = (df["date_y"] + 1) // 2
    df["charges"] = _charges_column(df["charges"])
    for field in TEXT_FIELDS:
        df[field] = _per_value(df[field], _text)
    df["source"] = _per_value(df["source"], lambda v: _text(v) or "?", missing="?")
    df["status_rank"] = _per_value(df["status"], STATUS_RANK.get).astype("Int64")
    df["unique_id"] = df["mention_id"]
    return df


def _per_value(col: pd.Series, func, missing=None) -> pd.Series:
    """func(value) for every row of col, computed once per distinct value."""
    codes, uniques = pd.factorize(col, use_na_sentinel=True)
    values = _objects([func(v) for v in uniques] + [missing])[codes]
    return pd.Series(values, index=col.index, dtype=object)


def _objects(values: list) -> np.ndarray:
    """A 1-d object array of values (which may themselves be lists or tuples)."""
    out = np.empty(len(values), dtype=object)
    for i, v in enumerate(values):
        out[i] = v
    return out


def _add_name_keys(df: pd.DataFrame) -> None:
    """Fill the folded and cross-script name keys and the name-word keys."""
    name = _full_names(df)
    n_key, n_given, n_surname, tokens = _name_columns(name)
    given = _per_value(df["given"], _given_key).where(df["given"].notna(), n_given)
    surname = _per_value(df["surname"], _surname_key).where(df["surname"].notna(), n_surname)
    for col, derived in (("name_key", n_key), ("given_key", given), ("surname_key", surname),
                         ("father_key", _per_value(df["father"], _surname_key))):
        df[col] = derived.where(df[col].isna(), _per_value(df[col], _text))
    df["given_key"] = _per_value(df["given_key"], _canonical_given)
    for col in ("given", "surname", "father"):
        df[f"{col}_sk"] = _per_value(df[f"{col}_key"], _cross)
        df[f"{col}_lk"] = _per_value(df[f"{col}_sk"], keys.loose_key)
    extra = (df["given_sk"].fillna("") + " " + df["surname_sk"].fillna("")).str.strip()
    df["tokens_sk"] = _merge_tokens(tokens, extra)
    df["surname_prefix"] = _per_value(df["surname_sk"], lambda s: s[:3])


def _name_columns(name: pd.Series) -> list[pd.Series]:
    """(folded name, given, surname, name-word keys joined by spaces) of each full name.

    Each distinct name is split at its first space (whitespace run); the first word and
    the rest are keyed once per distinct value (:class:`_NameParts`) and put together
    with array operations. Names whose first word folds to other than one word, or
    written with a comma or an alias, go through :class:`_NameParts` whole."""
    codes, uniques = pd.factorize(name, use_na_sentinel=True)
    names = uniques.astype(object).tolist()
    parts = _NameParts()
    pieces = [n.split(None, 1) + ["", ""] for n in names]
    first, f_uniq = pd.factorize(_objects([p[0] for p in pieces]))
    rest, r_uniq = pd.factorize(_objects([p[1] for p in pieces]))
    words = [parts.words_of(f) for f in f_uniq.tolist()]
    given = _objects([w[0] if len(w) == 1 else None for w in words])[first]
    f_cross = _objects([" ".join(parts.cross_of(w[0])) if len(w) == 1 else "" for w in words])
    r_parts = [parts.rest_of(r) for r in r_uniq.tolist()]
    joined, r_cross, surname = (_objects([r[i] for r in r_parts])[rest] for i in range(3))
    out = [pd.Series(_objects(c), dtype=object)
           for c in (given, joined, f_cross[first], r_cross, surname)]
    key = (out[0] + " " + out[1]).where(out[1] != "", out[0])
    columns = [key, out[0], out[4], (out[2] + " " + out[3]).str.strip()]
    for i in np.flatnonzero(pd.isna(given) | [bool(_AS_WRITTEN.search(n)) for n in names]):
        whole = parts(names[i])
        for column, value in zip(columns, whole[:3] + (" ".join(whole[3] or ()),)):
            column.iat[i] = value
    return [pd.Series(_objects(c.tolist() + [None if j < 3 else ""])[codes], index=name.index,
                      dtype=object) for j, c in enumerate(columns)]


def _full_names(df: pd.DataFrame) -> pd.Series:
    """The written name, or 'given surname' when no full name is given."""
    built = (df["given"].fillna("").astype(str) + " "
             + df["surname"].fillna("").astype(str).str.replace(",", " ")).str.strip()
    name = df["name"].where(df["name"].notna() & (df["name"].astype(str).str.strip() != ""),
                            built)
    return name.where(name != "", None)


def _merge_tokens(tokens: pd.Series, extra: pd.Series) -> pd.Series:
    """Sorted union of name-word keys (``tokens``: each row's keys joined by spaces) and
    the given/surname keys (``extra``), once per distinct pair."""
    both = tokens + "|" + extra
    return _per_value(both, lambda v: sorted(set(v.replace("|", " ").split())) or None)


def _name_parts(name: str) -> tuple:
    """(folded name, given, surname, token cross-keys) of a full written name."""
    given, surname, words = keys.split_key(name)
    tokens = {_cross(w) for w in words} | {_cross(_canonical_given(w)) for w in words}
    return (keys.name_key(name) or None, given, surname,
            tuple(sorted(t for t in tokens if t)) or None)


_AS_WRITTEN = re.compile(r'[,()"\u201c\u201d]')  # "Last, First" or an alias: whole-name rules


class _NameParts:
    """:func:`_name_parts` computed from its words: folding, suffixes and cross-script keys
    act on each word alone, so each distinct written word is folded and keyed once (a
    million mentions hold ~50,000 words in ~380,000 distinct names). Names with a comma
    or an alias take :func:`_name_parts` itself. :func:`_name_columns` also keys the part
    of a name after its first word once per distinct value (:meth:`rest_of`)."""

    def __init__(self):
        self.words: dict[str, tuple] = {}
        self.cross: dict[str, frozenset] = {}
        self.rests: dict[str, tuple] = {}

    def __call__(self, name: str) -> tuple:
        if _AS_WRITTEN.search(name):
            return _name_parts(name)
        toks = [w for raw in name.split() for w in self.words_of(raw)]
        tokens = frozenset().union(*(self.cross_of(w) for w in toks))
        return (" ".join(toks) or None, toks[0] if toks else None,
                " ".join(keys.surname_tail(toks[1:])) or None,
                tuple(sorted(tokens)) or None)

    def rest_of(self, text: str) -> tuple:
        """(folded words joined, their cross keys joined, surname) of the words of a
        name after its first."""
        out = self.rests.get(text)
        if out is None:
            toks = [w for raw in text.split() for w in self.words_of(raw)]
            cross = frozenset().union(*(self.cross_of(w) for w in toks))
            out = self.rests[text] = (" ".join(toks), " ".join(sorted(cross)),
                                      " ".join(keys.surname_tail(toks)) or None)
        return out

    def words_of(self, raw: str) -> tuple:
        """Folded words of one written word."""
        out = self.words.get(raw)
        if out is None:
            out = self.words[raw] = keys.words(raw)
        return out

    def cross_of(self, word: str) -> frozenset:
        """Cross-script keys of one folded word (and of its canonical given name)."""
        out = self.cross.get(word)
        if out is None:
            both = (_cross(word), _cross(_canonical_given(word)))
            out = self.cross[word] = frozenset(t for t in both if t)
        return out


def _given_key(text) -> str | None:
    return " ".join(keys.words(text)) or None if isinstance(text, str) else None


_surname_key = _given_key


def _cross(key) -> str | None:
    return keys.cross_key(key) or None if isinstance(key, str) and key else None


def _canonical_given(key):
    """The canonical form of a given-name key: nicknames map to their full name."""
    if not key:
        return None
    first, _, rest = key.partition(" ")
    return (keys.NICKNAMES.get(first, first) + (" " + rest if rest else "")).strip()


def _add_date_bounds(df: pd.DataFrame) -> None:
    """date_lo/date_hi (days since 1970) and year/month/day parts for date comparisons."""
    both = df["date"].fillna("").astype(str) + "|" + df["date_precision"].fillna("").astype(str)
    codes, uniques = pd.factorize(both, use_na_sentinel=True)
    table = [_date_parts_joined(v) for v in uniques] + [(None,) * 6]
    df["date_precision"] = _objects([t[0] for t in table])[codes]
    for i, col in enumerate(["date_lo", "date_hi", "date_y", "date_m", "date_d"], start=1):
        values = np.array([np.nan if t[i] is None else t[i] for t in table], dtype=float)
        df[col] = pd.Series(values[codes], index=df.index).astype("Int64")


def _date_parts_joined(value: str) -> tuple:
    date, _, precision = value.partition("|")
    return _date_parts(date or None, precision or None)


def _date_parts(date, precision) -> tuple:
    """(precision, lo, hi, y, m, d) of an ISO date string of any precision."""
    if not isinstance(date, str) or not date.strip():
        return (None, None, None, None, None, None)
    bits = [int(b) for b in date.strip()[:10].split("-") if b]
    y, m, d = (bits + [None, None])[:3]
    try:
        lo = _dt.date(y, m or 1, d or 1)
        hi = _dt.date(y, m or 12, d or _month_end(y, m or 12))
    except (ValueError, TypeError):
        return (None, None, None, None, None, None)
    prec = precision if isinstance(precision, str) else ("day" if d else "month" if m else "year")
    return (prec, (lo - _EPOCH).days, (hi - _EPOCH).days, y, m, d)


def _month_end(year: int, month: int) -> int:
    nxt = _dt.date(year + month // 12, month % 12 + 1, 1)
    return (nxt - _dt.timedelta(days=1)).day


def _charges_column(col: pd.Series) -> pd.Series:
    """Charges as sorted lists (None when none are given), once per distinct set."""
    fast = _charges_from_lists(col)
    if fast is not None:
        return fast
    joined = pd.Series([v if isinstance(v, str) else "" if v is None or isinstance(v, float)
                        else "\x1f".join(map(str, v)) for v in col.tolist()],
                       index=col.index, dtype=object)
    return _per_value(joined, _charges_list)


def _charges_from_lists(col: pd.Series) -> pd.Series | None:
    """:func:`_charges_column` for a column of lists of strings (None when it is not one,
    or holds more than 62 distinct charges): each distinct item is normalised once and
    each row's set is a bit mask, built with Arrow and numpy instead of row by row."""
    import pyarrow as pa
    import pyarrow.compute as pc

    try:
        arr = pa.array(col.tolist())
    except (pa.ArrowException, TypeError, ValueError):
        return None
    if not (pa.types.is_list(arr.type) and pa.types.is_string(arr.type.value_type)):
        return None
    item, items = pd.factorize(pc.list_flatten(arr).to_numpy(zero_copy_only=False))
    parents = pc.list_parent_indices(arr).to_numpy()
    parts = [_charges_list(x) or [] for x in items]
    names = sorted({c for p in parts for c in p})
    if len(names) > 62:
        return None
    bit = {c: 1 << i for i, c in enumerate(names)}
    item_mask = np.array([sum(bit[c] for c in set(p)) for p in parts] + [0], dtype=np.int64)
    mask = np.zeros(len(col), dtype=np.int64)
    np.bitwise_or.at(mask, parents, item_mask[item])  # item -1 (a null) takes the 0
    codes, masks = pd.factorize(mask)
    lists = [[c for c in names if m & bit[c]] or None for m in masks.tolist()]
    return pd.Series(_objects(lists)[codes], index=col.index, dtype=object)


def _charges_list(text: str) -> list[str] | None:
    parts = text.replace(";", "\x1f").replace(",", "\x1f").split("\x1f")
    return sorted({p.strip().lower() for p in parts if p.strip()}) or None


def _text(value):
    """A stripped lowercase string, or None for missing/empty values."""
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return None
    text = str(value).strip().lower()
    return text or None
