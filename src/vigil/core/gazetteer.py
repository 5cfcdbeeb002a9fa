"""Packaged gazetteers of Iran: provinces, cities, prisons, charges, ethnicities,
nationalities and religions, with English and Persian aliases.

The data are TSV files in ``vigil/core/data/`` (our own compilation).  Everything is loaded
once, at first use, into one alias index.  Matching works on *tokens*: a text is cut into
words (letters and digits; ZWNJ, spaces, hyphens and apostrophes separate words), each word
is folded (Arabic/Persian letter forms, case, accents, doubled letters, ``gh``/``q``,
``ou``/``u``), and a run of consecutive words matches an alias when the concatenation of
their folded forms equals the alias's.  So ``Ghezel Hesar``, ``Ghezelhesar``,
``Qezel-Hessar``, «قزل‌حصار», «قزلحصار» and «قزل حصار» all meet, and every match carries its
character span in the *original* text.

Public API::

    scan(text, kinds=None) -> list[Match]       # every non-overlapping mention, longest wins
    find_prison(text) / find_place(text) / find_province(text) / find_city(text)
    find_charge(text) / find_ethnicity(text) / find_nationality(text) / find_religion(text)
    prisons() / provinces() / cities() / charges() / ethnicities() / nationalities() / religions()
    prison_for_city(city) -> Prison | None       # the city's main prison ("central prison of X")

See ``docs/gazetteer.md`` for examples.
"""
from __future__ import annotations

import csv
import re
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import accumulate, compress
from importlib import resources
from typing import Iterable, Iterator

__all__ = [
    "Prison", "Province", "City", "Term", "Match", "KINDS",
    "scan", "find_prison", "find_place", "find_province", "find_city", "find_charge",
    "find_ethnicity", "find_nationality", "find_religion", "prison_for_city",
    "prisons", "provinces", "cities", "charges", "ethnicities", "nationalities", "religions",
    "find_wards",
]

KINDS = frozenset({"prison", "city", "province", "charge", "ethnicity", "nationality",
                   "religion"})
_PLACE_KINDS = frozenset({"prison", "city", "province"})


# ----------------------------------------------------------------------------- entries
@dataclass(frozen=True)
class Prison:
    """A prison: ``name`` is the canonical English name used in the exchange format."""
    name: str
    name_fa: str
    city: str
    province: str
    wards: tuple[str, ...] = ()
    aliases: tuple[str, ...] = field(default=(), repr=False)
    city_default: bool = False
    kind: str = field(default="prison", repr=False)

    @property
    def canonical(self) -> str:
        return self.name


@dataclass(frozen=True)
class Province:
    """One of Iran's 31 provinces with its current and pre-2020 ISO 3166-2 codes."""
    name: str
    name_fa: str
    code: str
    old_code: str
    capital: str
    aliases: tuple[str, ...] = field(default=(), repr=False)
    kind: str = field(default="province", repr=False)

    @property
    def canonical(self) -> str:
        return self.name

    @property
    def province(self) -> str:
        return self.name

    @property
    def city(self) -> None:
        return None


@dataclass(frozen=True)
class City:
    """A city or county seat (a county, «شهرستان X», resolves to its seat)."""
    name: str
    name_fa: str
    province: str
    aliases: tuple[str, ...] = field(default=(), repr=False)
    kind: str = field(default="city", repr=False)

    @property
    def canonical(self) -> str:
        return self.name

    @property
    def city(self) -> str:
        return self.name


@dataclass(frozen=True)
class Term:
    """A controlled-vocabulary term: ``name`` is the code (``drug``, ``AF``, ``baluch``)."""
    kind: str
    name: str
    label: str
    aliases: tuple[str, ...] = field(default=(), repr=False)

    @property
    def canonical(self) -> str:
        return self.name

    @property
    def code(self) -> str:
        return self.name

    city = None
    province = None


Entry = Prison | Province | City | Term


@dataclass(frozen=True)
class Match:
    """A gazetteer hit: ``alias`` is the packaged alias that matched, ``span`` the
    ``(start, end)`` character offsets in the original text."""
    kind: str
    entry: Entry
    alias: str
    span: tuple[int, int]

    @property
    def name(self) -> str:
        return self.entry.name


