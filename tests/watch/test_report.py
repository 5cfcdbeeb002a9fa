"""The monitor's report: HTML in English and Persian, and a PDF that renders (pdftoppm, pdftotext)."""
from __future__ import annotations

import shutil
import subprocess
from datetime import date

import pytest

TODAY = date(2025, 12, 31)


@pytest.fixture
def context_en(casebook, campaigns):
    from vigil.watch.report import report_context

    return report_context("2025", lang="en", today=TODAY)


def test_report_figures_carry_grades_and_coverage(context_en):
    glance = {b.label: b for b in context_en["glance"]}
    # 2025, documented grades: Reza, Maryam, Abdolrahman, Gul Mohammad, Hossein (Nov); not 2024 nor undated
    assert glance["Executions recorded"].number == 5
    assert glance["of which official or corroborated"].number == 1  # Reza: announced by the judiciary
    assert (glance["Women"].number, glance["Juvenile offenders"].number, glance["Public executions"].number) == (1, 1, 1)
    assert glance["Officially announced"].number == 1 and glance["Foreign nationals"].number == 1
    assert glance["People at imminent risk now"].number == 1
    for b in context_en["glance"][:6]:
        assert "Grades counted:" in b.caption and "undated" in b.caption
    assert "1 undated events are not added" in glance["Executions recorded"].caption
    assert [(m["key"], m["value"]) for m in context_en["months"] if m["value"]] == [
        ("2025-03", 1), ("2025-05", 1), ("2025-08", 2), ("2025-11", 1)]
    assert {g["key"]: g["value"] for g in context_en["charges"]} == {"drug": 3, "murder": 2}
    assert [c["name"] for c in context_en["annex"]][0] == "Reza Karimi"


def test_report_html_english(context_en):
    from vigil.watch.report import render_html

    html = render_html(context_en)
    assert '<html lang="en" dir="ltr">' in html
    for chapter in ("Figures at a glance", "Methodology and sources", "Monthly trend", "Executions by charge",
                    "Women", "Juvenile offenders", "Public executions", "Ethnic minorities and foreign nationals",
                    "Geography", "Officially announced or not", "People at imminent risk", "Campaigns",
                    "Annex: the cases"):
        assert f"<h2>{chapter}</h2>" in html
    assert "12 March 2025" in html and "Ali Rostami" in html and "Judiciary News" in html
    assert "No to Execution Tuesdays" in html and "<svg" in html
    assert "Grades counted: official, corroborated, single source, not assessed." in html


def test_report_html_persian(casebook, campaigns):
    from vigil.watch.report import render_html, report_context

    html = render_html(report_context("2025", lang="fa", today=TODAY))
    assert '<html lang="fa" dir="rtl">' in html
    assert "آمار در یک نگاه" in html and "پیوست: فهرست پرونده‌ها" in html
    assert "۲۲ اسفند ۱۴۰۳" in html  # Reza Karimi's execution, 12 March 2025, in the Jalali calendar
    assert "کارزار «سه‌شنبه‌های نه به اعدام»" in html and "قزلحصار" in html
    assert "گزارش سالانهٔ ۲۰۲۵" in html and '<span class="v">۵</span>' in html


def test_monthly_report_and_unpublished_cases(casebook):
    from vigil.records.models import Person
    from vigil.watch.report import report_context

    Person.objects.filter(name_latin="Maryam Ahmadi").update(published=False)
    ctx = report_context("2025-05", today=TODAY)
    assert ctx["glance"][0].number == 0 and ctx["annex"] == []
    internal = report_context("2025-05", published_only=False, today=TODAY)
    assert internal["glance"][0].number == 1 and internal["annex"][0]["name"] == "Maryam Ahmadi"


@pytest.mark.skipif(not shutil.which("pdftoppm"), reason="poppler-utils missing: run scripts/weasyprint-deps.sh")
@pytest.mark.parametrize("lang, needles", [("en", ["Figures at a glance", "Executions recorded", "Reza Karimi"]),
                                           ("fa", ["۲۰۲۵"])])
def test_report_pdf_renders(casebook, campaigns, tmp_path, lang, needles):
    from vigil.watch.report import write_report

    path = write_report("2025", lang=lang, fmt="pdf", output=tmp_path / f"report-{lang}.pdf")
    assert path.read_bytes()[:5] == b"%PDF-"
    subprocess.run(["pdftoppm", "-r", "40", "-png", "-f", "1", "-l", "1", str(path), str(tmp_path / "page")], check=True)
    [png] = list(tmp_path.glob("page*.png"))
    assert png.stat().st_size > 1000
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout
    for needle in needles:
        assert needle in text
    if lang == "en":
        assert "5 Executions recorded" in " ".join(text.split())
