"""Name keys for linkage: folded, script-neutral forms of names and their parts.

Two kinds of key: *folded* forms (lowercase, no diacritics, unified Arabic-script letters,
words separated by spaces) compare spellings within one script; *cross-script* keys
(:func:`cross_key`: :mod:`vigil.core.names` when it is available, else a private
consonant skeleton) let محمد, Mohammad and Muhammad meet.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from importlib import resources

try:  # the project's cross-script name keys, when that module has landed
    from vigil.core import names as _names
except ImportError:  # pragma: no cover - depends on the state of the tree
    _names = None

PARTICLES = frozenset({"de", "del", "della", "la", "las", "los", "da", "di", "du", "van",
                       "von", "der", "den", "le", "san", "santa", "st", "saint", "mac"})
SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv", "junior", "senior"})
# Persian surname endings that are often written as a word of their own, with a space
# where the zero-width non-joiner belongs («حسن زاده» for «حسن‌زاده»)
ENDINGS = frozenset({"زاده", "پور", "نژاد", "zadeh", "zade", "pour", "poor", "nejad",
                     "nezhad", "nejhad"})
_DOUBLED = re.compile(r"(.)\1+")
_ALIAS = re.compile(r"\(([^)]*)\)|\"([^\"]*)\"|\u201c([^\u201d]*)\u201d")
_ARABIC_VARIANTS = str.maketrans({"ي": "ی", "ى": "ی", "ك": "ک", "ة": "ه", "ۀ": "ه",
                                  "أ": "ا", "إ": "ا", "آ": "ا", "ؤ": "و", "\u200c": ""})


_FA_SKELETON = str.maketrans({
    "ب": "b", "پ": "p", "ت": "t", "ط": "t", "ث": "s", "س": "s", "ص": "s", "ج": "j",
    "چ": "c", "ح": "h", "ه": "h", "خ": "x", "د": "d", "ذ": "z", "ز": "z", "ض": "z",
    "ظ": "z", "ر": "r", "ژ": "j", "ش": "S", "غ": "q", "ق": "q", "ف": "f", "ک": "k",
    "گ": "g", "ل": "l", "م": "m", "ن": "n",
})
_LATIN_DIGRAPHS = (("kh", "x"), ("sh", "S"), ("ch", "c"), ("zh", "j"), ("gh", "q"),
                   ("ph", "f"), ("th", "t"), ("ck", "k"), ("dj", "j"))


def skeleton(key: str, *, words: bool = False) -> str:
    """Script-neutral consonant skeleton of a folded key, word by word.

    Persian script writes no short vowels, so both scripts are reduced to consonant
    classes: Latin digraphs (kh, sh, gh...) and Persian letters map to one symbol,
    vowels and the letters that stand for them (alef, vav, yeh; a e i o u w v y) are
    dropped and doubled letters collapse: محمد, Mohammad and Muhammad -> "mhmd". The
    words of a name part are joined (Mohammad Reza = Mohammadreza) unless ``words``.
    """
    parts = [p for p in (_skeleton_word(w) for w in key.split()) if p]
    return " ".join(parts) if words else "".join(parts)


def _skeleton_word(word: str) -> str:
    if any("\u0600" <= c <= "\u06ff" for c in word):
        word = word.translate(_FA_SKELETON)
    else:
        for a, b in _LATIN_DIGRAPHS:
            word = word.replace(a, b)
    kept = [c for c in word if c.isascii() and c.isalpha() and c not in "aeiouwvy'"]
    out = [c for i, c in enumerate(kept) if i == 0 or c != kept[i - 1]]
    if len(out) > 1 and out[-1] == "h":  # final -eh/-ah is a vowel in both scripts
        out.pop()
    return "".join(out) or word[:1]


def _load_nicknames() -> dict[str, str]:
    """The packaged nickname table (nickname -> canonical given name)."""
    text = resources.files("vigil.core").joinpath("data/nicknames.tsv").read_text("utf-8")
    rows = (line.split("\t") for line in text.splitlines() if line and line[0] != "#")
    return {r[0].strip(): r[1].strip() for r in rows if len(r) >= 2}


NICKNAMES = _load_nicknames()


@lru_cache(maxsize=200_000)
def fold(text: str) -> str:
    """Lowercase, no diacritics, unified Arabic-script letters, letters and spaces only."""
    if text.isascii():
        text = re.sub(r"['`\.\-]", "", text.lower())
        return " ".join(re.sub(r"[^a-z\s]", " ", text).split())
    text = unicodedata.normalize("NFKD", text.translate(_ARABIC_VARIANTS))
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    text = re.sub(r"['’`\.\-‐]", "", text)
    return " ".join(re.sub(r"[^\w\s]|[\d_]", " ", text).split())


@lru_cache(maxsize=200_000)
def words(text: str) -> tuple[str, ...]:
    """Folded words of a name (suffixes such as Jr./III dropped)."""
    return tuple(w for w in fold(text or "").split() if w not in SUFFIXES)


@lru_cache(maxsize=200_000)
def cross_key(text: str) -> str:
    """Script-neutral key of a folded name part: ``vigil.core.names.name_key`` when that
    module is present, else the consonant :func:`skeleton`."""
    if not text:
        return ""
    if _names is not None:
        return _names.name_key(text)
    return skeleton(text)


def loose_key(key: str) -> str:
    """A cross-script key made looser: after the first letter ``i`` and ``v`` dropped,
    ``th`` written ``t``, doubled letters collapsed (also across the words of a name), a
    final ``e`` and then a final ``h`` dropped, and ``S`` written ``sh``. Latin spellings
    write short vowels that the Persian script leaves out (Hashimlou / هاشملو, Kazimi /
    کاظمی, Saeedi / ساعدی, Khosropour / خسروپور, Muradpur / مرادپور), the Persian script
    writes a long vowel that a Latin spelling may shorten (Tohid / توحید, Mansurkhani /
    منصورخانی) or a final ه or ح that it leaves out or writes as a vowel (Hamza / حمزه,
    Fatemah / فاطمه, Saleh / صالح), a Latin "th" is t + h (Fathollah / فتح‌الله), the
    words of a name meet at a doubled letter (Amir Reza / امیررضا, Abdol Ali /
    عبدالعلی), and a Latin "sh" may be s + h (Ishaq / اسحاق)."""
    if not key:
        return key
    loose = key[:1] + key[1:].replace("i", "").replace("v", "").replace("th", "t")
    loose = _DOUBLED.sub(r"\1", loose)
    for end in "eh":
        if len(loose) > 2 and loose.endswith(end):
            loose = loose[:-1]
    return loose[:1] + loose[1:].replace("S", "sh")


def name_key(text: str) -> str:
    """Folded form of a whole name (aliases excluded)."""
    main, _ = split_alias(text or "")
    return " ".join(words(main))


def split_alias(name: str) -> tuple[str, list[str]]:
    """('Shaka Sankofa', ['Gary Graham']) from 'Shaka Sankofa (Gary Graham)'."""
    aliases = ["".join(g) for g in _ALIAS.findall(name)]
    return _ALIAS.sub(" ", name), [a for a in aliases if a.strip()]


@lru_cache(maxsize=200_000)
def split_key(name: str) -> tuple[str | None, str | None, tuple[str, ...]]:
    """(given, surname, all words incl. aliases), folded, of a full name.

    ``Last, First`` puts the surname first; otherwise the first word is the given name
    and the last word the surname. Middle names and aliases only join the tokens.
    """
    main, aliases = split_alias(name)
    if "," in main:
        last, _, first = main.partition(",")
        given_toks, surname_toks = list(words(first)), list(words(last))
    else:
        toks = list(words(main))
        given_toks, surname_toks = toks[:1], surname_tail(toks[1:])
    tokens = list(words(main)) + [t for a in aliases for t in words(a)]
    given = given_toks[0] if given_toks else None
    surname = " ".join(surname_toks) or None
    return given, surname, tuple(dict.fromkeys(tokens))


def surname_tail(toks: list[str]) -> list[str]:
    """The surname words at the end of a name: the last word and any particles
    (de, la, van, san...) directly before it ('Jesse de la Rosa' -> de la rosa), or the
    last two when the last is a Persian ending written apart ('Hasan Zadeh', «قلی زاده»)."""
    if not toks:
        return []
    start = len(toks) - 1
    if start > 0 and toks[-1] in ENDINGS:
        return toks[-2:]
    while start > 0 and toks[start - 1] in PARTICLES:
        start -= 1
    return toks[start:]
