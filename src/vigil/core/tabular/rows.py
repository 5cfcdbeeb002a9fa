"""Apply a mapping to raw records: one :class:`ImportRow` per record, problems attached.

Nothing is dropped: a record with a defect, an unparseable date, a value outside the
field's vocabulary or a missing required value still comes out, carrying
:class:`RowError` values that name the file, the line and the field.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from .errors import RowError
from .mapping import FieldSpec, Mapping, _vocab
from .readers import RawRecord

_SURROGATE = re.compile("[\udc80-\udcff]")  # bytes kept by errors="surrogateescape"


@dataclass
class ImportRow:
    """One record of a list, mapped to Vigil fields.

    ``raw`` holds every cell exactly as written in the file (names and dates untouched);
    ``written`` the trimmed text each field was made from; ``fields`` the typed values
    (dates as ISO ``YYYY-MM-DD`` strings, ages as ``int``, missing values as ``None``).
    ``skipped`` is the reason when the mapping's ``skip_if`` matched.
    """

    line: int
    record_id: str
    raw: dict[str, str]
    fields: dict[str, object]
    errors: list[RowError]
    written: dict[str, str] = field(default_factory=dict)
    skipped: str | None = None

    @property
    def ok(self) -> bool:
        return not self.errors and self.skipped is None


def map_record(record: RawRecord, mapping: Mapping, file: str) -> ImportRow:
    """Turn one raw record into an :class:`ImportRow` (never raises on bad data)."""
    values = dict(record.values, _line=str(record.line))
    row = ImportRow(record.line, "", dict(record.values), {}, [])
    if record.problem:
        row.errors.append(RowError(file, record.line, None, None, record.problem))
    row.errors.extend(_undecodable(record, mapping, file))
    row.skipped = _skip_reason(values, mapping)
    if row.skipped:
        return row
    row.record_id = _record_id(values, mapping, file, record.line, row.errors)
    for spec in mapping.fields.values():
        text = spec.template.render(values)
        row.written[spec.name] = text
        value, problem = convert(spec, text, mapping.date_formats)
        row.fields[spec.name] = value
        if problem:
            row.errors.append(RowError(file, record.line, spec.name, text, problem))
    return row


def convert(spec: FieldSpec, text: str, date_formats: tuple[str, ...]) -> tuple[object, str | None]:
    """Typed value of ``text`` for ``spec``, and a problem description or ``None``."""
    if text == "" or text in spec.null:
        return None, ("required value is missing" + (f" ({text!r})" if text else "")
                      if spec.required else None)
    if spec.values is not None:
        mapped = _vocab(spec, text)
        if mapped is None:
            known = ", ".join(repr(k) for k in spec.values)
            return None, f"unknown value {text!r}; the mapping knows {known}"
        return (mapped or None), None
    if spec.type == "int":
        return _to_int(text)
    if spec.type == "date":
        return parse_date(text, date_formats)
    return text, None


def parse_date(text: str, formats: tuple[str, ...]) -> tuple[str | None, str | None]:
    """ISO date for ``text`` using the first format that fits, or a problem description."""
    for fmt in formats:
        try:
            return dt.datetime.strptime(text, fmt).date().isoformat(), None
        except (ValueError, OverflowError):
            continue
    return None, f"cannot parse {text!r} with {' or '.join(formats)}"


def _to_int(text: str) -> tuple[int | None, str | None]:
    try:
        number = int(text)
    except ValueError:
        return None, f"cannot read {text!r} as a whole number"
    if number < 0:
        return None, f"negative number {text!r}"
    return number, None


def _record_id(values: dict[str, str], mapping: Mapping, file: str, line: int,
               errors: list[RowError]) -> str:
    """Render the record id; an empty column in it is an error (ids must be stable)."""
    template = mapping.record_id
    rid = template.render(values)
    empty = [c for c in template.columns if not (values.get(c) or "").strip()]
    if empty or not rid:
        cols = ", ".join(repr(c) for c in empty) or "every column"
        errors.append(RowError(file, line, "record_id", rid,
                               f"incomplete record id {template.text!r}: {cols} empty"))
    return rid


def _skip_reason(values: dict[str, str], mapping: Mapping) -> str | None:
    for column, skipped in mapping.skip_if.items():
        value = (values.get(column) or "").strip()
        if value in skipped:
            return f"skip_if: column {column!r} is {value!r}"
    return None


def _undecodable(record: RawRecord, mapping: Mapping, file: str) -> list[RowError]:
    """Cells holding bytes that were not valid text in the mapping's encoding."""
    bad = []
    if not _SURROGATE.search("".join(record.values.values())):
        return bad
    for column, text in record.values.items():
        if _SURROGATE.search(text):
            raw = bytes(ord(ch) - 0xDC00 for ch in text if "\udc80" <= ch <= "\udcff")
            bad.append(RowError(file, record.line, None, None,
                                f"column {column!r} holds bytes that are not {mapping.encoding}: {raw[:16]!r}"))
    return bad
