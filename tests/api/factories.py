"""Site data for the API and workspace tests: roles, published and private records, secrets
in every SENSITIVE field, a review pair, a pending mention and a disputed event."""
from __future__ import annotations

import datetime as dt
import hashlib

SECRETS = ("SECRET-CONTACT-7f3a", "SECRET-SOURCE-NOTE-91be", "SECRET-PERSON-NOTE-c0de", "SECRET-DOC-NOTE-5e5e")
HIDDEN_NAME = "Hiddenperson Unpublishedname"
CONFIDENTIAL = "Informant Network Zeta"
ROLES = ("viewer", "researcher", "reviewer", "administrator")


def users() -> dict:
    from django.contrib.auth.models import Group, User

    out = {}
    for role in ROLES:
        user = User.objects.create_user(role, password="correct horse battery", is_staff=role == "administrator")
        user.groups.add(Group.objects.get_or_create(name=role)[0])
        out[role] = user
    return out


def tokens(people: dict) -> dict:
    from vigil.api.tokens import create_token

    return {role: create_token(user, name="test")[1] for role, user in people.items()}


def _doc(source, n: int):
    from vigil.records.models import Document

    content = f"document {n}".encode()
    return Document.objects.create(source=source, sha256=hashlib.sha256(content).hexdigest(), size=len(content),
                                   captured_at=dt.datetime(2025, 1, 20 + n, tzinfo=dt.timezone.utc),
                                   title=f"Report {n}", published=f"2025-01-2{n}", private_notes=SECRETS[3])


def _person(latin: str, fa: str, published: bool):
    from vigil.records.models import Case, Person, PersonName
    from vigil.records.naming import name_key

    person = Person.objects.create(name_latin=latin, name_fa=fa, sex="m", published=published,
                                   private_notes=SECRETS[2])
    for name in (latin, fa):
        PersonName.objects.create(person=person, name=name, key=name_key(name))
    return person, Case.objects.create(person=person, charges=["drug"])


def _event(case, mention, *, grade="corroborated", date="2025-01-15"):
    from vigil.records.actions.persons import date_bounds
    from vigil.records.models import StatusEvent

    start, end = date_bounds(date)
    event = StatusEvent.objects.create(case=case, status="executed", date=date, date_start=start, date_end=end,
                                       date_precision="day", grade=grade, prison="Ghezel Hesar Prison",
                                       province="Alborz", charges=["drug"])
    event.mentions.add(mention)
    return event


def site() -> dict:
    """Build the data; returns the main objects by name."""
    from vigil.records.models import Campaign, CampaignEvent, Claim, Mention, Source
    from vigil.review.models import ReviewPair

    alpha = Source.objects.create(name="Monitor Alpha", kind="ngo", contact_details=SECRETS[0],
                                  private_notes=SECRETS[1])
    secret = Source.objects.create(name=CONFIDENTIAL, kind="prison", confidential=True,
                                   contact_details=SECRETS[0], private_notes=SECRETS[1])
    doc_pub, doc_priv, doc_claim = _doc(alpha, 1), _doc(secret, 2), _doc(alpha, 3)
    khalil, k_case = _person("Khalil Agoush", "خلیل آغوش", True)
    hidden, h_case = _person(HIDDEN_NAME, "پنهان ناپیدا", False)
    m_k = Mention.objects.create(kind="case", source=alpha, document=doc_pub, person=khalil, state="confirmed",
                                 data={"name": "Khalil Agoush", "status": "executed", "date": "2025-01-15"})
    m_h = Mention.objects.create(kind="case", source=secret, document=doc_priv, person=hidden, state="confirmed",
                                 data={"name": HIDDEN_NAME, "status": "executed", "date": "2025-01-16"})
    m_pending = Mention.objects.create(kind="case", source=alpha, document=doc_pub, person=khalil, state="pending",
                                       data={"name": "Kh. Agoush", "status": "executed", "date": "2025-01"})
    e_k = _event(k_case, m_k)
    e_h = _event(h_case, m_h, grade="disputed", date="2025-01-16")
    claims = []
    for doc, value in ((doc_claim, 975), (doc_priv, 31)):
        cm = Mention.objects.create(kind="claim", source=doc.source, document=doc,
                                    data={"quantity": "executions", "value": value})
        claims.append(Claim.objects.create(mention=cm, quantity="executions", value=value, qualifier="at_least",
                                           start="2024-01-01", end="2024-12-31", attributed_to=doc.source.name))
    campaign = Campaign.objects.create(name="No to Execution Tuesdays", kind="hunger_strike")
    CampaignEvent.objects.create(campaign=campaign, week=53, prisons=["Ghezel Hesar Prison"], participants=40)
    pair = ReviewPair.objects.create(mention_a=m_k, mention_b=m_h, probability=0.62)
    return {"alpha": alpha, "secret": secret, "doc_pub": doc_pub, "doc_priv": doc_priv, "doc_claim": doc_claim,
            "khalil": khalil, "k_case": k_case, "hidden": hidden, "h_case": h_case, "m_k": m_k, "m_h": m_h,
            "m_pending": m_pending, "e_k": e_k, "e_h": e_h, "claim_pub": claims[0], "claim_priv": claims[1],
            "campaign": campaign, "pair": pair}
