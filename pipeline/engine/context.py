"""What every step of a scan needs, built once per process and passed explicitly: the scan context.

Why one object: the config, the policy, the field classifier (costly: built once, then inherited by forked
workers), the source opener (Airflow connections resolved) and the person index (the link step's result)
used to be found through a ``Scanner`` that also ran the scan, so the linkage and the scan imported each
other. The context holds no logic of its own; the steps (pipeline/engine/steps.py) do the work.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property

from classifiers.field import FieldClassifier
from pipeline.config.model import Config, SourceConfig, SqlSourceConfig
from pipeline.config.recognizers import configured_recognizers
from pipeline.linkage.model import PersonIndex
from pipeline.policy.configured import policy_for
from pipeline.policy.model import PolicyMap
from pipeline.sources import Source, open_source


@dataclass
class ScanContext:
    config: Config
    """The sources config, with Airflow connections already resolved to URLs."""
    persons: PersonIndex | None = field(default=None)
    """The person index (pipeline/linkage), set by the link step before any sweep reads it."""

    @classmethod
    def build(cls, config: Config, resolve_conn: Callable[[str], str] | None = None) -> ScanContext:
        """The context for ``config``; ``resolve_conn`` turns an Airflow connection id into a URL."""
        if resolve_conn and any(isinstance(s, SqlSourceConfig) and s.conn_id for s in config.sources):
            from pydantic import SecretStr

            sources = [s.model_copy(update={"url": SecretStr(resolve_conn(s.conn_id)), "conn_id": None})
                       if isinstance(s, SqlSourceConfig) and s.conn_id else s for s in config.sources]
            config = config.model_copy(update={"sources": sources})
        return cls(config)

    @cached_property
    def policy(self) -> PolicyMap:
        return policy_for(self.config)

    @cached_property
    def classifier(self) -> FieldClassifier:
        c = self.config.classification
        return FieldClassifier(threshold=c.threshold, spacy_model=c.spacy_model,
                               recognizers=configured_recognizers(self.config))

    def source(self, name: str) -> SourceConfig:
        return next(s for s in self.config.sources if s.name == name)

    def open(self, source: SourceConfig | str) -> Source:
        return open_source(self.source(source) if isinstance(source, str) else source, self.config)
