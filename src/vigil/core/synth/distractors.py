"""Sentences that name people or give years without creating a CASE or a CLAIM.

Real reports mention victims, judges and relatives, repeat a prisoner's name in another
spelling, and add background. An extractor must not turn these into cases, so the
generator adds them (the truth stays unchanged).
"""
from __future__ import annotations

from . import tables as T
from .context import Ctx
from .fawords import fa_digits, jalali
from .spelling import pick_spelling
from .world import GIVEN_M, Person, day_to_date

BACKGROUND_EN = (
    "Iran carries out more executions per capita than any other country.",
    "Human rights groups say that many death sentences follow unfair trials and forced confessions.",
    "The authorities rarely announce executions carried out for drug offences.",
    "Families are often not told in advance that an execution is going to take place.",
    "Ethnic minorities, in particular Baluch and Kurdish prisoners, are over-represented among those executed.",
)
BACKGROUND_FA = (
    "ایران از نظر سرانه اعدام در صدر کشورهای جهان قرار دارد.",
    "نهادهای حقوق بشری می‌گویند بسیاری از احکام اعدام پس از دادرسی‌های ناعادلانه و اعترافات اجباری صادر می‌شوند.",
    "مقام‌ها اعدام‌های مرتبط با مواد مخدر را به ندرت اعلام می‌کنند.",
    "خانواده‌ها اغلب پیش از اجرای حکم از آن مطلع نمی‌شوند.",
)


def background(ctx: Ctx) -> str:
    """A general sentence about the death penalty in Iran (no names, no figures)."""
    return ctx.choice(BACKGROUND_FA if ctx.lang == "fa" else BACKGROUND_EN)


def victim(ctx: Ctx, p: Person, day: int) -> str:
    """'He was convicted of killing <victim> in <year>': the victim is not a case."""
    g = ctx.choice(GIVEN_M)
    s = ctx.choice(T.SURNAMES)
    back = ctx.rnd.randint(1, 4)
    year = day_to_date(day).year - back
    if ctx.lang == "fa":
        year = jalali(day_to_date(day)).year - back
        return f"او متهم بود در سال {fa_digits(year)} مردی به نام {g[0]} {s[0]} را به قتل رسانده است."
    name = f"{pick_spelling(g[1].split('|'), ctx.src, ctx.rnd)} {pick_spelling(s[1].split('|'), ctx.src, ctx.rnd)}"
    pron = "She" if p.sex == "f" else "He"
    return f"{pron} was accused of killing a man named {name} in {year}."


def judge(ctx: Ctx) -> str:
    """The (fictional) judge who issued a sentence: a named official, not a case."""
    g, s = ctx.choice(GIVEN_M), ctx.choice(T.SURNAMES)
    if ctx.lang == "fa":
        return f"این حکم از سوی قاضی {g[0]} {s[0]} صادر شده بود."
    return f"The sentence was issued by Judge {g[1].split('|')[0]} {s[1].split('|')[0]}."


def family(ctx: Ctx, p: Person) -> str:
    """A later reference to the family with the surname in another spelling (English)."""
    if ctx.lang == "fa":
        return f"خانواده {p.surname_fa} از اجرای حکم بی‌خبر بودند."
    return f"The {ctx.choice(p.surname_latin())} family said they had not been informed."
