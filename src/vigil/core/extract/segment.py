"""Split a report into paragraphs and sentences (English and Persian), keeping offsets."""
from __future__ import annotations

import re
from dataclasses import dataclass

_ABBREV = {"mr", "mrs", "ms", "dr", "st", "no", "nov", "dec", "jan", "feb", "mar", "apr",
           "aug", "sep", "sept", "oct", "jun", "jul", "h.e", "u.s", "u.n", "vs", "etc", "co",
           "inc", "gen", "col", "lt", "prof", "e", "ua"}
# a sentence ends at . ! ? ؟ followed by space and something that can start a sentence
_END = re.compile(r"[.!?؟]+[\"'”»)]*(?=\s+[\"'“«(]?[A-Z0-9\u0600-\u06FF])")


@dataclass(frozen=True)
class Sentence:
    """One sentence: its text, offsets into the document and paragraph number."""
    start: int
    end: int
    text: str
    para: int
    index: int


def paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of each non-blank line block."""
    out = []
    for m in re.finditer(r"[^\n]+", text):
        if m.group().strip():
            out.append((m.start(), m.end()))
    return out


def _is_abbreviation(chunk: str) -> bool:
    word = re.search(r"([A-Za-z.]+)$", chunk)
    if not word:
        return False
    w = word.group(1).rstrip(".").lower()
    return w in _ABBREV or (len(w) == 1 and w.isalpha())


def sentences(text: str) -> list[Sentence]:
    """Sentences of every paragraph, with document offsets."""
    out: list[Sentence] = []
    for p, (ps, pe) in enumerate(paragraphs(text)):
        start = ps
        for m in _END.finditer(text, ps, pe):
            if m.group().startswith(".") and _is_abbreviation(text[start:m.start()]):
                continue
            out.append(Sentence(start, m.end(), text[start:m.end()], p, len(out)))
            start = m.end()
            while start < pe and text[start].isspace():
                start += 1
        if start < pe:
            out.append(Sentence(start, pe, text[start:pe], p, len(out)))
    return out
