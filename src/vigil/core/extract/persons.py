"""Named-person detection in English and Persian sentences.

A name is a run of capitalised words (English) or words after a given name / a naming cue
(Persian) that starts with a known given name or stands in an explicit list of names
("identified as A, B and C", «به نام‌های ...»).  Patronymics ("son of X", «فرزند X»,
«نام پدر X»), officials named with their role (judges, directors, spokesmen, ...) and
victims ("the murder of X") are dropped: they are never cases.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from functools import lru_cache

from vigil.core.extract.lexicon import given_names
from vigil.core.gazetteer import scan as _scan
from vigil.core.names import latin_key

_PLACE_KINDS = frozenset({"prison", "city", "province"})


@dataclass(frozen=True)
class NameMention:
    """A person's name as written, with offsets into the document."""
    name: str
    start: int
    end: int


_EN_TOKEN = r"(?:(?:al|el|Al|El)-)?[A-Z][a-zA-Z'’]*(?:-[A-Za-z][a-zA-Z'’]*)*"
_EN_RUN = re.compile(rf"{_EN_TOKEN}(?:[ \t]+(?:{_EN_TOKEN}|shah(?=[ \t]+[A-Z])))*")
_STOP_EN = frozenset("""
the a an on in at of and or but according amid after before since between during under
iran iranian iranians islamic republic human rights prison prisons central court supreme
revolutionary amnesty international hengaw organization organisation organisations news agency
kurdish kurdistan baloch baluch balochistan afghan afghanistan sunni muslim muslims kurd kurds
turkish arab persian january february march april may june july august september october
november december monday tuesday wednesday thursday friday saturday sunday jan feb mar apr
jun jul aug sep sept oct nov dec judge judiciary branch ward wards unit units section hall
north south east west eastern western northern southern middle province city town village
urgent action appeal ua hrana ihr ihrngo khrn hra iranwire mizan irna isna fars tasnim
he she they his her their it its this that these those we our there here who whom
women woman men man life freedom mr mrs ms dr sir his-excellency h.e al el
council parliament ministry intelligence guard guards basij irgc police security forces
group groups statistics report reports department center centre network association
society campaign campaigns tuesdays no execution executions death penalty day world
un united nations eu european union committee office prosecutor prosecutor's general
state television tv media press khaneh e isfahan karaj tehran mashhad shiraz urmia evin
also however meanwhile although because while following including include including
""".split())
_ROLE_BEFORE = re.compile(
    r"(?:director|judge|spokes(?:man|woman|person)|commander|chief|head|president|minister|"
    r"lawyer|attorney|ambassador|prosecutor|imam|cleric|teacher|deputy|official|"
    r"h\.e\.|researcher|advocate|journalist|reporter|analyst|founder|leader|chairman|"
    r"secretary|mp|son of|daughter of|father|mother|wife of|husband of|murder of|killing of|"
    r"(?:his|her|their|['’]s)\s+(?:sister|wife|widow|husband|fianc[ée]e?|aunt|uncle)|"
    r"ayatollah|sheikh of|election of|told|late|head of (?:the )?\w+)[\s,:'’s]*(?:[\w'’-]+\s+){0,1}$", re.I)
_ROLE_AFTER = re.compile(
    r"^(?:,|\s*\()\s*(?:[\w'’-]+\s+){0,7}?(?:director|judge|spokes\w+|commander|chief|head|"
    r"president|minister|researcher|lawyer|ambassador|prosecutor|imam|teacher|official|"
    r"founder|leader|chairman|secretary|killed|victim|was killed|expert)\b", re.I)
# victims: "convicted of killing (a man named) X", "the murder of X", "X, whom he had killed"
_VICTIM_BEFORE = re.compile(
    r"\b(?:kill(?:ing|ed)?|murder(?:ing|ed)?|stabb(?:ing|ed)|shoot(?:ing)?|shot|strangl(?:ing|ed)|"
    r"assassinat(?:ing|ed|ion\s+of)|death\s+of|murder\s+of|killing\s+of|victims?(?:\s+was)?)\s+"
    r"(?:(?:a|an|the|his|her|their|young|fellow|man|woman|boy|girl|person|citizen|prisoner|"
    r"police(?:man)?|officer|guard|named|called|identified\s+as|,)\s+){0,4}$", re.I)
