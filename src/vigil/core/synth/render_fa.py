"""Persian phrasing of synthetic reports (same interface as ``render_en``).

Dates are written in the Jalali calendar with Persian digits; the truth keeps the
Gregorian date, or the least precise certain value when only a Jalali month is given.
"""
from __future__ import annotations

import datetime as dt

from . import tables as T
from .context import Ctx, Shown, as_date, prison_aliases
from .fawords import JALALI_MONTHS, fa_digits, jalali, jalali_month_span, jalali_text, ordinal
from .spelling import persian_name
from .world import Person

GREGORIAN_FA = ("ژانویه", "فوریه", "مارس", "آوریل", "مه", "ژوئن", "ژوئیه", "اوت", "سپتامبر",
                "اکتبر", "نوامبر", "دسامبر")
SMALL = ("", "یک", "دو", "سه", "چهار", "پنج", "شش", "هفت", "هشت", "نه", "ده")


def number(n: int, ctx: Ctx, capital: bool = False) -> str:
    return SMALL[n] if n < len(SMALL) and ctx.chance(0.6) else fa_digits(n)


def name(p: Person, ctx: Ctx) -> str:
    given, surname = persian_name(p, ctx.src, ctx.rnd)
    return f"{given} {surname}"


def _same_jalali_year(d: dt.date, pub: dt.date) -> bool:
    return jalali(d).year == jalali(pub).year and d <= pub


def date(day: int, ctx: Ctx) -> tuple[str, str | None]:
    """Jalali date phrase (year omitted only within the publication's Jalali year)."""
    d, pub = as_date(day), ctx.published
    r = ctx.rnd.random()
    if r < ctx.src.missing * 0.15:
        return "", None
    if r > 1 - ctx.src.month_only:
        return month_phrase(d)
    if (pub - d).days == 1 and ctx.chance(0.15):
        return ctx.choice(["روز گذشته", "دیروز"]), d.isoformat()
    year = not _same_jalali_year(d, pub) or ctx.chance(0.5)
    weekday = 0 <= (pub - d).days <= 6 or ctx.chance(0.3)
    text = ("روز " if weekday else "") + jalali_text(d, year=year, weekday=weekday)
    if ctx.chance(0.1):
        text += f" ({fa_digits(d.day)} {GREGORIAN_FA[d.month - 1]} {fa_digits(d.year)})"
    return text, d.isoformat()


def month_phrase(d: dt.date) -> tuple[str, str | None]:
    """«در آبان‌ماه ۱۴۰۳»: the truth is the Gregorian year when it is certain."""
    j = jalali(d)
    first, last = jalali_month_span(d)
    truth = str(first.year) if first.year == last.year else None
    return f"در {JALALI_MONTHS[j.month - 1]}‌ماه {fa_digits(j.year)}", truth


def date_past(day: int, ctx: Ctx) -> tuple[str, str | None]:
    d = as_date(day)
    r = ctx.rnd.random()
    if r < 0.2:
        return "", None
    if r < 0.7:
        return month_phrase(d)
    return "در تاریخ " + jalali_text(d), d.isoformat()


def prison(p: Person, ctx: Ctx, shown: Shown) -> str:
    r = ctx.rnd.random()
    if r < ctx.src.missing * 0.5:
        return ""
    if r < ctx.src.missing * 0.5 + 0.1:
        shown.city = True
        return f"در یکی از زندان‌های {T.CITY_FA[p.prison_row[2]]}"
    shown.prison = True
    aliases = prison_aliases(p.prison_row[0])[1]
    name = ctx.choice(aliases) if aliases and ctx.chance(0.35) else p.prison_row[1]
    return f"در {name}"


def charge(p: Person, ctx: Ctx, shown: Shown) -> str:
    if ctx.chance(ctx.src.missing):
        return ""
    shown.charges = True
    return "به اتهام " + " و ".join(T.CHARGE_FA[c] for c in p.charges)


