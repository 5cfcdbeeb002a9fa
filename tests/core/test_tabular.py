"""List imports (vigil.core.tabular): real US lists, small synthetic files, fuzzing."""
from __future__ import annotations

import collections
import csv
import dataclasses
import datetime as dt
import json
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from vigil.core.tabular import (
    MappingError, ReadError, RowError, TabularError, builtin_mapping, builtin_mappings,
    format_plan, load_mapping, plan_import, read_rows,
)

US = Path("/work/shared/data/us")
DPIC = US / "dpic_execution_database.csv"
TDCJ = US / "tdcj_executed_offenders_last_statements.psv"
TDCJ_2014 = US / "tdcj_executed_offenders_1982_2014.csv"
needs_us = pytest.mark.skipif(not DPIC.exists(), reason="shared US lists not available")


def _year_counts_csv(path: Path, column: str) -> collections.Counter:
    """Per-year counts straight from the file with the csv module (independent of Vigil)."""
    with path.open(newline="", encoding="utf-8") as fh:
        return collections.Counter(
            r[column].strip().rsplit("/", 1)[1] for r in csv.DictReader(fh) if r[column].strip())


def _year_counts(rows) -> collections.Counter:
    return collections.Counter(r.fields["date"][:4] for r in rows if r.ok)


# ---------------------------------------------------------------- real lists: DPIC

@pytest.fixture(scope="module")
def dpic_rows():
    return list(read_rows(DPIC, builtin_mapping("dpic")))


@needs_us
def test_dpic_every_row_accounted_for(dpic_rows):
    assert len(dpic_rows) == 1492
    assert sum(r.ok for r in dpic_rows) == 1490
    bad = [r for r in dpic_rows if not r.ok]
    assert [r.line for r in bad] == [1452, 1467]
    assert [r.raw["Name"] for r in bad] == ["Marcel Williams", "Ruben Cardenas"]
    for row in bad:
        date_errors = [e for e in row.errors if e.field == "date"]
        assert date_errors and str(date_errors[0]).startswith(
            f"dpic_execution_database.csv:{row.line}: field 'date': ")


@needs_us
def test_dpic_plan_counts_and_unique_ids():
    plan = plan_import(DPIC, builtin_mapping("dpic"))
    assert (len(plan.create), len(plan.errors), plan.rows_read) == (1490, 2, 1492)
    assert len({r.record_id for r in plan.create}) == 1490


@needs_us
def test_dpic_per_year_counts_match_file(dpic_rows):
    expected = _year_counts_csv(DPIC, "Date")
    assert _year_counts(dpic_rows) == expected
    assert sum(expected.values()) == 1490
    assert expected["1999"] == 98  # the peak year of US executions


@needs_us
def test_dpic_names_and_dates_as_written(dpic_rows):
    with DPIC.open(newline="", encoding="utf-8") as fh:
        source = list(csv.DictReader(fh))
    for row, src in zip(dpic_rows, source, strict=True):
        assert row.raw == src
        assert row.fields["name"] == src["Name"].strip()
        if row.ok:
            parsed = dt.datetime.strptime(src["Date"], "%m/%d/%Y").date().isoformat()
            assert (row.written["date"], row.fields["date"]) == (src["Date"], parsed)
    graham = next(r for r in dpic_rows if "Sankofa" in r.raw["Name"])
    assert graham.line == 730
    assert graham.fields["name"] == "Shaka Sankofa (Gary Graham)"
    assert graham.fields["date"] == "2000-06-22" and graham.raw["Date"] == "06/22/2000"
    assert (graham.fields["age"], graham.fields["sex"], graham.fields["race"]) == (36, "m", "black")


# ---------------------------------------------------------------- real lists: TDCJ

@pytest.fixture(scope="module")
def tdcj_rows():
    return list(read_rows(TDCJ, builtin_mapping("tdcj")))


@needs_us
def test_tdcj_records_and_execution_numbers(tdcj_rows):
    assert len(tdcj_rows) == 568 and all(r.ok for r in tdcj_rows)
    numbers = [r.fields["execution_number"] for r in tdcj_rows]
    assert len(set(numbers)) == len(numbers)
    assert sorted(numbers) == list(range(1, 569))
    # The two records a naive reading loses (stray spaces around "Offender Information").
    green = next(r for r in tdcj_rows if r.record_id == "487")
    assert (green.line, green.fields["name"], green.fields["date"]) == (93, "Jonathan Green", "2012-10-10")
    hernandez = next(r for r in tdcj_rows if r.record_id == "21")
    assert (hernandez.line, hernandez.fields["name"], hernandez.raw["Date"]) == (563, "Ramon Hernandez", "01/30/1987")


