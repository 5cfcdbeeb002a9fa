"""Person names in Persian and Latin script: splitting, cross-script keys, transliteration.

* :func:`split_name` cuts a name as written into prefix (Mr, Sheikh, Molavi, آقای ...),
  given name, surname, suffix (Jr., III) and patronymic ("son of X", «فرزند X»), keeping
  the original string.
* :func:`name_key` / :func:`token_keys` give a *phonetic skeleton* shared by a Persian
  spelling and its usual Latin transliterations.  The key keeps consonants (ق/غ/gh/q -> q,
  خ/kh -> x, ش/sh -> S, ث/س/ص -> s, ذ/ز/ض/ظ -> z, ح/ه -> h, ط/ت -> t, ژ/zh/j -> j ...),
  the long vowels
  that Persian writes (ی/i/ee/ei/y -> i, و/ou/oo/w/v -> v) and a mark ``a`` for a
  vowel-initial word and ``e`` for a final silent heh (Fatemeh, Zadeh, Mansoureh vs
  Mansour); it drops the short vowels that Persian leaves unwritten (a, e, o and
  short u), alef and ain.  So Mohammad, Mohamad, Muhammad, Mohammed and محمد all give
  ``mhmd``; Hossein/Hosein/Hussein/حسین give ``hsin`` while Hassan/حسن give ``hsn``.
  About 34 Arabic-style spellings of common names (Qasim, Husayn, Yusuf) are keyed as
  their Persian-style form first.
* :func:`transliterate` renders Persian script in readable Latin for display, from a table
  of common name words (``data/name_words.tsv``) and letter rules for the rest.

The figures of the key on our test lists are in ``docs/benchmarks.md`` ("Name keys").
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

__all__ = ["PersonName", "split_name", "name_key", "token_keys", "transliterate",
           "script_of", "latin_key", "persian_key"]

_FA_CHARS = re.compile(r"[\u0600-\u06FF\uFB50-\uFDFF\uFE70-\uFEFF]")
_LATIN_CHARS = re.compile(r"[A-Za-z\u00C0-\u024F]")


def script_of(text: str) -> str:
    """``fa`` (Arabic script), ``latin``, ``mixed`` or ``other``."""
    fa, la = bool(_FA_CHARS.search(text or "")), bool(_LATIN_CHARS.search(text or ""))
    return "mixed" if fa and la else "fa" if fa else "latin" if la else "other"


# ----------------------------------------------------------------------------- splitting
@dataclass(frozen=True)
class PersonName:
    """A person's name cut into parts; ``as_written`` is never altered."""
    as_written: str
    given: str
    surname: str
    prefix: str = ""
    suffix: str = ""
    patronymic: str = ""
    script: str = "latin"

    @property
    def full(self) -> str:
        """Given name and surname, without prefix, suffix or patronymic."""
        return " ".join(p for p in (self.given, self.surname) if p)


# Honorifics removed from the name; "Seyed" and variants are noted in prefix but kept in
# the given name, because for many people it is part of the name itself.
_TITLES_EN = ("mr", "mrs", "ms", "miss", "dr", "sheikh", "shaikh", "sheykh", "molavi",
              "mowlavi", "mawlawi", "moulavi", "mullah", "mulla", "molla", "haj", "hajj",
              "haji", "hajji", "hajj", "ayatollah", "hojatoleslam", "engineer", "eng")
_TITLES_FA = ("آقای", "آقا", "خانم", "شیخ", "مولوی", "ملا", "حاج", "حاجی", "دکتر",
              "مهندس", "آیت‌الله", "حجت‌الاسلام")
_SEYED = ("seyed", "seyyed", "sayyed", "sayed", "seyyid", "sayyid", "seyd",
          "سید", "سيد")
_SUFFIXES = ("jr", "sr", "ii", "iii", "iv", "junior", "senior")
_PATRONYMIC = re.compile(
    r"(?i)(?:,|،|\(|\s|^)\s*(?:(?:son|daughter|child)\s+of|s/o|d/o|"
    r"(?:نام\s*پدر|فرزند|پسر|دختر)[\s:]+)\s*([^,()\n]+)\)?")


