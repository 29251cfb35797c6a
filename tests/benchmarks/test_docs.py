"""docs/benchmarks.md stays true to the code: its commands' flags exist, its split table is SPLITS."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

pytest.importorskip("faker", reason="the benchmark corpus needs Faker (pinned in the benchmark requirements)")

from benchmarks.corpus import SPLITS

REPO = Path(__file__).resolve().parents[2]
DOC = (REPO / "docs" / "benchmarks.md").read_text(encoding="utf-8")
SECTION = DOC[DOC.index("## Classification"):]


@pytest.mark.parametrize("module", ["benchmarks.classification", "benchmarks.corpus"])
def test_documented_flags_exist(module: str) -> None:
    commands = re.findall(rf"python -m {re.escape(module)}(?![.\w])([^\n`]*)", SECTION)
    assert commands, f"docs/benchmarks.md shows no command for {module}"
    helptext = subprocess.run([sys.executable, "-m", module, "--help"], cwd=REPO, capture_output=True, text=True,
                              check=True).stdout
    for flag in {f for c in commands for f in re.findall(r"--[a-z][a-z-]*", c)}:
        assert flag in helptext, f"{flag} is documented for {module} but not in its --help"


def test_split_table_is_the_code_s() -> None:
    for name, spec in SPLITS.items():
        row = f"| {name} | {spec['seed']} | {', '.join(spec['locales'])} |"
        assert row in SECTION
