"""The benchmark's scorer: (field, type) pairs, personal-field precision, decoys flagged as cards."""

from __future__ import annotations

from benchmarks.classification.score import score


def test_pairs_fields_and_decoys() -> None:
    truth = {"db/t/email": ["EMAIL_ADDRESS"], "db/t/body": ["EMAIL_ADDRESS", "PERSON_NAME"], "db/t/sku": [],
             "db/t/ean": [], "db/t/phone": ["PHONE_NUMBER"]}
    predicted = {"db/t/email": ["EMAIL_ADDRESS"], "db/t/body": ["EMAIL_ADDRESS"], "db/t/sku": [],
                 "db/t/ean": ["CREDIT_CARD"], "db/t/phone": ["PHONE_NUMBER", "CREDIT_CARD"]}
    s = score(truth, predicted)
    assert (s.micro.tp, s.micro.fp, s.micro.fn) == (3, 2, 1)
    assert s.per_type["PERSON_NAME"].recall == 0.0
    assert s.per_type["EMAIL_ADDRESS"].f1 == 1.0
    assert (s.personal_predicted, s.personal_correct, s.personal_truth) == (4, 3, 3)
    assert s.decoys == 2
    assert s.decoys_flagged_card == ["db/t/ean"]
    assert s.fields_flagged_card_wrongly == ["db/t/ean", "db/t/phone"]
    assert [e["field"] for e in s.errors] == ["db/t/body", "db/t/ean", "db/t/phone"]


def test_a_field_the_tool_did_not_report_counts_as_empty_and_is_listed() -> None:
    s = score({"db/t/email": ["EMAIL_ADDRESS"]}, {"db/t/other": []})
    assert s.micro.fn == 1
    assert s.missing == ["db/t/email"] and s.unexpected == ["db/t/other"]


def test_a_type_never_predicted_nor_true_scores_perfectly() -> None:
    s = score({"db/t/x": []}, {"db/t/x": []})
    c = s.per_type["AGE"]
    assert (c.precision, c.recall) == (1.0, 1.0)
