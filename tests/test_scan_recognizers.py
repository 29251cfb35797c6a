"""A recognizers file end to end: a scan finds the company's own type by sampling, and the sweep's rules act on
a built-in type it teaches (a date-of-birth field pdd would not know by its name)."""

from __future__ import annotations

import json
import random
import sqlite3
from pathlib import Path

from stdnum import luhn
from typer.testing import CliRunner

from pipeline.cli import app

FILE = r"""
recognizers:
  - name: staff_number
    supported_entity: EMPLOYEE_NUMBER
    patterns: [{name: staff number, regex: '\bSJE-\d{6}\b', score: 0.5}]
    validator: luhn
    category: interactions
  - name: member_birth_date
    supported_entity: DATE_OF_BIRTH
    patterns: [{name: gd, regex: '\b(?:19|20)\d{2}-\d{2}-\d{2}\b', score: 0.85}]
"""


def _store(path: Path) -> None:
    rng = random.Random(3)
    with sqlite3.connect(path) as con:
        con.execute("CREATE TABLE members (id INTEGER PRIMARY KEY, gdat TEXT, agent TEXT, plan TEXT)")
        rows = []
        for i in range(1, 121):
            body = f"{rng.randrange(100_000):05d}"
            born = f"{rng.randrange(1950, 2000)}-{rng.randrange(1, 13):02d}-{rng.randrange(1, 29):02d}"
            rows.append((i, born, f"SJE-{body}{luhn.calc_check_digit(body)}", rng.choice(["free", "pro"])))
        rows[77] = (78, "2014-05-06", rows[77][2], "free")  # 12 years old on as_of
        con.executemany("INSERT INTO members VALUES (?, ?, ?, ?)", rows)


def _scan(tmp_path: Path, recognizers: bool) -> dict:
    _store(tmp_path / "m.db")
    (tmp_path / "ids.yaml").write_text(FILE)
    cfg = tmp_path / "pdd.yaml"
    cfg.write_text("as_of: 2026-11-24\nsources:\n  - {name: crm, kind: sql, url: 'sqlite:///m.db'}\n"
                   + ("classification: {recognizers: ids.yaml}\n" if recognizers else ""))
    res = CliRunner().invoke(app, ["scan", str(cfg), "--out", str(tmp_path / "out"), "--quiet", "--workers", "1"])
    assert res.exit_code in (0, 1), res.output[-3000:]
    return json.loads((tmp_path / "out" / "report.json").read_text())


def _types(report: dict) -> dict[str, list[str]]:
    return {f["field"]: [e["type"] for e in f["entities"]] for f in report["fields"]}


def test_with_the_file_its_types_are_found_and_the_under_16_rule_sweeps_the_field(tmp_path: Path) -> None:
    report = _scan(tmp_path, recognizers=True)
    types = _types(report)
    assert types["agent"] == ["EMPLOYEE_NUMBER"] and "DATE_OF_BIRTH" in types["gdat"] and types["plan"] == []
    agent = next(f for f in report["fields"] if f["field"] == "agent")
    assert agent["categories"] == ["interactions"] and agent["declared"] is True
    assert [(v["rule"], v["field"], v["key"]) for v in report["violations"]] == [("under_16", "gdat", "78")]


def test_without_it_neither_is(tmp_path: Path) -> None:
    report = _scan(tmp_path, recognizers=False)
    types = _types(report)
    assert "EMPLOYEE_NUMBER" not in types["agent"] and "DATE_OF_BIRTH" not in types["gdat"]
    assert report["violations"] == []
