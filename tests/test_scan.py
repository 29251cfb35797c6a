"""Issue 11, "nothing lost, nothing crashes": one dataset's failure never ends the scan or hides what was found.

Each test is named after the case it pins.
"""

from __future__ import annotations

import gzip
import json
import os
import sqlite3
from pathlib import Path

import pytest

from classifiers.jsondoc import MAX_DEPTH
from pipeline.config import Config, PathSourceConfig, SqlSourceConfig
from pipeline.engine.run import scan
from pipeline.rules.card import FullCardNumber
from pipeline.sources.logs import LogFile

CARD = "4111111111111111"


def _config(tmp_path: Path, *sources: object) -> Config:
    return Config(as_of="2026-11-24", base_dir=tmp_path, sources=list(sources))


def _logs(name: str, path: str) -> PathSourceConfig:
    return PathSourceConfig(name=name, kind="logs", path=path)


def _deep(levels: int) -> str:
    return '{"a":' * levels + "1" + "}" * levels


def test_deeply_nested_json_line_does_not_end_the_scan(tmp_path: Path) -> None:
    # The case: a JSON-lines log with one object nested 5,000 levels deep killed the scan with a
    # RecursionError from the JSON walker; every other source's findings were lost.
    (tmp_path / "app").mkdir()
    lines = [json.dumps({"user": "a", "msg": f"card {CARD}"}), _deep(5000), json.dumps({"user": "b"}),
             json.dumps({"doc": _deep(900)})]  # a document in a field, deep enough for the decoder
    (tmp_path / "app" / "app.jsonl").write_text("\n".join(lines) + "\n")
    (tmp_path / "other.log").write_text(f"2026-01-01 10:00:00 INFO paid with {CARD}\n")
    report = scan(_config(tmp_path, _logs("app", "app/*"), _logs("other", "other.log")))
    assert [(v.source, v.key) for v in report.violations] == [("app", "1"), ("other", "1")]
    assert all(s.status == "ok" for s in report.sources)
    assert any("nested deeper than" in n for n in report.notes), report.notes


def test_json_depth_limit_is_reported_and_deeper_text_still_swept(tmp_path: Path) -> None:
    doc: dict = {"card": CARD}
    for _ in range(MAX_DEPTH + 5):
        doc = {"x": doc}
    (tmp_path / "deep.jsonl").write_text(json.dumps({"payload": json.dumps(doc)}) + "\n" + json.dumps(doc) + "\n")
    report = scan(_config(tmp_path, _logs("app", "deep.jsonl")))
    assert [v.key for v in report.violations] == ["1", "2"]
    assert any(f"deeper than {MAX_DEPTH} levels" in n for n in report.notes)


def test_json_document_size_limit_is_reported(tmp_path: Path) -> None:
    big = json.dumps({"items": ["x" * 100] * 12_000, "card": CARD})  # > 1 MiB of characters
    db = tmp_path / "docs.db"
    with sqlite3.connect(db) as conn:
        conn.execute("CREATE TABLE docs (id INTEGER PRIMARY KEY, body TEXT)")
        conn.execute("INSERT INTO docs VALUES (1, ?)", (big,))
    report = scan(_config(tmp_path, SqlSourceConfig(name="db", kind="sql", url=f"sqlite:///{db}")))
    assert [v.key for v in report.violations] == ["1"]  # not parsed, but still read as text
    assert any("larger than" in n and "read as text" in n for n in report.notes), report.notes


