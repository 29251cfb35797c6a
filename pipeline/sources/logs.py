"""Log files: nginx/Apache access logs, JSON lines and plain text, gzipped or not.

One dataset per file the glob matches, named as contract.md §2 says. The
format is detected per file from its first non-empty lines, because one log
folder often mixes an access log, an app's JSON log and rotated plain logs:

- JSON lines when most of them parse as JSON objects. Fields are dotted paths
  (``user.email``); a list is one field holding compact JSON text; scalars keep
  their JSON type.
- An access log when most of them match the nginx/Apache combined format, or
  the common format (no referer and user agent: those fields are then None).
  Fields are the nginx variable names. Every value is a string, status and
  body_bytes_sent included (the sweep reads text; no value is reinterpreted),
  and ``-`` is None. Text after the combined format (``$http_x_forwarded_for``
  and the like) has no field in the contract: each line that carries some is
  counted as not read, so that it is not skipped silently.
- Plain text otherwise: one field, ``message``, the line after a leading
  timestamp and level when those are recognized, else the whole line.

A record's key is its 1-based physical line number in the decompressed file.
Lines that break their file's format, and lines over 1 MiB, are counted in
``stats`` and skipped; undecodable bytes are replaced and counted, the line is
kept. ``stats`` describes the last ``batches()`` pass; ``sample()`` leaves it be.
"""

from __future__ import annotations

import gc
import json
import operator
import re
from collections.abc import Iterator
from contextlib import closing, contextmanager
from itertools import chain, repeat
from typing import Any

from pipeline.config.model import PathSourceConfig
from pipeline.sources.base import Batch, Dataset, Part, ReadPlan, ReadStats, Size, Source
from pipeline.sources.prefilter import candidate_lines
from pipeline.sources.textfile import (
    BLOCK_BYTES,
    BROKEN_LINE,
    LINE_TOO_LONG,
    MAX_LINE_BYTES,
    Spread,
    TextFile,
    check_size,
    decode,
    flatten_columns,
    flatten_json,
    in_batches,
    match_files,
    parse_json_object,
    restart,
)

JSONL, ACCESS, PLAIN = "jsonl", "access", "plain"
PROBE_LINES = 50
DENSE = 0.9
DENSE_SKIP = 7
"""A block whose lines hold a candidate in at least this share has the next DENSE_SKIP blocks read
without the prefilter (it would pass nearly all of them anyway), then the filter probes again."""
BYTES_PER_LINE = 200
"""A byte range holds about this many bytes per record a key range of a table holds (partitions())."""
"""Non-empty lines read to detect a file's format."""

ACCESS_FIELDS = (
    "remote_addr",
    "remote_user",
    "time_local",
    "request",
    "status",
    "body_bytes_sent",
    "http_referer",
    "http_user_agent",
)
#: Text that fits no field (a broken line, what follows the access-log format such as an appended
#: $http_x_forwarded_for) is kept in this one field, so the sweep still reads it: a card number pasted
#: into a broken line is still a stored card number.
UNPARSED = "unparsed"
TEXT_NOT_READ = "text after the access-log format (kept in field unparsed)"

_QUOTED = r'[^"\\]*(?:\\.[^"\\]*)*'  # an escaped quote stays inside the field (unrolled: fast)
_ACCESS = re.compile(
    r"(?P<remote_addr>\S+) \S+ (?P<remote_user>\S+) \[(?P<time_local>[^\]]+)\] "
    rf'"(?P<request>{_QUOTED})" (?P<status>\d{{3}}|-) (?P<body_bytes_sent>\d+|-)'
    rf'(?: "(?P<http_referer>{_QUOTED})" "(?P<http_user_agent>{_QUOTED})")?'
    r"(?P<rest>.*)"
)

#: _ACCESS for a line in the combined format, over many lines at once (MULTILINE; no class crosses a newline).
#: Its match of a line is _ACCESS's: _ACCESS never backtracks into what precedes its optional referer and
#: user agent (what follows always matches), so here that part is atomic, and the two fields are required
#: (a line in the common format is left to _ACCESS: findall would give '' where _ACCESS gives None).
_QUOTED_IN_LINE = r'[^"\\\n]*(?:\\.[^"\\\n]*)*'
_COMBINED = re.compile(
    r"^(?>(\S+) \S+ (\S+) \[([^\]\n]+)\] "
    rf'"({_QUOTED_IN_LINE})" (\d{{3}}|-) (\d+|-))'
    rf' "({_QUOTED_IN_LINE})" "({_QUOTED_IN_LINE})"(.*)$',
    re.MULTILINE,
)

