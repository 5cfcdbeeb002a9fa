"""Cases: named people joined to the status events the report gives for them.

Per sentence the names are grouped into lists ("A, B and C") and each status trigger is
given to the nearest list (a list before the trigger is preferred: "A and B were hanged").
Sentences without names pass their triggers to the last list when they refer back to it
("They were ...", "the three ...", «این زندانی»), and lists introduced by "identified as"
take the events of the sentence before.  The same person written twice (or by surname
only) is one person, under the first spelling.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from itertools import accumulate
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from functools import lru_cache

from vigil.core.extract.persons import NameMention, english_names, persian_names
from vigil.core.extract.status import Trigger, find_triggers


@dataclass
class Event:
    """One status event of one person, with the sentence and trigger that gave it."""
    status: str
    trigger: Trigger
    sentence: int
    window: tuple[int, int] = (0, 0)


@dataclass
class Person:
    name: str
    mentions: list[NameMention] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    sentences: set[int] = field(default_factory=set)


_BACKREF_EN = re.compile(
    r"^\W*(?:two|three|four|five|six|seven|eight|nine|ten)\s+(?:[\w-]+\s+){0,2}?(?:defendants|prisoners|inmates|men|women|brothers)\b|"
    r"\b(?:he|she|they|them|him|both|his|her|their|the\s+(?:two|three|four|five|six|seven|eight|nine|ten|\d+)"
    r"(?:\s+\w+)?|the\s+(?:men|women|man|woman|prisoners?|inmates?|defendants?|brothers)|"
    r"these\s+\w+|all\s+(?:of\s+them|\w+)|(?:the|this|that)\s+(?:death\s+)?(?:sentences?|verdicts?|rulings?))\b", re.I)
_BACKREF_FA = re.compile(r"(?<![\u0620-\u064A\u066E-\u06D3\u200c])(?:او|وی|آنان|آنها|ایشان|این\s+(?:دو|سه|چهار|پنج|شش)?\s*"
                         r"(?:زندانی(?:ان)?|نفر|فرد|افراد|متهم(?:ان)?|تن|جوان|زن|مرد)|"
                         r"(?:این|آن)\s+(?:حکم|احکام|رای|رأی))(?![\u0620-\u064A\u066E-\u06D3\u200c])")
_INTRO_EN = re.compile(r"(?:identified(?:\s+\w+)?\s+as|named(?:\s+(?:them|him|her))?\s+as|were\s+named|"
                       r"identit(?:y|ies)\s+of\s+(?:\w+\s+){0,4}?(?:them|these|those|the\s+\w+)(?:\s+(?:are|were|as))?|"
                       r"^\W*among\s+(?:them|those\s+\w+)\s+(?:were|was|are|is))\s*:?\s*$", re.I)
_INTRO_FA = re.compile(r"(?:به\s+نام|نام\s+(?:آنان|آنها|این\s+\S+)|هویت\s+[^.]{0,40}|"
                       r"^\W*(?:این|آن)\s+(?:\S+\s+)?(?:زندانیان|زندانی|افراد|نفر|تن|متهمان)\s*[:،]?\s*)[^.]{0,20}$")
_THE_ONE_BEFORE = re.compile(r"\b(?:the|this)\s+(?:[\w-]+\s+)?(?:woman|man|prisoner|inmate|convict)\s*,\s*$|"
                             r"(?:این|آن)\s+(?:زن|مرد|زندانی|جوان)\s*،\s*$", re.I)
# "one of them, X", «یکی از این زندانیان، X»: a member of the group of an earlier sentence
_PARTITIVE = re.compile(r"(?:^|[.:]\s*)\W*(?:one|two|three|four|five|(?:at\s+least\s+)?\d+)\s+of\s+(?:them|these|those|"
                        r"the\s+(?:\w+\s+)?(?:prisoners|men|women|inmates|people|defendants))\s*(?:,|:|was|were|is|are)?\s*$|"
                        r"(?:یکی|دو\s+تن|سه\s+تن|\S+\s+نفر)\s+از\s+(?:این|آن)\s+(?:\S+\s+)?(?:زندانیان|افراد|متهمان|نفر|تن)"
                        r"\s*[،,:]?\s*$", re.I)
# "... were identified as" after the list: «A و B شناسایی شده‌اند», «هویت ... احراز شد»
_INTRO_AFTER_FA = re.compile(r"[^.؟!]{0,50}?(?:شناسایی\s+(?:شده|شد)|هویت\s+\S+\s+(?:احراز|اعلام)|معرفی\s+شده)")


_CAP_PAIR = re.compile(r"\b[A-Z][a-z'’-]+\s+[A-Z][a-z'’-]+(?:-[A-Z][a-z]+)?\b")


@lru_cache(maxsize=4096)
def _surname_rx(last: str) -> re.Pattern:
    return re.compile(rf"(?<![\w\u200c-]){re.escape(last)}(?![\w\u200c])")


@lru_cache(maxsize=65536)
def name_key(name: str) -> str:
    """Comparison key: lower case letters only."""
    return "".join(ch for ch in name.lower() if ch.isalpha())


@lru_cache(maxsize=65536)
def _ratio(a: str, b: str) -> float:
    """Similarity of two given names (cached: a report repeats the same few)."""
    return SequenceMatcher(None, a, b).ratio()


def same_person(a: str, b: str) -> bool:
    """Two spellings of one person in one report."""
    ka, kb = name_key(a), name_key(b)
    if not ka or not kb:
        return False
    if ka == kb:
        return True
    if ka[0] != kb[0] and ka[-2:] != kb[-2:]:
        return False
    if abs(len(ka) - len(kb)) > 0.35 * max(len(ka), len(kb)) and (
            len(a.split()) < 2 or len(b.split()) < 2):
        return False
    ta, tb = a.lower().split(), b.lower().split()
    if len(ta) >= 2 and len(tb) >= 2:
        if set(ta) <= set(tb) or set(tb) <= set(ta):
            return True
        if len(ta) != len(tb) or _ratio(ta[0], tb[0]) < 0.75:
            return False
    sm = SequenceMatcher(None, ka, kb)
    return sm.real_quick_ratio() >= 0.85 and sm.quick_ratio() >= 0.85 and sm.ratio() >= 0.85


_LIST_GAP = re.compile(
    r"[«»\"”“\s]*(?:(?:متولد|born(?: in)?)\s+\d{2,4}\s*)?(?:\s*\([^()]{0,40}\))?(?:\s+(?:in|from)\s+[^,;:.()]{1,40}?)?(?:\s*,\s*(?:an?\s+)?[\w -]{0,30}?\d{1,2}(?:[- ]year[- ]old)?[\w ]{0,10})?"
    r"\s*(?:,|،)?\s*(?:and|و)?[«»\"”“\s]*(?:(?:his|her)\s+(?:younger\s+|older\s+|elder\s+)?(?:brother|sister|son|cousin)\s+)?"
    r"|\s*(?:son of|daughter of|فرزند)\s+(?:\S+\s+){0,2}?\S+?\s*,?\s*(?:and\s+)?"
    r"|\s*[,،]?\s*(?:(?:son|daughter) of|فرزند)\s+[^\s,،]+(?:\s+[^\s,،]+)?\s*[,،]\s*"
    r"(?:(?:an?|the)\s+[A-Za-z -]{1,40}?\s*[,،]\s*)?(?:and\s+|و\s+)?"
    # an appositive between two names: "X, a Kurdish citizen, and Y"
    r"|\s*,\s*(?:an?|the)\s+[A-Za-z -]{1,40}?\s*,\s*(?:and\s+)?", re.I)
_COUNT_PHRASE = re.compile(r"\b(two|three|four|five|six|seven|eight|nine|ten|\d{1,2})\s+(?:[A-Za-z-]+\s+){0,2}"
                           r"(?:men|women|prisoners|inmates|people|defendants|detainees)\b", re.I)
_COUNT_NP = re.compile(r"\b(?:two|three|four|five|six|seven|eight|nine|ten|several|others?|many|dozens|"
                       r"(?<!age of )(?<!aged )(?<!at )\d+(?![\d-]*\s*-?\s*years?[- ]old))\b", re.I)  # an age is no head-count
_NUM_WORDS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
              "nine": 9, "ten": 10, "both": 2, "دو": 2, "سه": 3, "چهار": 4, "پنج": 5, "شش": 6}


_GAP_SEPARATOR = re.compile(r"[,،]|\band\b|(?<!\S)و(?!\S)")
_GAP_BREAK = re.compile(r"[.;:؛!?()]|\b(?:was|were|is|are|has|had|have|who|whom|which|while|but|after|before|"
                        r"when|in|at|on|to|by|for|with)\b|(?<!\S)(?:که|را|در|به|از|با|شد|شده|شدند|بود|است)(?!\S)",
                        re.I)


def _loose_gap(gap: str) -> bool:
    """Appositives between list members ('A, 45, daughter of Ali, an Afghan national, and B',
    «A، فرزند محمد، زندانی بلوچ، و B»): short, with a separator, without a verb or preposition."""
    return len(gap) <= 70 and bool(_GAP_SEPARATOR.search(gap)) and not _GAP_BREAK.search(gap)


def _lists(names: list[NameMention], text: str) -> list[list[NameMention]]:
    """Group names separated only by commas, 'and', «و», dashes or brackets."""
    out: list[list[NameMention]] = []
    for nm in names:
        gap = text[out[-1][-1].end:nm.start] if out else None
        if gap is not None and (_LIST_GAP.fullmatch(gap) or _loose_gap(gap)):
            out[-1].append(nm)
        else:
            out.append([nm])
    return out


def _assign(triggers: list[Trigger], lists: list[list[NameMention]],
            text: str) -> dict[int, list[Trigger]]:
    """Lists each trigger belongs to: lists it spans, lists after its colon, else the
    nearest (a list before the trigger is preferred; a count phrase in between blocks).
    Near-linear: positions are looked up by bisection instead of scanning every gap."""
    got: dict[int, list[Trigger]] = {}
    starts = [lst[0].start for lst in lists]
    by_end = sorted(range(len(lists)), key=lambda i: (-lists[i][-1].end, i))
    neg_ends = [-lists[i][-1].end for i in by_end]
    marks = _marks(triggers, lists, text)
    reach = list(accumulate((lst[-1].end for lst in lists), max))
    for trig in triggers:
        chosen = _spanning(trig, lists, starts, reach)
        chosen += _after_colon(trig, starts, marks)
        if not chosen:
            best = _nearest(trig, lists, text, starts, by_end, neg_ends)
            chosen = [best] if best is not None else []
        for i in dict.fromkeys(chosen):
            got.setdefault(i, []).append(trig)
    return got


def _spanning(trig: Trigger, lists, starts: list[int], reach: list[int]) -> list[int]:
    """Lists that span the trigger, in order; ``reach[i]`` is the furthest end of lists 0..i."""
    out = []
    i = bisect_left(starts, trig.end) - 1
    while i >= 0 and reach[i] > trig.start:
        if lists[i][-1].end > trig.start:
            out.append(i)
        i -= 1
    return out[::-1]


def _marks(triggers, lists, text: str) -> tuple[list[int], list[int]]:
    """Positions of colons/dashes and of full stops/semicolons between the first trigger
    and the last list."""
    if not triggers or not lists:
        return [], []
    lo, hi = min(t.end for t in triggers), max(lst[0].start for lst in lists)
    if hi <= lo:
        return [], []
    colons = [m.start() for m in _COLON.finditer(text, lo, hi)]
    stops = [m.start() for m in _STOP.finditer(text, lo, hi)]
    return colons, stops


_COLON, _STOP = re.compile(r"[:—]"), re.compile(r"[.;]")


def _after_colon(trig: Trigger, starts: list[int], marks) -> list[int]:
    """Lists after the trigger with a colon or dash, and no full stop, in between."""
    colons, stops = marks
    c = bisect_left(colons, trig.end)
    if c == len(colons):
        return []
    s = bisect_left(stops, trig.end)
    stop = stops[s] if s < len(stops) else None
    lo = max(bisect_left(starts, trig.end), bisect_right(starts, colons[c]))
    hi = bisect_right(starts, stop) if stop is not None else len(starts)
    return list(range(lo, hi))


def _nearest(trig: Trigger, lists, text: str, starts, by_end, neg_ends) -> int | None:
    """The list nearest the trigger (a list after it counts 1.3 times its distance plus 5);
    a list before it is skipped when a count phrase in between starts a new group."""
    best, best_d = None, None
    for k in range(bisect_left(neg_ends, -trig.start), len(by_end)):
        i = by_end[k]
        if not _blocked(text[lists[i][-1].end:trig.start], len(lists[i])):
            best, best_d = i, trig.start - lists[i][-1].end
            break
    a = bisect_left(starts, trig.end)
    if a < len(lists):
        d = (starts[a] - trig.end) * 1.3 + 5
        if best_d is None or (d, a) < (best_d, best):
            best = a
    return best


def _blocked(gap: str, size: int) -> bool:
    """'A and B, two Kurdish prisoners who ...' does not block; 'A. Two other prisoners ...' does."""
    if _appositive_count(gap) == size:
        return False
    return bool(_COUNT_NP.search(gap) and re.search(
        r"\b(?:who|which|of (?:their|his|the))\b|\b(?:other|more)\s+(?:people|prisoners|inmates|men)\b|\bothers\b", gap))


_APPOSITIVE_COUNT = re.compile(r"^\s*,\s*(two|three|four|five|six|seven|eight|nine|ten|both|\d{1,2})\s+"
                               r"(?:[A-Za-z-]+\s+){0,3}?(?:men|women|prisoners|inmates|people|defendants|"
                               r"detainees|brothers|protesters|activists|citizens)\b", re.I)


def _appositive_count(gap: str) -> int | None:
    """The head-count of an appositive right after a list ('A and B, two Kurdish prisoners')."""
    m = _APPOSITIVE_COUNT.match(gap)
    if not m:
        return None
    word = m.group(1).lower()
    return int(word) if word.isdigit() else _NUM_WORDS.get(word)


def _trigger_window(trig: Trigger, lst, window: tuple[int, int]) -> tuple[int, int]:
    """The part of the sentence that belongs to this list and this trigger."""
    if trig.start >= lst[-1].end:
        return (lst[0].start, window[1])
    if trig.end <= lst[0].start:
        return (window[0], lst[-1].end)
    return window


def _with_trigger(window, trig: Trigger, lists, start: int) -> tuple[int, int]:
    """A trigger before its list ('executed in X: A, and B') brings its own part of the
    sentence into the list's window."""
    if trig.start >= window[0]:
        return window
    before = [lst[-1].end for lst in lists if lst[-1].end <= trig.start]
    return (max(before) if before else start, window[1])


