"""Presidio's AnalyzerEngine, built offline with pdd's own recognizer set.

Never the defaults: ``AnalyzerEngine()`` with no NLP engine downloads a spaCy
model, and the default registry switches on recognizers that fire on unrelated
numbers. pdd passes an NLP engine explicitly:

- no model configured: Presidio's NoOpNlpEngine (pattern and checksum
  recognizers need no NLP; column names supply the context);
- ``classification.spacy_model`` set: that installed pipeline (package name or
  path) through Presidio's SpacyNlpEngine; pdd checks it is installed first, so
  Presidio never reaches its download fallback.
"""

from __future__ import annotations

import logging
from pathlib import Path

from presidio_analyzer import AnalyzerEngine, RecognizerRegistry
from presidio_analyzer.nlp_engine import NlpEngine, NoOpNlpEngine, SpacyNlpEngine

from classifiers.registry import RECOGNIZERS


class ModelNotInstalled(Exception):
    """The configured spaCy model is neither an installed package nor a folder."""


def _nlp_engine(spacy_model: str | None) -> NlpEngine:
    if not spacy_model:
        return NoOpNlpEngine(models=[{"lang_code": "en", "model_name": "none"}])
    import spacy.util

    if not (spacy.util.is_package(spacy_model) or Path(spacy_model).is_dir()):
        raise ModelNotInstalled(
            f"spaCy model {spacy_model!r} is not installed and is not a folder; install it (pip install "
            "<model wheel>) or point classification.spacy_model at a trained pipeline's folder, or remove the "
            "setting to classify without a model")
    return SpacyNlpEngine(models=[{"lang_code": "en", "model_name": spacy_model}])


def build_analyzer(spacy_model: str | None = None) -> AnalyzerEngine:
    # Presidio logs every recognizer it loads at INFO; that is noise in a scan's output.
    logging.getLogger("presidio-analyzer").setLevel(logging.WARNING)
    registry = RecognizerRegistry(supported_languages=["en"])
    for cls in RECOGNIZERS:
        registry.add_recognizer(cls())
    if spacy_model:
        # The model's NER (PERSON, LOCATION/GPE, ORG) becomes evidence beside the name lists and
        # gazetteer; entities.to_pdd maps the names. Without a model there is nothing for it to read.
        from presidio_analyzer.predefined_recognizers import SpacyRecognizer

        registry.add_recognizer(SpacyRecognizer(supported_entities=["PERSON", "LOCATION", "ORGANIZATION"]))
    return AnalyzerEngine(registry=registry, nlp_engine=_nlp_engine(spacy_model), supported_languages=["en"])
