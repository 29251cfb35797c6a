"""How templates are mined: one small typed object, tuned on the six loghub dev logs.

The values below are the ones benchmarks/templates.py measured best as one setting for all six logs
(docs/benchmarks.md, "Log templates"): pdd scans logs it has never seen, so it cannot pick a threshold per
log the way the loghub benchmark's per-log Drain settings do.
"""

from __future__ import annotations

from dataclasses import dataclass

#: Drain's similarity threshold: a line joins a template when at least this share of its tokens are equal.
SIM_TH = 0.6
#: ... or when at least this share of the template's constant tokens are equal (miner.AgreeingDrain): a line one
#: word apart joins a statement of 7 constant words or more, not a shorter one.
CONST_TH = 0.85
#: Lines after which a template's constant words are its text: a line differing in one of them joins only by
#: CONST_TH (Drain's share no longer suffices), so a rare statement one word apart is not swallowed.
SETTLED = 10
#: Drain's tree depth (root, length, then depth - 2 leading tokens route a line).
DEPTH = 4
#: Clusters kept at most; past it the least recently used template is forgotten (memory stays bounded).
MAX_CLUSTERS = 2_000
#: Sample lines kept per template for its slot values (evenly spaced, as the field sample is).
SLOT_SAMPLE = 200


@dataclass(frozen=True)
class TemplateSettings:
    sim_th: float = SIM_TH
    const_th: float = CONST_TH
    settled: int = SETTLED
    depth: int = DEPTH
    max_children: int = 100
    max_clusters: int = MAX_CLUSTERS
    slot_sample: int = SLOT_SAMPLE
