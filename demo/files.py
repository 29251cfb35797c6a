"""Writing text files byte-identically, and naming the fields of JSON lines."""

from __future__ import annotations

import gzip
import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any


def write_lines(path: Path, lines: Iterable[str]) -> Path:
    """One ``\\n``-terminated line each, UTF-8; ``.gz`` files gzipped with no name and mtime 0.

    The gzip header would otherwise carry the file name and the current time,
    and the same seed would give different bytes on every run.
    """
    data = "".join(f"{line}\n" for line in lines).encode("utf-8")
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.suffix == ".gz":
        with path.open("wb") as raw, gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0) as gz:
            gz.write(data)
    else:
        path.write_bytes(data)
    return path


def json_line(record: dict[str, Any]) -> str:
    return json.dumps(record, ensure_ascii=False)


def json_paths(record: dict[str, Any], prefix: str = "") -> Iterator[str]:
    """Dotted paths of the leaves of a JSON object, as contract.md §2 names JSON-lines fields."""
    for key, value in record.items():
        if isinstance(value, dict):
            yield from json_paths(value, f"{prefix}{key}.")
        else:
            yield f"{prefix}{key}"


def jsonl_fields(where: str, records: Iterable[dict[str, Any]], types: dict[str, list[str]]) -> dict[str, list[str]]:
    """The fields map of a JSON-lines file: every path that occurs, typed from ``types``.

    A path missing from ``types`` raises KeyError on purpose: a new field must
    get its entity types in the ground truth the moment it is generated.
    """
    paths = sorted({p for r in records for p in json_paths(r)})
    return {f"{where}/{p}": types[p] for p in paths}
