"""Docs cannot drift from the code: the README's commands exist, its config example loads, --help lists them."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from pipeline.config.load import load_config

REPO = Path(__file__).resolve().parents[1]
README = (REPO / "README.md").read_text()


def test_readme_two_commands_are_make_targets_and_ci_runs_the_test_one() -> None:
    assert "make demo" in README and "make test" in README
    makefile = (REPO / "Makefile").read_text()
    assert re.search(r"^demo:", makefile, re.M) and re.search(r"^test:", makefile, re.M)
    ci = (REPO / ".ci" / "run").read_text()
    assert "make test" in ci and "pytest" not in ci


def _help(*args: str) -> str:
    proc = subprocess.run([sys.executable, "-m", "pipeline.cli", *args, "--help"], capture_output=True, text=True,
                          cwd=REPO, env={"COLUMNS": "200", "PATH": "/usr/bin:/bin"}, timeout=120)
    assert proc.returncode == 0, proc.stderr
    return proc.stdout


@pytest.mark.parametrize("command", sorted(set(re.findall(r"bin/pdd ([a-z]+)", README)) | {"scan"}))
def test_every_readme_command_is_in_help(command: str) -> None:
    assert command in _help()


def test_scan_help_documents_the_contract_options() -> None:
    text = _help("scan")
    for option in ("--out", "--as-of", "--source"):
        assert option in text
    assert "Exit status" in text


def test_readme_config_example_is_valid(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    block = re.search(r"```yaml\n(as_of:.*?)```", README, re.S)
    assert block, "the README's config example is gone"
    monkeypatch.setenv("PDD_DB_PASSWORD", "x")
    cfg = tmp_path / "pdd.yaml"
    cfg.write_text(block.group(1))
    config = load_config(cfg)
    assert [s.kind for s in config.sources] == ["sql", "logs", "files"]


def test_readme_linkage_example_is_valid(tmp_path: Path) -> None:
    block = re.search(r"```yaml\n(linkage:.*?)```", README, re.S)
    assert block, "the README's linkage example is gone"
    cfg = tmp_path / "pdd.yaml"
    cfg.write_text("sources:\n  - {name: crm, kind: sql, url: 'sqlite:///x.db'}\n" + block.group(1))
    linkage = load_config(cfg).linkage
    assert (len(linkage.accounts), len(linkage.links), len(linkage.ignore)) == (1, 1, 1)
