"""The public site on a real database: every page, formats, feeds, languages, and privacy."""
from __future__ import annotations

import csv
import io
import json
import re

import pytest

from tests.publish.conftest import CONFIDENTIAL_NAME, HIDDEN_FA, HIDDEN_NAME, SECRETS

pytestmark = pytest.mark.django_db


def body(response) -> str:
    raw = b"".join(response.streaming_content) if response.streaming else response.content
    return raw.decode("utf-8")


def get(client, url: str, status: int = 200) -> str:
    response = client.get(url)
    assert response.status_code == status, f"{url}: {response.status_code}"
    return body(response)


def public_urls(site) -> list[str]:
    person = site["khalil"].public_id
    return ["/", "/?grades=all", "/?charge=drug&period=2025&province=Alborz&grades=documented",
            "/cases/", "/cases/?q=khalil", "/cases/?status=executed&year=2025", "/cases/?sex=f",
            "/cases.json", "/cases.json?status=at_risk", "/cases.csv", "/cases.csv?q=" + "زهرا",
            f"/people/{person}/", f"/people/{site['zahra'].public_id}/", f"/people/{site['reza'].public_id}/",
            "/at-risk/", "/campaigns/", f"/campaigns/{site['campaign'].pk}/",
            "/feeds/cases.atom", "/feeds/status.atom"]


def test_every_public_url_renders(client, site):
    """Every URL in English (the Persian variants are walked by the secrets test below)."""
    for url in public_urls(site):
        assert get(client, url), url


def test_unpublished_person_is_absent_everywhere(client, site):
    hidden = site["hidden"].public_id
    get(client, f"/people/{hidden}/", 404)
    for url in public_urls(site) + ["/cases/?q=Hiddenperson", "/cases.json?q=Hiddenperson",
                                    "/cases/?province=Kerman", "/?province=Kerman", "/?lang=fa"]:
        text = get(client, url)
        for needle in (hidden, HIDDEN_NAME, HIDDEN_FA, "Kerman Central Prison", 'data-key="espionage"',
                           'data-value="espionage"', "Espionage</td>"):
            assert needle not in text, (url, needle)
    data = json.loads(get(client, "/cases.json?_size=100"))
    assert data["count"] == 3
    assert {row["id"] for row in data["rows"]} == {site[k].public_id for k in ("khalil", "zahra", "reza")}
    assert '<option value="Kerman">' not in get(client, "/")  # not among the province options either


def test_unpublished_person_not_counted_in_figures_or_facets(client, site):
    text = get(client, "/?grades=all")
    assert re.search(r'id="figure-value">2<', text)  # Khalil and Reza; not the hidden person
    assert 'data-province="Kerman" data-value="0"' in text
    cases = get(client, "/cases/?status=executed")
    assert re.search(r'id="case-count">2 people', cases)
    assert 'data-facet="province" data-value="Kerman"' not in get(client, "/cases/")


def test_no_sensitive_value_on_any_public_page(client, site):
    for url in public_urls(site):
        for suffix in ("", "&lang=fa" if "?" in url else "?lang=fa"):
            text = get(client, url + suffix)
            for secret in list(SECRETS.values()) + [CONFIDENTIAL_NAME]:
                assert secret not in text, (url + suffix, secret)


def test_confidential_source_shown_only_by_public_name(client, site):
    text = get(client, f"/people/{site['khalil'].public_id}/")
    assert f"Confidential source {site['secret'].pk}" in text
    assert "Monitor Alpha" in text
    assert CONFIDENTIAL_NAME not in text
    assert "Report 2" not in text  # a confidential source's document title could identify it
    assert "Confidential source" in get(client, f"/campaigns/{site['campaign'].pk}/")


def test_person_page_timeline_conflicts_and_evidence(client, site):
    text = get(client, f"/people/{site['khalil'].public_id}/")
    timeline = text.index('id="timeline"')
    assert text.index("Sentenced to death", timeline) < text.index("Executed", timeline)
    assert "Sources disagree" in text
    conflict = text[text.index("Sources disagree"):]
    assert "2025-01-15" in conflict and "2025-01-16" in conflict
    assert "Monitor Alpha" in conflict and f"Confidential source {site['secret'].pk}" in conflict
    for doc in (site["doc_a"], site["doc_b"]):
        assert doc.public_id in text and doc.sha256 in text
    assert "2025-01-21" in text and "08:30 UTC" in text  # capture time of doc_a
    assert "Corroborated" in text and "Single source" in text
    assert "alpha-17" in text  # list record provenance


