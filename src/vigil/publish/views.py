"""Public pages: thin views over publish.queries (published records only)."""
from __future__ import annotations

from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import get_language_bidi, gettext as _

from vigil.publish import charts, exports, geo, labels, person as person_page, queries
from vigil.publish.cache import cached_page
from vigil.records.models import Campaign

def _link(field: str, flt) -> callable:
    def href(key: str) -> str:
        params = {"status": "executed", field: "" if key == "unknown" else key}
        if flt.period and flt.period.isdigit():
            params["year"] = flt.period
        return reverse("publish:cases") + "?" + urlencode({k: v for k, v in params.items() if v})
    return href


@cached_page(scope="figures")
def dashboard(request):
    error = ""
    try:
        flt = queries.dashboard_filter(request.GET)
    except ValueError as exc:
        error, flt = str(exc), queries.dashboard_filter({})
    figs = queries.dashboard(flt)
    rtl = get_language_bidi()
    bar_charts = []
    for field, title in (("charge", _("By charge")), ("sex", _("By sex")), ("ethnicity", _("By ethnicity")),
                         ("nationality", _("By nationality")), ("prison", _("By prison"))):
        fig = figs[f"by_{field}"]
        chart = charts.bars(fig["groups"], lambda k, f=field: labels.label(f, k), rtl=rtl)
        href = _link(field, flt) if field in ("charge", "sex", "prison") else None
        for bar in chart["bars"]:
            bar["href"] = href(bar["key"]) if href and bar["key"] != "unknown" else ""
        bar_charts.append({"id": field, "title": title, "chart": chart, "figure": fig})
    return render(request, "vigil/dashboard.html", {
        "error": error, "flt": flt, "figs": figs, "headline": figs["headline"],
        "by_year": charts.columns(figs["by_year"]["groups"]),
        "by_month": charts.columns(figs["by_month"]["groups"], max_labels=12),
        "bar_charts": bar_charts, "map": geo.choropleth(figs["by_province"]["groups"]),
        "province_rows": figs["by_province"]["groups"],
        "options": queries.dashboard_options(), "charges": list(labels.CHARGES.items()),
        "grade_sets": list(labels.GRADE_SETS.items()),
        "selected": {k: request.GET.get(k, "") for k in queries.DASHBOARD_CONTROLS},
    })


def case_list(request, fmt: str = "html"):
    if fmt == "html":
        return _case_page(request)
    return _case_data(request, fmt)


@cached_page(scope="figures")
def _case_page(request):
    return _case_list(request, "html")


@cached_page(scope="figures")
def _case_json(request):
    return _case_list(request, "json")


def _case_data(request, fmt: str):
    """``.json`` (one page, at most 1,000 rows: cached whole) or ``.csv`` (every row: streamed)."""
    return _case_json(request) if fmt == "json" else _case_list(request, fmt)


def _case_list(request, fmt: str):
    cq = queries.CaseQuery.from_params(request.GET)
    if fmt == "csv":
        return exports.csv_response(queries.iter_rows(cq), "cases.csv")
    size = exports.page_size(request.GET, html=fmt == "html")
    paginator = Paginator(queries.matching_people(cq), size)
    paginator.count = queries.case_count(cq)  # cached; Paginator reads it instead of counting
    page = paginator.get_page(request.GET.get("page"))
    rows = queries.page_rows(cq, page, size)
    if fmt == "json":
        return exports.json_page(request, rows, page, cq)
    selected = cq.params()
    return render(request, "vigil/cases.html", {
        "cq": cq, "rows": rows, "page": page, "facets": _facets(queries.facets(cq), selected),
        "selected": selected, "qs": _qs(selected),
        "prev_href": _qs(selected, page=page.previous_page_number()) if page.has_previous() else "",
        "next_href": _qs(selected, page=page.next_page_number()) if page.has_next() else "",
    })


def _qs(params: dict, **changes) -> str:
    """A query string from ``params`` with ``changes`` (a None value removes the key)."""
    data = {**params, **changes}
    data = {k: v for k, v in data.items() if v not in (None, "")}
    return "?" + urlencode(data) if data else "?"


def _facets(raw: dict, selected: dict) -> list[dict]:
    out = []
    for field in queries.CASE_FACETS:
        values = []
        for value, n in raw.get(field, []):
            chosen = selected.get(field) == value
            values.append({"value": value, "label": labels.label(field, value), "count": n, "selected": chosen,
                           "href": _qs(selected, **{field: None if chosen else value})})
        if values:
            out.append({"field": field, "title": labels.FIELDS[field], "values": values})
    return out


@cached_page
def person_detail(request, public_id: str):
    person = get_object_or_404(queries.public_people(), public_id=public_id)
    items = person_page.timeline(person)
    return render(request, "vigil/person.html", {
        "person": person, "items": items, "documents": person_page.documents(items),
        "names": person.names.order_by("name"),
    })


@cached_page(scope="figures")
def at_risk(request):
    return render(request, "vigil/at_risk.html", {"rows": queries.at_risk()})


@cached_page
def campaign_list(request):
    return render(request, "vigil/campaigns.html", {"campaigns": queries.campaigns()})


@cached_page
def campaign_detail(request, pk: int):
    campaign = get_object_or_404(Campaign, pk=pk)
    events = campaign.events.prefetch_related("mentions__source").order_by("date", "week")
    rows = [{"event": e, "sources": sorted({m.source.public_name for m in e.mentions.all()})} for e in events]
    return render(request, "vigil/campaign.html", {"campaign": campaign, "rows": rows})
