"""Payment card numbers: what counts as a full card number, and how to find one fast.

A full card number (PAN) here is 13-19 digits that passes Luhn
*and* starts with a known issuer range at a length that issuer uses. Luhn alone
is not enough: IMEIs, barcodes and one in ten random ids pass it. Masked
numbers (``XXXX-XXXX-XXXX-1234``) never match because the digits are not there.

**Issuer ranges** come from a maintained source, the bin-cc data shipped by the
``creditcard-identifier`` package (40+ schemes, lengths per scheme), plus a few
documented ranges it lacks (:data:`_SUPPLEMENT`). Ranges are of two tiers:

- *narrow*: a major network (Visa 16/19, Mastercard, Amex, Discover, JCB,
  Diners, UnionPay 62, Mir, UATP) or a range fixed to four or more digits
  (Dankort 5019, Elo, Laser 6771, ...). A Luhn-valid run there is a card.
- *broad*: schemes that claim a whole 1-3 digit prefix (Maestro 50/56-69,
  RuPay 508/60, Aura, GPN, Hipercard, InstaPayment, InterPayment, China
  T-Union) and the retired 13-digit Visa, where EAN-13 barcodes and ids land by
  chance. Such a run is a card only in card context (:class:`CardContext`): a
  card word right before it, or a field named for cards.

**How real text writes card numbers.** Digits may be in any Unicode script
(fullwidth ``４１１１``, Arabic-Indic, Devanagari: read as their ASCII values),
and groups may be separated by a space, ``-``, ``.``, ``+`` or ``%20`` (a
form sent in a GET query), or by no-break, thin and zero-width spaces.
Separated digits count only in the groupings cards are printed in. Cards
side by side (the same card plain, dashed and spaced on one line) make one
run; a run that splits wholly into cards is read as its first card.

**What is not a card**, whatever Luhn says: a digit run glued to an identifier
(a letter, ``_``, or a sign: ``job_1445...``, ``xyz_-1234...``, ``a4111...``),
a decimal fraction (``36.30107979977425``), an E.164 phone number
(``+4111...``), a number labelled as another kind of number (``order 4111...``),
and, decided per field by the sweep, runs of a field whose same-shaped runs
pass Luhn at about the rate of random digits (``id_field_evidence``).

Which runs are *candidates* (digits, separators, glue) is classifiers/card_spec.py's
to say; this module judges a candidate (:func:`examine`). Used by the CREDIT_CARD
recognizer (sampled classification) and by the ``full_card_number`` rule
(exhaustive sweep), which calls :func:`examine` on candidates only.
"""

from __future__ import annotations

import math
import re
import re._parser as _re_parser  # the pattern parser's width, for PREFIX_WIDTH
import unicodedata
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
from creditcard_identifier.brands import BRANDS as _BIN_CC

from classifiers.card_spec import Candidates, find_candidates

#: Schemes of the bin-cc data that claim a whole 1-3 digit prefix: a card there needs card context.
BROAD_SCHEMES = frozenset({"aura", "gpn", "maestro", "hipercard", "rupay", "instapayment", "interpayment",
                           "china-t-union", "troy", "maestro-uk"})
#: Ranges bin-cc does not list, most specific first: (brand, regex on the digits, narrow?).
_SUPPLEMENT: list[tuple[str, str, bool]] = [
    # RuPay's own ranges inside Discover's 65 and RuPay's 60 (NPCI), and RuPay 508 (broad: Maestro's 50).
    ("RUPAY", r"(?=.{16}$)(?:65215[0-9]|6521[6-9][0-9]|652[2-9][0-9]{2}|6530[0-9]{2}|6531[0-4][0-9])", True),
    ("RUPAY", r"(?=.{16}$)(?:6069(?:8[5-9]|9[0-9])|607[0-8][0-9]{2}|6079[0-7][0-9]|6079(?:8[0-4]))", True),
    ("RUPAY", r"(?=.{16}$)(?:5085|508[6-9])", False),
    # Maestro's long-standing four-digit ranges (bin-cc folds them into 50/56-69).
    ("MAESTRO", r"(?=.{13,19}$)(?:5018|5020|5038|5893|6304|6759|676[1-3])", True),
    ("VERVE", r"(?=.{16}$|.{19}$)(?:50609[9]|5061[0-8][0-9]|50619[0-8]|6500(?:0[2-9]|1[0-9]|2[0-7]))", True),
    # UnionPay's 81 series (bin-cc has 62 only).
    ("UNIONPAY", r"(?=.{16,19}$)81", True),
]
#: Card words: a run right after one of these (or in a field named for cards) is in card context.
_CARD_WORD = re.compile(r"card|credit|debit|\bcc\b|\bpan\b|visa|master|amex|rupay|maestro|discover|\bjcb\b|"
                        r"karte|carte|tarjeta|cart[aã]o|kaart|carta", re.IGNORECASE)


