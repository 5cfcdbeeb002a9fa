"""Patterns and word lists for :mod:`vigil.core.dates` (compiled once, at import).

Parsing runs on the text lower-cased and passed through
:func:`vigil.core.text.same_length`, so offsets never move.  Every pattern starts with its
mandatory core; optional words on the left (a weekday, «روز», "in", "mid-") are found
afterwards by the small ``*_BEFORE`` patterns on a short window.  A pattern is tried only
around occurrences of its trigger words (``_TRIGGERS``), found with ``str.find``.
"""
from __future__ import annotations

import re

from .calendars import GREGORIAN_MONTHS, JALALI_MONTHS, WEEKDAYS
from .text import same_length

def _alt(words) -> str:
    """Regex alternation, longest first, spaces/ZWNJ interchangeable, lower case."""
    out = []
    for w in sorted({_lower(w) for w in words}, key=len, reverse=True):
        out.append(re.escape(w).replace(r"\ ", "[ \u200c]?").replace("\u200c", "[ \u200c]?"))
    return "(?:" + "|".join(out) + ")"


# Upper case is folded with str.lower (or this ASCII table when lower() changes the length)
# so that patterns need no IGNORECASE.
_LOWER = str.maketrans({chr(c): chr(c + 32) for c in range(65, 91)})


def _lower(s: str) -> str:
    """same_length() plus lower case, never changing the length."""
    low = s.lower()
    if len(low) != len(s):
        low = s.translate(_LOWER)
    return same_length(low)


_EN_MONTHS_FULL = [en.lower() for _, en, _, _ in GREGORIAN_MONTHS]
_EN_MONTHS_ABBR = [a for _, _, abbrs, _ in GREGORIAN_MONTHS for a in abbrs]
_GM_EN = _alt(_EN_MONTHS_FULL + _EN_MONTHS_ABBR) + r"\b\.?"
_GM_EN_FULL = _alt(_EN_MONTHS_FULL) + r"\b"
_GM_FA = _alt([w for _, _, _, fas in GREGORIAN_MONTHS for w in fas
               if w not in ("مه", "می", "مهٔ", "مئی")]) + r"(?!\w)"
_GM_FA_MAY = _alt(["مه", "می", "مهٔ", "مئی"]) + r"(?!\w)"
_JM_FA_WORDS = [fa for _, fa, _, _ in JALALI_MONTHS] + ["امرداد", "شهرویور", "اسپند"]
_JM_RISKY = ("تیر", "مهر", "آذر", "دی", "بهمن")
_JM_FA = _alt(_JM_FA_WORDS) + r"(?:[ \u200c]?ماه)?(?!\w)"
_JM_EN = _alt([v for _, _, en, vs in JALALI_MONTHS for v in (en.lower(),) + vs]) + r"\b"
_WD_EN_FULL = _alt([en.lower() for _, en, _, _ in WEEKDAYS]) + r"\b"
_WD_EN = _alt([en.lower() for _, en, _, _ in WEEKDAYS]
              + [a for _, _, abbrs, _ in WEEKDAYS for a in abbrs]) + r"\b\.?"
_WD_FA = _alt([w for _, _, _, fas in WEEKDAYS for w in fas]) + r"(?![\w]|\u200c?ها)"

_FA_UNITS = {"یکم": 1, "اول": 1, "نخست": 1, "دوم": 2, "سوم": 3, "چهارم": 4, "پنجم": 5,
             "ششم": 6, "هفتم": 7, "هشتم": 8, "نهم": 9}
_FA_TEENS = {"دهم": 10, "یازدهم": 11, "دوازدهم": 12, "سیزدهم": 13, "چهاردهم": 14,
             "پانزدهم": 15, "پونزدهم": 15, "شانزدهم": 16, "هفدهم": 17, "هفتدهم": 17,
             "هیفدهم": 17, "هجدهم": 18, "هیجدهم": 18, "هژدهم": 18, "نوزدهم": 19,
             "بیستم": 20, "سیام": 30, "سی‌ام": 30, "سی ام": 30}
_FA_ORDINALS: dict[str, int] = {k.replace(" ", "").replace("\u200c", ""): v
                                for k, v in {**_FA_UNITS, **_FA_TEENS}.items()}
for _tens_word, _tens in (("بیست", 20), ("سی", 30)):
    for _u, _n in _FA_UNITS.items():
        if _u not in ("اول", "نخست") and _tens + _n <= 31:
            _FA_ORDINALS[_tens_word + "و" + _u] = _tens + _n
