"""The scan end to end on the bundled demo: every planted violation found, none false, nothing leaked,
and a broken source reported without losing the others."""

from __future__ import annotations

import json
import os
import re
import sqlite3
import subprocess
import sys
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from demo.generate import Manifest, generate
from demo.people import CHILD_EMAIL
from tests.helpers import leaks, leaks_in_tree

REPO = Path(__file__).resolve().parents[1]


def _pdd(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "COLUMNS": "120"}
    return subprocess.run([sys.executable, "-m", "pipeline.cli", *args], capture_output=True, text=True,
                          cwd=cwd or REPO, env=env, timeout=600)


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> tuple[Manifest, Path, subprocess.CompletedProcess[str]]:
    root = tmp_path_factory.mktemp("demo")
    manifest = generate(root / "data")
    out = root / "report"
    proc = _pdd("scan", str(manifest.config), "--out", str(out))
    return manifest, out, proc


def _key(v: dict) -> tuple:
    return (v["rule"], v["source"], v["dataset"], v["field"], v["key"])


def test_every_planted_violation_found_and_none_false(demo: tuple) -> None:
    manifest, out, proc = demo
    assert proc.returncode == 1, proc.stderr[-2000:]
    report = json.loads((out / "report.json").read_text())
    expected = json.loads(manifest.expected.read_text())
    got = [_key(v) for v in report["violations"]]
    assert len(got) == len(set(got)), "a violating record was reported twice"
    assert set(got) == {_key(v) for v in expected["violations"]}
    paths = {_key(v): v["path"] for v in report["violations"]}
    for v in expected["violations"]:
        if v.get("path"):
            assert paths[_key(v)] == v["path"]


def test_report_has_the_contract_shape(demo: tuple) -> None:
    _, out, _ = demo
    report = json.loads((out / "report.json").read_text())
    assert report["report_version"] == 1
    assert {"id", "as_of", "started_at", "finished_at", "tool_version"} <= set(report["run"])
    assert report["run"]["as_of"] == "2026-11-24"
    for s in report["sources"]:
        assert {"name", "kind", "status", "error", "datasets", "fields", "rows_scanned"} <= set(s)
        assert s["status"] == "ok" and s["error"] is None
    for f in report["fields"]:
        assert {"source", "dataset", "field", "entities", "categories", "declared", "values_sampled", "empty"} <= set(f)
        for e in f["entities"]:
            # issue 10 added name_only (the type rests on the column name alone)
            assert set(e) == {"type", "confidence", "evidence", "name_only"}
            assert 0 <= e["confidence"] <= 1 and e["evidence"]
    for v in report["violations"]:
        # Keys are only ever added (contract.md): the contract's keys must be there, others may follow.
        assert {"rule", "source", "dataset", "field", "key", "path", "evidence"} <= set(v)


def test_fields_with_violations_list_their_types(demo: tuple) -> None:
    manifest, out, _ = demo
    report = json.loads((out / "report.json").read_text())
    # Records found through the linkage name the field that ties them to the account, which holds no such type.
    linked = {_key(v) for v in json.loads(manifest.expected.read_text())["violations"]
              if v["rule"] == "retention_expired" or v["link"]}
    types = {(f["source"], f["dataset"], f["field"]): {e["type"] for e in f["entities"]} for f in report["fields"]}
    declared = {(f["source"], f["dataset"], f["field"]): f["declared"] for f in report["fields"]}
    for v in report["violations"]:
        if _key(v) in linked:
            continue
        where = (v["source"], v["dataset"], v["field"])
        wanted = {"CREDIT_CARD"} if v["rule"] == "full_card_number" else {"DATE_OF_BIRTH", "AGE"}
        assert types[where] & wanted, where
        assert declared[where] is False, where  # CREDIT_CARD, DATE_OF_BIRTH and AGE are undeclared


def test_person_level_findings_are_masked_and_name_their_link(demo: tuple) -> None:
    manifest, out, _ = demo
    report = json.loads((out / "report.json").read_text())
    expected = {_key(v): v for v in json.loads(manifest.expected.read_text())["violations"]}
    person = [v for v in report["violations"] if expected[_key(v)]["rule"] == "retention_expired"
              or expected[_key(v)]["link"]]
    assert {v["rule"] for v in person} == {"retention_expired", "under_16"}
    for v in person:
        assert re.match(r"(account|record of account) \*+\w{1,2}[ ,]", v["evidence"]), v["evidence"]
        how = expected[_key(v)]["link"]
        assert ("found by its own row" in v["evidence"]) if how is None else (f"{how}" in v["evidence"]), v
    backup = [v for v in person if v["source"] == "backups"]
    assert backup and all("retention in a backup: 9 months" in v["evidence"] for v in backup)


