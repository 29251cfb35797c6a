"""The exports a config asks for (`exports:`), run after a scheduled scan's report is written."""

from __future__ import annotations

import os
from pathlib import Path

from pipeline.config.model import Config
from pipeline.export.base import ExportError, load, options_from_config


def run_configured(config: Config, report_dir: str | Path) -> list[str]:
    """Write or send each configured export of the report in REPORT_DIR; one line per export said.

    Every export is tried; ExportError after the last one names those that failed."""
    report = load(report_dir)
    done: list[str] = []
    failed: list[str] = []
    for e in config.exports:
        out = config.resolve(e.out) if e.out else None
        try:
            if e.target == "datahub":
                from pipeline.export.datahub import TOKEN_ENV, export_datahub

                options = options_from_config(config, platforms=e.platforms, env=e.env)
                done.append(export_datahub(report, options, out=out, url=e.url, token=os.environ.get(TOKEN_ENV)))
            else:
                from pipeline.export.fides import export_fides

                if out is None:
                    raise ExportError("fides is written to a file: give `out`")
                done.append(f"wrote {export_fides(report, out)}")
        except ExportError as exc:
            failed.append(f"{e.target}: {exc}")
    if failed:
        raise ExportError("; ".join(failed) + (f" (done: {'; '.join(done)})" if done else ""))
    return done
