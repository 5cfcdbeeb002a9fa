"""Status triggers and their assignment to names (own example sentences)."""
from vigil.core.extract import extract
from vigil.core.extract.status import find_triggers


def _statuses(text, language="en"):
    return [t.status for t in find_triggers(text, language=language)]


def test_english_triggers():
    assert _statuses("He was hanged at dawn.") == ["executed"]
    assert _statuses("She was sentenced to death in 2020.") == ["sentenced"]
    assert _statuses("The Supreme Court upheld the sentence.") == ["upheld"]
    assert _statuses("He was moved to solitary confinement.") == ["at_risk"]
    assert _statuses("He was returned to his ward.") == ["halted"]
    assert _statuses("His sentence was commuted.") == ["commuted"]
    assert _statuses("The family granted forgiveness.") == ["forgiven"]
    assert _statuses("He may be executed soon.") == ["at_risk"]


def test_persian_triggers():
    assert _statuses("او سحرگاه امروز اعدام شد", "fa") == ["executed"]
    assert _statuses("او به اعدام محکوم شده بود", "fa") == ["sentenced"]
    assert _statuses("برای اجرای حکم به سلول انفرادی منتقل شد", "fa") == ["at_risk"]
    assert _statuses("شاهد قطعی شدن حکم اعدام او هستیم", "fa") == ["upheld"]


def test_two_lists_two_events():
    doc = extract("Nader Ahmadi and Kaveh Salehi face execution after Amin Rostami "
                  "and Farid Moradi were executed.", published="2024-01-10")
    got = {(c["name"], c["status"]) for c in doc["cases"]}
    assert got == {("Nader Ahmadi", "at_risk"), ("Kaveh Salehi", "at_risk"),
                   ("Amin Rostami", "executed"), ("Farid Moradi", "executed")}


def test_one_person_two_events_gives_two_cases():
    doc = extract("Hamid Rezaei was sentenced to death in 2019. "
                  "He was hanged in Ghezel Hesar Prison on Wednesday.", published="2024-11-14")
    got = {c["status"]: c for c in doc["cases"]}
    assert set(got) == {"sentenced", "executed"}
    assert got["executed"]["date"] == "2024-11-13"
    assert got["executed"]["prison"] == "Ghezel Hesar Prison"


def test_backreference_with_wrong_count_is_ignored():
    doc = extract("Ali Karami and Reza Soltani were hanged on Monday. "
                  "The four men were sentenced to death.", published="2024-01-10")
    assert {c["status"] for c in doc["cases"]} == {"executed"}


def test_persian_case_with_jalali_date_and_prison():
    doc = extract("زندانی‌ای به نام «مهدی کریمی» روز چهارشنبه ۲۱ تیر ۱۳۹۶ در زندان مرکزی ارومیه اعدام شد.",
                  published="2017-07-13")
    (case,) = doc["cases"]
    assert case["status"] == "executed"
    assert case["date"] == "2017-07-12"
    assert case["prison"] == "Urmia Central Prison"
    assert case["province"] == "West Azerbaijan"
