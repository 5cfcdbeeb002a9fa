"""Failure families found on unseen reports (synthetic corpus, bundled samples), each with
short example sentences written for these tests in English and Persian."""
import pytest

from vigil.core.extract import extract

PUB = "2024-06-12"  # a Wednesday


def _cases(text, language=None, published=PUB):
    doc = extract(text, published=published, language=language)
    return {(c["name"], c["status"]) for c in doc["cases"]}


def _case(text, name, status, language=None, published=PUB):
    doc = extract(text, published=published, language=language)
    found = [c for c in doc["cases"] if c["name"] == name and c["status"] == status]
    assert found, doc["cases"]
    return found[0]


# ---------------------------------------------------------------- court or judge as subject

@pytest.mark.parametrize("text,name", [
    ("A court in Tabriz sentenced Reza Karimi to death for drug trafficking.", "Reza Karimi"),
    ("The Revolutionary Court sentenced Yaghoob Neyazi to death last month.", "Yaghoob Neyazi"),
    ("Judge Abolghasem Salavati sentenced Ali Rahmani to death.", "Ali Rahmani"),
])
def test_court_subject_en(text, name):
    assert _cases(text, "en") == {(name, "sentenced")}


@pytest.mark.parametrize("text,name", [
    ("دادگاه انقلاب تبریز رضا کریمی را به اعدام محکوم کرد.", "رضا کریمی"),
    ("قاضی ابوالقاسم صلواتی کاوه صالحی را به اعدام محکوم کرد.", "کاوه صالحی"),
])
def test_court_subject_fa(text, name):
    assert _cases(text, "fa") == {(name, "sentenced")}


def test_court_then_pronoun_with_year_before_it():
    text = ("Ruhollah Zam was hanged on Saturday. Zam had been living in France. "
            "He was seized during a trip to Iraq in 2019. In June 2020 a court sentenced him to death.")
    assert ("Ruhollah Zam", "sentenced") in _cases(text, "en")
    assert _case(text, "Ruhollah Zam", "sentenced", "en")["date"] == "2020-06"


# ---------------------------------------------------------------- passive / nominalised status

@pytest.mark.parametrize("verb", ["halted", "stopped", "postponed", "suspended"])
def test_execution_of_x_was_halted_is_not_an_execution(verb):
    text = f"The execution of Farhad Rostami was {verb} on Monday."
    assert _cases(text, "en") == {("Farhad Rostami", "halted")}


def test_upheld_passive_and_nominal_en():
    assert _cases("Farhad Rostami's death sentence was upheld by the Supreme Court.", "en") == {
        ("Farhad Rostami", "upheld")}
    assert _cases("The Supreme Court confirmed the death sentence of Kamran Abbasi.", "en") == {
        ("Kamran Abbasi", "upheld")}
    text = "Kamran Abbasi was sentenced to death in 2019. The sentence was upheld in June 2020."
    assert _case(text, "Kamran Abbasi", "upheld", "en")["date"] == "2020-06"


def test_death_sentence_carried_out_en():
    text = "The death sentence of Omid Karami, an Afghan national, was carried out in Mashhad."
    assert _cases(text, "en") == {("Omid Karami", "executed")}


def test_spared_and_forgiven_en():
    assert _cases("Kamran Abbasi was spared after the victim's family forgave him.", "en") == {
        ("Kamran Abbasi", "forgiven")}
    assert _cases("Kamran Abbasi was forgiven by the family at the gallows.", "en") == {
        ("Kamran Abbasi", "forgiven")}


def test_upheld_fa():
    assert _cases("حکم اعدام رضا کریمی در دیوان عالی کشور تایید شد.", "fa") == {("رضا کریمی", "upheld")}
    assert _cases("دیوان عالی کشور حکم اعدام محمد موسوی را به اتهام قتل عمد تایید کرد.", "fa") == {
        ("محمد موسوی", "upheld")}


def test_halted_and_forgiveness_fa():
    assert _cases("اجرای حکم اعدام رضا کریمی متوقف شد.", "fa") == {("رضا کریمی", "halted")}
    assert _cases("اجرای حکم رضا کریمی با رضایت اولیای دم متوقف شد.", "fa") == {
        ("رضا کریمی", "halted"), ("رضا کریمی", "forgiven")}
    assert _cases("رضا کریمی با رضایت اولیای دم از قصاص رهایی یافت.", "fa") == {("رضا کریمی", "forgiven")}


def test_this_sentence_back_reference_fa():
    text = ("کاوه صالحی در سال ۱۴۰۲ به اعدام محکوم شد. این حکم در دیوان عالی کشور تایید شد. "
            "او به سلول انفرادی منتقل شده است.")
    assert _cases(text, "fa") == {("کاوه صالحی", "sentenced"), ("کاوه صالحی", "upheld"),
                                  ("کاوه صالحی", "at_risk")}


