"""What each caller may read.

Without a token (or with a token whose user has no role) only public records are visible:

* persons with ``published=True``; cases of those persons;
* documents none of whose case mentions is about an unpublished or not yet linked person
  (a document naming someone not yet published stays private, whatever else it says);
  documents with no case mention at all (claims, counts, campaigns) are public;
* claims whose mention comes from a public document, or from a list row;
* campaigns (they hold no personal data);
* statistics computed over published persons only.

A token whose user holds the viewer role (or stronger) reads everything.
"""
from __future__ import annotations

from django.db.models import Q, QuerySet

from vigil.records.models import Campaign, Case, Claim, Document, Mention, Person


def persons(private: bool) -> QuerySet[Person]:
    qs = Person.objects.filter(merged_into=None)
    return qs if private else qs.filter(published=True)


def cases(private: bool) -> QuerySet[Case]:
    qs = Case.objects.select_related("person")
    return qs if private else qs.filter(person__published=True)


def _private_documents():
    return (Mention.objects.filter(kind="case", document__isnull=False)
            .filter(Q(person__isnull=True) | Q(person__published=False)).values("document_id"))


def documents(private: bool) -> QuerySet[Document]:
    qs = Document.objects.select_related("source", "version_of")
    return qs if private else qs.exclude(pk__in=_private_documents())


def claims(private: bool) -> QuerySet[Claim]:
    qs = Claim.objects.select_related("mention__source", "mention__document")
    if private:
        return qs
    return qs.filter(Q(mention__document__isnull=True) | ~Q(mention__document__in=_private_documents()))


def campaigns(private: bool) -> QuerySet[Campaign]:
    return Campaign.objects.prefetch_related("events")
