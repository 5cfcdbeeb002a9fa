"""The monitor's annual or monthly report, from the database, in English or Persian, HTML or PDF.

Chapters follow the field's annual reports: figures at a glance, methodology and sources,
monthly trend, charges, women, juvenile offenders, public executions, ethnic minorities
and foreign nationals, geography, officially announced or not, people at risk, campaigns,
and an annex of the cases. Every figure comes from :mod:`vigil.statistics.queries` and
is printed with its grades and coverage (period rule, uncertain and undated events, unknown
shares). By default only published cases are counted and named, as on the public site.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from django.db.models import Count
from django.template.loader import render_to_string
from django.utils import timezone

from vigil.core.stats import HEADLINE_GRADES, Figure, Filter
from vigil.core.stats.periods import parse_period_spec
from vigil.records.models import Source
from vigil.statistics import queries
from vigil.watch import charts, texts
from vigil.watch.campaigns import campaign_fa, timelines
from vigil.watch.i18n import Fmt
from vigil.watch.status import watch_list

CAPTION_FIELDS = ("date", "sex", "age", "charge", "province", "ethnicity", "nationality", "juvenile")


@dataclass
class Block:
    """One figure as printed: label, formatted value, and its grades/coverage caption."""

    label: str
    value: str
    caption: str
    number: int = 0


def coverage(fig: Figure, fmt: Fmt, fields=CAPTION_FIELDS) -> str:
    """The caption every figure carries: grades, period rule, left-out events, unknown shares."""
    grades = ", ".join(fmt.label("grade", g) for g in fig.grades)
    parts = [fmt.t(f"Grades counted: {grades}.", f"درجه‌های شمرده‌شده: {grades}.")]
    if fig.period:
        parts.append(fmt.t(
            f"Counted when the whole date lies in the period; {fmt.num(fig.uncertain)} events dated only partly "
            f"in it and {fmt.num(fig.undated)} undated events are not added.",
            f"رویدادی شمرده می‌شود که تمام تاریخش در دوره باشد؛ {fmt.num(fig.uncertain)} رویداد با تاریخ ناقص "
            f"و {fmt.num(fig.undated)} رویداد بی‌تاریخ افزوده نشده‌اند."))
    unknown = [f"{fmt.label('field', k)} {fmt.pct(v)}" for k, v in fig.unknown.items() if k in fields and v > 0]
    if unknown and fig.value:
        parts.append(fmt.t("Unknown among counted: " + ", ".join(unknown) + ".",
                           "نامعلوم در میان موارد شمرده‌شده: " + "، ".join(unknown) + "."))
    if fig.filter.get("published_only"):
        parts.append(fmt.t("Only cases a reviewer has published.", "فقط پرونده‌هایی که بازبین منتشر کرده است."))
    return " ".join(parts)


def block(label: str, fig: Figure, fmt: Fmt) -> Block:
    return Block(label, fmt.num(fig.value), coverage(fig, fmt), fig.value)


def group_rows(fig: Figure, field: str, fmt: Fmt, limit: int | None = None) -> list[dict]:
    rows = [{"key": g["key"], "label": fmt.label(field, g["key"]), "value": g["value"], "text": fmt.num(g["value"])}
            for g in fig.groups]
    return rows[:limit] if limit else rows


def _months(start: date, end: date) -> list[str]:
    keys, y, m = [], start.year, start.month
    while (y, m) <= (end.year, end.month):
        keys.append(f"{y}-{m:02d}")
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return keys


def monthly(fig: Figure, period, fmt: Fmt) -> list[dict]:
    """Every month of the period (zero where nothing was counted), then 'unknown' month if any."""
    counts = {g["key"]: g["value"] for g in fig.groups}
    rows = [{"key": k, "label": fmt.month(k), "short": fmt.digits(int(k[5:])), "value": counts.get(k, 0),
             "text": fmt.num(counts.get(k, 0))} for k in _months(period.start, period.end)]
    if counts.get("unknown"):
        rows.append({"key": "unknown", "label": fmt.t("month unknown", "ماه نامعلوم"), "short": "?",
                     "value": counts["unknown"], "text": fmt.num(counts["unknown"])})
    return rows


def sources_table(flt: Filter, fmt: Fmt) -> list[dict]:
    """The sources behind the counted events, by public name (confidential ones numbered)."""
    events = queries.in_period(queries.matching(flt), flt)
    sources = (Source.objects.filter(mentions__events__in=events)
               .annotate(n=Count("mentions__events", distinct=True)).order_by("-n", "name"))
    return [{"name": s.public_name, "kind": fmt.label("source_kind", s.kind), "value": s.n, "text": fmt.num(s.n)} for s in sources]


def annex(flt: Filter, fmt: Fmt) -> list[dict]:
    """Every counted case: name, date, place, charges, grade, sources."""
    events = (queries.in_period(queries.matching(flt), flt).select_related("case__person")
              .prefetch_related("mentions__source").order_by("date_start", "pk"))
    rows = []
    for e in events:
        person = e.case.person
        name = (person.name_fa or person.name_latin) if fmt.fa else (person.name_latin or person.name_fa)
        rows.append({"id": e.case.public_id, "name": name or person.public_id, "date": fmt.date(e.date),
                     "place": fmt.place(e.prison or e.city or e.province),
                     "province": fmt.place(e.province) if e.province else "",
                     "charges": "، ".join(fmt.label("charge", c) for c in e.charges) if fmt.fa
                     else ", ".join(fmt.label("charge", c) for c in e.charges),
                     "grade": fmt.label("grade", e.grade), "official": e.officially_announced,
                     "sources": sorted({m.source.public_name for m in e.mentions.all()})})
    return rows


def _at_risk(fmt: Fmt, published_only: bool, today: date) -> list[dict]:
    rows = []
    for entry in watch_list(published_only=published_only, today=today):
        data = entry.to_dict()
        name = (data["name_fa"] or data["name_latin"]) if fmt.fa else (data["name_latin"] or data["name_fa"])
        rows.append({**data, "display": name or data["person"], "status_label": fmt.label("status", data["status"]),
                     "since": fmt.date(data["at_risk_since"]), "days": fmt.num(data["days_at_risk"]),
                     "place": fmt.place(data["prison"] or data["province"]),
                     "charges_label": ", ".join(fmt.label("charge", c) for c in data["charges"]),
                     "latest": fmt.date(data["date"])})
    return rows


def _campaigns(fmt: Fmt, at_risk: list[dict], period) -> list[dict]:
    out = []
    for item in timelines(at_risk, start=period.start, end=period.end):
        if fmt.fa:
            item = {**item, **campaign_fa(item["name"])}
        weeks = [{**w, "date_label": fmt.date(w["date"]), "week_label": fmt.num(w["week"]),
                  "count_label": fmt.num(w["prison_count"]),
                  "growth_label": ("+" + fmt.num(w["growth"])) if w["growth"] is not None else "",
                  "prisons_label": ", ".join(fmt.place(p) for p in w["prisons"])} for w in item["weeks"]]
        chart = charts.columns([{"label": fmt.t(f"wk {w['week']}", fmt.digits(w["week"])), "value": w["prison_count"],
                                 "text": fmt.num(w["prison_count"])} for w in item["weeks"]], height=160,
                               rtl=fmt.fa) if len(weeks) > 1 else ""
        out.append({**item, "weeks": weeks, "chart": chart, "participants_label": fmt.num(item["participants"]),
                    "days_label": fmt.num(item["days"]), "prisons_label": ", ".join(fmt.place(p) for p in item["prisons"])})
    return out


class _Figures:
    """The report's figures over one filter; breakdowns reuse the total (one GROUP BY each)."""

    def __init__(self, flt: Filter):
        self.flt = flt
        self.total = queries.figure(flt, cases=False)

    def __call__(self, by: str | None = None, **changes) -> Figure:
        flt = self.flt.but(**changes) if changes else self.flt
        base = self.total if by and not changes else None
        return queries.figure(flt, by, cases=False, base=base)