_TIMESTAMP = re.compile(
    r"""
    (?:<\d{1,3}>\d?\s*)?                                     # syslog priority
    (?:
        # ISO 8601 with a time: a bare date may be a date of birth, which stays in the message
        \d{4}-\d{2}-\d{2}[T\ ]\d{2}:\d{2}(?::\d{2})?(?:[.,]\d+)?(?:\ ?(?:Z|[+-]\d{2}:?\d{2}|UTC))?
      | \d{4}/\d{2}/\d{2}\ \d{2}:\d{2}:\d{2}                  # nginx error log
      | [A-Z][a-z]{2}\ +\d{1,2}\ \d{2}:\d{2}:\d{2}            # syslog
      | \[[^\]]{0,40}?\d{1,2}:\d{2}[^\]]{0,40}\]              # [anything holding a time]
    )
    """,
    re.VERBOSE,
)
_LEVELS = "TRACE|DEBUG|INFO|NOTICE|WARNING|WARN|ERROR|ERR|CRITICAL|CRIT|FATAL|SEVERE|ALERT|EMERGENCY|EMERG|PANIC"
# Bare levels only in capitals: a lower-case "info" opening a line is a word of the message.
_LEVEL = re.compile(rf"\[(?i:{_LEVELS})\]|(?:{_LEVELS})\b")
_SEPARATOR = re.compile(r"(?:\s+|[-|:](?=\s|$))*")


def message_of(line: str) -> str | None:
    """The plain-text ``message``: the line after a leading timestamp and level."""
    rest = line
    if m := _TIMESTAMP.match(rest):
        rest = rest[_SEPARATOR.match(rest, m.end()).end() :]  # type: ignore[union-attr]  # _SEPARATOR matches the empty string too
    if m := _LEVEL.match(rest):
        rest = rest[_SEPARATOR.match(rest, m.end()).end() :]  # type: ignore[union-attr]  # _SEPARATOR matches the empty string too
    if rest is line:
        return line
    return rest or None


def detect(lines: list[str]) -> str:
    """The format most of ``lines`` are in (JSONL, ACCESS or PLAIN)."""
    half = len(lines) / 2
    if sum(parse_json_object(line) is not None for line in lines) > half:
        return JSONL
    if sum(_ACCESS.match(line) is not None for line in lines) > half:
        return ACCESS
    return PLAIN