@pytest.mark.parametrize("text,status", [
    ("The death sentence against Reza Karimi was reduced to 15 years in prison.", "commuted"),
    ("The victim's family pardoned Reza Karimi at the gallows.", "forgiven"),
    ("The family of the victim forgave Reza Karimi.", "forgiven"),
    ("Reza Karimi was granted a reprieve hours before his scheduled hanging.", "halted"),
    ("The Supreme Court rejected Reza Karimi's appeal against his death sentence.", "upheld"),
])
def test_more_status_phrasings_en(text, status):
    assert _cases(text, "en") == {("Reza Karimi", status)}


@pytest.mark.parametrize("text,status", [
    ("حکم اعدام رضا کریمی به ۱۵ سال حبس کاهش یافت.", "commuted"),
    ("خانواده مقتول، رضا کریمی را بخشیدند.", "forgiven"),
    ("اجرای حکم اعدام رضا کریمی به تعویق افتاد.", "halted"),
    ("دیوان عالی کشور درخواست فرجام‌خواهی رضا کریمی را رد کرد.", "upheld"),
])
def test_more_status_phrasings_fa(text, status):
    assert _cases(text, "fa") == {("رضا کریمی", status)}


def test_object_of_killing_and_speaker_fa():
    text = "رضا کریمی اعدام شد. او علی مرادی را به قتل رسانده بود. امید رحیمی گفت او بی‌گناه بود."
    assert _cases(text, "fa") == {("رضا کریمی", "executed")}


# ---------------------------------------------------------------- victims, relatives, lawyers

@pytest.mark.parametrize("text", [
    "Kamran Abbasi was hanged for the murder of Ali Moradi.",
    "Kamran Abbasi was convicted of killing Ali Moradi and was executed on 3 May 2021.",
    "Kamran Abbasi, who was accused of stabbing a man named Ali Moradi, was executed.",
])
def test_victim_is_never_a_case_en(text):
    assert _cases(text, "en") == {("Kamran Abbasi", "executed")}


@pytest.mark.parametrize("text", [
    "رضا کریمی به اتهام به قتل رساندن علی مرادی اعدام شد.",
    "رضا کریمی که متهم به قتل علی مرادی بود، اعدام شد.",
    "رضا کریمی اعدام شد. او متهم بود مردی به نام علی مرادی را به قتل رسانده است.",
])
def test_victim_is_never_a_case_fa(text):
    assert _cases(text, "fa") == {("رضا کریمی", "executed")}


def test_lawyer_relative_judge_never_cases():
    assert _cases("Kamran Abbasi was executed. His lawyer, Mohammad Hosseini, said the trial was "
                  "unfair.", "en") == {("Kamran Abbasi", "executed")}
    assert _cases("Kamran Abbasi was executed. His mother, Fatemeh Rahimi, was not told.",
                  "en") == {("Kamran Abbasi", "executed")}
    assert _cases("رضا کریمی اعدام شد. وکیل او، محمد حسینی، گفت دادگاه ناعادلانه بود.", "fa") == {
        ("رضا کریمی", "executed")}
    assert _cases("رضا کریمی اعدام شد. همسر او زهرا احمدی از این خبر شوکه شد.", "fa") == {
        ("رضا کریمی", "executed")}


def test_relation_nouns_point_at_the_prisoner_titles_at_the_official():
    assert _cases("Omid Karami's sister, Maryam Karami, said he was executed without notice.",
                  "en") == {("Omid Karami", "executed")}
    # «وکیل X» is X's lawyer: X is the prisoner; «به گفته Y» is the source
    assert _cases("به گفته مصطفی نیلی، وکیل امید کرمی، او اعدام شد.", "fa") == {("امید کرمی", "executed")}
    # «به ریاست X», «قاضی X»: the judge
    assert _cases("امید کرمی در دادگاه انقلاب به ریاست ابوالقاسم صلواتی به اعدام محکوم شد.", "fa") == {
        ("امید کرمی", "sentenced")}
    assert _cases("امید کرمی اعدام شد. برادر او، علی کرمی، گفت خانواده مطلع نشده بود.", "fa") == {
        ("امید کرمی", "executed")}


def test_activist_appositive_is_the_prisoner():
    text = ("Varisheh Moradi, a Kurdish women's rights activist held in Evin Prison, has been "
            "sentenced to death.")
    assert _cases(text, "en") == {("Varisheh Moradi", "sentenced")}


def test_other_people_are_not_the_referent():
    text = ("Mohsen Karimi was executed on Thursday. They warned that other protesters "
            "sentenced to death were at risk of execution.")
    assert _cases(text, "en") == {("Mohsen Karimi", "executed")}


# ---------------------------------------------------------------- groups and identified lists

