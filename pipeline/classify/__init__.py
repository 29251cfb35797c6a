"""The classify stage: a dataset's sample in, a decision per field out."""

from __future__ import annotations

from classifiers.dataset import reference_places
from classifiers.field import FieldClassifier, FieldDecision
from pipeline.classify.mask import masked_samples
from pipeline.sources.base import Dataset


def classify_with_samples(dataset: Dataset, classifier: FieldClassifier, sample_size: int
                          ) -> dict[str, tuple[FieldDecision, list[str]]]:
    """Each field's decision and, for a field with a personal type, a few masked sample values (mask.py).

    Decisions are per field first, then the dataset's own evidence (classifiers/dataset.py: a table of
    places with nobody at them is reference data)."""
    sample = dataset.sample(sample_size)
    fields = list(dict.fromkeys([*dataset.fields(), *sample]))
    decided = reference_places({f: classifier.classify(f, sample.get(f, []), sampled=True) for f in fields})
    return {f: (d, masked_samples(sample.get(f, [])) if d.entities else []) for f, d in decided.items()}


__all__ = ["classify_with_samples"]
