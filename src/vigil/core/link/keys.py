"""Name keys for linkage: folded, script-neutral forms of names and their parts.

Uses :mod:`vigil.core.names` (cross-script keys) when it is available; otherwise a small
private fallback that folds case, diacritics and Arabic-script letter variants. Both give
lowercase keys whose tokens are separated by single spaces.
"""

from __future__ import annotations

import re
import unicodedata
from importlib import resources

try:  # the project's cross-script name keys, when that module has landed
    from vigil.core import names as _names
except ImportError:  # pragma: no cover - depends on the state of the tree
    _names = None

PARTICLES = frozenset({"de", "del", "della", "la", "las", "los", "da", "di", "du", "van",
                       "von", "der", "den", "le", "san", "santa", "st", "saint", "mac"})
SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv", "junior", "senior"})
_ALIAS = re.compile(r"\(([^)]*)\)|\"([^\"]*)\"|\u201c([^\u201d]*)\u201d")
_ARABIC_VARIANTS = str.maketrans({"ي": "ی", "ى": "ی", "ك": "ک", "ة": "ه", "ۀ": "ه",
                                  "أ": "ا", "إ": "ا", "آ": "ا", "ؤ": "و", "\u200c": ""})


def _load_nicknames() -> dict[str, str]:
    """The packaged nickname table (nickname -> canonical given name)."""
    text = resources.files("vigil.core").joinpath("data/nicknames.tsv").read_text("utf-8")
    rows = (line.split("\t") for line in text.splitlines() if line and line[0] != "#")
    return {r[0].strip(): r[1].strip() for r in rows if len(r) >= 2}


NICKNAMES = _load_nicknames()


def fold(text: str) -> str:
    """Lowercase, no diacritics, unified Arabic-script letters, letters and spaces only."""
    text = unicodedata.normalize("NFKD", text.translate(_ARABIC_VARIANTS))
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    text = re.sub(r"['’`\.\-‐]", "", text)
    return " ".join(re.sub(r"[^\w\s]|[\d_]", " ", text).split())


def token_keys(text: str) -> list[str]:
    """Keys of the words of a name (suffixes such as Jr./III dropped)."""
    if not text:
        return []
    if _names is not None and hasattr(_names, "token_keys"):
        toks = [t for t in _names.token_keys(text) if t]
    else:
        toks = fold(text).split()
    return [t for t in toks if t not in SUFFIXES]


def name_key(text: str) -> str:
    """Key of a whole name: its token keys joined by spaces (aliases excluded)."""
    main, _ = split_alias(text or "")
    return " ".join(token_keys(main))


def split_alias(name: str) -> tuple[str, list[str]]:
    """('Shaka Sankofa', ['Gary Graham']) from 'Shaka Sankofa (Gary Graham)'."""
    aliases = ["".join(g) for g in _ALIAS.findall(name)]
    return _ALIAS.sub(" ", name), [a for a in aliases if a.strip()]


def split_key(name: str) -> tuple[str | None, str | None, tuple[str, ...]]:
    """(given_key, surname_key, all token keys incl. aliases) of a full name.

    ``Last, First`` puts the surname first; otherwise the first word is the given name
    and the last word the surname. Middle names and aliases only join the tokens.
    """
    main, aliases = split_alias(name)
    if "," in main:
        last, _, first = main.partition(",")
        given_toks, surname_toks = token_keys(first), token_keys(last)
    else:
        toks = token_keys(main)
        given_toks, surname_toks = toks[:1], _surname_tail(toks[1:])
    tokens = token_keys(main) + [t for a in aliases for t in token_keys(a)]
    given = given_toks[0] if given_toks else None
    surname = " ".join(surname_toks) or None
    return given, surname, tuple(dict.fromkeys(tokens))


def _surname_tail(toks: list[str]) -> list[str]:
    """The surname words at the end of a name: the last word and any particles
    (de, la, van, san...) directly before it ('Jesse de la Rosa' -> de la rosa)."""
    if not toks:
        return []
    start = len(toks) - 1
    while start > 0 and toks[start - 1] in PARTICLES:
        start -= 1
    return toks[start:]