def _glance(figs: _Figures, fmt: Fmt, at_risk: list[dict]) -> list[Block]:
    nationality = figs("nationality")
    foreign = sum(g["value"] for g in nationality.groups if g["key"] not in ("unknown", "IR"))
    return [block(fmt.t("Executions recorded", "اعدام‌های ثبت‌شده"), figs.total, fmt),
            block(fmt.t("of which official or corroborated", "از این میان رسمی یا تأییدشده"),
                  figs(grades=HEADLINE_GRADES), fmt),
            block(fmt.t("Women", "زنان"), figs(sex="f"), fmt),
            block(fmt.t("Juvenile offenders", "مجرمان نوجوان"), figs(juvenile=True), fmt),
            block(fmt.t("Public executions", "اعدام در ملأ عام"), figs(public=True), fmt),
            block(fmt.t("Officially announced", "اعلام‌شده به‌طور رسمی"), figs(officially_announced=True), fmt),
            Block(fmt.t("Foreign nationals", "اتباع خارجی"), fmt.num(foreign),
                  coverage(nationality, fmt) + " " + fmt.t(*texts.NATIONALITY_NOTE), foreign),
            Block(fmt.t("People at imminent risk now", "افراد در خطر قریب‌الوقوع اعدام"), fmt.num(len(at_risk)),
                  fmt.t(*texts.AT_RISK_NOTE), len(at_risk))]