_ORD_FA = r"(?:(?:بیست|سی)[ \u200c]*و[ \u200c]*" + _alt(_FA_UNITS) + "|" + \
    _alt(list(_FA_UNITS) + list(_FA_TEENS)) + r")(?!\w)"

_DAY = r"(?:[0-2]?[1-9]|[1-3]0|31)(?![\d%])"
_EN_ORD = r"(?:st|nd|rd|th)?"
_YEAR_G = r"(?:1[89]\d\d|20\d\d|21\d\d)(?![\d%]|,\d)"
_YEAR_J = r"1[2-5]\d\d(?![\d%]|,\d)"
_NUM_WORDS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5,
              "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11,
              "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
              "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30}
_NUM_EN = r"(?:\d{1,3}|" + _alt(_NUM_WORDS) + r")"
_NUM_FA_WORDS = {"یک": 1, "دو": 2, "سه": 3, "چهار": 4, "پنج": 5, "شش": 6, "هفت": 7,
                 "هشت": 8, "نه": 9, "ده": 10, "یازده": 11, "دوازده": 12, "چند": None}
_NUM_FA = _alt(_NUM_FA_WORDS)
_S = r"[ \u200c]"  # Persian word gap
_YY = r"(?:[5-9][0-9]|0[0-9])"  # two-digit Jalali year: '94' = 1394, '03' = 1403


def _c(pattern: str) -> re.Pattern:
    return re.compile(pattern)


_FA_PRE_WORDS = r"(?:روز|صبح|سحرگاه|بامداد|ظهر|عصر|شب|امروز|دیروز|ساعات[ \u200c]اولیه)"
_YEAR_FA_J = (rf"(?:{_S}+(?:سال{_S}+)?(?P<y>{_YEAR_J}|(?P<y2>{_YY})(?=\s*[؛;,،.)\-–]|\s*$|\s+(?:شمسی|خورشیدی)))"
              rf"|{_S}+سال{_S}+(?P<y2b>{_YY})(?!\d)|{_S}+(?P<yrel>سال{_S}+(?:گذشته|قبل|پیش|جاری)|امسال))?"
              rf"(?:{_S}+(?:هجری{_S}+)?(?:شمسی|خورشیدی))?")

# Left-context patterns, searched on a short window that ends where the core match starts.
_WD_BEFORE_EN = _c(rf"(?<![a-z])(?P<wd>{_WD_EN})(?:\s*,\s*|\s+|\s*(?P<par>\(\s*))(?:the\s+)?$")
_WD_BEFORE_FA = _c(rf"(?<![\w\u200c])(?:{_FA_PRE_WORDS}{_S}+)*(?:(?P<wd>{_WD_FA}){_S}*[،,]?{_S}*)?$")
_PRE_FA = _c(rf"(?<![\w\u200c])(?:{_FA_PRE_WORDS}{_S}+)+$")
_EN_M_BEFORE = _c(r"(?:(?<![a-z])(?:in|since|by|until|till|from|to|during|through|of|between|and|before|after)"
                  r"\s+(?:the\s+)?(?:month\s+of\s+)?(?:(?P<mod>last|this|next|early|mid|late)[-\s]*)?"
                  r"|(?<![a-z])(?P<mod2>last|this|next|early|mid|late)[-\s]+|(?<![a-z])(?P<mod3>mid|early|late)-)$")
_EN_MY_BEFORE = _c(r"(?<![a-z])(?P<mid>mid|early|late|end|the\s+end\s+of|end\s+of)[-\s]+(?:of\s+)?$")
_EN_WD_BEFORE = _c(r"(?<![a-z])(?P<mod>last|this|next|previous|past)\s+$")
_EN_WD_EXCLUDE = _c(r"(?<![a-z])(?:every|each|on\s+all)\s+$")
_FA_WD_EXCLUDE = _c(r"(?<![\w\u200c])(?:هر|\w+مین|روزهای)[ \u200c]+$")
_ORD_EXCLUDE = _c(r"(?:نیمه|هفته|دهه|سال|بار|مرحله)[ \u200c]+$")
_FA_JM_BEFORE = _c(r"(?<![\w\u200c])(?:در|از|تا|ابتدای|اوایل|اواسط|اواخر|پایان|نیمه|طی|نیمه[ \u200c]دوم|نیمه[ \u200c]اول)[ \u200c]+$")
_FA_GM_BEFORE = _c(r"(?<![\w\u200c])(?:در|از|تا|ماه)[ \u200c]+$")
_COUNT_BEFORE = _c(r"(?<![a-z])(?:over|about|nearly|some|than|least|around|approximately|almost)\s+$|[$€£#]\s*$")
_ARREST = _c(r"بازداشت|دستگیر|arrested|detained")

