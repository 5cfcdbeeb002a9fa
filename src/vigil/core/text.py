"""Text normalisation for Persian and English reports.

Three levels, from gentle to aggressive:

* :func:`same_length` -- one-to-one character replacements only (Arabic letter forms to
  Persian, all digits to ASCII, exotic spaces to a plain space).  The output has exactly the
  length of the input, so a regex span in the output is a span in the original text.
  Parsers (dates, extraction) run on it.
* :func:`normalize` -- display-safe cleanup: :func:`same_length` plus removal of tatweel,
  Arabic diacritics and stray joiners, compatibility forms, tidy ZWNJ.  Keeps ``ة``, hamza
  forms and case.  :func:`normalize_with_map` also returns, for every output character,
  its offset in the original text.
* :func:`fold` -- matching keys: :func:`normalize` plus hamza and ``ة`` folding, ZWNJ to
  space, lower case, Latin accents stripped, whitespace collapsed.

All three are idempotent.
"""
from __future__ import annotations

import re
import unicodedata

__all__ = [
    "same_length", "normalize", "normalize_with_map", "fold",
    "to_ascii_digits", "to_persian_digits", "detect_language", "ZWNJ",
]

ZWNJ = "\u200c"
_PERSIAN_DIGITS = "۰۱۲۳۴۵۶۷۸۹"
_ARABIC_DIGITS = "٠١٢٣٤٥٦٧٨٩"

# One-to-one replacements (length preserving).
_ONE_TO_ONE = {
    "ي": "ی", "ى": "ی", "ې": "ی", "ۍ": "ی", "ێ": "ی",  # yeh forms
    "ك": "ک", "ڪ": "ک", "ګ": "ک",  # kaf forms
    "ە": "ه", "ھ": "ه",  # heh forms (Kurdish/Urdu)
    "\u00a0": " ", "\u2007": " ", "\u202f": " ", "\u2009": " ", "\u200a": " ",
    "\u2002": " ", "\u2003": " ", "\u2004": " ", "\u2005": " ", "\u2006": " ",
    "\u2008": " ", "\u205f": " ", "\u3000": " ", "\u1680": " ",
    "\u066b": ".", "\u066c": ",",  # Arabic decimal / thousands separators
}
for _i in range(10):
    _ONE_TO_ONE[_PERSIAN_DIGITS[_i]] = str(_i)
    _ONE_TO_ONE[_ARABIC_DIGITS[_i]] = str(_i)
_SAME_LENGTH_TABLE = str.maketrans(_ONE_TO_ONE)

_DIGITS_TO_ASCII = str.maketrans(
    {**{_PERSIAN_DIGITS[i]: str(i) for i in range(10)},
     **{_ARABIC_DIGITS[i]: str(i) for i in range(10)}})
_DIGITS_TO_PERSIAN = str.maketrans({str(i): _PERSIAN_DIGITS[i] for i in range(10)})

# Characters dropped by normalize(): tatweel, Arabic harakat and Quranic marks,
# bidi controls, zero-width space/joiner, BOM, soft hyphen.
_DROP = set("\u0640\u200b\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e"
            "\u2066\u2067\u2068\u2069\ufeff\u00ad")
_DROP.update(chr(c) for c in range(0x064B, 0x0660))  # fathatan .. hamza below
_DROP.update(chr(c) for c in range(0x06D6, 0x06EE))  # Quranic annotation marks
_DROP.add("\u0670")  # superscript alef
_DROP.update(chr(c) for c in range(0x0610, 0x061B))  # honorific signs

# Hamza and teh marbuta folding for matching keys only.
_FOLD_LETTERS = str.maketrans({
    "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ٲ": "ا", "ٳ": "ا",
    "ؤ": "و", "ئ": "ی", "ۀ": "ه", "ة": "ه", "ء": None, ZWNJ: " ",
})
_SPACES = re.compile(r"\s+")
_ZWNJ_RUN = re.compile("\u200c{2,}")
_ZWNJ_EDGE = re.compile(r"\u200c(?=\s|$)|(?:(?<=\s)|^)\u200c")


_SAME_LENGTH_PAIRS = tuple(_ONE_TO_ONE.items())


def same_length(text: str) -> str:
    """Unify letter forms and digits one-to-one; ``len(result) == len(text)``."""
    if text.isascii():
        return text
    if len(text) < 64:
        return text.translate(_SAME_LENGTH_TABLE)
    for a, b in _SAME_LENGTH_PAIRS:  # str.replace is much faster than translate on long text
        if a in text:
            text = text.replace(a, b)
    return text


def to_ascii_digits(s: str) -> str:
    """Replace Persian (۰-۹) and Arabic-Indic (٠-٩) digits with ASCII digits."""
    return s.translate(_DIGITS_TO_ASCII)


def to_persian_digits(s: str) -> str:
    """Replace ASCII digits with Persian digits (for display of Persian text)."""
    return s.translate(_DIGITS_TO_PERSIAN)


