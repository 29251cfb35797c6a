"""The demo scanned with two decisions (accounts.email confirmed, PHONE_NUMBER rejected in payments.note),
shared by the export tests."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from demo.generate import Manifest, generate
from pipeline.cli import app

REJECTED = ("app_db", "payments", "note", "PHONE_NUMBER")
CONFIRMED = ("app_db", "accounts", "email")


@pytest.fixture(scope="session")
def reviewed_demo(tmp_path_factory: pytest.TempPathFactory) -> tuple[Manifest, Path]:
    """(manifest, report folder) of the demo scanned with the two decisions applied."""
    root = tmp_path_factory.mktemp("exports")
    manifest = generate(root / "data")
    decisions = str(manifest.config.parent / "pdd-review.yaml")
    runner = CliRunner()
    res = runner.invoke(app, ["review", "confirm", *CONFIRMED, "--type", "EMAIL_ADDRESS", "--by", "alice",
                              "--why", "signup form", "--decisions", decisions])
    assert res.exit_code == 0, res.output
    res = runner.invoke(app, ["review", "reject", *REJECTED, "--by", "alice", "--why", "order numbers",
                              "--decisions", decisions])
    assert res.exit_code == 0, res.output
    out = root / "pdd-report"
    res = runner.invoke(app, ["scan", str(manifest.config), "--out", str(out), "--quiet"])
    assert res.exit_code == 1, res.output[-2000:]
    return manifest, out