def intro(p: Person, written: str, day: int, ctx: Ctx, shown: Shown) -> str:
    parts = [written]
    if ctx.chance(0.35 * (1 - ctx.src.missing)):
        shown.age = True
        parts[0] += f" {fa_digits(ctx.age(p, day))} ساله"
    if ctx.chance(ctx.src.father_rate):
        parts.append(f"فرزند {p.father_fa}")
    if p.nationality == "AF" and ctx.chance(0.8):
        shown.nationality = True
        parts.append("تبعه افغانستان")
    elif p.ethnicity and ctx.chance(0.5):
        shown.ethnicity = True
        parts.append(f"{'زن' if p.sex == 'f' else 'زندانی'} {T.ETHNICITY_FA[p.ethnicity]}")
    elif p.sex == "f" and ctx.chance(0.6):
        parts.append("یک زن")
    return "، ".join(parts) + ("،" if len(parts) > 1 else "")


EVENT = {
    "executed": ["{N} {C} {D} {P} اعدام شد.", "حکم اعدام {N} {C} {D} {P} اجرا شد.",
                 "{N} {D} {P} {C} به دار آویخته شد."],
    "sentenced": ["{N} {D} {C} به اعدام محکوم شد.", "دادگاه {D} {N} را {C} به اعدام محکوم کرد.",
                  "{N}، زندانی محبوس {P}، {D} {C} به اعدام محکوم شد."],
    "upheld": ["حکم اعدام {N} {C} {D} در دیوان عالی کشور تایید شد.",
               "دیوان عالی کشور {D} حکم اعدام {N} را {C} تایید کرد."],
    "at_risk": ["{N} {C} {D} {P} برای اجرای حکم اعدام به سلول انفرادی منتقل شد.",
                "{N} {C} {D} {P} به سلول انفرادی منتقل شده و در خطر اجرای قریب‌الوقوع حکم اعدام است."],
    "halted": ["اجرای حکم اعدام {N} {C} {P} {D} متوقف شد و او به بند بازگردانده شد."],
    "commuted": ["حکم اعدام {N} {C} {D} به حبس تبدیل شد."],
    "forgiven": ["{N} {C} {D} {P} پای چوبه دار با رضایت اولیای دم از قصاص رهایی یافت."],
}
HISTORY = {
    "sentenced": "او پیش‌تر {D} به اعدام محکوم شده بود.",
    "upheld": "این حکم {D} در دیوان عالی کشور تایید شده بود.",
    "at_risk": "او {D} به سلول انفرادی منتقل شده بود.",
    "halted": "اجرای حکم او پیش‌تر {D} متوقف شده بود.",
}


PUBLIC = ["{N} {D} در ملأ عام در شهر {city} {C} به دار آویخته شد.",
          "حکم اعدام {N} {C} {D} در ملأ عام در {city} اجرا شد."]


def public_template(p: Person, ctx: Ctx) -> str:
    return ctx.choice(PUBLIC).replace("{city}", T.CITY_FA[p.prison_row[2]])


def template(status: str, p: Person, ctx: Ctx) -> str:
    """One phrasing of a status event, with {N} name, {D} date, {P} prison, {C} charge."""
    if status == "sentenced" and "murder" in p.charges and ctx.chance(0.5):
        return "{N} {D} {C} به قصاص نفس محکوم شد."
    return ctx.choice(EVENT[status])


def fill(tpl: str, n: str, d: str, pr: str, c: str, p: Person) -> str:
    return tpl.format(N=n, D=d, P=pr, C=c)


def history_sentence(status: str, d: str, p: Person, ctx: Ctx) -> str:
    return HISTORY[status].format(D=d)


def group_lead(count: int, at_least: bool, d: str, pr: str, woman: bool, c: str, ctx: Ctx,
               afghans: int = 0) -> str:
    num = ("دست‌کم " if at_least else "") + number(count, ctx)
    incl = "، از جمله یک زن،" if woman else ""
    if afghans and not woman:
        incl = f"، از جمله {number(afghans, ctx)} تبعه افغانستان،"
    return ctx.choice([
        f"{num} زندانی{incl} {d} {pr} {c} اعدام شدند.",
        f"به گزارش {ctx.src_name}، {num} زندانی{incl} {d} {pr} {c} به دار آویخته شدند.",
    ])


