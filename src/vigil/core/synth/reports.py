"""Synthetic report texts in English and Persian, each with its truth.

``generate_reports(n, seed)`` draws events from a synthetic population and has one or
more synthetic sources write about each: single cases, a person's history, group
executions ("ten prisoners ... three identified as ..."), weekly roundups, "No to
Execution Tuesdays" hunger-strike items and statistics paragraphs. Each yielded dict is a
``docs.jsonl`` row (eval/FORMAT.md) plus ``truth`` (a gold.jsonl row: what the TEXT
says, including the source's errors; each CASE also carries the true ``person`` id).
"""
from __future__ import annotations

import bisect
import datetime as dt
import random
import re
from collections import defaultdict
from collections.abc import Iterator

from . import distractors, render_en, render_fa
from . import tables as T
from .context import Ctx, Shown, as_date
from .fawords import jalali, jalali_month_span, nowruz
from .mentions import CONFLICT
from .sources import SOURCES, Source
from .world import Person, date_to_day, generate_world

KINDS = (("single", 0.36), ("history", 0.15), ("group", 0.2), ("roundup", 0.1),
         ("campaign", 0.09), ("stats", 0.1))
CAMPAIGN_START = dt.date(2024, 1, 30)   # first "No to Execution Tuesday"
CAMPAIGN_PRISONS = ("Ghezel Hesar Prison", "Evin Prison", "Karaj Central Prison",
                    "Khoy Prison", "Naqadeh Prison", "Urmia Central Prison",
                    "Parsilon Prison", "Vakilabad Prison", "Saqqez Prison",
                    "Tabriz Central Prison", "Lakan Prison", "Dastgerd Prison",
                    "Qarchak Women's Prison", "Sheiban Prison", "Ardabil Central Prison")
LAG = {"official": (0, 1), "ngo": (0, 3), "media": (1, 5)}
HISTORY_STATUSES = ("sentenced", "upheld", "at_risk", "halted")


class Events:
    """Indexes over a small population for choosing what reports talk about."""

    def __init__(self, people: list[Person]):
        self.people = people
        self.events = sorted(((d, s, i) for i, p in enumerate(people) for s, d in p.events))
        self.days = [e[0] for e in self.events]
        batches = defaultdict(list)
        for d, s, i in self.events:
            if s == "executed" and not people[i].public_execution:
                batches[(people[i].prison, d)].append(i)
        self.batches = [(k, v) for k, v in sorted(batches.items()) if len(v) > 1]
        self.exec_days = sorted(d for d, s, _ in self.events if s == "executed")
        self.exec_days_f = sorted(d for d, s, i in self.events
                                  if s == "executed" and people[i].sex == "f")

    def executions_between(self, start: dt.date, end: dt.date, women: bool = False) -> int:
        days = self.exec_days_f if women else self.exec_days
        lo, hi = date_to_day(start), date_to_day(end)
        return bisect.bisect_right(days, hi) - bisect.bisect_left(days, lo)

    def window(self, start: int, end: int) -> list[tuple]:
        return self.events[bisect.bisect_left(self.days, start):bisect.bisect_right(self.days, end)]


def _lang_module(lang: str):
    return render_fa if lang == "fa" else render_en


def _tidy(text: str) -> str:
    text = re.sub(r"[ \t]+", " ", text)
    text = re.sub(r" ([.,،])", r"\1", text)
    text = re.sub(r"([,،])([.,،])", r"\2", text)
    return "\n\n".join(line.strip() for line in text.split("\n\n") if line.strip())


def _choose_sources(status: str, k: int, rnd: random.Random) -> list[Source]:
    weights = [max(s.coverage.get(status, 0.1), 0.02) for s in SOURCES]
    chosen: list[Source] = []
    while len(chosen) < k:
        s = rnd.choices(SOURCES, weights)[0]
        if s not in chosen:
            chosen.append(s)
    return chosen


def _ctx(src: Source, day: int, rnd: random.Random) -> Ctx:
    lang = rnd.choices(list(src.languages), list(src.languages.values()))[0]
    lo, hi = LAG[src.kind]
    return Ctx(src, lang, as_date(day + rnd.randint(lo, hi)), rnd)


def _source_errors(ctx: Ctx, status: str, day: int) -> tuple[str, int]:
    """The status and day the source states (now and then wrong); sets its age error."""
    ctx.age_shift = ctx.choice((-2, -1, 1, 2)) if ctx.chance(ctx.src.age_error) else 0
    if ctx.chance(ctx.src.date_error):
        day -= 1
    return (CONFLICT[status] if ctx.chance(ctx.src.conflict) else status), day