# Trigger words: a pattern is tried only around occurrences of its trigger words (found with
# str.find, which is fast), from `back` characters before the trigger.  "<Y4>" stands for
# four-digit numbers 1200-2199.
_EN_MONTH_TRIG = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_JM_EN_TRIG = tuple(sorted({v[:4] for _, _, en, vs in JALALI_MONTHS for v in (en.lower(),) + vs}))
_JM_FA_TRIG = tuple(_JM_FA_WORDS)
_GM_FA_TRIG = tuple(sorted({_lower(w).rstrip("ٔ") for _, _, _, fas in GREGORIAN_MONTHS for w in fas
                            if w not in ("مه", "می", "مهٔ", "مئی") and not w.endswith("ۀ")}))
# («مه», «می» need a year: they are tried from four-digit numbers, <Y4>)
_FA_PAST = ("گذشته", "قبل", "پیش")

_SPEC = {
    "iso": (r"(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})(?![\d/-])", [(("<Y4>",), 0)], "num"),
    "ymd": (r"(?P<y>\d{4})[/.](?P<m>\d{1,2})[/.](?P<d>\d{1,2})(?![\d/])", [(("<Y4>",), 0)], "num"),
    "dmy_num": (r"(?P<d>\d{1,2})[/.](?P<m>\d{1,2})[/.](?P<y>\d{4})(?![\d/])", [(("<Y4>",), 6)], "num"),
    "en_dmy": (rf"(?P<d>{_DAY}){_EN_ORD}(?:\s+of)?[\s-]+(?P<m>{_GM_EN})"
               rf"(?:,?[\s-]+(?P<y>{_YEAR_G}))?", [(_EN_MONTH_TRIG, 12)], "num_wd_en"),
    "en_mdy": (rf"(?P<m>{_GM_EN})[\s.]*\s(?P<d>{_DAY}){_EN_ORD}\b(?:,?\s+(?P<y>{_YEAR_G}))?",
               [(_EN_MONTH_TRIG, 0)], "word_wd_en"),
    "en_jdmy": (rf"(?P<d>{_DAY}){_EN_ORD}(?:\s+of)?\s+(?P<m>{_JM_EN})(?:,?\s+(?P<y>{_YEAR_J}))?",
                [(_JM_EN_TRIG, 12)], "num_wd_en"),
    "fa_jdmy": (rf"(?P<d>{_DAY}|{_ORD_FA}){_S}*(?P<m>{_JM_FA}){_YEAR_FA_J}", [(_JM_FA_TRIG, 28)],
                "num_wd_fa"),
    "fa_gdmy": (rf"(?P<d>{_DAY}|{_ORD_FA}){_S}*(?:(?P<m>{_GM_FA})(?:{_S}+(?:سال{_S}+)?(?P<y>{_YEAR_G}))?"
                rf"|(?P<m2>{_GM_FA_MAY}){_S}+(?P<y2>{_YEAR_G}))(?:{_S}+میلادی)?",
                [(_GM_FA_TRIG, 28), (("<Y4>",), 24)], "num_wd_fa"),
    "en_my": (rf"(?P<m>{_GM_EN}),?\s+(?:of\s+)?(?P<y>{_YEAR_G})", [(_EN_MONTH_TRIG, 0)], "word_my"),
    "en_jmy": (rf"(?P<m>{_JM_EN}),?\s+(?:of\s+)?(?P<y>{_YEAR_J})", [(_JM_EN_TRIG, 0)], "word"),
    "fa_jmy": (rf"(?P<m>{_JM_FA})(?:{_S}+سال)?{_S}+(?:(?P<y>{_YEAR_J})|(?P<y2>{_YY})(?!\d))",
               [(_JM_FA_TRIG, 0)], "word"),
    "fa_gmy": (rf"(?P<m>{_GM_FA}|{_GM_FA_MAY}){_S}+(?:سال{_S}+)?(?P<y>{_YEAR_G})",
               [(_GM_FA_TRIG, 0), (("<Y4>",), 14)], "word"),
    "en_m": (rf"(?P<m>{_GM_EN_FULL})(?!\s*\d)", [(_EN_MONTH_TRIG, 0)], "en_m"),
    "fa_jm": (rf"(?P<m>{_JM_FA})(?:{_S}+(?P<mod>گذشته|پیش|جاری|امسال))?(?!{_S}*(?:\d{{4}}|{_YY}(?!\d)|سال))",
              [(_JM_FA_TRIG, 0)], "fa_jm"),
    "fa_gm": (rf"(?P<m>{_GM_FA})(?![ \u200c]*\d)", [(_GM_FA_TRIG, 0)], "fa_gm"),
    "en_year": (rf"(?P<y>{_YEAR_G})\b(?!\s*(?:people|persons|prisoners|executions|inmates|cases|men|"
                rf"women|children|times|individuals|kilo|km|members|نفر|تن|زندانی|مورد|اعدام)\b)",
                [(("<Y4>",), 0)], "year"),
    "fa_year_j": (rf"(?:سال|متولد){_S}+(?:(?P<y>{_YEAR_J})|(?P<y2>{_YY})(?![\d/]))"
                  rf"(?:{_S}+(?:هجری{_S}+)?(?:شمسی|خورشیدی))?", [(("سال", "متولد"), 0)], "fa_year"),
    "en_year_j": (rf"(?:(?:iranian|persian|solar|jalali|shamsi)\s+(?:calendar\s+)?year\s+(?:of\s+)?"
                  rf"(?P<y>{_YEAR_J})|(?P<y2>{_YEAR_J})\s*(?:sh|ap|shamsi|h\.s\.?|\(solar\))(?!\w))",
                  [(("year",), 30), (("<Y4>",), 0)], "word"),
    "en_part_year": (rf"(?:the\s+)?(?P<which>first|second|third|fourth|last|final)\s+(?:(?P<half>half)|"
                     rf"(?P<q>quarter)|(?P<n>{_NUM_EN})(?P<andhalf>\s+and\s+a\s+half)?\s+months?)"
                     rf"\s+of\s+(?:the\s+year\s+)?(?P<y>{_YEAR_G})",
                     [(("first", "second", "third", "fourth", "last", "final"), 4)], "word"),
    "fa_part_year": (rf"(?:(?P<n>\d{{1,2}}|{_NUM_FA}){_S}+ماه|نیمه|(?P<half>شش){_S}+ماهه){_S}+"
                     rf"(?P<which>نخست|اول|ابتدایی|دوم|پایانی|آخر){_S}+(?:سال{_S}+)?"
                     rf"(?:(?P<y>{_YEAR_G})|(?P<jy>{_YEAR_J})|(?P<cur>جاری|گذشته)(?P<greg>{_S}+میلادی)?)",
                     [(("ماه",), 8), (("نیمه",), 0), (("ماهه",), 8)], "word"),
    "en_edge_year": (rf"(?:the\s+)?(?:(?P<edge>beginning|start|end|middle)\s+of\s+(?:the\s+year\s+)?"
                     rf"|(?P<part>early|mid|late)[-\s]+)(?P<y>{_YEAR_G})",
                     [(("beginning", "start", "end", "middle", "early", "mid", "late"), 4)], "word"),
    "en_season": (rf"(?:(?P<rel>last|this|past|previous)\s+)?(?:(?P<mod>early|mid|late)[-\s]+)?(?:the\s+)?"
                  rf"(?P<s>spring|summer|autumn|fall|winter)\b(?:\s+(?:of\s+)?(?P<y>{_YEAR_G}))?",
                  [(("spring", "summer", "autumn", "fall", "winter"), 24)], "word"),
    "fa_season": (rf"(?:(?P<mod>اوایل|اواسط|اواخر|ابتدای|اول|پایان|آخر){_S}+)?"
                  rf"(?P<s>بهار|تابستان|پاییز|پائیز|زمستان)(?:{_S}+(?:(?:سال{_S}+)?(?P<y>{_YEAR_J})"
                  rf"|سال{_S}+(?P<y2>{_YY})(?!\d)|(?:سال{_S}+)?(?P<gy>{_YEAR_G})(?:{_S}+میلادی)?"
                  rf"|(?P<rel>امسال|پارسال|سال{_S}+(?:گذشته|قبل|پیش|جاری)|گذشته|قبل|پیش|جاری)))?(?![\w\u200c])",
                  [(("بهار", "تابستان", "پاییز", "پائیز", "زمستان"), 8)], "word"),
    "en_rel_day": (r"(?:(?P<dby>(?:the\s+)?day\s+before\s+yesterday)|(?P<yest>yesterday|last\s+night)"
                   r"|(?P<today>today|tonight|this\s+(?:morning|evening|afternoon)|earlier\s+today))\b",
                   [(("day",), 20), (("night",), 6), (("this",), 0)],
                   "word"),
    "en_ago": (rf"(?P<n>{_NUM_EN})\s+(?P<u>day|week|month|year)s?\s+ago\b", [(("ago",), 24)], "word"),
    "en_rel_unit": (r"(?P<mod>last|this|previous|past)\s+(?P<u>week|month|year)\b",
                    [(("last", "this", "previous", "past"), 0)], "word"),
    "en_past_n": (rf"(?:the\s+)?(?:past|last|previous)\s+(?P<n>{_NUM_EN})\s+(?P<u>day|week|month|year)s?\b",
                  [(("past", "last", "previous"), 4)], "word"),
    "en_wd": (rf"(?P<wd>{_WD_EN_FULL})(?!s\b)(?:\s+(?:night|morning|evening|afternoon))?",
              [(("day",), 6)], "en_wd"),
    "fa_rel_day": (r"(?:(?P<today>امروز|امشب)|(?P<yest>دیروز|دیشب|(?:روز|شب)[ \u200c]+(?:گذشته|قبل|پیش))"
                   r"|(?P<dby>پریروز))(?![\w\u200c])",
                   [(("امروز", "امشب", "دیروز", "دیشب", "پریروز"), 0), (_FA_PAST, 5)], "fa_pre"),
    "fa_ago": (rf"(?P<n>\d{{1,3}}|{_NUM_FA})(?:{_S}*و{_S}*(?P<n2>\d{{1,3}}))?{_S}*"
               rf"(?:(?P<u>روز|هفته|ماه|سال){_S}+(?:پیش|قبل)|(?P<u2>روز|هفته){_S}+است)(?![\w\u200c])",
               [(("پیش", "قبل"), 24), (("روز است", "هفته است", "روز\u200cاست"), 20)], "word"),
    "fa_past_n": (rf"(?P<n>\d{{1,3}}|{_NUM_FA}|روزهای|هفته\u200cهای|ماه\u200cهای|سال\u200cهای)"
                  rf"{_S}*(?P<u>روز|هفته|ماه|سال)?{_S}+(?:گذشته|اخیر)(?![\w\u200c])",
                  [(("گذشته", "اخیر"), 24)], "word"),
    "fa_rel_unit": (rf"(?:(?P<u>هفته|ماه|سال){_S}+(?P<mod>گذشته|قبل|پیش|جاری)"
                    rf"(?P<greg>{_S}+میلادی)?|(?P<this>امسال))(?![\w\u200c])",
                    [(_FA_PAST + ("جاری",), 6), (("امسال",), 0)], "word"),
    "fa_wd": (rf"(?P<wd>{_WD_FA})(?:{_S}+(?P<mod>گذشته|آینده|قبل|پیش))?",
              [(("شنبه",), 6), (("جمعه", "آدینه"), 0)], "fa_wd"),
}
_P = {kind: _c(pat) for kind, (pat, _, _) in _SPEC.items()}
_LEFT = {kind: rule for kind, (_, _, rule) in _SPEC.items()}


