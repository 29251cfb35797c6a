"""The scan's hook into log templates: the classify step mines the sampled lines of a plain or JSON-message log
and classifies each template's slots."""

from __future__ import annotations

from classifiers.field import FieldClassifier
from pipeline.report.model import TemplateEntry
from pipeline.sources.base import Dataset
from pipeline.templates.classify import classify_templates
from pipeline.templates.messages import minable, sampled_messages
from pipeline.templates.miner import Miner
from pipeline.templates.settings import TemplateSettings


def log_templates(dataset: Dataset, classifier: FieldClassifier,
                  settings: TemplateSettings | None = None) -> dict[str, list[TemplateEntry]]:
    """For a plain or JSON-message log: {message field: its personal templates}, mined over the sampled
    lines (the lines the classify step's sample reads); {} for any other dataset."""
    if not minable(dataset):
        return {}
    name, messages = sampled_messages(dataset)  # type: ignore[arg-type]  # minable(): a LogFile
    if name is None:
        return {}
    miner = Miner(settings)
    for text in messages:
        miner.add(text)
    return {name: classify_templates(miner.templates(), classifier, name)}

