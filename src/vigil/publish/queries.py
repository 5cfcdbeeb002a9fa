"""Read-only queries over PUBLISHED records only: the public site never sees anything else.

Every queryset here starts from :func:`public_people` or :func:`public_events`, so a
person a reviewer has not published is absent from lists, facets, counts, feeds and pages.
Aggregates (dashboard figures, facet counts) are cached per query and data version (see
:mod:`vigil.publish.cache`), so repeated requests do not recount 100,000 cases.
"""
from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import asdict, dataclass, fields
from typing import Iterator

from django.db.models import Count, Exists, OuterRef, Q, QuerySet
from django.db.models.functions import ExtractYear, Substr
from django.db.models.lookups import IsNull

from vigil.core.stats import Filter
from vigil.core.stats.filters import GRADE_SETS
from vigil.publish import facets as column_facets
from vigil.publish.cache import cached, data_version
from vigil.records.models import Campaign, Case, Person, PersonName, StatusEvent
from vigil.records.naming import name_key
from vigil.statistics import columns

HEADLINE_GRADES = GRADE_SETS["headline"]
AT_RISK_STATUSES = ("at_risk", "upheld", "sentenced")
CASE_FACETS = ("status", "year", "charge", "province", "prison", "sex", "grade")
PAGE_SIZE = 50


def public_people() -> QuerySet[Person]:
    return Person.objects.filter(published=True)


def public_events() -> QuerySet[StatusEvent]:
    return StatusEvent.objects.filter(case__person__published=True)


# ----------------------------------------------------------------------------- dashboard
DASHBOARD_CONTROLS = ("period", "charge", "province", "grades")


def dashboard_filter(params) -> Filter:
    """The dashboard's Filter from a query string (period, charge, province, grades);
    always published records only. Invalid values raise ValueError."""
    values = {k: params.get(k, "").strip() for k in DASHBOARD_CONTROLS}
    return Filter.from_mapping({**values, "published_only": True})


def published_columns() -> columns.Published:
    """The published events and persons as in-memory columns, at the current public version."""
    return columns.published(data_version("columns"))


def dashboard(flt: Filter) -> dict:
    """The statistics app's dashboard figures for ``flt``, as plain dicts (cached), counted
    from the precomputed columns (:mod:`vigil.statistics.columns`; the same figures as SQL)."""
    def compute():
        out = columns.dashboard(published_columns().events, flt)
        return {k: (v.to_dict() if hasattr(v, "to_dict") else v) for k, v in out.items()}
    return cached("dashboard", flt.to_dict(), compute)


def dashboard_options() -> dict:
    """Choices for the dashboard's controls: years with published events, charges, provinces."""
    def compute():
        years = (public_events().filter(date_start__isnull=False).annotate(y=ExtractYear("date_start"))
                 .values_list("y", flat=True).distinct().order_by("-y"))
        provinces = (public_events().exclude(province="").values_list("province", flat=True)
                     .distinct().order_by("province"))
        return {"years": [str(y) for y in years], "provinces": list(provinces)}
    return cached("options", {}, compute)


# ----------------------------------------------------------------------------- case list
@dataclass(frozen=True)
class CaseQuery:
    """The case list's search and facet selections, as read from a query string."""

    q: str = ""
    status: str = ""
    year: str = ""
    charge: str = ""
    province: str = ""
    prison: str = ""
    sex: str = ""
    grade: str = ""

    @classmethod
    def from_params(cls, params) -> "CaseQuery":
        values = {f.name: (params.get(f.name) or "").strip()[:200] for f in fields(cls)}
        if values["year"] and not (values["year"].isdigit() and 1 <= int(values["year"]) <= 9999):
            values["year"] = ""
        return cls(**values)

    def params(self) -> dict[str, str]:
        return {k: v for k, v in asdict(self).items() if v}

    @property
    def event_filters(self) -> dict[str, str]:
        return {k: getattr(self, k) for k in ("status", "year", "charge", "province", "prison", "grade")
                if getattr(self, k)}


