"""Rule families found on the hand-written held-out reports (tests/data/extraction_holdout/),
each tested here on DIFFERENT short sentences written for these tests, in English and Persian."""
from vigil.core.extract import extract

PUB = "2025-11-12"  # a Wednesday


def _doc(text, language, published=PUB):
    return extract(text, published=published, language=language)


def _cases(text, language, published=PUB):
    return {(c["name"], c["status"]) for c in _doc(text, language, published)["cases"]}


def _case(text, name, status, language, published=PUB):
    found = [c for c in _doc(text, language, published)["cases"]
             if c["name"] == name and c["status"] == status]
    assert found, _doc(text, language, published)["cases"]
    return found[0]


# ---------------------------------------------------------------- names no lexicon knows

def test_unknown_given_name_after_execution_or_sentence_of_en():
    assert _cases("Activists urged Iran to stop the execution of Zhilwan Bapiri.", "en") == {
        ("Zhilwan Bapiri", "at_risk")}
    assert ("Shirwan Dolatabadi", "upheld") in _cases(
        "The Supreme Court upheld the death sentence of Shirwan Dolatabadi last month.", "en")


def test_unknown_given_name_after_hokm_e_edam_fa():
    text = "حکم اعدام شیرکو دولت‌آبادی، زندانی اهل بوکان، در دیوان عالی کشور تایید شد."
    assert _cases(text, "fa") == {("شیرکو دولت‌آبادی", "upheld")}
    # «حکم اعدام» followed by words that are not a name
    assert _cases("حکم اعدام زندانیان سیاسی، به گفته وکلا، صادر شد.", "fa") == set()


def test_woman_named_is_the_prisoner_unless_killed_fa():
    assert ("نرگس احمدی", "executed") in _cases(
        "زنی به نام نرگس احمدی در زندان قرچک اعدام شد.", "fa")
    assert _cases("رضا کریمی به اتهام قتل مردی به نام علی مرادی اعدام شد.", "fa") == {
        ("رضا کریمی", "executed")}


# ---------------------------------------------------------------- names given after the event

def test_partitive_list_takes_the_event_of_the_group_two_paragraphs_before_en():
    text = ("Five prisoners were hanged in Urmia Central Prison on Monday.\n\n"
            "Three of them had been convicted of drug offences. Their families were not informed.\n\n"
            "Rights groups have confirmed the identities of two of them: Kaveh Mansouri and Yousef Shahi.")
    for name in ("Kaveh Mansouri", "Yousef Shahi"):
        case = _case(text, name, "executed", "en")
        assert case["date"] == "2025-11-10" and case["prison"] == "Urmia Central Prison"


def test_named_him_as_takes_the_event_before_en():
    text = ("A prisoner was hanged in Qom Central Prison on Sunday. "
            "The judiciary's news agency named him as Kamal Nouri.")
    assert _cases(text, "en") == {("Kamal Nouri", "executed")}


def test_one_of_these_prisoners_inherits_the_group_event_fa():
    text = ("چهار زندانی روز دوشنبه در زندان مرکزی تبریز اعدام شدند.\n\n"
            "یکی از این زندانیان، حسن محمدی، پیش‌تر حکمش در دیوان عالی کشور تایید شده بود.")
    found = _cases(text, "fa")
    assert ("حسن محمدی", "executed") in found and ("حسن محمدی", "upheld") in found
    assert _case(text, "حسن محمدی", "executed", "fa")["prison"] == "Tabriz Central Prison"


def test_these_prisoners_plural_refers_back_fa():
    text = ("رضا کریمی و علی رحمانی در زندان اوین اعدام شدند. "
            "این زندانیان روز شنبه به سلول انفرادی منتقل شده بودند.")
    found = _cases(text, "fa")
    assert {("رضا کریمی", "at_risk"), ("علی رحمانی", "at_risk")} <= found


# ---------------------------------------------------------------- seasons on extracted cases

def test_season_dates_on_cases_both_languages():
    assert _case("Reza Karimi was sentenced to death in the spring of 2024.",
                 "Reza Karimi", "sentenced", "en")["date"] == "2024"
    assert _case("رضا کریمی در تابستان ۱۴۰۳ به اعدام محکوم شد.",
                 "رضا کریمی", "sentenced", "fa")["date"] == "2024"


# ---------------------------------------------------------------- statuses

def test_calls_to_halt_an_execution_and_executions_that_could_take_place_are_at_risk():
    assert _cases("Amnesty urged the authorities to halt the execution of Farid Habibi.", "en") == {
        ("Farid Habibi", "at_risk")}
    assert _cases("The execution of Farid Habibi could take place at any moment.", "en") == {
        ("Farid Habibi", "at_risk")}
    # a halt that happened is still 'halted'
    assert _cases("The execution of Farid Habibi was halted on Monday.", "en") == {
        ("Farid Habibi", "halted")}


def test_forgiveness_phrasings_and_sentence_inside_a_halt_en():
    text = ("The hanging of Davoud Rostami, a man sentenced to qisas in 2020, was stopped on Sunday "
            "after the victim's family agreed to forgive him.")
    assert _cases(text, "en") == {("Davoud Rostami", "halted"), ("Davoud Rostami", "forgiven"),
                                  ("Davoud Rostami", "sentenced")}


