"""Status-event triggers: the words that say what happened to a person (en and fa).

Each pattern maps to one status of the exchange format: executed, sentenced, upheld,
at_risk, halted, commuted, forgiven.  ``find_triggers`` returns every non-overlapping
trigger in a span of text, with its offsets.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

STATUSES = ("executed", "sentenced", "upheld", "at_risk", "halted", "commuted", "forgiven")


@dataclass(frozen=True)
class Trigger:
    status: str
    start: int
    end: int
    text: str


_FUTURE = r"(?:to be|be|being|would be|will be|could be|may be|might be)"
_EN = [
    # at risk first: "face execution", "be executed", transfers and orders
    ("at_risk", rf"\b{_FUTURE}\s+(?:executed|hanged|put to death)"),
    ("at_risk", r"\b(?:imminent|imminently)\b(?:\s+(?:risk|danger))?(?:\s+of)?(?:\s+(?:execution|being executed))?"),
    ("at_risk", r"\b(?:at|under)\s+(?:grave\s+|serious\s+)?risk\s+of\s+(?:imminent\s+)?(?:execution|being executed)"),
    ("at_risk", r"\bfac(?:e|es|ing)\s+(?:imminent\s+)?execution\b"),
    ("at_risk", r"\b(?:transferred|moved|taken|sent|transfer(?:red)?|move)\b[^.;]{0,60}?\b(?:solitary(?:\s+confinement)?|for\s+(?:the\s+)?execution|to\s+be\s+executed|execution\s+(?:site|ward))"),
    ("at_risk", r"\bexecution\s+(?:order|was scheduled|is scheduled|scheduled)\b"),
    ("at_risk", r"\bordered\b[^.;]{0,80}?\bcarry out\b[^.;]{0,20}?\bdeath sentence"),
    ("at_risk", r"\b(?:sentences?|executions?)\s+(?:are|is|were|was)\s+due\s+to\s+be\s+carried\s+out"),
    ("at_risk", r"\bin danger of\b"),
    ("at_risk", r"\b(?:halt|stop|prevent|suspend)\s+(?:the\s+)?(?:imminent\s+|planned\s+|scheduled\s+)?execution\s+of\b|"
                r"\bexecutions?\b[^.;]{0,80}?\b(?:could|may|might|will|would)\s+(?:take\s+place|be\s+carried\s+out)\b"),
    ("halted", r"\b(?:taken|sent|returned|brought)\s+back\s+to\s+(?:his|her|their)\s+(?:cell|ward)s?\b"),
    ("halted", r"\breturned\s+to\s+(?:his|her|their|the)\s+(?:cell|ward)s?\b"),
    ("halted", r"\b(?:execution|hanging|attempt\s+to\s+(?:execute|hang))s?\b(?:\s+(?:of\b)?[^.;]{0,80}?)?\s+(?:was|were|had been|has been|have been)\s+(?:stopped|halted|postponed|suspended|called off|cancell?ed|put on hold)"),
    ("halted", r"\b(?:stopped|halted|postponed|suspended|called off)\s+(?:the\s+)?(?:planned\s+)?(?:execution|hanging)\b"),
    ("halted", r"\bstopped at the last moment\b"),
    ("forgiven", r"\b(?:granted|gave|obtained)\s+(?:forgiveness|pardon)\b|\bforgave\b|\bagreed\s+to\s+forgive\b|\b(?:has|have|had)\s+forgiven\b|\bwas\s+pardoned\b|"
                 r"\b(?:accept(?:ed)?|agreed\s+to\s+accept)\s+(?:the\s+)?(?:blood\s+money|diy[ae]h?)\b|\b(?:was|were|been)\s+(?:spared|forgiven)\b|\bgranted\s+(?:clemency|a\s+pardon)\b|\bpardoned\b"),
    ("commuted", r"\bcommuted\b|\b(?:death\s+)?sentence\b[^.;]{0,60}?\b(?:was|were|has been|had been)\s+"
                 r"(?:reduced|changed|converted)\s+to\b"),
    ("halted", r"\b(?:granted|given|won|received)\s+(?:a\s+)?(?:last[- ]minute\s+|temporary\s+)?(?:reprieve|stay\s+of\s+execution)\b"),
    ("upheld", r"\b(?:rejected|dismissed|denied)\b[^.;]{0,60}?\bappeals?\b(?=[^.;]{0,40}\b(?:death|execution|qisas)\b)"),
    ("upheld", r"\b(?:upheld|confirmed|made final|finali[sz]ed)\b(?=[^.;]{0,60}\b(?:sentence|verdict|ruling|cases?)\b)|"
               r"\b(?:death\s+)?sentences?\b[^.;]{0,60}?\b(?:was|were|has been|had been|have been)\s+(?:upheld|confirmed|made final|finali[sz]ed)\b|\b(?:Supreme Court|appeals court|court of appeal)\b[^.;]{0,40}?\b(?:upheld|confirmed)\b"),
    ("sentenced", r"\bsentenced\b(?:(?!\b(?:years?|months?|prison|lashes|jail|imprisonment)\b)[^.;]){0,80}?"
                  r"\bto\s+(?:death|qisas|execution)\b"),
    ("sentenced", r"\b(?:under|received|given|issued|handed(?:\s+down)?)\s+(?:a|two|three|\d)?\s*(?:sentences?\s+of\s+death|death\s+sentences?)\b"),
    ("sentenced", r"\bdeath sentences?\s+(?:was|were|had been)\s+(?:issued|handed down|passed)\b"),
    ("sentenced", r"\bcondemned\s+to\s+death\b"),
    ("executed", r"\b(?:executed|hanged|hung|put to death)\b|\b(?:sent|went|taken)\s+to\s+the\s+gallows\b"),
    ("executed", r"(?<!stop the )(?<!halt the )(?<!prevent the )\bexecutions?\s+(?:on\s+[^.;]{0,30}?\s+)?of\b(?=\s+(?:[A-Z\"'«]|(?:a|an|one|two|three|four|five|six|\d+)\b))"),
    ("executed", r"\bexecutions?\s+(?:took place|(?:was|were) carried out)\b"),
    ("at_risk?", r"\btransfer(?:red|s)?\b(?=[^.;]{0,160}?\bto\s+(?:the\s+)?[A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,2}\s+[Pp]rison\b)"),
    ("executed", r"\b(?:death\s+)?sentences?\s+(?:(?:against|of)\s+[^.;]{1,80}?\s+)?(?:was|were|has\s+been|had\s+been)\s+carried\s+out\b|\bcarried\s+out\s+the\s+(?:death\s+)?sentence\b"),
]
_FA = [
    ("at_risk", r"(?:به|در)\s+(?:سلول|سلول‌های|سلولهای)\s+انفرادی[^.؛]{0,40}?منتقل|منتقل\s+(?:شده|شد|شدند)[^.؛]{0,10}?(?:به\s+)?(?:سلول|انفرادی)|برای\s+اجرای\s+(?:حکم|احکام)[^.؛]{0,60}?(?:منتقل|برده)"),
    ("at_risk", r"در\s+آستانه\s+(?:اجرای\s+)?(?:حکم\s+)?اعدام|(?:در\s+)?(?:خطر|معرض)\s+(?:اجرای\s+)?(?:قریب[\s‌]?الوقوع\s+)?(?:حکم\s+)?اعدام|قریب[\s‌]?الوقوع|دستور\s+اجرای\s+حکم"),
    ("halted", r"(?:به\s+(?:بند|سلول)\s+(?:خود\s+)?)?(?:بازگردانده|بازگشت\s+داده)\s+(?:شد|شدند)|اجرای\s+(?:حکم|اعدام)[^.؛]{0,160}?(?:متوقف|لغو|به\s+تعویق|معلق)|(?:توقف|تعویق|لغو)\s+(?:اجرای\s+)?(?:حکم|اعدام)"),
    ("forgiven", r"(?<!جلب )(?<!کسب )(?<!اخذ )رضایت\s+(?:داد|دادند|اولیای\s+دم|خانواده|شاکی)|از\s+(?:اعدام|قصاص)\s+(?:رهایی|نجات)\s+یافت|(?:مورد\s+)?(?:عفو|بخشش)\s+(?:قرار\s+گرفت|شد)|گذشت\s+(?:کرد|کردند)|(?:با\s+)?گذشت\s+(?:خانواده|اولیای\s+دم|شاکی)|بخشیده\s+شد|را\s+بخشید(?:ند)?(?![\u0620-\u064A\u066E-\u06D3\u200c])"),
    ("commuted", r"(?:تخفیف|تبدیل)\s+(?:یافت|شد)|به\s+حبس\s+تبدیل|حکم\s+(?:اعدام|قصاص)[^.؛]{0,60}?"
                 r"(?:کاهش|تقلیل)\s+(?:یافت|پیدا\s+کرد)"),
    ("upheld", r"(?:قطعی\s+شدن|تایید|تأیید)\s+(?:حکم|احکام)|(?:حکم|احکام)[^.؛]{0,80}?(?:قطعی\s+(?:شد|گردید|شده)|(?:تایید|تأیید|ابرام)\s+(?:شد|شده|کرد|کرده|گردید|نمود))|دیوان\s+عالی[^.؛]{0,80}?(?:تایید|تأیید|ابرام)|(?:ابرام|تایید|تأیید)\s+(?:شدن\s+)?حکم|فرجام[\s‌]?خواهی[^.؛]{0,60}?رد\s+(?:شد|کرد)"),
    ("sentenced", r"به\s+(?:اعدام|قصاص)(?:\s+نفس)?\s+محکوم|محکوم\s+به\s+(?:اعدام|قصاص)|(?:صدور|صادر)\s+(?:شدن\s+)?حکم\s+اعدام|حکم\s+اعدام\s+(?:صادر|برای)|"
                  r"حکم\s+(?:اعدام|قصاص)(?:\s+نفس)?[^.؛]{1,160}?صادر\s+(?:شد|شده|گردید|کرد|کرده)(?![\u0620-\u064A\u066E-\u06D3\u200c])"),
    ("executed", r"اعدام\s+(?:شد|شدند|شده|کرد|کردند|گردید)|به\s+دار\s+آویخته|(?<![\u0620-\u064A\u066E-\u06D3\u200c])(?:به\s+)?اجرا\s+(?:شد|شده|گردید|کرد|کردند|درآمد|در\s+آمد|گذاشته\s+شد)(?![\u0620-\u064A\u066E-\u06D3\u200c])|اعدام‌(?:شدگان|شده)"),
    ("at_risk?", r"به\s+زندان\s+\S+(?:\s+\S+)?\s+منتقل\s+(?:شد|شدند|شده)"),
]


_DEATH_CONTEXT = re.compile(r"sentenced to death|death row|death sentence|محکوم\s+به\s+اعدام|به\s+اعدام\s+محکوم|اجرای\s+حکم", re.I)


_ORDINAL_BEFORE = re.compile(r"\b(?:first|second|third|fourth|fifth|sixth|last|\d+(?:st|nd|rd|th))\s+(?:\w+\s+)?$", re.I)
_ARREST = re.compile(r"arrest|بازداشت", re.I)
# 'his family did not know he would be executed', 'had not been told the execution was imminent':
# what someone was not told is no warning of a coming execution
_UNAWARE = re.compile(r"\b(?:not|never|n't|without)\s+(?:\w+\s+){0,2}?(?:know|knew|known|told|informed|"
                      r"notified|warned|aware|notice)\b|(?:اطلاع|خبر)\s+(?:نداشت|نداشتند|نداده)|بی‌خبر", re.I)


def _compile(rules):
    return [(status, re.compile(rx)) for status, rx in rules]


_EN_RX = _compile(_EN)
_FA_RX = _compile(_FA)
_EN_FLAGS_RX = [(s, re.compile(r.pattern, re.I)) if s != "executed" or "A-Z" not in r.pattern
                else (s, r) for s, r in _EN_RX]
# words one of which must occur for a rule to be tried (speed only; same results)
_EN_GATES = [("executed", "hanged", "put to death"), ("imminent",), ("risk",), ("execution",),
             ("solitary", "execution", "executed"), ("execution",), ("carry out",), ("due to be",),
             ("danger",), ("halt", "stop", "prevent", "suspend", "take place", "carried out"), ("back to",), ("returned",),
             ("stopped", "halted", "postponed", "suspended", "called off", "cancel", "on hold"),  # noqa
             ("stopped", "halted", "postponed", "suspended", "called off"),
             ("last moment",), ("forgive", "forgave", "pardon", "blood money", "diya", "spared", "clemency"),
             ("commuted", "reduced", "changed", "converted"), ("reprieve", "stay of execution"),
             ("rejected", "dismissed", "denied"),
             ("upheld", "confirmed", "final"), ("sentenced",), ("death",), ("death sentence",),
             ("condemned",), ("executed", "hanged", "hung", "put to death", "gallows"), ("execution",),
             ("execution",), ("transfer",), ("carried out",)]
_FA_GATES = [("انفرادی", "منتقل", "اجرای"), ("خطر", "معرض", "قریب", "دستور", "آستانه"),
             ("بازگ", "متوقف", "لغو", "تعویق", "معلق", "توقف"), ("رضایت", "عفو", "بخش", "گذشت", "رهایی", "نجات"), ("تخفیف", "تبدیل", "کاهش", "تقلیل"),
             ("قطعی", "تایید", "تأیید", "دیوان", "ابرام", "فرجام"), ("محکوم", "صدور", "صادر"), ("اعدام", "دار", "اجرا"),
             ("منتقل",)]
assert len(_EN_GATES) == len(_EN) and len(_FA_GATES) == len(_FA)


_GATE = {
    "en": re.compile(r"execut|hang|hung|death|sentenc|upheld|confirm|final|solitary|transfer|"
                     r"moved?\b|taken|sent\b|imminent|risk|danger|fac(?:e|es|ing)\b|order|cell|ward|"
                     r"stop|halt|postpon|suspend|called off|cancel|on hold|forg|pardon|clemency|spared|commut|carried|due to be|condemn|"
                     r"reduced|reprieve|appeal", re.I),
    "fa": re.compile(r"اعدام|دار|اجرا|محکوم|قصاص|حکم|منتقل|انفرادی|خطر|معرض|قریب|بازگ|رضایت|عفو|بخش|گذشت|تخفیف|تبدیل|تایید|تأیید|قطعی|ابرام|توقف|تعویق|معلق|کاهش|تقلیل|فرجام"),
}


def _blocks(earlier: str, later: str) -> bool:
    """An earlier trigger hides an overlapping later one, except a forgiveness or a sentencing
    inside a halt («اجرای حکم ... با رضایت اولیای دم متوقف شد» is both)."""
    return not (earlier == "halted" and later in ("forgiven", "sentenced"))


def find_triggers(text: str, start: int = 0, end: int | None = None,
                  language: str = "en") -> list[Trigger]:
    """Non-overlapping status triggers in ``text[start:end]`` (earlier rules win)."""
    end = len(text) if end is None else end
    if not _GATE["fa" if language == "fa" else "en"].search(text, start, end):
        return []
    rules = _FA_RX if language == "fa" else _EN_FLAGS_RX
    gates = _FA_GATES if language == "fa" else _EN_GATES
    low = text[start:end].lower()
    found: list[Trigger] = []
    death = None  # does the sentence speak of death? (searched once, when first needed)
    for (status, rx), gate in zip(rules, gates):
        if not any(map(low.__contains__, gate)):
            continue
        for m in rx.finditer(text, start, end):
            if m.end() == m.start():
                continue
            if any(m.start() < t.end and t.start < m.end() and _blocks(t.status, status)
                   for t in found):
                continue
            if status == "at_risk" and (_ORDINAL_BEFORE.search(text, max(start, m.start() - 30), m.start())
                                        or _UNAWARE.search(text, max(start, m.start() - 70), m.start())):
                continue
            if status.endswith("?"):  # transfer to a prison: only for people facing death
                if death is None:
                    death = bool(_DEATH_CONTEXT.search(text, start, end))
                if not death or _ARREST.search(
                        text, max(start, m.start() - 60), m.start()):
                    continue
                status = status[:-1]
            found.append(Trigger(status, m.start(), m.end(), m.group()))
    return sorted(found, key=lambda t: t.start)