def _place_and_charge(ctx: Ctx, L, p: Person, tpl: str, shown: Shown) -> tuple[str, str, str]:
    """Prison and charge phrases for the slots the template has (and drops empty ones)."""
    pr = L.prison(p, ctx, shown) if "{P}" in tpl else ""
    if not pr:
        tpl = re.sub(r"[,،] [^,،{]*\{P\}[,،]", "", tpl)
    c = L.charge(p, ctx, shown) if "{C}" in tpl else ""
    return pr, c, tpl


def case_paragraph(ctx: Ctx, p: Person, status: str, day: int) -> str:
    """One sentence on one event of one person; records the CASE as stated."""
    L, shown = _lang_module(ctx.lang), Shown()
    stated, day = _source_errors(ctx, status, day)
    written = L.name(p, ctx)
    intro = L.intro(p, written, day, ctx, shown)
    d, d_truth = L.date(day, ctx)
    public = stated == "executed" and p.public_execution
    tpl = L.public_template(p, ctx) if public else L.template(stated, p, ctx)
    shown.city = shown.city or public
    pr, c, tpl = _place_and_charge(ctx, L, p, tpl, shown)
    ctx.add_case(p, written, stated, d_truth, shown, day, public=public)
    ctx.age_shift = 0
    ctx.last_name, ctx.last_shown = written, shown
    return L.fill(tpl, intro, d, pr, c, p)


def history_paragraph(ctx: Ctx, p: Person, k: int) -> str:
    """Event ``k`` of a person's history, then the earlier steps more vaguely."""
    L = _lang_module(ctx.lang)
    status, day = p.events[k]
    parts = [case_paragraph(ctx, p, status, day)]
    name, shown = ctx.last_name, ctx.last_shown
    earlier = Shown(prison=shown.prison, city=shown.city, charges=shown.charges,
                    nationality=shown.nationality, ethnicity=shown.ethnicity)
    for s, d in p.events[:k]:
        if s in HISTORY_STATUSES and ctx.chance(0.7):
            phrase, truth = L.date_past(d, ctx)
            parts.append(L.history_sentence(s, phrase, p, ctx))
            ctx.add_case(p, name, s, truth, earlier, d)
    return " ".join(parts)


def _head_count(ctx: Ctx, count: int, named: int) -> tuple[int, bool]:
    """The head count the source gives: often exact, sometimes "at least" an undercount."""
    at_least = ctx.chance(0.3)
    if at_least and ctx.chance(0.5):
        count = max(named, 2, count - ctx.rnd.randint(1, 2))
    return count, at_least


def _place_name(ctx: Ctx, prison: int, shown: Shown) -> str | None:
    """The place as the text gives it (for the title), or None."""
    row = T.PRISONS[prison]
    if shown.prison:
        return row[1] if ctx.lang == "fa" else row[0]
    if shown.city:
        return T.CITY_FA[row[2]] if ctx.lang == "fa" else row[2]
    return None


def group_paragraphs(ctx: Ctx, prison: int, day: int, members: list[Person]) -> tuple[list[str], dict]:
    """A batch execution with a head count and some of the people named."""
    L, shown = _lang_module(ctx.lang), Shown()
    named = ctx.rnd.sample(members, min(len(members), ctx.choice([0, 1, 2, 2, 3, 3, 4, len(members)])))
    count, at_least = _head_count(ctx, len(members), len(named))
    d, d_truth = L.date(day, ctx)
    pr = L.prison(members[0], ctx, shown)
    same = all(m.charges == members[0].charges for m in members)
    c = L.charge(members[0], ctx, shown) if same else ""
    woman = any(m.sex == "f" for m in members) and ctx.chance(0.8)
    afghans = sum(m.nationality == "AF" for m in members) if ctx.chance(0.6) else 0
    lead = L.group_lead(count, at_least, d, pr, woman, c, ctx, afghans)
    ctx.groups.append({"status": "executed", "count": count, "date": d_truth,
                       "prison": members[0].prison_row[0] if shown.prison else None,
                       "charges": sorted(members[0].charges) if shown.charges else []})
    intros = []
    for m in named:
        sh = Shown(prison=shown.prison, city=shown.city, charges=shown.charges)
        written = L.name(m, ctx)
        intros.append(L.intro(m, written, day, ctx, sh))
        ctx.add_case(m, written, "executed", d_truth, sh, day)
    title = {"count": count, "place": _place_name(ctx, prison, shown)}
    return [lead, L.identified(intros, count, ctx)], title


