"""Translatable display labels for codes (statuses, grades, charges, sexes, provinces…)."""
from __future__ import annotations

from functools import lru_cache

from django.utils.translation import get_language, gettext_lazy as _

from vigil.core import gazetteer

STATUSES = {
    "arrested": _("Arrested"), "sentenced": _("Sentenced to death"), "upheld": _("Sentence upheld"),
    "at_risk": _("At imminent risk"), "executed": _("Executed"), "halted": _("Execution halted"),
    "commuted": _("Sentence commuted"), "forgiven": _("Forgiven / pardoned"),
    "died_in_custody": _("Died in custody"),
}
GRADES = {
    "official": _("Official"), "corroborated": _("Corroborated"), "single_source": _("Single source"),
    "disputed": _("Disputed"), "unassessed": _("Not assessed"),
}
GRADE_SETS = {"headline": _("Official or corroborated (headline)"),
              "documented": _("All documented except disputed"), "all": _("All grades")}
CHARGES = {
    "drug": _("Drug-related"), "murder": _("Murder"), "rape": _("Rape"), "moharebeh": _("Moharebeh (enmity against God)"),
    "baghi": _("Baghi (armed rebellion)"), "efsad": _("Efsad-fil-arz (corruption on earth)"),
    "espionage": _("Espionage"), "armed_robbery": _("Armed robbery"), "kidnapping": _("Kidnapping"),
    "adultery": _("Adultery"), "sodomy": _("Sodomy"), "blasphemy": _("Blasphemy"), "alcohol": _("Alcohol"),
    "other": _("Other"),
}
SEXES = {"m": _("Male"), "f": _("Female")}
ETHNICITIES = {"baluch": _("Baluch"), "kurd": _("Kurd"), "turk": _("Turk"), "lor": _("Lor"), "arab": _("Arab"),
               "gilak": _("Gilak"), "turkmen": _("Turkmen")}
NATIONALITIES = {"AF": _("Afghan"), "IQ": _("Iraqi"), "PK": _("Pakistani")}
UNKNOWN = _("unknown")
FIELD_NAMES = {"date": _("date"), "sex": _("sex"), "age": _("age"), "charge": _("charge"),
               "province": _("province"), "prison": _("prison"), "city": _("city"), "ethnicity": _("ethnicity"),
               "nationality": _("nationality"), "juvenile": _("juvenile")}
FIELDS = {"status": _("Status"), "year": _("Year"), "charge": _("Charge"), "province": _("Province"),
          "prison": _("Prison"), "sex": _("Sex"), "grade": _("Grade")}


@lru_cache(maxsize=1)
def _places() -> dict[str, str]:
    names = {}
    for entry in list(gazetteer.provinces()) + list(gazetteer.prisons()) + list(gazetteer.cities()):
        names.setdefault(entry.name, entry.name_fa)
    return names


def place(name: str) -> str:
    """A province, city or prison name in the current language (Persian from the gazetteer)."""
    if get_language() == "fa":
        return _places().get(name) or name
    return name


def label(field: str, value) -> str:
    """The display label of ``value`` for a field name (falls back to the value)."""
    if field != "field" and value in (None, "", "unknown"):
        return str(UNKNOWN)
    table = {"status": STATUSES, "grade": GRADES, "charge": CHARGES, "sex": SEXES, "ethnicity": ETHNICITIES,
             "nationality": NATIONALITIES, "field": FIELD_NAMES}.get(field)
    if table is not None:
        return str(table.get(value, value))
    if field in ("province", "prison", "city"):
        return place(str(value))
    if field == "nationality":
        return next((t.label for t in gazetteer.nationalities() if t.name == value), str(value))
    return str(value)
