"""Obvious variables masked before Drain reads a line, so they never split one statement into many.

Each mask matches within one token (no whitespace), so a masked line has exactly the tokens of its raw
line and a slot's raw value is found again by position (miner.py). Names are Drain3 mask names (kept for
reading: every mask writes the wildcard, see instructions()). Order matters: the first pattern that matches wins.
"""

from __future__ import annotations

from drain3.masking import MaskingInstruction

PREFIX, SUFFIX = "<:", ":>"
#: Drain's own wildcard, as it writes it with our prefix and suffix.
WILDCARD = f"{PREFIX}*{SUFFIX}"

_EDGE_L = r"(?<![\w.:/-])"
_EDGE_R = r"(?![\w.:/-])"

PATTERNS: tuple[tuple[str, str], ...] = (
    # An identifier: one token mixing letters with two digit runs or more (R02-M1-N0-C:J12-U11,
    # attempt_1445144423722_0020_m_000001_0, dn228/dn228, v6.1.7601.23505). Its parts have no meaning of their
    # own, so it is one value; masked part by part it would keep its letters as text and split a statement
    # by host or task. One digit run (eth1, node-246, Log4j) is left to the masks below and to Drain. After an
    # ``=`` the value alone is the identifier (client=<*>): the key is text, and so is a colon, comma or full
    # stop ending the token.
    ("ID", r"(?:(?<!\S)|(?<==))(?=[^\s\d=]*\d+[^\s\d=]+\d)(?=[^\s=]*[A-Za-z])[^\s=]*?"
     r"(?=[:,;.]*(?!\S))"),
    # One name for every network address, so that a statement writing a host or an IP lands in one
    # template. host:port, and domain names of three labels or more ending in a lower-case top-level label (a Java
    # class name ends in a capital: org.apache.hadoop.ipc.Client stays text).
    ("ADDR", _EDGE_L + r"(?:(?:[A-Za-z0-9-]+\.)+[A-Za-z][A-Za-z0-9-]*:\d{1,5}|(?:[A-Za-z0-9-]+\.){2,}[a-z]{2,6})"
     + _EDGE_R),
    # IPv4 with an optional port: node and client addresses.
    ("ADDR", _EDGE_L + r"\d{1,3}(?:\.\d{1,3}){3}(?::\d{1,5})?" + _EDGE_R),
    # IPv6 (three groups or more; a time of day has no hex letters and is masked as TIME anyway).
    ("ADDR", r"(?<![\w:.])(?:[0-9a-fA-F]{0,4}:){2,7}[0-9a-fA-F]{1,4}(?![\w:])"),
    # 0x-prefixed hex: registers, addresses, handles.
    ("HEX", r"(?<![\w])0[xX][0-9a-fA-F]+(?![\w])"),
    # Bare hex of 6+ digits holding a digit and a letter: ids, addresses, hashes (003a90fc, 7317849d).
    # All digits is a number (NUM), so that one statement's numbers do not route two ways.
    ("HEX", r"(?<![\w])(?=[0-9a-fA-F]*\d)(?=[0-9a-fA-F]*[a-fA-F])[0-9a-fA-F]{6,}(?![\w])"),
    # A time of day (12:01:01, 00:01, 20:30:31.462).
    ("TIME", _EDGE_L + r"\d{1,2}:\d{2}(?::\d{2})?(?:[.,]\d+)?" + _EDGE_R),
    # A number with a short unit glued to it (396ms, 0.41s, 12KB).
    ("NUM", r"(?<![\w.:/-])\d+(?:\.\d+)?[a-zA-Z]{1,3}(?![\w.])"),
    # A plain number (signed, decimal) standing on its own, or ending a token after = . _ # ( [ or -
    # (HWID=1973, core.2275, blk_-42): the name before it is text, the number a value.
    ("NUM", r"(?:(?<=[=:._#(\[-])|(?<![\w.:/-]))[-+]?\d+(?:\.\d+)?(?![\w.:])"),
)


def instructions() -> list[MaskingInstruction]:
    """Every mask writes Drain's own wildcard: Drain then counts a masked token as a parameter, not as a
    token two lines share, as the loghub Drain (regexes replaced by ``<*>``) does. Measured better on the
    dev logs than named masks (benchmarks/templates.py; docs/benchmarks.md "Log templates")."""
    return [MaskingInstruction(pattern, "*") for _, pattern in PATTERNS]
