"""Every parser against hostile input: no crash, and bounded time.

Property tests (hypothesis) feed random input to each parser: it returns a result or raises
its own documented error, never anything else. Size attacks (a 50 MB line, deeply nested
HTML, a PDF bomb, invalid UTF-8, a 100,000-item feed) must give a clear error or a bounded
result within BOUND seconds — a safety bound measured with ``time.perf_counter``, not a
speed target. Deeper fuzzing: the atheris harnesses in ``fuzz/``.
"""
from __future__ import annotations

import subprocess
import sys
import time
import zlib
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from vigil.core import dates, feeds, names, reading, tabular
from vigil.core.extract import extract

from tests.pdfs import pdf
from tests.security.conftest import sqlite_pass_only

pytestmark = sqlite_pass_only

BOUND = 30.0  # seconds: the stated safety bound for every hostile input
SAMPLE = Path(__file__).resolve().parents[2] / "src" / "vigil" / "sample" / "lists"
FUZZ = settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Text with the characters the parsers care about: Persian, digits of three scripts, punctuation.
ALPHABET = st.sampled_from(list("abcdefghijklmnopqrstuvwxyzAEIOU0123456789۰۱۲۳۴۵۶۷۸۹٠١٢٣ ،,.:;-/()\n\t'\"")
                           + list("ابپتثجچحخدذرزژسشصضطظعغفقکگلمنوهیيكۀةأإآءئ‌") + ["\u200c", "\u202b", "\x00", "\ufeff"])
TEXT = st.one_of(st.text(ALPHABET, max_size=300), st.text(max_size=200))
WORDS = st.lists(st.sampled_from(["executed", "hanged", "prison", "Qezelhesar", "Ali", "Karimi", "1403", "2024",
                                  "May", "اعدام", "زندان", "اردیبهشت", "۱۴۰۳", "فروردین", "on", "in", "last", "week",
                                  "ago", "days", "سال", "گذشته", "born", "son", "of", "فرزند"]), max_size=40).map(" ".join)
PUBLISHED = st.one_of(st.none(), st.sampled_from(["2024-05-20", "2024-05", "2024", "1999-12-31", "", "garbage"]))


def within_bound(call, *args, **kwargs):
    started = time.perf_counter()
    result = call(*args, **kwargs)
    elapsed = time.perf_counter() - started
    assert elapsed < BOUND, f"{call.__name__} took {elapsed:.1f} s (bound {BOUND} s)"
    return result


# --- property tests: no crash --------------------------------------------------------------

@FUZZ
@given(st.one_of(TEXT, WORDS), PUBLISHED)
def test_dates_never_crash(text, published):
    try:
        found = dates.find_dates(text, published)
    except ValueError as exc:  # an unreadable publication date is the documented error
        assert published not in (None, "2024-05-20", "2024-05", "2024", "1999-12-31"), exc
        return
    for item in found:
        assert 0 <= item.span[0] <= item.span[1] <= len(text)
        assert item.start is None or item.end is None or item.start <= item.end
    dates.parse_date(text[:80], published if published not in ("", "garbage") else None)


@FUZZ
@given(st.one_of(TEXT, WORDS))
def test_names_never_crash(text):
    split = names.split_name(text)
    assert isinstance(split.full, str)
    assert isinstance(names.name_key(text), str)
    assert isinstance(names.transliterate(text), str)
    assert all(isinstance(k, str) for k in names.token_keys(text))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(TEXT, WORDS), st.sampled_from([None, "2024-05-20", "2024"]), st.sampled_from([None, "en", "fa"]))
def test_extract_never_crashes(text, published, language):
    out = extract(text, published=published, language=language)
    assert set(out) == {"cases", "groups", "campaigns", "claims"}


MEDIA = st.sampled_from(["r.txt", "r.html", "r.pdf", "r.eml", "r"])


@FUZZ
@given(st.one_of(st.binary(max_size=2000), TEXT.map(lambda t: t.encode("utf-8", "surrogatepass")),
                 st.builds(lambda b: b"%PDF-1.4\n" + b, st.binary(max_size=500)),
                 st.builds(lambda t: f"<html><body><p>{t}</p><script>alert(1)</script></body></html>".encode(), TEXT)),
       MEDIA)
