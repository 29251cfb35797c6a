"""Decisions stick across real scans (`pdd scan` on SQLite): a rejected type stays out, a confirmed field whose
values gain a type comes back `changed`, an accepted violation leaves the exit status only until its expiry."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from typer.testing import CliRunner

from pipeline.cli import app

TEST_CARD = "4111" + "1111" * 3  # the well-known VISA test number, a sandbox's typical content


def _db(path: Path, ips: bool = False) -> None:
    path.unlink(missing_ok=True)
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE users (id INTEGER PRIMARY KEY, contact TEXT, login TEXT)")
    con.executemany("INSERT INTO users VALUES (?, ?, ?)",
                    [(i, f"10.1.{i}.7" if ips and i % 2 else f"user{i}@example.com", f"login{i}@example.org")
                     for i in range(60)])
    con.execute("CREATE TABLE sandbox_cards (id INTEGER PRIMARY KEY, pan TEXT)")
    con.execute("INSERT INTO sandbox_cards VALUES (1, ?)", (TEST_CARD,))
    con.commit()
    con.close()


def _scan(cfg: Path, out: Path, as_of: str) -> tuple[int, dict]:
    res = CliRunner().invoke(app, ["scan", str(cfg), "--out", str(out), "--as-of", as_of, "--quiet"])
    assert TEST_CARD not in res.output
    report = json.loads((out / "report.json").read_text())
    return res.exit_code, {f["field"]: f for f in report["fields"] if f["dataset"] == "users"} | {"_": report}


def test_decisions_stick_across_scans(tmp_path: Path) -> None:
    _db(tmp_path / "app.db")
    cfg = tmp_path / "pdd.yaml"
    cfg.write_text("sources:\n  - name: app_db\n    kind: sql\n    url: sqlite:///app.db\n")
    out = tmp_path / "out"

    code, first = _scan(cfg, out, "2026-11-24")
    assert code == 1 and first["contact"]["review"]["status"] == "suggested"
    assert "EMAIL_ADDRESS" in [e["type"] for e in first["login"]["entities"]]

    decisions = str(tmp_path / "pdd-review.yaml")
    for args in (["confirm", "app_db", "users", "contact", "--by", "alice", "--report", str(out)],
                 ["reject", "app_db", "users", "login", "EMAIL_ADDRESS", "--by", "alice",
                  "--why", "synthetic logins, no person behind them"],
                 ["accept", "full_card_number", "app_db", "sandbox_cards", "--by", "bob", "--why", "provider sandbox",
                  "--until", "2026-12-31"]):
        res = CliRunner().invoke(app, ["review", *args, "--decisions", decisions])
        assert res.exit_code == 0, res.output
    code, second = _scan(cfg, out, "2026-11-24")
    assert second["contact"]["review"]["status"] == "confirmed"
    assert "EMAIL_ADDRESS" not in [e["type"] for e in second["login"]["entities"]]
    assert second["login"]["review"]["rejected"][0]["type"] == "EMAIL_ADDRESS"
    assert second["_"]["violations"][0]["accepted"]["until"] == "2026-12-31"
    assert code == 0  # the only violation is accepted

    _db(tmp_path / "app.db", ips=True)  # the confirmed field's values gain a type
    code, third = _scan(cfg, out, "2027-01-01")  # and the acceptance has expired
    assert third["contact"]["review"]["status"] == "changed"
    assert "new type IP_ADDRESS" in third["contact"]["review"]["changes"]
    assert "EMAIL_ADDRESS" not in [e["type"] for e in third["login"]["entities"]]  # still rejected
    assert third["_"]["violations"][0]["accepted"] is None and code == 1


def test_a_broken_decisions_file_is_refused_before_scanning(tmp_path: Path) -> None:
    _db(tmp_path / "app.db")
    cfg = tmp_path / "pdd.yaml"
    cfg.write_text("sources:\n  - name: app_db\n    kind: sql\n    url: sqlite:///app.db\n"
                   "stewards:\n  decisions: decisions/review.yaml\n")
    (tmp_path / "decisions").mkdir()
    (tmp_path / "decisions" / "review.yaml").write_text("fields:\n  - source: app_db\n    dataset: users\n")
    res = CliRunner().invoke(app, ["scan", str(cfg), "--out", str(tmp_path / "out")])
    assert res.exit_code == 2
    assert "review.yaml line 2, fields[0].field: required key is missing" in res.output
    assert not (tmp_path / "out").exists()


def test_a_type_rejected_in_one_log_template_sticks_across_scans(tmp_path: Path) -> None:
    """Issue 24: `pdd review reject ... --template T --slot N` takes the type out of that template only."""
    (tmp_path / "logs").mkdir()
    lines = []
    for i in range(60):
        lines.append(f"2026-11-23 10:00:{i % 60:02d} INFO password reset requested for user{i}@example.in")
        lines.append(f"2026-11-23 10:00:{i % 60:02d} INFO digest mailed to ops{i}@example.in")
    (tmp_path / "logs" / "app.log").write_text("\n".join(lines) + "\n")
    cfg = tmp_path / "pdd.yaml"
    cfg.write_text("sources:\n  - name: web_logs\n    kind: logs\n    path: logs/*\n")
    out = tmp_path / "out"
    def message(report: dict) -> dict:
        return next(f for f in report["_"]["fields"] if (f["dataset"], f["field"]) == ("app.log", "message"))

    _, first = _scan(cfg, out, "2026-11-24")
    texts = [t["template"] for t in message(first)["templates"]]
    assert set(texts) == {"password reset requested for <*>", "digest mailed to <*>"}
    res = CliRunner().invoke(app, ["review", "reject", "web_logs", "app.log", "message", "EMAIL_ADDRESS", "--by",
                                   "carol", "--why", "team mailboxes", "--template", "digest mailed to <*>",
                                   "--slot", "1", "--decisions", str(tmp_path / "pdd-review.yaml")])
    assert res.exit_code == 0, res.output
    _, second = _scan(cfg, out, "2026-11-24")
    f = message(second)
    assert [t["template"] for t in f["templates"]] == ["password reset requested for <*>"]
    assert [e["type"] for e in f["entities"]] == ["EMAIL_ADDRESS"]  # the field keeps the type
    [r] = f["review"]["rejected"]
    assert (r["template"], r["slot"]) == ("digest mailed to <*>", 1)
    assert "rejected in template <code>digest mailed to &lt;*&gt;</code> slot 1" in (out / "report.html").read_text()
    res = CliRunner().invoke(app, ["review", "reject", "web_logs", "app.log", "message", "EMAIL_ADDRESS", "--by",
                                   "carol", "--why", "x", "--slot", "1",
                                   "--decisions", str(tmp_path / "pdd-review.yaml")])
    assert res.exit_code == 2 and "--template" in res.output