def test_no_retention_finding_inside_the_window_or_exactly_on_its_edge(demo: tuple) -> None:
    manifest, out, _ = demo
    report = json.loads((out / "report.json").read_text())
    decoys = [d for d in json.loads(manifest.expected.read_text())["decoys"] if d["rule"] == "retention_expired"]
    assert any("184 days" in d["form"] for d in decoys)  # 2026-05-24: exactly 6 months before as_of
    got = {_key(v) for v in report["violations"]}
    assert not [_key(d) for d in decoys if _key(d) in got]


def _child(manifest: Manifest) -> tuple[int, list[str], set[tuple[str, str, str, str]]]:
    """The planted child's account id, raw values of its account row, and every place that holds its data."""
    data = manifest.out_dir
    con = sqlite3.connect(f"file:{data / 'app.db'}?mode=ro", uri=True)
    row = con.execute("SELECT * FROM accounts WHERE email = ?", (CHILD_EMAIL,)).fetchone()
    names = [c[0] for c in con.execute("SELECT * FROM accounts LIMIT 0").description]
    aid = row[0]
    places = {("app_db", "accounts", "email", str(aid)), ("app_db", "v_active_accounts", "email", None)}
    for table in ("payments", "support_tickets", "devices", "web_events", "checkout_sessions", "survey_responses"):
        places |= {("app_db", table, "account_id", str(k))
                   for (k,) in con.execute(f"SELECT id FROM {table} WHERE account_id = ?", (aid,))}
    con.close()
    for i, line in enumerate((data / "logs" / "app.jsonl").read_text().splitlines(), 1):
        if json.loads(line)["user"]["id"] == aid:
            places.add(("web_logs", "app.jsonl", "user.id", str(i)))
    events = pq.read_table(data / "exports" / "events.parquet", columns=["account_id"]).column(0).to_pylist()
    places |= {("exports", "events.parquet", "account_id", str(i)) for i, a in enumerate(events, 1) if a == aid}
    raw = [str(v) for n, v in zip(names, row, strict=True) if n not in ("id", "email", "country", "language", "status")
           and v is not None and len(str(v)) >= 4]
    return aid, raw, places


def test_subject_lists_every_location_of_the_child_and_no_other_value(demo: tuple) -> None:
    manifest, _, _ = demo
    aid, raw, places = _child(manifest)
    proc = _pdd("subject", str(manifest.config), "--email", CHILD_EMAIL, "--json")
    assert proc.returncode == 1, proc.stderr[-2000:]
    result = json.loads(proc.stdout)
    assert result["identity"] == CHILD_EMAIL
    got = {(x["source"], x["dataset"], x["field"], x["key"]) for x in result["locations"]}
    view = {g for g in got if g[1] == "v_active_accounts"}
    assert len(view) == 1  # the view's key is a row offset: just one row of it
    assert got - view == {p for p in places if p[1] != "v_active_accounts"}
    assert {x["source"] for x in result["locations"]} == {"app_db", "web_logs", "exports"}
    human = _pdd("subject", str(manifest.config), "--email", CHILD_EMAIL)
    assert human.returncode == 1 and f"{len(got)} location(s)" in human.stdout
    for text in (proc.stdout + proc.stderr, human.stdout + human.stderr):
        assert [i for i, value in enumerate(raw) if value in text] == [], "a raw value of the account row is printed"


def test_subject_with_nothing_left_exits_0(demo: tuple) -> None:
    manifest, _, _ = demo
    proc = _pdd("subject", str(manifest.config), "--email", "nobody.here@example.org")
    assert proc.returncode == 0 and "nothing found" in proc.stdout
    proc = _pdd("subject", str(manifest.config), "--email", "x@example.org", "--id", "1")
    assert proc.returncode == 2 and "exactly one" in proc.stderr


def test_no_planted_card_number_in_any_output(demo: tuple) -> None:
    manifest, out, proc = demo
    assert manifest.card_numbers
    assert leaks(proc.stdout + proc.stderr, manifest.card_numbers) == []
    assert leaks_in_tree(out, manifest.card_numbers) == {}


