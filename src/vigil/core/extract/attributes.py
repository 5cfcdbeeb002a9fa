"""Person attributes read near a name: charges, age, sex, nationality, ethnicity, public."""
from __future__ import annotations

import re
from functools import lru_cache

from vigil.core.extract.lexicon import female_names, given_names

CHARGES = ("drug", "murder", "rape", "moharebeh", "baghi", "efsad", "espionage",
           "armed_robbery", "kidnapping", "adultery", "sodomy", "blasphemy", "alcohol", "other")
_CHARGE_RULES = [
    ("drug", r"\bdrugs?\b|narcotic|drug[- ]related|trafficking|مواد\s+مخدر|قاچاق\s+مواد|مخدر"),
    ("murder", r"\bmurder(?:ing|ed|s)?\b(?!\s+of\s+(?:the\s+)?(?-i:[A-Z]))|\bqisas\b|\bretribution\b|قتل(?!\s+(?:آقای|خانم))|قصاص"),
    ("rape", r"\brap(?:e|ed|ing)\b|تجاوز\s+به\s+عنف|تجاوز"),
    ("moharebeh", r"moharebeh|mohareb|enmity against god|waging (?:a )?war against god|محاربه"),
    ("baghi", r"\bbaghi\b|armed rebellion|بغی"),
    ("efsad", r"corruption on earth|efsad|افساد\s+فی\s*الارض|افساد"),
    ("espionage", r"espionage|spying|\bspy\b|جاسوسی"),
    ("armed_robbery", r"armed robbery|سرقت\s+مسلحانه"),
    ("kidnapping", r"kidnap|abduct|آدم\s*‌?ربایی"),
    ("adultery", r"adultery|\bzina\b|زنا(?!ن)"),
    ("sodomy", r"sodomy|\blavat|لواط"),
    ("blasphemy", r"blasphemy|insulting the prophet|سب\s+النبی|توهین\s+به\s+(?:پیامبر|مقدسات)"),
    ("alcohol", r"alcohol|مشروبات\s+الکلی"),
    ("other", r"\btheft\b|stealing|weapons?\s+possession|possession of (?:weapons|arms|firearms)|"
              r"membership (?:of|in) (?:a )?(?:banned|outlawed|salafi)|propaganda against|"
              r"actions? against national security|\binjur(?:ing|ed)\b|bombing|سرقت(?!\s+مسلحانه)"),
]
_CHARGE_RX = [(c, re.compile(rx, re.I)) for c, rx in _CHARGE_RULES]
def _script_part(rx: str, persian: bool) -> str:
    parts = [p for p in rx.split("|") if bool(re.search(r"[\u0600-\u06FF]", p)) == persian]
    return "|".join(parts) or "(?!)"


_CHARGE_EN = re.compile("|".join(f"(?P<{c}>{_script_part(rx, False)})" for c, rx in _CHARGE_RULES), re.I)
_CHARGE_FA = re.compile("|".join(f"(?P<{c}>{_script_part(rx, True)})" for c, rx in _CHARGE_RULES))
_ARABIC_SCRIPT = re.compile(r"[\u0600-\u06FF]")


_CHARGE_STEMS = ("drug", "narcot", "traffick", "مخدر", "murder", "qisas", "retribution", "قتل", "قصاص",
                 "rap", "تجاوز", "mohareb", "enmity", "war against", "محاربه", "baghi", "rebellion",
                 "بغی", "corruption", "efsad", "افساد", "espionage", "spy", "spying", "جاسوس",
                 "robbery", "سرقت", "kidnap", "abduct", "ربای", "adultery", "zina", "زنا", "sodomy",
                 "lavat", "لواط", "blasphemy", "insulting", "توهین", "سب", "alcohol", "مشروب",
                 "theft", "steal", "weapon", "possession", "membership", "propaganda",
                 "national security", "injur", "bomb")
_KILLING = re.compile(r"\b(?:convicted|accused|charged|guilty|sentenced|arrested)\b[^.;]{0,60}?"
                      r"\b(?:killing|killed|fatally|stabb(?:ing|ed)|shooting|murder of)\b", re.I)


def charges_in(text: str, killing: bool = True) -> list[str]:
    """Charge vocabulary items named in ``text`` (in vocabulary order).  A killing with no
    legal charge named counts as murder (unless ``killing`` is False)."""
    low = text.lower()
    found = set()
    if any(stem in low for stem in _CHARGE_STEMS):
        rx = _CHARGE_FA if _ARABIC_SCRIPT.search(text) else _CHARGE_EN
        found = {m.lastgroup for m in rx.finditer(text)}
    if killing and not found and _KILLING.search(text):
        found.add("murder")
    return [c for c in CHARGES if c in found]


def first_charge_span(text: str, charges: list[str]) -> tuple[int, int] | None:
    """Offsets in ``text`` of the first mention of one of ``charges``."""
    if not charges:
        return None
    rx = _CHARGE_FA if _ARABIC_SCRIPT.search(text) else _CHARGE_EN
    for m in rx.finditer(text):
        if m.lastgroup in charges:
            return m.start(), m.end()
    m = _KILLING.search(text) if "murder" in charges else None
    return (m.start(), m.end()) if m else None


