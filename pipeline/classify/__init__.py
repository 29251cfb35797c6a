"""The classify stage: a dataset's sample in, a decision per field out."""

from __future__ import annotations

from classifiers.field import FieldClassifier, FieldDecision
from pipeline.classify.mask import masked_samples
from pipeline.sources.base import Dataset


def classify_dataset(dataset: Dataset, classifier: FieldClassifier, sample_size: int) -> dict[str, FieldDecision]:
    """One decision per field, from up to ``sample_size`` values of each."""
    return {f: d for f, (d, _) in classify_with_samples(dataset, classifier, sample_size).items()}


def classify_with_samples(dataset: Dataset, classifier: FieldClassifier, sample_size: int
                          ) -> dict[str, tuple[FieldDecision, list[str]]]:
    """Each field's decision and, for a field with a personal type, a few masked sample values (mask.py)."""
    sample = dataset.sample(sample_size)
    fields = list(dict.fromkeys([*dataset.fields(), *sample]))
    out = {}
    for f in fields:
        d = classifier.classify(f, sample.get(f, []))
        out[f] = (d, masked_samples(sample.get(f, [])) if d.entities else [])
    return out


__all__ = ["classify_dataset", "classify_with_samples"]
