"""The benchmark corpus: deterministic per seed, labelled field by field, every entity type present."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

pytest.importorskip("faker", reason="the benchmark corpus needs Faker (pinned in the benchmark requirements)")

from benchmarks.corpus import LOCALES, SPLITS, generate
from classifiers.entities import ENTITY_TYPES
from pipeline.config.load import load_config
from pipeline.sources import open_source

SMALL = (40, 60)  # rows per dataset: enough for every free-text type to show up, fast enough for a unit test


def _digest(root: Path) -> dict[str, str]:
    return {str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(root.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def train(tmp_path_factory: pytest.TempPathFactory):
    s = SPLITS["train"]
    return generate(tmp_path_factory.mktemp("train"), s["seed"], s["locales"], "train", rows=SMALL)


@pytest.fixture(scope="module")
def test_split(tmp_path_factory: pytest.TempPathFactory):
    s = SPLITS["test"]
    return generate(tmp_path_factory.mktemp("test"), s["seed"], s["locales"], "test", rows=SMALL)


def test_same_seed_same_bytes(train, tmp_path: Path) -> None:
    s = SPLITS["train"]
    again = generate(tmp_path / "again", s["seed"], s["locales"], "train", rows=SMALL)
    assert _digest(again.root) == _digest(train.root)


def test_same_bytes_under_another_hash_seed(train, tmp_path: Path) -> None:
    """String hashing differs per process; nothing that draws random values may iterate a set of strings."""
    code = ("import sys; from pathlib import Path; from benchmarks.corpus import SPLITS, generate; "
            f"s = SPLITS['train']; generate(Path(sys.argv[1]), s['seed'], s['locales'], 'train', rows={SMALL!r})")
    for hash_seed in ("1", "2"):
        out = tmp_path / f"h{hash_seed}"
        env = {**os.environ, "PYTHONHASHSEED": hash_seed}
        subprocess.run([sys.executable, "-c", code, str(out)], check=True, env=env, capture_output=True,
                       cwd=Path(__file__).resolve().parents[2])
        got, want = _digest(out), _digest(train.root)
        assert got == want, f"PYTHONHASHSEED={hash_seed} changed {sorted(k for k in want if got.get(k) != want[k])}"


def test_other_seed_other_data(train, tmp_path: Path) -> None:
    other = generate(tmp_path / "other", 99, SPLITS["train"]["locales"], "train", rows=SMALL)
    assert _digest(other.root)["corpus.db"] != _digest(train.root)["corpus.db"]


def test_splits_use_disjoint_locales_that_exist() -> None:
    train, test = set(SPLITS["train"]["locales"]), set(SPLITS["test"]["locales"])
    assert not train & test
    assert train | test <= set(LOCALES)


@pytest.mark.parametrize("split", ["train", "test_split"])
def test_ground_truth_covers_every_field_pdd_lists(split: str, request: pytest.FixtureRequest) -> None:
    corpus = request.getfixturevalue(split)
    config = load_config(corpus.config)
    listed = set()
    for cfg in config.sources:
        source = open_source(cfg, config)
        for ds in source.datasets():
            # as the scan lists them: declared fields, and the keys a schemaless file shows in its sample
            listed |= {f"{cfg.name}/{ds.name}/{f}" for f in [*ds.fields(), *ds.sample(1000)]}
            ds.close()
        source.close()
    assert listed == set(corpus.ground_truth)
    assert all(set(types) <= set(ENTITY_TYPES) for types in corpus.ground_truth.values())


@pytest.mark.parametrize("split", ["train", "test_split"])
def test_every_entity_type_appears(split: str, request: pytest.FixtureRequest) -> None:
    corpus = request.getfixturevalue(split)
    present = {t for types in corpus.ground_truth.values() for t in types}
    assert present == set(ENTITY_TYPES)


def test_the_corpus_has_the_promised_shapes(train) -> None:
    truth = train.ground_truth
    sources = {k.split("/")[0] for k in truth}
    assert sources == {"db", "logs", "files"}
    assert 35 <= len(train.datasets) <= 60
    # opaque names, a headerless CSV, JSON paths, free text with several types, decoys
    assert any(k.split("/")[-1] == "c1" for k in truth)
    assert any("." in k.split("/", 2)[2] for k in truth)
    assert any(len(v) >= 3 for v in truth.values())
    assert len(train.decoys) >= len(truth) // 3
    manifest = json.loads((train.root / "manifest.json").read_text())
    assert {d["locale"] for d in manifest["datasets"]} == set(SPLITS["train"]["locales"])


def test_train_and_test_name_their_columns_differently(train, test_split) -> None:
    """Beyond the shared canonical names, each split draws its own half of every name list."""
    def names(c):
        return {k.rsplit("/", 1)[-1].lower() for k in c.ground_truth}
    assert len(names(test_split) - names(train)) > 50
