"""The public site in headless Chromium (Debian's chromium + chromium-driver; see
scripts/chromium.sh): charts and map render, a filter changes every chart and the URL, and
Persian pages are laid out right-to-left. Screenshots go to test-output/screenshots/."""
from __future__ import annotations

import pytest

from tests.chromium import SHOTS, chromium

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

@pytest.fixture(scope="module")
def browser():
    with chromium(window="1280,1800", page_load_timeout=20) as driver:
        yield driver


@pytest.fixture
def site_url(live_server, transactional_db, settings, monkeypatch):
    from tests.publish.conftest import build_site, use_private_cache

    use_private_cache(settings, monkeypatch)
    data = build_site()
    return live_server.url, data


def _charts(driver) -> dict[str, str]:
    from selenium.webdriver.common.by import By

    out = {el.get_attribute("id"): el.get_attribute("innerHTML") for el in driver.find_elements(By.CSS_SELECTOR, "svg.chart")}
    out["map"] = driver.find_element(By.ID, "map").get_attribute("innerHTML")
    return out


def test_dashboard_renders_charts_and_map(browser, site_url):
    from selenium.webdriver.common.by import By

    url, _ = site_url
    browser.get(url + "/")
    charts = browser.find_elements(By.CSS_SELECTOR, "svg.chart")
    ids = {c.get_attribute("id") for c in charts}
    assert {"chart-year", "chart-month", "chart-charge", "chart-sex", "chart-prison"} <= ids
    for chart in charts:
        assert chart.size["height"] > 10 and chart.size["width"] > 200
        assert chart.find_elements(By.CSS_SELECTOR, "rect")
    provinces = browser.find_elements(By.CSS_SELECTOR, "#map path.province")
    assert len(provinces) == 31
    assert browser.find_element(By.ID, "map").size["height"] > 200
    filled = [p for p in provinces if p.get_attribute("fill") != "#e8e8e8"]
    assert {p.get_attribute("data-province") for p in filled} == {"Alborz", "Kurdistan"}
    assert "OpenStreetMap" in browser.find_element(By.CSS_SELECTOR, ".attribution").text
    browser.save_screenshot(str(SHOTS / "dashboard-en.png"))


def test_filter_changes_every_chart_and_the_url(browser, site_url):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select, WebDriverWait

    url, _ = site_url
    browser.get(url + "/")
    before = _charts(browser)
    assert browser.find_element(By.ID, "figure-value").text == "2"
    Select(browser.find_element(By.NAME, "charge")).select_by_value("moharebeh")
    browser.find_element(By.CSS_SELECTOR, "#filters button[type=submit]").click()
    WebDriverWait(browser, 10).until(lambda d: "charge=moharebeh" in d.current_url)
    after = _charts(browser)
    assert set(after) == set(before)
    for name in before:
        assert after[name] != before[name], f"chart {name} did not change"
    assert browser.find_element(By.ID, "figure-value").text == "1"
    assert Select(browser.find_element(By.NAME, "charge")).first_selected_option.get_attribute("value") == "moharebeh"
    browser.save_screenshot(str(SHOTS / "dashboard-filtered.png"))
    # the filter state lives in the URL: reloading it gives the same charts
    browser.get(browser.current_url)
    assert _charts(browser) == after


def test_persian_pages_are_rtl(browser, site_url):
    from selenium.webdriver.common.by import By

    url, data = site_url
    browser.get(url + "/?lang=fa")
    html = browser.find_element(By.TAG_NAME, "html")
    assert html.get_attribute("dir") == "rtl" and html.get_attribute("lang") == "fa"
    assert browser.execute_script("return getComputedStyle(document.body).direction") == "rtl"
    brand = browser.find_element(By.CSS_SELECTOR, "header .brand").rect
    lang = browser.find_element(By.CSS_SELECTOR, "header .lang").rect
    assert brand["x"] > lang["x"], "in RTL the brand sits at the right, the language form at the left"
    assert browser.find_element(By.ID, "figure-value").text == "۲"
    browser.save_screenshot(str(SHOTS / "dashboard-fa.png"))
    browser.get(f"{url}/people/{data['khalil'].public_id}/")  # the language is remembered
    assert browser.find_element(By.TAG_NAME, "html").get_attribute("dir") == "rtl"
    assert "۲۶ دی ۱۴۰۳" in browser.find_element(By.ID, "timeline").text
    browser.save_screenshot(str(SHOTS / "person-fa.png"))