def _table() -> list[tuple[str, re.Pattern[str], bool, frozenset[str]]]:
    """(brand, full-number regex, narrow?, brands it takes priority over), supplement first."""
    out: list[tuple[str, re.Pattern[str], bool, frozenset[str]]] = [
        (name, re.compile(rx), narrow, frozenset()) for name, rx, narrow in _SUPPLEMENT]
    for b in _BIN_CC:
        rx = b["regexp_full"].replace("[0-9]*$", "")  # the prefix and length; the rest is digits anyway
        name = b["name"].upper().replace("-", "_")
        out.append((name, re.compile(rx), b["name"] not in BROAD_SCHEMES,
                    frozenset(p.upper().replace("-", "_") for p in b["priority_over"])))
    return out


_TABLE = _table()


#: A table pattern's leading look-ahead, which tests the number's length only (``(?=.{16}$|.{19}$)``).
_LOOKAHEAD = re.compile(r"^\^?\(\?=([^)]*)\)")


def _first_digits(rx: re.Pattern[str]) -> set[str]:
    """The first digits a table pattern can start with (``regex``'s partial matching, on the prefix part)."""
    import regex

    prefix = regex.compile(_LOOKAHEAD.sub("", rx.pattern))
    return {d for d in "0123456789" if prefix.match(d, partial=True)}


#: per first digit, the table rows (in table order) that can match: issuer() tries a handful, not 45
_BY_FIRST: dict[str, list[int]] = {d: [] for d in "0123456789"}
for _i, (_name, _rx, _narrow, _over) in enumerate(_TABLE):
    for _d in _first_digits(_rx):
        _BY_FIRST[_d].append(_i)


def issuer(digits: str) -> tuple[str, bool] | None:
    """(brand, narrow?) of a bare digit string whose prefix and length fit an issuer, else None.

    The supplement decides first; among bin-cc schemes, one that another matching scheme takes
    priority over loses, and a narrow match beats a broad one (:func:`issuer_by_patterns`, the reference).
    For 13-19 ASCII digits the answer is looked up by the first PREFIX_WIDTH digits between :func:`_issuer_edges`
    (one bisection instead of up to 24 patterns: the sweep asks it for every Luhn-valid run of a wide store);
    tests/classifiers/test_cards_batch.py checks the two agree at every interval's edges and on random runs.
    """
    answers = _INTERVAL_ANSWERS.get(len(digits))
    if answers is None or not (digits.isascii() and digits.isdigit()):
        return issuer_by_patterns(digits)
    edges = _issuer_edges()
    i = bisect_right(edges, int(digits[:PREFIX_WIDTH])) - 1
    if i not in answers:
        answers[i] = issuer_by_patterns(f"{edges[i]:0{PREFIX_WIDTH}d}" + "0" * (len(digits) - PREFIX_WIDTH))
    return answers[i]


@lru_cache(maxsize=4096)
def issuer_by_patterns(digits: str) -> tuple[str, bool] | None:
    """:func:`issuer` decided by the issuer patterns themselves (the reference its lookup table is built from)."""
    rows = [_TABLE[i] for i in _BY_FIRST.get(digits[:1], ())]
    hits = []
    for k, (name, rx, narrow, over) in zip(_BY_FIRST.get(digits[:1], ()), rows, strict=True):
        if rx.match(digits):
            if k < len(_SUPPLEMENT):
                return name, narrow  # a supplement range is more specific than the scheme it sits in
            hits.append((name, narrow, over))
    if not hits:
        return None
    beaten = set().union(*(over for _, _, over in hits))
    alive = [h for h in hits if h[0] not in beaten] or hits
    name, narrow, _ = max(alive, key=lambda h: h[1])  # first narrow one, in table order
    if name == "VISA" and len(digits) not in (16, 19):
        narrow = False  # 13-digit Visa is retired; EAN-13 barcodes and 13-digit ids pass Luhn
    return name, narrow


