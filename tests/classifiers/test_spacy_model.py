"""A configured spaCy pipeline is loaded from its folder (never downloaded) and its NER is used.

No pretrained model can be installed here, so the test builds a small pipeline of its own (an entity
ruler with a few person names), saves it to a folder, and points classification at that folder: the
same loading path an installed en_core_web_* package or a pipeline trained by the user takes.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy

from classifiers.engine import ModelNotInstalled, build_analyzer
from classifiers.field import FieldClassifier


@pytest.fixture(scope="module")
def model_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("entity_ruler")
    ruler.add_patterns([{"label": "PERSON", "pattern": [{"LOWER": "zyxwort"}, {"LOWER": "qalandar"}]},
                        {"label": "ORG", "pattern": "Vexilon Systems"}])
    path = tmp_path_factory.mktemp("spacy") / "pipeline"
    nlp.to_disk(path)
    return path


def test_configured_model_finds_what_the_lists_cannot(model_dir: Path) -> None:
    texts = ["please call Zyxwort Qalandar back about the refund"] * 20
    without = FieldClassifier().classify("remarks", texts)
    assert "PERSON_NAME" not in [e.type for e in without.entities]  # not in any name list
    analyzer = build_analyzer(str(model_dir))
    hits = {r.entity_type for r in analyzer.analyze(texts[0], language="en")}
    assert "PERSON" in hits
    with_model = FieldClassifier(spacy_model=str(model_dir)).classify("remarks", texts)
    assert "PERSON_NAME" in [e.type for e in with_model.entities]


def test_missing_model_is_refused_with_advice(tmp_path: Path) -> None:
    with pytest.raises(ModelNotInstalled, match="not installed and is not a folder"):
        build_analyzer(str(tmp_path / "no_such_model"))
