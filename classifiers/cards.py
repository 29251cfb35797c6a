"""Payment card numbers: what counts as a full card number, and how to find one fast.

A full card number (PAN) here is 13-19 digits, optionally in groups separated
by single spaces or dashes, that passes Luhn (python-stdnum) *and* starts with
a known issuer range at a length that issuer uses. Luhn alone is not enough:
IMEIs, barcodes and one in ten random ids pass it. Masked numbers
(``XXXX-XXXX-XXXX-1234``) never match because the digits are not there.

Used by the CREDIT_CARD recognizer (sampled classification) and by the
``full_card_number`` rule (exhaustive sweep); the sweep calls :func:`find_cards`
on candidates only, after one regex pass over a whole batch of text.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from stdnum import luhn

# (brand, IIN prefix ranges as (low, high) inclusive strings of equal length, lengths)
# Ordered most specific first: the first range that matches names the brand.
_BRANDS: list[tuple[str, list[tuple[str, str]], tuple[int, ...]]] = [
    ("RUPAY", [("508500", "508999"), ("606985", "607984"), ("608001", "608500"), ("652150", "653149")], (16,)),
    ("VERVE", [("506099", "506198"), ("650002", "650027")], (16, 19)),
    ("DISCOVER", [("6011", "6011"), ("622126", "622925"), ("644", "649"), ("65", "65")], (16, 17, 18, 19)),
    ("MIR", [("2200", "2204")], (16, 17, 18, 19)),
    ("JCB", [("3528", "3589")], (16, 17, 18, 19)),
    ("MAESTRO", [("5018", "5018"), ("5020", "5020"), ("5038", "5038"), ("5893", "5893"), ("6304", "6304"),
                 ("6759", "6759"), ("6761", "6763")], (13, 14, 15, 16, 17, 18, 19)),
    ("AMEX", [("34", "34"), ("37", "37")], (15,)),
    ("DINERS", [("300", "305"), ("3095", "3095"), ("36", "36"), ("38", "39")], (14, 15, 16, 17, 18, 19)),
    ("MASTERCARD", [("51", "55"), ("2221", "2720")], (16,)),
    ("VISA", [("4", "4")], (16, 19)),  # 13-digit Visa is no longer issued; EAN-13s and E.164 phones pass
    ("UNIONPAY", [("62", "62"), ("81", "81")], (16, 17, 18, 19)),
    ("RUPAY", [("60", "60"), ("81", "82"), ("353", "353"), ("356", "356")], (16,)),
]

#: Digits labelled as another kind of number ("order 4111...", "invoice_no": "5500...") are that
#: number, not a card: one random 16-digit id in ~30 passes issuer + Luhn by chance. A card word
#: in the same look-back wins over the label.
_LOOKBACK = 32
_ID_LABEL = re.compile(
    r"(?:order|invoice|inv|awb|tracking|shipment|consignment|txn|transaction|utr|rrn|booking|ticket|"
    r"reference|ref|receipt|serial|imei|account|acct|a/c|ifsc|gst|gstin|batch|sku|barcode|ean|upc|isbn)"
    r"(?:[ _\-]?(?:id|no|num|nr|number|ref|code))?[\"']?\s*[:=#\-]?\s*[\"']?\s*(?:no\.?|#)?\s*$",
    re.IGNORECASE)
_CARD_WORD = re.compile(r"card|credit|debit|\bcc\b|\bpan\b|visa|master|amex|rupay|maestro|discover|\bjcb\b",
                        re.IGNORECASE)


#: A run of 13+ digits with optional single space/dash separators, touching no other digit, letter
#: or leading "+" (digits inside hex hashes, tokens and phone numbers in E.164 are not cards).
CANDIDATE = re.compile(r"(?<![0-9A-Za-z+])[0-9](?:[ \-]?[0-9]){12,}(?![0-9A-Za-z])")
_GROUP = re.compile(r"[0-9]+")


def _hyperscan_probe():  # noqa: ANN202
    """A block-mode Hyperscan database that stops at the first 13-digit run, if hyperscan is installed.

    Every CANDIDATE match contains such a run, so "no match" here proves "no card" at about 1 GB/s,
    where Python's re manages about 50 MB/s. Most text columns have no such run at all.
    """
    try:
        import hyperscan
    except ImportError:
        return None
    db = hyperscan.Database(mode=hyperscan.HS_MODE_BLOCK)
    db.compile(expressions=[rb"[0-9](?:[ \-]?[0-9]){12}"], ids=[0], elements=1,
               flags=[hyperscan.HS_FLAG_SINGLEMATCH])
    return db


_PROBE = _hyperscan_probe()


def may_hold_card(text: str) -> bool:
    """False only when ``text`` certainly holds no card number (a fast filter for whole batches)."""
    if _PROBE is None:
        return CANDIDATE.search(text) is not None
    import hyperscan

    try:
        _PROBE.scan(text.encode("utf-8", "replace"), match_event_handler=lambda *a: True)
    except hyperscan.ScanTerminated:  # the handler stopped the scan at the first match
        return True
    return False


# The table by first digit, in table order: brand() looks at a handful of ranges, not all of them.
_BY_FIRST: dict[str, list[tuple[str, str, int, tuple[int, ...], str]]] = {}
for _name, _ranges, _lengths in _BRANDS:
    for _low, _high in _ranges:
        for _d in {str(d) for d in range(int(_low[0]), int(_high[0]) + 1)}:
            _BY_FIRST.setdefault(_d, []).append((_low, _high, len(_low), _lengths, _name))


def brand(digits: str) -> str | None:
    """The issuer of a digit string if its prefix and length fit one, else None."""
    n = len(digits)
    for low, high, width, lengths, name in _BY_FIRST.get(digits[:1], ()):
        if n in lengths and low <= digits[:width] <= high:
            return name
    return None


def is_card_number(digits: str) -> bool:
    """True for a full card number given as bare digits."""
    return 13 <= len(digits) <= 19 and brand(digits) is not None and luhn_valid(digits)


_DOUBLED = bytes.maketrans(b"0123456789", b"0246813579")  # a digit doubled, its digits summed


def luhn_valid(digits: str) -> bool:
    """``stdnum.luhn.is_valid`` for ASCII digits, about 4x faster: the sweep checks one per candidate."""
    if not digits.isascii() or not digits.isdigit():
        return luhn.is_valid(digits)
    raw = digits.encode()
    odd, even = raw[-1::-2], raw[-2::-2].translate(_DOUBLED)
    return (sum(odd) + sum(even) - 48 * len(raw)) % 10 == 0  # 48: ord("0")


@dataclass(frozen=True)
class CardMatch:
    start: int
    end: int
    brand: str
    last4: str

    def describe(self) -> str:
        """Masked evidence: brand and last four digits, never the number."""
        return f"Luhn-valid {self.brand} number ending {self.last4}"


def match_card(text: str, m: re.Match[str], floor: int = 0) -> CardMatch | None:
    """The card number in one CANDIDATE match of ``text``, if there is one.

    ``floor`` bounds the label look-back (the start of the value when ``text``
    joins many values). Separated digits count only in the groupings cards are
    printed in; a longer run is tried as a card plus CVV, or for one unseparated
    13-19 digit group among other numbers (see _best_span).
    """
    start = m.start()
    run = m.group()
    if " " in run or "-" in run:
        groups = [(g.start(), g.end()) for g in _GROUP.finditer(run)]
        digits = run.replace(" ", "").replace("-", "")
    else:
        groups, digits = [(0, len(run))], run
    found: CardMatch | None = None
    if _card_like([b - a for a, b in groups]) and is_card_number(digits):
        found = CardMatch(start, m.end(), brand(digits) or "", digits[-4:])
    elif len(groups) > 1:
        span = _best_span(run, groups)
        if span:
            found = CardMatch(start + span[0], start + span[1], brand(span[2]) or "", span[2][-4:])
    # The label look-back runs on valid numbers only: most candidates fail Luhn or issuer first.
    if found is not None:
        before = text[max(floor, found.start - _LOOKBACK) : found.start]
        if before and _ID_LABEL.search(before) and not _CARD_WORD.search(before):
            return None
    return found


def find_cards(text: str) -> Iterator[CardMatch]:
    """Every full card number in ``text``."""
    for m in CANDIDATE.finditer(text):
        card = match_card(text, m)
        if card:
            yield card


def _card_like(lengths: list[int]) -> bool:
    """Groupings cards are printed in: one run, 4-4-4-4(-3), Amex 4-6-5, Diners 4-6-4."""
    if len(lengths) == 1:
        return True
    if lengths in ([4, 6, 5], [4, 6, 4]):
        return True
    return all(n == 4 for n in lengths[:-1]) and 1 <= lengths[-1] <= 4


def _best_span(run: str, groups: list[tuple[int, int]]) -> tuple[int, int, str] | None:
    """A card inside a longer run: a card-like grouping followed by a 3-4 digit CVV, or one unseparated
    13-19 digit group between other numbers. Dash-joined ids (402-1234567-1234567) and UUID digit
    groups are neither."""
    lengths = [b - a for a, b in groups]
    if lengths[-1] in (3, 4) and _card_like(lengths[:-1]):
        digits = "".join(run[a:b] for a, b in groups[:-1])
        if is_card_number(digits):
            return groups[0][0], groups[-2][1], digits
    for a, b in groups:
        if 13 <= b - a <= 19 and is_card_number(run[a:b]):
            return a, b, run[a:b]
    return None


def mask(text: str) -> str:
    """``text`` with every full card number replaced by its masked form."""
    out, last = [], 0
    for c in find_cards(text):
        out.append(text[last : c.start])
        out.append(f"[{c.brand} ****{c.last4}]")
        last = c.end
    out.append(text[last:])
    return "".join(out)