# ----------------------------------------------------------------------------- folding
_TOKEN = re.compile(r"[^\W_](?:[^\W_]|[\u064B-\u065F\u0670\u0640])*")
_FA_EXTRA = str.maketrans({"آ": "ا", "أ": "ا", "إ": "ا", "ٱ": "ا", "ؤ": "و", "ئ": "ی",
                           "ء": None, "ة": "ه", "ۀ": "ه", "ي": "ی", "ى": "ی", "ك": "ک",
                           "\u0640": None})
_DIACRITICS = re.compile(r"[\u064B-\u065F\u0670]")
_DOUBLE = re.compile(r"(.)\1+")

try:  # the project's normalisation, when present
    from vigil.core.text import fold as _text_fold
except Exception:  # noqa: BLE001 - private fallback below
    _text_fold = None


@lru_cache(maxsize=65536)
def fold_token(tok: str) -> str:
    """Matching form of one word (see module docstring)."""
    t = tok
    if _text_fold is not None:
        try:
            t = _text_fold(t)
        except Exception:  # noqa: BLE001
            t = tok.lower()
    else:
        t = t.lower()
    t = _DIACRITICS.sub("", t.translate(_FA_EXTRA))
    if t.isascii():
        t = t.replace("gh", "q").replace("w", "v")
        t = _DOUBLE.sub(r"\1", t)
        t = t.replace("ou", "u").replace("oo", "u").replace("iy", "i")
    else:
        t = "".join(c for c in t if c.isalnum())
    return t


def _tokens(text: str) -> list[str]:
    return [fold_token(m.group()) for m in _TOKEN.finditer(text)]


def alias_key(alias: str) -> str:
    """Matching key of an alias (or of any short text): its folded words concatenated."""
    return "".join(_tokens(alias))


# ----------------------------------------------------------------------------- loading
def _rows(name: str) -> Iterator[dict[str, str]]:
    text = resources.files("vigil.core").joinpath(f"data/{name}").read_text("utf-8")
    lines = [ln for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]
    yield from csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)


def _split(cell: str | None) -> tuple[str, ...]:
    return tuple(a.strip() for a in (cell or "").split(";") if a.strip())


def _uniq(items: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(i for i in items if i))


def _name_fa(aliases: tuple[str, ...]) -> str:
    """The «زندان ...» form when there is one, else the first Persian alias."""
    return next((a for a in aliases if a.startswith("زندان")), aliases[0] if aliases else "")


@lru_cache(maxsize=1)
def _data() -> dict[str, tuple]:
    provs = tuple(Province(r["name_en"], r["name_fa"], r["iso"], r["iso_old"], r["capital"],
                           _uniq((r["name_en"], r["name_fa"], *_split(r["aliases_en"]),
                                  *_split(r["aliases_fa"]))))
                  for r in _rows("provinces.tsv"))
    cits = tuple(City(r["name_en"], r["name_fa"], r["province"],
                      _uniq((r["name_en"], r["name_fa"], *_split(r["aliases_en"]),
                             *_split(r["aliases_fa"]))))
                 for r in _rows("cities.tsv"))
    pris = tuple(Prison(r["canonical_en"], _name_fa(_split(r["aliases_fa"])),
                        r["city"], r["province"], _split(r["wards"]),
                        _uniq((r["canonical_en"], *_split(r["aliases_en"]),
                               *_split(r["aliases_fa"]))),
                        r["city_default"].strip() == "y")
                 for r in _rows("prisons.tsv"))
    out: dict[str, tuple] = {"province": provs, "city": cits, "prison": pris}
    for kind, fname, code in (("charge", "charges.tsv", "code"),
                              ("ethnicity", "ethnicities.tsv", "code"),
                              ("nationality", "nationalities.tsv", "iso2"),
                              ("religion", "religions.tsv", "code")):
        label = "label_en" if kind != "nationality" else "name_en"
        out[kind] = tuple(Term(kind, r[code], r[label],
                               _uniq((*_split(r["aliases_en"]), *_split(r["aliases_fa"]))))
                          for r in _rows(fname))
    return out


def prisons() -> Iterator[Prison]:
    """All packaged prisons."""
    return iter(_data()["prison"])


def provinces() -> Iterator[Province]:
    """Iran's 31 provinces."""
    return iter(_data()["province"])


def cities() -> Iterator[City]:
    """Packaged cities and county seats."""
    return iter(_data()["city"])


def charges() -> Iterator[Term]:
    """The charge vocabulary (codes of the exchange format)."""
    return iter(_data()["charge"])


