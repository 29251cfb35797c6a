"""Masked sample values for stewards (``j***@example.com``), made where the values are read.

A sample keeps only a value's shape: its first letter or digit, its
punctuation and spacing, and an e-mail address's domain; every other letter
and digit becomes ``*``. So a card number shows at most its first digit
(``4*** **** **** ****``), a birth date its first (``1***-**-**``), and no
masked sample can carry a raw value into report.json or report.html.
"""

from __future__ import annotations

import re

_EMAIL = re.compile(r"^([^@\s]+)@([A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,})$")
MAX_CHARS = 40
SAMPLES = 3


def mask_value(value: object) -> str:
    text = str(value).strip()
    m = _EMAIL.match(text)
    if m:
        return f"{m.group(1)[0]}***@{m.group(2)}"[: MAX_CHARS + 20]
    out, kept = [], False
    for ch in text[:MAX_CHARS]:
        if ch.isalnum():
            out.append("*" if kept else ch)
            kept = True
        else:
            out.append(ch)
    return "".join(out) + ("…" if len(text) > MAX_CHARS else "")


def masked_samples(values: list[object], n: int = SAMPLES) -> list[str]:
    """Up to ``n`` distinct masked shapes of ``values`` (empty values skipped)."""
    out: list[str] = []
    for v in values:
        if v is None or str(v).strip() == "":
            continue
        m = mask_value(v)
        if m not in out:
            out.append(m)
            if len(out) == n:
                break
    return out
