"""Ingestion of files, folders, URLs and feeds into a real database, with custody and verify."""
from __future__ import annotations

import os

import pytest

from tests.pdfs import minimal_pdf
from vigil.core.reading import read_text
from vigil.ingest.collect import Outcome, ingest_target, poll_feed
from vigil.ingest.models import Feed
from vigil.ingest.verify import verify_all
from vigil.records.models import CustodyEvent, Document

pytestmark = pytest.mark.django_db

REPORT_EN = "Two prisoners, Reza Example and Ali Sample, were hanged in Ghezel Hesar Prison on Wednesday."
REPORT_FA = "دو زندانی به نام‌های رضا نمونه و علی آزمون در زندان قزلحصار اعدام شدند."


def _ingest(target, source, actor, **kw):
    outcome = Outcome()
    ingest_target(str(target), outcome, source=source, actor=actor, published=kw.get("published"))
    return outcome


def test_folder_of_mixed_formats_recursively(tmp_path, source, actor, evidence_dir):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "one.txt").write_text(REPORT_EN, encoding="utf-8")
    (tmp_path / "a" / "two.html").write_text(f"<html><head><title>T</title></head><body><script>alert(1)</script>"
                                            f"<article><p>{REPORT_FA}</p><p>{REPORT_FA}</p></article></body></html>",
                                            encoding="utf-8")
    (tmp_path / "three.pdf").write_bytes(minimal_pdf("Ten prisoners were executed in Karaj."))
    (tmp_path / "four.eml").write_bytes(b"Subject: Report\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n"
                                        + REPORT_EN.encode())
    (tmp_path / "ignored.bin").write_bytes(b"\x00\x01")
    outcome = _ingest(tmp_path, source, actor, published="2024-11-13")
    assert (len(outcome.new), outcome.failed) == (4, [])
    texts = {Document.objects.get(origin_path__endswith=n).text for n in ("one.txt", "three.pdf", "four.eml")}
    assert REPORT_EN in texts and any("Ten prisoners were executed in Karaj." in t for t in texts)
    html = Document.objects.get(origin_path__endswith="two.html")
    assert html.language == "fa" and "alert" not in html.text and "قزلحصار" in html.text
    assert all(d.published == "2024-11-13" for d in Document.objects.all())


def test_original_bytes_are_kept_unaltered(tmp_path, source, actor, evidence_dir):
    raw = "<html><body><p>گزارش\u200cها</p></body></html>\r\n".encode("utf-8")
    (tmp_path / "r.html").write_bytes(raw)
    _ingest(tmp_path / "r.html", source, actor)
    document = Document.objects.get()
    path = evidence_dir / document.sha256[:2] / document.sha256[2:4] / document.sha256
    assert path.read_bytes() == raw


def test_bad_files_are_reported_and_nothing_stored_is_lost(tmp_path, source, actor, evidence_dir):
    (tmp_path / "good.txt").write_text(REPORT_EN)
    _ingest(tmp_path / "good.txt", source, actor)
    (tmp_path / "bad.txt").write_bytes(b"\xff\xfe\xfa not utf")
    (tmp_path / "broken.pdf").write_bytes(b"%PDF-1.4 garbage")
    outcome = _ingest(tmp_path, source, actor)
    assert len(outcome.failed) == 2
    assert any("broken.pdf" in f and "PDF" in f for f in outcome.failed)
    assert len(outcome.known) == 1 and Document.objects.count() == 1
    missing = _ingest(tmp_path / "nope.txt", source, actor)
    assert missing.failed == [f"{tmp_path / 'nope.txt'}: no such file or folder"]


def test_url_and_same_url_changed_is_a_new_version(http_dir, source, actor, evidence_dir):
    root, base = http_dir
    (root / "page.html").write_text(f"<html><body><article><p>{REPORT_EN}</p></article></body></html>")
    first = _ingest(f"{base}/page.html", source, actor)
    again = _ingest(f"{base}/page.html", source, actor)
    assert (len(first.new), len(again.known)) == (1, 1)
    (root / "page.html").write_text(f"<html><body><article><p>{REPORT_EN} Updated.</p></article></body></html>")
    changed = _ingest(f"{base}/page.html", source, actor)
    new = changed.new[0].document
    assert new.version_of == first.new[0].document
    assert _ingest(f"{base}/missing.html", source, actor).failed[0].endswith("HTTP 404")


def _feed(base, items):
    entries = "".join(f"<item><title>{t}</title><link>{base}/{t}.html</link><guid>{t}</guid>"
                      f"<pubDate>Wed, 13 Nov 2024 10:00:00 GMT</pubDate></item>" for t in items)
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>F</title>{entries}</channel></rss>'


def test_feed_takes_only_new_items(http_dir, source, actor, evidence_dir):
    root, base = http_dir
    for name in ("a", "b", "c"):
        (root / f"{name}.html").write_text(f"<html><body><article><p>{REPORT_EN} {name}</p></article></body></html>")
    (root / "feed.xml").write_text(_feed(base, ["a", "b"]))
    first = _ingest(f"{base}/feed.xml", source, actor)
    assert len(first.new) == 2
    assert {d.published for d in Document.objects.all()} == {"2024-11-13"}
    (root / "feed.xml").write_text(_feed(base, ["c", "a", "b"]))
    outcome = Outcome()
    poll_feed(Feed.objects.get(), outcome, actor=actor)
    assert [r.document.origin_url for r in outcome.new] == [f"{base}/c.html"]
    assert Document.objects.count() == 3


def test_verify_reports_changed_and_missing_copies(tmp_path, source, actor, evidence_dir):
    for i in range(3):
        (tmp_path / f"{i}.txt").write_text(f"{REPORT_EN} {i}")
    _ingest(tmp_path, source, actor)
    docs = list(Document.objects.order_by("pk"))
    counts, problems = verify_all(actor)
    assert counts["ok"] == 3 and not problems
    changed = evidence_dir / docs[0].sha256[:2] / docs[0].sha256[2:4] / docs[0].sha256
    os.chmod(changed, 0o644)
    changed.write_bytes(b"tampered")
    (evidence_dir / docs[1].sha256[:2] / docs[1].sha256[2:4] / docs[1].sha256).unlink()
    counts, problems = verify_all(actor)
    assert (counts["ok"], counts["changed"], counts["missing"]) == (1, 1, 1)
    assert any(docs[0].public_id in p and "changed" in p for p in problems)
    assert CustodyEvent.objects.filter(step="verify_failed").count() == 2


def test_read_text_handles_bom_and_utf16():
    assert read_text("\ufeffسلام".encode("utf-8"), "x.txt").text == "سلام"
    assert read_text("hello".encode("utf-16"), "x.txt").text == "hello"


def test_html_keeps_persian_zero_width_non_joiner():
    html = ("<html><body><article><p>دو زندانی در زندان قزل\u200cحصار اعدام شده\u200cاند و گزارش\u200cها "
            "حاکی است که این افراد به اتهام مواد مخدر محکوم شده بودند.</p></article></body></html>")
    text = read_text(html.encode("utf-8"), "r.html").text
    assert "شده\u200cاند" in text and "قزل\u200cحصار" in text