@needs_us
def test_tdcj_naive_record_start_finds_566_and_flags_the_glued_records():
    """The README's literal rule yields 566 records; the two glued ones are not silent."""
    naive = dataclasses.replace(builtin_mapping("tdcj"),
                                record_start=re.compile(r"^\d+\|Offender Information\|"))
    rows = list(read_rows(TDCJ, naive))
    assert len(rows) == 566
    assert [(r.line, r.record_id) for r in rows if not r.ok] == [(92, "488"), (562, "22")]
    assert "record has 19 fields, the header has 10" in str(rows[[r.line for r in rows].index(92)].errors[0])
    missing = sorted(set(range(1, 569)) - {int(r.record_id) for r in rows})
    assert missing == [21, 487]


@needs_us
def test_tdcj_multiline_records(tdcj_rows):
    multi = [r for r in tdcj_rows if "\n" in r.raw["Last Statement"]]
    assert [r.record_id for r in multi] == [
        "515", "514", "513", "512", "511", "510", "509", "490", "486", "485", "484", "483"]
    physical_lines = sum(r.raw["Last Statement"].count("\n") + 1 for r in multi)
    assert physical_lines == 26
    rec = next(r for r in multi if r.record_id == "511")
    assert rec.line == 63 and rec.raw["Last Statement"].count("\n") == 3
    assert rec.raw["Last Statement"].startswith("(Written statement) \n  I just want to make")
    assert rec.fields["last_statement"].endswith("in Jesus name.")
    assert (rec.fields["name"], rec.fields["prisoner_number"], rec.fields["age"]) == ("Ray Jasper", "999341", 33)
    assert (rec.fields["date"], rec.fields["city"], rec.fields["race"]) == ("2014-03-19", "Bexar", "black")
    # The record after a multi-line one starts on the right physical line.
    assert next(r for r in tdcj_rows if r.record_id == "510").line == 67


@needs_us
def test_tdcj_independent_split_and_year_counts(tdcj_rows):
    text = TDCJ.read_text(encoding="utf-8")
    chunks = re.split(r"\n(?=\d+\|\s*Offender Information\s*\|)", text.rstrip("\n"))[1:]
    assert len(chunks) == len(tdcj_rows)
    expected = collections.Counter(c.split("|")[-3].strip().rsplit("/", 1)[1] for c in chunks)
    assert _year_counts(tdcj_rows) == expected
    for row, chunk in zip(tdcj_rows, chunks, strict=True):
        cells = chunk.split("|")
        assert (row.raw["Last Name"], row.raw["First Name"], row.raw["Date"]) == tuple(cells[3:4] + cells[4:5] + cells[7:8])


@needs_us
def test_tdcj_values_as_written_and_trimmed(tdcj_rows):
    by_id = {r.record_id: r for r in tdcj_rows}
    brooks = by_id["1"]
    assert brooks.fields["name"] == "Charlie Brooks, Jr." and brooks.raw["Last Name"] == "Brooks, Jr."
    assert by_id["568"].raw["Date"] == "1/15/2020" and by_id["568"].fields["date"] == "2020-01-15"
    assert by_id["568"].raw["County"] == " Collin" and by_id["568"].fields["city"] == "Collin"
    assert by_id["566"].raw["Race"] == "White " and by_id["566"].fields["race"] == "white"
    assert sum(r.raw["Race"] != r.raw["Race"].strip() for r in tdcj_rows) == 3
    assert sum(r.raw["Age"] != r.raw["Age"].strip() for r in tdcj_rows) == 22
    assert all(isinstance(r.fields["age"], int) for r in tdcj_rows)


# ---------------------------------------------------------------- real lists: old Texas copy

@needs_us
def test_tdcj_2014_rows_and_swapped_dates(tdcj_rows):
    rows = list(read_rows(TDCJ_2014, builtin_mapping("tdcj_2014")))
    assert len(rows) == 515 and all(r.ok for r in rows)  # %m/%d/%Y never fails here
    assert _year_counts(rows) == _year_counts_csv(TDCJ_2014, "Date")
    assert rows[1].raw["Date"] == "9/4/2014" and rows[1].fields["date"] == "2014-09-04"
    # Read as written; against the TDCJ list many have day and month swapped.
    key = lambda r: (r.fields["family_name"].split(",")[0].strip().lower(), r.fields["given_name"].lower())
    tdcj_dates = collections.defaultdict(set)
    for r in tdcj_rows:
        tdcj_dates[key(r)].add(r.fields["date"])
    swapped = sum(f"{r.fields['date'][:4]}-{r.fields['date'][8:]}-{r.fields['date'][5:7]}"
                  in tdcj_dates[key(r)] - {r.fields["date"]} for r in rows)
    assert swapped == 182


