"""Writing the report: atomically, so a reader never sees half a file."""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

from pipeline.report.model import Report


def write_report(report: Report, out_dir: str | Path) -> Path:
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    target = out / "report.json"
    fd, tmp = tempfile.mkstemp(prefix=".report-", suffix=".json", dir=out)
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        json.dump(report.model_dump(mode="json"), fh, indent=2, ensure_ascii=False)
        fh.write("\n")
    os.replace(tmp, target)
    return target


def read_report(path: str | Path) -> Report:
    p = Path(path)
    if p.is_dir():
        p = p / "report.json"
    return Report.model_validate_json(p.read_text(encoding="utf-8"))
