"""Test helpers that keep raw card numbers out of test output."""

from __future__ import annotations

from pathlib import Path


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
