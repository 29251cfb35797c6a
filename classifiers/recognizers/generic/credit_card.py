"""CREDIT_CARD: a full card number, by Luhn + issuer range + brand length (classifiers.cards).

Presidio's own card recognizer misses 2-series Mastercard and 19-digit numbers
and accepts any Luhn-valid run; this one shares the exact definition that the
full_card_number sweep uses, so classification and rule never disagree.
"""

from __future__ import annotations

from presidio_analyzer import RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

from classifiers.card_spec import CANDIDATE
from classifiers.cards import find_cards
from classifiers.recognizers.base import ValueRecognizer
from classifiers.recognizers.strength import VALIDATED


class CreditCardRecognizer(ValueRecognizer):
    ENTITY = "CREDIT_CARD"
    VALIDATOR = "Luhn+IIN"
    QUICK = CANDIDATE
    QUICK_FIRST = True
    #: kept for callers of the earlier class: a checksum + issuer + length pass
    SCORE_VALIDATED = VALIDATED

    def analyze(self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None
                ) -> list[RecognizerResult]:
        if not CANDIDATE.search(text):
            return []
        out = []
        for m in find_cards(text):
            r = self.result(m.start, m.end, VALIDATED, validated=True, pattern=m.brand)
            r.recognition_metadata["validator"] = f"Luhn+IIN ({m.brand})"
            out.append(r)
        return out
