"""Full card numbers: Luhn + issuer range + brand length, in any formatting; near-misses are not cards."""

from __future__ import annotations

import pytest
from stdnum import luhn

from classifiers.cards import find_cards, is_card_number, mask


def card(prefix: str, length: int) -> str:
    body = prefix + "7" * (length - len(prefix) - 1)
    return body + luhn.calc_check_digit(body)


def bad_check(number: str) -> str:
    return number[:-1] + str((int(number[-1]) + 1) % 10)


@pytest.mark.parametrize("text,brands", [
    (card("4", 16), ["VISA"]),
    (card("4", 19), ["VISA"]),
    (card("51", 16), ["MASTERCARD"]),
    (card("2221", 16), ["MASTERCARD"]),   # 2-series Mastercard, missed by Presidio's pattern
    (card("2720", 16), ["MASTERCARD"]),
    (card("34", 15), ["AMEX"]),
    (card("37", 15), ["AMEX"]),
    (card("6011", 16), ["DISCOVER"]),
    (card("3528", 16), ["JCB"]),
    (card("36", 14), ["DINERS"]),
    (card("6521", 16), ["RUPAY"]),           # RuPay range inside Discover's 65
    (card("6530", 16), ["RUPAY"]),
    (card("6540", 16), ["DISCOVER"]),
    (card("508500", 16), []),                 # RuPay 508 sits in Maestro's broad 50: a card in card context only
    (f"card no {card('508500', 16)}", ["RUPAY"]),
    (card("62", 19), ["UNIONPAY"]),
    (" ".join(card("4", 16)[i:i + 4] for i in range(0, 16, 4)), ["VISA"]),
    ("-".join(card("4", 16)[i:i + 4] for i in range(0, 16, 4)), ["VISA"]),
    (f"https://pay.example.com/cb?card={card('4', 16)}&ok=1", ["VISA"]),
    ('{"card": {"number": "%s"}}' % card("51", 16), ["MASTERCARD"]),
    (f"{card('4', 16)} 123", ["VISA"]),             # card then CVV: the card group span is found
    (f"paid {card('34', 15)} and {card('4', 16)}", ["AMEX", "VISA"]),
    # near-misses
    ("XXXX-XXXX-XXXX-1234", []),
    ("**** **** **** 4242", []),
    (bad_check(card("4", 16)), []),                  # Luhn fails
    (card("4", 15), []),                             # Visa is never 15 digits
    (card("2721", 16), []),                          # just outside 2-series Mastercard
    (card("35", 15), []),                            # an IMEI-shaped Luhn-valid 15-digit number
    (card("9", 16), []),                             # Luhn-valid, no issuer
    ("20261124213012345", []),                       # a timestamp
    (card("4", 16) + "0", []),                       # 17 digits glued: no issuer uses that for Visa
    ("x" + card("4", 12), []),                       # too short
    ("+91 98765 43210", []),                         # a phone number
    (card("4", 13), []),                             # 13-digit Visa: retired; EAN-13 barcodes pass Luhn
    (f"credit card: {card('4', 13)}", ["VISA"]),     # ... but after a card word it is one
    ("+" + card("4", 16), []),                       # E.164-shaped: a phone number
    ("a" + card("4", 16), []),                       # glued to letters: part of a token or hash
    (card("4", 16) + "f3", []),
    ("402-" + card("4", 16)[:7] + "-" + card("4", 16)[7:14], []),  # Amazon-style 3-7-7 order id
    ("-".join([card("4", 16)[:8], card("4", 16)[8:12], card("4", 16)[12:]]) + "-1234", []),  # 8-4-4-4 uuid-ish
    (f"id 12345 {card('4', 16)}", ["VISA"]),        # one unseparated card among other numbers
    (f"{card('34', 15)[:4]} {card('34', 15)[4:10]} {card('34', 15)[10:]}", ["AMEX"]),  # 4-6-5
    # digits labelled as another kind of number are that number (one random id in ~30 passes by chance)
    (f"order {card('4', 16)}", []),
    ('{"invoice_no": "%s"}' % card("51", 16), []),
    (f"AWB#{card('4', 16)}", []),
    (f"ref: {card('4', 16)}", []),
    (f"order paid with card {card('4', 16)}", ["VISA"]),  # a card word wins over the label
    (f"?order_id=1&pan={card('4', 16)}", ["VISA"]),
])
def test_find_cards(text: str, brands: list[str]) -> None:
    assert [c.brand for c in find_cards(text)] == brands


def _formats(number: str, *seps: str) -> list[str]:
    """``number`` printed once per separator, in groups of four ("" for plain)."""
    return [sep.join(number[i:i + 4] for i in range(0, len(number), 4)) for sep in seps]


_V, _M = card("4", 16), card("51", 16)


@pytest.mark.parametrize("text,brands", [
    (" ".join(_formats(_V, "", "-", " ")), ["VISA"]),       # the same card plain, dashed, spaced: one card
    (" ".join(_formats(_V, " ", " ")), ["VISA"]),           # spaced twice: 32 digits in fours, one run
    (" ".join(_formats(_V, "-", "")), ["VISA"]),
    (" ".join(_formats(_V, ".", "-", " ", "")), ["VISA"]),
    (" ".join([*_formats(_V, "", "-"), *_formats(_M, " ")]), ["VISA"]),  # two cards in one run: the first
    (f"q=card%20{'%20'.join(_formats(_V, ' ')[0].split())}", ["VISA"]),  # %20 escapes: the run starts at 4111
    (f"q=card%20{'%20'.join(_formats(_V, ' ')[0].split())}%20ok", ["VISA"]),
    (f"a=%3D{_V}", ["VISA"]),                               # a digit right after an escape still starts one
    # near-misses: one piece is no card, or pieces mix separators inside one card
    (" ".join([*_formats(_V, "", "-"), bad_check(_V)]), []),
    (" ".join([*_formats(_V, "-"), "1234 5678"]), []),
    ("4111-1111 1111-1111 " + _V, []),
    (f"q=%20{'%20'.join(_formats(bad_check(_V), ' ')[0].split())}", []),
    ("%2012345678901234", []),                              # 14 digits after the escape's own: no issuer
], ids=lambda v: "-".join(v) or "none" if isinstance(v, list) else "text")
def test_a_card_written_several_times_in_one_run(text: str, brands: list[str]) -> None:
    assert [c.brand for c in find_cards(text)] == brands


def test_is_card_number_needs_bare_digits() -> None:
    assert is_card_number(card("4", 16))
    assert not is_card_number("4111 1111 1111 1111")


def test_mask_keeps_only_last_four() -> None:
    n = card("4", 16)
    masked = mask(f"card {n} end")
    assert n not in masked and masked == f"card [VISA ****{n[-4:]}] end"


@pytest.mark.parametrize("text", ["", "no digits", "123456789012", "1234 5678 9012", "é" * 10 + card("4", 16),
                                  card("4", 13), "x\n" + card("51", 16) + "\ny", "1-2-3-4-5-6-7-8-9-0-1-2-3"])
def test_fast_filter_never_hides_a_candidate(text: str) -> None:
    from classifiers.card_spec import CANDIDATE, text_may_hold_candidate

    if CANDIDATE.search(text):
        assert text_may_hold_candidate(text)
    if not text_may_hold_candidate(text):
        assert list(find_cards(text)) == []
