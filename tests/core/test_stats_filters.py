"""Filters: defaults, grade sets, parsing from query strings and CLI args."""
from __future__ import annotations

import argparse

import pytest

from vigil.core.stats.filters import (
    ALL_GRADES, DOCUMENTED_GRADES, HEADLINE_GRADES, Filter, parse_bool, parse_grades,
)


def test_defaults_are_executions_with_headline_grades():
    flt = Filter()
    assert flt.status == "executed" and flt.grades == HEADLINE_GRADES == ("official", "corroborated")
    assert "grades official, corroborated" in flt.describe()


def test_grade_sets_and_lists():
    assert parse_grades("documented") == DOCUMENTED_GRADES and "disputed" not in DOCUMENTED_GRADES
    assert parse_grades("all") == ALL_GRADES
    assert parse_grades("official,single_source") == ("official", "single_source")
    with pytest.raises(ValueError, match="unknown grade"):
        parse_grades("official,rumour")


def test_query_string_round_trip():
    flt = Filter.from_query("?period=1403&charge=drug&grades=all&juvenile=yes&country=ir&ignored=1")
    assert (flt.period, flt.charge, flt.grades, flt.juvenile, flt.country) == ("1403", "drug", ALL_GRADES, True, "IR")
    assert Filter.from_mapping(flt.to_dict()) == flt
    assert "Iranian year 1403" in flt.describe() and "juvenile = yes" in flt.describe()


def test_from_cli_args():
    args = argparse.Namespace(period="2025-01-01..2025-10-15", grades="headline", charge="", public="no",
                              officially_announced=None, by=["year"], format="json")
    flt = Filter.from_args(args)
    assert flt.public is False and flt.officially_announced is None and flt.period_obj.days == 288


def test_invalid_values_raise():
    with pytest.raises(ValueError):
        Filter(period="2025-99")
    with pytest.raises(ValueError):
        parse_bool("perhaps")
    assert parse_bool("") is None