def _name_match(q: str) -> Q:
    key = name_key(q)
    names = PersonName.objects.filter(person=OuterRef("pk")).filter(Q(name__icontains=q) | Q(key=key) if key
                                                                     else Q(name__icontains=q))
    return Q(name_latin__icontains=q) | Q(name_fa__icontains=q) | Q(Exists(names))


def _event_q(cq: CaseQuery) -> Q:
    q = Q()
    if cq.status:
        # LIKE instead of '=' on purpose: SQLite's planner otherwise walks the (status, date)
        # index for a status that most rows have, about 10x slower than a table scan. No
        # status code is a prefix of another, so the match is exact.
        q &= Q(status__startswith=cq.status)
    if cq.year:
        year = int(cq.year)
        q &= Q(date_start__gte=dt.date(year, 1, 1), date_start__lte=dt.date(year, 12, 31))
    if cq.charge:
        q &= Q(charges__icontains=f'"{cq.charge}"')
    for name in ("province", "prison", "grade"):
        if getattr(cq, name):
            q &= Q(**{name: getattr(cq, name)})
    return q


def _people(cq: CaseQuery) -> QuerySet[Person]:
    """Published persons matching the person-level part (name search, sex)."""
    people = public_people()
    if cq.q:
        people = people.filter(_name_match(cq.q))
    if cq.sex:
        people = people.filter(sex="" if cq.sex == "unknown" else cq.sex)
    return people


def matching_people(cq: CaseQuery) -> QuerySet[Person]:
    """Published persons matching the search and facets (newest first)."""
    people = _people(cq)
    if cq.event_filters:
        people = people.filter(pk__in=StatusEvent.objects.filter(_event_q(cq)).values("case__person_id"))
    return people.order_by("-pk")


def matching_events(cq: CaseQuery) -> QuerySet[StatusEvent]:
    """The events the facets count: matching events of matching persons. The persons come in
    as a list subquery of case ids (one hash lookup per event) rather than a three-table join."""
    cases = Case.objects.filter(person__in=_people(cq).order_by().values("pk")).values("pk")
    return StatusEvent.objects.filter(_event_q(cq), case_id__in=cases)


def _search_ids(cq: CaseQuery):
    """The ids of published persons the name search (and sex) selects, asked once per search (cached)."""
    params = {"q": cq.q, "sex": cq.sex}
    return lambda: cached("search", params, lambda: list(_people(cq).values_list("pk", flat=True)))


def case_count(cq: CaseQuery) -> int:
    """Matching published persons (cached; counted from the precomputed columns)."""
    return cached("count", cq.params(), lambda: column_facets.count(published_columns(), cq, _search_ids(cq)))


def facets(cq: CaseQuery) -> dict[str, list[tuple[str, int]]]:
    """Per facet, ``[(value, persons)]`` over the current selection, most frequent first
    (cached; counted from the precomputed columns, :mod:`vigil.publish.facets`)."""
    return cached("facets", cq.params(), lambda: column_facets.facets(published_columns(), cq, _search_ids(cq)))


def facets_sql(cq: CaseQuery) -> dict[str, list[tuple[str, int]]]:
    """:func:`facets` by SQL: the reference the column counts are tested against."""
    events = matching_events(cq)
    out = {}
    for name in ("status", "province", "prison", "grade"):
        rows = events.exclude(**{name: ""}).values(name).annotate(n=Count("case_id", distinct=True))
        out[name] = sorted(((r[name], r["n"]) for r in rows), key=lambda r: (-r[1], r[0]))[:30]
    years = events.exclude(date="").annotate(y=Substr("date", 1, 4)).values("y").annotate(
        n=Count("case_id", distinct=True))
    out["year"] = sorted(((r["y"], r["n"]) for r in years), reverse=True)
    charges: Counter = Counter()
    for row in events.values("charges").annotate(n=Count("case_id", distinct=True)):
        for charge in row["charges"] or []:
            charges[charge] += row["n"]
    out["charge"] = sorted(charges.items(), key=lambda r: (-r[1], r[0]))
    sexes = matching_people(cq).order_by().values("sex").annotate(n=Count("pk"))
    out["sex"] = sorted(((r["sex"] or "unknown", r["n"]) for r in sexes), key=lambda r: (-r[1], r[0]))
    return out


