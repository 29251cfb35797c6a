"""The real-data split of the classification benchmark, on a tiny labelled folder of the same layout."""

from __future__ import annotations

import json
from pathlib import Path

from benchmarks.classification.realdata import load_labels, missed_targets, run_realdata


def test_realdata_split_scores_the_report_against_labels_and_counts_false_cards(tmp_path: Path) -> None:
    (tmp_path / "files").mkdir()
    rows = ["email,note"] + [f"user{i}@example.com,hello {i}" for i in range(20)]
    rows[5] = "user4@example.com,card 4111 1111 1111 1111"  # a card here is a false violation by definition
    (tmp_path / "files" / "people.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    (tmp_path / "logs").mkdir()
    (tmp_path / "logs" / "sys.log").write_text("2005-06-03 12:00:00 INFO job_4111111111111111 done\n",
                                               encoding="utf-8")
    (tmp_path / "sources.yaml").write_text("sources:\n  - {name: f, kind: files, path: files/*.csv}\n"
                                           "  - {name: l, kind: logs, path: logs/*}\n", encoding="utf-8")
    labels = {"fields": [{"source": "f", "dataset": "people.csv", "field": "email", "entities": ["EMAIL_ADDRESS"]},
                         {"source": "f", "dataset": "people.csv", "field": "note", "entities": []},
                         {"source": "l", "dataset": "sys.log", "field": "message", "entities": []}]}
    (tmp_path / "labels.json").write_text(json.dumps(labels), encoding="utf-8")
    assert load_labels(tmp_path)["f/people.csv/email"] == ["EMAIL_ADDRESS"]

    r = run_realdata(tmp_path, baseline=False)
    assert r["pdd"]["per_type"]["EMAIL_ADDRESS"]["tp"] == 1
    assert r["false_violations"] == {"full_card_number f/people.csv/note": 1}
    assert r["false_card_numbers_in_logs"] == 0  # the id glued to "job_" is not a card
    assert any("CREDIT_CARD" in m or "precision" in m for m in missed_targets(r))
