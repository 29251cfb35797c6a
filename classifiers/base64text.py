"""Base64 inside values: which tokens may wrap a card number, and the text they hold, decoded once.

A card number stored base64-encoded (a JSON field, a whole SQL column or CSV
cell, a token in a log line, a base64 document holding JSON) is stored all
the same. The sweep (pipeline/rules/card.py) decodes such a token once and
reads its text like any text; the raw-line prefilter (pipeline/sources/prefilter.py)
and the SQL prefilter (pipeline/contracts/values.py) keep the lines and values
that hold one. All three take their patterns from here, so they cannot drift.

**A token** is a maximal run of base64 characters, either alphabet (``+/`` or
``-_``, not both), a JSON-escaped slash ``\\/`` counting as ``/``, padded with
``=`` or not, :data:`MIN_CHARS` (13 bytes, the shortest card) to
:data:`MAX_CHARS` long; a longer one is not decoded (bounded work per value).
Decoded bytes count only as UTF-8 text without control characters: random
tokens (session ids, hashes, JWT signatures) decode to binary and are ignored,
and a digit run in decoded text must pass the card rule like any other.
A decoded text is never decoded again (no base64 bombs).

**Which tokens are worth decoding.** Every grouping a card is accepted in
(classifiers.cards._card_like) holds four consecutive ASCII digits, and four
ASCII digits (0x30-0x39) encode to base64 characters drawn from narrow sets,
whatever their offset: three of them aligned on a 3-byte group are
:data:`DIGITS` first form; digits at a group's bytes 1-2 and the next group's
bytes 0-1 its second form (tests/classifiers/test_base64text.py proves this on
all offsets). Neither alphabet's extra characters are in those sets. Random
tokens hold such a substring rarely (about one in 300 of 40 characters), plain
words and hex digests almost never, so a value is decoded only when it
contains :data:`DIGITS`. Cards written in other scripts' digits or as JSON
``\\u`` escapes inside an encoded text are not found this way.
"""

from __future__ import annotations

import binascii
import re
from collections.abc import Iterator
from dataclasses import dataclass

from classifiers.hyperscan_block import any_match, compile_block

MIN_CHARS = 18
"""The shortest token decoded: 13 bytes (the shortest card number) are 18 base64 characters unpadded."""
MAX_CHARS = 1 << 16
"""The longest token decoded (48 KiB of text); a longer one is left as it is."""

_ALPHABET = r"A-Za-z0-9+/_\-"
#: Four consecutive ASCII digits, base64-encoded at any offset (see the module docstring).
DIGITS = r"[MNO][DTjz][AEIMQUYcgk][w-z0-5]|[DTjz][AEIMQUYcgk][w-z0-5][MNO][DTjz]"
#: A whole token: base64 characters (or an escaped slash), optional padding, not glued to more of them.
TOKEN = rf"(?<![{_ALPHABET}])(?:[{_ALPHABET}]|\\/){{{MIN_CHARS},}}=*(?![{_ALPHABET}])"

_DIGITS = re.compile(DIGITS)
_TOKEN = re.compile(TOKEN)
#: What may surround a DIGITS hit inside its token (a superset: TOKEN splits it exactly).
_AROUND = re.compile(rf"[{_ALPHABET}\\=]*")
_DIGITS_B = re.compile(DIGITS.encode())
_TOKEN_B = re.compile(TOKEN.encode())
_AROUND_B = re.compile(_AROUND.pattern.encode())
#: C0 controls but tab, newline and carriage return: binary, not text
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")

_URLSAFE = bytes.maketrans(b"-_", b"+/")


#: DIGITS on Hyperscan, if installed: Python's ``re`` tries both branches at every position (~10 MB/s).
_PROBE = compile_block([DIGITS.encode()], single=True)
_SCAN = compile_block([DIGITS.encode()])


def may_wrap_digits(text: str) -> bool:
    """False when no token of ``text`` can decode to four ASCII digits (so none wraps a card)."""
    if _PROBE is None:
        return _DIGITS.search(text) is not None
    return any_match(_PROBE, text.encode("utf-8", "replace"))


