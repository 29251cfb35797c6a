"""The decision rule (classifiers/decide.py), case by case: one table, near-misses included."""

from __future__ import annotations

import pytest

from classifiers.column_names import NameEvidence, name_evidence
from classifiers.decide import (
    CONTRADICTED_NAME,
    NEGATIVE_NAME,
    SILENT_NAME,
    EntityDecision,
    TypeHits,
    asserted,
    decide,
)
from classifiers.recognizers.strength import MEDIUM, STRONG, VALIDATED, VERY_WEAK, WEAK

THRESHOLD = 0.5
#: types that have a value recognizer in this table (the engine's set in production)
VALUE_TYPES = frozenset({"EMAIL_ADDRESS", "PHONE_NUMBER", "IP_ADDRESS", "CREDIT_CARD", "POSTAL_ADDRESS",
                         "PERSON_NAME", "CARD_LAST_FOUR", "MOBILE_NETWORK", "DEVICE_ID"})


def hits(score: float, n: int, inside: bool = False, validator: str | None = None) -> TypeHits:
    h = TypeHits()
    h.add(score, n, validator, inside)
    return h


def run(name: str | NameEvidence, examined: int, **by_type: TypeHits) -> dict[str, EntityDecision]:
    ev = name_evidence(name) if isinstance(name, str) else name
    return {d.type: d for d in decide(ev, by_type, examined, VALUE_TYPES, THRESHOLD)}


def _mixed(*parts: tuple[float, int, bool]) -> TypeHits:
    """Hits of several strengths in one field: (score, values, inside text)."""
    h = TypeHits()
    for score, n, inside in parts:
        h.add(score, n, None, inside)
    return h


NO_NAME = NameEvidence({}, None, ())

CASES = [
    # id, field name, examined, value hits, type, asserted?
    # --- sparse strong evidence is kept: strong matches inside free text
    ("3 e-mails in 200 ticket bodies", "body", 200, {"EMAIL_ADDRESS": hits(STRONG, 3, inside=True)},
     "EMAIL_ADDRESS", True),
    ("2 validated cards inside log lines", "message", 200,
     {"CREDIT_CARD": hits(VALIDATED, 2, inside=True, validator="Luhn+IIN")}, "CREDIT_CARD", True),
    ("1 strong match inside text is not enough", "body", 200, {"EMAIL_ADDRESS": hits(STRONG, 1, inside=True)},
     "EMAIL_ADDRESS", False),
    ("2 strong matches in text are not averaged away by many weaker ones", "message", 200,
     {"USERNAME": _mixed((STRONG, 2, True), (WEAK, 60, True))}, "USERNAME", True),
    ("... while weak matches alone still do not decide", "message", 200,
     {"USERNAME": _mixed((STRONG, 1, True), (WEAK, 60, True))}, "USERNAME", False),
    # ... but a few whole values in a column are a coincidence, not a sparse finding
    ("3 IP-shaped versions in an opaque column", "c4", 200, {"IP_ADDRESS": hits(STRONG, 3)}, "IP_ADDRESS", False),
    ("chance Luhn hits in a column of ids", "c7", 200, {"CREDIT_CARD": hits(VALIDATED, 12)}, "CREDIT_CARD", False),
    # --- weak guesses repeated over every value do not win
    ("weak on every value", "c2", 200, {"CARD_LAST_FOUR": hits(WEAK, 200)}, "CARD_LAST_FOUR", False),
    ("weak inside most texts", "notes", 200, {"PERSON_NAME": hits(WEAK, 150, inside=True)}, "PERSON_NAME", False),
    ("very weak shape only", "c3", 200, {"DEVICE_ID": hits(VERY_WEAK, 200)}, "DEVICE_ID", False),
    # --- medium: a full column decides, scattered hits do not; in text, a steady share does
    ("medium on every value", "c5", 200, {"PHONE_NUMBER": hits(MEDIUM, 200)}, "PHONE_NUMBER", True),
    ("medium on a third of whole values", "c5", 200, {"PHONE_NUMBER": hits(MEDIUM, 70)}, "PHONE_NUMBER", False),
    ("medium inside a quarter of texts", "comments", 200, {"PHONE_NUMBER": hits(MEDIUM, 50, inside=True)},
     "PHONE_NUMBER", True),
    # --- strong format on most of a column
    ("strong on 70% of a column", "c1", 200, {"EMAIL_ADDRESS": hits(STRONG, 140)}, "EMAIL_ADDRESS", True),
    # --- name evidence
    ("a strong name with agreeing weak values", "card_last4", 200, {"CARD_LAST_FOUR": hits(WEAK, 200)},
     "CARD_LAST_FOUR", True),
    ("a strong name, no recognizer for the type", "age", 200, {}, "AGE", True),
    ("a strong name, values silent", "zuname", 200, {}, "PERSON_NAME", True),
    ("a medium name, values silent", "carrier", 200, {}, "MOBILE_NETWORK", False),
    ("a modifier alone does not assert", "phone_primary_type", 200, {}, "PHONE_NUMBER", False),
    # --- negative names
    ("negative name over validated hits", "order_number", 200, {"CREDIT_CARD": hits(VALIDATED, 12)},
     "CREDIT_CARD", False),
    ("negative head over full strong values", "email_verified", 200, {"EMAIL_ADDRESS": hits(STRONG, 200)},
     "EMAIL_ADDRESS", False),
    ("negative head beats a positive modifier", "login_count", 200, {}, "USERNAME", False),
    # --- contradicted names
    ("name says address, values are IPs", NameEvidence({"POSTAL_ADDRESS": (0.9, "adresse")}, None, ("adresse",)),
     200, {"IP_ADDRESS": hits(STRONG, 200)}, "POSTAL_ADDRESS", False),
    ("... and the values' type stands", NameEvidence({"POSTAL_ADDRESS": (0.9, "adresse")}, None, ("adresse",)),
     200, {"IP_ADDRESS": hits(STRONG, 200)}, "IP_ADDRESS", True),
    ("too few values to contradict", "zuname", 3, {"IP_ADDRESS": hits(STRONG, 3)}, "PERSON_NAME", True),
]


