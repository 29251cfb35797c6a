"""The names-in-text evaluation: a strict split, and gold spans that are the names put in."""

from __future__ import annotations

from pathlib import Path

from benchmarks import names_in_text as nit

REALDATA = Path(__file__).resolve().parents[3] / "shared" / "realdata"


def test_train_and_eval_share_no_template_and_no_locale() -> None:
    train = {t for ts in nit.TRAIN_TEMPLATES.values() for t in ts}
    evals = {t for ts in nit.EVAL_TEMPLATES.values() for t in ts}
    assert not train & evals
    assert not set(nit.TRAIN_LOCALES) & set(nit.EVAL_LOCALES)


def test_gold_spans_hold_names_and_negatives_hold_none() -> None:
    for split in ("train", "eval"):
        samples = nit.generated(split, 300, 7, REALDATA)
        assert any(s.spans for s in samples) and any(not s.spans for s in samples)
        for s in samples:
            for a, b in s.spans:
                name = s.text[a:b]
                assert name.strip() == name and name and not name.startswith(("{", "<"))
            if not s.spans:
                assert s.source == "negative"


def test_the_same_seed_gives_the_same_texts() -> None:
    a = nit.generated("eval", 50, 3, REALDATA)
    b = nit.generated("eval", 50, 3, REALDATA)
    assert [(s.text, s.spans) for s in a] == [(s.text, s.spans) for s in b]


def test_scoring_counts_overlaps() -> None:
    class Fixed:
        name = "fixed"

        def spans(self, text: str) -> list[tuple[int, int, float]]:
            return [(0, 4, 1.0), (10, 12, 1.0)]

    sample = nit.Sample("Anna Weber wrote", [(0, 10)], "x")
    result = nit.score(Fixed(), [sample], 0.5)
    assert (result["P"], result["R"]) == (0.5, 1.0)
