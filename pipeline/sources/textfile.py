"""Reading local files, shared by the path-based source kinds (logs, files).

What those kinds have in common: matching the configured glob and naming one
dataset per file (contract.md §2); opening a file whether or not it is
gzipped; reading physical lines with a length limit, so that one runaway line
cannot exhaust memory; decoding that never drops a line (a card number in a
line with one bad byte must still be found); flattening JSON objects to dotted
paths; and keeping a sample spread evenly over a stream of unknown length.
"""

from __future__ import annotations

import glob
import gzip
import io
import json
import operator
import os
import re
import zlib
from collections import Counter
from collections.abc import Callable, Generator, Iterator
from contextlib import closing, contextmanager
from fnmatch import fnmatchcase
from pathlib import Path
from typing import Any, BinaryIO, TypeVar

from classifiers.jsondoc import MAX_DEPTH, TOO_DEEP, limits_hit
from pipeline.config.model import Config, PathSourceConfig
from pipeline.sources.base import BYTES, Batch, Part, ReadStats, Size, SourceError

R = TypeVar("R")

try:  # ISA-L's gzip (the ``fast`` extra) decompresses about 3x faster than zlib; same format, same errors
    from isal import igzip as _gzip
    from isal.isal_zlib import error as _IsalError
except ImportError:  # pragma: no cover - the fast extra is not installed
    _gzip = gzip  # type: ignore[misc]  # the stdlib module in isal.igzip's place: the same API
    _IsalError = zlib.error  # type: ignore[assignment]  # zlib's error in isal's place

MAX_LINE_BYTES = 1 << 20
"""Longer lines are counted and skipped, never loaded whole."""
SAMPLE_BYTES = 4 << 20
"""What sample() reads at most: a smaller file whole, a larger one in windows
spread over it, a gzipped one from its head (it cannot seek cheaply)."""
SAMPLE_WINDOWS = 16
BLOCK_BYTES = 1 << 20
"""What lines() reads at once: large reads split into lines in C, not one readline per line."""

# ReadStats.skip reasons, one wording for every kind that reads lines.
INVALID_UTF8 = "invalid UTF-8 (decoded with replacement)"
BROKEN_LINE = "broken line"
LINE_TOO_LONG = "line too long"

GZIP_DAMAGED = "not a readable gzip file (truncated or corrupt); lines before the damage were read"

_GZIP_MAGIC = b"\x1f\x8b"
_BOM = b"\xef\xbb\xbf"
_GLOB_MAGIC = re.compile(r"[*?[]")
_DRAIN_CHUNK = 1 << 16


def match_files(config: PathSourceConfig, settings: Config) -> list[tuple[str, Path]]:
    """``(dataset name, path)`` of every file the source's glob matches, sorted.

    A dataset is named by the file's base name; files that share a base name
    are named by their path relative to the glob's fixed leading folder, so
    each name stays unique and still reads like the file. An exclude glob is
    matched against the base name and that relative path; one with a folder in
    it also against the full path, resolved like ``path``.
    """
    pattern = str(settings.resolve(config.path))
    root = _fixed_root(pattern)
    paths = _once_each(p for p in glob.glob(pattern, recursive=True) if os.path.isfile(p))
    if not paths:
        raise SourceError(
            f"path {pattern} matches no file; check the path "
            "(relative paths are resolved against the config file's folder)",
            source=config.name,
        )

    def excluded(path: str) -> bool:
        rel = _relative(path, root)
        return any(
            fnmatchcase(os.path.basename(path), ex)
            or fnmatchcase(rel, ex)
            or ("/" in ex and fnmatchcase(path, str(settings.resolve(ex))))
            for ex in config.exclude
        )

    kept = [p for p in paths if not excluded(p)]
    if not kept:
        raise SourceError(
            f"path {pattern} matches {len(paths)} file(s) but exclude {config.exclude} removes them all; "
            "check the path and the exclude globs",
            source=config.name,
        )
    counts = Counter(os.path.basename(p) for p in kept)
    return [
        (os.path.basename(p) if counts[os.path.basename(p)] == 1 else _relative(p, root), Path(p)) for p in kept
    ]


