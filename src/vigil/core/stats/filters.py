"""Which records a figure counts: a :class:`Filter`, readable from CLI args and query strings."""
from __future__ import annotations

from dataclasses import asdict, dataclass, fields, replace
from urllib.parse import parse_qsl

from .periods import Period, parse_period_spec

#: The headline minimum: only events an official outlet announced or independent groups corroborate.
HEADLINE_GRADES = ("official", "corroborated")
#: Every documented event except those whose sources disagree on a key fact.
DOCUMENTED_GRADES = ("official", "corroborated", "single_source", "unassessed")
ALL_GRADES = ("official", "corroborated", "single_source", "disputed", "unassessed")
GRADE_SETS = {"headline": HEADLINE_GRADES, "documented": DOCUMENTED_GRADES, "all": ALL_GRADES}

#: Fields a figure can be grouped by (``--by``).
GROUP_FIELDS = ("year", "month", "iranian_year", "charge", "sex", "province", "prison", "city",
                "ethnicity", "nationality", "juvenile", "public", "officially_announced", "country",
                "grade", "status", "age")
_TEXT = ("status", "charge", "sex", "province", "prison", "city", "ethnicity", "nationality", "country")
_BOOL = ("juvenile", "public", "officially_announced")


def parse_grades(value) -> tuple[str, ...]:
    """``headline`` | ``documented`` | ``all`` | comma list of grades → a tuple of grades."""
    if value is None or value == "":
        return HEADLINE_GRADES
    if isinstance(value, (list, tuple)):
        value = ",".join(value)
    if value in GRADE_SETS:
        return GRADE_SETS[value]
    grades = tuple(g.strip() for g in value.split(",") if g.strip())
    unknown = [g for g in grades if g not in ALL_GRADES]
    if unknown:
        raise ValueError(f"unknown grade(s) {', '.join(unknown)}; use {', '.join(ALL_GRADES)} or headline/documented/all")
    return grades


def parse_bool(value) -> bool | None:
    """'yes'/'true'/'1' → True, 'no'/'false'/'0' → False, empty → None."""
    if value is None or isinstance(value, bool):
        return value
    text = str(value).strip().lower()
    if text in ("", "any"):
        return None
    if text in ("yes", "true", "1", "y"):
        return True
    if text in ("no", "false", "0", "n"):
        return False
    raise ValueError(f"not a yes/no value: {value!r}")


@dataclass(frozen=True)
class Filter:
    """The records a figure counts. Empty fields do not filter.

    ``period`` is a spec (see :func:`~vigil.core.stats.periods.parse_period_spec`) so a
    filter serialises to JSON and reads back identically.
    """

    period: str = ""
    status: str = "executed"
    grades: tuple[str, ...] = HEADLINE_GRADES
    charge: str = ""
    sex: str = ""
    province: str = ""
    prison: str = ""
    city: str = ""
    ethnicity: str = ""
    nationality: str = ""
    country: str = ""
    juvenile: bool | None = None
    public: bool | None = None
    officially_announced: bool | None = None
    published_only: bool = False

    def __post_init__(self):
        parse_period_spec(self.period)  # validate early
        object.__setattr__(self, "grades", parse_grades(self.grades))

    @property
    def period_obj(self) -> Period | None:
        return parse_period_spec(self.period)

    @classmethod
    def from_mapping(cls, values: dict) -> "Filter":
        """Build from a dict of strings (CLI args, query string); unknown keys are ignored."""
        names = {f.name for f in fields(cls)}
        kwargs = {k: v for k, v in values.items() if k in names and v not in (None, "")}
        for name in _BOOL + ("published_only",):
            if name in kwargs:
                kwargs[name] = parse_bool(kwargs[name])
        if "grades" in kwargs:
            kwargs["grades"] = parse_grades(kwargs["grades"])
        if "country" in kwargs:
            kwargs["country"] = str(kwargs["country"]).upper()
        return cls(**kwargs)

    @classmethod
    def from_query(cls, query: str) -> "Filter":
        """``period=2025&charge=drug&grades=all`` → Filter."""
        return cls.from_mapping(dict(parse_qsl(query.lstrip("?"))))

    @classmethod
    def from_args(cls, args) -> "Filter":
        """From an argparse namespace with attributes named like the fields."""
        return cls.from_mapping(vars(args))

    def to_dict(self) -> dict:
        data = asdict(self)
        data["grades"] = list(self.grades)
        return data

    def but(self, **changes) -> "Filter":
        """A copy with some fields changed."""
        return replace(self, **changes)

    def describe(self) -> str:
        """One line in words: what this filter counts."""
        parts = [f"cases with an event of status '{self.status}'"]
        period = self.period_obj
        if period:
            exact = f"{period.start}..{period.end}"
            parts.append(f"dated within {period.label}" + (f" ({exact})" if period.label != exact else ""))
        for name in _TEXT[1:]:
            if getattr(self, name):
                parts.append(f"{name} = {getattr(self, name)}")
        for name in _BOOL:
            if getattr(self, name) is not None:
                parts.append(f"{name} = {'yes' if getattr(self, name) else 'no'}")
        parts.append(f"grades {', '.join(self.grades)}")
        if self.published_only:
            parts.append("published records only")
        return "; ".join(parts)
