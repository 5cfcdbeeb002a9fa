"""Words and number/date formats of the report in English and Persian.

Persian output uses Persian digits («۱۲۳»), the Persian thousands separator («٬») and
Jalali dates («۲۲ اسفند ۱۴۰۳»); English output uses Gregorian dates. Place names come
from the gazetteer in both scripts.
"""
from __future__ import annotations

from functools import lru_cache

from vigil.core import gazetteer
from vigil.core.calendars import to_jalali
from vigil.core.watch import first_day

FA_DIGITS = str.maketrans("0123456789.,%", "۰۱۲۳۴۵۶۷۸۹٫٬٪")
JALALI_MONTHS = ("فروردین", "اردیبهشت", "خرداد", "تیر", "مرداد", "شهریور", "مهر", "آبان", "آذر", "دی", "بهمن", "اسفند")
GREGORIAN_FA = ("ژانویه", "فوریه", "مارس", "آوریل", "مه", "ژوئن", "ژوئیه", "اوت", "سپتامبر", "اکتبر", "نوامبر", "دسامبر")
GREGORIAN_EN = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
                "November", "December")

LABELS = {
    "charge": {
        "drug": ("Drug-related", "مواد مخدر"), "murder": ("Murder", "قتل"), "rape": ("Rape", "تجاوز جنسی"),
        "moharebeh": ("Moharebeh (enmity against God)", "محاربه"), "baghi": ("Baghi (armed rebellion)", "بغی"),
        "efsad": ("Efsad-fil-arz (corruption on earth)", "افساد فی‌الارض"), "espionage": ("Espionage", "جاسوسی"),
        "armed_robbery": ("Armed robbery", "سرقت مسلحانه"), "kidnapping": ("Kidnapping", "آدم‌ربایی"),
        "adultery": ("Adultery", "زنا"), "sodomy": ("Sodomy", "لواط"), "blasphemy": ("Blasphemy", "توهین به مقدسات"),
        "alcohol": ("Alcohol", "مصرف مشروبات الکلی"), "other": ("Other", "سایر"),
    },
    "grade": {
        "official": ("official", "رسمی"), "corroborated": ("corroborated", "تأییدشده از چند منبع مستقل"),
        "single_source": ("single source", "تک‌منبعی"), "disputed": ("disputed", "مورد اختلاف"),
        "unassessed": ("not assessed", "ارزیابی‌نشده"),
    },
    "status": {
        "arrested": ("Arrested", "بازداشت"), "sentenced": ("Sentenced to death", "محکوم به اعدام"),
        "upheld": ("Death sentence upheld", "تأیید حکم اعدام"),
        "at_risk": ("At imminent risk (solitary / execution order)", "در خطر قریب‌الوقوع اعدام (انفرادی / دستور اجرا)"),
        "executed": ("Executed", "اعدام‌شده"), "halted": ("Execution halted", "توقف اجرای حکم"),
        "commuted": ("Sentence commuted", "تخفیف حکم"), "forgiven": ("Forgiven / pardoned", "عفو / گذشت"),
        "died_in_custody": ("Died in custody", "مرگ در بازداشت"),
    },
    "ethnicity": {
        "baluch": ("Baluch", "بلوچ"), "kurd": ("Kurd", "کرد"), "turk": ("Turk", "ترک"), "lor": ("Lor", "لر"),
        "arab": ("Arab", "عرب"), "gilak": ("Gilak", "گیلک"), "turkmen": ("Turkmen", "ترکمن"),
    },
    "nationality": {"AF": ("Afghan", "افغانستانی"), "IQ": ("Iraqi", "عراقی"), "PK": ("Pakistani", "پاکستانی")},
    "sex": {"m": ("Male", "مرد"), "f": ("Female", "زن")},
    "source_kind": {
        "official": ("Official judiciary or state media", "قوهٔ قضاییه یا رسانهٔ حکومتی"),
        "ngo": ("Non-governmental organisation", "سازمان غیردولتی"), "media": ("Independent media", "رسانهٔ مستقل"),
        "family": ("Family", "خانواده"), "lawyer": ("Lawyer", "وکیل"), "witness": ("Witness", "شاهد"),
        "prison": ("Prison source", "منبع در زندان"), "social": ("Social media", "شبکه‌های اجتماعی"),
        "list": ("Another organisation's list", "فهرست سازمانی دیگر"), "other": ("Other", "سایر"),
    },
    "officially_announced": {True: ("Officially announced", "اعلام رسمی"), False: ("Not announced", "اعلام‌نشده"),
                             "True": ("Officially announced", "اعلام رسمی"), "False": ("Not announced", "اعلام‌نشده")},
    "field": {"date": ("date", "تاریخ"), "sex": ("sex", "جنسیت"), "age": ("age", "سن"), "charge": ("charge", "اتهام"),
              "province": ("province", "استان"), "prison": ("prison", "زندان"), "city": ("city", "شهر"),
              "ethnicity": ("ethnicity", "قومیت"), "nationality": ("nationality", "تابعیت"),
              "juvenile": ("juvenile", "نوجوان بودن")},
}
UNKNOWN = ("unknown", "نامعلوم")


