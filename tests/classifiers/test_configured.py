"""Configured recognizers: Presidio's matching, a stdnum validator, context as pdd reads it, types of their own."""

from __future__ import annotations

import random

import pytest
from presidio_analyzer import PatternRecognizer
from stdnum import luhn

from classifiers.configured import ConfiguredRecognizer, presidio_keys
from classifiers.engine import build_analyzer
from classifiers.field import FieldClassifier
from classifiers.recognizer_spec import RecognizerSpec

PATTERN = ("staff number", r"\bSJE-\d{6}\b", 0.5)


def spec(**kw: object) -> RecognizerSpec:
    return RecognizerSpec(**{"name": "staff", "entity": "EMPLOYEE_NUMBER", "patterns": (PATTERN,), **kw})


def staff_number(rng: random.Random) -> str:
    body = f"{rng.randrange(100_000):05d}"
    return f"SJE-{body}{luhn.calc_check_digit(body)}"


def broken(number: str) -> str:
    return number[:-1] + str((int(number[-1]) + 1) % 10)


GOOD = staff_number(random.Random(1))


@pytest.mark.parametrize("text", [f"ticket {GOOD} closed", GOOD, f"sje-{GOOD[4:]}", "SJE-12345", f"x{GOOD}", ""])
def test_without_validator_or_context_it_matches_as_presidio_does(text: str) -> None:
    ours = ConfiguredRecognizer(spec()).analyze(text, ["EMPLOYEE_NUMBER"])
    theirs = PatternRecognizer.from_dict(presidio_keys(spec())).analyze(text, ["EMPLOYEE_NUMBER"])
    assert [(r.start, r.end, r.score) for r in ours] == [(r.start, r.end, r.score) for r in theirs]


@pytest.mark.parametrize(("text", "score", "validated"), [
    (GOOD, 1.0, True),                     # the check digit holds: Presidio's MAX_SCORE, pdd's VALIDATED
    (broken(GOOD), None, False),           # near miss: dropped
    (f"agent {GOOD}", 1.0, True),
])
def test_luhn_validator(text: str, score: float | None, validated: bool) -> None:
    results = ConfiguredRecognizer(spec(validator="luhn")).analyze(text, ["EMPLOYEE_NUMBER"])
    assert [r.score for r in results] == ([score] if score is not None else [])
    assert all(("validator" in r.recognition_metadata) is validated for r in results)


@pytest.mark.parametrize(("text", "score"), [
    (f"handled by agent {GOOD}", 0.85),     # a context word just before: +0.35
    (f"Agent: {GOOD}", 0.85),               # any case
    (f"{GOOD} was the agent", 0.5),         # after the match: no lift (Presidio reads the words before)
    (f"agents {GOOD}", 0.5),                # a longer word is not the context word
    (f"agent {'x' * 60} {GOOD}", 0.5),      # too far before
])
def test_context_words_lift_like_presidio(text: str, score: float) -> None:
    [r] = ConfiguredRecognizer(spec(context=("agent",))).analyze(text, ["EMPLOYEE_NUMBER"])
    assert r.score == pytest.approx(score)


def test_deny_list_is_presidios() -> None:
    rec = ConfiguredRecognizer(RecognizerSpec(name="titles", entity="TITLE", deny_list=("Dr.", "Prof."),
                                              deny_list_score=0.4))
    assert [(r.start, r.score) for r in rec.analyze("Dr. Rao and prof. Iyer", ["TITLE"])] == [(0, 0.4), (12, 0.4)]


def test_the_engine_keeps_its_direct_path_and_agrees_with_presidios() -> None:
    engine = build_analyzer(extra=[ConfiguredRecognizer(spec(context=("agent",), validator="luhn"))])
    assert engine._direct is not None  # no Presidio context words: no lemma step, no slow path
    for text in (f"agent {GOOD}", broken(GOOD), f"mail a@b.co, staff {GOOD}"):
        direct = engine.analyze(text, language="en")
        presidio = engine.analyze(text, language="en", entities=engine.get_supported_entities("en"))
        assert sorted((r.entity_type, r.start, r.end, r.score) for r in direct) == \
            sorted((r.entity_type, r.start, r.end, r.score) for r in presidio)


def test_a_field_of_staff_numbers_gets_the_files_own_type() -> None:
    rng = random.Random(7)
    values = [staff_number(rng) for _ in range(80)]
    with_file = FieldClassifier(recognizers=[spec(validator="luhn")])
    [d] = with_file.classify("handled_by", values, sampled=True).entities
    assert (d.type, d.confidence) == ("EMPLOYEE_NUMBER", 1.0) and "validator luhn" in d.evidence
    # near misses: every check digit wrong, so no value is a staff number
    assert with_file.classify("handled_by", [broken(v) for v in values], sampled=True).entities == []
    # without the file, pdd knows no such type
    assert all(e.type != "EMPLOYEE_NUMBER" for e in FieldClassifier().classify("handled_by", values,
                                                                               sampled=True).entities)


def test_a_built_in_target_adds_evidence_for_that_type() -> None:
    bsn = RecognizerSpec(name="bsn", entity="GOVERNMENT_ID", patterns=(("bsn", r"\b\d{9}\b", 0.3),),
                         validator="stdnum.nl.bsn", new_type=False)
    decision = FieldClassifier(recognizers=[bsn]).classify("burger_ref", ["111222333", "123456782"] * 20,
                                                           sampled=True)
    assert [e.type for e in decision.entities] == ["GOVERNMENT_ID"]