class LogFile(Dataset):
    """One line-oriented file: JSON lines, access log or plain text.

    ``fmt`` forces the format (the files kind knows JSON lines by extension);
    by default it is detected from the file's first lines.
    """

    def __init__(self, file: TextFile, fmt: str | None = None):
        self.name = file.name
        self.stats = ReadStats()
        self._file = file
        self._format = fmt
        self._fields: dict[str, None] = {}  # an ordered set: JSON lines show new paths as they go
        self._dense_left = 0  # blocks to read whole before probing with the prefilter again
        if fmt is not None:
            self._fix_fields()

    @property
    def format(self) -> str:
        if self._format is None:
            probe: list[str] = []
            with closing(self._file.lines()) as lines:
                for _, raw in lines:
                    text = decode(raw, ReadStats()) if raw is not None else ""
                    if text.strip():
                        probe.append(text)
                        if len(probe) == PROBE_LINES:
                            break
            self._format = detect(probe)
            self._fix_fields()
            if self._format == JSONL:
                for text in probe:
                    self._fields.update(dict.fromkeys(parse_json_object(text) or ()))
        return self._format

    def _fix_fields(self) -> None:
        if self._format == ACCESS:
            self._fields = dict.fromkeys(ACCESS_FIELDS)
        elif self._format == PLAIN:
            self._fields = {"message": None}

    def size(self) -> Size | None:
        return self._file.size()

    def fields(self) -> list[str]:
        self.format  # noqa: B018 - detecting the format tells the fixed fields
        return list(self._fields)

    def sample(self, n: int) -> dict[str, list[Any]]:
        self.format  # noqa: B018 - detecting the format tells the fixed fields
        scratch = ReadStats()  # a sample's skips would be counted again by batches()
        spreads: dict[str, Spread] = {}
        for window in self._file.spread():
            for raw in window:
                record = self._record(None, raw, scratch)
                if record is None:
                    continue
                for f, value in record.items():
                    self._fields.setdefault(f)
                    if value is not None:
                        spreads.setdefault(f, Spread(n)).add(value)
        return {f: spreads[f].result() if f in spreads else [] for f in self._fields}

    def sample_records(self) -> Iterator[dict[str, Any]]:
        """The records of the lines sample() reads, in file order (the template miner reads whole records)."""
        self.format  # noqa: B018 - detecting the format tells the fixed fields
        scratch = ReadStats()
        for window in self._file.spread():
            for raw in window:
                record = self._record(None, raw, scratch)
                if record is not None:
                    yield record

    def batches(self, size: int) -> Iterator[Batch]:
        return self.part_batches(size, None)

    def partitions(self, max_rows: int) -> list[Part | None]:
        """Byte ranges of a large plain (not gzipped) file, for workers to sweep side by side."""
        return self._file.byte_ranges(max_rows * BYTES_PER_LINE)

    def part_batches(self, size: int, part: Part | None, plan: ReadPlan | None = None) -> Iterator[Batch]:
        if plan is not None and plan.candidates_only:
            return self._candidate_batches(size, part)
        return self._all_batches(size, part)

    def _all_batches(self, size: int, part: Part | None) -> Iterator[Batch]:
        check_size(size)
        self.format  # noqa: B018 - detecting the format tells the fixed fields
        restart(self.stats)
        with closing(self._file.lines(span=part)) as lines:
            yield from in_batches(self._records(lines), size, self._batch)

    def _candidate_batches(self, size: int, part: Part | None) -> Iterator[Batch]:
        """Like batches(), but a line with no card candidate in its raw bytes becomes no record.

        It is still counted, decoded and checked as batches() would (so rows, skipped lines,
        notes and the JSON fields it shows come out the same), and a line that breaks the
        format goes to the rules whole, like any broken line. Only the building of records and
        columns, and the rules' work, are saved.
        """
        check_size(size)
        self.format  # noqa: B018 - detecting the format tells the fixed fields
        restart(self.stats)
        self._dense_left = 0
        block: list[tuple[int, bytes | None]] = []
        with closing(self._file.blocks(BLOCK_BYTES, span=part)) as blocks:
            try:
                for read in blocks:  # lines split from large reads in C: no Python step per line
                    block += read
                    while len(block) >= size:
                        full, block = block[:size], block[size:]
                        yield from self._candidate_batch(full)
            except Exception:  # re-raised once what was read before the failure is swept
                if block:  # lines read before a read failure (a damaged gzip), not yet swept
                    yield from self._candidate_batch(block)
                raise
            if block:
                yield from self._candidate_batch(block)

    def _candidate_batch(self, block: list[tuple[int, bytes | None]]) -> Iterator[Batch]:
        """The batch of one block: one batch, or the records before a failing line and then the failure.

        Access-log and plain lines go straight into columns (no dict per line); JSON lines are records.
        """
        if self._dense_left > 0:
            # The last probed block had a candidate in nearly every line: filtering saves nothing, so the
            # next blocks are read whole (as batches() reads them: the same records, rows and findings).
            self._dense_left -= 1
            whole = self._whole_block(block)
            if whole is not None:
                yield whole
                return
            hits: set[int] | range = range(len(block))
            clean = True  # not used: no line is left out
        else:
            hits = candidate_lines([raw for _, raw in block])
            if len(hits) >= DENSE * len(block):
                self._dense_left = DENSE_SKIP
            if len(hits) == len(block):  # no line to leave out: the block is read whole, as above
                whole = self._whole_block(block)
                if whole is not None:
                    yield whole
                    return
            # One decode of the whole block proves that no line of it has a bad byte (the usual case).
            clean = _decodes(block)
        keys: list[str] = []
        rows = _Rows(self._format)
        left_out = 0

        def batch() -> Batch:
            self.stats.records += left_out + len(keys)
            out = Batch(keys=keys, columns=rows.columns()) if keys else Batch(keys=[], columns={})
            self._fields.update(dict.fromkeys(out.columns))
            out.left_out = left_out
            return out

        known = self._fields.keys()  # a live view: it grows with self._fields
        try:
            for i, (number, raw) in enumerate(block):
                if i not in hits and raw is not None:
                    fields = self._fields_if_intact(raw, clean)
                    if fields is not None:
                        if fields:
                            left_out += 1
                            if not fields.keys() <= known:
                                self._fields.update(fields)
                        continue  # a blank line (no fields) is no record, as in batches()
                if rows.add(self, number, raw):
                    keys.append(str(number))
        except Exception:  # as in_batches: what was read before the failure is still swept
            yield batch()
            raise
        yield batch()

    def _whole_block(self, block: list[tuple[int, bytes | None]]) -> Batch | None:
        """A block read whole when every line is an intact record: one decode, one split, the per-line work
        done by map() (message_of, the access-log pattern, JSON's own scanner). None when a line needs the
        line-by-line read (a bad byte, a blank, broken or overlong line, text after the access-log format, a
        JSON line that is not one bare object), which then reads the block as usual; nothing is counted here
        before that is known. tests/sources/test_logs_blocks.py holds it equal to that read."""
        raws = [raw for _, raw in block]
        if None in raws:
            return None
        try:
            text = b"".join(raws).decode("utf-8")  # type: ignore[arg-type]  # no None: returned above
        except UnicodeDecodeError:
            return None
        lines = text.split("\n")
        if lines[-1] == "":
            lines.pop()  # after the last line's newline
        if len(lines) != len(block):
            return None
        if "\r" in text:
            lines = [line.rstrip("\r") for line in lines]  # as decode() strips each line's \r\n
        if not all(map(str.strip, lines)):
            return None  # a blank line is no record
        if self._format == JSONL:
            return self._whole_json_block(block, lines)
        if self._format == PLAIN:
            columns: dict[str, list[Any]] = {"message": list(map(message_of, lines))}
        else:
            with _collector_paused():  # a tuple per line, as for JSON objects
                groups = _access_groups(text, lines)
                if groups is None or any(map(_REST, groups)):
                    return None
                by_col = zip(*groups, strict=True)
                columns = {f: _dash_none(col) for f, col in zip(ACCESS_FIELDS, by_col, strict=False)}  # not rest
                del groups, by_col  # freed while the collector is off (see _collector_paused)
        self.stats.records += len(block)
        self._fields.update(dict.fromkeys(columns))
        return Batch(keys=[str(number) for number, _ in block], columns=columns)

    def _whole_json_block(self, block: list[tuple[int, bytes | None]], lines: list[str]) -> Batch | None:
        """_whole_block for JSON lines: each line one object from its first byte to its last, read by JSON's
        C scanner through map() (parse_json_object's own call, without its Python frame), then flattened.
        Any other line (blank, broken, space around the object, too deep for the decoder) makes it None
        before anything is flattened or counted: the line-by-line read then reads the block."""
        if not all(map(str.startswith, lines, _OPEN_BRACE)):
            return None
        with _collector_paused():
            try:
                scanned = list(map(_JSON_SCAN, lines, _ZERO))
            except (ValueError, StopIteration, RecursionError):
                return None
            if list(map(_END, scanned)) != list(map(len, lines)):
                return None  # text after the object on some line
            objects = list(map(_OBJECT, scanned))
            del scanned
            columns = flatten_columns(objects)  # lines of one shape: flattened column by column
            if columns is None:
                records = list(map(flatten_json, objects))
                order = dict.fromkeys(chain.from_iterable(records))  # the fields in first-seen order
                columns = {f: list(map(dict.get, records, repeat(f))) for f in order}
                del records
            del objects  # freed while the collector is off (see _collector_paused)
        self.stats.records += len(block)
        self._fields.update(dict.fromkeys(columns))
        return Batch(keys=[str(number) for number, _ in block], columns=columns)

    def _fields_if_intact(self, raw: bytes, clean: bool) -> dict[str, None] | None:
        """The fields of a line that parses in its file's format ({} for a blank line); None when the
        line must be read as a record after all (a bad byte to count, a broken or overlong line)."""
        if not clean and not raw.isascii():
            try:
                raw.decode("utf-8")
            except UnicodeDecodeError:
                return None
        text = raw.rstrip(b"\r\n").decode("utf-8")
        if not text.strip():
            return {}
        if self._format == PLAIN:
            return _MESSAGE
        if self._format == JSONL:
            record = parse_json_object(text)
            return dict.fromkeys(record) if record is not None else None
        m = _ACCESS.match(text)
        if m is None or m.group("rest").strip():
            return None
        return _ACCESS_PRESENT

    def _records(self, lines: Iterator[tuple[int, bytes | None]]) -> Iterator[tuple[str, dict[str, Any]]]:
        for number, raw in lines:
            record = self._record(number, raw, self.stats)
            if record is not None:
                yield str(number), record

    def _batch(self, keys: list[str], records: list[dict[str, Any]]) -> Batch:
        # Columns for the fields these records have, not every field seen so far:
        # a JSON log with many distinct paths would otherwise fill batches with None.
        present: dict[str, Any] = {}
        for record in records:
            present.update(record)  # the fields in first-seen order (the values are not used)
        self._fields.update(dict.fromkeys(present))
        self.stats.records += len(keys)
        return Batch(keys=keys, columns={f: [record.get(f) for record in records] for f in present})

    def _record(self, number: int | None, raw: bytes | None, stats: ReadStats) -> dict[str, Any] | None:
        """The record of one line, or None for a blank or skipped one (counted in ``stats``)."""
        where = f"line {number}" if number is not None else "a sampled line"
        if raw is None:
            stats.skip(LINE_TOO_LONG)
            stats.note(f"{where}: longer than {MAX_LINE_BYTES} bytes, skipped")
            return None
        text = decode(raw, stats)
        if not text.strip():
            return None
        if self._format == PLAIN:
            return {"message": message_of(text)}
        if self._format == JSONL:
            record = parse_json_object(text)
            if record is None:
                _broken_json(stats, where)
                return {UNPARSED: text.strip()}
            return record
        m = _ACCESS.match(text)
        if m is None:
            _broken_access(stats, where)
            return {UNPARSED: text.strip()}
        record = m.groupdict()  # the named groups, in ACCESS_FIELDS order, then rest
        rest = record.pop("rest").strip()
        if rest:
            stats.skip(TEXT_NOT_READ)
            record[UNPARSED] = rest
        for f, value in record.items():
            if value == "-":
                record[f] = None
        return record


