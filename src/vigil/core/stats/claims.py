"""Claim checking: read a sentence with a figure, compute the same figure, give a verdict.

    claim = parse_claim("In 1999, 98 people were executed in the United States")
    verdict = check_claim(claim, counter)   # counter(Filter) -> Figure (database or rows)

A claim's value is compared with the count of **documented** cases (every grade except
'disputed'; the headline minimum is reported beside it), because monitors' own totals count
every documented execution. The database count is a range: the cases certainly in the
period, up to those plus the cases whose date only partly overlaps it. See docs/statistics.md.
"""
from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field
from datetime import date

from vigil.core.text import to_ascii_digits

from .filters import DOCUMENTED_GRADES, HEADLINE_GRADES, Filter
from .periods import Period, month_end

try:  # the shared date parser (Persian and English, Jalali and Gregorian)
    from vigil.core.dates import find_dates, parse_period
except ImportError:  # pragma: no cover - minimal fallback: years only
    find_dates = parse_period = None

#: Relative tolerance of 'about N' (a rounded figure).
ABOUT_TOLERANCE = 0.10

_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
          "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20, "thirty": 30,
          "forty": 40, "fifty": 50, "hundred": 100, "a hundred": 100, "a thousand": 1000,
          "یک": 1, "دو": 2, "سه": 3, "چهار": 4, "پنج": 5, "شش": 6, "هفت": 7, "هشت": 8}
_NUM = r"\d{1,3}(?:[,٬]\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|" + "|".join(
    sorted((re.escape(w) for w in _WORDS), key=len, reverse=True))
_QUALIFIERS = (
    ("over", r"(?:over|more than|in excess of|upwards of|بیش از|بیشتر از|بالغ بر|بالای)"),
    ("at_least", r"(?:at least|no fewer than|a minimum of|دست[\s\u200c]?کم|حداقل|کم[\s\u200c]?کم)"),
    ("about", r"(?:about|around|approximately|roughly|some|nearly|almost|close to|حدود|نزدیک به|تقریبا|قریب به)"),
    ("under", r"(?:fewer than|less than|under|below|کمتر از)"),
    ("at_most", r"(?:at most|up to|no more than|حداکثر)"),
)
_STATUS_WORDS = (
    ("sentenced", r"sentenced to death|death sentences?|حکم اعدام|محکوم به اعدام"),
    ("executed", r"execut\w*|hanged|hangings?|put to death|اعدام"),
)
_COUNTRIES = (("US", r"united states|u\.s\.|\bus\b|\busa\b|america|texas|آمریکا|امریکا|ایالات متحده"),
              ("IR", r"\biran\b|islamic republic|ایران"))
_SCOPES = (
    ({"charge": "drug"}, r"drug|narcotic|مواد مخدر|مواد[\s\u200c]مخدر"),
    ({"charge": "murder"}, r"murder|قتل|قصاص"),
    ({"charge": "rape"}, r"\brape|تجاوز"),
    ({"charge": "moharebeh"}, r"moharebeh|enmity against god|محاربه"),
    ({"sex": "f"}, r"\bwom[ae]n\b|\bfemale|(?<!\w)زن(?:ان)?(?![\w\u200c])"),
    ({"juvenile": True}, r"juvenile|child offender|کودک[\s\u200c]?مجرم"),
    ({"public": True}, r"\bin public\b|publicly|public execution|ملا?ء? عام"),
    ({"ethnicity": "baluch"}, r"\bbalu?o?ch\w*|بلوچ"),
    ({"ethnicity": "kurd"}, r"\bkurd\w*|(?<!\w)(?:کرد|کورد)(?:ها|ی)?(?![\w\u200c])"),  # not «کردند»
    ({"province": "TX"}, r"\btexas\b|تگزاس"),      # US lists store the state code as the province
)
_RATE = re.compile(rf"(?:an? )?(?:average of |on average |averaging )?(?P<n>{_NUM})\s+(?:executions?\s+|people\s+)?"
                   rf"(?:per|a|each|every)\s+(?P<unit>day|week|month)|(?:روزانه|هر روز)\s+(?P<nfa>{_NUM})", re.I)
_UNIT_DAYS = {"day": 1, "week": 7, "month": 30.4375}


@dataclass
class Claim:
    """A figure stated in a sentence, in the terms Vigil can compute."""

    text: str
    value: float | None = None
    qualifier: str = "exactly"
    quantity: str = "executions"
    status: str = "executed"
    period: Period | None = None
    period_text: str = ""
    country: str = ""
    scope: dict = field(default_factory=dict)
    rate: dict | None = None
    notes: list[str] = field(default_factory=list)

    def to_dict(self) -> dict:
        data = asdict(self)
        data["period"] = self.period.to_dict() if self.period else None
        return data

    def interval(self) -> tuple[float, float] | None:
        """The counts the claim allows, by its qualifier."""
        return qualifier_interval(self.value, self.qualifier)