def test_builtin_mappings_listed():
    assert builtin_mappings() == ["dpic", "tdcj", "tdcj_2014"]
    with pytest.raises(MappingError, match="available: dpic, tdcj, tdcj_2014"):
        builtin_mapping("nope")


# ---------------------------------------------------------------- small files

def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def _mapping(tmp_path: Path, text: str, name: str = "m.toml"):
    return load_mapping(_write(tmp_path, name, text))


BASIC = '''
date_format = "%m/%d/%Y"
record_id = "{Id}"
[fields]
name = "{First} {Last}"
date = "{Date}"
age = "{Age}"
status = "executed"
'''


def test_tsv_inferred_from_extension(tmp_path):
    data = _write(tmp_path, "l.tsv", "Id\tFirst\tLast\tDate\tAge\n1\tAna\tRuiz\t2/3/2001\t 30 \n")
    (row,) = read_rows(data, _mapping(tmp_path, BASIC))
    assert row.ok and row.line == 2 and row.record_id == "1"
    assert row.fields == {"name": "Ana Ruiz", "date": "2001-02-03", "age": 30, "status": "executed"}
    assert row.raw["Age"] == " 30 "


def test_csv_quoted_newlines_keep_physical_lines(tmp_path):
    data = _write(tmp_path, "l.csv",
                  'Id,First,Last,Date,Age\n1,"Ana\nMaria",Ruiz,2/3/2001,30\n\n2,Bo,Li,1/1/1990,40\n')
    rows = list(read_rows(data, _mapping(tmp_path, BASIC)))
    assert [(r.line, r.fields["name"]) for r in rows] == [(2, "Ana\nMaria Ruiz"), (5, "Bo Li")]


def test_jsonl_with_bad_line(tmp_path):
    data = _write(tmp_path, "l.jsonl", "\n".join([
        json.dumps({"Id": 1, "First": "Ana", "Last": "Ruiz", "Date": "2/3/2001", "Age": 30}),
        "{not json",
        json.dumps({"Id": 3, "First": "Bo", "Last": "Li", "Date": "1/1/1990"}),
        "[1, 2]",
    ]))
    rows = list(read_rows(data, _mapping(tmp_path, BASIC)))
    assert [r.line for r in rows] == [1, 2, 3, 4]
    assert rows[0].fields["age"] == 30 and rows[2].fields["age"] is None and rows[2].ok
    assert str(rows[1].errors[0]).startswith("l.jsonl:2: not valid JSON")
    assert "not a JSON object" in str(rows[3].errors[0])


def test_xlsx(tmp_path):
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Id", "First", "Last", "Date", "Age"])
    sheet.append([1, "Ana", "Ruiz", dt.datetime(2001, 2, 3), 30])
    sheet.append([None, None, None, None, None])
    sheet.append([2, "Bo\nJun", "Li", "1/1/1990", "forty"])
    book.save(tmp_path / "l.xlsx")
    rows = list(read_rows(tmp_path / "l.xlsx", _mapping(tmp_path, BASIC)))
    assert [r.line for r in rows] == [1 + 1, 4]
    assert rows[0].ok and rows[0].fields["date"] == "2001-02-03" and rows[0].record_id == "1"
    assert rows[1].fields["name"] == "Bo\nJun Li"
    assert [str(e) for e in rows[1].errors] == ["l.xlsx:4: field 'age': cannot read 'forty' as a whole number"]


def test_xlsx_not_a_workbook(tmp_path):
    data = _write(tmp_path, "l.xlsx", "Id,First\n")
    with pytest.raises(ReadError, match="l.xlsx: not a readable .xlsx"):
        read_rows(data, _mapping(tmp_path, BASIC))