def _char_out(ch: str) -> str:
    """Normalised replacement for one character (may be empty or several chars)."""
    if ch in _DROP:
        return ""
    mapped = ch.translate(_SAME_LENGTH_TABLE)
    if mapped != ch:
        return mapped
    code = ord(ch)
    if 0xFB50 <= code <= 0xFDFF or 0xFE70 <= code <= 0xFEFF or 0xFF01 <= code <= 0xFF5E:
        # Arabic presentation forms, full-width ASCII: compatibility decomposition.
        return unicodedata.normalize("NFKC", ch).translate(_SAME_LENGTH_TABLE)
    return ch


_CHAR_CACHE: dict[str, str] = {}


def _out(ch: str) -> str:
    out = _CHAR_CACHE.get(ch)
    if out is None:
        out = _char_out(ch)
        if len(_CHAR_CACHE) < 100_000:
            _CHAR_CACHE[ch] = out
    return out


def normalize_with_map(text: str) -> tuple[str, list[int]]:
    """Normalise *text* and map every output offset to its original offset.

    Returns ``(out, offsets)`` where ``offsets[i]`` is the index in *text* of the character
    that produced ``out[i]``, and ``offsets[len(out)] == len(text)``; so the original span of
    ``out[a:b]`` is ``text[offsets[a]:offsets[b - 1] + 1]``.
    """
    chars: list[str] = []
    offsets: list[int] = []
    for i, ch in enumerate(text):
        rep = _out(ch)
        for r in rep:
            chars.append(r)
            offsets.append(i)
    keep = _tidy_zwnj_mask(chars)
    out_chars = [c for c, k in zip(chars, keep) if k]
    out_offsets = [o for o, k in zip(offsets, keep) if k]
    out_offsets.append(len(text))
    return "".join(out_chars), out_offsets


def _tidy_zwnj_mask(chars: list[str]) -> list[bool]:
    """Keep-mask: a run of ZWNJ keeps one, and only between two non-space characters."""
    n = len(chars)
    keep = [True] * n
    before = " "  # last non-ZWNJ character seen
    for i, c in enumerate(chars):
        if c != ZWNJ:
            before = c
            continue
        nxt = chars[i + 1] if i + 1 < n else " "
        if nxt == ZWNJ or nxt.isspace() or before.isspace():
            keep[i] = False
    return keep


_NEEDS_CHAR_LOOP = re.compile(
    "[" + "".join(re.escape(c) for c in sorted(_DROP)) + "\ufb50-\ufdff\ufe70-\ufeff\uff01-\uff5e]")


def normalize(text: str) -> str:
    """Display-safe cleanup (see module docstring). Idempotent."""
    if text.isascii():
        return text
    if _NEEDS_CHAR_LOOP.search(text):
        out = "".join(_out(ch) for ch in text)
    else:  # only one-to-one replacements needed
        out = same_length(text)
    if ZWNJ in out:
        out = _ZWNJ_RUN.sub(ZWNJ, out)
        out = _ZWNJ_EDGE.sub("", out)
    return out


def fold(text: str) -> str:
    """Aggressive matching key: hamza/ة folded, ZWNJ as space, lower case, no accents."""
    out = normalize(text).translate(_FOLD_LETTERS).casefold()
    if not out.isascii():
        out = "".join(c for c in unicodedata.normalize("NFD", out)
                      if not unicodedata.combining(c))
        out = normalize(unicodedata.normalize("NFC", out)).translate(_FOLD_LETTERS)
    return _SPACES.sub(" ", out).strip()


_PERSIAN_LETTER = re.compile("[پچژگ]")
_FA_WORDS = frozenset("است را که این از با شد بود های می اند".split())
_AR_WORDS = frozenset("في التي الذي على هذا هذه إلى الى عن كان مع قد".split())
_EN_WORDS = re.compile(
    r"\b(?:the|of|and|to|in|was|were|is|are|on|for|with|by|at|that|has|have|from)\b")
_OTHER_LATIN = re.compile(  # frequent German, French, Spanish, Italian, Dutch words
    r"\b(?:der|die|das|und|ist|nicht|le|les|des|et|est|une|du|el|los|las|que|y|una|"
    r"por|il|di|che|della|het|een|van)\b")


_ARABIC_LETTER = re.compile("[" + "".join(
    re.escape(chr(c)) for c in [*range(0x0600, 0x0700), *range(0xFB50, 0xFF00)]
    if chr(c).isalpha()) + "]+")
_LATIN_LETTER = re.compile("[A-Za-z]+")


def detect_language(text: str) -> str:
    """Return ``"fa"`` (Persian), ``"en"`` (English) or ``"other"``.

    Arabic-script majority is Persian unless Arabic evidence (ة, Arabic function words)
    outweighs Persian evidence (پ چ ژ گ, Persian function words); Latin majority is
    English unless frequent words of other Latin-script languages outnumber English ones.
    """
    arabic = sum(map(len, _ARABIC_LETTER.findall(text)))
    latin = sum(map(len, _LATIN_LETTER.findall(text)))
    if arabic == 0 and latin == 0:
        return "other"
    words = text.split()
    if arabic >= latin:
        fa = len(_PERSIAN_LETTER.findall(text)) + sum(w in _FA_WORDS for w in words)
        ar = text.count("ة") + sum(w in _AR_WORDS for w in words)
        return "fa" if fa >= ar else "other"
    low = text.lower()
    return "en" if len(_EN_WORDS.findall(low)) >= len(_OTHER_LATIN.findall(low)) else "other"
