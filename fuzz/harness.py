"""What every reader promises, as functions of raw bytes: the atheris targets (fuzz/targets.py) and the
Hypothesis property tests (tests/fuzz) call these.

A reader may refuse its input only with its own error type (SourceError, which names the file and never
quotes the data); anything else escaping is a bug, whatever the bytes. The JSON document walker and the
JSON-lines flattener raise nothing at all.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from classifiers.jsondoc import leaves, parse_document
from pipeline.sources.base import Dataset, SourceError
from pipeline.sources.files import CsvFile, ParquetTable
from pipeline.sources.logs import LogFile
from pipeline.sources.textfile import TextFile, flatten_json, parse_json_object

_TMP = Path(os.environ.get("PDD_FUZZ_TMP") or ("/dev/shm" if os.path.isdir("/dev/shm") else tempfile.gettempdir()))


def _file(data: bytes, suffix: str) -> TextFile:
    fd, name = tempfile.mkstemp(suffix=suffix, dir=_TMP, prefix="pdd-fuzz-")
    with os.fdopen(fd, "wb") as f:
        f.write(data)
    return TextFile(Path(name), Path(name).name, "fuzz")


def _exercise(ds: Dataset) -> int:
    """Everything a scan asks of a dataset; returns the records read. Only SourceError may escape."""
    try:
        try:
            ds.sample(20)
        except SourceError:
            pass  # the sweep still runs, as in a scan
        rows = 0
        for batch in ds.batches(100):
            rows += len(batch)
            assert all(len(col) == len(batch.keys) for col in batch.columns.values())
        ds.fields()
        return rows
    finally:
        ds.close()


def _read(data: bytes, suffix: str, make: type | None = None, **kw: object) -> int:
    file = _file(data, suffix)
    try:
        return _exercise(make(file, **kw) if make else LogFile(file))
    except SourceError:
        return -1
    finally:
        file.path.unlink(missing_ok=True)


def read_log(data: bytes) -> int:
    """A log file of any format (detected), gzipped or not."""
    return _read(data, ".log")


def read_jsonl(data: bytes) -> int:
    """A JSON-lines file (format forced, as the files kind does for .jsonl)."""
    return _read(data, ".jsonl", LogFile, fmt="jsonl")


def read_csv(data: bytes) -> int:
    return _read(data, ".csv", CsvFile, tab=False)


def read_parquet(data: bytes) -> int:
    return _read(data, ".parquet", ParquetTable)


def walk_json(data: bytes) -> None:
    """The JSON document walker (values of SQL columns and log fields) and the JSON-lines flattener."""
    text = data.decode("utf-8", "replace")
    doc = parse_document(text)
    if doc is not None:
        for path, _value in leaves(doc):
            assert isinstance(path, str)
        for _ in leaves(doc, positions=False):
            pass
        if isinstance(doc, dict):
            flatten_json(doc)
    parse_json_object(text)


TARGETS = {"log": read_log, "jsonl": read_jsonl, "csv": read_csv, "parquet": read_parquet, "json_walker": walk_json}