def decode(token: str | bytes) -> bytes | None:
    """The bytes a token encodes (either alphabet, padded or not), or None when it is no valid base64."""
    raw = token.encode("ascii") if isinstance(token, str) else token
    raw = raw.replace(b"\\/", b"/").rstrip(b"=")
    if len(raw) > MAX_CHARS or len(raw) % 4 == 1:
        return None
    if b"-" in raw or b"_" in raw:
        if b"+" in raw or b"/" in raw:
            return None  # both alphabets at once: a path or an identifier, not base64
        raw = raw.translate(_URLSAFE)
    try:
        return binascii.a2b_base64(raw + b"=" * (-len(raw) % 4), strict_mode=True)
    except binascii.Error:
        return None


def as_text(data: bytes | None) -> str | None:
    """Decoded bytes as text: UTF-8 with no control characters but tab and line breaks, else None."""
    if data is None:
        return None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return None
    return None if _CONTROL.search(text) else text


@dataclass(frozen=True)
class Wrapped:
    """One token of a text that may wrap a card: where it is, and the text it decodes to."""

    start: int
    end: int
    #: the token as it appears in the value (an escaped slash unescaped): what a JSON leaf holds
    token: str
    text: str


def _span(text, at: int, around: re.Pattern) -> tuple[int, int]:  # str or bytes alike
    """Where the run of token characters around offset ``at`` starts and ends (at most MAX_CHARS + 4 back:
    a token longer than that is not decoded, and TOKEN cannot start inside the run)."""
    back = 256
    while True:
        lo = max(0, at - back)
        run = around.match(text[lo:at][::-1]).end()  # type: ignore[union-attr]  # `around` matches the empty run too
        if run < at - lo or lo == 0 or back > MAX_CHARS:
            break
        back *= 16
    return at - run, around.match(text, at).end()  # type: ignore[union-attr]  # `around` matches the empty run too


def _hits(data: str | bytes) -> list[int]:
    """An offset inside each DIGITS match of ``data``, in order: Hyperscan's match ends on bytes and ASCII
    text (byte offsets are character offsets there), else ``re``."""
    if _SCAN is None or (isinstance(data, str) and not data.isascii()):
        rx = _DIGITS if isinstance(data, str) else _DIGITS_B
        return [m.start() for m in rx.finditer(data)]  # type: ignore[arg-type]  # rx is of data's own kind
    ends: list[int] = []
    raw = data.encode("ascii") if isinstance(data, str) else data
    _SCAN.scan(raw, match_event_handler=lambda _id, _frm, to, _flags, _ctx: ends.append(to))
    return [to - 1 for to in ends]


def _tokens(data: str | bytes) -> Iterator[tuple[re.Match, bytes]]:
    """Each token of ``data`` (text or raw bytes) holding :data:`DIGITS` that is valid base64, in order,
    each once, with the bytes it encodes."""
    token: re.Pattern = _TOKEN if isinstance(data, str) else _TOKEN_B
    around: re.Pattern = _AROUND if isinstance(data, str) else _AROUND_B
    done = 0
    for at in _hits(data):
        if at < done:
            continue  # inside a token already decoded
        left, right = _span(data, at, around)
        tokens = list(token.finditer(data, left, right))
        m = next((m for m in tokens if m.start() <= at < m.end()), None)
        if m is None:  # in no token: nor is any hit before the next token of this run
            done = next((t.start() for t in tokens if t.start() > at), right)
            continue
        done = m.end()  # a run may hold several tokens glued by padding: the next hit may be in the next one
        decoded = decode(m.group())
        if decoded is not None:
            yield m, decoded


def wrapped(text: str) -> Iterator[Wrapped]:
    """Each token of ``text`` holding :data:`DIGITS` that decodes to text, in text order, each once."""
    for m, data in _tokens(text):
        decoded = as_text(data)
        if decoded is not None:
            yield Wrapped(m.start(), m.end(), m.group().replace("\\/", "/"), decoded)


def decoded_bytes(raw: bytes) -> Iterator[bytes]:
    """The bytes of each token of a raw line that holds :data:`DIGITS` (the prefilter's side of
    :func:`wrapped`: the same tokens, with no text check, so it keeps at least what the sweep decodes)."""
    for _, data in _tokens(raw):
        yield data
