"""The masks: what each one takes as a variable, with near-misses it must leave as text."""

from __future__ import annotations

import re

import pytest

from pipeline.templates.masks import PATTERNS, WILDCARD, instructions

W = WILDCARD


def mask(text: str) -> str:
    for mi in instructions():
        text = mi.mask(text, "<:", ":>")
    return text


@pytest.mark.parametrize(("text", "masked"), [
    ("to 10.100.20.250, stratum 3", f"to {W}, stratum {W}"),
    ("socket to 172.16.96.116:41534", f"socket to {W}"),
    ("proxy.cse.cuhk.edu.hk:5070 open", f"{W} open"),
    ("formi.baidu.com:843 error", f"{W} error"),
    ("client=2401:4900:7f63:3510:2a8a:4072:99b2:1c4", f"client={W}"),
    ("iar 003a90fc dear 00b360e8", f"iar {W} dear {W}"),
    ("unit=0x0b bit=0x0a", f"unit={W} bit={W}"),
    ("lifetime 00:01", f"lifetime {W}"),
    ("HWID=1973", f"HWID={W}"),
    ("generating core.2275", f"generating core.{W}"),
    ("accepted in 396ms", f"accepted in {W}"),
    ("error -1 seen", f"error {W} seen"),
    # identifiers: letters with two digit runs or more are one value, whatever their separators
    ("R02-M1-N0-C:J12-U11 RAS", f"{W} RAS"),
    ("attempt_1445144423722_0020_m_000001_0 done", f"{W} done"),
    ("dn228/dn228 crond", f"{W} crond"),
    ("R02-M1-N0-C:J12-U11, node", f"{W}, node"),  # punctuation after it stays text
    ("in 0.41s: sent", f"in {W}: sent"),
    ("Task send_email[f444715b-78c4-4e5e] done", f"Task {W} done"),  # a closing bracket is the identifier's
    ("Stack v6.1.7601.23505 with", f"Stack {W} with"),
    ("client=2401:4900:7f63:3510:2a8a:4072:99b2:1c4", f"client={W}"),  # the key stays text
    ("CurrentState:112 done", f"CurrentState:{W} done"),  # a number after a colon-ended key
    # near-misses: text that must stay text
    ("org.apache.hadoop.ipc.Client: Address", "org.apache.hadoop.ipc.Client: Address"),  # a class name
    ("chrome.exe - open", "chrome.exe - open"),  # a program: two labels, no port
    ("eth1: network", "eth1: network"),  # a word with a digit is Drain's to judge
    ("deadbeef cafe", "deadbeef cafe"),  # hex letters but no digit: a word
    ("node-246 up", f"node-{W} up"),  # the number after a dash is the variable part, the name text
    ("Log4j eth1 x86", "Log4j eth1 x86"),  # one digit run: a name, not an identifier
])
def test_masks(text: str, masked: str) -> None:
    assert mask(text) == masked


@pytest.mark.parametrize(("name", "pattern"), PATTERNS)
def test_no_mask_crosses_whitespace(name: str, pattern: str) -> None:
    # Slot values are found again by token position (slots.py): a mask spanning a space would shift them.
    for text in ("1 2", "10.0.0.1 2", "a.b.com 1", "0x1 0x2", "12:01 02"):
        for m in re.finditer(pattern, text):
            assert not any(c.isspace() for c in m.group()), (name, text)
