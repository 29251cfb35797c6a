"""Card numbers as real text writes them (issue 10): the public test-card tables, id-shaped decoys,
every formatting a form, URL or document uses, and properties that must hold for any valid card."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from stdnum import luhn

from classifiers.card_spec import CANDIDATE, find_candidates, text_may_hold_candidate
from classifiers.cards import CardContext, at_chance, find_cards, is_card_number

# Presidio's own card test table (presidio-analyzer tests) and the payment providers' public test
# numbers (Stripe, Adyen, Braintree): every one is a card, written bare.
PUBLIC_TEST_CARDS = [
    ("4012888888881881", "VISA"), ("4111111111111111", "VISA"), ("4242424242424242", "VISA"),
    ("4000056655665556", "VISA"), ("4012888888881881000", None),
    ("122000000000003", "UATP"), ("371449635398431", "AMEX"), ("378282246310005", "AMEX"),
    ("5555555555554444", "MASTERCARD"), ("5105105105105100", "MASTERCARD"), ("2223003122003222", "MASTERCARD"),
    ("5200828282828210", "MASTERCARD"), ("5019717010103742", "DANKORT"), ("30569309025904", "DINERS"),
    ("36168002586009", "DINERS"), ("38520000023237", "DINERS"), ("6011000400000000", "DISCOVER"),
    ("6011111111111117", "DISCOVER"), ("6011000990139424", "DISCOVER"), ("3528000700000000", "JCB"),
    ("3530111333300000", "JCB"), ("3566002020360505", "JCB"), ("6200000000000005", "UNIONPAY"),
    ("6205500000000000004", "UNIONPAY"), ("6771798021000008", None), ("6759649826438453", None),
]


@pytest.mark.parametrize("number,brand", [(n, b) for n, b in PUBLIC_TEST_CARDS if luhn.is_valid(n)])
def test_public_test_cards_are_found_bare(number: str, brand: str | None) -> None:
    found = list(find_cards(number))
    assert len(found) == 1 and found[0].last4 == number[-4:]
    if brand:
        assert found[0].brand == brand


def _card(prefix: str, length: int = 16) -> str:
    body = prefix + "7" * (length - len(prefix) - 1)
    return body + luhn.calc_check_digit(body)


VISA = _card("4")


@pytest.mark.parametrize("text,found", [
    # identifiers glued to a prefix, "_" or a sign (loghub-style ids, snowflake ids written signed)
    (f"xyz_{_card('4', 19)}", False),
    (f"xyz_-{_card('4', 19)}", False),
    (f"job_{VISA}_0001", False),
    (f"container_{VISA}", False),
    (f"a{VISA}", False),
    (f"-{VISA}", False),
    (f"id={VISA}", True),                      # "=" is not part of an id: a value after a key
    # a public test card written inside such an id is still part of the id
    ("appattempt_4111111111111111_0020", False),
    # decimal fractions (coordinates) and E.164 phones
    ("36.30107979977425", False),
    (f"+{VISA}", False),
    # broad ranges and 13-digit Visa: a card only in card context
    (_card("4", 13), False),
    (f"card {_card('4', 13)}", True),
    (_card("5066", 16), False),                  # Maestro's broad 50
    (f"debit card: {_card('5066', 16)}", True),
    (_card("5085", 16), False),                  # RuPay 508
    (f"carte {_card('5085', 16)}", True),
])
def test_id_decoys_and_context(text: str, found: bool) -> None:
    assert bool(list(find_cards(text))) is found


def test_field_context_decides_broad_ranges() -> None:
    n = _card("5066", 16)
    assert list(find_cards(n, CardContext(card_field=True)))
    assert not list(find_cards(f"card {n}", CardContext(id_field=True)))


def test_chance_rate() -> None:
    assert at_chance(100, 10) and at_chance(100, 18)
    assert not at_chance(100, 90) and not at_chance(9, 2)  # too few runs to say
    assert not at_chance(100, 1)  # ids built to fail Luhn: the one that passes stands out


# -- properties ---------------------------------------------------------------------------------

NARROW_PREFIXES = ["4", "51", "55", "2221", "2720", "34", "37", "6011", "3528", "36", "62", "5019"]
LENGTHS = {"4": [16, 19], "34": [15], "37": [15], "36": [14], "62": [16, 19]}
SEPARATORS = [" ", "-", ".", "+", "%20", "\u00a0", "\u202f", "\u200b", "\u2060"]
#: digit zeros of other scripts: fullwidth, Arabic-Indic, Devanagari, Bengali
ZEROS = ["\uff10", "\u0660", "\u0966", "\u09e6"]


@st.composite
def valid_cards(draw: st.DrawFn) -> str:
    prefix = draw(st.sampled_from(NARROW_PREFIXES))
    length = draw(st.sampled_from(LENGTHS.get(prefix, [16])))
    body = prefix + "".join(draw(st.lists(st.sampled_from("0123456789"), min_size=length - len(prefix) - 1,
                                          max_size=length - len(prefix) - 1)))
    return body + luhn.calc_check_digit(body)


def _grouped(number: str, sep: str) -> str:
    return sep.join(number[i:i + 4] for i in range(0, len(number), 4))


@settings(max_examples=150, deadline=None)
@given(number=valid_cards(), sep=st.sampled_from(SEPARATORS), zero=st.sampled_from([None, *ZEROS]),
       before=st.sampled_from(["", "cc=", "?cc=", "card ", "paid with ", '{"n": "', "Tel. ", "x "]),
       after=st.sampled_from(["", "&x=1", " ok", '"}', ".", "\n"]))
def test_every_formatting_of_a_valid_card_is_found(number: str, sep: str, zero: str | None, before: str,
                                                   after: str) -> None:
    assert is_card_number(number)
    written = "".join(chr(ord(zero) + int(c)) for c in number) if zero else number
    text = before + (_grouped(written, sep) if len(number) == 16 else written) + after
    assert text_may_hold_candidate(text)
    found = list(find_cards(text))
    assert [c.last4 for c in found] == [number[-4:]]
    assert number not in found[0].describe()


@settings(max_examples=150, deadline=None)
@given(number=valid_cards(), glue=st.sampled_from(["_", "x", "ID", "job_", "_-", "k-", "a+"]))
def test_a_valid_card_glued_to_an_id_is_not_a_card(number: str, glue: str) -> None:
    assert list(find_cards(glue + number)) == []
    assert list(find_cards(number + "_" + glue)) == []


@settings(max_examples=100, deadline=None)
@given(text=st.text(alphabet=st.sampled_from("0123456789 -.+_xa\u00a0\u200b\uff11%20"), max_size=60))
def test_the_prefilter_never_hides_a_candidate(text: str) -> None:
    if CANDIDATE.search(text):
        assert text_may_hold_candidate(text)
    # the accelerated search finds exactly what the reference pattern finds
    assert find_candidates(text).runs(text) == [(m.start(), m.group()) for m in CANDIDATE.finditer(text)]
