"""Public pages: thin views over publish.queries."""
from __future__ import annotations

from django.core.paginator import Paginator
from django.db.models import Q
from django.shortcuts import get_object_or_404, render

from vigil.publish import queries


def dashboard(request):
    return render(request, "vigil/dashboard.html", {
        "headline": queries.headline(),
        "by_year": queries.executions_by_year(),
        "grades": queries.HEADLINE_GRADES,
    })


def case_list(request):
    q = request.GET.get("q", "").strip()
    people = queries.public_people().prefetch_related("cases__events")
    if q:
        people = people.filter(Q(name_latin__icontains=q) | Q(name_fa__icontains=q) | Q(names__name__icontains=q)).distinct()
    page = Paginator(people, 50).get_page(request.GET.get("page"))
    return render(request, "vigil/cases.html", {"page": page, "q": q})


def person_detail(request, public_id: str):
    person = get_object_or_404(queries.public_people(), public_id=public_id)
    events = queries.public_events().filter(case__person=person).prefetch_related("mentions__source", "mentions__document")
    return render(request, "vigil/person.html", {"person": person, "events": events})
