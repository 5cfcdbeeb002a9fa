"""The rule-based extractor: segments a report and runs every rule family over it."""
from __future__ import annotations

import re

from bisect import bisect_left, bisect_right

from vigil.core.extract import attributes
from vigil.core.extract.base import Extractor, register
from vigil.core.extract.campaigns import find_campaigns
from vigil.core.extract.cases import CaseBuilder, Person
from vigil.core.extract.claims import find_claims
from vigil.core.extract.context import DocContext
from vigil.core.extract.groups import find_groups

RULES_VERSION = "rules-0.3"
_PLACE_STATUSES = {"executed", "at_risk", "halted"}


class _NoDate:
    value = None


_NO_DATE = _NoDate()


def detect_language(text: str) -> str:
    """'fa' when Arabic-script letters outnumber Latin ones, else 'en'."""
    try:
        from vigil.core.text import detect_language as shared
        lang = shared(text)
        if lang in ("en", "fa"):
            return lang
    except Exception:  # noqa: BLE001
        pass
    arabic = sum(1 for ch in text if "\u0600" <= ch <= "\u06FF")
    latin = sum(1 for ch in text if ch.isascii() and ch.isalpha())
    return "fa" if arabic > latin else "en"


class RuleExtractor(Extractor):
    """Lexicons, gazetteers and sentence rules; no model."""

    name = "rules"
    version = RULES_VERSION

    def extract(self, text: str, *, published: str | None = None,
                language: str | None = None, title: str | None = None) -> dict:
        text = text or ""
        lang = language if language in ("en", "fa") else detect_language(text)
        ctx = DocContext.build(text, published, lang)
        ctx.title = title or ""
        builder = CaseBuilder(ctx.text, lang)
        for s in ctx.sentences:
            builder.sentence(s.index, s.start, s.end, ctx.triggers(s.index), s.para)
        builder.finish()
        ctx.named = {idx for idx, _, _, named in builder.history if named}
        cases = [c for p in builder.persons for c in person_cases(ctx, p)]
        return {"cases": cases,
                "groups": find_groups(ctx, builder.persons),
                "campaigns": find_campaigns(ctx),
                "claims": find_claims(ctx)}


def person_cases(ctx: DocContext, p: Person) -> list[dict]:
    """One CASE per status event of ``p``."""
    if not p.events:
        return []
    shared = person_attributes(ctx, p)
    out = []
    executed = [e for e in p.events if e.status == "executed"]
    executed_place = (_own_place(ctx, p) or ctx.event_place(executed[0].trigger, executed[0].sentence,
                                                            "executed", executed[0].window)
                      if executed else None)
    for status in dict.fromkeys(e.status for e in p.events):
        events = [e for e in p.events if e.status == status]
        ev = max(events, key=lambda e: len((ctx.event_date(e.trigger, e.sentence, status, e.window)
                                            or _NO_DATE).value or ""))
        case = {"name": p.name, "status": status}
        spans = {"name": [p.mentions[0].start, p.mentions[0].end],
                 "status": [ev.trigger.start, ev.trigger.end]}
        date = ctx.event_date(ev.trigger, ev.sentence, status, ev.window)
        case["date"] = date.value if date else None
        if date:
            spans["date"] = [date.start, date.end]
        place = None
        if status in _PLACE_STATUSES:
            place = _own_place(ctx, p) or ctx.event_place(ev.trigger, ev.sentence, status, ev.window)
        if status in ("at_risk", "halted") and (place is None or place.kind != "prison") \
                and executed_place is not None:
            place = executed_place
        case["prison"] = place.name if place and place.kind == "prison" else None
        case["city"] = place.city if place else None
        case["province"] = place.province if place else None
        if place:
            spans["prison" if place.kind == "prison" else "city"] = [place.start, place.end]
        public = status == "executed" and attributes.is_public(ctx.sentence_text(ev.sentence))
        if public and case["prison"]:
            public = False
        case.update({k: v for k, v in shared.items() if k != "spans"})
        if status in _BACKGROUND and case["age"] is not None and _later_stage(p):
            case["age"] = None  # 'X, 34, was hanged ... he had been sentenced in 2021': not his age then
        case["public"] = public
        case["spans"] = {**spans, **shared["spans"]}
        case["confidence"] = round(min(0.95, 0.55 + 0.1 * len(events) + (0.15 if date else 0)), 2)
        out.append(case)
    return out