#: The widest prefix any issuer pattern reads; their look-aheads test only the length (``(?=.{16}$)``), so
#: whether ``issuer()`` finds an issuer depends on the first PREFIX_WIDTH digits and the length alone.
PREFIX_WIDTH = max(_re_parser.parse(rx.pattern).getwidth()[1] for _, rx, _, _ in _TABLE)


def _lengths(rx: re.Pattern[str]) -> set[int]:
    """The card lengths (13-19) a table pattern's look-ahead allows."""
    m = _LOOKAHEAD.match(rx.pattern)
    if m is None:
        return set(range(13, 20))
    out: set[int] = set()
    for lo, hi in re.findall(r"\.\{(\d+)(?:,(\d+))?\}\$", m.group(1)):
        out |= set(range(int(lo), int(hi or lo) + 1))
    return out & set(range(13, 20))


@lru_cache(maxsize=1)
def _pattern_spans() -> dict[int, list[tuple[int, int]]]:
    """Per length, the ``[lo, hi)`` ranges of PREFIX_WIDTH-digit prefixes that each issuer pattern matches
    (overlapping across patterns).

    Built once by walking each pattern's prefixes digit by digit (``regex``'s partial matching prunes the
    walk): a prefix the pattern matches covers every number that starts with it.
    """
    import regex

    spans: dict[int, list[tuple[int, int]]] = {n: [] for n in range(13, 20)}
    for _, rx, _, _ in _TABLE:
        core = re.compile(_LOOKAHEAD.sub("", rx.pattern))
        partial = regex.compile(core.pattern)
        found: list[tuple[int, int]] = []
        stack = [""]
        while stack:
            p = stack.pop()
            if p and core.match(p):
                scale = 10 ** (PREFIX_WIDTH - len(p))
                found.append((int(p) * scale, (int(p) + 1) * scale))
            elif len(p) < PREFIX_WIDTH and (not p or partial.fullmatch(p, partial=True)):
                stack += [p + d for d in "0123456789"]
        for n in _lengths(rx):
            spans[n] += found
    return spans


@lru_cache(maxsize=1)
def _issuer_edges() -> list[int]:
    """The PREFIX_WIDTH-digit prefixes where some issuer pattern's range starts or ends, sorted, 0 first: between
    two edges the same patterns match every number of a length, so ``issuer_by_patterns`` answers the same
    for all of them (every pattern's edges serve every length: a few more intervals, never one too few)."""
    return sorted({0, *(e for spans in _pattern_spans().values() for span in spans for e in span
                        if e < 10**PREFIX_WIDTH)})


#: Per length, the answer of each interval between two edges, filled in as numbers fall in it (24,000 edges:
#: working them all out up front would cost a small scan more than its lookups save).
_INTERVAL_ANSWERS: dict[int, dict[int, tuple[str, bool] | None]] = {n: {} for n in range(13, 20)}


@lru_cache(maxsize=1)
def _issuer_ranges() -> dict[int, tuple[np.ndarray, np.ndarray]]:
    """Per length, sorted disjoint ``[lo, hi)`` ranges of PREFIX_WIDTH-digit prefixes that have an issuer
    (the patterns' ranges, merged)."""
    out = {}
    for n, ranges in _pattern_spans().items():
        merged: list[list[int]] = []
        for lo, hi in sorted(ranges):
            if merged and lo <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], hi)
            else:
                merged.append([lo, hi])
        arr = np.array(merged or [[0, 0]], dtype=np.int64)
        out[n] = (arr[:, 0].copy(), arr[:, 1].copy())
    return out


def have_issuer(data: np.ndarray, starts: np.ndarray, lengths: np.ndarray) -> np.ndarray:
    """``issuer(run) is not None`` for each bare ASCII digit run ``data[start : start + length]`` (a numpy
    bool array), all at once: the run's first PREFIX_WIDTH digits against each length's issuer ranges."""
    out = np.zeros(len(starts), dtype=bool)
    if not len(starts):
        return out
    ranges = _issuer_ranges()
    digits = data[starts[:, None] + np.arange(PREFIX_WIDTH)].astype(np.int64) - 48
    prefix = digits @ (10 ** np.arange(PREFIX_WIDTH - 1, -1, -1, dtype=np.int64))
    for n in np.unique(lengths).tolist():
        if n not in ranges:
            continue
        sel = lengths == n
        lo, hi = ranges[n]
        p = prefix[sel]
        i = np.searchsorted(lo, p, side="right") - 1
        out[sel] = (i >= 0) & (p < hi[np.maximum(i, 0)])
    return out


