"""Data files: CSV/TSV, JSON lines and Parquet, gzipped or not (Parquet excepted).

One dataset per file the glob matches, named as contract.md §2 says; the
format comes from the extension once a trailing ``.gz`` is stripped (whether a
file is gzipped is told by its magic bytes).

- ``.csv``/``.tsv``: dialect and header sniffed from the first 64 KB (a UTF-8
  BOM is dropped; undecodable bytes are replaced and counted). Fields are the
  header names as stored (an empty name becomes ``c<i>``, a repeated one
  ``name.<k>``), or ``c1..cN`` without a header. Every value is a string, an
  empty cell None. Key: the 1-based physical line number of the record's first
  line, header included, so the first data row of a file with a header is
  ``"2"``. Rows with the wrong number of cells are counted as broken lines and
  skipped.
- ``.jsonl``/``.ndjson``: as JSON-lines logs (see logs.py).
- ``.parquet``: read in record batches (bounded memory). Struct columns are
  flattened to dotted paths; lists and maps are one field of compact JSON text.
  Key: the 1-based row number in the file (Parquet has no lines).

Any other extension is listed as a dataset whose reads raise SourceError, so
that the rest of the source is still scanned.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from contextlib import closing, contextmanager
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from pipeline.config.model import PathSourceConfig
from pipeline.sources.base import Batch, Dataset, ReadStats, Size, Source
from pipeline.sources.logs import JSONL, UNPARSED, LogFile
from pipeline.sources.textfile import (
    BROKEN_LINE,
    LINE_TOO_LONG,
    MAX_LINE_BYTES,
    SAMPLE_WINDOWS,
    Spread,
    TextFile,
    check_size,
    compact_json,
    decode,
    in_batches,
    match_files,
    restart,
)

SNIFF_BYTES = 64 << 10
SUPPORTED = ".csv, .tsv, .jsonl, .ndjson (each also gzipped, as .gz), .parquet"

# csv's default field limit (128 KiB) is below our line limit; a longer field would be a
# broken line though nothing is wrong with it. The limit is process-wide: only ever raise it.
if csv.field_size_limit() < 2 * MAX_LINE_BYTES:
    csv.field_size_limit(2 * MAX_LINE_BYTES)


class CsvFile(Dataset):
    """One CSV or TSV file."""

    def __init__(self, file: TextFile, *, tab: bool):
        self.name = file.name
        self.stats = ReadStats()
        self._file = file
        self._tab = tab
        self._dialect: type[csv.Dialect] | None = None
        self._header = False
        self._names: list[str] = []
        self._unparsed_seen = False  # a row that did not fit the header was kept in UNPARSED
        self._multiline = False  # records spanning lines: sampling must not seek into one

    def _probe(self) -> type[csv.Dialect]:
        if self._dialect is not None:
            return self._dialect
        head: list[str] = []
        used = 0
        with closing(self._file.lines()) as lines:
            for _, raw in lines:
                if raw is not None:
                    head.append(decode(raw, ReadStats(), keep_newline=True))
                    used += len(raw)
                if used >= SNIFF_BYTES:
                    break
        text = "".join(head)
        dialect = _sniff_dialect(text, self._tab)
        rows: list[list[str]] = []
        reader = csv.reader(io.StringIO(text), dialect)
        before = 0
        for row in _rows(reader):
            self._multiline |= reader.line_num - before > 1
            before = reader.line_num
            if row:
                rows.append(row)
        if rows:
            self._header = _has_header(text, rows)
            names = rows[0] if self._header else [f"c{i}" for i in range(1, len(rows[0]) + 1)]
            self._names = _unique(names)
        self._dialect = dialect
        return dialect

    def size(self) -> Size | None:
        return self._file.size()

    def fields(self) -> list[str]:
        self._probe()
        return [*self._names, UNPARSED] if self._unparsed_seen else list(self._names)

    def sample(self, n: int) -> dict[str, list[Any]]:
        dialect = self._probe()
        spreads = [Spread(n) for _ in self._names]
        scratch = ReadStats()
        for i, window in enumerate(self._file.spread(windows=1 if self._multiline else SAMPLE_WINDOWS)):
            header_pending = i == 0 and self._header
            for row in _rows(csv.reader((decode(raw, scratch, keep_newline=True) for raw in window), dialect)):
                if not row:
                    continue
                if header_pending:
                    header_pending = False
                    continue
                if len(row) == len(self._names):
                    for spread, value in zip(spreads, row, strict=True):
                        if value != "":
                            spread.add(value)
        return {name: spread.result() for name, spread in zip(self._names, spreads, strict=True)}

    def batches(self, size: int) -> Iterator[Batch]:
        check_size(size)
        dialect = self._probe()
        restart(self.stats)
        with closing(self._file.lines()) as lines:
            yield from in_batches(self._rows(lines, dialect), size, self._batch)

    def _rows(self, lines: Iterator[tuple[int, bytes | None]], dialect: Any) -> Iterator[tuple[str, list[str]]]:
        header_pending = self._header
        feed = _LineFeed(lines, self.stats)
        reader = csv.reader(feed, dialect)
        while True:
            try:
                row = next(reader)
            except StopIteration:
                return
            except csv.Error:
                self._broken(feed.take_start(), "not valid CSV, skipped")
                continue
            start = feed.take_start()
            if not row:
                continue
            if header_pending:
                header_pending = False
                continue
            if len(row) != len(self._names):
                # Counted as broken, and kept whole in `unparsed` so the sweep still reads it.
                self._broken(start, f"{len(row)} cells where the header has {len(self._names)}; kept as field "
                             f"{UNPARSED}")
                self._unparsed_seen = True
                yield str(start), _Unparsed(dialect.delimiter.join(row))  # type: ignore[misc]  # _batch tells it apart
                continue
            yield str(start), row

    def _broken(self, line: int, why: str) -> None:
        self.stats.skip(BROKEN_LINE)
        self.stats.note(f"line {line}: {why}")

    def _batch(self, keys: list[str], rows: list[list[str]]) -> Batch:
        self.stats.records += len(keys)
        broken = [isinstance(row, _Unparsed) for row in rows]
        if not any(broken):
            columns = {name: [row[i] or None for row in rows] for i, name in enumerate(self._names)}
        else:
            columns = {name: [None if bad else (row[i] or None) for row, bad in zip(rows, broken, strict=True)]
                       for i, name in enumerate(self._names)}
            columns[UNPARSED] = [row.text if bad else None  # type: ignore[attr-defined]  # a bad row is an _Unparsed
                                 for row, bad in zip(rows, broken, strict=True)]
        return Batch(keys=keys, columns=columns)


class _Unparsed:
    """A CSV row that does not fit the header: its text, for the field ``unparsed``."""

    __slots__ = ("text",)

    def __init__(self, text: str):
        self.text = text


class _LineFeed:
    """Decoded lines for csv.reader, remembering the physical line each record starts on.

    csv.reader's own line_num counts the lines it was given; lines skipped as
    too long would shift it, and it points at a record's last line, not its first.
    """

    def __init__(self, lines: Iterator[tuple[int, bytes | None]], stats: ReadStats):
        self._lines = lines
        self._stats = stats
        self._start: int | None = None
        self._last = 0

    def __iter__(self) -> _LineFeed:
        return self

    def __next__(self) -> str:
        while True:
            number, raw = next(self._lines)
            self._last = number
            if raw is None:
                self._stats.skip(LINE_TOO_LONG)
                self._stats.note(f"line {number}: longer than {MAX_LINE_BYTES} bytes, skipped")
                continue
            if self._start is None:
                self._start = number
            return decode(raw, self._stats, keep_newline=True)

    def take_start(self) -> int:
        """The first line of the record just read; the next record starts afresh."""
        start, self._start = self._start, None
        return start if start is not None else self._last


def _rows(reader: Any) -> Iterator[list[str]]:
    """The rows a csv reader gives, leaving out the ones it cannot parse."""
    while True:
        try:
            yield next(reader)
        except StopIteration:
            return
        except csv.Error:
            continue


def _sniff_dialect(text: str, tab: bool) -> type[csv.Dialect]:
    """The sniffed delimiter, with the standard double quote.

    The sniffer's quote guess is not kept: one value like 'this' makes it pick
    the apostrophe, and then a cell opening with one swallows the lines after it.
    """
    text = text[: text.rfind("\n") + 1] or text  # a partial last row misleads the sniffer
    try:
        sniffed = csv.Sniffer().sniff(text, delimiters="\t" if tab else ",;\t|")
    except csv.Error:
        return csv.excel_tab if tab else csv.excel
    attrs = {"delimiter": sniffed.delimiter, "skipinitialspace": sniffed.skipinitialspace}
    return type("Sniffed", (csv.excel,), attrs)


def _has_header(text: str, rows: list[list[str]]) -> bool:
    """Whether the first row names the columns.

    csv.Sniffer votes only on columns whose values are numbers or all of one
    length; on the usual all-text export (names, e-mails) it has no vote and
    says no. Then a first row of distinct, name-like cells that do not recur in
    their columns is taken for a header.
    """
    try:
        if csv.Sniffer().has_header(text[: text.rfind("\n") + 1] or text):
            return True
    except csv.Error:
        pass
    first, rest = rows[0], rows[1:21]
    if len(set(first)) != len(first) or not all(_looks_like_name(cell) for cell in first):
        return False
    return not any(i < len(row) and row[i] == cell for row in rest for i, cell in enumerate(first))


def _looks_like_name(cell: str) -> bool:
    cell = cell.strip()
    return 0 < len(cell) <= 64 and (cell[0].isalpha() or cell[0] == "_") and "@" not in cell


def _unique(names: list[str]) -> list[str]:
    out: list[str] = []
    seen: dict[str, int] = {}
    for i, name in enumerate(names, start=1):
        name = name or f"c{i}"
        if name in seen:
            seen[name] += 1
            name = f"{name}.{seen[name] - 1}"  # as pandas names a repeated column
        seen.setdefault(name, 1)
        out.append(name)
    return out


class ParquetTable(Dataset):
    """One Parquet file; its records are rows, keyed by 1-based row number."""

    def __init__(self, file: TextFile):
        self.name = file.name
        self.stats = ReadStats()
        self._file = file
        self._names: list[str] | None = None

    @contextmanager
    def _open(self) -> Iterator[pq.ParquetFile]:
        try:
            with open(self._file.path, "rb") as f:
                yield pq.ParquetFile(f)
        except (pa.ArrowException, OSError, ValueError) as exc:
            # ValueError: pyarrow decodes a damaged file's column paths as UTF-8 (found by fuzz/targets.py).
            # pyarrow's messages may quote schema or values; name only the kind of failure
            raise self._file.error(f"not a readable Parquet file ({type(exc).__name__})") from exc

    def size(self) -> Size | None:
        return self._file.size()

    def fields(self) -> list[str]:
        if self._names is None:
            with self._open() as pf:
                self._names = _flat_names(pf.schema_arrow)
        return list(self._names)

    def sample(self, n: int) -> dict[str, list[Any]]:
        names = self.fields()
        spreads = {name: Spread(n) for name in names}
        with self._open() as pf:
            groups = pf.num_row_groups
            # Evenly spaced row groups, the head of each: a row group is the unit Parquet reads.
            picked = sorted({g * groups // SAMPLE_WINDOWS for g in range(SAMPLE_WINDOWS)}) if groups else []
            per_group = max(1, -(-2 * n // max(len(picked), 1)))
            for g in picked:
                for rb in pf.iter_batches(batch_size=per_group, row_groups=[g]):
                    for name, values in _columns(rb).items():
                        for value in values:
                            if value is not None:
                                spreads.setdefault(name, Spread(n)).add(value)
                    break
        return {name: spread.result() for name, spread in spreads.items()}

    def batches(self, size: int) -> Iterator[Batch]:
        check_size(size)
        restart(self.stats)
        row = 0
        with self._open() as pf:
            for rb in pf.iter_batches(batch_size=size):
                keys = [str(i) for i in range(row + 1, row + rb.num_rows + 1)]
                row += rb.num_rows
                self.stats.records += rb.num_rows
                yield Batch(keys=keys, columns=_columns(rb))


def _flat_names(schema: pa.Schema) -> list[str]:
    names: list[str] = []
    stack = [("", list(schema))]
    while stack:
        prefix, fields = stack.pop()
        for i, f in enumerate(fields):
            if pa.types.is_struct(f.type) and f.type.num_fields:
                stack.append((prefix, fields[i + 1 :]))
                stack.append((f"{prefix}{f.name}.", [f.type.field(j) for j in range(f.type.num_fields)]))
                break
            names.append(f"{prefix}{f.name}")
    return names


def _columns(rb: pa.RecordBatch) -> dict[str, list[Any]]:
    table = pa.Table.from_batches([rb])
    while any(pa.types.is_struct(f.type) and f.type.num_fields for f in table.schema):
        table = table.flatten()  # one level per pass, naming children "parent.child"
    columns: dict[str, list[Any]] = {}
    for f, column in zip(table.schema, table.columns, strict=True):
        values = column.to_pylist()
        if pa.types.is_nested(f.type):
            values = [None if v is None else compact_json(v) for v in values]
        columns[f.name] = values
    return columns


class UnsupportedFile(Dataset):
    """A matched file this kind cannot read; reading it says why, naming it."""

    def __init__(self, file: TextFile, problem: str):
        self.name = file.name
        self.stats = ReadStats()
        self._error = file.error(problem)

    def fields(self) -> list[str]:
        raise self._error

    def sample(self, n: int) -> dict[str, list[Any]]:
        raise self._error

    def batches(self, size: int) -> Iterator[Batch]:
        raise self._error


def open_file(file: TextFile) -> Dataset:
    """The dataset for one file, by its extension."""
    name = file.path.name.lower()
    gz = name.endswith(".gz")
    stem = name[:-3] if gz else name
    ext = stem[stem.rfind(".") :] if "." in stem else ""
    if ext in (".csv", ".tsv"):
        return CsvFile(file, tab=ext == ".tsv")
    if ext in (".jsonl", ".ndjson"):
        return LogFile(file, fmt=JSONL)
    if ext == ".parquet" and not gz:
        return ParquetTable(file)
    if ext == ".parquet":
        return UnsupportedFile(file, "a gzipped Parquet file cannot be read in place; store it uncompressed")
    return UnsupportedFile(file, f"unsupported extension {ext or '(none)'!r}; supported: {SUPPORTED}")


class FilesSource(Source):
    """Data files matched by a glob (contract.md §1, kind ``files``)."""

    kind = "files"
    config_model = PathSourceConfig

    def datasets(self) -> Iterator[Dataset]:
        matched = match_files(self.config, self.settings)  # type: ignore[arg-type]  # config_model above: a PathSourceConfig
        return iter([open_file(TextFile(path, name, self.name)) for name, path in matched])
