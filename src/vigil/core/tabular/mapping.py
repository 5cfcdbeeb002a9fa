"""Mapping files: how the columns of another organisation's list become Vigil fields.

A mapping is a small TOML file (see ``docs/import-mapping.md``). :func:`load_mapping`
reads and validates it; :func:`check_columns` checks it against a list's header.
"""
from __future__ import annotations

import codecs
import re
import tomllib
from dataclasses import dataclass, field, replace
from pathlib import Path

from .errors import MappingError
from .template import Template, parse_template

FORMATS = ("csv", "tsv", "psv", "jsonl", "xlsx")
EXTENSIONS = {
    ".csv": "csv", ".tsv": "tsv", ".tab": "tsv", ".psv": "psv", ".pipe": "psv",
    ".jsonl": "jsonl", ".ndjson": "jsonl", ".xlsx": "xlsx", ".xlsm": "xlsx",
}
DEFAULT_DELIMITERS = {"csv": ",", "tsv": "\t", "psv": "|"}
TYPES = ("str", "int", "date")
TOP_KEYS = {
    "format", "delimiter", "encoding", "quotechar", "header_row", "columns", "sheet",
    "date_format", "record_id", "record_start", "required", "skip_if", "fields", "values",
}
FIELD_KEYS = {"template", "type", "required", "null"}
FIELD_NAME = re.compile(r"[a-z_][a-z0-9_]*")
# Pseudo-columns every record has, usable in templates (e.g. record_id = "row-{_line}").
PSEUDO_COLUMNS = ("_line",)


@dataclass(frozen=True)
class FieldSpec:
    """How one Vigil field is made from a record."""

    name: str
    template: Template
    type: str = "str"
    required: bool = False
    null: frozenset[str] = frozenset()
    values: dict[str, str] | None = None


@dataclass(frozen=True)
class Mapping:
    """A validated mapping file."""

    path: str
    record_id: Template
    fields: dict[str, FieldSpec]
    format: str | None = None
    delimiter: str | None = None
    encoding: str = "utf-8"
    quotechar: str | None = '"'
    header_row: int = 1
    columns: tuple[str, ...] | None = None
    sheet: str | None = None
    date_formats: tuple[str, ...] = ("%Y-%m-%d",)
    record_start: re.Pattern[str] | None = None
    skip_if: dict[str, frozenset[str]] = field(default_factory=dict)

    @property
    def name(self) -> str:
        return Path(self.path).name

    def format_for(self, data_path: str | Path) -> str:
        """The file format: the mapping's ``format``, else inferred from the extension."""
        if self.format:
            return self.format
        ext = Path(data_path).suffix.lower()
        if ext not in EXTENSIONS:
            raise MappingError(
                f"{self.name}: cannot tell the format of '{Path(data_path).name}' from its "
                f"extension; set format = one of {', '.join(FORMATS)}"
            )
        return EXTENSIONS[ext]

    def delimiter_for(self, fmt: str) -> str:
        return self.delimiter or DEFAULT_DELIMITERS.get(fmt, ",")

    def referenced_columns(self) -> dict[str, tuple[str, ...]]:
        """Columns used by each template, keyed by what uses them."""
        used = {"record_id": self.record_id.columns}
        used.update({f.name: f.template.columns for f in self.fields.values()})
        if self.skip_if:
            used["skip_if"] = tuple(self.skip_if)
        return used


def load_mapping(path: str | Path) -> Mapping:
    """Read and validate the mapping TOML at ``path``; raise :class:`MappingError`."""
    path = Path(path)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise MappingError(f"{path}: mapping file not found") from None
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise MappingError(f"{path.name}: not a readable TOML file: {exc}") from None
    return mapping_from_dict(data, str(path))