def qualifier_interval(value: float | None, qualifier: str) -> tuple[float, float] | None:
    """'over 1,000' → (1001, inf); 'about 100' → (90, 110); 'exactly 98' → (98, 98)."""
    if value is None:
        return None
    inf = float("inf")
    return {"over": (value + 1, inf), "at_least": (value, inf), "under": (0, value - 1),
            "at_most": (0, value), "about": (value * (1 - ABOUT_TOLERANCE), value * (1 + ABOUT_TOLERANCE)),
            }.get(qualifier, (value, value))


def number(text: str) -> float | None:
    """'1,000' → 1000; '۹۷۵' → 975; 'four' → 4; None when not a number."""
    text = to_ascii_digits(text.strip().lower()).replace(",", "").replace("٬", "")
    if text in _WORDS:
        return float(_WORDS[text])
    try:
        return float(text)
    except ValueError:
        return None


_NUMBER_RE = re.compile(rf"(?<![\w.,٬])(?:{_NUM})(?![\w])", re.I)
_MID = re.compile(r"(?:\b(?:to|until|till|through)\s+(?:the\s+)?mid(?:dle of|-|\s)\s*|تا\s+(?:نیمه|نیمهٔ|نیمه‌ی|اواسط)\s*)"
                  r"([a-z]+|[\u0600-\u06FF]+)", re.I)
_EVERY_HOURS = re.compile(rf"\b(?:one|1)\s+(?:execution\s+|person\s+)?every\s+(?P<n>{_NUM})\s+hours?", re.I)


def parse_claim(text: str, published: date | str | None = None) -> Claim:
    """Read quantity, value, qualifier, period, scope, country and rate from one sentence.

    ``published`` (the document's date) resolves 'since …' and 'so far'. Numbers may use
    Persian or Arabic digits and thousands separators; small numbers may be words.
    """
    claim = Claim(text=text)
    lower = to_ascii_digits(text).lower()
    _read_status(claim, lower)
    taken = _read_period(claim, text, published)
    _read_rate(claim, lower, taken)
    _read_value(claim, lower, taken)
    claim.country = next((code for code, pat in _COUNTRIES if re.search(pat, lower)), "")
    for scope, pattern in _SCOPES:
        if re.search(pattern, lower):
            claim.scope.update(scope)
    return claim


def _read_rate(claim: Claim, lower: str, taken: list[tuple[int, int]]) -> None:
    """'an average of four per day', «روزانه ۴», 'one every seven hours' (→ 24/7 a day)."""
    rate = _RATE.search(lower)
    if rate:
        taken.append(rate.span())
        claim.rate = {"value": number(rate["n"] or rate["nfa"]), "unit": rate["unit"] or "day",
                      "text": rate[0].strip()}
        return
    every = _EVERY_HOURS.search(lower)
    hours = number(every["n"]) if every else None
    if hours:
        taken.append(every.span())
        claim.rate = {"value": round(24 / hours, 4), "unit": "day", "text": every[0].strip()}


def _read_status(claim: Claim, lower: str) -> None:
    for status, pattern in _STATUS_WORDS:
        if re.search(pattern, lower):
            claim.status = status
            claim.quantity = "death sentences" if status == "sentenced" else "executions"
            return
    claim.notes.append("no quantity Vigil counts (executions, death sentences) named")
    claim.status = ""


def _read_period(claim: Claim, text: str, published) -> list[tuple[int, int]]:
    """Set the claim's period; return the spans of date expressions (not figures)."""
    if find_dates is None:
        return _fallback_period(claim, text)
    spans = [d.span for d in find_dates(text, published)]
    found = parse_period(text, published)
    if not found:
        claim.notes.append("no period stated")
        return spans
    start, end = found
    if start is None or end is None:
        claim.notes.append("the period is open-ended (give the document date to close it)")
        return spans
    end = _mid_month(text, start, end, claim)
    claim.period = Period(start, end, text[min(s for s, _ in spans):max(e for _, e in spans)] if spans else "")
    claim.period_text = claim.period.label
    return spans


