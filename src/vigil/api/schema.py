"""The OpenAPI 3.1 document, generated from the endpoint list and the schemas below."""
from __future__ import annotations

import vigil
from vigil.records import vocab

_S = {"type": "string"}
_NS = {"type": ["string", "null"]}
_NI = {"type": ["integer", "null"]}
_B = {"type": "boolean"}
_STRS = {"type": "array", "items": _S}


def _obj(props: dict, required: list[str] | None = None) -> dict:
    return {"type": "object", "properties": props, "required": required if required is not None else list(props)}


_MENTION_REF = _obj({"id": _S, "kind": _S, "source": _S, "document": _NS, "record_id": _S, "extractor": _S,
                     "state": _S})
SCHEMAS = {
    "Error": _obj({"error": _S, "status": {"type": "integer"}}),
    "PersonRef": _obj({"id": _S, "name_latin": _S, "name_fa": _S}),
    "Person": _obj({"id": _S, "name_latin": _S, "name_fa": _S, "father_name": _S, "sex": _S, "birth_year": _NI,
                    "nationality": _S, "ethnicity": _S, "religion": _S, "origin": _S,
                    "juvenile": {"type": ["boolean", "null"]}, "published": _B, "names": _STRS, "cases": _STRS,
                    "created_at": _NS}),
    "MentionRef": _MENTION_REF,
    "Event": _obj({"status": {"type": "string", "enum": [s for s, _ in vocab.STATUSES]}, "date": _S,
                   "date_precision": _S, "date_start": _NS, "date_end": _NS, "prison": _S, "city": _S,
                   "province": _S, "country": _S, "place_precision": {"type": "integer"}, "charges": _STRS,
                   "charges_original": _S, "age": _NI, "public_execution": _B, "officially_announced": _B,
                   "grade": {"type": "string", "enum": [g for g, _ in vocab.GRADES]}, "grade_reasons": _STRS,
                   "sources": {"type": "array", "items": {"$ref": "#/components/schemas/MentionRef"}}}),
    "Case": _obj({"id": _S, "person": {"$ref": "#/components/schemas/PersonRef"}, "court": _S, "judge": _S,
                  "charges": _STRS, "charges_original": _S, "current_status": _NS,
                  "events": {"type": "array", "items": {"$ref": "#/components/schemas/Event"}}}),
    "Document": _obj({"id": _S, "source": _S, "origin_url": _S, "title": _S, "language": _S, "published": _S,
                      "sha256": {"type": "string", "pattern": "^[0-9a-f]{64}$"}, "size": {"type": "integer"},
                      "media_type": _S, "tool_version": _S, "captured_at": _NS, "version_of": _NS}),
    "Claim": _obj({"id": _S, "quantity": _S, "value": {"type": "number"}, "qualifier": _S, "start": _S,
                   "end": _S, "scope": _S, "attributed_to": _S, "text": _S, "source": _S, "document": _NS}),
    "Campaign": _obj({"id": {"type": "integer"}, "name": _S, "kind": _S, "started": _NS, "ended": _NS,
                      "demands": _S, "outcome": _S, "events": {"type": "array", "items": _obj(
                          {"date": _NS, "week": _NI, "prisons": _STRS, "participants": _NI, "outcome": _S})}}),
    "Figure": _obj({"value": {"type": "integer"}, "definition": _S, "filter": {"type": "object"},
                    "grades": _STRS, "period": {"type": ["object", "null"]},
                    "rate_per_day": {"type": ["number", "null"]}, "uncertain": {"type": "integer"},
                    "undated": {"type": "integer"}, "unknown": {"type": "object"}, "case_ids": _STRS,
                    "by": _NS, "groups": {"type": "array", "items": {"type": "object"}}}),
    "IngestRequest": _obj({"source": _S, "source_kind": {"type": "string", "enum": [k for k, _ in vocab.SOURCE_KINDS]},
                           "content": _S, "content_base64": _S, "published": _S, "origin_url": _S, "title": _S,
                           "media_type": _S, "extract": _B}, ["source"]),
    "IngestResult": _obj({"document": _S, "created": _B, "mentions": {"type": "integer"}, "sha256": _S}),
    "DecisionRequest": _obj({"mention_a": _S, "mention_b": _S,
                             "decision": {"type": "string", "enum": ["merge", "split", "must_link", "cannot_link"]},
                             "reason": {"type": "string", "minLength": 1}}),
    "Decision": _obj({"id": {"type": "integer"}, "decision": _S, "mention_a": _S, "mention_b": _S, "reason": _S,
                      "at": _S}),
}

