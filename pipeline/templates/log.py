"""Mining every line of one log file: the library verb behind ``pdd templates LOG``.

The log is read by the logs source's own reader (gzip, bad bytes, overlong lines, the format detected
from its first lines), so a line has the same message and 1-based physical number as in a scan.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

from classifiers.field import FieldClassifier
from pipeline.report.model import TemplateEntry
from pipeline.sources.base import SourceError
from pipeline.sources.logs import LogFile
from pipeline.sources.textfile import TextFile
from pipeline.templates.classify import classify_templates
from pipeline.templates.messages import all_messages, minable, sampled_messages
from pipeline.templates.miner import Miner
from pipeline.templates.settings import TemplateSettings


class NotMinable(SourceError):
    """The file is no plain-text or JSON-message log (an access log, JSON lines without a message)."""


@dataclass
class MinedLog:
    log: str
    field: str
    lines: int
    """Lines mined (records with a message)."""
    forgotten: int
    """Lines whose template was forgotten under the cluster bound (settings.max_clusters)."""
    templates: list[TemplateEntry] = field(default_factory=list)  # type: ignore[operator]  # `field` above only annotates


def mine_log(path: Path, classifier: FieldClassifier, settings: TemplateSettings | None = None,
             lines_out: TextIO | None = None) -> MinedLog:
    """Every template of the log at ``path`` with its slots' types; ``lines_out`` gets one JSON line per
    record, ``{"line": N, "template": ID}`` (ID null for a record with no message)."""
    log = LogFile(TextFile(path, path.name, "templates"))
    if not minable(log):
        raise NotMinable(f"{path}: a {log.format} log has no message to mine templates from "
                         "(templates are mined for plain-text and JSON-message logs)")
    name, _ = sampled_messages(log)
    if name is None:
        raise NotMinable(f"{path}: no JSON field holds messages (a string of {3} words or more in most lines)")
    miner = Miner(settings)
    for number, message in all_messages(log, name):
        cid = miner.add(message)
        if lines_out is not None:
            lines_out.write(json.dumps({"line": number, "template": cid}) + "\n")
    return MinedLog(path.name, name, miner.lines, miner.forgotten,
                    classify_templates(miner.templates(), classifier, name, personal_only=False))