def _windows(lists, start: int, end: int) -> list[tuple[int, int]]:
    """Text span belonging to each list: from the end of the list before to the next list."""
    out = []
    for i, lst in enumerate(lists):
        ws = lists[i - 1][-1].end if i > 0 else start
        we = lists[i + 1][0].start if i + 1 < len(lists) else end
        out.append((ws, we))
    return out


class CaseBuilder:
    """Collects persons and their events sentence by sentence."""

    def __init__(self, text: str, language: str):
        self.text = text
        self.language = language
        self.persons: list[Person] = []
        self.last_list: tuple[int, list[Person]] | None = None
        self.history: list[tuple[int, int, list[Trigger], bool]] = []  # idx, para, triggers, names
        self.pending: list[tuple[int, list[Trigger], int]] = []  # "the seven ...": count, triggers, idx
        self.para = 0
        self.sentence_text: dict[int, str] = {}

    def person_for(self, nm: NameMention) -> Person:
        if len(nm.name.split()) == 1:
            same = [p for p in self.persons if len(p.name.split()) > 1
                    and p.name.split()[-1].lower() == nm.name.lower()]
            if len(same) == 1:
                same[0].mentions.append(nm)
                return same[0]
        for p in self.persons:
            if same_person(p.name, nm.name):
                p.mentions.append(nm)
                return p
        p = Person(nm.name, [nm])
        self.persons.append(p)
        return p

    def names(self, start: int, end: int) -> list[NameMention]:
        finder = persian_names if self.language == "fa" else english_names
        found = finder(self.text, start, end)
        found += self._variants(start, end, found)
        return found + self._surnames(start, end, sorted(found, key=lambda n: n.start))

    def _variants(self, start, end, found) -> list[NameMention]:
        """Other spellings of people already named ('Khosro X' after 'Khosrow X')."""
        if self.language == "fa" or not self.persons:
            return []
        out = []
        for m in _CAP_PAIR.finditer(self.text, start, end):
            if any(f.start < m.end() and m.start() < f.end for f in found + out):
                continue
            first, last = m.group().split()[0][:3].lower(), m.group().split()[-1][:3].lower()
            if any((p.name.split()[0][:3].lower() == first or p.name.split()[-1][:3].lower() == last)
                   and same_person(p.name, m.group()) for p in self.persons):
                out.append(NameMention(m.group(), m.start(), m.end()))
        return out

    def _surnames(self, start, end, found) -> list[NameMention]:
        """Later mentions by surname alone of a person already named."""
        out = []
        for p in self.persons:
            parts = p.name.split()
            if len(parts) < 2 or len(parts[-1]) < (4 if self.language == "fa" else 3):
                continue
            last = parts[-1]
            if self.language != "fa" and not last.lower().startswith(("al-", "el-")):
                last = last.split("-")[-1]
            if last not in self.text[start:end]:
                continue
            for m in _surname_rx(last).finditer(self.text, start, end):
                s, e = m.start(), m.end()
                if not any(f.start <= s < f.end for f in found + out):
                    if self.language == "fa" or self.text[max(0, s - 3):s] not in ("al-",):
                        out.append(NameMention(p.name, s, e))
        return sorted(out, key=lambda n: n.start)

    def sentence(self, idx: int, start: int, end: int, triggers: list[Trigger] | None = None,
                 para: int = 0) -> None:
        names = self.names(start, end)
        self.para = para
        self.sentence_text[idx] = self.text[start:end]
        if triggers is None:
            triggers = find_triggers(self.text, start, end, self.language)
        if not names:
            self._backref(idx, start, end, triggers)
            self.history.append((idx, para, triggers, False))
            return
        self._names_sentence(idx, start, end, triggers, names)
        self.history.append((idx, para, triggers, True))

    def _earlier_triggers(self, idx: int) -> tuple[int, list[Trigger]]:
        """Triggers of the nearest earlier sentence of this paragraph that has some."""
        for j, para, trigs, _ in reversed(self.history[-4:]):
            if self.para - para > 2 or idx - j > 3:
                break
            if trigs:
                return j, trigs
        return -1, []

    def _orphan_triggers(self, idx: int, start: int, list_start: int) -> tuple[int, list[Trigger]]:
        """'An Iranian man was hanged ... . Reza X, 26, was ...': the sentence before has
        events but no names, and this sentence opens with the name."""
        if not self.history or self.history[-1][0] != idx - 1 or self.history[-1][3]:
            return -1, []
        if len(self.text[start:list_start].strip()) > 12:
            return -1, []
        return idx - 1, self.history[-1][2]

    def _appositive_referent(self, idx: int, start: int, list_start: int) -> tuple[int, list[Trigger]]:
        """'A woman was hanged ... . According to X, the woman, Parisa Y, ...': the one
        unnamed person of the sentence before is named here (their events are hers)."""
        if not self.history or self.history[-1][0] != idx - 1 or self.history[-1][3]:
            return -1, []
        if not _THE_ONE_BEFORE.search(self.text, max(start, list_start - 40), list_start):
            return -1, []
        return idx - 1, self.history[-1][2]

    def _names_sentence(self, idx, start, end, triggers, names) -> None:
        lists = _lists(sorted(names, key=lambda n: n.start), self.text)
        assigned = _assign(triggers, lists, self.text)
        windows = _windows(lists, start, end)
        for i, lst in enumerate(lists):
            people, seen = [], set()  # by identity: two Person objects never share a name
            for nm in lst:
                p = self.person_for(nm)
                p.sentences.add(idx)
                if id(p) not in seen:
                    seen.add(id(p))
                    people.append(p)
            trig = assigned.get(i, [])
            src, inherited = -1, []
            if self._introduced(start, lst[0].start, lst[-1].end, end):
                if self.language != "fa" or not triggers or self._partitive(start, lst[0].start):
                    src, inherited = self._earlier_triggers(idx)
            elif not trig:
                src, inherited = self._orphan_triggers(idx, start, lst[0].start)
            if not inherited and i == 0:
                src, inherited = self._appositive_referent(idx, start, lst[0].start)
            inherited = [t for t in inherited if t.status not in {x.status for x in trig}]
            for p in people:
                for t in trig:
                    self._add(p, [t], idx, _with_trigger(windows[i], t, lists, start))
                self._add(p, inherited, src, (0, 0))
                if inherited:
                    p.sentences.add(src)
            self.last_list = (idx, people)

    def _backref(self, idx: int, start: int, end: int, triggers: list[Trigger]) -> None:
        """A sentence without names that refers back to the last list of names."""
        limit = min(end, triggers[0].end + 30) if triggers else end
        rx = _BACKREF_FA if self.language == "fa" else _BACKREF_EN
        m = rx.search(self.text[start:limit])
        lead = self.text[max(start, start + m.start() - 20):start + m.start()] if m else ""
        if lead and start + m.start() - 20 > start and self.text[start + m.start() - 21].isalnum():
            lead = lead.split(" ", 1)[-1]  # whole words only ('2020 a court', not '0 a court')
        phrase = (lead.split(" of ")[-1] + " " + m.group()) if m else ""
        if not m or re.search(r"\b\w+\s+of\s*$", lead) or re.search(
                r"\bother|برخی|بعضی|تعدادی|شماری|دیگر", self.text[start:max(limit, start + m.end())], re.I):
            return
        if self.last_list and (idx - self.last_list[0] <= 2 or _count_of(phrase)):
            people = self.last_list[1]
            if _count_agrees(phrase, len(people)):
                for p in people:
                    self._add(p, triggers, idx, (start, end))
                    p.sentences.add(idx)
                if triggers:
                    self.last_list = (idx, people)  # 'He ... . He ...' chains: he stays the referent
                return
        n = _count_of(phrase) or self._recent_count(idx)
        if n and triggers:
            self.pending.append((n, triggers, idx))

    def _recent_count(self, idx: int) -> int | None:
        """'... six Kurdish men ... . The men are ...': the head-count of the sentence before."""
        for j, _, _, _ in reversed(self.history[-2:]):
            m = _COUNT_PHRASE.search(self.sentence_text.get(j, ""))
            if m:
                return _NUM_WORDS.get(m.group(1).lower()) or (int(m.group(1)) if m.group(1).isdigit() else None)
        return None

    def finish(self) -> None:
        """'The seven ... were sentenced to death': a count equal to the number of people
        the report names refers to all of them."""
        for n, triggers, idx in self.pending:
            if n == len(self.persons) and n > 1:
                for p in self.persons:
                    self._add(p, triggers, idx, (0, 0))

    def _partitive(self, sent_start: int, list_start: int) -> bool:
        return bool(_PARTITIVE.search(self.text[max(sent_start, list_start - 60):list_start]))

    def _introduced(self, sent_start: int, list_start: int, list_end: int, sent_end: int) -> bool:
        if self._partitive(sent_start, list_start):
            return True
        before = self.text[max(sent_start, list_start - 60):list_start]
        if self.language != "fa":
            return bool(_INTRO_EN.search(before))
        return bool(_INTRO_FA.search(before) or _INTRO_AFTER_FA.match(self.text, list_end, sent_end))

    @staticmethod
    def _add(p: Person, triggers: list[Trigger], idx: int, window=(0, 0)) -> None:
        for t in triggers:
            p.events.append(Event(t.status, t, idx, window))
            p.sentences.add(idx)


def _count_of(phrase: str) -> int | None:
    for word in phrase.lower().split():
        if word in _NUM_WORDS:
            return _NUM_WORDS[word]
    return None


def _count_agrees(phrase: str, n: int) -> bool:
    """'the three' refers to a list of three; pronouns agree with any list."""
    for word in phrase.lower().split():
        if word in _NUM_WORDS:
            return _NUM_WORDS[word] == n
        if word.isdigit() and len(word) <= 2:  # 'In October 2017 he ...': a year is no count
            return int(word) == n
    return True