_VICTIM_AFTER = re.compile(r"^(?:,\s*)?(?:\s*\d{1,2}\s*,)?\s*(?:who|whom)\s+(?:he|she|they)\s+(?:had\s+)?"
                           r"(?:allegedly\s+)?(?:killed|murdered|shot|stabbed)", re.I)
_SPEAKER_AFTER = re.compile(r"^,?\s+(?:has\s+|had\s+)?(?:said|says|told|called|stated|added|noted|wrote|urged|condemned|warned)\b", re.I)
_LIST_CUE_EN = re.compile(
    r"(?:identified(?:\s+\w+)?\s+as|named(?:\s+(?:him|her|them))?(?:\s+as)?|names?\s+(?:are|were|is|as)|including|"
    r"namely|(?:execution|death\s+sentences?|qisas\s+sentences?)\s+(?:issued\s+)?(?:of|for|against)(?:\s+(?:\w+\s+){0,3}?"
    r"(?:prisoner|activist|man|woman|protester|dissident|citizen))?|:|—|–)\s*$", re.I)


def _tokens(run: str, offset: int) -> list[tuple[str, int, int]]:
    return [(m.group(), offset + m.start(), offset + m.end())
            for m in re.finditer(r"\S+", run)]


def _is_stop(tok: str) -> bool:
    low = tok.lower().strip("'’")
    return low in _STOP_EN or low.endswith(("'s", "’s")) or low in ("al", "el")


_NAME_INNER = frozenset({"baloch", "baluch", "kurd", "arab", "khan"})


def _split_run(tokens):
    """Split a capitalised run at non-name words; yields lists of tokens.  A possessive
    ends a name ("Reza Karimi's lawyer" -> "Reza Karimi")."""
    part = []
    for i, tok in enumerate(tokens):
        low = tok[0].lower()
        if low.endswith(("'s", "’s")) and len(tok[0]) > 3 and low[:-2] not in _STOP_EN:
            part.append((tok[0][:-2], tok[1], tok[2] - 2))
            yield part
            part = []
            continue
        inner = (tok[0].lower() in _NAME_INNER and part and i + 1 < len(tokens)
                 and not _is_stop(tokens[i + 1][0]))
        if _is_stop(tok[0]) and not inner:
            if part:
                yield part
            part = []
        else:
            part.append(tok)
    if part:
        yield part


def _given(tok: str) -> bool:
    low = tok.lower()
    for prefix in ("al-", "el-"):
        low = low.removeprefix(prefix)
    return (low in given_names("en") or low.split("-")[0] in given_names("en")
            or _variant_of_given(low))


@lru_cache(maxsize=1)
def _given_keys() -> frozenset[str]:
    return frozenset(k for k in map(latin_key, given_names("en")) if len(k) >= 3)


@lru_cache(maxsize=8192)
def _variant_of_given(low: str) -> bool:
    """Another Latin spelling of a known given name ('Hameed', 'Yosef', 'Mehhdi'), by the
    transliteration key of vigil.core.names; not a place ('Ghezel' ~ 'Ghazal')."""
    if len(low) < 4 or low in _STOP_EN or latin_key(low) not in _given_keys():
        return False
    return not _scan(low.capitalize(), _PLACE_KINDS)


def _excluded(text: str, start: int, end: int, sent_start: int) -> bool:
    before = text[max(sent_start, start - 60):start]
    after = text[end:end + 80]
    role_after = _ROLE_AFTER.search(after)
    if role_after and re.search(r"\b(?:his|her|their)\b", role_after.group(), re.I):
        role_after = None  # 'X, his lawyer said': the lawyer speaks, X is not an official
    return bool(_ROLE_BEFORE.search(before) or role_after or _SPEAKER_AFTER.match(after)
                or _VICTIM_BEFORE.search(before) or _VICTIM_AFTER.match(after))


def english_names(text: str, start: int, end: int) -> list[NameMention]:
    """Person names in ``text[start:end]`` (one English sentence)."""
    candidates = []
    for m in _EN_RUN.finditer(text, start, end):
        for part in _split_run(_tokens(m.group(), m.start())):
            first = next((i for i, t in enumerate(part) if _given(t[0])), 0)
            if 0 < first and len(part) - first >= 2:
                part = part[first:]  # 'Wrestler Navid Afkari', 'Activist Reza X'
            part = part[:4]
            s, e = part[0][1], part[-1][2]
            candidates.append((s, e, len(part), _given(part[0][0])))
    accepted = [c for c in candidates if c[3] and c[2] >= 2]
    accepted += _list_members(text, candidates, accepted, start)
    out = []
    for s, e, _, _ in sorted(set(accepted)):
        if not _excluded(text, s, e, start):
            out.append(NameMention(text[s:e], s, e))
    return _shared_surname_en(text, candidates, out)


