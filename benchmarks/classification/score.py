"""Field-level scores: predicted types against ground truth, per type and overall.

The unit is a (field, type) pair: a field predicted PHONE_NUMBER that truly
holds PHONE_NUMBER is one true positive; a decoy predicted CREDIT_CARD is one
false positive; a free-text field that holds three types and is predicted with
two is two true positives and one false negative.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from classifiers.entities import ENTITY_TYPES


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict:
        return {"tp": self.tp, "fp": self.fp, "fn": self.fn, "precision": round(self.precision, 4),
                "recall": round(self.recall, 4), "f1": round(self.f1, 4)}


@dataclass
class Score:
    per_type: dict[str, Counts]
    micro: Counts
    #: fields predicted personal (any type) / of those, fields that truly hold some type
    personal_predicted: int
    personal_correct: int
    personal_truth: int
    decoys: int
    decoys_flagged_card: list[str]
    fields_flagged_card_wrongly: list[str]
    errors: list[dict] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)     # ground-truth fields the tool did not report
    unexpected: list[str] = field(default_factory=list)  # reported fields with no ground truth

    @property
    def personal_precision(self) -> float:
        return self.personal_correct / self.personal_predicted if self.personal_predicted else 1.0

    @property
    def personal_recall(self) -> float:
        return self.personal_correct / self.personal_truth if self.personal_truth else 1.0

    def as_dict(self) -> dict:
        return {
            "micro": self.micro.as_dict(),
            "per_type": {t: c.as_dict() for t, c in self.per_type.items()},
            "personal_fields": {"predicted": self.personal_predicted, "correct": self.personal_correct,
                                "truth": self.personal_truth, "precision": round(self.personal_precision, 4),
                                "recall": round(self.personal_recall, 4)},
            "decoy_fields": self.decoys,
            "decoys_flagged_credit_card": self.decoys_flagged_card,
            "fields_flagged_credit_card_wrongly": self.fields_flagged_card_wrongly,
            "missing_fields": self.missing, "unexpected_fields": self.unexpected,
            "errors": self.errors,
        }


def score(truth: dict[str, list[str]], predicted: dict[str, list[str]]) -> Score:
    """Compare per-field type lists. A field missing from ``predicted`` counts as predicted empty."""
    per_type = {t: Counts() for t in ENTITY_TYPES}
    micro = Counts()
    p_pred = p_ok = p_truth = decoys = 0
    decoy_card: list[str] = []
    wrong_card: list[str] = []
    errors = []
    for key, true_types in sorted(truth.items()):
        want, got = set(true_types), set(predicted.get(key, ()))
        for t in want | got:
            c = per_type.setdefault(t, Counts())
            if t in want and t in got:
                c.tp += 1
                micro.tp += 1
            elif t in got:
                c.fp += 1
                micro.fp += 1
            else:
                c.fn += 1
                micro.fn += 1
        if got:
            p_pred += 1
            p_ok += bool(want)
        p_truth += bool(want)
        decoys += not want
        if "CREDIT_CARD" in got and "CREDIT_CARD" not in want:
            wrong_card.append(key)
            if not want:
                decoy_card.append(key)
        if want != got:
            errors.append({"field": key, "truth": sorted(want), "predicted": sorted(got),
                           "missed": sorted(want - got), "extra": sorted(got - want)})
    return Score(per_type, micro, p_pred, p_ok, p_truth, decoys, decoy_card, wrong_card, errors,
                 missing=sorted(set(truth) - set(predicted)), unexpected=sorted(set(predicted) - set(truth)))