@lru_cache(maxsize=1)
def _places() -> dict[str, str]:
    names: dict[str, str] = {}
    for entry in list(gazetteer.provinces()) + list(gazetteer.prisons()) + list(gazetteer.cities()):
        names.setdefault(entry.name, entry.name_fa)
    return names


class Fmt:
    """Formats numbers, dates, months and labels in one language ('en' or 'fa')."""

    def __init__(self, lang: str = "en"):
        if lang not in ("en", "fa"):
            raise ValueError("language must be 'en' or 'fa'")
        self.lang = lang
        self.fa = lang == "fa"

    def t(self, en: str, fa: str) -> str:
        return fa if self.fa else en

    def digits(self, text) -> str:
        return str(text).translate(FA_DIGITS) if self.fa else str(text)

    def num(self, value) -> str:
        if value is None:
            return "—"
        text = f"{value:,}" if isinstance(value, int) else f"{value:,.2f}".rstrip("0").rstrip(".")
        return self.digits(text)

    def pct(self, share: float) -> str:
        return self.digits(f"{round(share * 100)}%")

    def date(self, value: str | None) -> str:
        """A partial ISO date: '2025-03-12' → '12 March 2025' or «۲۲ اسفند ۱۴۰۳»."""
        if not value:
            return self.t("undated", "بی‌تاریخ")
        day = first_day(value)
        if day is None:
            return self.digits(value)
        if not self.fa:
            return {10: f"{day.day} {GREGORIAN_EN[day.month - 1]} {day.year}",
                    7: f"{GREGORIAN_EN[day.month - 1]} {day.year}"}.get(len(value), str(day.year))
        jy, jm, jd = to_jalali(day)
        if len(value) == 10:
            return self.digits(f"{jd} {JALALI_MONTHS[jm - 1]} {jy}")
        if len(value) == 7:
            return self.digits(f"{GREGORIAN_FA[day.month - 1]} {day.year}")
        return self.digits(f"{day.year} ({jy}–{jy + 1})")

    def month(self, key: str) -> str:
        """A Gregorian month key '2025-03' → 'Mar 2025' or «مارس ۲۰۲۵»."""
        if len(key) != 7:
            return self.label("", key)
        year, month = int(key[:4]), int(key[5:])
        return self.digits(f"{GREGORIAN_FA[month - 1]} {year}") if self.fa else f"{GREGORIAN_EN[month - 1][:3]} {year}"

    def place(self, name: str) -> str:
        if not name or name == "unknown":
            return self.t(*UNKNOWN)
        return (_places().get(name) or name) if self.fa else name

    def label(self, field: str, value) -> str:
        if field in ("province", "prison", "city"):
            return self.place(value)
        if value in (None, "", "unknown"):
            return self.t(*UNKNOWN)
        pair = LABELS.get(field, {}).get(value)
        return (pair[1] if self.fa else pair[0]) if pair else str(value)