def _once_each(paths: Iterator[str]) -> list[str]:
    """Each real file once, sorted: a file reached through several paths (a symlink loop under ``**``,
    a link beside its target) is named by its own path if the glob reached it, else by its shortest one,
    so its findings are not multiplied."""
    by_real: dict[str, str] = {}
    real = {p: os.path.realpath(p) for p in paths}
    for p in sorted(real, key=lambda p: (real[p] != os.path.abspath(p), p.count(os.sep), p)):
        by_real.setdefault(real[p], p)
    return sorted(by_real.values())


def _fixed_root(pattern: str) -> str:
    """The folder a glob starts from: its leading parts that hold no wildcard."""
    parts = Path(pattern).parts
    fixed = list(_leading(parts))
    if len(fixed) == len(parts):  # no wildcard at all: a single file
        fixed = fixed[:-1]
    return str(Path(*fixed)) if fixed else "."


def _leading(parts: tuple[str, ...]) -> Iterator[str]:
    for part in parts:
        if _GLOB_MAGIC.search(part):
            return
        yield part


def _relative(path: str, root: str) -> str:
    return Path(os.path.relpath(path, root)).as_posix()


class TextFile:
    """One matched file, read as raw lines; read errors come out as SourceError naming it."""

    def __init__(self, path: Path, name: str, source: str):
        self.path = path
        self.name = name
        self.source = source
        self.gzipped = False  # known once opened: by magic bytes, not by extension

    def error(self, message: str) -> SourceError:
        return SourceError(message, source=self.source, dataset=self.name)

    def size(self) -> Size | None:
        """Bytes on disk (a gzipped file's compressed bytes, which its sweep reads); None when unreadable."""
        try:
            return Size(self.path.stat().st_size, "bytes")
        except OSError:  # the read reports it, naming the file
            return None

    def lines(self, max_len: int | None = None,
              span: Part | None = None) -> Generator[tuple[int, bytes | None], None, None]:
        """``(1-based physical line number, raw line with its terminator)``.

        The line is None when it is longer than ``max_len`` bytes; it is then
        skipped in small chunks rather than read whole. A BOM opening the file
        is dropped. ``span`` (a byte range from :meth:`byte_ranges`): only the
        lines that start in it. The same lines as :meth:`lines_by_readline`, read
        :meth:`blocks` at a time.
        """
        for block in self.blocks(BLOCK_BYTES, max_len, span):
            yield from block

    def blocks(self, size: int, max_len: int | None = None,
               span: Part | None = None) -> Generator[list[tuple[int, bytes | None]], None, None]:
        """:meth:`lines`, in lists of the lines of about ``size`` bytes read at once.

        The fast way through: the file is read in large chunks and each chunk split into lines in C, so
        a line costs no Python call of its own. tests/sources/test_textfile.py holds it equal to the
        reference, :meth:`lines_by_readline`, overlong lines, spans, BOMs and damaged gzip included.
        """
        limit = max_len or MAX_LINE_BYTES
        with self._reading(), self._open() as f:
            number, start, hi = 0, 0, None  # the last line's number; the byte offset of the next one's start
            if span is not None:
                f.seek(span.lo)
                number, start, hi = (span.line or 1) - 1, span.lo, span.hi
            carry = b""  # the start of a line whose newline is not read yet
            skipping = False  # inside an overlong line (its None given): drop bytes up to its newline
            with closing(_chunks(f, self.gzipped, size)) as chunks:
                for chunk in chunks:
                    if skipping:
                        nl = chunk.find(b"\n")
                        if nl < 0:
                            start += len(chunk)
                            continue
                        start += nl + 1
                        chunk = chunk[nl + 1 :]
                        skipping = False
                    if hi is not None and start >= hi:
                        return
                    parts = (carry + chunk).split(b"\n") if carry else chunk.split(b"\n")
                    carry = parts.pop()  # after the last newline: the start of the next line, maybe b""
                    if hi is not None:
                        parts = _starting_before(parts, hi - start)
                    if parts:
                        out = _numbered(parts, number, limit)
                        number += len(parts)
                        start += sum(map(len, parts)) + len(parts)
                        if hi is not None and start >= hi:
                            yield out
                            return
                    else:
                        out = []
                    if len(carry) > limit:  # a line longer than the limit: given as None, the rest dropped
                        number += 1
                        out.append((number, None))
                        start += len(carry)
                        carry, skipping = b"", True
                    if out:
                        yield out
                if carry and (hi is None or start < hi):  # the last line, with no newline
                    yield [(number + 1, carry[len(_BOM) :] if number == 0 and carry.startswith(_BOM) else carry)]

    def lines_by_readline(self, max_len: int | None = None,
                          span: Part | None = None) -> Generator[tuple[int, bytes | None], None, None]:
        """The reference for :meth:`lines` (what it must equal): one ``readline`` per line."""
        limit = max_len or MAX_LINE_BYTES
        with self._reading(), self._open() as f:
            number, pos, hi = 0, 0, None
            if span is not None:
                f.seek(span.lo)
                number, pos, hi = (span.line or 1) - 1, span.lo, span.hi
            while (hi is None or pos < hi) and (raw := f.readline(limit + 1)):
                number += 1
                pos += len(raw)
                if len(raw) > limit and not raw.endswith(b"\n"):
                    pos += _drain_line(f)
                    yield number, None
                    continue
                if number == 1 and raw.startswith(_BOM):
                    raw = raw[len(_BOM) :]
                yield number, raw

    def byte_ranges(self, max_bytes: int) -> list[Part | None]:
        """Ranges of about ``max_bytes`` that start at line starts, each with its first line's number.

        One pass counting newlines (reading runs at GB/s; the sweep is what costs). A gzipped file
        cannot be entered in the middle: ``[None]``, the whole.
        """
        with self._reading(), self._open() as f:
            if self.gzipped:
                return [None]
            size = os.fstat(f.fileno()).st_size
            if size <= max_bytes:
                return [None]
            starts = [(0, 1)]  # (byte offset, line number) of each range's first line
            line, pos, target = 1, 0, max_bytes
            while chunk := f.read(1 << 20):
                i = 0  # newlines before i are counted in `line`
                while pos + len(chunk) > target:  # a range ends in this chunk: at the line holding `target`
                    cut = chunk.find(b"\n", max(target - pos - 1, i))
                    if cut < 0:
                        break  # that line goes on in the next chunk
                    line += chunk.count(b"\n", i, cut + 1)
                    i = cut + 1
                    if pos + i < size:
                        starts.append((pos + i, line))
                    target = pos + i + max_bytes
                line += chunk.count(b"\n", i)
                pos += len(chunk)
        bounds = [s for s, _ in starts[1:]] + [None]
        return [Part(BYTES, lo, hi, first) for (lo, first), hi in zip(starts, bounds, strict=True)]

    def spread(self, windows: int | None = None) -> Iterator[list[bytes]]:
        """Whole lines for sample(), window by window, reading at most SAMPLE_BYTES.

        A file no larger than that is one window, read whole; a gzipped file
        is one window, its head; a larger plain file is ``windows`` windows at
        evenly spaced offsets, each starting at the line after its offset.
        Too-long lines are left out.
        """
        budget = SAMPLE_BYTES
        count = windows or SAMPLE_WINDOWS
        with self._reading(), self._open() as f:
            size = os.fstat(f.fileno()).st_size if not self.gzipped else 0
            if self.gzipped or size <= budget or count <= 1:
                yield _take(f, budget)
                return
            step = size // count
            for i in range(count):
                f.seek(i * step)
                if i:
                    _drain_line(f)  # the window starts inside a line: begin at the next one
                yield _take(f, budget // count)

    def _open(self) -> BinaryIO:
        f = open(self.path, "rb")  # returned to the caller's with
        try:
            self.gzipped = f.read(2) == _GZIP_MAGIC
            f.seek(0)
            if self.gzipped:
                return _gzip.GzipFile(fileobj=f, mode="rb")  # type: ignore[return-value]  # isal's or the stdlib's GzipFile: a binary file either way
            return f
        except BaseException:
            f.close()
            raise

    @contextmanager
    def _reading(self) -> Iterator[None]:
        """Turn read errors into SourceError; their messages never quote the data."""
        try:
            yield
        except (EOFError, zlib.error, _IsalError) as exc:  # type: ignore[misc]  # _IsalError: isal's error or zlib's
            raise self.error(GZIP_DAMAGED) from exc
        except OSError as exc:  # gzip.BadGzipFile and CRC errors are OSErrors too
            if self.gzipped:
                raise self.error(GZIP_DAMAGED) from exc
            raise self.error(f"cannot be read ({exc.strerror or type(exc).__name__})") from exc


def _numbered(parts: list[bytes], number: int, limit: int) -> list[tuple[int, bytes | None]]:
    """``parts`` (lines without their newline) numbered from ``number + 1``, each with its newline back;
    None for one longer than ``limit``; the file's BOM dropped from line 1."""
    out: list[tuple[int, bytes | None]] = list(zip(range(number + 1, number + 1 + len(parts)),
                                                   [p + b"\n" for p in parts], strict=True))
    if max(map(len, parts)) > limit:  # rare: an overlong line among them
        out = [(n, raw if len(raw) <= limit + 1 else None) for n, raw in out]  # type: ignore[arg-type]  # no None yet
    if number == 0 and out[0][1] is not None and out[0][1].startswith(_BOM):
        out[0] = (1, out[0][1][len(_BOM) :])
    return out


def _starting_before(parts: list[bytes], cut: int) -> list[bytes]:
    """The lines of ``parts`` (split at newlines, from offset 0) that start before offset ``cut``."""
    if cut <= 0:
        return []
    end = 0
    for i, p in enumerate(parts):  # a byte range ends once per part: this loop runs on its last chunk only
        end += len(p) + 1
        if end >= cut:
            return parts[: i + 1]
    return parts


def _chunks(f: BinaryIO, gzipped: bool, size: int) -> Generator[bytes, None, None]:
    """The bytes of ``f`` from where it stands, in chunks of about ``size``.

    A gzip file is read as ``readline`` reads it (``read1`` of the buffer's size: the same calls into the
    decompressor), so that a damaged file hands over the same bytes before the damage. (Inflating it in a
    thread of its own was measured slower on 2 cores, in CPU and wall time: the thread's many short
    decompress calls each give up and take back the GIL, and the sweep's thread waits on them.)
    """
    if not gzipped:
        while chunk := f.read(size):
            yield chunk
        return
    read1 = f.read1  # type: ignore[attr-defined]  # a GzipFile (isal's or the stdlib's)
    pieces: list[bytes] = []
    held = 0
    try:
        while piece := read1(io.DEFAULT_BUFFER_SIZE):
            pieces.append(piece)
            held += len(piece)
            if held >= size:
                yield b"".join(pieces)
                pieces, held = [], 0
    except Exception:  # re-raised once the bytes before the damage are handed over
        if pieces:
            yield b"".join(pieces)
        raise
    if pieces:
        yield b"".join(pieces)


def _drain_line(f: BinaryIO) -> int:
    """Read past the rest of the current line without holding it; the bytes read."""
    n = 0
    while chunk := f.readline(_DRAIN_CHUNK):
        n += len(chunk)
        if chunk.endswith(b"\n"):
            break
    return n


def _take(f: BinaryIO, budget: int) -> list[bytes]:
    """Whole lines from ``f`` until about ``budget`` bytes were read."""
    at_start = f.tell() == 0
    out: list[bytes] = []
    used = 0
    while used < budget and (raw := f.readline(MAX_LINE_BYTES + 1)):
        used += len(raw)
        if len(raw) > MAX_LINE_BYTES and not raw.endswith(b"\n"):
            _drain_line(f)
            continue
        if at_start and not out and raw.startswith(_BOM):
            raw = raw[len(_BOM) :]
        out.append(raw)
    return out


def decode(raw: bytes, stats: ReadStats, *, keep_newline: bool = False) -> str:
    """The line as text. Bad bytes become U+FFFD and are counted; the line is kept."""
    if not keep_newline:
        raw = raw.rstrip(b"\r\n")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        stats.skip(INVALID_UTF8)
        return raw.decode("utf-8", "replace")


def compact_json(value: Any) -> str:
    return json.dumps(value, separators=(",", ":"), ensure_ascii=False, default=str)


def flatten_json(obj: dict[str, Any]) -> dict[str, Any]:
    """Nested objects become dotted paths; lists stay one field, as compact JSON text.

    An empty object holds no value and gives no field. When two paths
    coincide (``{"a.b": 1, "a": {"b": 2}}``) the later wins, as with a
    key given twice in one object. An object nested deeper than
    jsondoc.MAX_DEPTH is one field of compact JSON text at that depth (the
    limit is counted, see classifiers.jsondoc.limits_hit); the recursion is
    bounded by that depth, so deep documents cannot exhaust the stack.
    """
    out: dict[str, Any] = {}
    for key, value in obj.items():  # the top level inline: most log lines are one or two levels deep
        t = type(value)
        if t is str or t is int or value is None or t is float or t is bool:
            out[key] = value
        elif isinstance(value, dict):
            if value:
                if MAX_DEPTH > 1:
                    _flatten_into(out, f"{key}.", value, 2)
                else:
                    limits_hit()[TOO_DEEP] += 1
                    out[key] = compact_json(value)
        elif isinstance(value, list):
            out[key] = compact_json(value)
        else:
            out[key] = value
    return out


def _flatten_into(out: dict[str, Any], prefix: str, obj: dict[str, Any], depth: int) -> None:
    """flatten_json below the top level: ``obj`` is at ``depth`` (the top level is 1)."""
    for key, value in obj.items():
        path = prefix + key
        if isinstance(value, dict):
            if value and depth < MAX_DEPTH:
                _flatten_into(out, f"{path}.", value, depth + 1)
            elif value:
                limits_hit()[TOO_DEEP] += 1
                out[path] = compact_json(value)
        elif isinstance(value, list):
            out[path] = compact_json(value)
        else:
            out[path] = value


def flatten_columns(objs: list[dict[str, Any]]) -> dict[str, list[Any]] | None:
    """The columns flatten_json gives ``objs`` (``{path: [flatten_json(o).get(path) for o in objs]}``, the
    paths in first-seen order), built a whole column at a time by map() when every object has one shape:
    the same keys at every level (in any order: the first object then holds every path, and their order is
    its order), each key's values all scalars, all lists or all non-empty objects. None for any other block
    (keys that differ, mixed kinds, paths that coincide, the depth limit reached), which flatten_json then
    reads record by record. A log's lines are mostly written by one statement: flattening them one by one
    was the JSON sweep's largest cost. tests/sources/test_flatten.py holds it equal to flatten_json."""
    out: dict[str, list[Any]] = {}
    return out if objs and _columns_into(out, "", objs, 1) else None


def _columns_into(out: dict[str, list[Any]], prefix: str, objs: list[dict[str, Any]], depth: int) -> bool:
    """flatten_columns for the objects at ``depth`` (the top level is 1) under ``prefix``; False to give up."""
    if len(set(map(len, objs))) != 1:
        return False
    for key in objs[0]:
        try:  # objects of one size that all hold the first one's keys hold no other key
            col = list(map(operator.itemgetter(key), objs))
        except KeyError:
            return False
        kinds = set(map(type, col))
        path = prefix + key
        if kinds == {dict}:
            if depth >= MAX_DEPTH or not all(col) or not _columns_into(out, f"{path}.", col, depth + 1):
                return False  # the limit (counted by flatten_json), an empty object (no field), or below
        elif path in out or not (kinds <= _SCALARS or kinds == {list}):
            return False  # two paths coincide (the later wins in flatten_json), or mixed kinds
        else:
            out[path] = col if kinds <= _SCALARS else list(map(compact_json, col))
    return True


_SCALARS = {str, int, float, bool, type(None)}


def parse_json_object(text: str) -> dict[str, Any] | None:
    """The flattened record of one JSON-lines line, or None when it is not a JSON object.

    A line nested too deep for Python's recursive decoder (or encoder) is None
    too: the caller keeps it whole as text, so nothing in it goes unread.
    """
    if not text.lstrip().startswith("{"):  # cheap reject before the parser
        return None
    try:
        # json.loads(text), without its two Python frames per line: the same scanner, the same checks
        start = _JSON_SPACE(text, 0).end()
        obj, end = _JSON_SCAN(text, start)
        if _JSON_SPACE(text, end).end() != len(text):
            return None  # extra data after the object
        return flatten_json(obj) if type(obj) is dict else None
    except (ValueError, StopIteration):
        return None
    except RecursionError:
        limits_hit()[TOO_DEEP] += 1
        return None


_JSON_SCAN = json.decoder.JSONDecoder().scan_once  # type: ignore[attr-defined]  # CPython's scanner, not in typeshed
_JSON_SPACE = json.decoder.WHITESPACE.match  # type: ignore[attr-defined]  # the pattern json itself skips with


class Spread:
    """Up to ``n`` values kept evenly spaced over a stream of unknown length, in O(n) memory.

    Every ``stride``-th value is kept; when 2n are kept, every other one is
    dropped and the stride doubles, so the kept values stay evenly spaced.
    """

    def __init__(self, n: int):
        self.n = max(n, 0)
        self.values: list[Any] = []
        self.stride = 1
        self.seen = 0

    def add(self, value: Any) -> None:
        if self.n and self.seen % self.stride == 0:
            self.values.append(value)
            if len(self.values) >= 2 * self.n:
                self.values = self.values[::2]
                self.stride *= 2
        self.seen += 1

    def result(self) -> list[Any]:
        if len(self.values) <= self.n:
            return list(self.values)
        if self.n == 1:
            return [self.values[0]]
        last = len(self.values) - 1  # first and last kept: the sample reaches the stream's end
        return [self.values[round(i * last / (self.n - 1))] for i in range(self.n)]


def restart(stats: ReadStats) -> None:
    """Clear stats before a full read, so that they describe one pass and not the sum of several."""
    stats.records = 0
    stats.skipped.clear()
    stats.notes.clear()


def check_size(size: int) -> None:
    if size < 1:
        raise ValueError(f"batch size must be at least 1, not {size}")


def in_batches(records: Iterator[tuple[str, R]], size: int, make: Callable[[list[str], list[R]], Batch]
               ) -> Iterator[Batch]:
    """(key, record) pairs in batches of ``size``; when reading fails (a damaged gzip, or anything else),
    the records read before the failure are still yielded, then the error is raised: nothing found is lost."""
    keys: list[str] = []
    items: list[R] = []
    try:
        for key, item in records:
            keys.append(key)
            items.append(item)
            if len(keys) == size:
                yield make(keys, items)
                keys, items = [], []
    except Exception:  # re-raised once what was read is handed over
        if keys:
            yield make(keys, items)
        raise
    if keys:
        yield make(keys, items)
