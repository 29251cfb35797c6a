"""Test helpers that keep raw card numbers out of test output."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest


def masked(number: str) -> str:
    return f"****{number[-4:]}"


def leaks(text: str, numbers: list[str]) -> list[str]:
    """Masked forms of the numbers that occur in ``text`` (digits only or with common separators)."""
    found = []
    for n in numbers:
        spaced = " ".join(n[i:i + 4] for i in range(0, len(n), 4))
        dashed = "-".join(n[i:i + 4] for i in range(0, len(n), 4))
        if n in text or spaced in text or dashed in text:
            found.append(masked(n))
    return found


def leaks_in_tree(root: Path, numbers: list[str]) -> dict[str, list[str]]:
    out = {}
    for p in root.rglob("*"):
        if p.is_file():
            hit = leaks(p.read_bytes().decode("utf-8", "replace"), numbers)
            if hit:
                out[str(p)] = hit
    return out


#: Debian's chromium, which the browser tests drive headless through playwright (never `playwright install`)
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"


def chromium_or_skip() -> None:
    """Skip the calling test, with the reason, when playwright or chromium is missing; under CI=true fail."""
    from tests.conftest import IN_CI

    reason = None
    try:
        import playwright.sync_api  # noqa: F401 - only asks whether the test extra's playwright is installed
    except ImportError:
        reason = "playwright is not installed (the test extra pins it)"
    if reason is None and not os.path.exists(CHROMIUM):
        reason = "chromium is missing (apt-get install chromium; .ci/run does it in CI)"
    if reason:
        if IN_CI:
            pytest.fail(f"{reason}; CI=true requires it")
        pytest.skip(reason)


class Unprinted(list):
    """Test values that pytest must not print: a failing test shows its arguments, and these hold card
    numbers and birth dates."""

    def __repr__(self) -> str:
        return f"<{len(self)} values, not printed>"
