"""Which text of a log's records is the message a statement wrote, and reading it.

Plain-text logs have one field, ``message``. In JSON lines the message is chosen by its values, not its
key's name: the string field whose values hold the most words (at least MIN_WORDS on average, in at least
half of the records), since that is the text a logging statement formatted. Access logs have no message:
their fields are the format's own.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from typing import Any

from pipeline.sources.base import Dataset
from pipeline.sources.logs import JSONL, PLAIN, LogFile

MIN_WORDS = 3.0


def message_field(records: Iterable[Mapping[str, Any]]) -> str | None:
    """The field holding the message in these records (one plain or JSON log), or None."""
    words: dict[str, int] = {}
    present: dict[str, int] = {}
    n = 0
    for record in records:
        n += 1
        for f, v in record.items():
            if isinstance(v, str):
                present[f] = present.get(f, 0) + 1
                words[f] = words.get(f, 0) + len(v.split())
    best = [(words[f] / present[f], f) for f in present if present[f] * 2 >= n and words[f] / present[f] >= MIN_WORDS]
    return max(best)[1] if best else None


def minable(dataset: Dataset) -> bool:
    """Whether templates are mined for this dataset: a plain-text or JSON-lines log."""
    return isinstance(dataset, LogFile) and dataset.format in (PLAIN, JSONL)


def sampled_messages(log: LogFile) -> tuple[str | None, list[str]]:
    """The message field and its texts over the lines the sample reads (LogFile.sample_records)."""
    records = list(log.sample_records())
    name = "message" if log.format == PLAIN else message_field(records)
    if name is None:
        return None, []
    return name, [v for r in records if isinstance(v := r.get(name), str)]


def all_messages(log: LogFile, name: str, batch: int = 5_000) -> Iterator[tuple[int, str | None]]:
    """(line number, message or None) for every record of the log, in line order."""
    for b in log.batches(batch):
        column = b.columns.get(name) or [None] * len(b.keys)
        for key, value in zip(b.keys, column, strict=True):
            yield int(key), value if isinstance(value, str) else None