def ethnicities() -> Iterator[Term]:
    return iter(_data()["ethnicity"])


def nationalities() -> Iterator[Term]:
    return iter(_data()["nationality"])


def religions() -> Iterator[Term]:
    return iter(_data()["religion"])


# ----------------------------------------------------------------------------- aliases
_EN_PRISON = ("{c} prison", "{c} prisons", "{c} central prison", "{c} central jail",
              "{c} jail", "{c} main prison", "central prison of {c}", "central {c} prison",
              "{c}'s central prison", "{c}'s prison", "prison of {c}", "main prison of {c}",
              "{c} penitentiary")
_FA_PRISON = ("زندان {c}", "زندان مرکزی {c}", "زندان مرکزی شهر {c}", "زندان شهر {c}",
              "ندامتگاه {c}", "ندامتگاه مرکزی {c}", "زندانهای {c}", "زندان‌های {c}")
_EN_CITY = ("city of {c}", "{c} city", "{c} county", "county of {c}")
_FA_CITY = ("شهر {c}", "شهرستان {c}")
_EN_PROVINCE = ("{c} province", "province of {c}", "{c} provinces")
_FA_PROVINCE = ("استان {c}",)
_EZAFE = {"e", "ye", "i"}
# Place names that are also common words or given names («مرکزی» central, «شهریار» and
# «مهران» are men's names, Qods Force, «بافت» context, «سرباز» soldier, Fars News Agency):
# they match only inside a template ("city of X", «شهرستان X», «زندان X», "X province").
_NOT_ALONE = frozenset({
    "qods", "قدس", "shahriar", "shahriyar", "شهریار", "mehran", "مهران", "pardis", "پردیس",
    "sarbaz", "سرباز", "baft", "بافت", "germi", "گرمی", "eyvan", "ایوان", "kish", "کیش",
    "ferdows", "فردوس", "sarab", "سراب", "ray", "ری", "gonbad", "lengeh", "مرکزی", "markazi",
    "fars", "فارس", "golestan", "گلستان", "central province", "nurabad", "نورآباد",
    "delfan", "rudan", "رودان"})


def _is_fa(s: str) -> bool:
    return not s.isascii()


def _templated(aliases: Iterable[str], en: tuple, fa: tuple) -> list[str]:
    out = []
    for a in aliases:
        out.extend(t.format(c=a) for t in (fa if _is_fa(a) else en))
    return out


def _ezafe_variants(alias: str) -> list[str]:
    """'Torbat-e Jam' also as 'Torbat Jam'."""
    if _is_fa(alias):
        return [alias]
    words = re.split(r"[\s\-]+", alias)
    bare = [w for i, w in enumerate(words) if i == 0 or w.lower() not in _EZAFE]
    return [alias, " ".join(bare)] if len(bare) < len(words) else [alias]


class _Index:
    """Alias key -> candidates, plus the set of key prefixes for the scanner."""

    def __init__(self) -> None:
        self.by_key: dict[str, list[tuple[str, Entry, str, str]]] = {}
        self.prefixes: set[str] = set()
        self.fuzzy: dict[str, list[tuple[str, Entry, str]]] = {}

    def add(self, kind: str, entry: Entry, alias: str) -> None:
        for variant in _ezafe_variants(alias):
            toks = _tokens(variant)
            key = "".join(toks)
            if not key:
                continue
            cands = self.by_key.setdefault(key, [])
            if any(k == kind and e is entry and a == alias for k, e, a, _ in cands):
                continue
            # the same entry may recur with other aliases; keep the alias's written form
            cands.append((kind, entry, alias, _flat(alias)))
            acc = ""
            for t in toks:  # word-aligned prefixes, and any prefix of 4+ characters
                acc += t
                self.prefixes.add(acc)
            self.prefixes.update(key[:i] for i in range(4, len(key) + 1))


@lru_cache(maxsize=1)
def _index() -> _Index:
    """All aliases of all entries, built once (order = priority among equal keys)."""
    data = _data()
    idx = _Index()
    city_keys = {alias_key(a) for c in data["city"] for a in c.aliases}
    _index_prisons(idx, data, city_keys)
    for c in data["city"]:
        alone = [a for a in c.aliases if a.casefold() not in _NOT_ALONE]
        for a in (*alone, *_templated(c.aliases, _EN_CITY, _FA_CITY)):
            idx.add("city", c, a)
    for pr in data["province"]:
        names = (pr.name, pr.name_fa)
        for a in pr.aliases:
            if a in names and alias_key(a) in city_keys or a.casefold() in _NOT_ALONE:
                continue  # a bare name shared with a city names the city
            idx.add("province", pr, a)
        for a in _templated(names, _EN_PROVINCE, _FA_PROVINCE):
            idx.add("province", pr, a)
    for kind in ("charge", "ethnicity", "nationality", "religion"):
        for t in data[kind]:
            for a in t.aliases:
                idx.add(kind, t, a)
    return idx


