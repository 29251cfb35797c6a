"""One split of the classification benchmark: generate, scan with pdd, run the baseline, score both."""

from __future__ import annotations

import platform
import time
from pathlib import Path

from benchmarks.classification.baseline import PresidioBaseline
from benchmarks.classification.score import score
from benchmarks.corpus import generate
from classifiers.entities import ENTITY_TYPES
from pipeline.config.load import load_config
from pipeline.engine.run import scan


def run_split(split: str, seed: int, locales: tuple[str, ...], workdir: Path, baseline: bool = True) -> dict:
    t0 = time.perf_counter()
    corpus = generate(workdir / split, seed, locales, split)
    t_gen = time.perf_counter() - t0
    config = load_config(corpus.config)
    t0 = time.perf_counter()
    report = scan(config)
    t_pdd = time.perf_counter() - t0
    failed = [f"{s.name}: {s.error}" for s in report.sources if s.error]
    pdd_pred = {f"{f.source}/{f.dataset}/{f.field}": [e.type for e in f.entities] for f in report.fields}
    # What the exhaustive sweep added on its own (a rule finding), to tell it from classification.
    def by_sweep(e) -> bool:
        return bool(e.evidence) and all(x.startswith("sweep:") for x in e.evidence)

    sweep_added = sorted(f"{f.source}/{f.dataset}/{f.field}: {e.type}" for f in report.fields for e in f.entities
                         if by_sweep(e))
    classified = {f"{f.source}/{f.dataset}/{f.field}": [e.type for e in f.entities if not by_sweep(e)]
                  for f in report.fields}
    result = {
        "split": split, "seed": seed, "locales": list(locales), "corpus": str(corpus.root),
        "datasets": len(corpus.datasets), "fields": len(corpus.ground_truth),
        "personal_fields": sum(1 for t in corpus.ground_truth.values() if t),
        "truth_per_type": {t: sum(t in v for v in corpus.ground_truth.values()) for t in ENTITY_TYPES},
        "seconds": {"generate": round(t_gen, 1), "pdd": round(t_pdd, 1)},
        "source_errors": failed,
        "pdd": score(corpus.ground_truth, pdd_pred).as_dict() | {"sweep_added": sweep_added},
        # Diagnostic: the report without what only the exhaustive card/age sweep added.
        "pdd_classification_only": score(corpus.ground_truth, classified).as_dict(),
    }
    if baseline:
        t0 = time.perf_counter()
        base_pred = PresidioBaseline().run(config)
        result["seconds"]["baseline"] = round(time.perf_counter() - t0, 1)
        result["baseline"] = score(corpus.ground_truth, base_pred).as_dict()
    return result


#: What the test split must show (docs/benchmarks.md): pdd's report as a whole, sweep included.
TARGETS = {"micro_f1": 0.95, "personal_field_precision": 0.97, "decoys_flagged_credit_card": 0}


def missed_targets(result: dict) -> list[str]:
    pdd = result["pdd"]
    out = []
    if pdd["micro"]["f1"] < TARGETS["micro_f1"]:
        out.append(f"entity micro F1 {pdd['micro']['f1']:.3f} < {TARGETS['micro_f1']}")
    if pdd["personal_fields"]["precision"] < TARGETS["personal_field_precision"]:
        out.append(f"personal-field precision {pdd['personal_fields']['precision']:.3f} < "
                   f"{TARGETS['personal_field_precision']}")
    flagged = pdd["decoys_flagged_credit_card"]
    if len(flagged) > TARGETS["decoys_flagged_credit_card"]:
        out.append(f"{len(flagged)} decoy field(s) flagged CREDIT_CARD: {', '.join(flagged)}")
    base = result.get("baseline")
    if base and pdd["micro"]["f1"] <= base["micro"]["f1"]:
        out.append("no margin over the Presidio baseline")
    return out


def machine() -> dict:
    import os

    return {"cpus": os.cpu_count(), "python": platform.python_version(), "platform": platform.platform()}


def _f(x: float) -> str:
    return f"{x:.3f}"


def table(result: dict) -> str:
    """A plain-text table of one split's result: per type, then the summary lines."""
    pdd, base = result["pdd"], result.get("baseline")
    lines = [f"== {result['split']} (seed {result['seed']}; {', '.join(result['locales'])}): "
             f"{result['datasets']} datasets, {result['fields']} fields, {result['personal_fields']} personal"]
    head = f"{'type':<16} {'n':>3} | {'pdd P':>6} {'R':>6} {'F1':>6}"
    if base:
        head += f" | {'base P':>6} {'R':>6} {'F1':>6}"
    lines += [head, "-" * len(head)]
    for t in ENTITY_TYPES:
        p = pdd["per_type"][t]
        row = (f"{t:<16} {result['truth_per_type'][t]:>3} | "
               f"{_f(p['precision']):>6} {_f(p['recall']):>6} {_f(p['f1']):>6}")
        if base:
            b = base["per_type"][t]
            row += f" | {_f(b['precision']):>6} {_f(b['recall']):>6} {_f(b['f1']):>6}"
        lines.append(row)
    lines.append("-" * len(head))

    m = pdd["micro"]
    rows = [("entity micro P / R / F1", f"{_f(m['precision'])} / {_f(m['recall'])} / {_f(m['f1'])}",
             base and f"{_f(base['micro']['precision'])} / {_f(base['micro']['recall'])} / {_f(base['micro']['f1'])}"),
            ("personal-field precision", _f(pdd["personal_fields"]["precision"]),
             base and _f(base["personal_fields"]["precision"])),
            ("personal-field recall", _f(pdd["personal_fields"]["recall"]),
             base and _f(base["personal_fields"]["recall"])),
            ("decoy fields flagged CREDIT_CARD", f"{len(pdd['decoys_flagged_credit_card'])} of {pdd['decoy_fields']}",
             base and f"{len(base['decoys_flagged_credit_card'])} of {base['decoy_fields']}"),
            ("seconds", str(result["seconds"]["pdd"]), base and str(result["seconds"].get("baseline")))]
    c = result["pdd_classification_only"]
    rows.append(("pdd classification alone: micro F1", f"{_f(c['micro']['f1'])} (personal-field precision "
                 f"{_f(c['personal_fields']['precision'])}; sweep added {len(pdd['sweep_added'])})", None))
    for name, a, b in rows:
        lines.append(f"{name:<34} pdd {a:<24}" + (f" baseline {b}" if b else ""))
    if result["source_errors"]:
        lines.append(f"source errors: {result['source_errors']}")
    if pdd["missing_fields"] or pdd["unexpected_fields"]:
        lines.append(f"fields not matched: {len(pdd['missing_fields'])} missing, "
                     f"{len(pdd['unexpected_fields'])} unexpected (see JSON)")
    return "\n".join(lines)
