"""Base64 tokens (classifiers/base64text.py): which tokens are decoded, how, and the claim the filter rests on."""

from __future__ import annotations

import base64
import hashlib
import json
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from stdnum import luhn

from classifiers import base64text
from classifiers.base64text import DIGITS, MAX_CHARS, as_text, decode, may_wrap_digits, wrapped
from classifiers.cards import find_cards

_body = "4" + "1" * 14
VISA = _body + luhn.calc_check_digit(_body)


#: text with no control characters (decoded text with controls is binary: not read)
_PRINTABLE = st.characters(blacklist_categories=("Cc", "Cs"))


def _std(data: bytes, pad: bool = True) -> str:
    out = base64.b64encode(data).decode()
    return out if pad else out.rstrip("=")


def _url(data: bytes, pad: bool = True) -> str:
    out = base64.urlsafe_b64encode(data).decode()
    return out if pad else out.rstrip("=")


@settings(max_examples=400)
@given(st.binary(max_size=40), st.text("0123456789", min_size=4, max_size=4), st.binary(max_size=40),
       st.booleans())
def test_four_ascii_digits_encode_to_digits_at_any_offset(before: bytes, digits: str, after: bytes,
                                                          urlsafe: bool) -> None:
    """The filter's claim: four consecutive ASCII digits, at any byte offset, leave a DIGITS substring in the
    encoding (either alphabet), so a token without one cannot wrap a card."""
    data = before + digits.encode() + after
    encoded = (_url if urlsafe else _std)(data)
    assert re.search(DIGITS, encoded)


@settings(max_examples=300)
@given(st.sampled_from([_std, _url]), st.booleans(), st.text(_PRINTABLE, max_size=30), st.text(_PRINTABLE, max_size=30),
       st.sampled_from(["", '"', " ", "=", "\x01", "\n", "token: ", "{\"d\": \""]))
def test_any_wrapping_of_a_text_holding_a_card_is_decoded(enc, pad: bool, before: str, after: str,
                                                          around: str) -> None:
    text = f"{before} {VISA} {after}"
    token = enc(text.encode(), pad)
    got = list(wrapped(f"{around}{token}{around[::-1]}"))
    ok = len(got) == 1 and got[0].text == text and got[0].token.rstrip("=") == token.rstrip("=")
    assert ok, "the token was not found, or decoded to another text"  # never print the card


@pytest.mark.parametrize("token,text", [
    (_std(VISA.encode()), VISA),
    (_std(VISA.encode(), pad=False), VISA),
    (_url(b"\xfb" + VISA.encode())[4:], VISA[2:]),  # url-safe characters before the digits (offset 3 bytes)
    (_std(("ab? " + VISA).encode()).replace("/", "\\/"), "ab? " + VISA),  # JSON-escaped slashes
    # near-misses: mixed alphabets, a length no encoding has, binary, control characters, too long
    (_std(b"\xfb\xff" + VISA.encode())[:-4].replace("/", "_") + "/AAA", None),
    (_std(VISA.encode(), pad=False) + "A", None),
    (_std(b"\xff\xfe\x00" + VISA.encode()), None),
    (_std(b"\x01\x02" + VISA.encode()), None),
    (_std(((VISA + " ") * (MAX_CHARS // 20)).encode()), None),
], ids=["std", "std-unpadded", "url-safe", "escaped-slash", "mixed-alphabets", "bad-length", "binary",
        "controls", "too-long"])
def test_decode_table(token: str, text: str | None) -> None:
    ok = as_text(decode(token)) == text
    assert ok, "decoded to another text"  # never print the card


@pytest.mark.parametrize("value", [
    hashlib.sha256(VISA.encode()).hexdigest(),  # a hex digest
    _url(hashlib.sha256(b"session").digest(), pad=False),  # a session id
    _std(VISA.encode()[:3] + b"\x00" + VISA.encode()[3:]),  # digits around a control byte: binary
    "/api/v1/customers/preferences/notifications",  # a path of base64 characters
    _std(_std(VISA.encode()).encode()),  # encoded twice: decoded once, its text is base64, not digits
], ids=["hex", "session", "binary", "path", "twice"])
def test_tokens_that_hold_no_card_text(value: str) -> None:
    assert all(not list(find_cards(w.text)) for w in wrapped(value))


@settings(max_examples=300)
@given(st.binary(min_size=12, max_size=64), st.sampled_from([_std, _url]))
def test_random_tokens_decode_to_no_card(data: bytes, enc) -> None:
    """Session ids, hashes, signatures: random bytes; what they decode to must still pass the card rule."""
    assert all(not list(find_cards(w.text)) for w in wrapped(f"sid={enc(data)};"))


def test_a_long_token_is_found_from_a_digit_hit_far_inside_it() -> None:
    doc = json.dumps({"pad": "x" * 5000, "card": VISA})
    token = _std(doc.encode())
    got = list(wrapped(f"a {token} b"))
    assert [w.start for w in got] == [2] and json.loads(got[0].text)["pad"] == "x" * 5000


def test_a_token_longer_than_the_bound_is_not_decoded() -> None:
    token = _std(("y" * MAX_CHARS + VISA).encode())
    assert may_wrap_digits(token) and list(wrapped(token)) == []
    assert list(base64text.decoded_bytes(token.encode())) == []


def test_the_prefilter_side_decodes_the_same_tokens() -> None:
    line = f'{{"a": "{_std(VISA.encode())}", "b": "{_url(("z" + VISA).encode(), pad=False)}"}}'
    ok = [w.text.encode() for w in wrapped(line)] == list(base64text.decoded_bytes(line.encode()))
    assert ok, "the two sides decoded different tokens"


_PIECES = st.one_of(
    st.sampled_from([" ", "=", '"', "\\/", "/", "-", "_", "+", "\x01", "\n", "é", "{", "MTEx", "NDEx", "TEx"]),
    st.text("ABCDMNOTjzwxyz012345+/-_", min_size=1, max_size=12),
    st.sampled_from([_std, _url]).flatmap(
        lambda enc: st.text("0123456789 -", min_size=13, max_size=24).map(lambda t: enc(t.encode()))),
)


@settings(max_examples=500, deadline=None)
@given(st.lists(_PIECES, max_size=25).map("".join))
def test_wrapped_equals_decoding_every_token(text: str) -> None:
    """The filtered, Hyperscan-located search finds exactly the tokens that decoding every token finds."""
    ref = []
    for m in re.finditer(base64text.TOKEN, text):
        decoded = as_text(decode(m.group()))
        if decoded is not None and re.search(DIGITS, m.group()):
            ref.append((m.start(), m.end(), decoded))
    assert [(w.start, w.end, w.text) for w in wrapped(text)] == ref