def brand(digits: str) -> str | None:
    """The issuer of a digit string if its prefix and length fit one (either tier), else None."""
    found = issuer(digits)
    return found[0] if found else None


def is_card_number(digits: str, context: bool = False) -> bool:
    """True for a full card number given as bare ASCII digits; broad ranges only in card ``context``."""
    if not 13 <= len(digits) <= 19 or not digits.isascii() or not digits.isdigit() or not luhn_ascii(digits):
        return False
    found = issuer(digits)
    return found is not None and (found[1] or context)


@dataclass(frozen=True)
class CardContext:
    """What a run's surroundings say, beyond its own text: the field it sits in."""

    #: the field is named for card numbers (``card_number``, ``cc``, ``pan``)
    card_field: bool = False
    #: the field is named for ids or other numbers (``order_id``, ``tracking_no``)
    id_field: bool = False


NO_CONTEXT = CardContext()

_GROUP = re.compile(r"\d+")
_ASCII_DIGITS = re.compile(r"[0-9]+")


def ascii_digits(run: str) -> str:
    """The digits of ``run`` as ASCII, whatever script they are written in."""
    if run.isascii():
        return "".join(_ASCII_DIGITS.findall(run))
    return "".join(str(unicodedata.decimal(c)) for c in run if unicodedata.decimal(c, None) is not None)


@dataclass(frozen=True)
class CardMatch:
    start: int
    end: int
    brand: str
    last4: str

    def describe(self) -> str:
        """Masked evidence: brand and last four digits, never the number."""
        return f"Luhn-valid {self.brand} number ending {self.last4}"


@dataclass(frozen=True)
class Examined:
    """One candidate run, judged: its shape (for field-level evidence) and the card in it, if any."""

    #: digit count and group lengths, e.g. (16, (4, 4, 4, 4)); runs of one field compare by this
    shape: tuple[int, tuple[int, ...]]
    luhn_valid: bool
    card: CardMatch | None
    #: a card word right before the run: context, which field-level statistics do not overrule
    card_word: bool = False


#: Digits labelled as another kind of number ("order 4111...", "invoice_no": "5500...") are that
#: number, not a card: one random 16-digit id in ~30 passes issuer + Luhn by chance. A card word
#: in the same look-back wins over the label.
_LOOKBACK = 32
_ID_LABEL = re.compile(
    r"(?:order|invoice|inv|awb|tracking|shipment|consignment|txn|transaction|utr|rrn|booking|ticket|"
    r"reference|ref|receipt|serial|imei|account|acct|a/c|ifsc|gst|gstin|batch|sku|barcode|ean|upc|isbn)"
    r"(?:[ _\-]?(?:id|no|num|nr|number|ref|code))?[\"']?\s*[:=#\-]?\s*[\"']?\s*(?:no\.?|#)?\s*$",
    re.IGNORECASE)


def examine(text: str, start: int, run: str, floor: int = 0, context: CardContext = NO_CONTEXT) -> Examined:
    """Judge one candidate of ``text``: the run ``run`` at offset ``start`` (classifiers.card_spec).

    ``floor`` bounds the label look-back (the start of the value when ``text`` joins many values).
    Separated digits count only in the groupings cards are printed in; a longer blank-separated run
    is tried as a card plus CVV, or for one unseparated 13-19 digit group among other numbers.
    The look-back for card words and id labels runs only on runs that pass Luhn and an issuer range.
    """
    lengths: tuple[int, ...]
    if run.isascii() and run.isdigit():  # the common case: one bare ASCII run
        groups, lengths, digits = [(0, len(run))], (len(run),), run
        valid = luhn_ascii(digits)
    else:
        run = run.replace("%20", "   ")  # same length: offsets into the text stay right
        groups = [(g.start(), g.end()) for g in _GROUP.finditer(run)]
        lengths = tuple(b - a for a, b in groups)
        digits = ascii_digits(run)
        valid = _card_like(list(lengths)) and luhn_ascii(digits)
    shape = (len(digits), lengths)
    span: tuple[int, int, str] | None = None
    if valid and 13 <= len(digits) <= 19 and issuer(digits) is not None:
        span = (0, len(run), digits)
    elif len(groups) > 1:
        span = _tiled(run, groups) or (_best_span(run, groups) if _spaced(run) else None)
    if span is None:
        return Examined(shape, valid, None)
    return _judged(text, start, shape, valid, span, floor, context)


