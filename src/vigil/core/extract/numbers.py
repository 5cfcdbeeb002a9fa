"""Numbers written in words or digits, English and Persian (cardinals and ordinals)."""
from __future__ import annotations

import re

EN_UNITS = {"one": 1, "a": 1, "an": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
            "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
            "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
            "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40,
            "fifty": 50, "hundred": 100, "thousand": 1000, "dozen": 12}
FA_UNITS = {"یک": 1, "دو": 2, "سه": 3, "چهار": 4, "پنج": 5, "شش": 6, "هفت": 7, "هشت": 8,
            "نه": 9, "ده": 10, "یازده": 11, "دوازده": 12, "سیزده": 13, "چهارده": 14,
            "پانزده": 15, "شانزده": 16, "هفده": 17, "هجده": 18, "هیجده": 18, "نوزده": 19,
            "بیست": 20, "سی": 30, "چهل": 40, "پنجاه": 50, "شصت": 60, "هفتاد": 70, "هشتاد": 80,
            "نود": 90, "صد": 100, "هزار": 1000}
EN_NUMBER = (r"\d{1,3}(?:,\d{3})+|\d+|(?:twenty|thirty|forty|fifty)(?:-(?:one|two|three|four|five|six|seven|eight|nine))?|"
             + "|".join(sorted((k for k in EN_UNITS if k not in ("a", "an", "hundred", "thousand", "dozen")),
                               key=len, reverse=True)))
FA_NUMBER = r"\d{1,3}(?:,\d{3})+|\d+|" + "|".join(sorted(FA_UNITS, key=len, reverse=True))


def value(word: str) -> int | None:
    """Integer value of a digit string or a number word (en/fa), else None."""
    w = word.strip().lower().replace(",", "").replace("٬", "")
    if w.isdigit():
        return int(w)
    if "-" in w:
        parts = [EN_UNITS.get(p) for p in w.split("-")]
        return sum(parts) if all(parts) else None
    return EN_UNITS.get(w) or FA_UNITS.get(w)


_FA_ORD = re.compile(r"(.+?)(?:مین|م)")


def persian_ordinal(text: str) -> int | None:
    """«شانزدهمین» -> 16, «پنجاه و سومین» -> 53, «نخستین» -> 1."""
    t = text.strip()
    if t in ("نخستین", "اولین", "نخست", "اول"):
        return 1
    m = _FA_ORD.fullmatch(t)
    if not m:
        return None
    body = m.group(1).replace("\u200c", " ")
    total = 0
    for part in body.split():
        if part == "و":
            continue
        if part not in FA_UNITS and part.startswith("و") and part[1:]:
            part = part[1:]
        part = {"سو": "سه"}.get(part, part)
        if part not in FA_UNITS:
            return None
        total += FA_UNITS[part]
    return total or None
