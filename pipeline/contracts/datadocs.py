"""Great Expectations' own Data Docs of a contract check: a file-backed GE context in a folder.

The check validates in the process's ephemeral context (GE starts once); with `--data-docs DIR` its
validation results (counts only: SUMMARY with no failing values, runner.RESULT_FORMAT) are kept in a
file-backed context at DIR (`DIR/gx/`, GE's own layout: great_expectations.yml, the validation results
store) and GE builds its Data Docs site from them, so GE users find pdd's contracts where they find their
other expectations. Note that GE's Data Docs pages load Bootstrap, jQuery and Vega from public CDNs: offline
they show unstyled (GE's limitation, not pdd's).
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

from pipeline.contracts.runner import quiet_gx_logging


def suite_name(source: str, dataset: str) -> str:
    """GE's file stores refuse `/` and `\\` in a key; a dotted name also nests the Data Docs pages."""
    return re.sub(r"[/\\]", "_", f"pdd.{source}.{dataset}")


def build_data_docs(validations: list[tuple[str, str, Any]], out_dir: str | Path,
                    run_name: str = "pdd-contracts-check") -> Path:
    """Store the validation results in a file-backed GE context at OUT_DIR and build its Data Docs;
    returns the site's index.html."""
    quiet_gx_logging()
    import great_expectations as gx
    from great_expectations.data_context.data_context.context_factory import project_manager
    from great_expectations.exceptions import DataContextRequiredError

    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    try:  # GE's current context is process-wide: the file context is current only while the docs are built
        previous = project_manager.get_current_project()
    except DataContextRequiredError:
        previous = None
    try:
        return _build(gx.get_context(mode="file", project_root_dir=str(out)), validations, run_name)
    finally:
        project_manager.set_project(previous)


def _build(ctx: Any, validations: list[tuple[str, str, Any]], run_name: str) -> Path:
    from great_expectations.core.run_identifier import RunIdentifier
    from great_expectations.data_context.types.resource_identifiers import (
        ExpectationSuiteIdentifier,
        ValidationResultIdentifier,
    )

    quiet_gx_logging()
    ctx.variables.progress_bars = {"globally": False, "metric_calculations": False}
    run_id = RunIdentifier(run_name=run_name, run_time=dt.datetime.now(dt.UTC))
    for source, dataset, result in validations:
        name = suite_name(source, dataset)
        result.suite_name = name
        key = ValidationResultIdentifier(expectation_suite_identifier=ExpectationSuiteIdentifier(name=name),
                                         run_id=run_id, batch_identifier=re.sub(r"[/\\]", "_", dataset))
        ctx.validation_results_store.set(key, result)
    sites = ctx.build_data_docs()
    index = next(iter(sites.values()))
    return Path(index.removeprefix("file://"))