def test_identified_list_with_appositives_en():
    text = ("At least three prisoners were hanged in Ghezel Hesar Prison on Wednesday.\n\n"
            "Rights groups say many such trials are unfair.\n\n"
            "They were identified as Kamran Abbasi, son of Ahmad, a Lor citizen, Omid Karami, 33, "
            "and Farid Rostami.")
    doc = extract(text, published=PUB, language="en")
    assert {c["name"] for c in doc["cases"]} == {"Kamran Abbasi", "Omid Karami", "Farid Rostami"}
    assert {c["date"] for c in doc["cases"]} == {"2024-06-12"}
    assert [g["count"] for g in doc["groups"]] == [3]


def test_identified_list_with_appositives_fa():
    text = ("سه زندانی روز چهارشنبه در زندان قزلحصار اعدام شدند. مقام‌ها این اعدام‌ها را اعلام نکردند.\n\n"
            "این زندانیان کاوه صالحی، فرزند محمد، زندانی بلوچ، رضا کریمی ۳۴ ساله و امید رحیمی شناسایی شده‌اند.")
    doc = extract(text, published=PUB, language="fa")
    assert {c["name"] for c in doc["cases"]} == {"کاوه صالحی", "رضا کریمی", "امید رحیمی"}
    assert {c["status"] for c in doc["cases"]} == {"executed"}
    assert [g["count"] for g in doc["groups"]] == [3]


def test_appositive_head_count_en():
    text = ("The strikers named Khosrow Besharat and Kamran Sheikheh, two Kurdish prisoners who "
            "had been moved to solitary confinement for execution.")
    assert _cases(text, "en") == {("Khosrow Besharat", "at_risk"), ("Kamran Sheikheh", "at_risk")}


def test_age_in_appositive_is_no_head_count():
    text = ("Two prisoners were hanged on Monday. One was identified as Omid Karami, a 40-year-old "
            "man, who had been arrested and sentenced to death for drug offences.")
    assert _cases(text, "en") >= {("Omid Karami", "sentenced")}


def test_what_the_family_was_not_told_is_no_warning():
    text = ("Omid Karami was hanged on Monday. His family said they had not been told that the "
            "execution was imminent.")
    assert _cases(text, "en") == {("Omid Karami", "executed")}
    text = "Omid Karami was hanged on Monday. His family did not know he would be executed."
    assert _cases(text, "en") == {("Omid Karami", "executed")}
    text = "رضا کریمی سحرگاه دوشنبه اعدام شد. خانواده او اطلاع نداشتند که اجرای حکم او قریب‌الوقوع است."
    assert _cases(text, "fa") == {("رضا کریمی", "executed")}
    # a plain warning still counts
    assert _cases("Omid Karami is at imminent risk of execution.", "en") == {("Omid Karami", "at_risk")}


def _groups(text, language):
    return [(g["status"], g["count"]) for g in extract(text, published=PUB, language=language)["groups"]]


def test_single_unnamed_person_is_a_group_of_one():
    assert _groups("An unidentified prisoner was executed in Qom on Sunday.", "en") == [("executed", 1)]
    assert _groups("A young Afghan man was hanged in Ghezel Hesar Prison on Monday.", "en") == [
        ("executed", 1)]
    assert _groups("یک مرد جوان در ملأ عام در شهر مشهد اعدام شد.", "fa") == [("executed", 1)]
    # named in the next sentence: a case, not an unnamed group
    text = "An Iranian woman was hanged on Wednesday. The woman, Samira Rahimi, was executed at dawn."
    assert _groups(text, "en") == []


def test_sub_counts_are_not_groups():
    assert _groups("Two women were among 9 prisoners hanged in Isfahan Central Prison.", "en") == [
        ("executed", 9)]
    assert _groups("Nine prisoners, including two women, were hanged in Isfahan.", "en") == [
        ("executed", 9)]
    assert _groups("نه زندانی از جمله دو زن در زندان اصفهان اعدام شدند.", "fa") == [("executed", 9)]


# ---------------------------------------------------------------- names and dates

def test_spelling_variants_of_given_names():
    for name in ("Hameed Rezaee", "Kareem Jafari", "Mehhdi Moradi", "Hosseyn Saleemi"):
        assert _cases(f"{name} was hanged in Ghezel Hesar Prison.", "en") == {(name, "executed")}
    # a place that sounds like a given name is not a person
    assert _cases("Two men were hanged in Ghezel Hesar on Monday.", "en") == set()


def test_relative_dates_both_languages():
    assert _case("Omid Karami was executed the day before.", "Omid Karami", "executed",
                 "en")["date"] == "2024-06-11"
    assert _case("Omid Karami was executed three days ago.", "Omid Karami", "executed",
                 "en")["date"] == "2024-06-09"
    assert _case("امید کرمی دیروز اعدام شد.", "امید کرمی", "executed", "fa")["date"] == "2024-06-11"
    assert _case("امید کرمی ۴ روز پیش اعدام شد.", "امید کرمی", "executed", "fa")["date"] == "2024-06-08"


