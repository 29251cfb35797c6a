"""The one small interface every source kind implements.

A source kind (sql, logs, files, ...) is one module in this package that
subclasses :class:`Source` with a ``kind`` class attribute; subclassing
registers it, and the package imports every module in it, so adding a kind
means adding one file and nothing else.

The interface has three verbs, all lazy:

- ``datasets()`` lists what the source holds (tables, files);
- ``Dataset.sample(n)`` returns up to ``n`` values per field, for
  classification, without reading the whole dataset where the store can avoid it;
- ``Dataset.batches(size)`` streams every record, in columnar batches with
  bounded memory, for the exhaustive rule sweep.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any, ClassVar

from pipeline.config.model import Config, SourceConfig

_KINDS: dict[str, type[Source]] = {}


class SourceError(Exception):
    """A source, dataset or record could not be read.

    The message names what failed (source, file, line or table) and says what to
    do; it never holds a raw value read from the data.
    """

    def __init__(self, message: str, *, source: str | None = None, dataset: str | None = None):
        self.source = source
        self.dataset = dataset
        where = ", ".join(p for p in (source and f"source {source!r}", dataset and f"dataset {dataset!r}") if p)
        super().__init__(f"{where}: {message}" if where else message)
        self.message = message


@dataclass
class Batch:
    """Consecutive records of one dataset, column by column.

    ``keys[i]`` is the record's key as contract.md §2 names it (primary key,
    rowid, offset or 1-based line number); ``columns[f][i]`` is that record's
    value of field ``f`` (``None`` when the record has no such field).
    """

    keys: Sequence[str]
    columns: dict[str, list[Any]]
    #: records read and counted but left out because no rule needs them (see ReadPlan)
    left_out: int = 0
    #: a read for ``ReadPlan.raw_texts``: each field's values as text (classifiers.card_spec.value_text, null
    #: as ''), joined by card_spec.SEPARATOR, in record order; ``columns`` is then empty, and a field whose
    #: every text is '' (floats, dates, booleans: card_spec.text_kind "skip") may be missing
    texts: dict[str, str] | None = None

    def __len__(self) -> int:
        return len(self.keys)


NOTES_PER_DATASET = 20
"""Read notes kept per dataset (the first ones); the counts in ``skipped`` are complete."""


@dataclass(frozen=True)
class ReadPlan:
    """What the sweep's rules need from a read; a dataset may use it to read less, never to count less.

    ``candidates_only``: the rules look only at records that could hold a card candidate (no rule
    reads every record), so a dataset may leave out records whose raw bytes hold none
    (pipeline/sources/prefilter.py), counting them in ``Batch.left_out``. A dataset that cannot
    tell ignores the plan and yields every record.
    """

    candidates_only: bool = False
    #: every rule reads only each field's values as text (``Batch.texts``), not typed values: a dataset may
    #: hand them over joined per field, built where it is cheapest (a SQL database: by the server)
    raw_texts: bool = False


@dataclass
class ReadStats:
    """What a dataset read skipped, so that 'not read' is never silent."""

    records: int = 0
    skipped: dict[str, int] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)

    def skip(self, reason: str, n: int = 1) -> None:
        self.skipped[reason] = self.skipped.get(reason, 0) + n

    def note(self, message: str, limit: int = 20) -> None:
        if len(self.notes) < min(limit, NOTES_PER_DATASET):
            self.notes.append(message)


BYTES = "@bytes"
"""Part.column of a byte range of a file."""


@dataclass(frozen=True)
class Size:
    """How much a sweep of a whole dataset reads, known before reading it: for a progress display's rate
    and time left, never for a result."""

    amount: int
    unit: str
    """``bytes`` (a file on disk; a gzipped file's compressed bytes) or ``rows`` (a table)."""


@dataclass(frozen=True)
class Part:
    """A key range of a dataset, so that one huge table or file can be swept by several workers.

    Records whose key (``column``: its column names, comma-separated) is in ``[lo, hi)``, ``lo`` or ``hi``
    None: no bound on that side; a key is JSON as ``sql_keys.TableKey.encode`` writes it (an int for an
    integer key). For a file, ``column`` is BYTES: the lines that start at a byte offset in ``[lo, hi)``,
    the first of them being line number ``line``. ``note``: why the dataset is read as this one part
    although it is large (the read notes it in the report).
    """

    column: str
    lo: Any
    hi: Any
    line: int | None = None
    note: str | None = None

    def to_dict(self) -> dict[str, Any]:
        d = {"column": self.column, "lo": self.lo, "hi": self.hi}
        if self.note is not None:
            d["note"] = self.note
        return {**d, "line": self.line} if self.line is not None else d

    @classmethod
    def from_dict(cls, d: dict[str, Any] | None) -> Part | None:
        return cls(**d) if d else None


class Dataset(ABC):
    """One table, view or file of a source."""

    #: the dataset's name as contract.md §2 gives it
    name: str
    #: what the read skipped (bad lines, undecodable bytes); filled while reading
    stats: ReadStats

    @abstractmethod
    def fields(self) -> list[str]:
        """The field names known so far (for schemaless files: after sampling)."""

    @abstractmethod
    def sample(self, n: int) -> dict[str, list[Any]]:
        """Up to ``n`` non-null values per field, spread over the dataset."""

    @abstractmethod
    def batches(self, size: int) -> Iterator[Batch]:
        """Every record, in order, in batches of at most ``size`` records."""

    def partitions(self, max_rows: int) -> list[Part | None]:
        """Key ranges of at most about ``max_rows`` records each; ``[None]`` (the whole) when not splittable."""
        return [None]

    def part_batches(self, size: int, part: Part | None, plan: ReadPlan | None = None) -> Iterator[Batch]:
        """Every record of one part (``None``: all records); ``plan`` may let the dataset leave some out."""
        if part is not None:
            raise SourceError(f"{type(self).__name__} cannot be read by key range", dataset=self.name)
        return self.batches(size)

    def size(self) -> Size | None:
        """What a sweep of the whole dataset reads, when known without reading it (None: not known)."""
        return None

    def close(self) -> None:  # noqa: B027 - a hook: a dataset that holds nothing open has nothing to release
        """Release what the dataset holds open."""


class Source(ABC):
    """A configured place where records live."""

    kind: ClassVar[str]
    #: the typed config this kind accepts (validated on load)
    config_model: ClassVar[type[SourceConfig]] = SourceConfig

    @classmethod
    def check_config(cls, config: SourceConfig) -> tuple[str, str] | None:
        """Cross-key checks the model cannot express: ``(key, problem)`` or None."""
        return None

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        kind = cls.__dict__.get("kind")
        if kind:
            if kind in _KINDS and _KINDS[kind] is not cls:
                raise TypeError(f"source kind {kind!r} registered twice: {_KINDS[kind].__name__} and {cls.__name__}")
            _KINDS[kind] = cls

    def __init__(self, config: SourceConfig, settings: Config):
        #: this source's own config
        self.config = config
        #: the whole run's config (as_of, base_dir for relative paths, settings)
        self.settings = settings
        self.name = config.name

    @abstractmethod
    def datasets(self) -> Iterator[Dataset]:
        """The datasets to scan; raises SourceError when the source itself cannot be read."""

    def close(self) -> None:  # noqa: B027 - a hook: a source without connections has nothing to release
        """Release connections."""


def kinds() -> dict[str, type[Source]]:
    """Every registered source kind, by name."""
    return dict(_KINDS)
