"""What every step of a scan needs, built once per process and passed explicitly: the scan context.

Why one object: the config, the policy, the field classifier (costly: built once, then inherited by forked
workers), the source opener (Airflow connections resolved) and the person index (the link step's result)
used to be found through a ``Scanner`` that also ran the scan, so the linkage and the scan imported each
other. The context holds no logic of its own; the steps (pipeline/engine/steps.py) do the work.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property

from classifiers.field import FieldClassifier
from pipeline.config.model import Config, SourceConfig
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
    _opened: dict[str, Source] = field(default_factory=dict, repr=False, compare=False)
    _opened_pid: int = field(default=-1, repr=False, compare=False)
    _inherited: list[Source] = field(default_factory=list, repr=False, compare=False)

    @classmethod
    def build(cls, config: Config, resolve_conn: Callable[[str], str] | None = None) -> ScanContext:
        """The context for ``config``; ``resolve_conn`` turns an Airflow connection id into a URL."""
        return cls(config.with_connections(resolve_conn) if resolve_conn else config)

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

    def opened(self, name: str) -> Source:
        """Source ``name``, opened once per process and kept for the steps that follow: its connection pool and
        catalog are reused (opening a SQL source again for every classify and sweep step cost about 0.4 s per
        PostgreSQL table). Closed by :meth:`close_opened` when the process's steps are done."""
        if self._opened_pid != os.getpid():
            # A forked worker never uses (nor closes, which would end the parent's sessions) what its parent
            # opened: it keeps them referenced, unused, and opens its own.
            self._inherited += self._opened.values()
            self._opened, self._opened_pid = {}, os.getpid()
        if name not in self._opened:
            self._opened[name] = self.open(name)
        return self._opened[name]

    def close_opened(self) -> None:
        """Close what :meth:`opened` opened in this process."""
        if self._opened_pid == os.getpid():
            opened, self._opened = self._opened, {}
            for src in opened.values():
                src.close()