def test_long_appositive_inside_a_halt_and_forgiveness_with_gozasht_fa():
    text = ("اجرای حکم قصاص بهروز نادری، کارگر ۳۱ ساله اهل کرمانشاه و پدر دو فرزند، در زندان "
            "دیزل‌آباد کرمانشاه با گذشت اولیای دم در آخرین لحظات متوقف شد.")
    assert _cases(text, "fa") == {("بهروز نادری", "halted"), ("بهروز نادری", "forgiven")}


# ---------------------------------------------------------------- the one unnamed person, named later

def test_the_woman_comma_name_takes_the_event_of_the_sentence_before_en():
    text = ("A woman was hanged in Qarchak Women's Prison yesterday. "
            "According to activists, the woman, Samira Moradi, had been convicted of drug trafficking.")
    doc = _doc(text, "en")
    assert {(c["name"], c["status"]) for c in doc["cases"]} == {("Samira Moradi", "executed")}
    assert doc["cases"][0]["date"] == "2025-11-11"
    assert doc["groups"] == []  # she is named: no group of one


# ---------------------------------------------------------------- groups

def test_another_prisoner_is_a_group_of_one_dated_by_the_same_day():
    text = ("Hassan Karimi was executed in Lakan Prison on Monday.\n\n"
            "His lawyer said he had been tortured. He had always denied the charge.\n\n"
            "On the same day, another prisoner was hanged in the same prison.")
    groups = _doc(text, "en")["groups"]
    assert [(g["status"], g["count"], g["date"]) for g in groups] == [("executed", 1, "2025-11-10")]


def test_simultaneously_fa_dates_the_unnamed_execution():
    text = ("صبح روز دوشنبه ۱۹ آبان ۱۴۰۴ حکم اعدام رضا کریمی در زندان لاکان رشت اجرا شد. "
            "او در سال ۱۴۰۰ بازداشت شده بود. هم‌زمان یک زندانی دیگر نیز در همین زندان اعدام شد.")
    groups = _doc(text, "fa")["groups"]
    assert [(g["status"], g["count"], g["date"]) for g in groups] == [("executed", 1, "2025-11-10")]


def test_statistics_over_months_are_not_groups_fa():
    text = "در شش ماه نخست سال ۱۴۰۴ دست‌کم ۵۰۰ نفر در ایران اعدام شده‌اند."
    assert _doc(text, "fa")["groups"] == []


# ---------------------------------------------------------------- ethnicity of the referent

def test_ethnicity_of_the_group_passes_to_the_people_identified_later():
    text = ("Three Kurdish prisoners were executed in Sanandaj Central Prison on Monday. "
            "They were identified as Aram Mohammadi, Jamal Saeedi and Omid Rasouli.")
    assert {c["ethnicity"] for c in _doc(text, "en")["cases"]} == {"kurd"}
    sub = ("Five prisoners, including two Kurdish men, were executed in Qom Central Prison on Monday. "
           "They were identified as Aram Mohammadi, Jamal Saeedi, Omid Rasouli, Reza Amini and Ali Jafari.")
    assert {c["ethnicity"] for c in _doc(sub, "en")["cases"]} == {None}


# ---------------------------------------------------------------- age of the event

def test_current_age_is_not_the_age_at_an_earlier_sentencing():
    text = ("Karim Bahrami, 34, was hanged in Qom Central Prison on Monday. "
            "He had been sentenced to death in 2019.")
    ages = {c["status"]: c["age"] for c in _doc(text, "en")["cases"]}
    assert ages == {"executed": 34, "sentenced": None}
    # a person only sentenced keeps the age the report gives
    only = _doc("Karim Bahrami, 34, was sentenced to death on Monday.", "en")["cases"]
    assert [(c["status"], c["age"]) for c in only] == [("sentenced", 34)]


# ---------------------------------------------------------------- found on the reports written after the changes

def test_age_in_a_relative_clause_is_no_head_count():
    text = "Hadi Rostami, who was arrested at the age of 17, was executed in Birjand Prison on Tuesday."
    case = _case(text, "Hadi Rostami", "executed", "en")
    assert (case["date"], case["prison"]) == ("2025-11-11", "Birjand Prison")


def test_trying_to_obtain_consent_is_not_forgiveness_fa():
    text = ("رضا کریمی در زندان مرکزی یزد اعدام شد. "
            "خانواده او تا آخرین لحظات برای جلب رضایت اولیای دم تلاش کرده بودند.")
    assert _cases(text, "fa") == {("رضا کریمی", "executed")}
    assert ("رضا کریمی", "forgiven") in _cases("رضا کریمی با رضایت اولیای دم از قصاص رهایی یافت.", "fa")


def test_sentence_issued_in_a_relative_clause_of_an_upheld_sentence_fa():
    text = ("حکم اعدام رضا کریمی و علی رحمانی که در تابستان ۱۴۰۲ از سوی دادگاه انقلاب تبریز صادر "
            "شده بود، در دیوان عالی کشور تایید شد.")
    doc = _doc(text, "fa")
    dates = {(c["name"], c["status"]): c["date"] for c in doc["cases"]}
    assert dates == {("رضا کریمی", "sentenced"): "2023", ("علی رحمانی", "sentenced"): "2023",
                     ("رضا کریمی", "upheld"): None, ("علی رحمانی", "upheld"): None}
