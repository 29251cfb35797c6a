"""Running the fides export where fideslang lives: its own environment (fideslang pins pydantic<2.13)."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
FIDES_PYTHON = ROOT / ".venv-fides" / "bin" / "python"


def fides_python() -> Path:
    """The fides environment's python; skipped outside CI when it is missing (CI builds it: make test)."""
    if not FIDES_PYTHON.exists():
        if os.environ.get("CI") == "true":
            pytest.fail(f"{FIDES_PYTHON} is missing: `make fides-venv` builds it")
        pytest.skip(f"{FIDES_PYTHON} is missing (fideslang cannot join the lock): run `make fides-venv`")
    return FIDES_PYTHON


def run_fides(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(fides_python()), *args], cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)},
                          capture_output=True, text=True, timeout=120, check=False)