def identified(intros: list[str], count: int, ctx: Ctx) -> str:
    if not intros:
        return "هویت این زندانیان هنوز اعلام نشده است."
    listing = "، ".join(intros[:-1]) + (" و " if len(intros) > 1 else "") + intros[-1]
    if len(intros) == count:
        return f"این زندانیان {listing} شناسایی شده‌اند."
    k = "یک" if len(intros) == 1 else number(len(intros), ctx)
    return f"هویت {k} تن از آنان {listing} اعلام شده است."


def campaign(week: int | None, d: str, prisons: list[str], participants: int | None,
             ctx: Ctx) -> str:
    fa = {p[0]: p[1].removeprefix("زندان ") for p in T.PRISONS}
    names = [fa[p] for p in prisons]
    listing = "، ".join(names[:-1]) + " و " + names[-1] if len(names) > 1 else names[0]
    wk = f"در {ordinal(week)} هفته" if week else "در ادامه"
    text = (f"زندانیان در زندان‌های {listing} {d} {wk} کارزار «سه‌شنبه‌های نه به اعدام» "
            f"اعتصاب غذا کردند.")
    if participants:
        text += f" به گزارش {ctx.src_name}، حدود {fa_digits(participants)} زندانی در این اعتصاب شرکت داشتند."
    return text + " زندانیان اعتصابی خواستار توقف موج اعدام‌ها شدند."


def stats_total(value: int, jyear: int, attrib: str | None) -> tuple[str, str]:
    claim = f"از ابتدای سال {fa_digits(jyear)} دست‌کم {fa_digits(value)} نفر در ایران اعدام شده‌اند"
    lead = f"بر اساس آمار {attrib}، " if attrib else "بر اساس آمار ما، "
    return lead + claim + ".", claim


def stats_women(value: int) -> tuple[str, str]:
    claim = f"دست‌کم {fa_digits(value)} زن"
    return f"در میان اعدام‌شدگان {claim} دیده می‌شوند.", claim


def stats_month(value: int, jmonth: int, jyear: int) -> tuple[str, str]:
    claim = f"در {JALALI_MONTHS[jmonth - 1]} {fa_digits(jyear)}، {fa_digits(value)} اعدام ثبت شد"
    return claim + ".", claim


def dateline(ctx: Ctx) -> str:
    """An opening such as «به گزارش دیده‌بان حقوق بشر سپید،»."""
    return ctx.choice([f"به گزارش {ctx.src_name}، ", f"{ctx.src_name} – "])


def closing(ctx: Ctx, executed: bool = False) -> str:
    return ctx.choice([
        "", f"{ctx.src_name} این خبر را از منابع مطلع تایید کرده است.",
        "نهادهای حقوق بشری بارها نسبت به افزایش شمار اعدام‌ها در ایران هشدار داده‌اند.",
    ] + (["این اعدام تاکنون در رسانه‌های رسمی اعلام نشده است."] if executed else []))


def title(kind: str, ctx: Ctx, **kw) -> str:
    if kind == "group":
        place = f" در {kw['place']}" if kw["place"] else ""
        return f"اعدام {fa_digits(kw['count'])} زندانی{place}"
    if kind == "campaign":
        return "ادامه اعتصاب غذا در کارزار «سه‌شنبه‌های نه به اعدام»"
    if kind == "stats":
        return f"آمار اعدام‌ها در سال {fa_digits(kw['year'])}"
    if kind == "roundup":
        return "گزارش هفتگی اعدام‌ها و احکام اعدام"
    return {"executed": "اعدام {n}", "sentenced": "صدور حکم اعدام برای {n}",
            "upheld": "تایید حکم اعدام {n}", "at_risk": "انتقال {n} به سلول انفرادی",
            "halted": "توقف اجرای حکم اعدام {n}", "commuted": "تبدیل حکم اعدام {n}",
            "forgiven": "رهایی {n} از قصاص"}[kw["status"]].format(n=kw["name"])