def _word(w: str) -> str:
    return w.strip(".,;:()[]«»\"'،؛").casefold()


def split_name(raw: str) -> PersonName:
    """Split ``raw`` into prefix, given name, surname, suffix and patronymic.

    >>> split_name("Mr Seyed Ali Hosseini, son of Mahmoud").surname
    'Hosseini'
    """
    text = raw or ""
    patronymic = ""
    m = _PATRONYMIC.search(text)
    if m:
        patronymic = m.group(1).strip()
        text = text[:m.start()] + text[m.end():]
    words = [w for w in re.split(r"\s+", text.strip(" ,;،")) if w.strip(".,;:()،")]
    prefix: list[str] = []
    while len(words) > 1 and _word(words[0]) in (*_TITLES_EN, *_TITLES_FA):
        prefix.append(words.pop(0).strip(","))
    if words and len(words) > 1 and _word(words[0]) in _SEYED:
        prefix.append(words[0])
    suffix: list[str] = []
    while len(words) > 1 and _word(words[-1]) in _SUFFIXES:
        suffix.insert(0, words.pop().strip(","))
    words = [w.strip(",،؛;") for w in words]
    given, surname = _given_surname(words)
    return PersonName(raw, given, surname, " ".join(prefix), " ".join(suffix), patronymic,
                      script_of(raw))


_SURNAME_HEADS = frozenset({"mir", "al", "el", "abu", "ibn", "bin", "agha", "mola",
                            "mir-", "میر", "آل", "ابو"})


_SURNAME_TAILS = frozenset({"zehi", "zahi", "zadeh", "zade", "zada", "pour", "pur", "nejad",
                            "nezhad", "zai", "far", "vand", "lou", "zehie", "زهی", "زاده",
                            "پور", "نژاد", "زایی", "فر", "وند", "لو"})


def _given_surname(words: list[str]) -> tuple[str, str]:
    """Last word is the surname (with a head word such as Mir or al- kept on it)."""
    if not words:
        return "", ""
    if len(words) == 1:
        return words[0], ""
    cut = len(words) - 1
    if cut > 1 and _word(words[cut]) in _SURNAME_TAILS:
        cut -= 1  # 'Baloch Zehi', 'Hosseini Zadeh': a written-apart ending
    if cut > 1 and _word(words[cut - 1]) in _SURNAME_HEADS:
        cut -= 1
    return " ".join(words[:cut]), " ".join(words[cut:])


# ----------------------------------------------------------------------------- keys
_FA_FOLD = str.maketrans({
    "ي": "ی", "ى": "ی", "ئ": "ی", "ې": "ی", "ك": "ک", "ڪ": "ک", "ة": "ه", "ۀ": "ه",
    "ە": "ه", "ھ": "ه", "أ": "ا", "إ": "ا", "ٱ": "ا", "ؤ": "و", "\u200c": None,
    "\u200d": None, "\u0640": None, "ء": None})
_FA_KEY = str.maketrans({
    "ب": "b", "پ": "p", "ت": "t", "ط": "t", "ث": "s", "س": "s", "ص": "s", "ج": "j",
    "چ": "C", "ح": "h", "ه": "h", "خ": "x", "د": "d", "ذ": "z", "ز": "z", "ض": "z",
    "ظ": "z", "ر": "r", "ژ": "j", "ش": "S", "غ": "q", "ق": "q", "ف": "f", "ک": "k",
    "گ": "g", "ل": "l", "م": "m", "ن": "n", "و": "v", "ی": "i", "ا": None, "آ": None,
    "ع": None})
# Words whose final ی is read "a" (alef maqsura): Mostafa, Morteza, Mojtaba, Musa ...
_MAQSURA = frozenset("مصطفی مرتضی مجتبی موسی عیسی یحیی کبری صغری هدی رضی مصطفي".split())
_DIACRITICS = re.compile(r"[\u064B-\u065F\u0670\u06D6-\u06ED]")
_DOUBLE = re.compile(r"(.)\1+")


