"""Shared fixtures for the contract checks: the clean and the normal demo, generated once per session, and
the committed demo contracts. The GE context is shared by the whole process (pipeline.contracts.runner)."""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from demo.generate import RECOGNIZERS, Manifest, generate
from pipeline.cli import app
from pipeline.config.recognizers import load_recognizers
from pipeline.policy import load_policy

REPO = Path(__file__).resolve().parents[2]
DEMO_CONTRACTS = REPO / "data_contracts" / "demo"
#: The policy map the demo scans with: the bundled map, with the demo recognizers file's staff numbers.
DEMO_POLICY = load_policy().extended({s.entity: s.category for s in load_recognizers(RECOGNIZERS) if s.new_type})


@pytest.fixture(scope="session")
def clean_demo(tmp_path_factory: pytest.TempPathFactory) -> Manifest:
    return generate(tmp_path_factory.mktemp("clean") / "data", clean=True)


@pytest.fixture(scope="session")
def normal_demo(tmp_path_factory: pytest.TempPathFactory) -> Manifest:
    return generate(tmp_path_factory.mktemp("normal") / "data")


@pytest.fixture(scope="session")
def clean_report(clean_demo: Manifest, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """report.json of `pdd scan` on the clean demo, shared by the tests that need no scan of their own."""
    out = tmp_path_factory.mktemp("clean-report")
    res = CliRunner().invoke(app, ["scan", str(clean_demo.config), "--out", str(out), "--quiet"])
    assert res.exit_code == 0, res.output[-2000:]
    return out / "report.json"


@pytest.fixture
def demo_copy(clean_demo: Manifest, tmp_path: Path) -> Callable[[], Path]:
    """A private copy of the clean demo folder; returns its config. Tests change their copy's app.db only."""

    def make() -> Path:
        dst = tmp_path / "demo"
        shutil.copytree(clean_demo.out_dir, dst)
        return dst / "pdd.yaml"

    return make


def sql(db: Path, *statements: tuple[str, tuple] | str) -> None:
    with sqlite3.connect(db) as conn:
        for s in statements:
            conn.execute(*((s, ()) if isinstance(s, str) else s))


def pdd(*args: str) -> tuple[int, str]:
    """Run the CLI in-process; exit code and everything it printed (stdout and stderr)."""
    res = CliRunner().invoke(app, list(args))
    if res.exception and not isinstance(res.exception, SystemExit):
        raise res.exception
    return res.exit_code, res.output
