"""The bookkeeping of planted violations and decoys: what becomes expected.json.

Writers (sql.py, logs.py, exports.py) build clean records first, then, when
planting is on, put one planted value into a record and tell the
:class:`Planter` where it went, named as contract.md §2 names a violation's
place. The planter checks on the spot that a planted card is found by
``classifiers.cards.find_cards`` exactly once, so a ground truth that the
product's own definition would not confirm can never be written.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from stdnum import luhn

from classifiers.cards import brand, find_cards, is_card_number

#: The fixed date every age in the demo is computed at (never today: the ground truth must not age).
AS_OF = dt.date(2026, 11, 24)

FULL_CARD = "full_card_number"
UNDER_16 = "under_16"
RETENTION = "retention_expired"

APP_DB, WEB_LOGS, EXPORTS, BACKUPS = "app_db", "web_logs", "exports", "backups"

#: Fewest records a dataset gets at any scale, so that planted and decoy records never collide.
MIN_RECORDS = 30

T = TypeVar("T")


@dataclass(frozen=True)
class Spot:
    """One record's field, named as contract.md §2 names a violation's place."""

    rule: str
    source: str
    dataset: str
    field: str
    key: str
    #: the path inside a JSON document held by one SQL column or log field
    path: str | None = None
    #: how the value is written, masked (brand, last four, format); never the value itself
    form: str = ""
    #: for a record found through the linkage: the field that ties it to the account (no value of its own)
    link: str | None = None

    def as_json(self) -> dict[str, Any]:
        return {"rule": self.rule, "source": self.source, "dataset": self.dataset, "field": self.field,
                "key": self.key, "path": self.path, "form": self.form, "link": self.link}

    @property
    def where(self) -> str:
        inside = f" path {self.path}" if self.path else ""
        return f"{self.source}/{self.dataset}/{self.field} key {self.key}{inside}"


@dataclass(frozen=True)
class CardShape:
    brand: str
    prefixes: tuple[str, ...]
    length: int


# The issuer ranges here are the ones classifiers/cards.py knows; planting checks each result with it.
CARD_SHAPES: dict[str, CardShape] = {
    "VISA": CardShape("VISA", ("4",), 16),
    "VISA19": CardShape("VISA", ("4",), 19),
    "MASTERCARD": CardShape("MASTERCARD", ("51", "52", "53", "54", "55"), 16),
    "MASTERCARD2": CardShape("MASTERCARD", tuple(str(p) for p in range(2221, 2721)), 16),
    "AMEX": CardShape("AMEX", ("34", "37"), 15),
    "DISCOVER": CardShape("DISCOVER", ("6011",), 16),
    "JCB": CardShape("JCB", tuple(str(p) for p in range(3528, 3590)), 16),
    "DINERS": CardShape("DINERS", ("36",), 14),
    "RUPAY": CardShape("RUPAY", tuple(str(p) for p in range(652150, 653150)), 16),
    "RUPAY508": CardShape("RUPAY", tuple(str(p) for p in range(508500, 509000)), 16),
}


def has_card(values: Iterable[Any]) -> bool:
    """True when any value, as text, holds a full card number."""
    return any(next(find_cards(str(v)), None) is not None for v in values if v is not None)


def redraw(make: Callable[[], T], cells: Callable[[T], Iterable[Any]] = lambda v: (v,)) -> T:
    """``make()`` again until none of its cells holds a full card number.

    Random ids, UUIDs and phone numbers next to each other can, rarely, line
    up into a Luhn-valid issuer-range run; the demo promises that every card
    in it is a planted one, at any seed and scale.
    """
    for _ in range(50):
        value = make()
        if not has_card(cells(value)):
            return value
    raise RuntimeError("demo generator: 50 draws in a row held a card number; a value maker is broken")


def age_on(born: dt.date, on: dt.date = AS_OF) -> int:
    """Completed years on ``on``: someone born 16 years before to the day is 16."""
    return on.year - born.year - ((on.month, on.day) < (born.month, born.day))


def group(number: str, sizes: Iterable[int], sep: str) -> str:
    """``number`` split into groups of ``sizes`` joined by ``sep`` (4-4-4-4, 4-6-5 for Amex)."""
    out, at = [], 0
    for size in sizes:
        out.append(number[at : at + size])
        at += size
    return sep.join(out)


@dataclass
class Planter:
    """Collects planted violations and decoys; plants nothing when disabled (clean mode)."""

    seed: int
    enabled: bool
    violations: list[Spot] = field(default_factory=list)
    decoys: list[Spot] = field(default_factory=list)
    #: raw planted values (card digits, birth dates, ages), kept only for leak tests
    raw: list[str] = field(default_factory=list, repr=False)
    cards: list[str] = field(default_factory=list, repr=False)
    #: masked descriptions of planted values that the product's card finder would not confirm
    problems: list[str] = field(default_factory=list)
    #: label -> account id of the accounts planted for the person-level rules (demo/people.py)
    accounts: dict[str, int] = field(default_factory=dict)

    def rng(self, label: str) -> random.Random:
        """A stream of its own for planted values, so planting never shifts the clean records' draws."""
        return random.Random(f"pdd-demo:{self.seed}:plant:{label}")

    def card(self, shape_name: str, label: str) -> str:
        """A valid card number of that shape; the same for the same seed and label."""
        shape = CARD_SHAPES[shape_name]
        rng = self.rng(f"card:{label}")
        while True:
            body = rng.choice(shape.prefixes)
            body += "".join(str(rng.randrange(10)) for _ in range(shape.length - len(body) - 1))
            number = body + luhn.calc_check_digit(body)
            # context=True: a broad-range shape (RuPay 508) is a card where it is planted, after a card word
            if is_card_number(number, context=True) and brand(number) == shape.brand and number not in self.cards:
                self.cards.append(number)
                return number

    def kid_birth_date(self, label: str) -> dt.date:
        """A birth date that makes the person 11-15 on as_of."""
        rng = self.rng(f"dob:{label}")
        born = dt.date(AS_OF.year - 15, 1, 1) + dt.timedelta(days=rng.randrange(4 * 365))
        while age_on(born) >= 16:  # only the first days of the window can be 16 already
            born += dt.timedelta(days=1)
        return born

    def violation(self, spot: Spot, raw: str, stored: str | None = None) -> None:
        """Record a planted violation; for a card, ``stored`` is the field's text, checked to hold exactly it.

        A failed check is noted, masked, and raised by generate() once every
        writer is done: raising here would put this frame, whose arguments are
        raw values, into a traceback that test runners print with arguments.
        """
        if spot.rule == FULL_CARD:
            text = raw if stored is None else stored
            hits = list(find_cards(text))
            found = [text[h.start : h.end].replace(" ", "").replace("-", "") for h in hits]
            if found != [raw]:
                self.problems.append(f"{spot.where}: the planted card is found {len(hits)} time(s) by find_cards, "
                                     f"as a different number or not at all")
        self.violations.append(spot)
        self.raw.append(raw)

    def decoy(self, spot: Spot) -> None:
        self.decoys.append(spot)

    def linked(self, spot: Spot) -> None:
        """A violation found through the linkage: it holds no planted value of its own (its account does)."""
        self.violations.append(spot)


@dataclass
class Written:
    """What one writer produced: the types of every field, and record counts per dataset."""

    #: "source/dataset/field" -> entity types (entities.md) before any planted CREDIT_CARD
    fields: dict[str, list[str]] = field(default_factory=dict)
    #: "source/dataset" -> records (rows or lines, header excluded)
    records: dict[str, int] = field(default_factory=dict)
    files: list[Path] = field(default_factory=list)

    def add(self, other: Written) -> None:
        self.fields.update(other.fields)
        self.records.update(other.records)
        self.files.extend(other.files)


@dataclass
class Ctx:
    """What every writer needs: where, which seed, how many, and the planter."""

    out_dir: Path
    seed: int
    scale: float
    planter: Planter

    def rng(self, dataset: str) -> random.Random:
        # One stream per dataset: string seeds are hashed with SHA-512, stable across runs and machines.
        return random.Random(f"pdd-demo:{self.seed}:{dataset}")

    def count(self, base: int) -> int:
        return max(MIN_RECORDS, round(base * self.scale))

    @property
    def plant(self) -> bool:
        return self.planter.enabled
