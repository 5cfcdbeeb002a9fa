"""The state shared while one report is written: its source, language, date and truth."""
from __future__ import annotations

import datetime as dt
import random
import re
from dataclasses import dataclass, field
from functools import lru_cache

from .sources import Source
from .world import Person, day_to_date

PRISON_ALIASES = {
    "Ghezel Hesar Prison": ["Qezel Hesar Prison", "Ghezelhesar Prison", "Ghezel Hesar Prison in Karaj"],
    "Vakilabad Prison": ["Mashhad Central Prison", "Vakil Abad Prison"],
    "Dastgerd Prison": ["Isfahan Central Prison", "Dastgerd Prison in Isfahan"],
    "Adelabad Prison": ["Shiraz Central Prison", "Adel Abad Prison"],
    "Parsilon Prison": ["Khorramabad Central Prison"],
    "Dizelabad Prison": ["Kermanshah Central Prison", "Diesel Abad Prison"],
    "Lakan Prison": ["Rasht Central Prison (Lakan)"],
    "Urmia Central Prison": ["Orumieh Central Prison", "Urmia Prison"],
    "Rajaei Shahr Prison": ["Gohardasht Prison", "Rajai Shahr Prison"],
    "Karaj Central Prison": ["the Central Prison of Karaj"],
    "Zahedan Central Prison": ["Zahedan Prison"],
}


PERSIAN = re.compile("[\u0600-\u06ff]")


@lru_cache(maxsize=None)
def prison_aliases(canonical: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(English, Persian) ways of writing a prison: the small table above plus the
    spellings seen in real reports from the project gazetteer when it is installed."""
    en, fa = list(PRISON_ALIASES.get(canonical, [])), []
    try:
        from vigil.core import gazetteer
        entry = next((p for p in gazetteer.prisons() if p.name == canonical), None)
    except Exception:   # the generator works without the gazetteer
        entry = None
    for alias in entry.aliases if entry else ():
        if PERSIAN.search(alias):
            fa.append(alias if alias.startswith("زندان") else f"زندان {alias}")
        else:
            en.append(alias if "prison" in alias.lower() else f"{alias} Prison")
    return tuple(a for a in dict.fromkeys(en) if a != canonical), tuple(dict.fromkeys(fa))


@dataclass
class Shown:
    """Which of a person's details the text states (so the truth records them)."""

    prison: bool = False
    city: bool = False
    charges: bool = False
    age: bool = False
    nationality: bool = False
    ethnicity: bool = False


@dataclass
class Ctx:
    """One report being written."""

    src: Source
    lang: str
    published: dt.date
    rnd: random.Random
    cases: list = field(default_factory=list)
    groups: list = field(default_factory=list)
    campaigns: list = field(default_factory=list)
    claims: list = field(default_factory=list)
    age_shift: int = 0      # the source's error on the age of the case being written

    def age(self, p: Person, day: int) -> int:
        """The age the text states (true age plus the source's error)."""
        return p.age_on(day) + self.age_shift

    @property
    def src_name(self) -> str:
        """The source's name in the report's language."""
        return self.src.name_fa if self.lang == "fa" and self.src.name_fa else self.src.name

    def chance(self, p: float) -> bool:
        return self.rnd.random() < p

    def choice(self, seq):
        return seq[self.rnd.randrange(len(seq))]

    def add_case(self, p: Person, name: str, status: str, date: str | None,
                 shown: Shown, day: int | None = None, public: bool = False) -> dict:
        """Record the truth of one CASE exactly as the text states it."""
        row = p.prison_row
        has_city = shown.prison or shown.city
        case = {
            "name": name, "status": status, "date": date,
            "prison": row[0] if shown.prison and not public else None,
            "city": row[2] if has_city else None, "province": row[3] if has_city else None,
            "charges": sorted(p.charges) if shown.charges else [],
            "sex": p.sex, "age": self.age(p, day) if shown.age and day is not None else None,
            "nationality": p.nationality if shown.nationality else None,
            "ethnicity": p.ethnicity if shown.ethnicity else None,
            "public": public, "person": p.pid,
        }
        self.cases.append(case)
        return case

    def truth(self, doc_id: str) -> dict:
        return {"id": doc_id, "cases": self.cases, "groups": self.groups,
                "campaigns": self.campaigns, "claims": self.claims}


def as_date(day: int) -> dt.date:
    return day_to_date(day)