@pytest.mark.parametrize(("name", "examined", "by_type", "etype", "expected"), [c[1:] for c in CASES],
                         ids=[c[0] for c in CASES])
def test_rule(name, examined, by_type, etype, expected) -> None:
    d = run(name, examined, **by_type).get(etype)
    got = d is not None and d.confidence >= THRESHOLD
    assert got is expected, d


@pytest.mark.parametrize(("threshold", "expected"), [(0.5, True), (0.85, True), (0.86, False), (0.95, False)])
def test_threshold_is_honoured(threshold: float, expected: bool) -> None:
    decisions = decide(name_evidence("c1"), {"EMAIL_ADDRESS": hits(STRONG, 200)}, 200, VALUE_TYPES, threshold)
    assert [d.type for d in decisions] == ["EMAIL_ADDRESS"]
    assert decisions[0].confidence == pytest.approx(STRONG)
    assert bool(asserted(decisions, threshold)) is expected


@pytest.mark.parametrize(("name", "examined", "by_type", "etype", "evidence"), [
    ("email", 200, {"EMAIL_ADDRESS": hits(STRONG, 200, validator="public suffix")}, "EMAIL_ADDRESS",
     ["value pattern 200/200", "validator public suffix", "column name 'email'"]),
    ("body", 200, {"EMAIL_ADDRESS": hits(STRONG, 3, inside=True)}, "EMAIL_ADDRESS",
     ["value pattern 3/200", "3 strong match(es) inside text"]),
    ("order_number", 200, {"CREDIT_CARD": hits(VALIDATED, 4)}, "CREDIT_CARD",
     ["value pattern 4/200", "column name says not personal ('order number')"]),
    ("zuname", 200, {}, "PERSON_NAME", ["column name 'zuname'", "no value of 200 matched"]),
    (NameEvidence({"POSTAL_ADDRESS": (0.9, "adresse")}, None, ()), 200, {"IP_ADDRESS": hits(STRONG, 200)},
     "POSTAL_ADDRESS", ["column name 'adresse'", "no value of 200 matched; values are IP_ADDRESS"]),
])
def test_evidence_says_why(name, examined, by_type, etype, evidence) -> None:
    assert run(name, examined, **by_type)[etype].evidence == evidence


def test_scaling_factors_are_what_the_docstring_says() -> None:
    silent = run("zuname", 200)["PERSON_NAME"].confidence
    contradicted = run(NameEvidence({"PERSON_NAME": (0.9, "zuname")}, None, ()), 200,
                       IP_ADDRESS=hits(STRONG, 200))["PERSON_NAME"].confidence
    negative = run("email_verified", 200, EMAIL_ADDRESS=hits(STRONG, 200))["EMAIL_ADDRESS"].confidence
    assert silent == pytest.approx(0.9 * SILENT_NAME, abs=1e-3)
    assert contradicted == pytest.approx(0.9 * CONTRADICTED_NAME, abs=1e-3)
    # the modifier 'email' (0.45) and the values (0.85) combine, then the negative head scales them
    assert negative == pytest.approx((1 - (1 - STRONG) * (1 - 0.45)) * NEGATIVE_NAME, abs=1e-3)


def test_decisions_are_best_first_and_count_what_was_examined() -> None:
    ds = decide(name_evidence("message"), {"EMAIL_ADDRESS": hits(STRONG, 3, inside=True),
                                           "PHONE_NUMBER": hits(WEAK, 5, inside=True)}, 200, VALUE_TYPES, THRESHOLD)
    assert [d.type for d in ds] == ["EMAIL_ADDRESS", "PHONE_NUMBER"]
    assert all(d.examined == 200 for d in ds)
    assert decide(name_evidence("sku"), {}, 200, VALUE_TYPES, THRESHOLD) == []


def test_a_field_with_no_type_still_reports_what_was_examined() -> None:
    from classifiers.field import FieldClassifier

    d = FieldClassifier().classify("sku", ["SKU-00042", "SKU-00043", None, "", "KSM-250G-IN"])
    assert d.entities == []
    assert d.values_sampled == 3
