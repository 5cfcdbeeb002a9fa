"""Readers: turn a list file into raw records, each with the physical line where it starts.

Formats: delimited text (CSV, TSV, pipe), JSON Lines and Excel (.xlsx). Text files are
decoded with ``surrogateescape`` so a stray undecodable byte marks one row as bad (see
``rows.py``) instead of stopping the import. Multi-line records are read two ways: quoted
fields with line breaks (ordinary CSV), and the mapping's ``record_start`` rule for files
whose fields contain raw, unquoted line breaks (a physical line that does not match the
rule continues the previous record).
"""
from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator

from .errors import MappingError, ReadError
from .mapping import Mapping

_LINE_BREAK = re.compile(r"\r\n|\r|\n")


@dataclass
class RawRecord:
    """One record as found: its first physical line, column -> cell text, and any defect."""

    line: int
    values: dict[str, str]
    problem: str | None = None


@dataclass
class Table:
    """The header (column names) and a lazy sequence of records."""

    columns: tuple[str, ...]
    records: Iterator[RawRecord]


def read_table(path: str | Path, mapping: Mapping) -> Table:
    """Read ``path`` the way ``mapping`` says; raise :class:`ReadError` if it is unreadable."""
    path = Path(path)
    fmt = mapping.format_for(path)
    if fmt == "xlsx":
        rows = _xlsx_rows(path, mapping)
    else:
        text = _decode(path, mapping.encoding)
        if fmt == "jsonl":
            return _jsonl_table(text)
        rows = _text_rows(text, mapping, mapping.delimiter_for(fmt), path.name)
    return _table(rows, mapping, path.name, mapping.delimiter_for(fmt))


def _decode(path: Path, encoding: str) -> str:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ReadError(f"{path}: cannot read: {exc.strerror or exc}") from None
    try:
        text = data.decode(encoding, errors="surrogateescape")
    except (UnicodeError, LookupError) as exc:
        raise ReadError(f"{path.name}: cannot decode as {encoding}: {exc}") from None
    return text[1:] if text.startswith("\ufeff") else text


Row = tuple[int, list[str], "str | None"]  # first line, cells, defect


def _text_rows(text: str, mapping: Mapping, delimiter: str, name: str) -> Iterator[Row]:
    if mapping.record_start is not None:
        return _continued_rows(text, mapping, delimiter)
    return _csv_rows(text, delimiter, mapping.quotechar, name)


def _csv_rows(text: str, delimiter: str, quotechar: str | None, name: str) -> Iterator[Row]:
    """Rows of delimited text with the line each starts on (quoted line breaks allowed)."""
    reader = _reader(io.StringIO(text, newline=""), delimiter, quotechar)
    while True:
        start = reader.line_num + 1
        try:
            cells = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            raise ReadError(f"{name}:{start}: {exc}") from None
        yield start, cells, None


def _reader(lines: Iterable[str], delimiter: str, quotechar: str | None):
    if quotechar is None:
        return csv.reader(lines, delimiter=delimiter, quoting=csv.QUOTE_NONE)
    return csv.reader(lines, delimiter=delimiter, quotechar=quotechar)


def _continued_rows(text: str, mapping: Mapping, delimiter: str) -> Iterator[Row]:
    """Group physical lines into records with ``record_start``; then split each record."""
    for start, body, problem in _group_lines(text, mapping.record_start, mapping.header_row):
        yield start, _split(body, delimiter, mapping.quotechar), problem


def _group_lines(text: str, pattern: re.Pattern[str], header_row: int) -> Iterator[tuple[int, str, str | None]]:
    """Join each line matching ``pattern`` with the non-matching lines that follow it.

    Lines up to the header are single rows; a non-matching line with no record before
    it is returned on its own, marked as a defect, so it is reported rather than lost.
    """
    lines = _LINE_BREAK.split(text)
    while lines and lines[-1] == "":
        lines.pop()
    current: list | None = None
    for number, line in enumerate(lines, start=1):
        if number <= header_row:
            yield number, line, None
        elif pattern.match(line):
            if current:
                yield current[0], "\n".join(current[1]), None
            current = [number, [line]]
        elif current is not None:
            current[1].append(line)
        elif line.strip():
            yield number, line, "line does not match record_start and no record precedes it"
    if current:
        yield current[0], "\n".join(current[1]), None


def _split(body: str, delimiter: str, quotechar: str | None) -> list[str]:
    if quotechar is None:
        return body.split(delimiter)
    try:
        rows = list(_reader(io.StringIO(body, newline=""), delimiter, quotechar))
    except csv.Error:
        return body.split(delimiter)
    return [cell for row in rows for cell in row] if len(rows) != 1 else rows[0]


