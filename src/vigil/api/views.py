"""Read endpoints: paginated, filtered lists and details by stable id."""
from __future__ import annotations

import datetime as dt
from urllib.parse import urlencode

from django.db import connection
from django.db.models import CharField, F, Func, Q, QuerySet
from django.http import JsonResponse
from django.shortcuts import get_object_or_404

from vigil.api import serialize, visibility
from vigil.api.http import ApiError
from vigil.records.models import PersonName, StatusEvent
from vigil.records.naming import name_key

DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE = 50, 200


def _int(request, name: str, default: int, lo: int = 1, hi: int | None = None) -> int:
    return _int_of(request.GET, name, default, lo, hi)


def _int_of(query, name: str, default: int, lo: int = 1, hi: int | None = None) -> int:
    try:
        value = int(query.get(name, default))
    except ValueError:
        raise ApiError(400, f"{name} must be an integer") from None
    if value < lo or (hi is not None and value > hi):
        raise ApiError(400, f"{name} must be between {lo} and {hi or '∞'}")
    return value


def _link(request, page: int) -> str:
    query = request.GET.copy()
    query["page"] = str(page)
    return f"{request.path}?{urlencode(sorted(query.items()))}"


def paginate(request, qs: QuerySet, to_json=None, *, many=None) -> JsonResponse:
    """``{count, page, page_size, next, previous, results}`` for one page of ``qs``, each row
    through ``to_json`` (or the whole page through ``many``)."""
    page = _int(request, "page", 1)
    size = _int(request, "page_size", DEFAULT_PAGE_SIZE, 1, MAX_PAGE_SIZE)
    count = qs.count()
    rows = qs[(page - 1) * size: page * size]
    return JsonResponse({
        "count": count, "page": page, "page_size": size,
        "next": _link(request, page + 1) if page * size < count else None,
        "previous": _link(request, page - 1) if page > 1 else None,
        "results": many(list(rows)) if many else [to_json(row) for row in rows]},
        json_dumps_params={"ensure_ascii": False})


def _detail(data: dict) -> JsonResponse:
    return JsonResponse(data, json_dumps_params={"ensure_ascii": False})


def _named(q: str) -> QuerySet:
    """Ids of persons with a name containing ``q`` or with the same cross-script name key.

    One scan of the names table (every displayed name of a person is one of its names)."""
    key = name_key(q)
    cond = Q(name__icontains=q) | Q(key=key) if key else Q(name__icontains=q)
    return PersonName.objects.filter(cond).values("person_id")


def _published_param(request, qs: QuerySet, column: str) -> QuerySet:
    value = request.GET.get("published", "")
    if value and request.api_private:
        qs = qs.filter(**{column: value.lower() in ("1", "true", "yes")})
    return qs


# ---------------------------------------------------------------------------- persons
def persons(request):
    qs = visibility.persons(request.api_private).prefetch_related("names", "cases")
    if request.GET.get("q"):
        qs = qs.filter(pk__in=_named(request.GET["q"]))
    for name in ("sex", "nationality", "ethnicity"):
        if request.GET.get(name):
            qs = qs.filter(**{name: request.GET[name]})
    qs = _published_param(request, qs, "published")
    return paginate(request, qs.order_by("name_latin", "name_fa", "pk"), serialize.person)


def person(request, id: str):
    obj = get_object_or_404(visibility.persons(request.api_private).prefetch_related("names", "cases"),
                            public_id=id)
    return _detail(serialize.person(obj))


# ------------------------------------------------------------------------------ cases
def _scanned_events() -> QuerySet:
    """Events with ``_status``/``_grade`` aliases that keep SQLite off their indexes: most events
    share one status, and a scan is several times faster than fetching them through the index."""
    scan = (lambda c: Func(F(c), template="+%(expressions)s", output_field=CharField())) \
        if connection.vendor == "sqlite" else F
    return StatusEvent.objects.alias(_status=scan("status"), _grade=scan("grade"))


def cases(request):
    qs = visibility.cases(request.api_private)
    g = request.GET
    if g.get("q"):
        qs = qs.filter(person__in=_named(g["q"]))
    if g.get("person"):
        qs = qs.filter(person__public_id=g["person"])
    if g.get("charge"):
        qs = qs.filter(charges__icontains=f'"{g["charge"]}"')
    events = {k: g[k] for k in ("province", "prison") if g.get(k)}
    events.update({f"_{k}": g[k] for k in ("status", "grade") if g.get(k)})
    if g.get("year"):
        year = _int_of(g, "year", 0, 1900, 2100)
        events["date_start__range"] = (dt.date(year, 1, 1), dt.date(year, 12, 31))
    if events:
        qs = qs.filter(pk__in=_scanned_events().filter(**events).values("case_id"))
    qs = _published_param(request, qs, "person__published")
    return paginate(request, qs.order_by("pk"), many=serialize.cases)


def case(request, id: str):
    obj = get_object_or_404(visibility.cases(request.api_private), public_id=id)
    return _detail(serialize.cases([obj])[0])


# -------------------------------------------------------------------------- documents
def documents(request):
    qs = visibility.documents(request.api_private)
    g = request.GET
    for name in ("language", "sha256", "media_type"):
        if g.get(name):
            qs = qs.filter(**{name: g[name]})
    if g.get("published"):
        qs = qs.filter(published__startswith=g["published"])
    return paginate(request, qs.order_by("-captured_at", "pk"), serialize.document)


def document(request, id: str):
    return _detail(serialize.document(get_object_or_404(visibility.documents(request.api_private), public_id=id)))


# ----------------------------------------------------------------------------- claims
def claims(request):
    qs = visibility.claims(request.api_private)
    g = request.GET
    for name in ("quantity", "qualifier", "scope"):
        if g.get(name):
            qs = qs.filter(**{name: g[name]})
    if g.get("year"):
        qs = qs.filter(start__startswith=g["year"])
    return paginate(request, qs.order_by("pk"), serialize.claim)


def claim(request, id: str):
    return _detail(serialize.claim(get_object_or_404(visibility.claims(request.api_private), mention__public_id=id)))


# -------------------------------------------------------------------------- campaigns
def campaigns(request):
    qs = visibility.campaigns(request.api_private)
    if request.GET.get("kind"):
        qs = qs.filter(kind=request.GET["kind"])
    return paginate(request, qs.order_by("name", "pk"), serialize.campaign)


def campaign(request, id: str):
    if not id.isdigit():
        raise ApiError(404, "not found")
    return _detail(serialize.campaign(get_object_or_404(visibility.campaigns(request.api_private), pk=int(id))))


# ------------------------------------------------------------------------- statistics
STAT_PARAMS = ("period", "status", "grades", "charge", "sex", "province", "prison", "city", "ethnicity",
               "nationality", "country", "juvenile", "public", "officially_announced")


def statistics(request):
    """One figure (optionally grouped ``by`` a field), as in vigil.statistics.queries.figure."""
    from vigil.core.stats import Filter
    from vigil.statistics.queries import figure

    g = request.GET
    values = {k: g[k] for k in STAT_PARAMS if g.get(k)}
    if request.api_private and g.get("published_only"):
        values["published_only"] = g["published_only"]
    try:
        flt = Filter.from_mapping(values)
        if not request.api_private:
            flt = flt.but(published_only=True)
        fig = figure(flt, g.get("by") or None, cases=g.get("case_ids", "") in ("1", "true", "yes"))
    except (ValueError, KeyError, TypeError) as exc:
        raise ApiError(400, f"bad statistics query: {exc}") from None
    return _detail(fig.to_dict())