@lru_cache(maxsize=65536)
def persian_key(word: str) -> str:
    """Key of one Persian-script word."""
    w = _DIACRITICS.sub("", word.translate(_FA_FOLD))
    w = "".join(c for c in w if "\u0600" <= c <= "\u06FF")
    if not w:
        return ""
    if w in _MAQSURA:
        w = w[:-1]
    w = w.replace("ابوال", "ابال")  # Abol-: the vav of «ابوالفضل» is a short o
    end = ""
    if len(w) > 2 and w.endswith("ه") and w[-2] != "ا" and not w.endswith("لله"):
        w, end = w[:-1], "e"  # final silent heh: Zadeh, Fatemeh, Mansoureh -> mark e
    mark = "a" if w[0] in "اآعئ" else ""
    return mark + _DOUBLE.sub(r"\1", w.translate(_FA_KEY)) + end


_LATIN_DIGRAPHS = (("kh", "x"), ("sh", "S"), ("ch", "C"), ("zh", "j"), ("gh", "q"),
                   ("dj", "j"), ("ph", "f"), ("th", "t"), ("ck", "k"), ("dh", "z"))
_CONS = "bcdfghjklmnpqrstvwxzSCZ"
_LATIN_KEY = str.maketrans({"a": None, "e": None, "o": None, "y": "i", "w": "v", "c": "k",
                            "'": None})


# Arabic-style spellings of common names whose short vowels the letter rules would read as
# written long vowels; keyed as the Persian-style spelling (Qasim = Ghasem = قاسم).
_ARABIC_STYLE = {
    "qasim": "ghasem", "kasim": "ghasem", "husayn": "hossein", "husain": "hossein",
    "hussain": "hossein", "husein": "hossein", "khalid": "khaled", "yusuf": "yousef",
    "yunus": "younes", "muhsin": "mohsen", "kazim": "kazem", "fatima": "fatemeh",
    "hashim": "hashem", "qadir": "ghader", "nazim": "nazem", "shakir": "shaker",
    "sabir": "saber", "tahir": "taher", "zahir": "zaher", "salih": "saleh",
    "ruhollah": "rouhollah", "ruhullah": "rouhollah", "nurollah": "nourollah",
    "nurullah": "nourollah", "abid": "abed", "rashid": "rashid", "jasim": "jasem",
    "qadim": "ghadem", "hamid": "hamid", "ismail": "esmaeil", "ibrahim": "ebrahim",
    "suleiman": "soleyman", "sulaiman": "soleyman", "sulayman": "soleyman",
}


@lru_cache(maxsize=65536)
def latin_key(word: str) -> str:
    """Key of one Latin-script word (see module docstring)."""
    w = unicodedata.normalize("NFKD", word.casefold())
    w = "".join(c for c in w if "a" <= c <= "z")
    w = _ARABIC_STYLE.get(w, w)
    if not w:
        return ""
    mark = "a" if w[0] in "aeiou" else ""
    w = re.sub(r"^abd[aou]l", "abdl", w)  # Abdul/Abdol/Abdal: article, no vowel
    for a, b in _LATIN_DIGRAPHS:
        w = w.replace(a, b)
    end = ""
    if len(w) > 3 and w.endswith("eh") or len(w) > 2 and w[-1] == "e" and w[-2] not in "aeiou":
        w, end = w[:w.rindex("e")], "e"  # final silent heh: Zadeh/Zade, Mansoureh -> mark e
    w = w.replace("ee", "i")
    w = re.sub(r"(?<=[^aeiou])o$", "v", w)  # Khosro, Diako: final o is a written vav
    w = w.replace("ou", "v").replace("oo", "v").replace("uu", "v")
    w = _short_u(w)
    if mark and w[0] == "i" and len(w) > 2 and w[1] in _CONS and w[2] in _CONS:
        w = w[1:]  # Ibrahim, Ismail: short initial i
    return mark + _DOUBLE.sub(r"\1", w.translate(_LATIN_KEY)) + end