def _judged(text: str, start: int, shape: tuple[int, tuple[int, ...]], valid: bool, span: tuple[int, int, str],
            floor: int, context: CardContext) -> Examined:
    """The look-back part of ``examine``: a card word, another number's label, then the issuer tier."""
    a, b, found = span
    before = text[max(floor, start - _LOOKBACK) : start]
    card_word = bool(before) and _CARD_WORD.search(before) is not None
    if before and not card_word and _ID_LABEL.search(before):  # labelled as another kind of number
        return Examined(shape, valid, None)
    in_context = (card_word or context.card_field) and not context.id_field
    if not is_card_number(found, in_context):
        return Examined(shape, valid, None)
    return Examined(shape, valid, CardMatch(start + a, start + b, brand(found) or "", found[-4:]), card_word)


def find_cards(text: str, context: CardContext = NO_CONTEXT) -> Iterator[CardMatch]:
    """Every full card number in ``text``."""
    for start, run in find_candidates(text).runs(text):
        card = examine(text, start, run, 0, context).card
        if card:
            yield card


def _card_like(lengths: list[int]) -> bool:
    """Groupings cards are printed in: one run, 4-4-4-4(-3), Amex 4-6-5, Diners 4-6-4."""
    if len(lengths) == 1:
        return True
    if lengths in ([4, 6, 5], [4, 6, 4]):
        return True
    return all(n == 4 for n in lengths[:-1]) and 1 <= lengths[-1] <= 4


def _spaced(run: str) -> bool:
    """Only blanks between the groups: dotted or dashed longer runs are dates, versions, fractions, ids."""
    return all(not c.isdigit() and c in " \u00a0" or c.isdigit() for c in run)


#: The most groups one printed card number has (4-4-4-4-3)
_MAX_GROUPS = 5


def _tiled(run: str, groups: list[tuple[int, int]]) -> tuple[int, int, str] | None:
    """The first card of a run that is card numbers side by side and nothing else (the same card plain,
    dashed and spaced on one line: the candidate pattern joins them into one run). Every group must belong
    to a piece printed as a card (one separator throughout, a card grouping, Luhn and an issuer of either
    tier); a run with anything else in it is not split, so a table of numbers is not searched for cards."""
    n = len(groups)
    seps = [run[groups[k][1] : groups[k + 1][0]] for k in range(n - 1)]
    #: ends[i]: where a tiling of groups[i:] takes its first piece to end (exclusive), or 0 for none
    ends = [0] * n + [n]
    for i in range(n - 1, -1, -1):
        for j in range(i + 1, min(n, i + _MAX_GROUPS) + 1):
            if j - 1 > i and seps[j - 2] != seps[i]:
                break  # one separator throughout a piece
            if not ends[j] or not _card_like([b - a for a, b in groups[i:j]]):
                continue
            digits = ascii_digits(run[groups[i][0] : groups[j - 1][1]])
            if 13 <= len(digits) <= 19 and luhn_ascii(digits) and issuer(digits):
                ends[i] = j
                break
    if not ends[0] or ends[0] == n:
        return None  # no tiling, or one piece: the whole run, judged as such already
    first = ends[0]
    return groups[0][0], groups[first - 1][1], ascii_digits(run[groups[0][0] : groups[first - 1][1]])


def _best_span(run: str, groups: list[tuple[int, int]]) -> tuple[int, int, str] | None:
    """A card-shaped span inside a longer blank-separated run (Luhn + an issuer of either tier): a card-like
    grouping followed by a 3-4 digit CVV, or one unseparated 13-19 digit group between other numbers."""
    lengths = [b - a for a, b in groups]
    if lengths[-1] in (3, 4) and _card_like(lengths[:-1]):
        digits = ascii_digits(run[: groups[-2][1]])
        if 13 <= len(digits) <= 19 and luhn_ascii(digits) and issuer(digits):
            return groups[0][0], groups[-2][1], digits
    for a, b in groups:
        digits = ascii_digits(run[a:b])
        if 13 <= b - a <= 19 and luhn_ascii(digits) and issuer(digits):
            return a, b, digits
    return None