@lru_cache(maxsize=256)  # asked once per person of the same sentence
def killing_in(text: str) -> bool:
    """The text speaks of a killing (used as murder when no legal charge is named)."""
    return bool(_KILLING.search(text))


_AGE_EN = [re.compile(r"^,\s*(\d{1,2})\s*[,)]"), re.compile(r"^\s*\((\d{1,2})\)")]
_AGE_EN_BEFORE = re.compile(r"(\d{1,2})[- ]year[- ]old(?:\s+\w+)?\s*,?\s*$", re.I)
_AGE_EN_AFTER = re.compile(r"^,?\s*(?:a|an)\s+(\d{1,2})[- ]year[- ]old\b", re.I)
_AGE_FA = re.compile(r"^\s*[،,]?[^.،؛]{0,30}?(?:در\s+)?(\d{1,2})\s*(?:ساله|سالگی)")


def age_near(text: str, start: int, end: int, language: str) -> tuple[int, int, int] | None:
    """(age, span start, span end) written next to a name, else None."""
    after = text[end:end + 60]
    if language == "fa":
        m = _AGE_FA.match(after)
        return (int(m.group(1)), end + m.start(1), end + m.end(1)) if m else None
    for rx in _AGE_EN + [_AGE_EN_AFTER]:
        m = rx.match(after)
        if m and 12 <= int(m.group(1)) <= 99:
            return int(m.group(1)), end + m.start(1), end + m.end(1)
    before = text[max(0, start - 30):start]
    m = _AGE_EN_BEFORE.search(before)
    if m:
        off = max(0, start - 30)
        return int(m.group(1)), off + m.start(1), off + m.end(1)
    return None


def sex_of(name: str, language: str) -> str | None:
    """'f' or 'm' from an unambiguously gendered given name, else None."""
    first = name.split()[0] if name.split() else ""
    key = first if language == "fa" else first.lower()
    if key in female_names(language):
        return "f"
    if key in given_names(language):
        return "m"
    return None


_NATIONALITY = [
    ("AF", r"\bAfghans?\b|Afghanistan|افغانستان|افغان"),
    ("IQ", r"\bIraqi\b|عراقی"), ("PK", r"\bPakistani\b|پاکستانی"),
    ("SE", r"Swedish|سوئدی"), ("GB", r"\bBritish\b|انگلیسی"), ("DE", r"\bGerman\b|آلمانی"),
    ("FR", r"\bFrench\b|فرانسوی"), ("AT", r"\bAustrian\b"), ("BE", r"\bBelgian\b"),
]
_NAT_RX = [(code, re.compile(rx)) for code, rx in _NATIONALITY]
_ETHNICITY = [
    ("kurd", r"\bKurd(?:s|ish)?\b|کورد|کُرد|کردتبار|(?:زندانی|زندانیان|شهروند|شهروندان|هموطن|فعال|جوان)(?:\s+سیاسی|\s+عقیدتی|\s+مدنی)?\s+کرد(?![\u0620-\u064A\u066E-\u06D3\u200c])"),
    ("baluch", r"\bBal[ou]ch(?:i)?\b|\bBaloch|بلوچ"),
    ("arab", r"\bArabs?\b|\bAhwazi\b|عرب"),
    ("turk", r"\bAzeri\b|\bAzerbaijani Turk|\bTurk(?:s|ish)? (?:minority|citizen|prisoner)"),
    ("lor", r"\bLors?\b|\bLur\b"), ("turkmen", r"Turkmen|ترکمن"),
]
_ETH_RX = [(e, re.compile(rx)) for e, rx in _ETHNICITY]


def all_hits(kind: str, text: str) -> list[tuple[str, int, int]]:
    """Every nationality or ethnicity hit in ``text``, in rule order."""
    rules = _NAT_RX if kind == "nationality" else _ETH_RX
    return [(code, m.start(), m.end()) for code, rx in rules for m in rx.finditer(text)]


def nationality_in(text: str) -> tuple[str, int, int] | None:
    for code, rx in _NAT_RX:
        m = rx.search(text)
        if m:
            return code, m.start(), m.end()
    return None


def ethnicity_in(text: str) -> tuple[str, int, int] | None:
    for eth, rx in _ETH_RX:
        m = rx.search(text)
        if m:
            return eth, m.start(), m.end()
    return None


_PUBLIC = re.compile(r"\bin public\b|\bpublicly\b|\bpublic execution|ملأ\s*عام|ملاءعام|ملا\s*عام|ملاء\s*عام|انظار\s+عمومی", re.I)


@lru_cache(maxsize=256)  # asked once per person of the same sentence
def is_public(text: str) -> bool:
    """True when ``text`` says the execution was public."""
    return bool(_PUBLIC.search(text))
