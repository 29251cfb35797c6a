"""The classify stage: a dataset's sample in, a decision per field out."""

from __future__ import annotations

from classifiers.field import FieldClassifier, FieldDecision
from pipeline.sources.base import Dataset


def classify_dataset(dataset: Dataset, classifier: FieldClassifier, sample_size: int) -> dict[str, FieldDecision]:
    """One decision per field, from up to ``sample_size`` values of each."""
    sample = dataset.sample(sample_size)
    fields = list(dict.fromkeys([*dataset.fields(), *sample]))
    return {f: classifier.classify(f, sample.get(f, [])) for f in fields}


__all__ = ["classify_dataset"]