#: each digit's doubled-and-reduced Luhn value, as a digit
_DOUBLED = str.maketrans("0123456789", "0246813579")


def luhn_ascii(digits: str) -> bool:
    """Luhn over a non-empty run of ASCII digits, as stdnum.luhn.is_valid decides it, at C speed (one
    translate, one sum); every caller has the run's digits as ASCII already (tests/classifiers/test_cards_luhn.py)."""
    return sum(map(int, digits[-1::-2] + digits[-2::-2].translate(_DOUBLED))) % 10 == 0


#: Field-level evidence: with at least this many same-shaped runs in a field, a Luhn pass rate that
#: chance explains (random digits pass one time in ten) says the field holds ids, not cards.
MIN_RUNS = 10
CHANCE = 0.1
#: How far from chance a pass rate must be, whatever the number of runs: on millions of runs a binomial
#: test calls a field of ids "not chance" for a 0.1% excess (a few Luhn-valid loyalty numbers among order
#: ids); a field of cards passes ~100%, one of ids built to fail Luhn ~0%.
MARGIN = 0.05
#: A field proven to hold cards while the sweep still runs (its cards reported at once, not held back):
#: at least this many same-shaped runs, at least this share of them Luhn-valid. Strict, because an early
#: decision cannot be taken back and a part of a split dataset sees only its own runs.
PROVEN_RUNS = 30
PROVEN_RATE = 0.5


def at_chance(runs: int, valid: int) -> bool:
    """True when ``valid`` Luhn passes among ``runs`` same-shaped runs are what random ids give.

    Chance is a binomial(runs, 0.1): within two standard deviations below and three above its mean, and
    never closer than ``MARGIN`` to 10% (the effect must be large, not only significant). A column of 100
    random ids passes ~10 and never ~20; a column of card numbers passes all of them; a column of ids
    built to fail Luhn (some systems do, so that no id looks like a card) passes none, so the one run
    there that passes stands out and is reported.
    """
    if runs < MIN_RUNS:
        return False
    mean, sd = runs * CHANCE, math.sqrt(runs * CHANCE * (1 - CHANCE))
    low = min(mean - 2 * sd, runs * (CHANCE - MARGIN))
    high = max(mean + 3 * sd, runs * (CHANCE + MARGIN))
    return low < valid <= high


def proven_cards(runs: int, valid: int) -> bool:
    """Runs so far that settle the field as one of card numbers before the sweep ends (see PROVEN_RUNS)."""
    return runs >= PROVEN_RUNS and valid >= PROVEN_RATE * runs and not at_chance(runs, valid)


def mask(text: str) -> str:
    """``text`` with every full card number replaced by its masked form."""
    out, last = [], 0
    for c in find_cards(text):
        out.append(text[last : c.start])
        out.append(f"[{c.brand} ****{c.last4}]")
        last = c.end
    out.append(text[last:])
    return "".join(out)


# ---------------------------------------------------------------- Luhn for whole columns
#
# On wide stores almost every candidate is a bare ASCII digit run (an order id, a timestamp in ms) that fails
# Luhn: the sweep (pipeline/rules/card.py) checks Luhn for all bare runs of a column batch at once, so that
# ``examine`` runs only for runs that could be cards. Same answers as ``luhn_ascii``
# (tests/classifiers/test_cards_batch.py).


def luhn_bare(found: Candidates) -> np.ndarray:
    """``luhn_ascii`` of each bare run of ``found`` (a numpy bool array), all runs of one length at once."""
    starts, lengths = found.bare_starts, found.bare_lengths
    valid = np.zeros(len(starts), dtype=bool)
    if found.data is None:
        return valid
    for length in np.unique(lengths).tolist():
        sel = lengths == length
        a = found.data[starts[sel][:, None] + np.arange(length)].astype(np.int16) - 48
        doubled = a[:, length - 2 :: -2] * 2
        doubled -= 9 * (doubled > 9)
        valid[sel] = (a[:, length - 1 :: -2].sum(axis=1) + doubled.sum(axis=1)) % 10 == 0
    return valid
