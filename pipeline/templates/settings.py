"""How templates are mined: one small typed object, tuned on the six loghub dev logs.

The values below are the ones benchmarks/templates.py measured best as one setting for all six logs
(docs/benchmarks.md, "Log templates"): pdd scans logs it has never seen, so it cannot pick a threshold per
log the way the loghub benchmark's per-log Drain settings do.
"""

from __future__ import annotations

from dataclasses import dataclass

#: Drain's similarity threshold: a line joins a template when at least this share of its tokens are equal.
SIM_TH = 0.6
#: Drain's tree depth (root, length, then depth - 2 leading tokens route a line).
DEPTH = 4
#: Clusters kept at most; past it the least recently used template is forgotten (memory stays bounded).
MAX_CLUSTERS = 2_000
#: Sample lines kept per template for its slot values (evenly spaced, as the field sample is).
SLOT_SAMPLE = 200


@dataclass(frozen=True)
class TemplateSettings:
    sim_th: float = SIM_TH
    depth: int = DEPTH
    max_children: int = 100
    max_clusters: int = MAX_CLUSTERS
    slot_sample: int = SLOT_SAMPLE