def _index_prisons(idx: _Index, data: dict, city_keys: set[str]) -> None:
    """Prison aliases ("Evin", "Evin prison", «زندان اوین»), except bare city names, and
    the city templates ("Mashhad prison", «زندان مرکزی مشهد») of each city's main prison."""
    for p in data["prison"]:
        for a in p.aliases:
            if alias_key(a) not in city_keys:
                idx.add("prison", p, a)
                if not re.search(r"(?i)prison|jail|زندان|ندامتگاه|بازداشتگاه|detention", a):
                    idx.add("prison", p, f"{a} prison" if a.isascii() else f"زندان {a}")
    for p in data["prison"]:
        if p.city_default:
            city = next((c for c in data["city"] if c.name == p.city), None)
            for a in _templated(city.aliases if city else (p.city,), _EN_PRISON, _FA_PRISON):
                idx.add("prison", p, a)


# ----------------------------------------------------------------------------- scanning
def scan(text: str, kinds: set[str] | frozenset[str] | None = None) -> list[Match]:
    """Every non-overlapping gazetteer mention in ``text``, left to right.

    At each word the longest alias wins; ``kinds`` restricts the entry kinds
    (``prison``, ``city``, ``province``, ``charge``, ``ethnicity``, ``nationality``,
    ``religion``).  Spans are offsets in ``text`` itself.  Inside a list of prisons
    ("Participating prisons: Evin, Khorramabad, Tabriz", "Bam and Isfahan prisons",
    «زندان‌های قزلحصار، اوین، مشهد») a bare city stands for its main prison.
    """
    if not text:
        return []
    wanted = KINDS if kinds is None else frozenset(kinds)
    if "prison" not in wanted:
        return _scan(text, wanted)
    found = _prison_lists(text, _scan(text, wanted | {"city"}))
    return found if "city" in wanted else [m for m in found if m.kind != "city"]


def _scan(text: str, wanted: frozenset[str]) -> list[Match]:
    idx = _index()
    chunks = _CHUNK.findall(text)  # each chunk: separators + one word
    keys = list(map(_CHUNK_KEYS.get, chunks))
    if None in keys:
        keys = [k if k is not None else _chunk_key(c) for k, c in zip(keys, chunks)]
    starts = list(compress(range(len(keys)), map(idx.prefixes.__contains__, keys)))
    if not starts:
        return []
    ends = list(accumulate(map(len, chunks)))
    out: list[Match] = []
    free = 0
    for i in starts:
        if i < free:
            continue
        best = _longest_at(keys, i, idx, wanted)
        if best is not None:
            j, (kind, entry, alias, _), key = best
            start = ends[i] - len(_WORD_TAIL.search(chunks[i]).group())
            alias = _closest_alias(idx.by_key[key], kind, entry, text[start:ends[j]]) or alias
            out.append(Match(kind, entry, alias, (start, ends[j])))
            free = j + 1
    return out


_LIST_GAP = re.compile(r"[\s\"“”«»']*(?:central\b\s*)?(?:\([^()]{0,80}\)\s*)?"
                       r"(?:[,،;؛&]|\band\b|\bو\b)?[\s\"“”«»']*(?:\band\b|\bو\b)?"
                       r"[\s\"“”«»']*(?:central\b|مرکزی)?\s*$", re.I)
_LIST_HEAD = re.compile(r"(?:prisons|jails|facilities)(?:\s+so\s+far)?\s*(?:[:：]|including|"
                        r"such\s+as|like)?[\s,\"“«']*$|زندان(?:\u200c|\s)?های[\s«]*$", re.I)
_PLURAL = re.compile(r"prisons|jails|زندان(?:\u200c|\s)?ها", re.I)