def _mid_month(text: str, start: date, end: date, claim: Claim) -> date:
    """Rule: 'to mid-October' / «تا نیمه اکتبر» ends on 15 October of the period's year."""
    from vigil.core.calendars import gregorian_month_number

    m = _MID.search(text)
    month = gregorian_month_number(m[1]) if m else None
    if month and start <= date(start.year, month, 15) <= end:
        claim.notes.append("'mid-month' read as the 15th")
        return date(start.year, month, 15)
    return end


def _fallback_period(claim: Claim, text: str) -> list[tuple[int, int]]:
    m = re.search(r"(?<!\d)(19\d\d|20\d\d)(?!\d)", to_ascii_digits(text))
    if m:
        year = int(m[1])
        claim.period = Period(date(year, 1, 1), date(year, 12, 31), m[1])
        claim.period_text = m[1]
        return [m.span()]
    claim.notes.append("no period stated")
    return []


def _read_value(claim: Claim, lower: str, taken: list[tuple[int, int]]) -> None:
    for m in _NUMBER_RE.finditer(lower):
        if any(a < m.end() and m.start() < b for a, b in taken) or _is_year(m[0]) or _not_a_count(lower, m.end()):
            continue
        claim.value = number(m[0])
        before = lower[max(0, m.start() - 30):m.start()]
        claim.qualifier = next((name for name, pat in _QUALIFIERS if re.search(pat + r"\s*$", before)), "exactly")
        return


def _not_a_count(lower: str, end: int) -> bool:
    """A percentage or an age ('30%', '17-year-old', '۳۰ درصد', '۱۷ ساله') is not the figure."""
    after = lower[end:end + 12].lstrip()
    return after.startswith(("%", "٪", "percent", "per cent", "درصد", "-year", "year-old", "years old", "ساله"))


def _is_year(token: str) -> bool:
    return bool(re.fullmatch(r"(1[34]\d\d|19\d\d|20\d\d)", token))


def month_range(year: int, month: int) -> Period:
    """A Gregorian month as a period (helper for callers building claims by hand)."""
    return Period(date(year, month, 1), month_end(year, month), f"{year}-{month:02d}")


@dataclass
class Verdict:
    """The answer to one claim."""

    verdict: str                      # 'supported' | 'contradicted' | 'not_checkable'
    claim: dict
    computed: int | None = None
    computed_range: list[int] | None = None
    headline: int | None = None
    method: str = ""
    case_ids: list[str] = field(default_factory=list)
    arithmetic: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    filter: dict | None = None
    direction: str = ""               # for contradictions: 'claim_higher' | 'claim_lower'

    def to_dict(self) -> dict:
        return asdict(self)


def claim_filter(claim: Claim, grades=DOCUMENTED_GRADES) -> Filter:
    """The filter that computes the same figure as the claim."""
    return Filter(period=claim.period.spec if claim.period else "", status=claim.status or "executed",
                  grades=grades, country=claim.country, **claim.scope)


def check_claim(claim: Claim | str, counter, *, grades=DOCUMENTED_GRADES, published=None) -> Verdict:
    """Compute the claim's figure with ``counter`` (``Filter -> Figure``) and compare.

    Supported when the count the claim allows (by its qualifier) overlaps the database's
    range [cases in the period, + cases only partly dated in it]; contradicted otherwise.
    Not checkable without a counted quantity, a value or rate, or a closed period.
    """
    claim = parse_claim(claim, published) if isinstance(claim, str) else claim
    findings = arithmetic(claim)
    reason = _uncheckable(claim)
    if reason:
        return Verdict("not_checkable", claim.to_dict(), arithmetic=findings, notes=claim.notes + [reason])
    flt = claim_filter(claim, grades)
    figure = counter(flt)
    headline = counter(flt.but(grades=HEADLINE_GRADES)).value
    low, high = figure.value, figure.value + figure.uncertain
    ok = _agrees(claim, low, high)
    direction = "" if ok else _direction(claim, high)
    notes = list(claim.notes) + ([_HIGHER] if direction == "claim_higher" else [])
    return Verdict("supported" if ok else "contradicted", claim.to_dict(), computed=figure.value,
                   computed_range=[low, high], headline=headline, method=_method(claim, flt, figure, headline),
                   case_ids=figure.case_ids, arithmetic=findings, notes=notes, filter=flt.to_dict(),
                   direction=direction)


_HIGHER = ("the claim is above the cases Vigil documents; Vigil's count is a documented minimum, so this "
           "says the claim is not borne out by these records, not that the true number is lower")


def _direction(claim: Claim, high: int) -> str:
    """'claim_higher' when the claim asks for more cases than documented, else 'claim_lower'."""
    if claim.value is not None:
        return "claim_higher" if claim.interval()[0] > high else "claim_lower"
    days = claim.period.days / _UNIT_DAYS[claim.rate["unit"]]
    return "claim_higher" if claim.rate["value"] - 0.5 > high / days else "claim_lower"


