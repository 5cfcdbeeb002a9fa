"""Attributes next to a name: charges, age, sex, nationality, ethnicity, public."""
from vigil.core.extract import extract
from vigil.core.extract.attributes import charges_in, is_public


def test_charges_vocabulary_en_fa():
    assert charges_in("convicted of drug trafficking and armed robbery") == ["drug", "armed_robbery"]
    assert charges_in("charged with enmity against God and corruption on earth") == \
        ["moharebeh", "efsad"]
    assert charges_in("به اتهام قتل و جاسوسی") == ["murder", "espionage"]


def test_public_execution():
    assert is_public("He was hanged in public in the city square.")
    assert is_public("در ملأعام اعدام شد")
    assert not is_public("He was hanged in the prison yard.")


def test_person_attributes_in_a_sentence():
    doc = extract("Zahra Amini, 31, an Afghan national, was hanged in Qom Central Prison on "
                  "Monday for drug offences.", published="2024-06-05")
    (case,) = doc["cases"]
    assert case["age"] == 31
    assert case["sex"] == "f"
    assert case["nationality"] == "AF"
    assert case["charges"] == ["drug"]
    assert case["prison"] == "Qom Central Prison"
    assert case["spans"]["age"][1] - case["spans"]["age"][0] == 2


def test_ethnicity_and_spans_point_into_text():
    text = "Two Kurdish prisoners, Hiwa Rasouli and Karim Bakhshi, were executed on Monday."
    doc = extract(text, published="2024-06-05")
    assert {c["ethnicity"] for c in doc["cases"]} == {"kurd"}
    for case in doc["cases"]:
        s, e = case["spans"]["name"]
        assert text[s:e] == case["name"]
        assert 0 < case["confidence"] <= 1