def _shared_surname_en(text, candidates, names):
    """'Ali and Reza Mohammadi': a lone given name before 'and' + a full name takes its surname."""
    extra = []
    for s, e, n, given in candidates:
        if n != 1 or not given or any(nm.start <= s < nm.end for nm in names):
            continue
        nxt = next((nm for nm in names if nm.start > e and re.fullmatch(r"\s+and\s+", text[e:nm.start])), None)
        if nxt and len(nxt.name.split()) >= 2:
            extra.append(NameMention(text[s:e] + " " + nxt.name.split()[-1], s, e))
    return sorted(names + extra, key=lambda n: n.start)


def _list_members(text, candidates, accepted, sent_start):
    """Candidates joined to accepted names by ', ' / 'and', or after a list cue."""
    extra = []
    acc = {(c[0], c[1]) for c in accepted}
    ends, starts = sorted(a[1] for a in accepted), sorted(a[0] for a in accepted)
    for c in candidates:
        if (c[0], c[1]) in acc:
            continue
        gap_before = text[max(sent_start, c[0] - 6):c[0]]
        gap_after = text[c[1]:c[1] + 6]
        joined = any(_JOIN_BEFORE.fullmatch(text, a, c[0]) for a in _near_ends(text, ends, c[0])) or (
            c[2] >= 2 and any(_JOIN_AFTER.fullmatch(text, c[1], a) for a in _near_starts(text, starts, c[1])))
        cued = bool(_LIST_CUE_EN.search(text[max(sent_start, c[0] - 60):c[0]])) and c[2] >= 2
        if (joined and (gap_before or gap_after)) or cued:
            extra.append(c)
    return extra


_JOIN_BEFORE, _JOIN_AFTER = re.compile(r",?\s*(?:and\s+)?|\s*,\s*"), re.compile(r",?\s*(?:and\s+)?")
_JOIN_CHARS = re.compile(r"[\s,and]*")


def _near_ends(text: str, ends: list[int], pos: int) -> list[int]:
    """Accepted-name ends close enough before ``pos`` that only joining characters
    (commas, spaces, 'and') stand between: the only ones a join pattern can match."""
    lo = pos
    while lo > 0 and _JOIN_CHARS.fullmatch(text[lo - 1]):
        lo -= 1
    return ends[bisect_left(ends, lo):bisect_right(ends, pos)]


def _near_starts(text: str, starts: list[int], pos: int) -> list[int]:
    """Accepted-name starts after ``pos`` with only joining characters in between."""
    hi = _JOIN_CHARS.match(text, pos).end()
    return starts[bisect_left(starts, pos):bisect_right(starts, hi)]


# ---------------------------------------------------------------- Persian

_FA_LETTERS = "\u0620-\u065F\u066E-\u06D3\u06FA-\u06FF\u200c"
_FA_WORD = re.compile(rf"[{_FA_LETTERS}]+(?:-\s?[{_FA_LETTERS}]+)?")
_STOP_FA = frozenset("""
و که در به از را با برای این آن است شد شده شدند بود بودند هم نیز تا یا اما ای یک دو سه
چهار پنج شش هفت هشت نه ده زندان زندانی زندانیان اعدام حکم روز سال ماه هفته نام نامهای
پس پیش بر بنا طبق گزارش سازمان حقوق بشر ایران کرد کردند شهر استان مرکزی اتهام قتل
مواد مخدر محکوم متهم دادگاه انقلاب دیوان عالی کشور سحرگاه بامداد صبح امروز دیروز تاکنون
تا کنون هستند بودند است
""".split())
# «قاضی X» is a title (X is the judge), but «وکیل X», «همسر X» is X's lawyer / wife: X is the
# prisoner, and the relative is «وکیل او، Y», «همسر وی Y».
_FA_ROLE_BEFORE = re.compile(r"(?:دادستان|قاضی|رئیس|رییس|سخنگوی|مدیر|فرزند|نام\s+پدر|مقتول|امام|به\s+ریاست|"
                             r"به\s+قضاوت|به\s+گفته|به\s+نقل\s+از|"
                             r"(?:وکیل|وکلای|پدر|مادر|همسر|برادر|خواهر|خانواده|دختر|پسر)\s+(?:او|وی|ایشان|آنان)|"
                             r"بازپرس|(?<![\u0620-\u064A\u066E-\u06D3\u200c])قتل|کشتن|به\s+قتل\s+رساندن|"
                             r"(?:مقتول|قربانی)(?:ی)?\s+(?:به\s+نام|موسوم\s+به)|"
                             r"(?:قتل|کشتن)\s+(?:یک\s+)?(?:مرد|زن|جوان|فرد|شخص)(?:ی)?\s+(?:به\s+نام|موسوم\s+به))\s*[،:]?\s*$")
