"""Groups, campaigns and claims (own example sentences)."""
from vigil.core.extract import extract
from vigil.core.extract.numbers import persian_ordinal


def test_group_with_count_and_named_members():
    doc = extract("At least seven prisoners were hanged in Ghezel Hesar Prison on Wednesday. "
                  "Two of them were identified as Ali Nazari and Saeed Bahrami.",
                  published="2024-11-14")
    (group,) = [g for g in doc["groups"] if g["count"] == 7]
    assert group["status"] == "executed" and group["date"] == "2024-11-13"
    assert group["prison"] == "Ghezel Hesar Prison"
    assert {c["name"] for c in doc["cases"]} == {"Ali Nazari", "Saeed Bahrami"}


def test_persian_group():
    doc = extract("سحرگاه امروز پنج زندانی در زندان قزلحصار اعدام شدند.", published="2024-11-13")
    assert [(g["status"], g["count"]) for g in doc["groups"]] == [("executed", 5)]


def test_statistics_sentence_is_a_claim_not_a_group():
    doc = extract("According to Amnesty International, at least 350 people were executed in 2019.",
                  published="2020-04-01")
    assert doc["groups"] == [] and doc["cases"] == []
    (claim,) = doc["claims"]
    assert claim["value"] == 350 and claim["qualifier"] == "at_least"
    assert claim["quantity"] == "executions"
    assert claim["text"] in "According to Amnesty International, at least 350 people were executed in 2019."


def test_tuesday_campaign_week_and_prisons_en_fa():
    doc = extract('Prisoners in Evin Prison and Khoy Prison joined the hunger strike of the '
                  '"No to Execution Tuesdays" campaign in its 40th week.', published="2024-10-29")
    (camp,) = doc["campaigns"]
    assert camp["name"] == "No to Execution Tuesdays" and camp["week"] == 40
    assert camp["date"] == "2024-10-29"
    assert set(camp["prisons"]) == {"Evin Prison", "Khoy Prison"}
    doc = extract("زندانیان زندان اوین در سی و دومین هفته کارزار «سه‌شنبه‌های نه به اعدام» "
                  "اعتصاب غذا کردند.", published="2024-09-03")
    (camp,) = doc["campaigns"]
    assert camp["week"] == 32 and camp["prisons"] == ["Evin Prison"]


def test_persian_ordinals():
    assert persian_ordinal("بیست و پنجمین") == 25
    assert persian_ordinal("نهمین") == 9