def mapping_from_dict(data: dict, path: str = "<mapping>") -> Mapping:
    """Build a :class:`Mapping` from already-parsed TOML data (``path`` names it in errors)."""
    name = Path(path).name
    _check_keys(name, "top level", data, TOP_KEYS)
    fields = _fields(name, data)
    _values(name, data.get("values", {}), fields)
    for req in _str_list(name, "required", data.get("required", [])):
        if req not in fields:
            raise MappingError(f"{name}: required field '{req}' is not defined in [fields]")
        fields[req] = _replace(fields[req], required=True)
    if "record_id" not in data:
        raise MappingError(f"{name}: record_id is missing (e.g. record_id = \"{{Execution}}\")")
    return Mapping(
        path=path,
        record_id=_template(name, "record_id", data["record_id"]),
        fields=fields,
        format=_format(name, data.get("format")),
        delimiter=_delimiter(name, data.get("delimiter")),
        encoding=_encoding(name, data.get("encoding", "utf-8")),
        quotechar=_quotechar(name, data.get("quotechar", '"')),
        header_row=_header_row(name, data.get("header_row", 1), data.get("columns")),
        columns=_columns(name, data.get("columns")),
        sheet=_opt_str(name, "sheet", data.get("sheet")),
        date_formats=_date_formats(name, data.get("date_format", "%Y-%m-%d")),
        record_start=_regex(name, data.get("record_start")),
        skip_if=_skip_if(name, data.get("skip_if", {})),
    )


def check_columns(mapping: Mapping, columns: list[str] | tuple[str, ...], data_name: str) -> None:
    """Raise :class:`MappingError` when a template names a column the list lacks."""
    available = set(columns) | set(PSEUDO_COLUMNS)
    for user, cols in mapping.referenced_columns().items():
        for col in cols:
            if col not in available:
                what = "skip_if" if user == "skip_if" else (
                    "record_id" if user == "record_id" else f"field '{user}'")
                raise MappingError(
                    f"{mapping.name}: {what} uses column '{col}', which {data_name} does not "
                    f"have; available columns: {', '.join(repr(c) for c in columns)}"
                )


def default_type(field_name: str) -> str:
    """``date`` for date fields, ``int`` for ages, ``str`` otherwise."""
    if field_name == "date" or field_name.startswith("date_") or field_name.endswith("_date"):
        return "date"
    if field_name == "age" or field_name.endswith("_age"):
        return "int"
    return "str"


def _replace(spec: FieldSpec, **changes) -> FieldSpec:
    return replace(spec, **changes)


def _check_keys(name: str, where: str, table: dict, allowed: set[str]) -> None:
    unknown = sorted(set(table) - allowed)
    if unknown:
        raise MappingError(
            f"{name}: unknown key(s) {', '.join(unknown)} at {where}; "
            f"allowed: {', '.join(sorted(allowed))}"
        )


def _template(name: str, what: str, text) -> Template:
    if not isinstance(text, str):
        raise MappingError(f"{name}: {what} must be a string template, got {text!r}")
    try:
        return parse_template(text)
    except ValueError as exc:
        raise MappingError(f"{name}: {what}: bad template {text!r}: {exc}") from None


def _fields(name: str, data: dict) -> dict[str, FieldSpec]:
    table = data.get("fields")
    if not isinstance(table, dict) or not table:
        raise MappingError(f"{name}: a [fields] table with at least one field is required")
    return {key: _field(name, key, value) for key, value in table.items()}


def _field(name: str, key: str, value) -> FieldSpec:
    if not FIELD_NAME.fullmatch(key):
        raise MappingError(f"{name}: field name '{key}' must be lower_case_with_underscores")
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        value = str(value)
    if isinstance(value, str):
        return FieldSpec(key, _template(name, f"field '{key}'", value), default_type(key))
    if not isinstance(value, dict):
        raise MappingError(f"{name}: field '{key}' must be a template string or a table")
    _check_keys(name, f"field '{key}'", value, FIELD_KEYS)
    if "template" not in value:
        raise MappingError(f"{name}: field '{key}' needs template = \"{{Column}}\"")
    ftype = value.get("type", default_type(key))
    if ftype not in TYPES:
        raise MappingError(f"{name}: field '{key}': type must be one of {', '.join(TYPES)}, got {ftype!r}")
    required = value.get("required", False)
    if not isinstance(required, bool):
        raise MappingError(f"{name}: field '{key}': required must be true or false")
    null = frozenset(_str_list(name, f"field '{key}' null", value.get("null", [])))
    return FieldSpec(key, _template(name, f"field '{key}'", value["template"]), ftype, required, null)