def test_days_after_a_written_date_both_languages():
    text = ("Reza Karimi and Ali Moradi were executed in Urmia Central Prison on 3 June. "
            "A third man, Omid Rahimi, was executed the next day.")
    assert _case(text, "Omid Rahimi", "executed", "en")["date"] == "2024-06-04"
    text = "رضا کریمی روز ۱۴ خرداد ۱۴۰۳ به سلول انفرادی منتقل شد و دو روز بعد اعدام شد."
    assert _case(text, "رضا کریمی", "at_risk", "fa")["date"] == "2024-06-03"
    assert _case(text, "رضا کریمی", "executed", "fa")["date"] == "2024-06-05"
    # no written date to count from: not resolved
    assert _case("Omid Rahimi was executed the next day.", "Omid Rahimi", "executed",
                 "en")["date"] is None


def test_weekday_that_contradicts_the_date_keeps_the_month():
    # 2 May 2024 was a Thursday
    case = _case("Omid Karami was executed on Wednesday, May 2.", "Omid Karami", "executed", "en",
                 published="2024-05-04")
    assert case["date"] == "2024-05"


def test_pluperfect_sentencing_alone_keeps_its_date():
    text = "کاوه صالحی اعدام شد. او پیش‌تر در بهمن‌ماه ۱۴۰۲ به اعدام محکوم شده بود."
    assert _case(text, "کاوه صالحی", "sentenced", "fa")["date"] == "2024"
    # background in the sentence of another event keeps no date of its own
    text = "Omid Karami, who had been sentenced to death, was hanged on 3 June 2024."
    assert _case(text, "Omid Karami", "sentenced", "en")["date"] is None


# ---------------------------------------------------------------- held-out floors

import json  # noqa: E402
import os  # noqa: E402
import subprocess  # noqa: E402
import sys  # noqa: E402
from pathlib import Path  # noqa: E402

SCORER = os.path.join(os.environ.get("VIGIL_SHARED", "/work/shared"), "eval", "score_extraction.py")
SAMPLES = Path(__file__).resolve().parents[2] / "src" / "vigil" / "sample" / "reports"
# rules-0.2 reached 1.000 (en) / 1.000 (fa) on the samples and >= 0.98 on synthetic seed 11
# (bench/extraction_generalisation.py); the floors leave a margin and fail on a regression.
HELD_OUT_FLOORS = {"samples": {"en": 0.90, "fa": 0.90}, "synthetic": {"en": 0.90, "fa": 0.90}}


def _score(gold: Path, pred: Path, lang: str) -> float:
    out = subprocess.run([sys.executable, SCORER, str(gold), str(pred), "--json", "--lang", lang],
                         capture_output=True, text=True, check=True).stdout
    return json.loads(out)["cases"]["f1"]


def _predict(docs: Path, pred: Path) -> None:
    from vigil.core.extract import extract_jsonl
    with open(docs, encoding="utf-8") as src, open(pred, "w", encoding="utf-8") as out:
        for rec in extract_jsonl(src):
            out.write(json.dumps(rec, ensure_ascii=False) + "\n")


@pytest.mark.skipif(not os.path.exists(SCORER), reason="shared scorer not available")
def test_sample_reports_stay_above_floor(tmp_path):
    from vigil.core.reading import read_text
    sources = json.loads((SAMPLES / "sources.json").read_text("utf-8"))
    with open(tmp_path / "docs.jsonl", "w", encoding="utf-8") as out:
        for s in sources:
            text = read_text((SAMPLES / s["file"]).read_bytes(), s["file"]).text
            out.write(json.dumps({"id": s["id"], "language": s["language"], "text": text,
                                  "published": s.get("published"), "title": s.get("title")},
                                 ensure_ascii=False) + "\n")
    (tmp_path / "gold.jsonl").write_bytes((SAMPLES / "gold.jsonl").read_bytes())
    _predict(tmp_path / "docs.jsonl", tmp_path / "pred.jsonl")
    for lang, floor in HELD_OUT_FLOORS["samples"].items():
        assert _score(tmp_path / "gold.jsonl", tmp_path / "pred.jsonl", lang) >= floor, lang


@pytest.mark.skipif(not os.path.exists(SCORER), reason="shared scorer not available")
def test_synthetic_reports_stay_above_floor(tmp_path):
    from vigil.core.synth import write_corpus
    write_corpus(tmp_path, 120, 11)
    _predict(tmp_path / "docs.jsonl", tmp_path / "pred.jsonl")
    for lang, floor in HELD_OUT_FLOORS["synthetic"].items():
        assert _score(tmp_path / "truth.jsonl", tmp_path / "pred.jsonl", lang) >= floor, lang