def test_damaged_gzip_sample_fails_but_lines_before_the_damage_are_swept(tmp_path: Path) -> None:
    # The case: a gzip cut in its first megabytes; the sample failed, so the sweep never ran and a
    # card before the damage was not reported.
    lines = [f"2026-01-01 10:00:{i % 60:02d} INFO request {os.urandom(40).hex()}" for i in range(20_000)]
    lines[4] = f"2026-01-01 10:00:04 INFO paid with {CARD}"
    data = gzip.compress(("\n".join(lines) + "\n").encode())
    (tmp_path / "api.log.gz").write_bytes(data[: len(data) // 2])
    report = scan(_config(tmp_path, _logs("web", "api.log.gz")))
    assert [v.key for v in report.violations] == ["5"]
    src = report.sources[0]
    assert src.status == "error" and src.problems[0].dataset == "api.log.gz"
    assert "lines before the damage were read" in src.problems[0].error
    assert src.rows_scanned > 5


def _corrupt_sqlite(path: Path, rows: int = 3000) -> None:
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE payments (id INTEGER PRIMARY KEY, note TEXT)")
        conn.executemany("INSERT INTO payments VALUES (?, ?)",
                         [(i, f"card {CARD}" if i == 3 else f"order {i} " + "x" * 200) for i in range(1, rows + 1)])
    data = bytearray(path.read_bytes())
    page = 4096
    pages = len(data) // page
    for p in range(pages - pages // 3, pages):  # the table's last leaf pages: garbage
        data[p * page:(p + 1) * page] = b"\xa5" * page
    path.write_bytes(bytes(data))


def test_corrupt_sqlite_table_is_swept_up_to_the_damage(tmp_path: Path) -> None:
    db = tmp_path / "broken.db"
    _corrupt_sqlite(db)
    report = scan(_config(tmp_path, SqlSourceConfig(name="db", kind="sql", url=f"sqlite:///{db}")))
    assert [(v.dataset, v.key) for v in report.violations] == [("payments", "3")]
    src = report.sources[0]
    assert src.status == "error" and src.problems[0].dataset == "payments"
    assert 3 <= src.rows_scanned < 3000


def test_exception_in_a_rule_is_a_problem_entry_naming_the_keys_and_the_scan_goes_on(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "a.log").write_text("hello 1234567890123\n" * 10)  # digits: the rule reads these lines
    (tmp_path / "b.log").write_text(f"paid {CARD}\n")
    real = FullCardNumber.check

    def check(self: FullCardNumber, batch: object) -> list:
        if self.ctx.dataset == "a.log":
            raise TypeError(f"boom {CARD}")  # an exception message may hold a value: never shown
        return real(self, batch)

    monkeypatch.setattr(FullCardNumber, "check", check)
    report = scan(_config(tmp_path, _logs("logs", "*.log")))
    assert [(v.dataset, v.key) for v in report.violations] == [("b.log", "1")]
    problem = report.sources[0].problems[0]
    assert problem.dataset == "a.log"
    assert "rule full_card_number failed in the records with keys 1..10: internal error TypeError" in problem.error
    assert CARD not in report.model_dump_json()


def test_exception_while_reading_is_a_problem_entry_and_what_was_found_before_stays(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Digits in every line but the second: the block is read line by line (a block where every line holds a
    # candidate is read whole, without _record or _Rows.add: the next test)
    (tmp_path / "a.log").write_text(f"paid {CARD}\nok\n" + "ok 1234567890123\n" * 30)
    (tmp_path / "b.log").write_text(f"paid {CARD}\n")
    real = LogFile._record

    def record(self: LogFile, number: int | None, raw: bytes | None, stats: object) -> object:
        if self.name == "a.log" and number == 20:
            raise ValueError("unexpected")
        return real(self, number, raw, stats)

    monkeypatch.setattr(LogFile, "_record", record)
    # the candidates-only read builds a block's columns without _record (pipeline/sources/logs.py _Rows)
    from pipeline.sources import logs

    real_add = logs._Rows.add

    def add(self: object, log: LogFile, number: int, raw: bytes | None) -> bool:
        if log.name == "a.log" and number == 20:
            raise ValueError("unexpected")
        return real_add(self, log, number, raw)

    monkeypatch.setattr(logs._Rows, "add", add)
    report = scan(_config(tmp_path, _logs("logs", "*.log")))
    assert [(v.dataset, v.key) for v in report.violations] == [("a.log", "1"), ("b.log", "1")]
    problem = report.sources[0].problems[0]
    assert problem.dataset == "a.log" and "reading failed" in problem.error and "ValueError" in problem.error



def test_exception_in_a_block_read_whole_is_a_problem_entry(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The whole-block read (every line of a block holds a candidate) fails like the line read: a problem
    entry for that dataset, the other datasets swept."""
    (tmp_path / "a.log").write_text(f"paid {CARD}\n" + "ok 1234567890123\n" * 30)
    (tmp_path / "b.log").write_text(f"paid {CARD}\n")
    real = LogFile._whole_block

    def whole(self: LogFile, block: list) -> object:
        if self.name == "a.log":
            raise ValueError("unexpected")
        return real(self, block)

    monkeypatch.setattr(LogFile, "_whole_block", whole)
    report = scan(_config(tmp_path, _logs("logs", "*.log")))
    assert ("b.log", "1") in [(v.dataset, v.key) for v in report.violations]
    problem = report.sources[0].problems[0]
    assert problem.dataset == "a.log" and "reading failed" in problem.error and "ValueError" in problem.error
