"""How a source writes a person's name: transliteration choice, typos, script quirks."""
from __future__ import annotations

import random

from .sources import Source
from .world import Person

PERSIAN_QUIRKS = (("ی", "ي"), ("ک", "ك"), ("\u200c", " "), ("\u200c", ""))
VOWELS = "aeiou"


def pick_spelling(spellings: list[str], src: Source, rnd: random.Random) -> str:
    """The source's habitual spelling most of the time, another one otherwise."""
    if rnd.random() < src.translit_loyalty:
        return spellings[src.translit % len(spellings)]
    return spellings[rnd.randrange(len(spellings))]


def typo(word: str, rnd: random.Random) -> str:
    """A plausible misspelling: a dropped vowel, a doubled or swapped letter."""
    if len(word) < 4:
        return word
    i = rnd.randrange(1, len(word) - 1)
    kind = rnd.randrange(3)
    if kind == 0 and word[i] in VOWELS:
        return word[:i] + word[i + 1:]
    if kind == 1:
        return word[:i] + word[i] + word[i:]
    return word[:i] + word[i + 1] + word[i] + word[i + 2:]


PERSIAN_COMPOUNDS = {"محمدرضا": "محمد رضا", "امیرحسین": "امیر حسین", "غلامرضا": "غلام رضا",
                     "عبدالله": "عبد الله", "عبدالرحمن": "عبدالرحمان", "عبدالهی": "عبداللهی",
                     "علیزاده": "علی‌زاده", "داوود": "داود", "مجیدرضا": "مجید رضا"}


def persian_quirk(text: str, rnd: random.Random) -> str:
    """Arabic yeh/kaf, a space instead of the zero-width non-joiner, or a compound name
    written apart (محمدرضا / محمد رضا) or spelled another way (داوود / داود)."""
    if text in PERSIAN_COMPOUNDS and rnd.random() < 0.5:
        return PERSIAN_COMPOUNDS[text]
    a, b = PERSIAN_QUIRKS[rnd.randrange(len(PERSIAN_QUIRKS))]
    return text.replace(a, b)


def latin_name(p: Person, src: Source, rnd: random.Random) -> tuple[str, str]:
    """(given, surname) in Latin script as ``src`` would write them."""
    given = pick_spelling(p.given_latin(), src, rnd)
    surname = pick_spelling(p.surname_latin(), src, rnd)
    if rnd.random() < src.typo:
        surname = typo(surname, rnd)
    elif rnd.random() < src.typo:
        given = typo(given, rnd)
    return given, surname


def persian_name(p: Person, src: Source, rnd: random.Random) -> tuple[str, str]:
    """(given, surname) in Persian script as ``src`` would write them."""
    given, surname = p.given_fa, p.surname_fa
    if rnd.random() < src.persian_variants:
        given, surname = persian_quirk(given, rnd), persian_quirk(surname, rnd)
    return given, surname


def father_name(p: Person, src: Source, rnd: random.Random, script: str) -> str:
    """The father's given name in ``script`` ("fa" or "latin")."""
    if script == "fa":
        return p.father_fa
    return pick_spelling(p.father_latin(), src, rnd)
