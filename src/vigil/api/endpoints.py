"""The list of API operations: URL patterns and the OpenAPI document are generated from it."""
from __future__ import annotations

from vigil.api import views, writes
from vigil.api.http import Endpoint

PAGE = ["page", "page_size"]

ENDPOINTS: list[Endpoint] = [
    Endpoint("/api/v1/persons", "GET", views.persons, "persons", "List persons", "Person",
             PAGE + ["q", "sex", "nationality", "ethnicity", "published"], paginated=True),
    Endpoint("/api/v1/persons/{id}", "GET", views.person, "person", "One person by stable id", "Person"),
    Endpoint("/api/v1/cases", "GET", views.cases, "cases", "List cases with their status events", "Case",
             PAGE + ["q", "person", "status", "charge", "province", "prison", "grade", "year", "published"],
             paginated=True),
    Endpoint("/api/v1/cases/{id}", "GET", views.case, "case", "One case by stable id", "Case"),
    Endpoint("/api/v1/documents", "GET", views.documents, "documents", "List captured documents", "Document",
             PAGE + ["language", "sha256", "media_type", "published"], paginated=True),
    Endpoint("/api/v1/documents/{id}", "GET", views.document, "document", "One document by stable id", "Document"),
    Endpoint("/api/v1/claims", "GET", views.claims, "claims", "List aggregate claims made by sources", "Claim",
             PAGE + ["quantity", "qualifier", "scope", "year"], paginated=True),
    Endpoint("/api/v1/claims/{id}", "GET", views.claim, "claim", "One claim by its mention's stable id", "Claim"),
    Endpoint("/api/v1/campaigns", "GET", views.campaigns, "campaigns", "List protest campaigns", "Campaign",
             PAGE + ["kind"], paginated=True),
    Endpoint("/api/v1/campaigns/{id}", "GET", views.campaign, "campaign", "One campaign by id", "Campaign"),
    Endpoint("/api/v1/statistics", "GET", views.statistics, "statistics",
             "One figure with its definition, optionally grouped", "Figure",
             ["by", "case_ids", "published_only", *views.STAT_PARAMS]),
    Endpoint("/api/v1/ingest", "POST", writes.ingest, "ingest", "Ingest a report (researcher role)",
             "IngestResult", role="researcher", body="IngestRequest", status=201),
    Endpoint("/api/v1/review/decisions", "POST", writes.decide, "decide",
             "Merge or split two mentions with a reason (reviewer role)", "Decision",
             role="reviewer", body="DecisionRequest", status=201),
]
