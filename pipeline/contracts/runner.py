"""Running expectation suites with Great Expectations against the stores, through GE's own data sources.

SQL sources become GE SQL data sources on the source's URL (SQLite opened
read-only; PostgreSQL sessions read-only), one table asset per contracted
table. Logs and files become a pandas data source fed with the records that
pdd's own readers produce. One ephemeral GE context serves a whole process
(GE takes seconds to start); each check adds its data sources and removes them
afterwards.

Results are asked for in a counts-only format: SUMMARY with no partial list of
failing values, so that no value read from a store reaches any output.
"""

from __future__ import annotations

import itertools
import logging
import time
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import quote

from sqlalchemy.engine import make_url

from pipeline.config.model import Config, SqlSourceConfig

#: Counts only: never a list of failing values (GE's SUMMARY, BASIC and COMPLETE copy them in by default).
RESULT_FORMAT: dict[str, Any] = {"result_format": "SUMMARY", "partial_unexpected_count": 0}

_context: Any = None
_checks = itertools.count(1)


@dataclass(frozen=True)
class Planned:
    """One clause that an expectation checks: which expectation (its GE type name), on which field, with which
    arguments."""

    field: str
    clause: str
    expectation: str
    kwargs: dict[str, Any] = field(default_factory=dict)  # type: ignore[operator]  # `field: str` above only annotates


@dataclass(frozen=True)
class Outcome:
    success: bool | None  # None: the expectation raised
    result: dict[str, Any]
    error: str | None = None
    seconds: float = 0.0


def quiet_gx_logging() -> None:
    """GE logs hundreds of INFO lines (and sets some of its loggers to INFO itself): keep it to warnings."""
    logging.getLogger("great_expectations").setLevel(logging.WARNING)
    for name in list(logging.root.manager.loggerDict):
        if name.startswith("great_expectations."):
            logging.getLogger(name).setLevel(logging.WARNING)


def gx_context() -> Any:
    """The process's ephemeral GE context, with pdd's expectations registered and progress bars off."""
    global _context
    if _context is None:
        quiet_gx_logging()
        import great_expectations as gx
        from great_expectations.data_context.types.base import (
            DataContextConfig,
            InMemoryStoreBackendDefaults,
            ProgressBarsConfig,
        )

        import pipeline.contracts.expectations  # noqa: F401 - registers pdd's expectations with GE

        quiet_gx_logging()
        # No Data Docs site (its HTML loads scripts from CDNs), no analytics, no progress bars.
        config = DataContextConfig(store_backend_defaults=InMemoryStoreBackendDefaults(init_temp_docs_sites=False),
                                   analytics_enabled=False,
                                   progress_bars=ProgressBarsConfig(globally=False, metric_calculations=False))
        ctx = gx.get_context(mode="ephemeral", project_config=config)
        quiet_gx_logging()
        _context = ctx
    # GE keeps one current context per process, which its validations use: another get_context() (the Data
    # Docs' file context) would otherwise receive this check's results, under keys its store refuses.
    from great_expectations.data_context.data_context.context_factory import project_manager

    project_manager.set_project(_context)
    return _context


def _expectation_classes() -> dict[str, type]:
    import great_expectations.expectations as gxe

    from pipeline.contracts import expectations as pdd

    classes = [gxe.ExpectColumnToExist, gxe.ExpectColumnValuesToMatchRegex, gxe.ExpectColumnValuesToNotBeNull,
               gxe.ExpectTableColumnsToMatchSet, pdd.ExpectColumnValuesToNotContainCardNumber,
               pdd.ExpectColumnValuesToBeAtLeast_16On, pdd.ExpectColumnValuesToMatchCardLastFourShape]
    return {c.expectation_type: c for c in classes}


def build_suite(name: str, planned: list[Planned]) -> Any:
    import great_expectations as gx

    classes = _expectation_classes()
    suite = gx.ExpectationSuite(name=name)
    for i, p in enumerate(planned):
        suite.add_expectation(classes[p.expectation](**p.kwargs, meta={"pdd_clause": i}))
    return suite