def test_read_text_never_crashes(content, origin):
    try:
        read = reading.read_text(content, origin)
    except reading.UnreadableDocument as exc:
        assert str(exc).startswith(origin), "the error must name the document"
        return
    assert isinstance(read.text, str)
    if origin == "r.html" and content.endswith(b"<script>alert(1)</script></body></html>"):
        assert read.text.count("alert(1)") < content.count(b"alert(1)"), "script content became text"


FEEDISH = st.builds(lambda title, body: (f'<?xml version="1.0"?><rss version="2.0"><channel><item><title>{title}'
                                         f"</title><description>{body}</description></item></channel></rss>").encode(),
                    TEXT, TEXT)


@FUZZ
@given(st.one_of(st.binary(max_size=1500), FEEDISH))
def test_feeds_never_crash(content):
    try:
        items = feeds.parse_feed(content, "https://example.org/feed")
    except feeds.FeedError as exc:
        assert "https://example.org/feed" in str(exc)
        return
    assert all(isinstance(i.title, str) for i in items)


JSONISH = st.recursive(st.one_of(st.none(), st.booleans(), st.integers(), st.text(max_size=20)),
                       lambda inner: st.one_of(st.lists(inner, max_size=4), st.dictionaries(st.text(max_size=10), inner,
                                                                                             max_size=4)), max_leaves=12)
MAPPING_KEYS = st.sampled_from(["format", "delimiter", "encoding", "record_id", "required", "fields", "values",
                                "date_format", "header_row", "columns", "skip_if", "quotechar", "sheet", "name"])


@FUZZ
@given(st.one_of(st.dictionaries(MAPPING_KEYS, JSONISH, max_size=6), st.text(max_size=300)))
def test_mapping_toml_gives_clear_errors(data):
    from vigil.core.tabular.mapping import load_mapping, mapping_from_dict

    if isinstance(data, dict):
        try:
            mapping_from_dict(data)
        except tabular.TabularError:
            pass
        return
    import tempfile

    handle, name = tempfile.mkstemp(suffix=".toml", prefix="vigil-fuzz-")
    path = Path(name)
    with open(handle, "wb") as out:
        out.write(data.encode("utf-8", "surrogatepass"))
    try:
        load_mapping(path)
    except tabular.TabularError as exc:
        assert str(path) in str(exc) or path.name in str(exc)
    finally:
        path.unlink(missing_ok=True)


HEADER = "Record No,First Name,Last Name,Father,Status,Date,Prison,City,Province,Age,Charges,Sex,Nationality\n"


@FUZZ
@given(st.one_of(st.binary(max_size=1500), st.text(max_size=600).map(lambda t: (HEADER + t).encode("utf-8", "replace"))))
def test_csv_rows_never_crash(tmp_path_factory, content):
    path = tmp_path_factory.mktemp("csv") / "list.csv"
    path.write_bytes(content)
    try:
        plan = tabular.plan_import(path, tabular.load_mapping(SAMPLE / "sample-list.toml"), {})
    except tabular.TabularError as exc:
        assert "list.csv" in str(exc)
        return
    assert len(plan.create) + len(plan.errors) >= 0


# --- size attacks: bounded -------------------------------------------------------------------