def latest_events(person_ids: list[int]) -> dict[int, StatusEvent]:
    """Each person's latest event (by date, then record order), one query."""
    latest: dict[int, StatusEvent] = {}
    events = (StatusEvent.objects.filter(case__person_id__in=person_ids).select_related("case")
              .order_by("case__person_id", "date_start", "pk"))
    for event in events:
        latest[event.case.person_id] = event
    return latest


def case_row(person: Person, event: StatusEvent | None) -> dict:
    """One list row, the same in the HTML table, the JSON and the CSV."""
    return {
        "id": person.public_id, "name_latin": person.name_latin, "name_fa": person.name_fa,
        "sex": person.sex, "status": event.status if event else "", "date": event.date if event else "",
        "grade": event.grade if event else "", "prison": event.prison if event else "",
        "city": event.city if event else "", "province": event.province if event else "",
        "charges": list(event.charges or event.case.charges or []) if event else [],
    }


def rows_for(people: list[Person]) -> list[dict]:
    latest = latest_events([p.pk for p in people])
    return [case_row(p, latest.get(p.pk)) for p in people]


def page_rows(cq: CaseQuery, page, size: int) -> list[dict]:
    """The rows of one page of the list (cached)."""
    return cached("rows", {**cq.params(), "page": page.number, "size": size},
                  lambda: rows_for(list(page.object_list)))


def iter_rows(cq: CaseQuery, chunk: int = 2000) -> Iterator[dict]:
    """Every matching row, in chunks (for streamed exports), newest first."""
    people = matching_people(cq).only("pk", "public_id", "name_latin", "name_fa", "sex")
    last = None
    while True:
        batch = list((people.filter(pk__lt=last) if last else people)[:chunk])
        if not batch:
            return
        yield from rows_for(batch)
        last = batch[-1].pk


# ----------------------------------------------------------------------------- people at risk
def _later_event() -> Exists:
    """A later event of the same case: by date (undated counts as earliest), then record order
    — the same order as :func:`latest_events`."""
    outer_undated = IsNull(OuterRef("date_start"), True)
    later = StatusEvent.objects.filter(case_id=OuterRef("case_id")).filter(
        Q(date_start__gt=OuterRef("date_start"))
        | Q(outer_undated) & Q(date_start__isnull=False)
        | Q(date_start=OuterRef("date_start"), pk__gt=OuterRef("pk"))
        | Q(outer_undated) & Q(date_start__isnull=True, pk__gt=OuterRef("pk")))
    return Exists(later)


def at_risk(limit: int = 500) -> list[dict]:
    """Published persons whose latest event is at_risk, upheld or sentenced; at_risk first,
    then the longest-waiting first. ``since`` is the latest event's start date (or None)."""
    def compute():
        latest = (public_events().filter(status__in=AT_RISK_STATUSES).filter(~_later_event()).order_by()
                  .values_list("pk", "status", "date_start"))
        order = {s: i for i, s in enumerate(AT_RISK_STATUSES)}
        top = sorted(latest, key=lambda r: (order[r[1]], r[2] or dt.date.max, r[0]))[:limit]
        events = StatusEvent.objects.select_related("case__person").in_bulk([r[0] for r in top])
        return [{"person": events[r[0]].case.person, "event": events[r[0]], "since": r[2]} for r in top]
    return cached("at_risk", {"limit": limit}, compute)


# ----------------------------------------------------------------------------- campaigns
def campaigns() -> QuerySet[Campaign]:
    return Campaign.objects.annotate(n_events=Count("events")).order_by("-started", "name")


def recent_people(limit: int = 50) -> QuerySet[Person]:
    return public_people().order_by("-created_at", "-pk")[:limit]


def recent_events(limit: int = 50) -> QuerySet[StatusEvent]:
    return public_events().select_related("case__person").order_by("-pk")[:limit]
