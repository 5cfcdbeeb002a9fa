"""English phrasing of synthetic reports. Every function returns text; the caller
records in the truth exactly what the returned text states."""
from __future__ import annotations

import datetime as dt

from . import tables as T
from .context import Ctx, Shown, as_date, prison_aliases
from .spelling import latin_name
from .world import Person

NUMBER_WORDS = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight",
                "nine", "ten", "eleven", "twelve")
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def number(n: int, ctx: Ctx, capital: bool = False) -> str:
    """A count as a word (small numbers, usually) or digits."""
    text = NUMBER_WORDS[n] if n < len(NUMBER_WORDS) and ctx.chance(0.7) else str(n)
    return text[:1].upper() + text[1:] if capital else text


def he(p: Person) -> str:
    return "she" if p.sex == "f" else "he"


def his(p: Person) -> str:
    return "her" if p.sex == "f" else "his"


def name(p: Person, ctx: Ctx) -> str:
    given, surname = latin_name(p, ctx.src, ctx.rnd)
    return f"{given} {surname}"


def long_date(d: dt.date, ctx: Ctx, year: bool = True) -> str:
    month = d.strftime("%B")
    if not year:
        return ctx.choice([f"{d.day} {month}", f"{month} {d.day}"])
    return ctx.choice([f"{d.day} {month} {d.year}", f"{month} {d.day}, {d.year}"])


def date(day: int, ctx: Ctx) -> tuple[str, str | None]:
    """Phrase for the day of an event (relative to publication when recent)."""
    d, pub = as_date(day), ctx.published
    lag = (pub - d).days
    r = ctx.rnd.random()
    if r < ctx.src.missing * 0.15:
        return "", None
    if r > 1 - ctx.src.month_only:
        if d.month == pub.month and d.year == pub.year and ctx.chance(0.5):
            return "earlier this month", d.strftime("%Y-%m")
        return f"in {d.strftime('%B %Y')}", d.strftime("%Y-%m")
    if lag == 1 and ctx.chance(0.3):
        return "yesterday", d.isoformat()
    if 0 <= lag <= 6 and ctx.chance(0.5):
        return f"on {WEEKDAYS[d.weekday()]}", d.isoformat()
    if 1 <= lag <= 6 and ctx.chance(0.3):
        return f"last {WEEKDAYS[d.weekday()]}", d.isoformat()
    if 0 <= lag <= 6 and ctx.chance(0.4):
        return f"on {WEEKDAYS[d.weekday()]}, {long_date(d, ctx, year=False)}", d.isoformat()
    return f"on {long_date(d, ctx, year=d.year != pub.year or ctx.chance(0.5))}", d.isoformat()


def date_past(day: int, ctx: Ctx) -> tuple[str, str | None]:
    """Vaguer phrase for an earlier event in a person's history."""
    d = as_date(day)
    r = ctx.rnd.random()
    if r < 0.2:
        return "", None
    if r < 0.6:
        return f"in {d.year}", str(d.year)
    if r < 0.85:
        return f"in {d.strftime('%B %Y')}", d.strftime("%Y-%m")
    return f"on {long_date(d, ctx)}", d.isoformat()


def prison_name(canonical: str, ctx: Ctx) -> str:
    aliases = prison_aliases(canonical)[0]
    return ctx.choice(aliases) if aliases and ctx.chance(0.35) else canonical


def prison(p: Person, ctx: Ctx, shown: Shown) -> str:
    """'in <prison>', 'in a prison in <city>' or nothing."""
    r = ctx.rnd.random()
    if r < ctx.src.missing * 0.5:
        return ""
    if r < ctx.src.missing * 0.5 + 0.1:
        shown.city = True
        return f"in a prison in {p.prison_row[2]}"
    shown.prison = True
    return f"in {prison_name(p.prison_row[0], ctx)}"


def charge(p: Person, ctx: Ctx, shown: Shown) -> str:
    if ctx.chance(ctx.src.missing):
        return ""
    shown.charges = True
    words = " and ".join(T.CHARGE_EN[c] for c in p.charges)
    if p.charges == ("drug",):
        return ctx.choice([" on drug-related charges", ", convicted of drug trafficking"])
    return ctx.choice([f", convicted of {words}", f" on charges of {words}"])