def test_fifty_megabyte_line_is_bounded(tmp_path):
    line = b"Ali Karimi was executed " * (50_000_000 // 24)
    with pytest.raises(reading.UnreadableDocument, match=r"line\.txt: .* \(limit 5,000,000 characters\)"):
        within_bound(reading.read_text, line, "line.txt")
    with pytest.raises(reading.UnreadableDocument, match="limit 5,000,000"):
        within_bound(reading.read_text, b"<html><body><p>" + line + b"</p></body></html>", "line.html")
    # the same line as a list: one field far over the CSV field limit is a clear error
    path = tmp_path / "line.csv"
    path.write_bytes(HEADER.encode() + b"1," + line + b",x,,Executed,01/01/2024,,,,,,,\n")
    try:
        plan = within_bound(tabular.plan_import, path, tabular.load_mapping(SAMPLE / "sample-list.toml"), {})
    except tabular.TabularError as exc:
        assert "line.csv" in str(exc)
    else:
        assert len(plan.create) + len(plan.errors) == 1
    # a megabyte-long line through the text parsers stays bounded
    text = (line[:1_000_000]).decode()
    within_bound(dates.find_dates, text, "2024-05-20")
    within_bound(names.name_key, text)
    within_bound(extract, "x" * 1_000_000)


def test_deeply_nested_html_is_bounded():
    for depth in (1_000, 100_000):
        page = b"<html><body>" + b"<div>" * depth + b"<p>Ali Karimi was executed.</p>" + b"</div>" * depth + b"</body></html>"
        try:
            read = within_bound(reading.read_text, page, "deep.html")
        except reading.UnreadableDocument as exc:
            assert "deep.html" in str(exc)
        else:
            assert isinstance(read.text, str)
    unclosed = b"<html><body>" + b"<b><i><span>" * 200_000 + b"text"
    within_bound(reading.read_text, unclosed, "unclosed.html")


def bomb_pdf(inflated: int) -> bytes:
    """One page whose content stream inflates to ``inflated`` bytes (a zip bomb in a PDF)."""
    compressor = zlib.compressobj(9)
    raw = compressor.compress(b"BT /F1 12 Tf 72 720 Td (A) Tj ET\n")
    chunk = b" " * (1 << 20)
    for _ in range(inflated >> 20):
        raw += compressor.compress(chunk)
    raw += compressor.flush()
    return pdf([b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
                b"/Resources << /Font << /F1 5 0 R >> >> >>",
                b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(raw) + raw + b"\nendstream",
                b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"])


def many_pages_pdf(pages: int) -> bytes:
    kids = b" ".join(b"%d 0 R" % (i + 4) for i in range(pages))
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, pages),
               b"<< /Length 0 >>\nstream\n\nendstream"]
    objects += [b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 3 0 R >>"] * pages
    return pdf(objects)


def test_pdf_bomb_is_bounded():
    bomb = bomb_pdf(1 << 28)  # a ~250 KB file that inflates to 256 MB (over pypdf's output limit)
    assert len(bomb) < 1_000_000
    with pytest.raises(reading.UnreadableDocument, match="bomb.pdf"):
        within_bound(reading.read_text, bomb, "bomb.pdf")
    with pytest.raises(reading.UnreadableDocument, match=r"pages.pdf: PDF has 20000 pages \(limit 500\)"):
        within_bound(reading.read_text, many_pages_pdf(20_000), "pages.pdf")
    lying = pdf([b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [2 0 R] /Count 1000000000 >>"])
    try:
        within_bound(reading.read_text, lying, "loop.pdf")
    except reading.UnreadableDocument as exc:
        assert "loop.pdf" in str(exc)


def test_invalid_utf8_is_read_or_refused_clearly():
    for content, origin in ((b"Ali \xff\xfe\xfd Karimi", "bad.txt"), (b"\xc3\x28 executed", "bad.html"),
                            (b"ok " * 1000 + b"\xed\xa0\x80", "surrogate.txt"), (b"\xff\xfe" + b"\x00\xd8", "utf16.txt")):
        with pytest.raises(reading.UnreadableDocument, match=rf"^{origin}: not valid utf-(8|16)"):
            within_bound(reading.read_text, content, origin)
    assert reading.read_text("اعدام".encode("utf-16"), "fa.txt").text == "اعدام"


def test_huge_feed_is_truncated_to_a_bound():
    items = "".join(f"<item><title>Item {i}</title><link>https://example.org/{i}</link><guid>id{i}</guid>"
                    f"<description>Report {i}</description></item>" for i in range(100_000))
    content = f'<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>{items}</channel></rss>'.encode()
    parsed = within_bound(feeds.parse_feed, content, "https://example.org/feed")
    assert len(parsed) == feeds.MAX_ITEMS and parsed[0].id == "id0" and parsed[-1].id == f"id{feeds.MAX_ITEMS - 1}"
    atom = ('<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>t</title>'
            + "".join(f"<entry><id>e{i}</id><title>E {i}</title></entry>" for i in range(100_000)) + "</feed>").encode()
    assert len(within_bound(feeds.parse_feed, atom, "atom")) == feeds.MAX_ITEMS


# --- a bug found here and fixed in vigil.core.extract (was ~n^4: 20 KB took 53 s) -----------

REPEATED = "Ali Karimi was executed in Qezelhesar prison on 12 May 2024 " * 340  # 20 KB


def test_extract_repeated_person_is_bounded():
    code = f"from vigil.core.extract import extract; extract({REPEATED!r}, published='2024-05-20')"
    try:
        subprocess.run([sys.executable, "-c", code], timeout=10, check=True, capture_output=True)
    except subprocess.TimeoutExpired:
        pytest.fail("extract took over 10 s on a 20 KB report")
