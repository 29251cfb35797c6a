"""CREDIT_CARD: a full card number, by Luhn + issuer range + brand length (classifiers.cards).

Presidio's own card recognizer misses 2-series Mastercard and 19-digit numbers
and accepts any Luhn-valid run; this one shares the exact definition that the
full_card_number sweep uses, so classification and rule never disagree.
"""

from __future__ import annotations

from presidio_analyzer import EntityRecognizer, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

from classifiers.cards import CANDIDATE, find_cards


class CreditCardRecognizer(EntityRecognizer):
    ENTITY = "CREDIT_CARD"
    #: a checksum + issuer + length pass is as strong as value evidence gets
    SCORE_VALIDATED = 1.0

    def __init__(self) -> None:
        super().__init__(supported_entities=[self.ENTITY], name="pdd_credit_card", supported_language="en")

    def load(self) -> None:
        pass

    def analyze(self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None
                ) -> list[RecognizerResult]:
        if not CANDIDATE.search(text):
            return []
        return [RecognizerResult(self.ENTITY, m.start, m.end, self.SCORE_VALIDATED,
                                 analysis_explanation=None,
                                 recognition_metadata={RecognizerResult.RECOGNIZER_NAME_KEY: self.name,
                                                       "validator": f"Luhn+IIN ({m.brand})"})
                for m in find_cards(text)]
