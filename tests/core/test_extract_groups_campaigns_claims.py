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


def test_named_single_person_is_not_a_group_but_unnamed_one_is():
    doc = extract("A woman named Leila Nouri was executed in Qarchak prison on June 8 for the "
                  "murder of her husband.", published="2022-06-10")
    assert doc["groups"] == []
    assert doc["cases"][0]["charges"] == ["murder"]
    doc = extract("An inmate was hanged in Hamedan Central Prison on Monday.", published="2022-06-10")
    assert [(g["status"], g["count"]) for g in doc["groups"]] == [("executed", 1)]


def test_statistics_paragraph_claims_with_scope_and_period():
    text = ("In 2022 the group recorded 582 executions, including 16 women and 3 juvenile "
            "offenders. Drug charges accounted for 255 cases.")
    doc = extract(text, published="2023-03-01")
    values = {c["value"]: c for c in doc["claims"]}
    assert {582, 16, 3, 255} <= set(values)
    assert values[16]["scope"] == "women" and values[3]["scope"] == "juvenile"
    assert values[582]["start"] == "2022-01-01" and values[582]["end"] == "2022-12-31"
    for c in doc["claims"]:
        assert c["text"] in text


def test_gathering_and_riot_with_and_without_dates():
    doc = extract("Families of death-row prisoners gathered outside Evin Prison. Prisoners in "
                  "the ward set a mattress on fire.")
    kinds = {c["kind"]: c for c in doc["campaigns"]}
    assert set(kinds) == {"gathering", "riot"}
    assert kinds["gathering"]["prisons"] == ["Evin Prison"] and kinds["gathering"]["date"] is None
    doc = extract("روز یکشنبه خانواده‌های زندانیان در برابر زندان قزلحصار تجمع کردند و زندانیان "
                  "دست به شورش زدند.", published="2024-05-07", language="fa")
    camps = {c["kind"]: c for c in doc["campaigns"]}
    assert set(camps) == {"gathering", "riot"}
    assert camps["gathering"]["date"] == "2024-05-05"
    assert camps["gathering"]["prisons"] == ["Ghezel Hesar Prison"]


def test_batch_survives_a_failing_record(monkeypatch):
    from vigil.core.extract import extract_jsonl, rules

    def boom(*args, **kwargs):
        raise RuntimeError("broken rule")

    monkeypatch.setattr(rules, "find_claims", boom)
    out = list(extract_jsonl([{"id": "a", "text": "Ali Rezaei was executed."}]))
    assert out[0]["id"] == "a" and out[0]["cases"] == [] and "broken rule" in out[0]["error"]