class _Rows:
    """The records of one candidate block, as _record would give them, collected the cheapest way per format.

    Plain text: the message column. Access log: one tuple of the groups per line, turned into columns in
    one transpose, ``-`` made None column by column. JSON lines: the records (their fields vary). The
    columns are those the records hold, in the order they first appear, as LogFile._batch gives them.
    """

    def __init__(self, fmt: str | None):
        self.fmt = fmt
        self.values: list[Any] = []
        self.order: dict[str, None] = {}  # fields in first-seen order (access log and JSON lines)

    def add(self, log: LogFile, number: int, raw: bytes | None) -> bool:
        """Read one line into the rows; False when it is no record (blank, too long: counted in stats)."""
        if self.fmt == PLAIN and raw is not None:
            text = decode(raw, log.stats)
            if not text.strip():
                return False
            self.values.append(message_of(text))
            return True
        if self.fmt == ACCESS and raw is not None:
            text = decode(raw, log.stats)
            if not text.strip():
                return False
            m = _ACCESS.match(text)
            if m is None:
                _broken_access(log.stats, f"line {number}")
                self.values.append((*_NO_ACCESS, text.strip()))
                self.order.setdefault(UNPARSED)
                return True
            groups = m.groups()
            rest = groups[-1].strip()
            if rest:
                log.stats.skip(TEXT_NOT_READ)
                self.values.append((*groups[:-1], None if rest == "-" else rest))
                if UNPARSED not in self.order:
                    self.order.update(_ACCESS_PRESENT)
                    self.order.setdefault(UNPARSED)
            else:
                self.values.append((*groups[:-1], None))
            if len(self.order) < len(ACCESS_FIELDS):
                self.order.update(_ACCESS_PRESENT)
            return True
        if self.fmt == JSONL and raw is not None:  # _record's JSON branch, inline: one line costs little else
            text = decode(raw, log.stats)
            if not text.strip():
                return False
            record = parse_json_object(text)
            if record is None:
                _broken_json(log.stats, f"line {number}")
                record = {UNPARSED: text.strip()}
            self.values.append(record)
            if not record.keys() <= self.order.keys():
                self.order.update(dict.fromkeys(record))
                log._fields.update(self.order)  # in line order with the fields of lines left out
            return True
        record = log._record(number, raw, log.stats)
        if record is None:
            return False
        if self.fmt == PLAIN:
            self.values.append(record["message"])
        elif self.fmt == ACCESS:  # pragma: no cover - an access line always parses above or is broken
            raise AssertionError("unreachable")
        else:
            self.values.append(record)
            if not record.keys() <= self.order.keys():
                self.order.update(dict.fromkeys(record))
                log._fields.update(self.order)  # in line order with the fields of lines left out
        return True

    def columns(self) -> dict[str, list[Any]]:
        if not self.values:
            return {}
        if self.fmt == PLAIN:
            return {"message": self.values}
        if self.fmt == ACCESS:
            by_field = dict(zip((*ACCESS_FIELDS, UNPARSED), zip(*self.values, strict=True), strict=True))
            return {f: _dash_none(by_field[f]) if f != UNPARSED else list(by_field[f]) for f in self.order}
        records = self.values
        return {f: [record.get(f) for record in records] for f in self.order}


