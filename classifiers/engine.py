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
import re
from collections.abc import Sequence
from pathlib import Path

from presidio_analyzer import AnalyzerEngine, EntityRecognizer, RecognizerRegistry, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts, NlpEngine, NoOpNlpEngine, SpacyNlpEngine

from classifiers.gates import Joined, joinable
from classifiers.recognizers.base import ValueRecognizer
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


class PddAnalyzerEngine(AnalyzerEngine):
    """Presidio's AnalyzerEngine with its per-call set-up done once, when nothing can make it differ.

    ``AnalyzerEngine.analyze`` spends about half of a classification's time outside the recognizers
    (measured: docs/benchmarks.md, "Fixed costs"): per call it lists the recognizers and their
    entities, builds empty NLP artifacts (a spaCy ``Doc``), deep-copies every result for the lemma context
    enhancer, and maps each recognizer's score thresholds. With the NoOp NLP engine and no recognizer that
    carries Presidio context words or enhances its own results, each of those steps gives the same answer
    for every text: the recognizers, entities and thresholds are fixed, the artifacts are empty, and the
    enhancers return the results unchanged (pdd's recognizers handle context themselves,
    classifiers/recognizers/base.py). :meth:`analyze` then runs the recognizers and the same filters
    (score thresholds, ``remove_duplicates``, no decision process) directly; any other call, or any other
    set-up (a spaCy model, a recognizer with context words, a recognizer registered after construction) goes
    through Presidio's own ``analyze``.
    :meth:`analyze_batch` answers for many texts at once (a field's distinct values): each recognizer whose
    QUICK pattern is a necessary condition (``ValueRecognizer.gate``) and can be asked over the texts joined
    (classifiers/gates.py) is run only on the texts that pattern matches, found in one search, instead of
    one Python call per text that mostly answers no.
    tests/classifiers/test_engine.py checks all three paths give equal results.
    """

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]  # presidio's AnalyzerEngine keywords, passed through
        recognizers = self.registry.get_recognizers(language="en", all_fields=True)
        plain = isinstance(self.nlp_engine, NoOpNlpEngine) and all(
            not r.context and type(r).enhance_using_context is EntityRecognizer.enhance_using_context
            for r in recognizers)
        self._direct: tuple[EntityRecognizer, ...] | None = tuple(recognizers) if plain else None
        self._registered = list(self.registry.recognizers)  # a recognizer added later: Presidio's path again
        self._entities = self.get_supported_entities(language="en")
        self._thresholds = {r.id: r.score_thresholds for r in recognizers}
        self._gates = tuple(_gate(r) for r in recognizers)
        # Built once: NoOp artifacts are the same empty ones for every text.
        self._artifacts: NlpArtifacts | None = (self.nlp_engine.process_text("", "en") if plain else None)

    def analyze(self, text: str, language: str, entities: list[str] | None = None,  # type: ignore[override]  # narrower than presidio's: the only arguments pdd passes
                **kwargs: object) -> list[RecognizerResult]:
        if (self._direct is None or language != "en" or entities or kwargs or not isinstance(text, str)
                or self.registry.recognizers != self._registered):
            return super().analyze(text, language, entities, **kwargs)  # type: ignore[arg-type]  # presidio's keywords, passed through
        results: list[RecognizerResult] = []
        for recognizer in self._direct:
            self._load(recognizer)
            found = recognizer.analyze(text=text, entities=self._entities, nlp_artifacts=self._artifacts)  # type: ignore[arg-type]  # presidio annotates it without None, and accepts None
            if found:
                results.extend(self._tagged(recognizer, found))
        return self._filtered(results)

    def analyze_batch(self, texts: Sequence[str]) -> list[list[RecognizerResult]]:
        """``[self.analyze(t, language="en") for t in texts]``; a gated recognizer runs only where its gate matches."""
        if self._direct is None or self.registry.recognizers != self._registered:
            return [self.analyze(t, language="en") for t in texts]
        found: list[list[RecognizerResult]] = [[] for _ in texts]
        every = range(len(texts))
        joined = Joined(texts)
        entities, artifacts = self._entities, self._artifacts
        for recognizer, gate in zip(self._direct, self._gates, strict=True):
            self._load(recognizer)
            analyze = recognizer.analyze  # the loop below runs once per (text, recognizer): no look-ups in it
            # Recognizer by recognizer: each text's results still come in the recognizers' order, as analyze's.
            for i in every if gate is None else joined.matching(gate):
                got = analyze(texts[i], entities, artifacts)  # type: ignore[arg-type]  # presidio annotates it without None, and accepts None
                if got:
                    found[i].extend(self._tagged(recognizer, got))
        return [self._filtered(results) for results in found]

    @staticmethod
    def _load(recognizer: EntityRecognizer) -> None:
        if not recognizer.is_loaded:
            recognizer.load()
            recognizer.is_loaded = True

    @staticmethod
    def _tagged(recognizer: EntityRecognizer, found: list[RecognizerResult]) -> list[RecognizerResult]:
        """``found`` with the recognizer's id and name in each result's metadata, as AnalyzerEngine tags them."""
        for r in found:
            if not r.recognition_metadata:
                r.recognition_metadata = {}
            r.recognition_metadata.setdefault(RecognizerResult.RECOGNIZER_IDENTIFIER_KEY, recognizer.id)
            r.recognition_metadata.setdefault(RecognizerResult.RECOGNIZER_NAME_KEY, recognizer.name)  # type: ignore[has-type]  # presidio sets it unannotated
        return found

    def _filtered(self, results: list[RecognizerResult]) -> list[RecognizerResult]:
        """Presidio's filters after the recognizers: recognizer ids, score thresholds, duplicates."""
        if not results:
            return results
        # Presidio's context step regroups the results by recognizer, in the recognizers' order (they already
        # are) and drops those whose recognizer id is not one of the request's.
        results = [r for r in results if r.recognition_metadata[RecognizerResult.RECOGNIZER_IDENTIFIER_KEY]
                   in self._thresholds]
        results = [r for r in results if r.score >= self._threshold(r)]
        results = EntityRecognizer.remove_duplicates(results)
        for r in results:
            r.analysis_explanation = None  # type: ignore[assignment]  # presidio annotates it without None, and accepts None
        return results

    def _threshold(self, result: RecognizerResult) -> float:
        """AnalyzerEngine's own resolution: the recognizer's threshold for the type, its default, the engine's."""
        own = self._thresholds.get(result.recognition_metadata[RecognizerResult.RECOGNIZER_IDENTIFIER_KEY])
        if own is None:
            return self.default_score_threshold
        for key in (result.entity_type, "default"):
            if own.get(key) is not None:
                return own[key]
        return self.default_score_threshold