def _short_u(w: str) -> str:
    """A single ``u`` is short (dropped) before h, a doubled letter or two consonants
    (Muhammad, Hussein, Mustafa, Abdullah); otherwise it stands for a written vav."""
    out = []
    for i, c in enumerate(w):
        if c != "u":
            out.append(c)
            continue
        nxt = w[i + 1:i + 3]
        short = (nxt[:1] == "h" or (len(nxt) == 2 and nxt[0] in _CONS and nxt[1] in _CONS))
        out.append("" if short else "v")
    return "".join(out)


_SPLIT = re.compile(r"[\s\-\u2010-\u2015_/.,;:()«»\"،؛]+")
_LEADING_TITLES = frozenset(w.replace("\u200c", "") for w in (*_TITLES_EN, *_TITLES_FA))
_DROP_WORDS = frozenset(("mr", "mrs", "ms", "miss", "dr", *_SUFFIXES,
                         "آقای", "خانم", "دکتر"))


def _word_key(word: str) -> str:
    if _FA_CHARS.search(word):
        return persian_key(word)
    return latin_key(word.replace("'", "").replace("\u2019", ""))


def token_keys(name: str) -> list[str]:
    """One key per word of ``name`` (leading titles, suffixes and a patronymic dropped).

    ``token_keys("Mohammad Hossein Beheshti")`` -> ``['mhmd', 'hsin', 'bhSti']``.
    """
    text = name or ""
    m = _PATRONYMIC.search(text)
    if m and m.start() > 0:
        text = text[:m.start()]  # "X, son of Y": Y is not part of X's name
    words = [w for w in _SPLIT.split(text) if w]
    while len(words) > 1 and _word(words[0]) in _LEADING_TITLES:
        words.pop(0)  # Haj, Sheikh, Molavi before a name
    keys = [_word_key(w) for w in words if _word(w) not in _DROP_WORDS]
    return [k for k in keys if k]


def name_key(name: str) -> str:
    """Cross-script key of a whole name: the word keys run together, so that
    'Majid Reza', 'Majid-Reza' and 'Majidreza' meet.  The vowel-initial mark ``a`` is kept
    only on the first word ('Mohammad Ali' = 'Mohammadali')."""
    keys = token_keys(name)
    if not keys:
        return ""
    return keys[0] + "".join(k[1:] if k.startswith("a") else k for k in keys[1:])


# ----------------------------------------------------------------------------- display
@lru_cache(maxsize=1)
def _name_words() -> dict[str, str]:
    text = resources.files("vigil.core").joinpath("data/name_words.tsv").read_text("utf-8")
    out = {}
    for line in text.splitlines():
        if line.startswith("#") or "\t" not in line:
            continue
        fa, la = line.split("\t")[:2]
        out[_fa_norm(fa)] = la.strip()
    return out


def _fa_norm(w: str) -> str:
    return _DIACRITICS.sub("", w.translate(_FA_FOLD)).strip()


_ENDINGS = (("زاده", "zadeh"), ("پور", "pour"), ("نژاد", "nejad"), ("وند", "vand"),
            ("لو", "lou"), ("یان", "ian"), ("ی", "i"), ("ها", "ha"))
_LETTERS = {
    "ا": "a", "آ": "a", "ب": "b", "پ": "p", "ت": "t", "ث": "s", "ج": "j", "چ": "ch",
    "ح": "h", "خ": "kh", "د": "d", "ذ": "z", "ر": "r", "ز": "z", "ژ": "zh", "س": "s",
    "ش": "sh", "ص": "s", "ض": "z", "ط": "t", "ظ": "z", "ع": "", "غ": "gh", "ف": "f",
    "ق": "gh", "ک": "k", "گ": "g", "ل": "l", "م": "m", "ن": "n", "و": "v", "ه": "h",
    "ی": "y"}


