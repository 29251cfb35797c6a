"""The top-level conventions of `pdd`: --version, fast --help, `pdd schema`, JSON logs, shell completion."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from importlib.metadata import version
from pathlib import Path

import jsonschema
import pytest

REPO = Path(__file__).resolve().parents[1]
# pydantic is not here: typer itself imports it to coerce option values, and the schemas are made from pydantic
# models; nor classifiers.entities, the list of type names that the decisions' and contracts' models check
# against. The data and scanning libraries are, and so are pdd's own scanner modules, which import them.
HEAVY = ("pandas", "numpy", "spacy", "presidio_analyzer", "sqlalchemy", "pyarrow", "great_expectations", "airflow",
         "classifiers.field", "classifiers.engine", "classifiers.registry", "classifiers.cards", "pipeline.engine",
         "pipeline.sources")
# What a user runs to learn pdd or to get a schema: none of it needs a store or a model.
LIGHT_COMMANDS = [["--help"], ["--version"], ["scan", "--help"], ["contracts", "--help"], ["review", "--help"],
                  ["export", "--help"], ["subject", "--help"], ["templates", "--help"], ["schema", "report"],
                  ["schema", "decisions"], ["schema", "contract"]]


def _pdd(*args: str, cwd: Path = REPO) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "COLUMNS": "200", "PYTHONPATH": str(REPO)}
    return subprocess.run([sys.executable, "-m", "pipeline.cli", *args], capture_output=True, text=True,
                          cwd=cwd, env=env, timeout=300)


def test_version_prints_the_installed_distribution_version() -> None:
    proc = _pdd("--version")
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout == f"pdd {version('pdd')}\n"


@pytest.mark.parametrize("args", LIGHT_COMMANDS, ids=" ".join)
def test_light_commands_import_no_heavy_module(args: list[str]) -> None:
    """Through the console script's own function, in a fresh interpreter: which modules did the command load?"""
    code = ("import sys; sys.argv = ['pdd', *sys.argv[1:]]\n"
            "from pipeline.cli import main\n"
            "try:\n    main()\nexcept SystemExit:\n    pass\n"
            f"print('HEAVY', sorted(m for m in {HEAVY!r} if m in sys.modules), file=sys.stderr)")
    proc = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, cwd=REPO,
                          env={**os.environ, "PYTHONPATH": str(REPO)}, timeout=120)
    assert "HEAVY []" in proc.stderr, proc.stderr[-2000:]


def test_shell_completion_is_offered() -> None:
    assert "--install-completion" in _pdd("--help").stdout


@pytest.mark.parametrize("name", ["config", "report", "decisions", "contract"])
def test_schema_command_prints_the_schema(name: str) -> None:
    proc = _pdd("schema", name)
    assert proc.returncode == 0, proc.stderr
    body = json.loads(proc.stdout)
    jsonschema.Draft202012Validator.check_schema(body)
    assert proc.stdout == (REPO / "docs" / "schemas" / f"{name}.schema.json").read_text()


def test_schema_command_refuses_an_unknown_name() -> None:
    proc = _pdd("schema", "reports")
    assert proc.returncode == 2 and proc.stdout == ""


def test_json_log_format_makes_every_stderr_line_a_record(tmp_path: Path) -> None:
    cfg = tmp_path / "pdd.yaml"
    cfg.write_text("sources:\n  - name: x\n    kind: log\n    path: a\n")
    proc = _pdd("--log-format", "json", "scan", str(cfg), "--out", str(tmp_path / "out"))
    assert proc.returncode == 2
    records = [json.loads(line) for line in proc.stderr.splitlines()]
    assert records and all(set(r) >= {"time", "level", "logger", "message"} for r in records)
    assert records[0]["level"] == "ERROR" and "line 3" in records[0]["message"] and "pdd.yaml" in records[0]["message"]


def test_text_log_format_is_unchanged(tmp_path: Path) -> None:
    cfg = tmp_path / "pdd.yaml"
    cfg.write_text("sources:\n  - name: x\n    kind: log\n    path: a\n")
    proc = _pdd("scan", str(cfg))
    assert proc.returncode == 2 and proc.stderr.startswith("config refused:")


def test_verbose_and_quiet_together_are_a_usage_error() -> None:
    proc = _pdd("--verbose", "--quiet", "schema", "report")
    assert proc.returncode == 2 and "contradict" in proc.stderr
