"""Lint and types run with the tests (style.md item 15): ruff and mypy, configured in pyproject.toml.

Each check runs from the venv pytest runs in, from the repository root, and fails with the tool's own report.
mypy keeps its cache in .mypy_cache/ (gitignored): a cold check takes ~15 s of CPU, a warm one ~2 s.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", *args], cwd=REPO, capture_output=True, text=True, timeout=300)


@pytest.mark.parametrize("tool", ["ruff", "mypy"])
def test_tool_is_installed(tool: str) -> None:
    """A missing linter must fail here, not pass by checking nothing."""
    done = _run(tool, "--version")
    assert done.returncode == 0, done.stderr


def test_ruff_finds_nothing() -> None:
    done = _run("ruff", "check", "--no-cache", "--output-format", "concise", ".")
    assert done.returncode == 0, f"ruff check . found:\n{done.stdout}{done.stderr}"


def test_mypy_finds_nothing() -> None:
    done = _run("mypy")  # files, cache dir and options from [tool.mypy] in pyproject.toml
    assert done.returncode == 0, f"mypy found:\n{done.stdout}{done.stderr}"
    assert re.search(r"Success: no issues found in \d+ source files", done.stdout), done.stdout


_SUPPRESSION = re.compile(r"#\s*(noqa\b[:\s]*[A-Z0-9, ]*|type:\s*ignore(\[[^\]]*\])?)")


def test_every_suppression_says_why() -> None:
    """A noqa or type-ignore comment names its codes and is followed by a reason on the same line."""
    bare = []
    for path in sorted(REPO.glob("**/*.py")):
        rel = path.relative_to(REPO)
        if rel.parts[0].startswith(".") or rel.parts[0] in {"build", "demo"} and len(rel.parts) > 1 and \
                rel.parts[1] in {"data", "next"}:
            continue
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            for m in _SUPPRESSION.finditer(line):
                codes = m.group(0)
                has_codes = "[" in codes if "type" in codes else ":" in codes
                reason = line[m.end():].strip(" -:#")
                if not has_codes or len(reason) < 3:
                    bare.append(f"{rel}:{n}: {line.strip()}")
    assert not bare, "suppressions without their codes or a reason on the line:\n" + "\n".join(bare)
