"""One decision rule: from name evidence and value evidence to a confidence per (field, type).

For each type T that a field's name or values point to:

- value evidence ``v = strength x support``: *strength* is the mean recognizer
  score of the values that hit (1.0 when a checksum validated them, 0.4-0.85
  for bare patterns); *support* grows with the hit rate and is full at
  ``FULL_RATE`` of the examined values. Strong, validated hits are not averaged
  away: ``SPARSE_MIN_HITS`` of them in free text give ``SPARSE_SUPPORT``
  however many values did not hit. Weak patterns get no such floor, so weak
  guesses repeated over a few values do not win.
- name evidence ``n``: the lexicon weight of the phrase the column name matched.
- combined as independent evidence: ``1 - (1 - v)(1 - n)``.
- a name that says "not personal" (version, sku, order number, ...) scales the
  result by ``NEGATIVE_NAME``; a name whose type has a value recognizer but
  whose examined values never matched is scaled by ``CONTRADICTED_NAME``.

T is asserted when the result reaches the configured threshold. Every decision
keeps its evidence, so a steward can see why.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from classifiers.column_names import NameEvidence

FULL_RATE = 0.6
STRONG_SCORE = 0.85
SPARSE_MIN_HITS = 2
SPARSE_SUPPORT = 0.9
NEGATIVE_NAME = 0.4
CONTRADICTED_NAME = 0.3


@dataclass
class TypeHits:
    """Value evidence for one type in one field's sample."""

    hits: int = 0
    score_sum: float = 0.0
    validators: set[str] = field(default_factory=set)

    def add(self, score: float, weight: int = 1, validator: str | None = None) -> None:
        self.hits += weight
        self.score_sum += score * weight
        if validator:
            self.validators.add(validator)

    @property
    def strength(self) -> float:
        return self.score_sum / self.hits if self.hits else 0.0


@dataclass(frozen=True)
class EntityDecision:
    type: str
    confidence: float
    evidence: list[str]
    hits: int
    examined: int


def value_confidence(h: TypeHits, examined: int) -> float:
    if not examined or not h.hits:
        return 0.0
    support = min(1.0, (h.hits / examined) / FULL_RATE)
    if h.strength >= STRONG_SCORE and h.hits >= SPARSE_MIN_HITS:
        support = max(support, SPARSE_SUPPORT)
    return h.strength * support


def decide(name: NameEvidence, hits: dict[str, TypeHits], examined: int, value_types: frozenset[str],
           threshold: float) -> list[EntityDecision]:
    """Decisions for every candidate type (asserted or not), best first."""
    out = []
    for etype in sorted(set(hits) | set(name.types)):
        h = hits.get(etype, TypeHits())
        v = value_confidence(h, examined)
        n, phrase = name.types.get(etype, (0.0, ""))
        conf = 1 - (1 - v) * (1 - n)
        evidence = []
        if h.hits:
            evidence.append(f"value pattern {h.hits}/{examined}")
            evidence += [f"validator {x}" for x in sorted(h.validators)]
        if n:
            evidence.append(f"column name '{phrase}'")
        if name.negative and not n:
            conf *= NEGATIVE_NAME
            evidence.append(f"column name says not personal ('{name.negative}')")
        if n and not h.hits and etype in value_types and examined >= 5:
            conf *= CONTRADICTED_NAME
            evidence.append(f"no value of {examined} matched")
        out.append(EntityDecision(etype, round(conf, 3), evidence, h.hits, examined))
    out.sort(key=lambda d: -d.confidence)
    return out


def asserted(decisions: list[EntityDecision], threshold: float) -> list[EntityDecision]:
    return [d for d in decisions if d.confidence >= threshold]