def sql_connection(cfg: SqlSourceConfig, config: Config) -> tuple[str, str, dict[str, Any]]:
    """GE data source type, connection string and engine arguments for a SQL source (read-only where the
    dialect allows; ``hide_parameters`` so that a driver error never echoes a bound value)."""
    if cfg.url is None:
        raise ValueError(f"source {cfg.name}: conn_id is resolved only under Airflow; give a url")
    url = make_url(cfg.url.get_secret_value())
    kwargs: dict[str, Any] = {"hide_parameters": True}
    backend = url.get_backend_name()
    if backend == "sqlite":
        path = config.resolve(url.database or "")
        if not path.is_file():
            raise ValueError(f"source {cfg.name}: SQLite file {path} does not exist")
        return "sqlite", f"sqlite:///file:{quote(str(path))}?mode=ro&uri=true", kwargs
    if backend == "postgresql":
        kwargs["connect_args"] = {"options": "-c default_transaction_read_only=on"}
        return "postgres", url.render_as_string(hide_password=False), kwargs
    return "sql", url.render_as_string(hide_password=False), kwargs


class SourceCheck:
    """One source's GE data source for one contract check; removed again on close."""

    def __init__(self, name: str):
        self.context = gx_context()
        self.name = f"{name}#{next(_checks)}"
        self.source = name
        self.datasource: Any = None
        self.validations: list[tuple[str, Any]] = []
        """(dataset, GE's ExpectationSuiteValidationResult, counts only) of each suite validated, for Data Docs."""

    def open_sql(self, kind: str, connection_string: str, kwargs: dict[str, Any]) -> None:
        add = {"sqlite": self.context.data_sources.add_sqlite, "postgres": self.context.data_sources.add_postgres,
               "sql": self.context.data_sources.add_sql}[kind]
        self.datasource = add(name=self.name, connection_string=connection_string, kwargs=kwargs)

    def open_frames(self) -> None:
        self.datasource = self.context.data_sources.add_pandas(name=self.name)

    def validate_table(self, dataset: str, table: str, schema: str | None, planned: list[Planned]) -> list[Outcome]:
        asset = self.datasource.add_table_asset(name=dataset, table_name=table, schema_name=schema)
        batch = asset.add_batch_definition_whole_table("whole table").get_batch()
        return self._validate(batch, dataset, planned)

    def validate_frame(self, dataset: str, frame: Any, planned: list[Planned]) -> list[Outcome]:
        asset = self.datasource.add_dataframe_asset(name=dataset)
        batch = asset.add_batch_definition_whole_dataframe("whole frame").get_batch(
            batch_parameters={"dataframe": frame})
        return self._validate(batch, dataset, planned)

    def _validate(self, batch: Any, dataset: str, planned: list[Planned]) -> list[Outcome]:
        if not planned:
            return []
        started = time.monotonic()
        res = batch.validate(build_suite(f"{self.name}/{dataset}", planned), result_format=RESULT_FORMAT)
        self.validations.append((dataset, res))
        each = (time.monotonic() - started) / len(planned)
        out: list[Outcome | None] = [None] * len(planned)
        for r in res.results:
            i = r.expectation_config.meta["pdd_clause"]
            info = r.exception_info or {}
            if info.get("raised_exception"):
                out[i] = Outcome(None, {}, error=str(info.get("exception_message") or "the expectation raised"),
                                 seconds=each)
            else:
                out[i] = Outcome(bool(r.success), dict(r.result or {}), seconds=each)
        return [o or Outcome(None, {}, error="Great Expectations returned no result") for o in out]

    def close(self) -> None:
        if self.datasource is None:
            return
        try:
            engine = self.datasource.get_engine() if hasattr(self.datasource, "get_engine") else None
            if engine is not None:
                engine.dispose()
        finally:
            self.context.data_sources.delete(self.name)
            self.datasource = None