def transliterate(fa: str) -> str:
    """Readable Latin form of a Persian-script name, for display ('محمد حسینی' ->
    'Mohammad Hosseini').  Latin text is returned unchanged."""
    if not fa or not _FA_CHARS.search(fa):
        return fa or ""
    words = [w for w in re.split(r"\s+", fa) if w]
    return " ".join(_translit_word(w) for w in words).strip()


def _translit_word(word: str) -> str:
    """One written word; parts joined by ZWNJ (حسین‌زاده, امانی‌نژاد) are run together."""
    whole = _fa_norm(word)
    if not whole or not _FA_CHARS.search(whole):
        return whole or word
    lex = _translit_lex(whole)
    if lex:
        return _capital(lex)
    parts = [p for p in word.split("\u200c") if _fa_norm(p)]
    latin = [_translit_lex(_fa_norm(p)) or _translit_ending(_fa_norm(p)) for p in parts]
    return _capital("".join(latin).lower())


def _translit_ending(w: str) -> str:
    """Letter rules for a stem, table spelling for a known ending (-i, -pour, -zadeh)."""
    for ending, latin in _ENDINGS:
        if w.endswith(ending) and len(w) > len(ending) + 1 and ending != "ی":
            return _translit_letters(w[:-len(ending)]) + latin
    return _translit_letters(w)


def _capital(s: str) -> str:
    return s[:1].upper() + s[1:]


def _translit_lex(w: str, depth: int = 0) -> str | None:
    """Table word, table word + ending (Karim+i, Hassan+zadeh), or two table words."""
    table = _name_words()
    if w in table:
        return table[w]
    if depth > 1:
        return None
    for ending, latin in _ENDINGS:
        if w.endswith(ending) and len(w) > len(ending) + 1:
            base = _translit_lex(w[:-len(ending)], depth + 1)
            if base:
                return base.lower() + latin if latin != "i" or not base.endswith("i") else base.lower()
    for cut in range(2, len(w) - 1):
        a, b = table.get(w[:cut]), table.get(w[cut:])
        if a and b:
            return a + b.lower()
    return None


def _translit_letters(w: str) -> str:
    """Letter rules: و and ی after a consonant read ou / i, initial ا reads a (e before
    س/ش), ع between letters reads a; unwritten short vowels are guessed by syllable: in a run of
    consonants, a consonant that follows a vowel closes its syllable and the next one
    opens a new syllable with a short vowel (e at the start of a word, a elsewhere):
    «حشمت» Heshmat, «اسکندر» Eskandar, «شارمهد» Sharmahd."""
    units = _letter_units(w)
    out, opening = [], True  # at word start the first consonant opens a syllable
    for i, (u, vowel) in enumerate(units):
        nxt_cons = i + 1 < len(units) and not units[i + 1][1]
        if vowel:
            if i == 0 and u == "a" and w[1:2] in ("س", "ش") and nxt_cons:
                u = "e"  # Es-, Esh-: «اسکندر» Eskandar, «اسفندیار» Esfandiar
            out.append(u)
            opening = False
            continue
        out.append(u)
        if opening and nxt_cons:
            out.append("e" if i == 0 else "a")
            opening = False
        else:
            opening = not opening if nxt_cons else False
    return "".join(out)


def _letter_units(w: str) -> list[tuple[str, bool]]:
    """(Latin letters, is_vowel) for each Persian letter of ``w``."""
    out = []
    for i, c in enumerate(w):
        prev = w[i - 1] if i else ""
        if c == "و" and i and prev not in "اآ":
            out.append(("ou", True))
        elif c == "ی" and i and prev not in "اآ":
            out.append(("i", True))
        elif c == "ی" and i == len(w) - 1:
            out.append(("yi", True))
        elif c == "ه" and i == len(w) - 1 and i:
            out.append(("eh", True))
        elif c in "اآ" or (c == "ع" and 0 < i < len(w) - 1):
            out.append(("a", True))
        elif _LETTERS.get(c):
            out.append((_LETTERS[c], False))
    return out