def test_unparseable_date_message(tmp_path):
    data = _write(tmp_path, "dpic.csv", "Id,First,Last,Date,Age\n1,A,B,2/3/2001,1\n2,C,D,00/00/1990,2\n")
    rows = list(read_rows(data, _mapping(tmp_path, BASIC)))
    (err,) = rows[1].errors
    assert str(err) == "dpic.csv:3: field 'date': cannot parse '00/00/1990' with %m/%d/%Y"
    assert (err.file, err.line, err.field, err.value) == ("dpic.csv", 3, "date", "00/00/1990")
    assert rows[1].fields["date"] is None and rows[1].raw["Date"] == "00/00/1990"


def test_date_formats_tried_in_order(tmp_path):
    mapping = _mapping(tmp_path, BASIC.replace('"%m/%d/%Y"', '["%Y-%m-%d", "%d.%m.%Y"]'))
    data = _write(tmp_path, "l.csv", "Id,First,Last,Date,Age\n1,A,B,2001-02-03,1\n2,A,B,04.05.2002,1\n3,A,B,x,1\n")
    rows = list(read_rows(data, mapping))
    assert [r.fields["date"] for r in rows] == ["2001-02-03", "2002-05-04", None]
    assert rows[2].errors[0].message == "cannot parse 'x' with %Y-%m-%d or %d.%m.%Y"


def test_vocabulary_and_null_values(tmp_path):
    mapping = _mapping(tmp_path, BASIC + '''sex = "{Sex}"
[values.sex]
m = "m"
Female = "f"
''')
    mapping.fields["age"] = dataclasses.replace(mapping.fields["age"], null=frozenset({"0"}))
    data = _write(tmp_path, "l.csv", "Id,First,Last,Date,Age,Sex\n1,A,B,1/1/2000,0,M\n2,A,B,1/1/2000,5,female\n"
                                     "3,A,B,1/1/2000,5,x\n4,A,B,1/1/2000,5,\n")
    rows = list(read_rows(data, mapping))
    assert [r.fields["sex"] for r in rows] == ["m", "f", None, None]
    assert rows[0].fields["age"] is None and rows[0].ok
    assert str(rows[2].errors[0]) == "l.csv:4: field 'sex': unknown value 'x'; the mapping knows 'm', 'Female'"
    assert rows[3].ok


def test_required_and_malformed_rows_reported(tmp_path):
    mapping = _mapping(tmp_path, 'required = ["name"]\n' + BASIC)
    data = _write(tmp_path, "l.csv", "Id,First,Last,Date,Age\n1,,,1/1/2000,1\n2,A,B,1/1/2000\n3,A,B,1/1/2000,1,extra\n")
    rows = list(read_rows(data, mapping))
    assert [str(e) for e in rows[0].errors] == ["l.csv:2: field 'name': required value is missing"]
    assert str(rows[1].errors[0]) == "l.csv:3: record has 4 fields, the header has 5"
    assert rows[2].raw["_extra"] == "extra" and not rows[2].ok


def test_record_start_orphan_line_reported(tmp_path):
    mapping = _mapping(tmp_path, 'delimiter = "|"\nquotechar = ""\nrecord_start = \'^\\d+\\|\'\n' + BASIC)
    data = _write(tmp_path, "l.psv", 'Id|First|Last|Date|Age\nstray "line\n1|A|B|1/1/2000|1\n2|C "x|D\nmore|1/1/2001|2\n')
    rows = list(read_rows(data, mapping))
    assert rows[0].line == 2 and "does not match record_start" in str(rows[0].errors[0])
    assert [(r.line, r.record_id, r.ok) for r in rows[1:]] == [(3, "1", True), (4, "2", True)]
    assert rows[2].fields["name"] == 'C "x D\nmore'


def test_undecodable_bytes_are_row_errors(tmp_path):
    data = tmp_path / "l.csv"
    data.write_bytes(b"Id,First,Last,Date,Age\n1,A\xff,B,1/1/2000,1\n2,C,D,1/1/2000,2\n")
    rows = list(read_rows(data, _mapping(tmp_path, BASIC)))
    assert "column 'First' holds bytes that are not utf-8: b'\\xff'" in str(rows[0].errors[0])
    assert rows[1].ok


def test_skip_if(tmp_path):
    mapping = _mapping(tmp_path, BASIC + '[skip_if]\nFirst = ["TOTAL"]\n')
    data = _write(tmp_path, "l.csv", "Id,First,Last,Date,Age\n1,A,B,1/1/2000,1\n,TOTAL,,,\n")
    plan = plan_import(data, mapping)
    assert (len(plan.create), len(plan.skipped), plan.rows_read) == (1, 1, 2)
    assert plan.skipped[0].line == 3 and "skip_if" in format_plan(plan)