def _gate(recognizer: EntityRecognizer) -> re.Pattern[str] | None:
    """The recognizer's necessary condition when analyze_batch may ask it over joined texts, else None."""
    gate = recognizer.gate() if isinstance(recognizer, ValueRecognizer) else None
    return gate if gate is not None and joinable(gate) else None


def build_analyzer(spacy_model: str | None = None, extra: Sequence[EntityRecognizer] = ()) -> AnalyzerEngine:
    """``extra``: recognizers from the config's recognizers file (classifiers/configured.py), after pdd's own."""
    # Presidio logs every recognizer it loads at INFO; that is noise in a scan's output.
    logging.getLogger("presidio-analyzer").setLevel(logging.WARNING)
    registry = RecognizerRegistry(supported_languages=["en"])
    for cls in RECOGNIZERS:
        registry.add_recognizer(cls())  # type: ignore[call-arg]  # pdd's recognizers take no arguments
    for recognizer in extra:
        registry.add_recognizer(recognizer)
    if spacy_model:
        # The model's NER (PERSON, LOCATION/GPE, ORG) becomes evidence beside the name lists and
        # gazetteer; entities.to_pdd maps the names. Without a model there is nothing for it to read.
        from presidio_analyzer.predefined_recognizers import SpacyRecognizer

        registry.add_recognizer(SpacyRecognizer(supported_entities=["PERSON", "LOCATION", "ORGANIZATION"]))
    return PddAnalyzerEngine(registry=registry, nlp_engine=_nlp_engine(spacy_model), supported_languages=["en"])