def _uncheckable(claim: Claim) -> str:
    if not claim.status:
        return "the sentence names no quantity Vigil counts"
    if claim.value is None and not claim.rate:
        return "the sentence states no figure"
    if claim.period is None:
        return "the sentence states no closed period"
    return ""


def _agrees(claim: Claim, low: int, high: int) -> bool:
    if claim.value is not None:
        lo, hi = claim.interval()
        return lo <= high and low <= hi
    days = claim.period.days / _UNIT_DAYS[claim.rate["unit"]]
    stated = claim.rate["value"]
    return stated - 0.5 <= high / days and low / days < stated + 0.5


def _method(claim: Claim, flt: Filter, figure, headline: int) -> str:
    allowed = claim.interval()
    text = (f"Counted {flt.describe()}: {figure.value} (range {figure.value}..{figure.value + figure.uncertain} "
            f"with {figure.uncertain} partly dated in the period; {figure.undated} undated not counted). "
            f"Headline minimum (official + corroborated): {headline}.")
    if allowed:
        hi = "∞" if allowed[1] == float("inf") else f"{allowed[1]:g}"
        text += f" The claim '{claim.qualifier.replace('_', ' ')} {claim.value:g}' allows {allowed[0]:g}..{hi}."
    if not claim.country:
        text += " No country named: every country in the database counted."
    return text


def arithmetic(claim: Claim) -> list[str]:
    """Internal arithmetic: does the stated total give the stated average over the period?"""
    if claim.value is None or not claim.rate or claim.period is None or claim.rate.get("value") is None:
        return []
    per = _UNIT_DAYS[claim.rate["unit"]]
    units = claim.period.days / per
    implied, stated = claim.value / units, claim.rate["value"]
    if abs(implied - stated) < 0.5:
        return []
    unit = claim.rate["unit"]
    need_lo, need_hi = (stated - 0.5) * units, (stated + 0.5) * units
    said = f"{stated:g}" if claim.rate["text"].split()[0] not in ("one", "1") else \
        f"{stated:.1f} ('{claim.rate['text']}')"
    return [f"{claim.value:,.0f} in {claim.period.days} days is {implied:.1f} a {unit}, not {said}; "
            f"an average that rounds to {stated:g} a {unit} needs {need_lo:,.0f} to {need_hi:,.0f} in that period"]


_SENTENCE = re.compile(r"[^.!?؟\n]+(?:[.!?؟]+|\n|$)")


def split_sentences(text: str) -> list[str]:
    """Sentences of a document (thousands separators like 1,000 and decimals stay whole)."""
    protected = re.sub(r"(?<=\d)\.(?=\d)", "\x00", text)
    return [s.replace("\x00", ".").strip() for s in _SENTENCE.findall(protected) if s.strip()]


def check_document(text: str, counter, *, grades=DOCUMENTED_GRADES, published=None) -> dict:
    """Check every claim in a document, and the claims against each other.

    Returns ``{"claims": [Verdict dicts], "conflicts": [str]}``; sentences without a counted
    quantity and a figure are skipped.
    """
    claims = [c for c in (parse_claim(s, published) for s in split_sentences(text))
              if c.status and (c.value is not None or c.rate)]
    verdicts = [check_claim(c, counter, grades=grades).to_dict() for c in claims]
    return {"claims": verdicts, "conflicts": conflicts(claims)}


def conflicts(claims: list[Claim]) -> list[str]:
    """Pairs of claims that cannot both be true (same quantity and scope)."""
    found = []
    for i, a in enumerate(claims):
        for b in claims[i + 1:]:
            message = _conflict(a, b) or _conflict(b, a)
            if message:
                found.append(message)
    return found


def _conflict(a: Claim, b: Claim) -> str:
    """A conflict when a's period lies within b's and a's minimum exceeds b's maximum."""
    if not (a.period and b.period and a.value is not None and b.value is not None):
        return ""
    if (a.status, a.scope, a.country) != (b.status, b.scope, b.country):
        return ""
    if not (b.period.start <= a.period.start and a.period.end <= b.period.end):
        return ""
    if a.interval()[0] <= b.interval()[1]:
        return ""
    where = "the same period" if a.period == b.period else "a period within it"
    return (f"'{b.text}' allows at most {b.interval()[1]:,.0f} {b.quantity}, but '{a.text}' claims "
            f"at least {a.interval()[0]:,.0f} in {where}")
