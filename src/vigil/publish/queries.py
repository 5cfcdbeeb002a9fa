"""Read-only queries over PUBLISHED records only: the public site never sees anything else."""
from __future__ import annotations

from django.db.models import Count, QuerySet
from django.db.models.functions import ExtractYear

from vigil.records.models import Person, StatusEvent

HEADLINE_GRADES = ("official", "corroborated")


def public_people() -> QuerySet[Person]:
    return Person.objects.filter(published=True)


def public_events() -> QuerySet[StatusEvent]:
    return StatusEvent.objects.filter(case__person__published=True)


def executions_by_year(grades: tuple[str, ...] | None = None) -> list[dict]:
    events = public_events().filter(status="executed", date_start__isnull=False)
    if grades:
        events = events.filter(grade__in=grades)
    rows = events.annotate(year=ExtractYear("date_start")).values("year").annotate(n=Count("id")).order_by("year")
    return list(rows)


def headline() -> dict:
    executed = public_events().filter(status="executed")
    return {
        "executions_all": executed.count(),
        "executions_minimum": executed.filter(grade__in=HEADLINE_GRADES).count(),
        "undated": executed.filter(date_start__isnull=True).count(),
        "at_risk": public_events().filter(status="at_risk").count(),
        "people": public_people().count(),
    }