def _trend_and_charges(figs: _Figures, fmt: Fmt, span) -> dict:
    by_month, by_charge = figs("month"), figs("charge")
    months = monthly(by_month, span, fmt)
    charges = group_rows(by_charge, "charge", fmt)
    return {"months": months, "months_caption": coverage(by_month, fmt),
            "months_chart": charts.columns([{"label": r["short"], "value": r["value"], "text": r["text"]}
                                            for r in months], rtl=fmt.fa),
            "charges": charges, "charges_chart": charts.hbars(charges, rtl=fmt.fa),
            "charges_caption": coverage(by_charge, fmt) + " " + fmt.t(*texts.CHARGE_NOTE)}


def _groups_of_people(figs: _Figures, fmt: Fmt) -> dict:
    """Women, juvenile offenders, public executions, ethnic minorities, foreign nationals."""
    by_ethnicity, by_nationality = figs("ethnicity"), figs("nationality")
    return {"women": block("", figs(sex="f"), fmt),
            "women_charges": group_rows(figs("charge", sex="f"), "charge", fmt),
            "juvenile": block("", figs(juvenile=True), fmt),
            "juvenile_cases": annex(figs.flt.but(juvenile=True), fmt),
            "public": block("", figs(public=True), fmt),
            "public_provinces": group_rows(figs("province", public=True), "province", fmt),
            "ethnicities": group_rows(by_ethnicity, "ethnicity", fmt), "ethnicity_caption": coverage(by_ethnicity, fmt),
            "nationalities": group_rows(by_nationality, "nationality", fmt),
            "nationality_caption": coverage(by_nationality, fmt) + " " + fmt.t(*texts.NATIONALITY_NOTE)}


def _geography(figs: _Figures, fmt: Fmt) -> dict:
    by_province, by_official = figs("province"), figs("officially_announced")
    capita = queries.per_capita_figure(figs.flt, base=figs.total)
    return {"provinces": [{**r, "label": fmt.place(r["key"]), "text": fmt.num(r["value"]),
                           "population": fmt.num(r["population"]), "rate_text": fmt.num(r["rate"])}
                          for r in capita["rates"]],
            "province_caption": coverage(by_province, fmt), "census": capita["population_source"],
            "map": charts.province_map(by_province.groups),
            "official_rows": group_rows(by_official, "officially_announced", fmt),
            "official_caption": coverage(by_official, fmt) + " " + fmt.t(*texts.OFFICIAL_NOTE)}


def report_context(period: str, *, lang: str = "en", grades: str = "documented", published_only: bool = True,
                   today: date | None = None) -> dict:
    """Everything the report template shows, computed from the database."""
    fmt = Fmt(lang)
    today = today or timezone.now().date()
    span = parse_period_spec(period)
    if span is None:
        raise ValueError("a report needs a period, e.g. 2025 or 2025-03")
    flt = Filter(period=period, grades=grades, published_only=published_only)
    figs = _Figures(flt)
    at_risk = _at_risk(fmt, published_only, today)
    return {
        "lang": lang, "dir": "rtl" if fmt.fa else "ltr", "fa": fmt.fa, "t": texts.words(lang),
        "title": texts.title(fmt, span, period), "period": span, "period_label": fmt.digits(period),
        "period_dates": f"{fmt.date(span.start.isoformat())} – {fmt.date(span.end.isoformat())}",
        "generated": fmt.date(today.isoformat()), "grades": [fmt.label("grade", g) for g in flt.grades],
        "published_only": published_only, "glance": _glance(figs, fmt, at_risk),
        "total": block("", figs.total, fmt), "method": texts.method(fmt), "sources": sources_table(flt, fmt),
        **_trend_and_charges(figs, fmt, span), **_groups_of_people(figs, fmt), **_geography(figs, fmt),
        "at_risk": at_risk, "campaigns": _campaigns(fmt, at_risk, span), "annex": annex(flt, fmt),
    }


def render_html(context: dict) -> str:
    return render_to_string("watch/report.html", context)


def render_pdf(html: str) -> bytes:
    """The HTML drawn to PDF by WeasyPrint (charts are inline SVG)."""
    from weasyprint import HTML

    return HTML(string=html, base_url=".").write_pdf()


def write_report(period: str, *, lang: str = "en", fmt: str = "html", output: str | Path | None = None,
                 **options) -> Path:
    """Build the report and write it to ``output`` (default ``vigil-report-<period>-<lang>.<fmt>``)."""
    if fmt not in ("html", "pdf"):
        raise ValueError("format must be html or pdf")
    html = render_html(report_context(period, lang=lang, **options))
    path = Path(output or f"vigil-report-{period}-{lang}.{fmt}")
    if fmt == "pdf":
        path.write_bytes(render_pdf(html))
    else:
        path.write_text(html, encoding="utf-8")
    return path