_BACKGROUND = frozenset({"sentenced", "upheld"})


def _later_stage(p: Person) -> bool:
    """The person has an event after sentencing (the age a report gives is the current one)."""
    return any(e.status not in _BACKGROUND for e in p.events)


def _own_place(ctx: DocContext, p: Person):
    """'Zeynab X in Urmia prison, Farhad Y in Ilam prison': a prison written right after the name."""
    prisons = sorted((pl.start, i) for i, pl in enumerate(ctx.places) if pl.kind == "prison")
    starts = [s for s, _ in prisons]
    for m in p.mentions:
        near = prisons[bisect_left(starts, m.end):bisect_right(starts, m.end + 25)]
        for _, i in sorted(near, key=lambda x: x[1]):
            place = ctx.places[i]
            if ctx.text[m.end:place.start].strip().lower() in ("in", "at", "در", "در زندان"):
                return place
    return None


def person_attributes(ctx: DocContext, p: Person) -> dict:
    """Charges, sex, age, nationality and ethnicity shared by all of ``p``'s cases."""
    spans: dict[str, list[int]] = {}
    idxs = sorted(i for i in p.sentences if i >= 0)
    found = {c for i in idxs for c in ctx.charges(i)}
    if not found and any(attributes.killing_in(ctx.sentence_text(i)) for i in idxs):
        found.add("murder")
    charges = [c for c in attributes.CHARGES if c in found]
    for i in idxs:
        hit = ctx.charge_span(i, tuple(charges))
        if hit:
            spans["charges"] = [ctx.sentences[i].start + hit[0], ctx.sentences[i].start + hit[1]]
            break
    if not charges and ctx.title:  # "Four executed for drug offences" in the headline
        charges = attributes.charges_in(ctx.title)
    age = None
    for m in p.mentions:
        hit = attributes.age_near(ctx.text, m.start, m.end, ctx.language)
        if hit:
            age = hit[0]
            spans["age"] = [hit[1], hit[2]]
            break
    nat = eth = None
    for m in p.mentions:
        s = ctx.sentence_of(m.start)
        lo, hi = max(s.start, m.start - 80), min(s.end, m.end + 60)
        nat = nat or _first_in(ctx.hits("nationality", s.index), lo, hi, spans, "nationality")
        eth = eth or _first_in(ctx.hits("ethnicity", s.index), lo, hi, spans, "ethnicity")
    eth = eth or _referent_ethnicity(ctx, idxs, spans)
    return {"charges": charges, "sex": attributes.sex_of(p.name, ctx.language), "age": age,
            "nationality": nat, "ethnicity": eth, "spans": spans}


_ETHNIC_HEAD = re.compile(r"\s*(?:political\s+)?(?:prisoners?|men|man|women|woman|inmates?|youths?|citizens?)\b|"
                          r"[\s\u200c]*(?:زندانی|زندانیان|جوان|مرد|زن|شهروند)", re.I)
_SUBSET_BEFORE = re.compile(r"(?:including|among\s+them|of\s+whom|از\s+جمله)\s+(?:\S+\s+){0,2}$", re.I)


def _referent_ethnicity(ctx: DocContext, idxs, spans):
    """'Two Baluch prisoners were hanged ... . The prisoners were identified as A and B',
    «این جوان کرد ...»: the one ethnicity of the unnamed people a person's events came from
    (not a sub-count: 'including two Kurdish prisoners')."""
    for i in idxs:
        if i in ctx.named:
            continue
        hits = [(c, a, b) for c, a, b in ctx.hits("ethnicity", i)
                if _ETHNIC_HEAD.match(ctx.text, b) and not _SUBSET_BEFORE.search(ctx.text, max(0, a - 40), a)]
        if len({c for c, _, _ in hits}) == 1:
            spans["ethnicity"] = [hits[0][1], hits[0][2]]
            return hits[0][0]
    return None


def _first_in(hits, lo: int, hi: int, spans, key):
    """First hit (rule order) lying inside [lo, hi)."""
    for code, a, b in hits:
        if lo <= a and b <= hi:
            spans[key] = [a, b]
            return code
    return None


def _shift(hit, off, spans, key):
    if not hit:
        return None
    spans[key] = [hit[1] + off, hit[2] + off]
    return hit[0]


register("rules", RuleExtractor)