# the name is the object of a killing or the subject of speech: «X را به قتل رساند», «X گفت»
_FA_FORGIVEN_AFTER = re.compile(r"\s*را\s+(?:بخشید|عفو\s+کرد)")
_FA_AFTER = re.compile(r"\s*(?:\(\s*[^()]{0,30}\)\s*)?(?:،\s*)?(?:را\s+(?:به\s+قتل|کشت|با\s+\S+\s+به\s+قتل)|"
                       r"(?:گفت|گفته\s+است|اظهار\s+داشت|تصریح\s+کرد|افزود)(?![\u0620-\u064A\u066E-\u06D3\u200c]))")
_FA_NAME_CUE = re.compile(r"(?:به\s+نام(?:‌|\s)?(?:های|ها)?|نام\s+(?:آنان|آنها|او|وی|این\s+\S+)|با\s+نام)\s*[:،]?\s*$")


_MONTH_NAMES = frozenset({"بهمن", "مهر", "آذر", "خرداد"})
_MONTH_CONTEXT = frozenset({"ابتدای", "اول", "از", "تا", "در", "ماه", "اواخر", "اواسط", "اوایل"})


def _fa_words(text: str, start: int, end: int):
    return [(m.group(), m.start(), m.end()) for m in _FA_WORD.finditer(text, start, end)]


def persian_names(text: str, start: int, end: int) -> list[NameMention]:
    """Person names in ``text[start:end]`` (one Persian sentence)."""
    found: dict[tuple[int, int], NameMention] = {}
    for nm in (_fa_quoted(text, start, end) + _fa_cued(text, start, end) + _fa_given(text, start, end)
               + _fa_sentence_of(text, start, end)):
        if any(nm.start < o[1] and o[0] < nm.end for o in found):
            continue
        if _FA_FORGIVEN_AFTER.match(text, nm.end, min(len(text), nm.end + 30)):
            pass  # «خانواده مقتول، X را بخشیدند»: the forgiven prisoner, not the victim
        elif _FA_ROLE_BEFORE.search(text[max(start, nm.start - 25):nm.start]) or _FA_AFTER.match(
                text, nm.end, min(len(text), nm.end + 60)) or _fa_place(text, nm, start):
            continue
        found[(nm.start, nm.end)] = nm
    return sorted(found.values(), key=lambda n: n.start)


def _fa_place(text: str, nm: NameMention, start: int) -> bool:
    """«زندان عادل آباد», «شهر X»: a place, not a person (after a place word, or a gazetteer name)."""
    if re.search(r"(?:زندان|شهر|شهرستان|استان|روستای|بند)\s*$", text[max(start, nm.start - 10):nm.start]):
        return True
    return _is_place_name(nm.name)


@lru_cache(maxsize=8192)
def _is_place_name(name: str) -> bool:
    return any(m.span == (0, len(name)) for m in _scan(name, _PLACE_KINDS))


def _fa_items(text: str, s: int, e: int) -> list[NameMention]:
    """Split a list «A، B و C» into names."""
    out = []
    for m in re.finditer(r"[^،,]+", text[s:e]):
        chunk_s = s + m.start()
        parts = re.split(r"\s+و\s+", m.group())
        pos = chunk_s
        for part in parts:
            idx = text.find(part, pos, e)
            name = part.strip().strip("«»\"")
            if name and len(name.split()) <= 4:
                ns = text.find(name, idx, e)
                out.append(NameMention(name, ns, ns + len(name)))
            pos = idx + len(part)
    return _share_surnames(out)


def _share_surnames(names: list[NameMention]) -> list[NameMention]:
    """«حبیب و عباس دریس»: a lone given name before a full name takes its surname."""
    out = []
    for i, nm in enumerate(names):
        nxt = names[i + 1] if i + 1 < len(names) else None
        if (len(nm.name.split()) == 1 and nm.name in given_names("fa") and nxt
                and len(nxt.name.split()) >= 2):
            out.append(NameMention(nm.name + " " + nxt.name.split()[-1], nm.start, nm.end))
        else:
            out.append(nm)
    return out