# ---------------------------------------------------------------- mapping validation

def test_unknown_column_names_mapping_field_and_available(tmp_path):
    mapping = _mapping(tmp_path, BASIC.replace("{Age}", "{Agee}"), name="dpic.toml")
    data = _write(tmp_path, "l.csv", "Id,First,Last,Date,Age\n")
    with pytest.raises(MappingError) as info:
        read_rows(data, mapping)
    msg = str(info.value)
    assert msg.startswith("dpic.toml: field 'age' uses column 'Agee'")
    assert "available columns: 'Id', 'First', 'Last', 'Date', 'Age'" in msg


@pytest.mark.parametrize("text, message", [
    ("record_id = [", "not a readable TOML file"),
    ('record_id = "{Id}"\n', "a [fields] table"),
    ('[fields]\nname = "{A}"\n', "record_id is missing"),
    ('record_id = "{Id"\n[fields]\nname = "{A}"\n', "unmatched '{'"),
    ('record_id = "{Id}"\ndelimeter = ","\n[fields]\nname = "{A}"\n', "unknown key(s) delimeter"),
    ('record_id = "{Id}"\n[fields]\nname = { template = "{A}", type = "float" }\n', "type must be one of"),
    ('record_id = "{Id}"\n[fields]\nName = "{A}"\n', "lower_case_with_underscores"),
    ('record_id = "{Id}"\n[fields]\nname = "{A}"\n[values.sex]\nm = "m"\n', "[values.sex] is for a field not defined"),
    ('record_id = "{Id}"\n[fields]\nstatus = "dead"\n[values.status]\nexecuted = "executed"\n', "constant 'dead'"),
    ('record_id = "{Id}"\nrecord_start = "("\n[fields]\nname = "{A}"\n', "not a valid regular expression"),
    ('record_id = "{Id}"\nencoding = "klingon"\n[fields]\nname = "{A}"\n', "unknown encoding"),
    ('record_id = "{Id}"\nformat = "xls"\n[fields]\nname = "{A}"\n', "format must be one of"),
    ('record_id = "{Id}"\nrequired = ["date"]\n[fields]\nname = "{A}"\n', "required field 'date' is not defined"),
    ('record_id = "{Id}"\ndate_format = "mm/dd"\n[fields]\nname = "{A}"\n', "date_format must be"),
])
def test_bad_mappings(tmp_path, text, message):
    with pytest.raises(MappingError) as info:
        _mapping(tmp_path, text, name="bad.toml")
    assert str(info.value).startswith("bad.toml: ") and message in str(info.value)


def test_missing_mapping_and_list(tmp_path):
    with pytest.raises(MappingError, match="mapping file not found"):
        load_mapping(tmp_path / "none.toml")
    with pytest.raises(ReadError, match="cannot read"):
        read_rows(tmp_path / "none.csv", _mapping(tmp_path, BASIC))
    with pytest.raises(MappingError, match="cannot tell the format"):
        read_rows(_write(tmp_path, "l.dat", "x"), _mapping(tmp_path, BASIC))
    with pytest.raises(ReadError, match="no header line"):
        read_rows(_write(tmp_path, "e.csv", ""), _mapping(tmp_path, BASIC))


# ---------------------------------------------------------------- plans (--dry-run / --update)

def test_duplicate_record_id_names_both_lines(tmp_path):
    data = _write(tmp_path, "l.csv", "Id,First,Last,Date,Age\n7,A,B,1/1/2000,1\n8,C,D,1/1/2000,1\n7,E,F,1/1/2001,2\n")
    plan = plan_import(data, _mapping(tmp_path, BASIC))
    assert [r.record_id for r in plan.create] == ["8"]
    assert [str(e) for e in plan.error_messages] == [
        "l.csv:2: field 'record_id': duplicate record id '7': also on line 4",
        "l.csv:4: field 'record_id': duplicate record id '7': also on line 2",
    ]


