"""Site data for the public-site tests: published and unpublished people, a confidential
source, documents, conflicting mentions, a campaign; secrets in every SENSITIVE field."""
from __future__ import annotations

import datetime as dt
import hashlib

import pytest

SECRETS = {
    "source_contact": "SECRET-CONTACT-7f3a",
    "source_notes": "SECRET-SOURCE-NOTE-91be",
    "person_notes": "SECRET-PERSON-NOTE-c0de",
    "document_notes": "SECRET-DOC-NOTE-5e5e",
}
HIDDEN_NAME = "Hiddenperson Unpublishedname"
HIDDEN_FA = "پنهان‌نام ناپیدا"
CONFIDENTIAL_NAME = "Informant Network Zeta"


def use_private_cache(settings, monkeypatch) -> None:
    """A per-process in-memory page cache, emptied, with the data version re-read on every
    request and no columns loaded: test processes share VIGIL_HOME, so the file cache would
    mix their databases."""
    from vigil.publish import cache as page_cache
    from vigil.publish import front
    from vigil.statistics import columns

    page_cache.store.cache_clear()  # an earlier test may have opened the settings' file cache
    columns.forget()  # versions restart with every test database
    settings.CACHES = {**settings.CACHES, "publish": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "vigil-publish-tests"}}
    monkeypatch.setattr(page_cache, "VERSION_TTL", 0)
    page_cache.reset_version()
    page_cache.store().clear()
    front.forget()
    assert type(page_cache.store()).__name__ == "LocMemCache"


@pytest.fixture(autouse=True)
def _fresh_cache(settings, monkeypatch):
    use_private_cache(settings, monkeypatch)


def _doc(source, n: int, **kw):
    from vigil.records.models import Document

    content = f"document {n}".encode()
    return Document.objects.create(source=source, sha256=hashlib.sha256(content).hexdigest(), size=len(content),
                                   captured_at=dt.datetime(2025, 1, 20 + n, 8, 30, tzinfo=dt.timezone.utc),
                                   title=f"Report {n}", published="2025-01-2%d" % n,
                                   private_notes=SECRETS["document_notes"], **kw)


def _person(name_latin, name_fa, *, published=True, sex="m", charges=("drug",)):
    from vigil.records.models import Case, Person, PersonName
    from vigil.records.naming import name_key

    person = Person.objects.create(name_latin=name_latin, name_fa=name_fa, sex=sex, published=published,
                                   private_notes=SECRETS["person_notes"])
    for name in (name_latin, name_fa):
        if name:
            PersonName.objects.create(person=person, name=name, key=name_key(name))
    case = Case.objects.create(person=person, charges=list(charges))
    return person, case


def _event(case, status, date, *, grade="corroborated", mentions=(), **kw):
    from vigil.records.actions.persons import date_bounds
    from vigil.records.models import StatusEvent

    start, end = date_bounds(date)
    event = StatusEvent.objects.create(case=case, status=status, date=date, date_start=start, date_end=end,
                                       date_precision={10: "day", 7: "month", 4: "year"}.get(len(date), "unknown"),
                                       grade=grade, charges=list(case.charges), **kw)
    event.mentions.set(mentions)
    return event


@pytest.fixture
def site(db):
    """The seeded site; returns a dict of the main objects."""
    return build_site()


def build_site() -> dict:
    """Seed the site's test data (also used by the browser tests)."""
    from vigil.records.models import Campaign, CampaignEvent, Mention, Source

    alpha = Source.objects.create(name="Monitor Alpha", kind="ngo", url="https://alpha.example.org",
                                  contact_details=SECRETS["source_contact"], private_notes=SECRETS["source_notes"])
    secret = Source.objects.create(name=CONFIDENTIAL_NAME, kind="prison", confidential=True,
                                   contact_details=SECRETS["source_contact"], private_notes=SECRETS["source_notes"])
    doc_a, doc_b = _doc(alpha, 1), _doc(secret, 2)

    khalil, k_case = _person("Khalil Agoush", "خلیل آغوش")
    m_a = Mention.objects.create(kind="case", source=alpha, document=doc_a, person=khalil, state="confirmed",
                                 data={"name": "Khalil Agoush", "status": "executed", "date": "2025-01-15",
                                       "prison": "Ghezel Hesar Prison", "charges": ["drug"]})
    m_b = Mention.objects.create(kind="case", source=secret, document=doc_b, person=khalil, state="confirmed",
                                 data={"name": "خلیل آغوش", "status": "executed", "date": "2025-01-16",
                                       "prison": "Ghezel Hesar Prison", "charges": ["drug"]})
    m_s = Mention.objects.create(kind="case", source=alpha, record_id="alpha-17", person=khalil,
                                 data={"name": "Khalil Agoush", "status": "sentenced", "date": "2024-05"})
    _event(k_case, "sentenced", "2024-05", grade="single_source", mentions=[m_s])
    executed = _event(k_case, "executed", "2025-01-15", mentions=[m_a, m_b], prison="Ghezel Hesar Prison",
                      city="Karaj", province="Alborz", grade_reasons=["two independent source groups"])

    zahra, z_case = _person("Zahra Mohammadi", "زهرا محمدی", sex="f", charges=("murder",))
    m_z = Mention.objects.create(kind="case", source=alpha, record_id="alpha-18", person=zahra,
                                 data={"name": "Zahra Mohammadi", "status": "at_risk", "date": "2025-06-01"})
    _event(z_case, "sentenced", "2024-02-03", grade="single_source", province="Fars")
    _event(z_case, "at_risk", "2025-06-01", grade="single_source", mentions=[m_z], province="Fars",
           prison="Adelabad Prison")

    reza, r_case = _person("Reza Ahmadi", "", charges=("moharebeh",))
    _event(r_case, "upheld", "2023-02-01", grade="single_source", province="Kurdistan")
    _event(r_case, "executed", "2023-07-09", grade="official", province="Kurdistan", officially_announced=True)

    hidden, h_case = _person(HIDDEN_NAME, HIDDEN_FA, published=False, charges=("espionage",))
    m_h = Mention.objects.create(kind="case", source=secret, document=doc_b, person=hidden,
                                 data={"name": HIDDEN_NAME, "status": "executed", "date": "2025-02-02"})
    _event(h_case, "executed", "2025-02-02", mentions=[m_h], province="Kerman", prison="Kerman Central Prison")
    _event(h_case, "at_risk", "2025-08-02", province="Kerman")

    campaign = Campaign.objects.create(name="No to Execution Tuesdays", kind="hunger_strike",
                                       started=dt.date(2024, 1, 30), demands="Abolition")
    c_mention = Mention.objects.create(kind="campaign", source=secret, document=doc_b,
                                       data={"kind": "hunger_strike", "week": 53})
    c_event = CampaignEvent.objects.create(campaign=campaign, date=dt.date(2025, 1, 28), week=53,
                                           prisons=["Ghezel Hesar Prison", "Evin Prison"], participants=1500)
    c_event.mentions.set([c_mention])
    return {"khalil": khalil, "zahra": zahra, "reza": reza, "hidden": hidden, "executed": executed,
            "campaign": campaign, "secret": secret, "alpha": alpha, "doc_a": doc_a, "doc_b": doc_b}