def _fa_quoted(text: str, start: int, end: int) -> list[NameMention]:
    out = []
    last_end = None
    for m in re.finditer(r"«([^»]{2,80})»", text[start:end]):
        s, e = start + m.start(1), start + m.end(1)
        before = text[max(start, s - 25):s - 1]
        after = text[e + 1:e + 12]
        chained = last_end is not None and re.fullmatch(r"[\s،,و]*", text[last_end:s - 1])
        if _FA_NAME_CUE.search(before) or re.match(r"\s*متولد", after) or chained:
            out.extend(_fa_items(text, s, e))
            last_end = e + 1
    return out


def _fa_cued(text: str, start: int, end: int) -> list[NameMention]:
    """Unquoted names after «به نام» / «به نام‌های»."""
    out = []
    for m in re.finditer(r"به\s+نام(?:‌|\s)?(?:های|ها)?\s+(?!«)", text[start:end]):
        s = start + m.end()
        words = []
        for w in _fa_words(text, s, min(end, s + 120)):
            if w[0] in _STOP_FA - {"و"} or w[0] == "به" or w[0].startswith("اعدام"):
                break
            if words and text[words[-1][2]:w[1]].strip() not in ("", "،", ","):
                break
            words.append(w)
        while words and words[-1][0] == "و":
            words.pop()
        if words:
            out.extend(_fa_items(text, words[0][1], words[-1][2]))
    return [n for n in out if len(n.name.split()) >= 2 or n.name in given_names("fa")]


_FA_SENTENCE_OF = re.compile(r"حکم\s+(?:اعدام|قصاص)(?:\s+نفس)?\s+(?!«)")
_FA_NOT_NAME = frozenset("زندانیان زندانی سیاسی کرد بلوچ عرب ترک شهروند شهروندان متهم متهمان جوان مرد زن "
                         "او وی آنان آنها ایشان صادر صادره قطعی".split())


def _fa_sentence_of(text: str, start: int, end: int) -> list[NameMention]:
    """«حکم اعدام X Y، ...», «اجرای حکم قصاص X Y، ...»: two or three words between the
    sentence and a comma are the prisoner's name, even with a given name no list knows."""
    out = []
    for m in _FA_SENTENCE_OF.finditer(text, start, end):
        words = _fa_words(text, m.end(), min(end, m.end() + 60))
        for n in (2, 3):
            if len(words) < n or any(w[0] in _STOP_FA or w[0] in _FA_NOT_NAME for w in words[:n]):
                break
            if not all(_adjacent(text, a, b) for a, b in zip(words, words[1:n])):
                break
            if re.match(r"\s*[،,(]", text[words[n - 1][2]:words[n - 1][2] + 3]):
                out.append(NameMention(text[words[0][1]:words[n - 1][2]], words[0][1], words[n - 1][2]))
                break
    return out


def _fa_given(text: str, start: int, end: int) -> list[NameMention]:
    """Given name + surname: a known given name followed by one or two more words."""
    words = _fa_words(text, start, end)
    out = []
    i = 0
    while i < len(words):
        w = words[i][0]
        if (w in given_names("fa") and i + 3 < len(words) and words[i + 1][0] == "و"
                and words[i + 2][0] in given_names("fa") and words[i + 3][0] not in _STOP_FA):
            surname = words[i + 3][0]
            out.append(NameMention(w + " " + surname, words[i][1], words[i][2]))
            i += 2
            continue
        if w in _MONTH_NAMES and i > 0 and (words[i - 1][0] in _MONTH_CONTEXT
                                             or text[words[i - 1][2]:words[i][1]].strip().isdigit()):
            i += 1
            continue
        if w in given_names("fa"):
            j = i + 1
            while (j < len(words) and words[j][0] in given_names("fa") and j - i < 2
                   and _adjacent(text, words[j - 1], words[j])):
                j += 1
            if j < len(words) and words[j][0] not in _STOP_FA and _adjacent(text, words[j - 1], words[j]):
                out.append(NameMention(text[words[i][1]:words[j][2]], words[i][1], words[j][2]))
                i = j + 1
                continue
        i += 1
    return out


def _adjacent(text: str, a, b) -> bool:
    return text[a[2]:b[1]].strip() == ""