def intro(p: Person, written: str, day: int, ctx: Ctx, shown: Shown) -> str:
    """The person's name with appositives (age, father, nationality, ethnicity)."""
    parts = []
    if ctx.chance(0.35 * (1 - ctx.src.missing)):
        shown.age = True
        parts.append(str(ctx.age(p, day)))
    if ctx.chance(ctx.src.father_rate):
        parts.append(f"{'daughter' if p.sex == 'f' else 'son'} of {name_of_father(p, ctx)}")
    if p.nationality == "AF" and ctx.chance(0.8):
        shown.nationality = True
        parts.append("an Afghan national")
    elif p.ethnicity and ctx.chance(0.5):
        shown.ethnicity = True
        who = "woman" if p.sex == "f" else ctx.choice(["prisoner", "citizen", "man"])
        word = T.ETHNICITY_EN[p.ethnicity]
        parts.append(f"{'an' if word[0] in 'AEIOU' else 'a'} {word} {who}")
    elif p.sex == "f" and len(parts) < 2 and ctx.chance(0.6):
        parts.append("a woman")
    return ", ".join([written] + parts) + ("," if parts else "")


def name_of_father(p: Person, ctx: Ctx) -> str:
    from .spelling import father_name
    return father_name(p, ctx.src, ctx.rnd, "latin")


EVENT = {
    "executed": ["{N} was executed {P} {D}{C}.", "{N} was hanged {D} {P}{C}.",
                 "The authorities hanged {N} {P} {D}{C}.",
                 "The death sentence of {N} was carried out {D} {P}{C}."],
    "sentenced": ["{N} was sentenced to death {D}{C}.", "A court sentenced {N} to death {D}{C}.",
                  "{N}, held {P}, received a death sentence {D}{C}."],
    "upheld": ["The Supreme Court upheld the death sentence of {N} {D}{C}.",
               "The death sentence of {N} was confirmed by the Supreme Court {D}{C}."],
    "at_risk": ["{N} was transferred to solitary confinement {P} {D} in preparation for {his} execution{C}.",
                "{N} is at imminent risk of execution after being moved to solitary confinement {P} {D}{C}."],
    "halted": ["The execution of {N} {P} was halted {D} and {he} was returned to {his} ward{C}.",
               "{N} was returned to {his} cell {P} {D} after {his} execution was postponed{C}."],
    "commuted": ["The death sentence of {N} was commuted to a prison term {D}{C}.",
                 "{N}, held {P}, had {his} death sentence commuted {D}{C}."],
    "forgiven": ["{N} was spared at the gallows {P} {D} after the victim's family granted forgiveness{C}.",
                 "The family of the victim forgave {N} {D}, stopping {his} execution {P}{C}."],
}
HISTORY = {
    "sentenced": "{He} had been sentenced to death {D}.",
    "upheld": "The Supreme Court upheld the sentence {D}.",
    "at_risk": "{He} had been transferred to solitary confinement {D}.",
    "halted": "An earlier attempt to execute {him} was halted {D}.",
}


PUBLIC = ["{N} was hanged in public in {city} {D}{C}.",
          "{N} was executed in public in the city of {city} {D}{C}."]


def public_template(p: Person, ctx: Ctx) -> str:
    return ctx.choice(PUBLIC).replace("{city}", p.prison_row[2])


def template(status: str, p: Person, ctx: Ctx) -> str:
    """One phrasing of a status event, with {N} name, {D} date, {P} prison, {C} charge."""
    return ctx.choice(EVENT[status])


def fill(tpl: str, n: str, d: str, pr: str, c: str, p: Person) -> str:
    return tpl.format(N=n, D=d, P=pr, C=c, he=he(p), his=his(p))


def history_sentence(status: str, d: str, p: Person, ctx: Ctx) -> str:
    pron = he(p)
    return HISTORY[status].format(He=pron.capitalize(), D=d, him="her" if p.sex == "f" else "him")