def test_search_in_either_script_and_by_name_key(client, site):
    khalil = site["khalil"].public_id
    for q in ("khalil", "AGOUSH", "خلیل", "Khalil Agush"):  # the last matches only through the name key
        assert khalil in get(client, f"/cases/?q={q}"), q
    assert khalil not in get(client, "/cases/?q=Zahra")


def test_facets_filter_and_count(client, site):
    text = get(client, "/cases/?status=executed")
    assert site["khalil"].public_id in text and site["reza"].public_id in text
    assert site["zahra"].public_id not in text
    both = get(client, "/cases/?status=executed&charge=moharebeh")
    assert site["reza"].public_id in both and site["khalil"].public_id not in both
    facets = get(client, "/cases/")
    assert re.search(r'data-facet="sex" data-value="f">Female</a> <span class="n">1<', facets)
    assert re.search(r'data-facet="status" data-value="executed">Executed</a> <span class="n">2<', facets)
    assert site["zahra"].public_id in get(client, "/cases/?grade=single_source&province=Fars")
    assert site["khalil"].public_id in get(client, "/cases/?prison=Ghezel+Hesar+Prison&year=2025")


def test_json_is_paginated_and_cached_whole(client, site):
    response = client.get("/cases.json?_size=2")
    assert response["Content-Type"].startswith("application/json") and response["Access-Control-Allow-Origin"] == "*"
    assert client.get("/cases.json?_size=2")["Access-Control-Allow-Origin"] == "*"  # the cached copy keeps it
    data = json.loads(body(response))
    assert data["count"] == 3 and data["pages"] == 2 and len(data["rows"]) == 2
    assert data["next"].endswith("/cases.json?_size=2&page=2")
    second = json.loads(get(client, "/cases.json?_size=2&page=2"))
    assert second["next"] is None and len(second["rows"]) == 1
    ids = {r["id"] for r in data["rows"] + second["rows"]}
    assert ids == {site[k].public_id for k in ("khalil", "zahra", "reza")}
    row = next(r for r in data["rows"] + second["rows"] if r["id"] == site["zahra"].public_id)
    assert row["status"] == "at_risk" and row["date"] == "2025-06-01" and row["name_fa"] == "زهرا محمدی"
    assert row["url"].endswith(f"/people/{row['id']}/")