def _prison_lists(text: str, matches: list[Match]) -> list[Match]:
    """Turn the bare cities of a list of prisons into their main prisons."""
    out = list(matches)
    for group in _place_runs(text, out):
        items = [out[g] for g in group]
        listed = (any(_PLURAL.search(text[m.span[0]:m.span[1]]) for m in items)
                  or _LIST_HEAD.search(text[max(0, items[0].span[0] - 40):items[0].span[0]])
                  or (len(items) >= 3 and any(m.kind == "prison" for m in items)))
        if not listed:
            continue
        for g in group:
            m = out[g]
            prison = _main_prisons().get(m.entry.name) if m.kind == "city" else None
            if prison is not None:
                out[g] = Match("prison", prison, m.alias, m.span)
    return out


def _place_runs(text: str, matches: list[Match]) -> list[list[int]]:
    """Indices of runs of prison/city matches separated only by list punctuation."""
    runs, cur = [], []
    for i, m in enumerate(matches):
        if m.kind not in ("prison", "city"):
            continue
        if cur and _LIST_GAP.match(text, matches[cur[-1]].span[1], m.span[0]) is None:
            runs.append(cur)
            cur = []
        cur.append(i)
    runs.append(cur)
    return [r for r in runs if len(r) >= 2 or (r and _PLURAL.search(
        text[matches[r[0]].span[0]:matches[r[0]].span[1]]))]


_CHUNK = re.compile(r"\W*\w+")
_WORD_TAIL = re.compile(r"\w+$")
_CHUNK_KEYS: dict[str, str] = {}


def _chunk_key(chunk: str) -> str:
    key = fold_token(_WORD_TAIL.search(chunk).group().replace("_", ""))
    if len(_CHUNK_KEYS) < 200_000:
        _CHUNK_KEYS[chunk] = key
    return key


def _longest_at(keys: list[str], i: int, idx: _Index, wanted) -> tuple[int, tuple, str] | None:
    prefixes, by_key = idx.prefixes, idx.by_key
    acc, best = "", None
    for j in range(i, min(i + 12, len(keys))):
        acc += keys[j]
        if acc not in prefixes:
            break
        for cand in by_key.get(acc, ()):
            if cand[0] in wanted:
                best = (j, cand, acc)
                break
    return best


def _closest_alias(cands, kind: str, entry: Entry, surface: str) -> str | None:
    """Among the aliases of one entry sharing a key, the one written like ``surface``."""
    flat = _flat(surface)
    for k, e, a, f in cands:
        if f == flat and k == kind and e is entry:
            return a
    return None


def _flat(s: str) -> str:
    return " ".join(s.casefold().split())


# ----------------------------------------------------------------------------- lookups
def _best(text: str, kinds: frozenset[str]) -> Match | None:
    """The match covering most of ``text`` (ties: earliest, then kind order)."""
    order = ("prison", "city", "province", "charge", "ethnicity", "nationality", "religion")
    matches = scan(text, kinds)
    if not matches:
        return _fuzzy(text, kinds)
    return max(matches, key=lambda m: (m.span[1] - m.span[0], -m.span[0],
                                       -order.index(m.kind)))


def _fuzzy(text: str, kinds: frozenset[str]) -> Match | None:
    """Fallback for a short text: compare cross-script name keys of the whole text."""
    if len(_TOKEN.findall(text)) > 6:
        return None
    try:
        from vigil.core.names import name_key
    except Exception:  # noqa: BLE001
        return None
    key = name_key(text)
    if len(key) < 4:
        return None
    for kind, entry, alias in _fuzzy_index(name_key).get(key, ()):
        if kind in kinds:
            m = re.search(r"\S(?:.*\S)?", text)
            return Match(kind, entry, alias, (m.start(), m.end()))
    return None


@lru_cache(maxsize=1)
def _fuzzy_index(name_key) -> dict[str, list[tuple[str, Entry, str]]]:
    out: dict[str, list] = {}
    data = _data()
    for kind in ("prison", "city", "province"):
        for e in data[kind]:
            for a in e.aliases:
                k = name_key(a)
                if len(k) >= 4:
                    out.setdefault(k, []).append((kind, e, a))
    return out


def prison_for_city(city: str) -> Prison | None:
    """The main prison of a city given by any alias ('Mashhad', «مشهد», 'Isfahan')."""
    main = _main_prisons()
    if city in main:
        return main[city]
    m = find_city(city)
    return main.get(m.entry.name) if m is not None else None


