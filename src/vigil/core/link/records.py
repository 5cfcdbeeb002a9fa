"""The input of linkage: one record per person-mention, and its preparation.

A *mention* is one report's statement about one person (a CASE of FORMAT.md, or one row
of an organisation's list). Its fields (any may be missing or ``None``):

``mention_id`` (unique str), ``source`` (who published it), ``independence_group``
(sources that copy each other share a group), ``name`` (as written), ``given``,
``surname``, ``father`` (father's name), ``date`` (``YYYY-MM-DD`` / ``YYYY-MM`` /
``YYYY``), ``date_precision`` (``day`` / ``month`` / ``year``; inferred from ``date``
when absent), ``prison``, ``city``, ``province``, ``age``, ``charges`` (list),
``nationality``, ``sex``, ``status``; ``name_key``, ``given_key``, ``surname_key`` and
``father_key`` are derived when absent.

:func:`prepare` turns such records into the flat table that the Splink settings of
:mod:`vigil.core.link.settings` compare.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterable, Mapping
from functools import lru_cache

import pandas as pd

from vigil.core.link import keys

FIELDS = (
    "mention_id", "source", "independence_group", "name", "given", "surname", "father",
    "name_key", "given_key", "surname_key", "father_key", "date", "date_precision",
    "prison", "city", "province", "age", "charges", "nationality", "sex", "status",
)
TEXT_FIELDS = ("prison", "city", "province", "nationality", "sex", "status")
_EPOCH = _dt.date(1970, 1, 1)


def as_frame(records: Iterable[Mapping] | pd.DataFrame) -> pd.DataFrame:
    """Records (dicts or a DataFrame) as a DataFrame holding every field of FIELDS."""
    df = records.copy() if isinstance(records, pd.DataFrame) else pd.DataFrame(list(records))
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
    """The table Splink links: input fields plus derived keys, tokens and date bounds."""
    df = as_frame(records)
    _add_name_keys(df)
    _add_date_bounds(df)
    df["age"] = pd.to_numeric(df["age"], errors="coerce").astype("Int64")
    df["charges"] = df["charges"].map(_charges)
    for field in TEXT_FIELDS:
        df[field] = df[field].map(_text)
    df["source"] = df["source"].map(_text).fillna("?")
    df["unique_id"] = df["mention_id"]
    return df


def _add_name_keys(df: pd.DataFrame) -> None:
    """Fill name_key/given_key/surname_key/father_key, tokens and surname_prefix."""
    parts = [
        _name_parts(n, g, s)
        for n, g, s in zip(df["name"], df["given"], df["surname"], strict=True)
    ]
    derived = pd.DataFrame(parts, index=df.index, columns=["nk", "gk", "sk", "tokens"])
    for col, new in (("name_key", "nk"), ("given_key", "gk"), ("surname_key", "sk")):
        df[col] = df[col].where(df[col].notna(), derived[new]).map(_text)
    df["given_key"] = df["given_key"].map(_canonical_given)
    df["tokens"] = derived["tokens"]
    fathers = df["father"].map(lambda f: _cached_key(f) if isinstance(f, str) else None)
    df["father_key"] = df["father_key"].where(df["father_key"].notna(), fathers).map(_text)
    df["surname_prefix"] = df["surname_key"].map(lambda s: s[:3] if s else None)


def _name_parts(name, given, surname) -> tuple:
    """(name_key, given_key, surname_key, tokens) from whatever name fields exist."""
    if not isinstance(name, str) or not name.strip():
        name = " ".join(p for p in (given, surname) if isinstance(p, str))
    full = _cached_split(name) if name else (None, None, ())
    g = _cached_key(given) if isinstance(given, str) and given.strip() else full[0]
    s = _cached_key(surname) if isinstance(surname, str) and surname.strip() else full[1]
    tokens = set(full[2]) | set(_cached_tokens(given)) | set(_cached_tokens(surname))
    tokens |= {_canonical_given(t) for t in tokens}
    return _cached_key(name) if name else None, g, s, sorted(t for t in tokens if t) or None


@lru_cache(maxsize=500_000)
def _cached_split(name: str) -> tuple:
    """(given_key, surname_key, token keys) of a full name, cached."""
    return keys.split_key(name)


@lru_cache(maxsize=500_000)
def _cached_key(text: str) -> str | None:
    return keys.name_key(text) or None


@lru_cache(maxsize=500_000)
def _cached_tokens(text) -> tuple:
    return tuple(keys.token_keys(text)) if isinstance(text, str) else ()


@lru_cache(maxsize=100_000)
def _canonical_given(key):
    """The canonical form of a given-name key: nicknames map to their full name."""
    if not key:
        return None
    first, _, rest = key.partition(" ")
    return (keys.NICKNAMES.get(first, first) + (" " + rest if rest else "")).strip()


def _add_date_bounds(df: pd.DataFrame) -> None:
    """date_lo/date_hi (days since 1970) and year/month/day parts for date comparisons."""
    parsed = [_date_parts(d, p) for d, p in zip(df["date"], df["date_precision"], strict=True)]
    cols = ["date_precision", "date_lo", "date_hi", "date_y", "date_m", "date_d"]
    bounds = pd.DataFrame(parsed, index=df.index, columns=cols)
    for col in cols:
        df[col] = bounds[col]
    for col in cols[1:]:
        df[col] = df[col].astype("Int64")


@lru_cache(maxsize=200_000)
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


def _charges(value):
    """Charges as a sorted list, or None when none are given."""
    if isinstance(value, str):
        value = [v for v in value.replace(";", ",").split(",")]
    if value is None or (not isinstance(value, (list, tuple, set)) and pd.isna(value)):
        return None
    clean = sorted({str(v).strip().lower() for v in value if str(v).strip()})
    return clean or None


def _text(value):
    """A stripped lowercase string, or None for missing/empty values."""
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return None
    text = str(value).strip().lower()
    return text or None
