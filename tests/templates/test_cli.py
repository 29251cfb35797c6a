"""`pdd templates LOG [--json] [--lines FILE]`: output shape, one JSON line per log line, errors exit 2."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from pipeline.cli import app


@pytest.fixture
def log(tmp_path: Path) -> Path:
    lines = []
    for i in range(40):
        lines.append(f"2026-11-23 12:00:{i % 60:02d},120 INFO password reset requested for user{i}@example.org")
        lines.append(f"2026-11-23 12:00:{i % 60:02d},121 INFO synced {i * 3} orders for merchant SJM{i:04d}")
    lines.insert(5, "")  # a blank line is no record
    path = tmp_path / "app.log"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_json_lists_templates_with_slot_types(log: Path) -> None:
    res = CliRunner().invoke(app, ["templates", str(log), "--json"])
    assert res.exit_code == 0, res.output
    out = json.loads(res.output)
    assert out["log"] == "app.log" and out["field"] == "message" and out["lines"] == 80 and out["forgotten"] == 0
    by_text = {t["template"]: t for t in out["templates"]}
    assert set(by_text) == {"password reset requested for <*>", "synced <*> orders for merchant <*>"}
    reset = by_text["password reset requested for <*>"]
    assert reset["count"] == 40 and reset["slots"] == [{"index": 1, "entities": ["EMAIL_ADDRESS"]}]
    assert all(not s["entities"] for s in by_text["synced <*> orders for merchant <*>"]["slots"])
    assert "@example.org" not in res.output


def test_lines_file_has_one_json_line_per_log_line(log: Path, tmp_path: Path) -> None:
    target = tmp_path / "lines.jsonl"
    res = CliRunner().invoke(app, ["templates", str(log), "--json", "--lines", str(target)])
    assert res.exit_code == 0, res.output
    ids = {t["template"]: t["id"] for t in json.loads(res.output)["templates"]}
    rows = [json.loads(x) for x in target.read_text().splitlines()]
    assert [r["line"] for r in rows] == [n for n in range(1, 82) if n != 6]  # 1-based; line 6 is blank
    raw = log.read_text().splitlines()
    for r in rows:
        want = "password reset requested for <*>" if "password" in raw[r["line"] - 1] else \
            "synced <*> orders for merchant <*>"
        assert r["template"] == ids[want]


def test_text_output_and_gzip(log: Path, tmp_path: Path) -> None:
    gz = tmp_path / "app.log.1.gz"
    gz.write_bytes(gzip.compress(log.read_bytes()))
    res = CliRunner().invoke(app, ["templates", str(gz)])
    assert res.exit_code == 0, res.output
    assert "80 lines of field message, 2 templates, 1 with personal data" in res.output
    assert "password reset requested for <*>   [slot 1: EMAIL_ADDRESS]" in res.output


def test_json_message_log(tmp_path: Path) -> None:
    path = tmp_path / "svc.jsonl"
    path.write_text("".join(json.dumps({"ts": i, "level": "info", "msg": f"login failed for user{i}@example.org "
                                        f"from 10.1.2.{i}"}) + "\n" for i in range(30)))
    res = CliRunner().invoke(app, ["templates", str(path), "--json"])
    assert res.exit_code == 0, res.output
    out = json.loads(res.output)
    assert out["field"] == "msg"
    [t] = out["templates"]
    assert t["template"] == "login failed for <*> from <*>"
    assert t["slots"] == [{"index": 1, "entities": ["EMAIL_ADDRESS"]}, {"index": 2, "entities": ["IP_ADDRESS"]}]


@pytest.mark.parametrize(("content", "says"), [
    ('1.2.3.4 - - [23/Nov/2026:12:00:00 +0000] "GET / HTTP/1.1" 200 5 "-" "curl"\n' * 5, "access log has no message"),
    ('{"a": 1, "b": 2}\n' * 5, "no JSON field holds messages"),
])
def test_no_message_to_mine_exits_2(tmp_path: Path, content: str, says: str) -> None:
    path = tmp_path / "x.log"
    path.write_text(content)
    res = CliRunner().invoke(app, ["templates", str(path)])
    assert res.exit_code == 2 and says in res.output and "x.log" in res.output


def test_missing_file_exits_2_naming_it(tmp_path: Path) -> None:
    res = CliRunner().invoke(app, ["templates", str(tmp_path / "nope.log")])
    assert res.exit_code == 2 and "nope.log" in res.output
