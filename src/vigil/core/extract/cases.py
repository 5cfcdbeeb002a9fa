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
from dataclasses import dataclass, field
from difflib import SequenceMatcher

from vigil.core.extract import attributes
from vigil.core.extract.persons import NameMention, english_names, persian_names
from vigil.core.extract.status import Trigger, find_triggers


@dataclass
class Event:
    """One status event of one person, with the sentence and trigger that gave it."""
    status: str
    trigger: Trigger
    sentence: int


@dataclass
class Person:
    name: str
    mentions: list[NameMention] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    sentences: set[int] = field(default_factory=set)


_BACKREF_EN = re.compile(
    r"^\W*(?:(?:on|in|at|by|later|then|after|before|that|the same)\b[^,]{0,30},\s*)?"
    r"(?:he|she|they|both|his|her|their|the\s+(?:two|three|four|five|six|seven|eight|nine|ten|\d+)"
    r"(?:\s+\w+)?|the\s+(?:men|women|man|woman|prisoners?|inmates?|defendants?|brothers)|"
    r"these\s+\w+|all\s+(?:of\s+them|\w+))\b", re.I)
_BACKREF_FA = re.compile(r"^\W*(?:[^،]{0,30}،\s*)?(?:او|وی|آنان|آنها|ایشان|این\s+(?:دو|سه|چهار|پنج|شش)?\s*(?:زندانی|نفر|فرد|متهم|تن))")
_INTRO_EN = re.compile(r"(?:identified(?:\s+\w+)?\s+as|named(?:\s+them)?\s+as|were\s+named)\s*:?\s*$", re.I)
_INTRO_FA = re.compile(r"(?:به\s+نام|نام\s+(?:آنان|آنها|این\s+\S+)|هویت\s+[^.]{0,40})[^.]{0,20}$")


def name_key(name: str) -> str:
    """Comparison key: lower case letters only."""
    return "".join(ch for ch in name.lower() if ch.isalpha())


def same_person(a: str, b: str) -> bool:
    """Two spellings of one person in one report."""
    ka, kb = name_key(a), name_key(b)
    if not ka or not kb:
        return False
    if ka == kb:
        return True
    ta, tb = a.lower().split(), b.lower().split()
    if len(ta) >= 2 and len(tb) >= 2 and ta[-1] != tb[-1] and ta[0] != tb[0]:
        return False
    return SequenceMatcher(None, ka, kb).ratio() >= 0.85


def _lists(names: list[NameMention], text: str) -> list[list[NameMention]]:
    """Group names separated only by commas, 'and', «و», dashes or brackets."""
    out: list[list[NameMention]] = []
    for nm in names:
        gap = text[out[-1][-1].end:nm.start] if out else None
        if gap is not None and re.fullmatch(
                r"(?:\s*\([^()]{0,40}\))?\s*(?:,|،|;)?\s*(?:and|و)?\s*|\s*(?:son of|فرزند)\s+\S+\s*,?\s*(?:and\s+)?",
                gap, re.I):
            out[-1].append(nm)
        else:
            out.append([nm])
    return out


def _assign(triggers: list[Trigger], lists: list[list[NameMention]]) -> dict[int, list[Trigger]]:
    """Index of the list each trigger belongs to (nearest, preferring lists before it)."""
    got: dict[int, list[Trigger]] = {}
    for trig in triggers:
        best, best_d = None, None
        for i, lst in enumerate(lists):
            if lst[-1].end <= trig.start:
                d = trig.start - lst[-1].end
            elif lst[0].start >= trig.end:
                d = (lst[0].start - trig.end) * 1.3 + 5
            else:
                d = 0
            if best_d is None or d < best_d:
                best, best_d = i, d
        if best is not None:
            got.setdefault(best, []).append(trig)
    return got


class CaseBuilder:
    """Collects persons and their events sentence by sentence."""

    def __init__(self, text: str, language: str):
        self.text = text
        self.language = language
        self.persons: list[Person] = []
        self.last_list: tuple[int, list[Person]] | None = None
        self.prev_triggers: list[Trigger] = []
        self.prev_sentence: int = -1

    def person_for(self, nm: NameMention) -> Person:
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
        return found + self._surnames(start, end, found)

    def _surnames(self, start, end, found) -> list[NameMention]:
        """Later mentions by surname alone of a person already named."""
        out = []
        for p in self.persons:
            parts = p.name.split()
            if len(parts) < 2 or len(parts[-1]) < 4:
                continue
            last = parts[-1].split("-")[-1] if self.language != "fa" else parts[-1]
            for m in re.finditer(rf"(?<![\w\u0600-\u06FF-]){re.escape(last)}(?![\w\u0600-\u06FF])",
                                 self.text[start:end]):
                s, e = start + m.start(), start + m.end()
                if not any(f.start <= s < f.end for f in found + out):
                    if self.language == "fa" or self.text[max(0, s - 3):s] not in ("al-",):
                        out.append(NameMention(p.name, s, e))
        return sorted(out, key=lambda n: n.start)

    def sentence(self, idx: int, start: int, end: int) -> None:
        names = self.names(start, end)
        triggers = find_triggers(self.text, start, end, self.language)
        if not names:
            if triggers and self.last_list and idx - self.last_list[0] <= 2:
                rx = _BACKREF_FA if self.language == "fa" else _BACKREF_EN
                if rx.search(self.text[start:end]):
                    for p in self.last_list[1]:
                        self._add(p, triggers, idx)
            self.prev_triggers, self.prev_sentence = triggers, idx
            return
        lists = _lists(sorted(names, key=lambda n: n.start), self.text)
        assigned = _assign(triggers, lists)
        for i, lst in enumerate(lists):
            people = []
            for nm in lst:
                p = self.person_for(nm)
                p.sentences.add(idx)
                if p not in people:
                    people.append(p)
            trig = assigned.get(i, [])
            if self._introduced(start, lst[0].start) and self.prev_sentence == idx - 1:
                trig = trig + [t for t in self.prev_triggers
                               if t.status not in {x.status for x in trig}]
            for p in people:
                self._add(p, trig, idx)
            self.last_list = (idx, people)
        self.prev_triggers, self.prev_sentence = triggers, idx

    def _introduced(self, sent_start: int, list_start: int) -> bool:
        before = self.text[max(sent_start, list_start - 60):list_start]
        rx = _INTRO_FA if self.language == "fa" else _INTRO_EN
        return bool(rx.search(before))

    @staticmethod
    def _add(p: Person, triggers: list[Trigger], idx: int) -> None:
        for t in triggers:
            p.events.append(Event(t.status, t, idx))
            p.sentences.add(idx)
