"""Fixed texts of the report (chapter titles, headers, methodology) in English and Persian."""
from __future__ import annotations

WORDS = {
    "glance": ("Figures at a glance", "آمار در یک نگاه"),
    "method": ("Methodology and sources", "روش‌شناسی و منابع"),
    "monthly": ("Monthly trend", "روند ماهانه"),
    "charges": ("Executions by charge", "اعدام‌ها بر پایهٔ اتهام"),
    "women": ("Women", "زنان"),
    "juvenile": ("Juvenile offenders", "مجرمان نوجوان"),
    "public": ("Public executions", "اعدام در ملأ عام"),
    "minorities": ("Ethnic minorities and foreign nationals", "اقلیت‌های قومی و اتباع خارجی"),
    "geography": ("Geography", "جغرافیا"),
    "official": ("Officially announced or not", "اعلام رسمی و اعلام‌نشده"),
    "at_risk": ("People at imminent risk", "افراد در خطر قریب‌الوقوع اعدام"),
    "campaigns": ("Campaigns", "کارزارها"),
    "annex": ("Annex: the cases", "پیوست: فهرست پرونده‌ها"),
    "contents": ("Contents", "فهرست"),
    "name": ("Name", "نام"), "date": ("Date", "تاریخ"), "place": ("Place", "محل"), "charges_h": ("Charges", "اتهام"),
    "grade": ("Grade", "درجهٔ راستی‌آزمایی"), "sources_h": ("Sources", "منابع"), "case": ("Case", "پرونده"),
    "count": ("Cases", "شمار"), "month": ("Month", "ماه"), "charge": ("Charge", "اتهام"),
    "province": ("Province", "استان"), "population": ("Population", "جمعیت"),
    "rate": ("Per million", "در هر میلیون نفر"), "source": ("Source", "منبع"), "kind": ("Kind", "نوع"),
    "events": ("Events cited", "رویدادهای مستند"), "status": ("Status", "وضعیت"),
    "since": ("At risk since", "در خطر از"), "days": ("Days at risk", "روزهای در خطر"),
    "latest": ("Latest report", "آخرین گزارش"), "week": ("Week", "هفته"), "prisons": ("Prisons", "زندان‌ها"),
    "named": ("Named prisons", "زندان‌های نام‌برده"), "growth": ("Growth", "رشد"),
    "participants": ("Participants", "شرکت‌کنندگان"), "demands": ("Demands", "خواسته‌ها"),
    "outcome": ("Outcome", "نتیجه"), "duration": ("Days", "مدت (روز)"),
    "linked": ("People at risk in these prisons", "افراد در خطر در این زندان‌ها"),
    "ethnicity": ("Ethnicity", "قومیت"), "nationality": ("Nationality", "تابعیت"),
    "none": ("None recorded.", "موردی ثبت نشده است."), "official_col": ("Announcement", "اعلام"),
    "generated": ("Generated", "تاریخ تهیه"), "grades": ("Grades counted", "درجه‌های شمرده‌شده"),
    "map_note": ("Map: cases by province", "نقشه: پرونده‌ها بر پایهٔ استان"),
}
NATIONALITY_NOTE = ("Nationality is recorded only for foreign nationals.", "تابعیت فقط برای اتباع خارجی ثبت می‌شود.")
AT_RISK_NOTE = (
    "Current status derived from each person's status history: death sentence upheld, transferred to solitary "
    "confinement or an execution order issued, with no later execution, halt or commutation recorded.",
    "وضعیت کنونی از تاریخچهٔ وضعیت هر فرد به دست می‌آید: تأیید حکم اعدام، انتقال به سلول انفرادی یا صدور دستور "
    "اجرا، بی آنکه اعدام، توقف یا تخفیف حکمی پس از آن ثبت شده باشد.")
CHARGE_NOTE = ("A case with several charges counts under each.", "پرونده‌ای با چند اتهام زیر هر اتهام شمرده می‌شود.")
OFFICIAL_NOTE = ("Officially announced: reported by the judiciary or state media.",
                 "اعلام رسمی: گزارش‌شده از سوی قوهٔ قضاییه یا رسانه‌های حکومتی.")
METHOD = (
    ("Every figure in this report is computed from Vigil's case database. Each case is a named person; the "
     "reports that mention them are linked into one record, and every value keeps the sources that support it.",
     "همهٔ آمار این گزارش از پایگاه دادهٔ پرونده‌های ویجیل محاسبه شده است. هر پرونده یک فرد مشخص است؛ گزارش‌هایی که از "
     "او نام می‌برند به یک پرونده پیوند می‌خورند و هر مقدار با منابع پشتیبانش نگه داشته می‌شود."),
    ("Verification grades: official (announced by the judiciary or state media), corroborated (two or more "
     "independent source groups), single source, disputed (sources disagree on the date or age), not assessed.",
     "درجه‌های راستی‌آزمایی: رسمی (اعلام‌شده از سوی قوهٔ قضاییه یا رسانه‌های حکومتی)، تأییدشده (دو گروه منبع مستقل یا "
     "بیشتر)، تک‌منبعی، مورد اختلاف (منابع در تاریخ یا سن اختلاف دارند) و ارزیابی‌نشده."),
    ("Period rule: an execution counts in the period when its whole recorded date (day, month or year) lies in "
     "it. Executions dated only partly in the period and undated executions are reported beside each figure, "
     "never added. Shares of unknown values are given with each figure.",
     "قاعدهٔ دوره: اعدامی در دوره شمرده می‌شود که تمام تاریخ ثبت‌شده‌اش (روز، ماه یا سال) در آن باشد. اعدام‌هایی که "
     "تاریخشان تنها بخشی از دوره را می‌پوشاند و اعدام‌های بی‌تاریخ کنار هر رقم گزارش می‌شوند و هرگز افزوده "
     "نمی‌شوند. سهم مقادیر نامعلوم کنار هر رقم آمده است."),
    ("These are documented cases, a minimum: executions that no source reported are not in the database. "
     "Sources are named by their public names; confidential sources are numbered.",
     "این‌ها موارد مستند و حداقل‌اند: اعدام‌هایی که هیچ منبعی گزارش نکرده در پایگاه داده نیستند. منابع با نام عمومی‌شان "
     "آمده‌اند و منابع محرمانه شماره‌گذاری شده‌اند."),
)


def words(lang: str) -> dict[str, str]:
    """Chapter titles and table headers in one language."""
    index = 1 if lang == "fa" else 0
    return {key: pair[index] for key, pair in WORDS.items()}


def title(fmt, span, period: str) -> str:
    if len(period) == 7:
        when = fmt.month(period)
        return fmt.t(f"Executions in Iran: monthly report, {when}", f"اعدام در ایران: گزارش ماهانهٔ {when}")
    return fmt.t(f"Executions in Iran: annual report {period}", f"اعدام در ایران: گزارش سالانهٔ {fmt.digits(period)}")


def method(fmt) -> list[str]:
    return [fmt.t(en, fa) for en, fa in METHOD]