def _table(rows: Iterator[Row], mapping: Mapping, name: str, delimiter: str) -> Table:
    """Take the header off ``rows`` and wrap the rest as :class:`RawRecord` values."""
    if mapping.header_row == 0:
        columns = mapping.columns
    else:
        header = _find_header(rows, mapping.header_row, name)
        columns = _columns(header, mapping, name)
    return Table(columns, _records(rows, columns, delimiter))


def _find_header(rows: Iterator[Row], header_row: int, name: str) -> list[str]:
    for start, cells, _ in rows:
        if start >= header_row:
            return cells
    raise ReadError(f"{name}: no header line (expected on line {header_row}); is the file empty?")


def _columns(header: list[str], mapping: Mapping, name: str) -> tuple[str, ...]:
    if mapping.columns is not None:
        if len(mapping.columns) != len(header):
            raise MappingError(
                f"{mapping.name}: columns lists {len(mapping.columns)} names but the header "
                f"of {name} has {len(header)}: {', '.join(repr(h) for h in header)}")
        return mapping.columns
    return unique_names(header)


def unique_names(header: list[str]) -> tuple[str, ...]:
    """Trim header names; name blanks ``Column N``; number repeats ``Link (2)``."""
    seen: dict[str, int] = {}
    out = []
    for i, raw in enumerate(header, start=1):
        base = raw.strip() or f"Column {i}"
        seen[base] = seen.get(base, 0) + 1
        out.append(base if seen[base] == 1 else f"{base} ({seen[base]})")
    return tuple(out)


def _records(rows, columns: tuple[str, ...], delimiter: str) -> Iterator[RawRecord]:
    for start, cells, problem in rows:
        if not any(c.strip() for c in cells):
            continue  # blank line: not a record
        record = make_record(start, cells, columns, delimiter)
        record.problem = problem or record.problem
        yield record


def make_record(line: int, cells: list[str], columns: tuple[str, ...], delimiter: str = ",") -> RawRecord:
    """Pair cells with column names; note (never drop) missing or surplus cells."""
    values = dict(zip(columns, cells))
    problem = None
    if len(cells) != len(columns):
        problem = f"record has {len(cells)} fields, the header has {len(columns)}"
        for col in columns[len(cells):]:
            values[col] = ""
        if len(cells) > len(columns):
            values["_extra"] = delimiter.join(cells[len(columns):])
    return RawRecord(line, values, problem)


def _jsonl_table(text: str) -> Table:
    """JSON Lines: one object per line; the columns are every key seen, in order."""
    records: list[RawRecord] = []
    columns: dict[str, None] = {}
    for number, line in enumerate(_LINE_BREAK.split(text), start=1):
        if not line.strip():
            continue
        values, problem = _json_object(line)
        columns.update(dict.fromkeys(values))
        records.append(RawRecord(number, values, problem))
    cols = tuple(columns)
    for rec in records:
        for col in cols:
            rec.values.setdefault(col, "")
    return Table(cols, iter(records))


def _json_object(line: str) -> tuple[dict[str, str], str | None]:
    try:
        obj = json.loads(line)
    except (ValueError, RecursionError) as exc:
        return {}, f"not valid JSON: {exc}"
    if not isinstance(obj, dict):
        return {}, f"not a JSON object but {type(obj).__name__}"
    return {str(k): _json_cell(v) for k, v in obj.items()}, None


def _json_cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (dict, list)):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def _xlsx_rows(path: Path, mapping: Mapping) -> Iterator[Row]:
    """Rows of an Excel sheet; the sheet row number is the line."""
    book = _open_book(path)
    try:
        sheet = _sheet(book, mapping.sheet, path.name)
        fmt = mapping.date_formats[0]
        for number, row in enumerate(sheet.iter_rows(values_only=True), start=1):
            yield number, [_xlsx_cell(v, fmt) for v in row], None
    finally:
        book.close()


def _open_book(path: Path):
    import openpyxl

    try:
        return openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many types for a bad file
        raise ReadError(f"{path.name}: not a readable .xlsx workbook: {exc}") from None


def _sheet(book, name: str | None, file: str):
    if name is None:
        return book.worksheets[0]
    if name not in book.sheetnames:
        raise ReadError(f"{file}: no sheet {name!r}; sheets: {', '.join(book.sheetnames)}")
    return book[name]


def _xlsx_cell(value, date_format: str) -> str:
    """Cell text; native dates are written with the mapping's first date format."""
    if value is None:
        return ""
    if isinstance(value, (dt.datetime, dt.date)):
        return value.strftime(date_format)
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)
