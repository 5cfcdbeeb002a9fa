"""The long tail of Iranian surnames: composed from a root and a suffix.

Most Iranian surnames are a given name, a place, a trade or a word plus a suffix
(Karim + zadeh, Ali + pour, Tehran + i, Nik + far). ``TAIL`` composes such surnames in
both scripts with the Latin spellings reports use, so that a synthetic population of a
few hundred thousand people has surnames as varied as real reports (see
``docs/decisions/synthetic-surname-tail.md``): the 63 common surnames of
``tables.SURNAMES`` keep ``HEAD_SHARE`` of the people, the tail the rest.
"""
from __future__ import annotations

from itertools import product

HEAD_SHARE = 0.2
ZWNJ = "\u200c"

# root: Persian, Latin spellings, relative weight
ROOTS = [
    ("کریم", "Karim|Kareem", 3), ("علی", "Ali", 5), ("حسن", "Hassan|Hasan", 4),
    ("حسین", "Hossein|Hosein|Hussein", 4), ("رضا", "Reza", 3), ("محمد", "Mohammad|Mohamad", 4),
    ("احمد", "Ahmad", 3), ("قاسم", "Ghasem|Qasem", 2), ("جعفر", "Jafar", 2),
    ("عباس", "Abbas", 2), ("رحیم", "Rahim", 2), ("یوسف", "Yousef|Yusef", 2),
    ("ابراهیم", "Ebrahim|Ibrahim", 2), ("اسماعیل", "Esmail|Esmaeil", 1), ("موسی", "Mousa|Musa", 1),
    ("صادق", "Sadegh|Sadeq", 2), ("باقر", "Bagher|Baqer", 2), ("تقی", "Taghi|Taqi", 2),
    ("نقی", "Naghi|Naqi", 1), ("کاظم", "Kazem|Kazim", 2), ("هاشم", "Hashem|Hashim", 1),
    ("رسول", "Rasoul|Rasul", 1), ("جلال", "Jalal", 1), ("کمال", "Kamal", 1),
    ("جمال", "Jamal", 1), ("فتح", "Fath", 1), ("نور", "Nour|Noor", 2), ("امین", "Amin", 2),
    ("نیک", "Nik|Nick", 2), ("شاه", "Shah", 1), ("خان", "Khan", 1), ("بهرام", "Bahram", 1),
    ("رستم", "Rostam|Rustam", 1), ("جهان", "Jahan", 1), ("شیر", "Shir|Sheer", 1),
    ("بابا", "Baba", 1), ("آقا", "Agha|Aqa", 1), ("میر", "Mir", 2), ("ملک", "Malek|Malik", 1),
    ("شیخ", "Sheikh|Sheykh", 1), ("حاجی", "Haji|Hajji", 1), ("قلی", "Gholi|Qoli", 1),
    ("نصر", "Nasr", 1), ("فرج", "Faraj", 1), ("منصور", "Mansour|Mansur", 1),
    ("مراد", "Morad|Murad", 1), ("سلیم", "Salim|Saleem", 1), ("حبیب", "Habib", 1),
    ("نجف", "Najaf", 1), ("یزدان", "Yazdan", 1), ("خسرو", "Khosrow|Khosro", 1),
    ("داود", "Davood|Davoud", 1), ("اکبر", "Akbar", 1), ("اصغر", "Asghar|Asqar", 1),
    ("زمان", "Zaman", 1), ("سبز", "Sabz", 1), ("دل", "Del|Dell", 1), ("مهر", "Mehr", 1),
    ("کیا", "Kia|Kiya", 1), ("بهار", "Bahar", 1), ("گل", "Gol|Gul", 1), ("زر", "Zar", 1),
    ("آهن", "Ahan", 1), ("سنگ", "Sang", 1), ("کوه", "Kooh|Kuh", 1), ("دشت", "Dasht", 1),
    ("باغ", "Bagh|Baq", 1), ("چمن", "Chaman", 1), ("آتش", "Atash", 1), ("ماه", "Mah", 1),
    ("شمس", "Shams", 1), ("قمر", "Ghamar|Qamar", 1), ("سرو", "Sarv", 1), ("فرخ", "Farokh|Farrokh", 1),
    ("بهمن", "Bahman", 1), ("شهر", "Shahr", 1), ("کرمان", "Kerman", 1), ("تبریز", "Tabriz", 1),
    ("شیراز", "Shiraz", 1), ("زنجان", "Zanjan", 1), ("قزوین", "Qazvin|Ghazvin", 1),
    ("کاشان", "Kashan", 1), ("یزد", "Yazd", 1), ("تهران", "Tehran", 1), ("اصفهان", "Esfahan|Isfahan", 1),
    ("همدان", "Hamedan|Hamadan", 1), ("سمنان", "Semnan", 1), ("گیلان", "Gilan", 1),
    ("لاری", "Lari", 1), ("دهقان", "Dehghan|Dehqan", 1), ("نجار", "Najjar|Najar", 1),
    ("آهنگر", "Ahangar", 1), ("صراف", "Sarraf|Saraf", 1), ("خیاط", "Khayat|Khayyat", 1),
    ("عطار", "Attar", 1), ("بنا", "Banna", 1), ("قصاب", "Ghasab|Qassab", 1),
    ("زارع", "Zare|Zarea", 1), ("باران", "Baran", 1), ("دریا", "Darya", 1),
]

# suffix: joiner before it in Persian, Persian, Latin spellings (lowercase)
SUFFIXES = [
    (ZWNJ, "زاده", "zadeh|zade", 4), ("", "پور", "pour|pur|poor", 4),
    ("", "نژاد", "nejad|nezhad", 3), (ZWNJ, "فر", "far", 2), ("", "وند", "vand|wand", 2),
    ("", "لو", "lou|loo|lu", 1), ("", "ی", "i|y", 5), ("", "یان", "ian|iyan", 2),
    ("", "نیا", "nia|niya", 2), (ZWNJ, "خانی", "khani", 1), ("", "بیگی", "beigi|beygi", 1),
    ("", "آبادی", "abadi", 1), ("", "دوست", "doust|doost", 1), ("", "منش", "manesh", 1),
]


def _latin(root: str, suffix: str) -> str:
    """Latin spellings (|-separated, at most four, the commonest first)."""
    spellings = [r + s for s, r in product(suffix.split("|"), root.split("|"))]
    return "|".join(dict.fromkeys(spellings[:4]))


def _compose() -> list[tuple[str, str, float]]:
    out = []
    for (fa, lat, w), (joiner, sfa, slat, sw) in product(ROOTS, SUFFIXES):
        if sfa == "ی" and lat.split("|")[0][-1] in "aeiou":
            continue  # Alii, Rezai: spelled differently, left to the head table
        out.append((f"{fa}{joiner}{sfa}", _latin(lat, slat), float(w * sw)))
    return out


TAIL = _compose()
