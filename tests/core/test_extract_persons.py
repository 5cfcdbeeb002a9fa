"""Person-name rules of the extractor, English and Persian (own example sentences)."""
from vigil.core.extract import extract
from vigil.core.extract.cases import same_person
from vigil.core.extract.persons import english_names, persian_names


def _en(text):
    return [n.name for n in english_names(text, 0, len(text))]


def _fa(text):
    return [n.name for n in persian_names(text, 0, len(text))]


def test_english_list_of_names_with_lone_surname():
    text = "The men were identified as Karim Nouri, Hamid Zare and Bahrami."
    assert _en(text) == ["Karim Nouri", "Hamid Zare", "Bahrami"]


def test_english_officials_and_patronymics_are_not_names():
    assert _en("Agency director Reza Tavakoli condemned the hanging.") == []
    assert _en("Judge Ali Sadri issued the ruling.") == []
    assert _en("Amir Jafari son of Hassan, and Omid Rostami were hanged.") == \
        ["Amir Jafari", "Omid Rostami"]


def test_english_victim_is_not_a_case():
    doc = extract("Saeed Rahimi was hanged on Monday for the murder of Ali Ghorbani.",
                  published="2024-03-06")
    assert [c["name"] for c in doc["cases"]] == ["Saeed Rahimi"]


def test_persian_quoted_and_cued_lists():
    text = "سه زندانی به نام‌های «رضا نادری، مهدی کاظمی و سامان رستمی» اعدام شدند."
    assert _fa(text) == ["رضا نادری", "مهدی کاظمی", "سامان رستمی"]
    text = "دو زندانی به نام‌های کریم صفری و حسن بهرامی و یک نفر دیگر اعدام شدند."
    assert _fa(text) == ["کریم صفری", "حسن بهرامی"]


def test_persian_shared_surname_and_patronymic():
    assert _fa("حکم علی و حسین دلاوری تایید شد.") == ["علی دلاوری", "حسین دلاوری"]
    text = "زندانی به نام «امید سلیمی»، نام پدر احمد، اعدام شد."
    assert _fa(text) == ["امید سلیمی"]


def test_same_name_twice_is_one_person_first_spelling():
    doc = extract("Khosro Karimzadeh was hanged in Evin Prison on Sunday. "
                  "Khosrow Karimzadeh had been arrested in 2019.", published="2024-05-07")
    names = [c["name"] for c in doc["cases"]]
    assert names == ["Khosro Karimzadeh"]
    assert same_person("Saleh Mir Hashemi", "Saleh Mirhashemi")
    assert not same_person("Ali Karimi", "Reza Karimi")


def test_persian_chained_quoted_names_and_female_given_name():
    doc = extract("حکم اعدام سه زندانی به نام‌های «کامیار صالحی»، «آرمان نوری» و «ژیلا رستمی» "
                  "در زندان دیزل‌آباد کرمانشاه اجرا شد. ژیلا رستمی ۴۰ ساله بود.",
                  published="2022-11-10", language="fa")
    got = {c["name"]: c for c in doc["cases"]}
    assert set(got) == {"کامیار صالحی", "آرمان نوری", "ژیلا رستمی"}
    assert got["ژیلا رستمی"]["sex"] == "f" and got["ژیلا رستمی"]["age"] == 40
    assert {c["prison"] for c in got.values()} == {"Dizelabad Prison"}


def test_officials_victims_and_possessives():
    doc = extract("UN Special Rapporteur Karim Tabesh said on Friday that executions had reached "
                  "alarming levels. Foreign Minister Hassan Nouri rejected the criticism.",
                  published="2024-03-01")
    assert doc["cases"] == []
    doc = extract("Omid Rahimi's lawyer, Amir Jalili, said the sentence was issued again. Jalili "
                  "warned that Rahimi could be executed at any moment.", published="2024-02-10")
    assert [(c["name"], c["status"]) for c in doc["cases"]] == [("Omid Rahimi", "at_risk")]