def stats_paragraph(ctx: Ctx, events: Events, source: Source | None) -> str:
    """Aggregate figures computed from the synthetic world, recorded as CLAIMs
    (credited to ``source``, named in the report's language, or to nobody)."""
    attrib = source.name if source else None
    named = (source.name_fa if ctx.lang == "fa" else source.name) if source else None
    pub = ctx.published
    if ctx.lang == "fa":
        start = nowruz(pub.year if pub >= nowruz(pub.year) else pub.year - 1)
    else:
        start = dt.date(pub.year, 1, 1)
    total = events.executions_between(start, pub)
    L = _lang_module(ctx.lang)
    text, claim = (render_fa.stats_total(total, jalali(start).year, named) if ctx.lang == "fa"
                   else render_en.stats_total(total, start.year, named))
    ctx.claims.append(_claim(total, "at_least", start, pub, None, attrib, claim))
    women = events.executions_between(start, pub, women=True)
    if women and ctx.chance(0.5):
        more, claim = L.stats_women(women)
        text += " " + more
        ctx.claims.append(_claim(women, "at_least", start, pub, "women", attrib, claim))
    return text


def _claim(value, qualifier, start, end, scope, attrib, text) -> dict:
    return {"quantity": "executions", "value": value, "qualifier": qualifier,
            "start": start.isoformat(), "end": end.isoformat(), "scope": scope,
            "attributed_to": attrib, "text": text}


def month_claim(ctx: Ctx, events: Events) -> str:
    """Executions in the previous (Gregorian or Jalali) month: an exact CLAIM."""
    before = ctx.published.replace(day=1) - dt.timedelta(days=1)
    if ctx.lang == "fa":
        before = jalali_month_span(ctx.published)[0] - dt.timedelta(days=1)
        first, last = jalali_month_span(before)
        j = jalali(before)
        value = events.executions_between(first, last)
        text, claim = render_fa.stats_month(value, j.month, j.year)
    else:
        first, last = before.replace(day=1), before
        value = events.executions_between(first, last)
        text, claim = render_en.stats_month(value, before)
    ctx.claims.append(_claim(value, "exactly", first, last, None, None, claim))
    return text


def _distractors(ctx: Ctx, kind: str, args: tuple) -> list[str]:
    """Victims, judges, relatives and background: names and years that are not cases."""
    out = []
    if kind in ("single", "history") and ctx.cases:
        p, case = args[0], ctx.cases[0]
        day = p.event(case["status"]) or p.events[0][1]
        if "murder" in p.charges and ctx.chance(0.3):
            out.append(distractors.victim(ctx, p, day))
        if case["status"] in ("sentenced", "upheld") and ctx.chance(0.2):
            out.append(distractors.judge(ctx))
        if case["status"] == "executed" and ctx.chance(0.15):
            out.append(distractors.family(ctx, p))
    if kind in ("single", "history", "group") and ctx.chance(0.25):
        out.append(distractors.background(ctx))
    return out