def test_summary_names_rules_and_sources(demo: tuple) -> None:
    _, _, proc = demo
    for text in ("full_card_number", "under_16", "app_db", "web_logs", "exports", "CREDIT_CARD"):
        assert text in proc.stdout


def test_broken_sources_reported_and_the_rest_scanned(demo: tuple, tmp_path: Path) -> None:
    manifest, _, _ = demo
    data = manifest.out_dir
    logs = tmp_path / "logs"
    logs.mkdir()
    good = (data / "logs" / "api.log.2.gz").read_bytes()
    (logs / "api.log.2.gz").write_bytes(good[: len(good) // 2])  # truncated gzip
    (logs / "worker.log").write_bytes((data / "logs" / "worker.log").read_bytes())
    cfg = tmp_path / "pdd.yaml"
    cfg.write_text(f"""as_of: 2026-11-24
sources:
  - name: app_db
    kind: sql
    url: sqlite:///{data / 'app.db'}
  - name: broken_db
    kind: sql
    url: postgresql+psycopg://nobody@127.0.0.1:1/none
  - name: no_files
    kind: files
    path: {tmp_path / 'nowhere' / '*.csv'}
  - name: damaged_logs
    kind: logs
    path: {logs / '*'}
""")
    proc = _pdd("scan", str(cfg), "--out", str(tmp_path / "out"))
    assert proc.returncode == 2
    report = json.loads((tmp_path / "out" / "report.json").read_text())
    by_name = {s["name"]: s for s in report["sources"]}
    assert by_name["app_db"]["status"] == "ok" and by_name["app_db"]["datasets"] == 10
    assert by_name["broken_db"]["status"] == "error" and "cannot connect" in by_name["broken_db"]["error"]
    assert by_name["no_files"]["status"] == "error" and "matches no file" in by_name["no_files"]["error"]
    damaged = by_name["damaged_logs"]
    assert damaged["status"] == "error" and "api.log.2.gz" in damaged["error"] and "gzip" in damaged["error"]
    assert damaged["datasets"] == 2  # worker.log still scanned
    found = {(v["source"], v["dataset"]) for v in report["violations"]}
    assert ("app_db", "payments") in found and ("damaged_logs", "worker.log") in found
    assert "broken_db" in proc.stdout and "failed" in proc.stdout
    assert leaks(proc.stdout + proc.stderr, manifest.card_numbers) == []
    assert "Traceback" not in proc.stderr


def test_wrong_config_exits_2_with_line(tmp_path: Path) -> None:
    cfg = tmp_path / "pdd.yaml"
    cfg.write_text("sources:\n  - name: a\n    kind: sqll\n    url: sqlite:///x.db\n")
    proc = _pdd("scan", str(cfg), "--out", str(tmp_path / "out"))
    assert proc.returncode == 2
    assert "line 3" in proc.stderr and "unknown source kind 'sqll'" in proc.stderr
    assert not (tmp_path / "out").exists()


def test_report_validates_against_its_published_schema(demo: tuple) -> None:
    import jsonschema

    from pipeline.schemas import schema

    _, out, _ = demo
    report = json.loads((out / "report.json").read_text())
    published = schema("report")
    assert report["$schema"] == published["$id"]
    jsonschema.Draft202012Validator(published).validate(report)


def test_the_demo_recognizers_file_finds_staff_numbers_by_sampling(demo: tuple) -> None:
    """The demo's own identifier (demo/recognizers.yaml): reported under its own type, from the values,
    undeclared (the file names no category), and counted in the summary."""
    manifest, out, proc = demo
    report = json.loads((out / "report.json").read_text())
    found = {(f["source"], f["dataset"], f["field"]): f for f in report["fields"]
             if any(e["type"] == "EMPLOYEE_NUMBER" for e in f["entities"])}
    truth = {tuple(k.split("/", 2)) for k, types in manifest.fields.items() if "EMPLOYEE_NUMBER" in types}
    assert set(found) == truth == {("app_db", "support_tickets", "handled_by")}
    field = found[("app_db", "support_tickets", "handled_by")]
    [entity] = field["entities"]
    assert entity["name_only"] is False and "validator luhn" in entity["evidence"]
    assert field["declared"] is False and field["categories"] == []
    assert re.search(r"EMPLOYEE_NUMBER\s*│\s*1\s*│\s*1", proc.stdout), proc.stdout[-3000:]