def test_csv_streams_every_matching_row(client, site):
    response = client.get("/cases.csv?status=executed")
    assert response.streaming and response["Content-Type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(body(response))))
    assert {r["id"] for r in rows} == {site["khalil"].public_id, site["reza"].public_id}
    khalil = next(r for r in rows if r["id"] == site["khalil"].public_id)
    assert khalil["status"] == "executed" and khalil["prison"] == "Ghezel Hesar Prison" and khalil["charges"] == "drug"


def test_csv_cells_cannot_run_as_formulas(client, site):
    from tests.publish.conftest import _person

    _person("=HYPERLINK(\"http://x\")", "")
    text = get(client, "/cases.csv")
    assert "'=HYPERLINK" in text


def test_persian_pages_are_rtl_with_jalali_dates_and_persian_digits(client, site):
    text = get(client, f"/people/{site['khalil'].public_id}/?lang=fa")
    assert '<html lang="fa" dir="rtl">' in text
    assert "۲۶ دی ۱۴۰۳" in text  # 2025-01-15
    conflict = text[text.index('class="conflicts"'):]
    assert "۲۶ دی ۱۴۰۳" in conflict and "۲۷ دی ۱۴۰۳" in conflict  # both sources' dates, in Jalali
    assert "قزلحصار" in text  # the prison's Persian name from the gazetteer
    assert "وضعیت" in text or "تاریخچه" in text  # translated interface
    dashboard = get(client, "/?lang=fa&grades=all")
    assert re.search(r'id="figure-value">۲<', dashboard)
    assert "اعدام" in dashboard
    # the choice is remembered in the language cookie
    assert '<html lang="fa" dir="rtl">' in get(client, "/cases/")
    assert '<html lang="en" dir="ltr">' in get(client, "/cases/?lang=en")


def test_set_language_form_switches_language(client, site):
    response = client.post("/i18n/setlang/", {"language": "fa", "next": "/cases/"})
    assert response.status_code == 302
    assert 'dir="rtl"' in get(client, "/cases/")


def test_at_risk_lists_latest_status_at_risk_first(client, site):
    text = get(client, "/at-risk/")
    zahra, reza = site["zahra"].public_id, site["reza"].public_id
    assert zahra in text  # latest event at_risk
    assert reza not in text  # upheld, then executed: the latest event is the execution
    assert site["khalil"].public_id not in text  # executed


def test_feeds_are_atom_and_public_only(client, site):
    for url in ("/feeds/cases.atom", "/feeds/status.atom"):
        response = client.get(url)
        assert response["Content-Type"].startswith("application/atom+xml")
        text = body(response)
        assert 'xmlns="http://www.w3.org/2005/Atom"' in text
        assert "Khalil Agoush" in text and HIDDEN_NAME not in text
    assert "Executed 2025-01-15" in get(client, "/feeds/status.atom")


def test_dashboard_filters_change_every_figure(client, site):
    base = get(client, "/?grades=all")
    drug = get(client, "/?grades=all&charge=drug")
    assert re.search(r'id="figure-value">1<', drug)
    assert 'data-province="Kurdistan" data-value="0"' in drug and 'data-province="Kurdistan" data-value="1"' in base
    assert 'data-key="2023"' in base and 'data-key="2023"' not in drug
    period = get(client, "/?grades=all&period=2023")
    assert re.search(r'id="figure-value">1<', period)
    headline = get(client, "/")
    assert re.search(r'id="figure-value">2<', headline)  # Khalil corroborated, Reza official
    bad = get(client, "/?period=not-a-period")
    assert "could not be read" in bad


def test_dashboard_methodology_and_attribution(client, site):
    text = get(client, "/")
    assert "Grades included" in text and "Official, Corroborated" in text
    assert "Share of counted cases with the value unknown" in text
    assert "OpenStreetMap contributors, ODbL" in text
    assert text.count('class="province"') == 31


def test_security_headers_and_no_external_resources(client, site):
    for url in ("/", "/cases/", f"/people/{site['khalil'].public_id}/"):
        response = client.get(url)
        assert "default-src 'self'" in response["Content-Security-Policy"]
        text = body(response)
        assert not re.search(r'<(script|link|img|iframe)[^>]+(src|href)="(https?:)?//', text), url
        assert "<script" not in text and "style=" not in text and "<style" not in text


def test_ingested_text_is_escaped(client, site):
    from tests.publish.conftest import _person

    person, _case = _person("<script>alert(1)</script>", "")
    text = get(client, f"/people/{person.public_id}/")
    assert "<script>alert(1)" not in text and "&lt;script&gt;alert(1)" in text
    assert "<script>alert(1)" not in get(client, "/cases/")


def test_template_filters():
    from django.utils import translation

    from vigil.publish.templatetags.vigil_tags import digits, jdate, num, pct

    with translation.override("fa"):
        assert jdate("2025-01-15") == "۲۶ دی ۱۴۰۳"
        assert jdate("2025-03") == "مارس ۲۰۲۵"
        assert num(1234) == "۱٬۲۳۴" and digits("2025") == "۲۰۲۵"
        assert pct(0.125) == "۱۲٫۵٪"
    with translation.override("en"):
        assert jdate("2025-01-15") == "2025-01-15" and num(1234) == "1,234" and pct(0.125) == "12.5%"


def test_cached_pages_follow_data_changes(client, site):
    hidden = site["hidden"]
    assert hidden.public_id not in get(client, "/cases/")
    before = get(client, "/?grades=all")
    hidden.published = True
    hidden.save()  # writes a history row: a new data version
    assert hidden.public_id in get(client, "/cases/")
    assert get(client, f"/people/{hidden.public_id}/")
    assert re.search(r'id="figure-value">3<', get(client, "/?grades=all")) and before != get(client, "/?grades=all")