def _access_groups(text: str, lines: list[str]) -> list[tuple[str | None, ...]] | None:
    """``_ACCESS.match(line).groups()`` for each of ``lines``, or None when a line does not match. ``text``
    is the lines joined, each with its newline. When every line is in the combined format (the usual
    access log), one findall of _COMBINED over the whole text gives them, with no match object per line:
    its match of a line is _ACCESS's (see _COMBINED); any other block is matched line by line."""
    if "\r" not in text and _COMBINED.match(text):  # the lines lost their \r; a common-format log: no findall
        rows = _COMBINED.findall(text)
        if len(rows) == len(lines):  # each match lies within one line and starts it: every line matched
            return rows
    matches = list(map(_ACCESS.match, lines))
    if None in matches:
        return None
    return list(map(_GROUPS, matches))  # type: ignore[arg-type]  # no None: returned above


def _dash_none(col: tuple[Any, ...]) -> list[Any]:
    """An access-log column: nginx writes ``-`` for a value it does not have."""
    return [None if v == "-" else v for v in col] if "-" in col else list(col)


def _broken_json(stats: ReadStats, where: str) -> None:
    stats.skip(BROKEN_LINE)
    stats.note(f"{where}: not a JSON object, kept as field {UNPARSED}")


def _broken_access(stats: ReadStats, where: str) -> None:
    stats.skip(BROKEN_LINE)
    stats.note(f"{where}: not in the access-log format, kept as field {UNPARSED}")


