"""`pdd contracts init`: the rules it infers, files it keeps, and the committed demo contracts as its reviewed
output (same datasets, fields and types; a steward's review only narrows categories and adds notes and rules)."""

from __future__ import annotations

from pathlib import Path

from demo.generate import Manifest
from pipeline.config.load import load_config
from pipeline.contracts.draft import draft_contracts
from pipeline.contracts.model import load_contract_file, load_contracts
from pipeline.report.model import Report
from tests.contracts.conftest import DEMO_CONTRACTS, DEMO_POLICY, pdd

POLICY = DEMO_POLICY


def _drafted(clean_demo: Manifest, clean_report: Path, tmp_path: Path) -> dict:
    report = Report.model_validate_json(clean_report.read_text())
    drafts = draft_contracts(load_config(clean_demo.config), report)
    out = {}
    for d in drafts:
        (tmp_path / d.filename).write_text(d.text)
        [c] = load_contract_file(tmp_path / d.filename, POLICY)
        out[c.key] = c
    return out


def test_rules_are_inferred_from_the_scan_and_the_store(clean_demo: Manifest, clean_report: Path,
                                                        tmp_path: Path) -> None:
    c = _drafted(clean_demo, clean_report, tmp_path)

    def rules(source: str, dataset: str, field: str) -> list[tuple[str, str | None]]:
        return [(r.name, r.arg) for r in c[(source, dataset)].fields[field].rules]

    assert rules("app_db", "payments", "note") == [("full_card_number", None)]
    # an INTEGER column can hold a card number; a REAL one cannot
    assert rules("app_db", "gateway_settlements", "settlement_ref") == [("full_card_number", None)]
    assert rules("app_db", "gateway_settlements", "amount") == []
    assert rules("exports", "events.parquet", "ts") == []
    assert ("under_16", "dob") in rules("app_db", "accounts", "date_of_birth")
    assert ("under_16", "age") in rules("app_db", "survey_responses", "age")
    assert ("under_16", "dob") in rules("exports", "signups.csv", "dob")
    assert ("card_last_four_shape", None) in rules("app_db", "payments", "card_last4")
    assert ("card_last_four_shape", None) not in rules("app_db", "payments", "card_display")  # masked numbers
    assert ("card_last_four_shape", None) in rules("web_logs", "app.jsonl", "checkout.payment.last4")
    report = Report.model_validate_json(clean_report.read_text())
    for f in report.fields:
        fc = c[(f.source, f.dataset)].fields[f.field]
        assert fc.types == [e.type for e in f.entities] and fc.categories == f.categories


def test_the_committed_demo_contracts_are_the_reviewed_draft(clean_demo: Manifest, clean_report: Path,
                                                             tmp_path: Path) -> None:
    drafted = _drafted(clean_demo, clean_report, tmp_path)
    committed = {c.key: c for c in load_contracts(DEMO_CONTRACTS, POLICY).contracts}
    hint = ("the demo or the classifier changed: regenerate the contracts with `python -m data_contracts.demo.review` "
            "and read the diff")
    assert set(committed) == set(drafted), hint
    for key, d in drafted.items():
        c = committed[key]
        assert list(c.fields) == list(d.fields), f"{key}: {hint}"
        for name, df in d.fields.items():
            cf = c.fields[name]
            # the review may allow more (free text) and mark misreadings, never drop a found type
            assert set(df.types) <= set(cf.types + cf.misread), f"{key} {name}: {hint}"
            assert {r.name for r in df.rules} <= {r.name for r in cf.rules}, f"{key} {name}: {hint}"


def test_init_writes_drafts_and_keeps_a_stewards_edits(clean_demo: Manifest, clean_report: Path,
                                                       tmp_path: Path) -> None:
    out = tmp_path / "contracts"
    code, text = pdd("contracts", "init", str(clean_demo.config), "--report", str(clean_report), "--out", str(out))
    assert code == 0, text
    files = sorted(p.name for p in out.glob("*.yaml"))
    assert files == sorted(p.name for p in DEMO_CONTRACTS.glob("*.yaml"))
    edited = out / "app_db.payments.yaml"
    edited.write_text(edited.read_text() + "# reviewed\n")
    code, text = pdd("contracts", "init", str(clean_demo.config), "--report", str(clean_report), "--out", str(out))
    assert code == 0 and f"kept    {edited}" in text and edited.read_text().endswith("# reviewed\n")
    code, text = pdd("contracts", "init", str(clean_demo.config), "--report", str(clean_report), "--out", str(out),
                     "--force")
    assert code == 0 and not edited.read_text().endswith("# reviewed\n")
    code, text = pdd("contracts", "check", str(clean_demo.config), "--contracts", str(out),
                     "--report", str(clean_report))
    assert code == 0, text[-3000:]


def test_init_refuses_when_a_source_cannot_be_scanned(tmp_path: Path) -> None:
    cfg = tmp_path / "pdd.yaml"
    cfg.write_text("sources:\n  - name: app_db\n    kind: sql\n    url: sqlite:///missing.db\n")
    code, text = pdd("contracts", "init", str(cfg), "--out", str(tmp_path / "out"))
    assert code == 2 and "app_db" in text and "missing.db" in text
    assert not (tmp_path / "out").exists()
