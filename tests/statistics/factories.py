"""Case data for statistics tests, built directly (fast) with the models' own fields."""
from __future__ import annotations

from vigil.records.models import Case, Person, StatusEvent
from vigil.records.actions.persons import date_bounds


def make_case(*, date="2025-03-10", status="executed", grade="corroborated", sex="", province="", prison="",
              city="", charges=(), country="IR", ethnicity="", nationality="", juvenile=None, public=False,
              announced=False, age=None, published=True) -> StatusEvent:
    person = Person.objects.create(sex=sex, ethnicity=ethnicity, nationality=nationality, juvenile=juvenile,
                                   published=published)
    case = Case.objects.create(person=person, charges=list(charges))
    start, end = date_bounds(date)
    return StatusEvent.objects.create(
        case=case, status=status, date=date or "", date_precision={10: "day", 7: "month", 4: "year"}.get(len(date or ""), "unknown"),
        date_start=start, date_end=end, grade=grade, province=province, prison=prison, city=city,
        charges=list(charges), country=country, public_execution=public, officially_announced=announced, age=age)


def row_of(event: StatusEvent) -> dict:
    """The plain row the core RowCounter reads, from a stored event."""
    person = event.case.person
    return {"case_id": event.case.public_id, "status": event.status, "date_start": event.date_start,
            "date_end": event.date_end, "grade": event.grade, "charges": event.charges, "sex": person.sex,
            "age": event.age, "province": event.province, "prison": event.prison, "city": event.city,
            "ethnicity": person.ethnicity, "nationality": person.nationality, "country": event.country,
            "juvenile": person.juvenile, "public": event.public_execution,
            "officially_announced": event.officially_announced, "published": person.published}


def sample() -> list[StatusEvent]:
    """A small varied data set: grades, precisions, undated, two countries, charges, sexes."""
    return [
        make_case(date="2025-01-05", sex="m", province="Tehran", prison="Ghezel Hesar", charges=["drug"], age=30),
        make_case(date="2025-01-20", sex="f", province="Tehran", charges=["murder"], ethnicity="kurd"),
        make_case(date="2025-01", sex="m", province="Sistan and Baluchestan", charges=["drug"], ethnicity="baluch",
                  grade="official", announced=True),
        make_case(date="2025-02-14", sex="m", province="Fars", charges=["drug", "moharebeh"], public=True),
        make_case(date="2025", sex="m", province="Isfahan", charges=[]),
        make_case(date="", sex="m", province="Tehran", charges=["drug"]),
        make_case(date="2024-12-31", sex="m", province="Qom", charges=["rape"], juvenile=True),
        make_case(date="2025-03-21", sex="", province="", charges=["drug"], nationality="AF"),
        make_case(date="2025-01-07", grade="single_source", sex="m", province="Tehran"),
        make_case(date="2025-01-08", grade="disputed", sex="m", province="Tehran"),
        make_case(date="2025-01-09", status="sentenced", sex="m", province="Tehran"),
        make_case(date="1999-05-05", country="US", province="TX", sex="m", grade="single_source"),
        make_case(date="2025-02-01", published=False, sex="m", province="Kerman"),
    ]