def _values(name: str, tables, fields: dict[str, FieldSpec]) -> None:
    if not isinstance(tables, dict):
        raise MappingError(f"{name}: [values] must hold one table per field, e.g. [values.sex]")
    for key, table in tables.items():
        if key not in fields:
            raise MappingError(f"{name}: [values.{key}] is for a field not defined in [fields]")
        if fields[key].type != "str":
            raise MappingError(f"{name}: [values.{key}]: vocabularies apply to text fields only")
        if not isinstance(table, dict) or not all(isinstance(v, str) for v in table.values()):
            raise MappingError(f"{name}: [values.{key}] must map raw values to strings")
        spec = _replace(fields[key], values=dict(table))
        if spec.template.is_constant and _vocab(spec, spec.template.text) is None:
            raise MappingError(
                f"{name}: field '{key}' is the constant {spec.template.text!r}, "
                f"which [values.{key}] does not list")
        fields[key] = spec


def _vocab(spec: FieldSpec, value: str) -> str | None:
    """Look ``value`` up in the field's vocabulary: exact, then case-insensitive."""
    table = spec.values or {}
    if value in table:
        return table[value]
    folded = value.casefold()
    for raw, mapped in table.items():
        if raw.casefold() == folded:
            return mapped
    return None


def _str_list(name: str, what: str, value) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise MappingError(f"{name}: {what} must be a list of strings")
    return value


def _opt_str(name: str, what: str, value) -> str | None:
    if value is not None and not isinstance(value, str):
        raise MappingError(f"{name}: {what} must be a string")
    return value


def _format(name: str, value) -> str | None:
    if value is not None and value not in FORMATS:
        raise MappingError(f"{name}: format must be one of {', '.join(FORMATS)}, got {value!r}")
    return value


def _delimiter(name: str, value) -> str | None:
    if value is not None and (not isinstance(value, str) or len(value) != 1 or value in "\r\n\"'"):
        raise MappingError(f"{name}: delimiter must be one character (not a quote or line break), got {value!r}")
    return value


def _quotechar(name: str, value) -> str | None:
    if not isinstance(value, str) or len(value) > 1 or value in ("\r", "\n"):
        raise MappingError(f"{name}: quotechar must be one character, or \"\" for no quoting")
    return value or None


def _encoding(name: str, value) -> str:
    try:
        codecs.lookup(value)
    except (LookupError, TypeError):
        raise MappingError(f"{name}: unknown encoding {value!r}") from None
    return value


def _header_row(name: str, value, columns) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise MappingError(f"{name}: header_row must be a line number (1 = first line, 0 = no header)")
    if value == 0 and not columns:
        raise MappingError(f"{name}: header_row = 0 (no header) needs columns = [...]")
    return value


def _columns(name: str, value) -> tuple[str, ...] | None:
    if value is None:
        return None
    cols = _str_list(name, "columns", value)
    if len(set(cols)) != len(cols) or not cols:
        raise MappingError(f"{name}: columns must be a non-empty list of distinct names")
    return tuple(cols)


def _date_formats(name: str, value) -> tuple[str, ...]:
    formats = [value] if isinstance(value, str) else value
    formats = _str_list(name, "date_format", formats)
    if not formats or not all("%" in f for f in formats):
        raise MappingError(f"{name}: date_format must be a strptime format such as \"%m/%d/%Y\" (or a list)")
    return tuple(formats)


def _regex(name: str, value) -> re.Pattern[str] | None:
    if value is None:
        return None
    if not isinstance(value, str):
        raise MappingError(f"{name}: record_start must be a regular expression string")
    try:
        return re.compile(value)
    except re.error as exc:
        raise MappingError(f"{name}: record_start is not a valid regular expression: {exc}") from None


def _skip_if(name: str, value) -> dict[str, frozenset[str]]:
    if not isinstance(value, dict):
        raise MappingError(f"{name}: skip_if must be a table of column = [values]")
    return {col: frozenset(_str_list(name, f"skip_if.{col}", v)) for col, v in value.items()}