class Writer:
    """Turns plans (what happened) into documents (what a source wrote)."""

    def __init__(self, people: list[Person], rnd: random.Random):
        self.events = Events(people)
        self.people = people
        self.rnd = rnd

    def plan(self, kind: str) -> tuple[str, tuple, str, int] | None:
        ev, rnd = self.events, self.rnd
        if kind == "group" and ev.batches:
            (prison, day), members = rnd.choice(ev.batches)
            return kind, (prison, day, [self.people[i] for i in members]), "executed", day
        if kind == "history":
            p = self.people[rnd.randrange(len(self.people))]
            if len(p.events) > 1:
                k = rnd.randrange(1, len(p.events))
                return kind, (p, k), p.events[k][0], p.events[k][1]
        if kind == "campaign":
            week = rnd.randint(1, 99)
            return kind, (week,), "at_risk", date_to_day(CAMPAIGN_START) + 7 * (week - 1)
        if kind in ("stats", "roundup"):
            d, s, i = rnd.choice(ev.events)
            return kind, (), s, d
        d, s, i = rnd.choice(ev.events)
        return "single", (self.people[i], s, d), s, d

    def write(self, kind: str, args: tuple, src: Source, day: int) -> Ctx:
        ctx = _ctx(src, day, self.rnd)
        L = _lang_module(ctx.lang)
        paras, title_kw = self._body(kind, args, ctx, L)
        if kind in ("single", "history", "group") and ctx.chance(0.25) \
                and ctx.src_name not in paras[0]:
            paras[0] = L.dateline(ctx) + paras[0]
        paras[0] = " ".join([paras[0]] + _distractors(ctx, kind, args))
        if kind == "single" and ctx.chance(0.15):
            paras.append(stats_paragraph(ctx, self.events, ctx.choice([None, src])))
        closing = L.closing(ctx, executed=bool(ctx.cases or ctx.groups) and
                            (ctx.cases or ctx.groups)[0]["status"] == "executed")
        if closing and kind in ("single", "history", "group"):
            paras.append(closing)
        ctx.text = _tidy("\n\n".join(paras))
        ctx.title = L.title(kind if kind in ("group", "campaign", "stats", "roundup") else "single",
                            ctx, **title_kw)
        return ctx

    def _body(self, kind, args, ctx, L) -> tuple[list[str], dict]:
        if kind == "single":
            p, s, d = args
            para = case_paragraph(ctx, p, s, d)
            return [para], {"status": ctx.cases[0]["status"], "name": ctx.cases[0]["name"]}
        if kind == "history":
            p, k = args
            para = history_paragraph(ctx, p, k)
            return [para], {"status": ctx.cases[0]["status"], "name": ctx.cases[0]["name"]}
        if kind == "group":
            return group_paragraphs(ctx, *args)
        if kind == "campaign":
            return self._campaign(ctx, L, *args), {}
        if kind == "roundup":
            return self._roundup(ctx, L), {}
        attrib = ctx.choice([None, ctx.src, ctx.choice(SOURCES)])
        paras = [stats_paragraph(ctx, self.events, attrib)]
        if ctx.chance(0.5):
            paras.append(month_claim(ctx, self.events))
        year = jalali(ctx.published).year if ctx.lang == "fa" else ctx.published.year
        return paras, {"year": year}

    def _campaign(self, ctx: Ctx, L, week: int) -> list[str]:
        day = date_to_day(CAMPAIGN_START) + 7 * (week - 1)
        ctx.published = as_date(day + ctx.rnd.randint(0, 1))
        d, d_truth = L.date(day, ctx)
        prisons = ["Ghezel Hesar Prison"] + ctx.rnd.sample(CAMPAIGN_PRISONS[1:], ctx.rnd.randint(2, 10))
        participants = ctx.rnd.randrange(200, 2000, 50) if ctx.chance(0.4) else None
        stated_week = week if ctx.chance(0.8) else None
        paras = [L.campaign(stated_week, d, prisons, participants, ctx)]
        ctx.campaigns.append({"kind": "hunger_strike", "name": "No to Execution Tuesdays",
                              "week": stated_week, "date": d_truth, "prisons": prisons,
                              "participants": participants, "outcome": None})
        risk = [e for e in self.events.window(day - 14, day) if e[1] == "at_risk"]
        for d_, s, i in ctx.rnd.sample(risk, min(len(risk), ctx.rnd.randint(0, 2))):
            paras.append(case_paragraph(ctx, self.people[i], s, d_))
        return paras

    def _roundup(self, ctx: Ctx, L) -> list[str]:
        end = date_to_day(ctx.published)
        seen, paras = set(), []
        window = self.events.window(end - 7, end)
        for d, s, i in self.rnd.sample(window, min(len(window), 6)):
            if i not in seen:
                seen.add(i)
                paras.append(case_paragraph(ctx, self.people[i], s, d))
        return paras or [L.closing(ctx) or "-"]


def _doc(ctx: Ctx, doc_id: str) -> dict:
    html = ctx.rnd.random() < ctx.src.html
    return {"id": doc_id, "language": ctx.lang, "published": ctx.published.isoformat(),
            "url": None, "publisher": ctx.src.name, "title": ctx.title, "text": ctx.text,
            "format": "html" if html else "txt", "source_kind": ctx.src.kind,
            "independence_group": ctx.src.group, "truth": ctx.truth(doc_id)}


def generate_reports(n: int, seed: int = 0, people: int | None = None) -> Iterator[dict]:
    """Yield ``n`` synthetic reports (docs.jsonl rows with a ``truth`` gold row).

    The same event is often written up by 2-3 sources (duplication with different
    spellings, languages and errors). ``people`` sets the population size.
    """
    rnd = random.Random(seed)
    writer = Writer(generate_world(people or max(20000, n), seed), rnd)
    made = 0
    while made < n:
        kind = rnd.choices([k for k, _ in KINDS], [w for _, w in KINDS])[0]
        plan = writer.plan(kind)
        if plan is None:
            continue
        kind, args, status, day = plan
        copies = 1 if kind in ("stats", "roundup") else 1 + (rnd.random() < 0.4) + (rnd.random() < 0.15)
        for src in _choose_sources(status, copies, rnd)[: n - made]:
            ctx = writer.write(kind, args, src, day)
            yield _doc(ctx, f"syn-{seed}-{made:06d}")
            made += 1
