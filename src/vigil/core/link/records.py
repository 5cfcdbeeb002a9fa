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

import pandas as pd

from vigil.core.link import keys

FIELDS = (
    "mention_id", "source", "independence_group", "name", "given", "surname", "father",
    "name_key", "given_key", "surname_key", "father_key", "date", "date_precision",
    "prison", "city", "province", "age", "charges", "nationality", "sex", "status",
)
TEXT_FIELDS = ("prison", "city", "province", "nationality", "sex", "status")
# order of status events in one person's history (for date plausibility)
STATUS_RANK = {"sentenced": 0, "upheld": 1, "at_risk": 2, "halted": 3, "executed": 4,
               "commuted": 4, "forgiven": 4}
_EPOCH = _dt.date(1970, 1, 1)


def as_frame(records: Iterable[Mapping] | pd.DataFrame) -> pd.DataFrame:
    """Records (dicts or a DataFrame) as a DataFrame holding every field of FIELDS."""
    df = records.copy() if isinstance(records, pd.DataFrame) else pd.DataFrame(list(records))
    if "father" not in df.columns and "father_name" in df.columns:
        df["father"] = df["father_name"]
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
    keys), ``tokens_sk`` (cross-script keys of every name word, aliases included),
    ``surname_prefix``, ``date_lo``/``date_hi`` (days since 1970), ``date_y/m/d``,
    ``birth_y`` (year minus age), ``status_rank``.
    """
    df = as_frame(records)
    _add_name_keys(df)
    _add_date_bounds(df)
    df["age"] = pd.to_numeric(df["age"], errors="coerce").astype("Int64")
    df["birth_y"] = df["date_y"] - df["age"]
    df["charges"] = [_charges(v) for v in df["charges"]]
    for field in TEXT_FIELDS:
        df[field] = _text_column(df[field])
    df["source"] = _text_column(df["source"]).fillna("?")
    df["status_rank"] = df["status"].map(STATUS_RANK).astype("Int64")
    df["unique_id"] = df["mention_id"]
    return df


def _by_unique(columns: list[pd.Series], func) -> list:
    """func(*values) for each row, computed once per distinct combination of values."""
    joined = columns[0].astype(object).where(columns[0].notna(), None).map(_str_or_nul)
    for col in columns[1:]:
        joined = joined + "\x1f" + col.astype(object).where(col.notna(), None).map(_str_or_nul)
    codes, uniques = pd.factorize(joined)
    firsts = pd.Series(range(len(codes))).groupby(codes).first()
    rows = [tuple(c.iloc[i] for c in columns) for i in firsts.values]
    results = [func(*(None if _missing(v) else v for v in row)) for row in rows]
    return [results[c] for c in codes]


def _str_or_nul(v) -> str:
    return "\x00" if v is None else str(v)


def _missing(v) -> bool:
    return v is None or (isinstance(v, float) and v != v) or v is pd.NA


def _add_name_keys(df: pd.DataFrame) -> None:
    """Fill the folded and cross-script name keys and the name-word keys."""
    parts = _by_unique([df["name"], df["given"], df["surname"], df["father"]], _name_parts)
    cols = ["name_key", "given_key", "surname_key", "father_key", "given_sk", "surname_sk",
            "father_sk", "tokens_sk"]
    derived = pd.DataFrame(parts, index=df.index, columns=cols)
    for col in cols:
        if col in ("name_key", "given_key", "surname_key", "father_key"):
            df[col] = _text_column(df[col]).fillna(derived[col]) if df[col].notna().any() \
                else derived[col]
        else:
            df[col] = derived[col]
    df["surname_prefix"] = df["surname_sk"].map(lambda s: s[:3] if s else None)


def _name_parts(name, given, surname, father) -> tuple:
    """Folded keys, cross-script keys and word keys from whatever name fields exist."""
    if not isinstance(name, str) or not name.strip():
        name = " ".join(p for p in (given, surname) if isinstance(p, str))
    full = keys.split_key(name) if name else (None, None, ())
    g = " ".join(keys.words(given)) if isinstance(given, str) else full[0]
    s = " ".join(keys.words(surname)) if isinstance(surname, str) else full[1]
    g = _canonical_given(g or None)
    s = s or None
    f = " ".join(keys.words(father)) or None if isinstance(father, str) else None
    words = set(full[2]) | set(keys.words(given or "")) | set(keys.words(surname or ""))
    words |= {_canonical_given(w) for w in words}
    sk = {x: keys.cross_key(x) or None if x else None for x in (g, s, f)}
    tokens = {keys.cross_key(w) for w in words if w} | {sk[g], sk[s]}
    tokens = sorted(t for t in tokens if t) or None
    return (keys.name_key(name) or None, g, s, f, sk[g], sk[s], sk[f], tokens)


def _canonical_given(key):
    """The canonical form of a given-name key: nicknames map to their full name."""
    if not key:
        return None
    first, _, rest = key.partition(" ")
    return (keys.NICKNAMES.get(first, first) + (" " + rest if rest else "")).strip()


def _add_date_bounds(df: pd.DataFrame) -> None:
    """date_lo/date_hi (days since 1970) and year/month/day parts for date comparisons."""
    parsed = _by_unique([df["date"], df["date_precision"]], _date_parts)
    cols = ["date_precision", "date_lo", "date_hi", "date_y", "date_m", "date_d"]
    bounds = pd.DataFrame(parsed, index=df.index, columns=cols)
    for col in cols:
        df[col] = bounds[col]
    for col in cols[1:]:
        df[col] = df[col].astype("Int64")


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
    if value is None or isinstance(value, float):
        return None
    clean = sorted({str(v).strip().lower() for v in value if str(v).strip()})
    return clean or None


def _text_column(col: pd.Series) -> pd.Series:
    """A column as stripped lowercase strings, missing or empty values as None."""
    out = col.astype(object).where(col.notna(), None)
    texts = pd.Series([None if v is None else str(v) for v in out], index=col.index,
                      dtype="string")
    texts = texts.str.strip().str.lower()
    return texts.where(texts != "", None).astype(object).where(texts.notna() & (texts != ""), None)


def _text(value):
    """A stripped lowercase string, or None for missing/empty values."""
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return None
    text = str(value).strip().lower()
    return text or None