def _build_triggers() -> dict[str, list[tuple[str, int]]]:
    out: dict[str, list[tuple[str, int]]] = {}
    for kind, (_, trigs, _) in _SPEC.items():
        for words, back in trigs:
            for w in words:
                out.setdefault(_lower(w), []).append((kind, back))
    return out


_TRIGGERS = _build_triggers()
_TRIGGERS_LATIN = {w: v for w, v in _TRIGGERS.items() if w.isascii() and w != "<y4>"}
_TRIGGERS_ARABIC = {w: v for w, v in _TRIGGERS.items() if not w.isascii()}
_INSIDE_WORD_OK = frozenset({"day", "night", "شنبه"})  # "wednesday", "tonight", «یکشنبه»
_Y4 = _c(r"(?:1[2-9]|2[01])[0-9][0-9]")
_RANGE_GAP = _c(r"\s*(?:-|–|—|to|until|till|through|and|تا|الی)\s*$")
_RANGE_INTRO = _c(r"(?:between|from|از|بین)\s+(?:the\s+)?$")
_HAS_LATIN = _c(r"[a-z]")
_HAS_ARABIC = _c(r"[\u0600-\u06ff]")

_RELATIVE_KINDS = frozenset({"en_rel_day", "en_ago", "en_rel_unit", "en_past_n", "en_wd",
                             "fa_rel_day", "fa_ago", "fa_past_n", "fa_rel_unit", "fa_wd"})
_JALALI_YEAR_KINDS = frozenset({"fa_jdmy", "fa_jmy", "fa_year_j", "en_jmy", "en_jdmy",
                                "en_year_j"})