PARAM_DOCS = {
    "page": ("integer", "Page number, from 1"), "page_size": ("integer", "Rows per page (1–200, default 50)"),
    "q": ("string", "Name search in Latin or Persian script (substring or cross-script name key)"),
    "published": ("string", "Token holders only: true/false to filter by publication "
                            "(documents: a YYYY, YYYY-MM or YYYY-MM-DD prefix of the publication date)"),
    "person": ("string", "A person's stable id"), "year": ("integer", "Year of an event (claims: of the period start)"),
    "by": ("string", "Group by: year, month, iranian_year, charge, sex, province, prison, city, ethnicity, "
                     "nationality, grade, status, …"),
    "case_ids": ("boolean", "Include the ids of the counted cases"),
    "published_only": ("boolean", "Token holders only: count published persons only (always true without a token)"),
}


def _param(name: str) -> dict:
    kind, doc = PARAM_DOCS.get(name, ("string", f"Filter on {name.replace('_', ' ')}"))
    return {"name": name, "in": "query", "required": False, "description": doc, "schema": {"type": kind}}


def _ref(name: str) -> dict:
    return {"$ref": f"#/components/schemas/{name}"}


def _json(schema: dict, description: str) -> dict:
    return {"description": description, "content": {"application/json": {"schema": schema}}}


def _page(name: str) -> dict:
    return _obj({"count": {"type": "integer"}, "page": {"type": "integer"}, "page_size": {"type": "integer"},
                 "next": _NS, "previous": _NS, "results": {"type": "array", "items": _ref(name)}})


def _operation(ep) -> dict:
    body = _page(ep.response) if ep.paginated else _ref(ep.response)
    responses = {str(ep.status): _json(body, "OK" if ep.status == 200 else "Created"),
                 "429": _json(_ref("Error"), "Rate limit exceeded (see Retry-After)")}
    params = [_param(p) for p in ep.params]
    if "{id}" in ep.path:
        params.insert(0, {"name": "id", "in": "path", "required": True, "schema": {"type": "string"},
                          "description": "Stable id"})
        responses["404"] = _json(_ref("Error"), "No such record, or not visible to this caller")
    if ep.params or ep.body:
        responses["400"] = _json(_ref("Error"), "Bad request")
    op = {"operationId": ep.name, "summary": ep.summary, "parameters": params, "responses": responses,
          "security": [{"bearer": []}] if ep.role else [{}, {"bearer": []}]}
    if ep.body:
        op["requestBody"] = {"required": True, "content": {"application/json": {"schema": _ref(ep.body)}}}
        responses["401"] = _json(_ref("Error"), "No valid token")
        responses["403"] = _json(_ref("Error"), f"The token's user lacks the {ep.role} role")
        if ep.name == "ingest":
            responses["200"] = _json(body, "Already captured (same bytes)")
    return op


def openapi() -> dict:
    """The OpenAPI 3.1 document of the API."""
    from vigil.api.endpoints import ENDPOINTS

    paths: dict = {"/api/openapi.json": {"get": {
        "operationId": "openapi", "summary": "This document", "security": [{}],
        "responses": {"200": {"description": "The OpenAPI document",
                              "content": {"application/json": {"schema": {"type": "object"}}}}}}}}
    for ep in ENDPOINTS:
        paths.setdefault(ep.path, {})[ep.method.lower()] = _operation(ep)
    return {
        "openapi": "3.1.0",
        "info": {"title": "Vigil API", "version": vigil.__version__,
                 "description": "Cases, persons, documents, claims, campaigns and figures. Without a token only "
                                "published records are visible; see docs/api.md."},
        "servers": [{"url": "/"}],
        "paths": paths,
        "components": {"schemas": SCHEMAS,
                       "securitySchemes": {"bearer": {"type": "http", "scheme": "bearer",
                                                      "description": "Created with `vigil token create USER`"}}},
    }