def group_lead(count: int, at_least: bool, d: str, pr: str, woman: bool, c: str, ctx: Ctx,
               afghans: int = 0) -> str:
    num = ("at least " if at_least else "") + number(count, ctx)
    incl = ", including a woman," if woman else ""
    if afghans and not woman:
        incl = f", including {NUMBER_WORDS[afghans] if afghans < 13 else afghans} Afghan national{'s' if afghans > 1 else ''},"
    return ctx.choice([
        f"{num[:1].upper() + num[1:]} prisoners{incl} were executed {pr} {d}{c}.",
        f"{ctx.src_name} reports that {num} prisoners{incl} were hanged {pr} {d}{c}.",
        f"The authorities hanged {num} prisoners{incl} {pr} {d}{c}.",
    ])


def identified(intros: list[str], count: int, ctx: Ctx) -> str:
    if not intros:
        return "Their identities have not been released."
    listing = ", ".join(intros[:-1]) + (" and " if len(intros) > 1 else "") + intros[-1]
    if len(intros) == count:
        return f"They were identified as {listing}."
    if len(intros) == 1:
        return ctx.choice([f"One of them was identified as {listing}.",
                           f"Among them was {listing}."])
    k = number(len(intros), ctx, capital=True)
    return ctx.choice([f"{k} of them were identified as {listing}.",
                       f"Among them were {listing}."])


def campaign(week: int | None, d: str, prisons: list[str], participants: int | None,
             ctx: Ctx) -> str:
    names = [p.removesuffix(" Prison") for p in prisons]
    listing = ", ".join(names[:-1]) + " and " + names[-1] if len(names) > 1 else names[0]
    wk = f" in the {ordinal(week)} week of" if week else " as part of"
    text = (f"Prisoners in {listing} prisons went on hunger strike {d}{wk} the "
            f"\"No to Execution Tuesdays\" campaign.")
    if participants:
        text += f" About {participants} prisoners took part, according to {ctx.src_name}."
    return text + " The strikers called for an end to the wave of executions."


def ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def stats_total(value: int, year: int, attrib: str | None) -> tuple[str, str]:
    claim = f"at least {value} people have been executed in Iran since the beginning of {year}"
    lead = f"According to {attrib}, " if attrib else "By our count, "
    return lead + claim + ".", claim


def stats_women(value: int) -> tuple[str, str]:
    claim = f"at least {value} women"
    return f"Those executed include {claim}.", claim


def stats_month(value: int, month: dt.date) -> tuple[str, str]:
    claim = f"{value} executions were recorded in {month.strftime('%B %Y')}"
    return f"In total, {claim}.", claim


def dateline(ctx: Ctx) -> str:
    """A wire-style opening such as 'SEPID RIGHTS WATCH – '."""
    return ctx.choice([f"{ctx.src_name.upper()} – ", f"{ctx.src_name}: "])


def closing(ctx: Ctx, executed: bool = False) -> str:
    return ctx.choice([
        "", f"{ctx.src_name} has confirmed the news with informed sources.",
        "Human rights groups have repeatedly warned about the rising number of executions in Iran.",
    ] + (["The execution was not reported by official media."] if executed else []))


def title(kind: str, ctx: Ctx, **kw) -> str:
    if kind == "group":
        place = f" in {kw['place']}" if kw["place"] else ""
        return f"{kw['count']} prisoners executed{place}"
    if kind == "campaign":
        return "Hunger strike against executions continues in Iranian prisons"
    if kind == "stats":
        return f"Execution figures for {kw['year']}"
    if kind == "roundup":
        return "Weekly roundup: executions and death sentences"
    return {"executed": "{n} executed", "sentenced": "{n} sentenced to death",
            "upheld": "Death sentence of {n} upheld", "at_risk": "{n} at imminent risk of execution",
            "halted": "Execution of {n} halted", "commuted": "Death sentence of {n} commuted",
            "forgiven": "{n} spared at the gallows"}[kw["status"]].format(n=kw["name"])
