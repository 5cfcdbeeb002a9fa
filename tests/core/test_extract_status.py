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


def test_commuted_and_forgiven_with_speaker_not_official():
    doc = extract("In a separate case, the death sentence of Kaveh Naseri was commuted to ten "
                  "years in prison after the victim's family forgave him, his lawyer said.",
                  published="2019-08-05")
    assert {(c["name"], c["status"]) for c in doc["cases"]} == \
        {("Kaveh Naseri", "commuted"), ("Kaveh Naseri", "forgiven")}


def test_role_word_before_name_and_surname_back_reference():
    doc = extract("Wrestler Navid Sohrabi was executed on Saturday, September 12, in Adelabad "
                  "prison. Sohrabi, 27, had been sentenced to death for the killing of a guard.",
                  published="2020-09-13")
    got = {c["status"]: c for c in doc["cases"]}
    assert set(got) == {"executed", "sentenced"}
    assert got["executed"]["date"] == "2020-09-12" and got["executed"]["age"] == 27
    assert got["sentenced"]["date"] is None  # pluperfect: background, not dated
    assert got["executed"]["charges"] == ["murder"]


def test_persian_execution_variants_and_verge_of_execution():
    doc = extract("حکم اعدام دو زندانی به نام‌های کریم ریگی و حسن بامری صبح دوشنبه در زندان "
                  "مرکزی زاهدان به اجرا درآمد.", published="2022-03-15", language="fa")
    assert {(c["name"], c["status"]) for c in doc["cases"]} == \
        {("کریم ریگی", "executed"), ("حسن بامری", "executed")}
    assert {c["date"] for c in doc["cases"]} == {"2022-03-14"}
    doc = extract("زهرا سلیمی در آستانه اجرای حکم اعدام قرار دارد.", language="fa")
    assert [(c["status"], c["sex"]) for c in doc["cases"]] == [("at_risk", "f")]


def test_blood_money_and_family_consent_are_forgiveness():
    doc = extract("Farid Asadi, who had been sentenced to death, was spared after the victim's "
                  "family agreed to accept blood money.", published="2024-06-01")
    assert {c["status"] for c in doc["cases"]} == {"sentenced", "forgiven"}
    doc = extract("فرید اسدی که پیش‌تر به اعدام محکوم شده بود، با رضایت خانواده مقتول از اعدام "
                  "رهایی یافت.", published="2024-06-01", language="fa")
    assert {c["status"] for c in doc["cases"]} == {"sentenced", "forgiven"}


def test_more_english_phrasings():
    doc = extract("Authorities carried out the execution of Ahmad Zare in Isfahan on Saturday. "
                  "He was handed a death sentence in 2019 for drug smuggling.",
                  published="2022-05-01")
    got = {c["status"]: c for c in doc["cases"]}
    assert set(got) == {"executed", "sentenced"}
    assert got["executed"]["date"] == "2022-04-30" and got["sentenced"]["date"] == "2019"
    doc = extract("The death sentence of Yasin Kordi was confirmed by the Supreme Court.")
    assert [(c["name"], c["status"]) for c in doc["cases"]] == [("Yasin Kordi", "upheld")]
    doc = extract("Hossein Rahimi was sent to the gallows at dawn in Birjand prison.")
    assert [(c["status"], c["prison"]) for c in doc["cases"]] == [("executed", "Birjand Prison")]
    doc = extract("Two brothers, Ali and Reza Mohammadi, were executed in Shiraz.")
    assert {c["name"] for c in doc["cases"]} == {"Ali Mohammadi", "Reza Mohammadi"}
