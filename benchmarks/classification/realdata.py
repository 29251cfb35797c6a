"""The real-data split: public sample databases and system logs that nobody on the team generated.

Read in place from ``../shared/realdata`` (its README gives provenance, licenses and attribution:
loghub logs, AdventureWorks, Classic Models, the MySQL employees sample, congress-legislators);
``labels.json`` holds a hand label for every field. Nothing is copied into this repository, so
the licenses' copy conditions do not apply here. The folder expects no violation at all: every
``full_card_number`` (or ``under_16``) it reports is false and counted as such.
"""

from __future__ import annotations

import json
import time
from collections import Counter
from pathlib import Path

from benchmarks.classification.baseline import PresidioBaseline
from benchmarks.classification.score import score
from classifiers.entities import ENTITY_TYPES
from pipeline.config.load import load_config
from pipeline.engine.run import scan

#: Beside the repository: /work/<worktree>/../shared/realdata.
DEFAULT_ROOT = Path(__file__).resolve().parents[3] / "shared" / "realdata"


def load_labels(root: Path) -> dict[str, list[str]]:
    """``{"source/dataset/field": [types]}`` from ``root/labels.json``."""
    doc = json.loads((root / "labels.json").read_text(encoding="utf-8"))
    return {f"{f['source']}/{f['dataset']}/{f['field']}": list(f["entities"]) for f in doc["fields"]}


def run_realdata(root: Path = DEFAULT_ROOT, baseline: bool = True) -> dict:
    """Scan the real-data folder with its own sources.yaml and score the report against labels.json."""
    truth = load_labels(root)
    config = load_config(root / "sources.yaml")
    t0 = time.perf_counter()
    report = scan(config)
    t_pdd = time.perf_counter() - t0
    pred = {f"{f.source}/{f.dataset}/{f.field}": [e.type for e in f.entities] for f in report.fields}
    # Every violation is false here (the README: "Expected violations for the whole folder: none").
    false_violations = Counter(f"{v.rule} {v.source}/{v.dataset}/{v.field}" for v in report.violations)
    log_sources = {s.name for s in config.sources if s.kind == "logs"}
    result = {
        "split": "realdata", "seed": None, "locales": ["real data: ../shared/realdata"], "corpus": str(root),
        "datasets": len({k.rsplit("/", 1)[0] for k in truth}), "fields": len(truth),
        "personal_fields": sum(1 for t in truth.values() if t),
        "truth_per_type": {t: sum(t in v for v in truth.values()) for t in ENTITY_TYPES},
        "seconds": {"pdd": round(t_pdd, 1)},
        "source_errors": [f"{s.name}: {s.error}" for s in report.sources if s.error],
        "pdd": score(truth, pred).as_dict() | {"sweep_added": []},
        "false_violations": dict(sorted(false_violations.items())),
        "false_card_numbers_in_logs": sum(1 for v in report.violations
                                          if v.rule == "full_card_number" and v.source in log_sources),
        "empty_fields": sorted(f"{f.source}/{f.dataset}/{f.field}: {f.empty}" for f in report.fields
                               if getattr(f, "empty", None)),
        "name_only": sorted(f"{f.source}/{f.dataset}/{f.field}: {e.type}" for f in report.fields
                            for e in f.entities if getattr(e, "name_only", False)),
    }
    result["pdd_classification_only"] = result["pdd"]
    if baseline:
        t0 = time.perf_counter()
        result["baseline"] = score(truth, PresidioBaseline().run(config)).as_dict()
        result["seconds"]["baseline"] = round(time.perf_counter() - t0, 1)
    return result


#: What the real-data split must show (issue 10).
TARGETS = {"micro_f1": 0.95, "personal_field_precision": 0.97, "false_card_numbers_in_logs": 0}


def missed_targets(result: dict) -> list[str]:
    pdd, out = result["pdd"], []
    if pdd["micro"]["f1"] < TARGETS["micro_f1"]:
        out.append(f"realdata entity micro F1 {pdd['micro']['f1']:.3f} < {TARGETS['micro_f1']}")
    if pdd["personal_fields"]["precision"] < TARGETS["personal_field_precision"]:
        out.append(f"realdata personal-field precision {pdd['personal_fields']['precision']:.3f} < "
                   f"{TARGETS['personal_field_precision']}")
    if result["false_card_numbers_in_logs"] > TARGETS["false_card_numbers_in_logs"]:
        out.append(f"realdata: {result['false_card_numbers_in_logs']} false full_card_number in its logs")
    return out


def summary(result: dict) -> str:
    """The lines only the real-data split has: false violations, empty fields, name-only types."""
    lines = [f"{'false full_card_number in real logs':<34} pdd {result['false_card_numbers_in_logs']}",
             f"{'false violations (all rules)':<34} pdd {sum(result['false_violations'].values())}"]
    lines += [f"  {n} x {k}" for k, n in result["false_violations"].items()]
    lines.append(f"{'fields reported empty':<34} pdd {len(result['empty_fields'])}")
    lines.append(f"{'types resting on the name alone':<34} pdd {len(result['name_only'])}")
    return "\n".join(lines)
