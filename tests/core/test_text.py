"""Tests for vigil.core.text: normalisation, digits, language detection."""
import json
import os
from pathlib import Path

import pytest
from hypothesis import given, settings, strategies as st

from vigil.core.text import (
    ZWNJ, detect_language, fold, normalize, normalize_with_map, same_length,
    to_ascii_digits, to_persian_digits,
)

DOCS = Path(os.environ.get("VIGIL_SHARED", "/work/shared")) / "eval/extraction/docs.jsonl"


@pytest.mark.parametrize("raw, expected", [
    ("اعدام يك زندانى", "اعدام یک زندانی"),            # Arabic yeh/kaf/alef maksura
    ("١٣٩٦/٠٤/١٧", "1396/04/17"),                       # Arabic-Indic digits
    ("۲۷ مهر ۱۴۰۴", "27 مهر 1404"),                     # Persian digits
    ("زنـــدان", "زندان"),                               # tatweel
    ("مُحَمَّد", "محمد"),                                  # harakat
    ("سه\u200c\u200cشنبه", "سه\u200cشنبه"),             # repeated ZWNJ
    ("می\u200c خواهد", "می خواهد"),                      # ZWNJ before space
    ("\u200cزندان", "زندان"),                            # leading ZWNJ
    ("a\u00a0b", "a b"),                                # no-break space
    ("ﻗﺰﻝ", "قزل"),                                     # presentation forms
    ("مدرسة مسؤول", "مدرسة مسؤول"),                     # ة and hamza kept for display
    ("Ghezel Hesar", "Ghezel Hesar"),
])
def test_normalize_table(raw, expected):
    assert normalize(raw) == expected


@pytest.mark.parametrize("raw, expected", [
    ("مدرسة", "مدرسه"),
    ("مسؤول", "مسوول"),
    ("أحمد", "احمد"),
    ("إسلام", "اسلام"),
    ("آبان", "ابان"),
    ("رئیس", "رییس"),
    ("خانهٔ", "خانه"),
    ("سه\u200cشنبه", "سه شنبه"),
    ("  Ḥusayn   ALI ", "husayn ali"),
    ("İstanbul", "istanbul"),
])
def test_fold_table(raw, expected):
    assert fold(raw) == expected


def test_fold_meets_spelling_variants():
    assert fold("اعدام يك زندانى") == fold("اعدام یک زندانی")
    assert fold("سه شنبه") == fold("سه\u200cشنبه")
    assert fold("Ghezel HESAR") == fold("ghezel hesar")


def test_digits():
    assert to_ascii_digits("۱۴۰۳/۰۲/۲۵ و ١٣٩٦") == "1403/02/25 و 1396"
    assert to_persian_digits("1403") == "۱۴۰۳"
    assert to_ascii_digits(to_persian_digits("0123456789")) == "0123456789"


def test_same_length_keeps_offsets():
    raw = "روز سه\u200cشنبه ۲۵ اردیبهشت ١٤٠٣ يك\u00a0"
    out = same_length(raw)
    assert len(out) == len(raw)
    assert out.index("25") == raw.index("۲۵")


def test_normalize_with_map_offsets():
    raw = "زنـــدان مُحَمَّد ۱۴۰۳"
    out, offsets = normalize_with_map(raw)
    assert out == normalize(raw)
    assert len(offsets) == len(out) + 1 and offsets[-1] == len(raw)
    a = out.index("1403")
    assert raw[offsets[a]:offsets[a + 3] + 1] == "۱۴۰۳"
    m = out.index("محمد")
    assert raw[offsets[m]:offsets[m + 3] + 1] == "مُحَمَّد"


@pytest.mark.parametrize("text, lang", [
    ("Six prisoners were executed in Karaj on Thursday.", "en"),
    ("Iran: 2 Detainees Executed, 11 Await Imminent Execution", "en"),
    ("روز سه‌شنبه زندانیان اعتصاب غذا کردند", "fa"),
    ("اعدام يك زندانى", "fa"),
    ("ذهب الولد إلى المدرسة في الصباح", "other"),
    ("Der Mann wurde in der Stadt hingerichtet und die Familie", "other"),
    ("Le prisonnier a été exécuté et les familles", "other"),
    ("", "other"),
    ("12345 !!", "other"),
])
def test_detect_language(text, lang):
    assert detect_language(text) == lang


@pytest.mark.skipif(not DOCS.exists(), reason="shared eval set missing")
def test_detect_language_on_dev_set():
    docs = [json.loads(line) for line in DOCS.open(encoding="utf-8")]
    wrong = [d["id"] for d in docs if detect_language(d["text"]) != d["language"]]
    assert wrong == []


@settings(max_examples=400, deadline=None)
@given(st.text())
def test_normalize_idempotent_and_mapped(s):
    once = normalize(s)
    assert normalize(once) == once
    out, offsets = normalize_with_map(s)
    assert out == once
    assert len(offsets) == len(out) + 1
    assert offsets == sorted(offsets)


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ابپتيیكکةۀأإآؤئءـًٌٍَُِّ ۰۱٢3\u200c\u200dabcİß"))))
def test_fold_idempotent_persianish(s):
    assert fold(fold(s)) == fold(s)
    assert len(same_length(s)) == len(s)
    assert ZWNJ not in fold(s)


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_fold_idempotent_any(s):
    assert fold(fold(s)) == fold(s)
    assert detect_language(s) in {"fa", "en", "other"}


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("يكىة۰۱۲٣٤abc \u00a0\u200cـًیک")), min_size=60, max_size=200))
def test_same_length_long_path_equals_table(s):
    from vigil.core.text import _SAME_LENGTH_TABLE
    assert same_length(s) == s.translate(_SAME_LENGTH_TABLE)


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_normalize_map_points_at_source_characters(s):
    out, offsets = normalize_with_map(s)
    for i, ch in enumerate(out):
        assert ch in normalize_with_map(s[offsets[i]])[0] or ch == ZWNJ
