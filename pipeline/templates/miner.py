"""Streaming template mining with Drain3, bounded in memory.

Each message goes through Drain3's masker and tree once; the line gets its cluster's id at once (stable:
a cluster's template only generalizes, it never changes id), so ``--lines`` can be written as lines are
read. Per template the miner keeps an evenly spaced sample of raw messages (``Spread``, the same sampler
the field sample uses) for its slot values; Drain3 forgets the least recently used template past
``max_clusters``, and the samples of forgotten templates are dropped with it.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field
from typing import Any

from drain3 import TemplateMiner
from drain3.drain import Drain, LogCluster
from drain3.template_miner_config import TemplateMinerConfig

from pipeline.sources.textfile import Spread
from pipeline.templates import masks
from pipeline.templates.settings import TemplateSettings


@dataclass
class Mined:
    """One template as Drain3 left it: its tokens (masks as ``<:NAME:>``), line count and sample messages."""

    id: int
    tokens: tuple[str, ...]
    count: int
    samples: list[str] = field(default_factory=list)


class AgreeingDrain(Drain):
    """Drain with three changes to how a line is scored against a template (benchmarks/templates.py).

    - A line that agrees with every constant token of a template is that template. Drain counts the
      template's wildcards as unequal, so a template of two constants and two wildcards (``iar <*> dear
      <*>``) could never take a line at a threshold above 0.5 and every such line became a template of its own.
    - A token made of masks and punctuation only (``<*>@<*>/9/<*>.<*>``, ``[<*>]``) is a value, like a lone
      wildcard: it says nothing about which statement wrote the line, so it counts as a wildcard, not as a
      shared word (it let ``... PopulateComponentFamiliesKey - Begin`` and ``... - End`` merge).
    - Drain's share (equal constants over all tokens) falls with every variable a line carries, so a long
      line whose header holds many values (a timestamp, a node name) split on one differing word while a short
      statement merged with another one word apart. A line also joins when its share of the template's
      *constant* tokens reaches ``const_th``: one word apart in a 12-word statement joins; in a 5-word one not.
    """

    def __init__(self, *args: Any, const_th: float, settled: int, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.const_th = const_th
        self.settled = settled
        self._values: dict[tuple[str, ...], tuple[bool, ...]] = {}

    def values_of(self, template: tuple[str, ...]) -> tuple[bool, ...]:
        """Per token of ``template``: is it a value (a wildcard, or masks and punctuation only)?"""
        known = self._values.get(template)
        if known is None:
            if len(self._values) > _TEMPLATES_KEPT:  # mostly templates that generalized or were forgotten since
                self._values.clear()
            wild = self.param_str
            known = self._values[template] = tuple(
                t == wild or (wild in t and not _LETTER.search(t.replace(wild, ""))) for t in template)
        return known

    def get_seq_distance(self, seq1: Sequence[str], seq2: Sequence[str], include_params: bool
                         ) -> tuple[float, int]:
        return self.score(seq1, seq2, include_params, size=0)

    def score(self, template: Sequence[str], tokens: Sequence[str], include_params: bool, size: int
              ) -> tuple[float, int]:
        """(similarity, wildcards) of ``tokens`` to a template that has taken ``size`` lines."""
        if not template:
            return 1.0, 0
        values = self.values_of(tuple(template))
        params = sum(values)
        same = sum(1 for t1, t2, v in zip(template, tokens, values, strict=True) if t1 == t2 and not v)
        if include_params:
            return (same + params) / len(template), params
        constants = len(template) - params
        if params and same == constants:
            return 1.0, params
        if constants and same / constants >= self.const_th:
            return max(same / len(template), same / constants), params
        if size >= self.settled:
            return 0.0, params
        return same / len(template), params

    def fast_match(self, cluster_ids: Collection[int], tokens: Sequence[str], sim_th: float, include_params: bool
                   ) -> LogCluster | None:
        best, best_sim, best_params = None, -1.0, -1
        for cid in cluster_ids:
            cluster = self.id_to_cluster.get(cid)
            if cluster is None:
                continue
            sim, params = self.score(cluster.log_template_tokens, tokens, include_params, cluster.size)
            if sim > best_sim or (sim == best_sim and params > best_params):
                best, best_sim, best_params = cluster, sim, params
        return best if best_sim >= sim_th else None


#: A letter outside the masks: the token names something (``HWID=<*>``), it is not a value.
_LETTER = re.compile(r"[^\W\d_]")
#: Templates whose value tokens are remembered; past it the memo starts over (memory stays bounded).
_TEMPLATES_KEPT = 10_000


def drain_config(settings: TemplateSettings) -> TemplateMinerConfig:
    cfg = TemplateMinerConfig()
    cfg.drain_sim_th = settings.sim_th
    cfg.drain_depth = settings.depth
    cfg.drain_max_children = settings.max_children
    cfg.drain_max_clusters = settings.max_clusters
    cfg.masking_instructions = masks.instructions()
    cfg.mask_prefix, cfg.mask_suffix = masks.PREFIX, masks.SUFFIX
    cfg.parametrize_numeric_tokens = True
    return cfg


class Miner:
    """Feed messages with :meth:`add`; read the templates with :meth:`templates`."""

    def __init__(self, settings: TemplateSettings | None = None):
        self.settings = settings or TemplateSettings()
        cfg = drain_config(self.settings)
        self._drain = TemplateMiner(config=cfg)
        self._drain.drain = AgreeingDrain(depth=cfg.drain_depth, sim_th=cfg.drain_sim_th,
                                          max_children=cfg.drain_max_children, max_clusters=cfg.drain_max_clusters,
                                          param_str=masks.WILDCARD, parametrize_numeric_tokens=True,
                                          const_th=self.settings.const_th, settled=self.settings.settled)
        self._samples: dict[int, Spread] = {}
        self.lines = 0
        """Messages mined (blank ones are not messages)."""

    def add(self, message: str | None) -> int | None:
        """The id of the template ``message`` belongs to; None for a blank or missing message."""
        if message is None or not message.strip():
            return None
        self.lines += 1
        cid = int(self._drain.add_log_message(message)["cluster_id"])
        spread = self._samples.get(cid)
        if spread is None:
            spread = self._samples[cid] = Spread(self.settings.slot_sample)
            if len(self._samples) > 2 * self.settings.max_clusters:
                self._forget()
        spread.add(message)
        return cid

    def _forget(self) -> None:
        """Drop the samples of templates Drain3 no longer keeps (its LRU bound)."""
        alive = self._drain.drain.id_to_cluster
        for cid in [c for c in self._samples if c not in alive]:
            del self._samples[cid]

    def templates(self) -> list[Mined]:
        """The templates kept, most lines first (then by id)."""
        out = []
        for cluster in self._drain.drain.clusters:
            spread = self._samples.get(cluster.cluster_id)
            out.append(Mined(cluster.cluster_id, tuple(cluster.log_template_tokens), cluster.size,
                             spread.result() if spread else []))
        return sorted(out, key=lambda m: (-m.count, m.id))

    @property
    def forgotten(self) -> int:
        """Lines whose template was forgotten under the cluster bound."""
        return self.lines - sum(c.size for c in self._drain.drain.clusters)