@lru_cache(maxsize=1)
def _main_prisons() -> dict[str, Prison]:
    return {p.city: p for p in _data()["prison"] if p.city_default}


def find_prison(text: str) -> Match | None:
    """The prison named in ``text`` ('Qezelhesar', «قزلحصار», 'central prison of Isfahan').

    A text that is only a city name ('Khoy', «مشهد») gives that city's main prison, with
    the city alias; a city inside a longer text does not.
    """
    m = _best(text, frozenset({"prison"}))
    if m is not None:
        return m
    c = find_city(text)
    rest = text[:c.span[0]] + text[c.span[1]:] if c is not None else ""
    if c is not None and not any(ch.isalpha() for ch in rest):  # the text is the city
        p = prison_for_city(c.entry.name)
        if p is not None:
            return Match("prison", p, c.alias, c.span)
    return None


def find_place(text: str) -> Match | None:
    """A prison, city (or county) or province named in ``text``; the widest mention wins."""
    return _best(text, _PLACE_KINDS)


def find_city(text: str) -> Match | None:
    return _best(text, frozenset({"city"}))


def find_province(text: str) -> Match | None:
    """The province named in ``text``; a city or prison gives the province it lies in."""
    m = _best(text, _PLACE_KINDS)
    if m is None or m.kind == "province":
        return m
    prov = next((p for p in _data()["province"] if p.name == m.entry.province), None)
    return Match("province", prov, m.alias, m.span) if prov else None


def find_charge(text: str) -> Match | None:
    return _best(text, frozenset({"charge"}))


def find_ethnicity(text: str) -> Match | None:
    return _best(text, frozenset({"ethnicity"}))


def find_nationality(text: str) -> Match | None:
    return _best(text, frozenset({"nationality"}))


def find_religion(text: str) -> Match | None:
    return _best(text, frozenset({"religion"}))


# ----------------------------------------------------------------------------- wards
_WARD_WORDS = {"ward": "Ward", "wards": "Ward", "section": "Ward", "sections": "Ward",
               "block": "Ward", "unit": "Unit", "units": "Unit", "hall": "Hall",
               "halls": "Hall", "بند": "Ward", "بندهای": "Ward", "واحد": "Unit",
               "واحدهای": "Unit", "سالن": "Hall", "سالنهای": "Hall", "اندرزگاه": "Ward"}
_FA_NUMBERS = {"یک": "1", "دو": "2", "سه": "3", "چهار": "4", "پنج": "5", "شش": "6",
               "هفت": "7", "هشت": "8", "نه": "9", "ده": "10"}
_NUM = r"(?:\d{1,3}(?:-?[A-Za-z])?\b|یک|دو|سه|چهار|پنج|شش|هفت|هشت|نه|ده)"
_WARD_RE = re.compile(
    r"(?i)\b(wards?|sections?|block|units?|halls?)\s+(" + _NUM + r"(?:\s*(?:,|and|&)\s*"
    + _NUM + r")*)"
    r"|(بندهای|بند|واحدهای|واحد|سالن\u200c?های|سالن|اندرزگاه)\s+(" + _NUM
    + r"(?:\s*(?:،|,|و)\s*" + _NUM + r")*)")
_DIGITS = str.maketrans("۰۱۲۳۴۵۶۷۸۹٠١٢٣٤٥٦٧٨٩", "01234567890123456789")


def find_wards(text: str) -> list[Match]:
    """Ward, unit and hall numbers: 'Wards 240, 350 and 209', «واحد ۲», «سالن‌های ۱۴، ۱۵».

    One ``Match(kind="ward")`` per number; ``entry.name`` is 'Ward 209', 'Unit 2' or
    'Hall 14' and the span covers the number (the first also its keyword).
    """
    work = (text or "").translate(_DIGITS)  # same length as text
    out = []
    for m in _WARD_RE.finditer(work):
        word = (m.group(1) or m.group(3)).casefold().replace("\u200c", "")
        kind = _WARD_WORDS.get(word, "Ward")
        body, base = (m.group(2), m.start(2)) if m.group(1) else (m.group(4), m.start(4))
        for i, n in enumerate(re.finditer(_NUM, body)):
            num = _FA_NUMBERS.get(n.group(), n.group()).upper()
            start = m.start() if i == 0 else base + n.start()
            label = f"{kind} {num}"
            out.append(Match("ward", Term("ward", label, label), text[start:base + n.end()],
                             (start, base + n.end())))
    return out