def test_dry_run_plan_with_update_diffs(tmp_path):
    data = _write(tmp_path, "l.csv", "Id,First,Last,Date,Age\n1,A,B,1/1/2000,31\n2,C,D,1/2/2000,40\n"
                                     "3,E,F,1/3/2000,50\n4,G,H,13/13/2000,1\n")
    existing = {
        "1": {"name": "A B", "date": dt.date(2000, 1, 1), "age": 30, "status": "executed", "note": "kept"},
        "2": {"name": "C D", "date": "2000-01-02", "age": "40", "status": "executed"},
        "9": {"name": "Gone"},
    }
    plan = plan_import(data, _mapping(tmp_path, BASIC), existing)
    assert [u.row.record_id for u in plan.update] == ["1"]
    assert plan.update[0].changes == {"age": (30, 31)}
    assert [r.record_id for r in plan.unchanged] == ["2"]
    assert [r.record_id for r in plan.create] == ["3"]
    assert [r.line for r in plan.errors] == [5]
    assert plan.missing == ["9"]
    report = format_plan(plan)
    assert report.splitlines()[0] == ("l.csv: 4 records read: 1 to create, 1 to update, 1 unchanged, "
                                      "1 with errors, 0 skipped; 1 stored records not in the file")
    assert "line 2: 1: age: 30 -> 31" in report
    assert "l.csv:5: field 'date': cannot parse '13/13/2000' with %m/%d/%Y" in report


# ---------------------------------------------------------------- fuzzing

FUZZ_MAPPINGS = {
    "csv": 'record_id = "{a}"\n[fields]\nname = "{b}"\ndate = "{c}"\n',
    "psv": 'delimiter = "|"\nquotechar = ""\nrecord_start = \'^\\d+\\|\'\nrecord_id = "{a}"\n[fields]\nname = "{b}"\n',
    "jsonl": 'record_id = "{a}"\n[fields]\nname = "{b}"\n',
    "xlsx": 'record_id = "{a}"\n[fields]\nname = "{b}"\n',
}


def _consume(path: Path, mapping) -> None:
    try:
        plan = plan_import(path, mapping)
    except TabularError:
        return
    for row in plan.errors:
        assert row.errors and all(isinstance(e, RowError) and str(e) for e in row.errors)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(fmt=st.sampled_from(sorted(FUZZ_MAPPINGS)), data=st.binary(max_size=300))
def test_arbitrary_bytes_only_clean_errors(tmp_path, fmt, data):
    path = tmp_path / f"f.{fmt}"
    path.write_bytes(data)
    _consume(path, _mapping(tmp_path, FUZZ_MAPPINGS[fmt], name=f"{fmt}.toml"))


csv_text = st.lists(
    st.lists(st.text(alphabet='ab1|,"\n\r\t x/é', max_size=8), min_size=1, max_size=5),
    max_size=6,
).map(lambda rows: "\n".join(",".join(r) for r in rows))


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(fmt=st.sampled_from(["csv", "psv", "jsonl"]), body=csv_text, header=st.booleans())
def test_arbitrary_csv_text_only_clean_errors(tmp_path, fmt, body, header):
    path = tmp_path / f"f.{fmt}"
    sep = "|" if fmt == "psv" else ","
    path.write_text((f"a{sep}b{sep}c\n" if header else "") + body.replace(",", sep), encoding="utf-8")
    _consume(path, _mapping(tmp_path, FUZZ_MAPPINGS[fmt], name=f"{fmt}.toml"))


def test_xlsx_named_sheet(tmp_path):
    import openpyxl

    book = openpyxl.Workbook()
    book.active.title = "notes"
    sheet = book.create_sheet("list")
    sheet.append(["Id", "First", "Last", "Date", "Age"])
    sheet.append([5, "Ana", "Ruiz", "2/3/2001", 30])
    book.save(tmp_path / "l.xlsx")
    (row,) = read_rows(tmp_path / "l.xlsx", _mapping(tmp_path, 'sheet = "list"\n' + BASIC))
    assert row.ok and row.record_id == "5"
    with pytest.raises(ReadError, match="no sheet 'x'; sheets: notes, list"):
        read_rows(tmp_path / "l.xlsx", _mapping(tmp_path, 'sheet = "x"\n' + BASIC))


def test_crlf_and_header_row(tmp_path):
    data = tmp_path / "l.csv"
    data.write_bytes(b"\xef\xbb\xbfExported 2020\r\nId,First,Last,Date,Age\r\n1,A,B,1/1/2000,1\r\n"
                     b"2,\"C\r\nX\",D,1/2/2000,2\r\n3,E,F,1/3/2000,3\r\n")
    rows = list(read_rows(data, _mapping(tmp_path, "header_row = 2\n" + BASIC)))
    assert [(r.line, r.record_id) for r in rows] == [(3, "1"), (4, "2"), (6, "3")]
    assert rows[1].raw["First"] == "C\r\nX" and all(r.ok for r in rows)