assert _ACCESS.groups == len(ACCESS_FIELDS) + 1, "_Rows reads the access-log groups by position"
_GROUPS = re.Match.groups
_JSON_SCAN = json.decoder.JSONDecoder().scan_once  # type: ignore[attr-defined]  # CPython's scanner, not in typeshed
_OPEN_BRACE = repeat("{")
_ZERO = repeat(0)
_END = operator.itemgetter(1)
_OBJECT = operator.itemgetter(0)
_REST = operator.itemgetter(-1)
_NO_ACCESS = (None,) * len(ACCESS_FIELDS)
_MESSAGE: dict[str, None] = {"message": None}
_ACCESS_PRESENT: dict[str, None] = dict.fromkeys(ACCESS_FIELDS)


@contextmanager
def _collector_paused() -> Iterator[None]:
    """The cyclic garbage collector off while a block's JSON objects (or access-log tuples) are built: tens of
    thousands of containers alive at once (none in a cycle: decoded JSON cannot hold one) made it run over and
    over, which cost more CPU than the whole-block read saved (measured: the sweep 10-20 % slower with it on).
    Those containers are to be freed before the block leaves it: the first collection after it traverses
    every container made inside that is still alive (measured: the access-log sweep 1.11 -> 0.99 s CPU)."""
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()


def _decodes(block: list[tuple[int, bytes | None]]) -> bool:
    try:
        b"".join(raw for _, raw in block if raw is not None).decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


class LogsSource(Source):
    """Log files matched by a glob (contract.md §1, kind ``logs``)."""

    kind = "logs"
    config_model = PathSourceConfig

    def datasets(self) -> Iterator[Dataset]:
        # Matched now, not lazily, so that a path matching nothing fails at datasets().
        matched = match_files(self.config, self.settings)  # type: ignore[arg-type]  # config_model above: a PathSourceConfig
        return iter([LogFile(TextFile(path, name, self.name)) for name, path in matched])
