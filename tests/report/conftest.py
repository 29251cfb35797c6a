"""The demo scanned twice for the stewards' tests: as generated, then with a new e-mail column and one card
removed (demo/evolve.py), both recorded in one history; built once per session."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from demo.evolve import evolve
from demo.generate import Manifest, generate
from pipeline.cli import app


@pytest.fixture(scope="session")
def demo_twice(tmp_path_factory: pytest.TempPathFactory) -> tuple[Manifest, Path, list[str]]:
    """(manifest, report folder holding both runs' history, CLI outputs); report.html is the second run's."""
    root = tmp_path_factory.mktemp("stewards")
    manifest = generate(root / "data")
    out = root / "pdd-report"
    outputs = []
    for cfg in (manifest.config, evolve(root / "data", root / "next") / "pdd.yaml"):
        res = CliRunner().invoke(app, ["scan", str(cfg), "--out", str(out)])
        assert res.exit_code == 1, res.output[-2000:]
        outputs.append(res.output)
        (out / f"run{len(outputs)}").mkdir()
        for name in ("report.json", "report.html"):
            (out / f"run{len(outputs)}" / name).write_bytes((out / name).read_bytes())
    return manifest, out, outputs


@pytest.fixture(scope="session")
def demo_pages(demo_twice: tuple[Manifest, Path, list[str]]) -> tuple[Path, Path]:
    _, out, _ = demo_twice
    return out / "run1", out / "run2"
