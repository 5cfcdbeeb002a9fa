"""The workspace in headless Chromium: a researcher enters a case, sees the candidate
duplicate appear while typing (workspace-0.1.js), links the entry to it; a reviewer
publishes a new person. Screenshots go to test-output/screenshots/."""
from __future__ import annotations

import pytest

from tests.api import factories
from tests.chromium import SHOTS, chromium

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "correct horse battery"
WAIT = 30  # seconds; the test machine is often loaded


@pytest.fixture(scope="module")
def browser():
    with chromium(window="1280,1600") as driver:
        yield driver


@pytest.fixture
def live(live_server, transactional_db, evidence_dir, settings):
    from django.contrib.auth.models import Group
    from django.core.cache import cache

    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    cache.clear()
    for role in factories.ROLES:  # transactional tests flush the groups made by migrate
        Group.objects.get_or_create(name=role)
    data = factories.site()
    data["users"] = factories.users()
    return live_server.url, data


def _login(driver, url: str, username: str):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    driver.delete_all_cookies()
    driver.get(url + "/accounts/login/?next=/workspace/")
    driver.find_element(By.NAME, "username").send_keys(username)
    driver.find_element(By.NAME, "password").send_keys(PASSWORD)
    driver.find_element(By.CSS_SELECTOR, "form.ws-form button[type=submit]").click()
    # the login page's own address holds "/workspace/" (next=): wait until it is left
    WebDriverWait(driver, WAIT).until(lambda d: "/accounts/login/" not in d.current_url)


def test_researcher_enters_a_case_and_a_reviewer_publishes_it(browser, live):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select, WebDriverWait

    from vigil.records.models import Person

    url, data = live
    _login(browser, url, "researcher")
    WebDriverWait(browser, WAIT).until(lambda d: "/workspace/" in d.current_url)
    browser.get(url + "/workspace/entry/")
    browser.find_element(By.ID, "entry-name").send_keys("Khaleel Aghoush")
    WebDriverWait(browser, WAIT).until(lambda d: d.find_elements(By.CSS_SELECTOR, ".ws-candidate input[value='%s']"
                                                               % data["khalil"].public_id))
    assert "possible duplicate" in browser.find_element(By.ID, "entry-candidates").text
    browser.save_screenshot(str(SHOTS / "workspace-entry-candidates.png"))
    browser.find_element(By.CSS_SELECTOR, ".ws-candidate input[value='%s']" % data["khalil"].public_id).click()
    Select(browser.find_element(By.NAME, "status")).select_by_value("executed")
    browser.find_element(By.NAME, "date").send_keys("2025-01-15")
    browser.find_element(By.NAME, "source").send_keys("Monitor Beta")
    browser.find_element(By.CSS_SELECTOR, "#entry-form button[type=submit]").click()
    WebDriverWait(browser, WAIT).until(lambda d: f"/workspace/persons/{data['khalil'].public_id}/" in d.current_url)
    assert data["khalil"].mentions.filter(extractor="researcher-entry").count() == 1

    # a new person: no candidate, created private, then published by a reviewer
    browser.get(url + "/workspace/entry/")
    browser.find_element(By.ID, "entry-name").send_keys("Zzyzx Newperson")
    WebDriverWait(browser, WAIT).until(lambda d: "new person will be created" in d.find_element(By.ID, "entry-candidates").text)
    browser.find_element(By.NAME, "source").send_keys("Monitor Beta")
    browser.find_element(By.CSS_SELECTOR, "#entry-form button[type=submit]").click()
    WebDriverWait(browser, WAIT).until(lambda d: "/workspace/persons/" in d.current_url)
    person = Person.objects.get(name_latin="Zzyzx Newperson")
    assert not person.published

    _login(browser, url, "reviewer")
    WebDriverWait(browser, WAIT).until(lambda d: "/workspace/" in d.current_url)
    browser.get(url + "/workspace/unpublished/")
    row = browser.find_element(By.XPATH, f"//tr[.//code[text()='{person.public_id}']]")
    row.find_element(By.NAME, "reason").send_keys("confirmed by two independent sources")
    row.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
    WebDriverWait(browser, WAIT).until(lambda d: "is now public" in d.page_source)
    person.refresh_from_db()
    assert person.published
    browser.save_screenshot(str(SHOTS / "workspace-published.png"))
