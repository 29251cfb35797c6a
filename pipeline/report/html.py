"""report.html: one self-contained page for data stewards, rendered from the same Report as report.json.

Everything the page shows comes from the report (masked by construction),
the previous run's report and the history's counts. Markup lives in Jinja2
templates with autoescape on; Python only computes numbers (chart geometry)
and plain strings. The page loads nothing: its Content-Security-Policy allows
no source but its own inline style and script, pinned by their hashes, so an
injected tag could not run even if escaping failed.
"""

from __future__ import annotations

import base64
import hashlib
import os
import tempfile
from collections import Counter
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape
from markupsafe import Markup

from pipeline.policy import PolicyMap
from pipeline.report.diff import ReportDiff, diff_reports, violation_key
from pipeline.report.model import Report

CHART_WIDTH = 560
BAR_HEIGHT = 18
LABEL_WIDTH = 230
LABEL_CHARS = 36


@dataclass(frozen=True)
class Bar:
    label: str
    title: str
    value: int
    y: int
    width: int


@dataclass(frozen=True)
class BarChart:
    title: str
    bars: list[Bar]
    height: int
    empty: str


@dataclass(frozen=True)
class Series:
    name: str
    css: str
    points: str
    last: int


@dataclass(frozen=True)
class TrendChart:
    runs: list[str]
    series: list[Series]
    height: int
    max: int


def _short(text: str, n: int = LABEL_CHARS) -> str:
    return text if len(text) <= n else text[: n - 1] + "…"


def bar_chart(title: str, counts: Counter[str] | dict[str, int], empty: str = "none") -> BarChart:
    """Horizontal bars, largest first; widths are proportional to the largest value."""
    items = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    top = max((v for _, v in items), default=0) or 1
    span = CHART_WIDTH - LABEL_WIDTH - 50
    bars = [Bar(label=_short(k), title=k, value=v, y=i * (BAR_HEIGHT + 6), width=max(1, round(span * v / top)))
            for i, (k, v) in enumerate(items)]
    return BarChart(title=title, bars=bars, height=max(1, len(bars)) * (BAR_HEIGHT + 6), empty=empty)


def trend_chart(runs: list[tuple[str, dict[str, int]]], names: dict[str, str], height: int = 140) -> TrendChart:
    """Polylines of counts per run, oldest first (``runs``: (run id, {series: count}))."""
    top = max((v for _, counts in runs for v in counts.values()), default=0) or 1
    step = (CHART_WIDTH - 60) / max(1, len(runs) - 1)
    series = []
    for i, key in enumerate(names):
        pts = [(40 + j * step, 10 + (height - 30) * (1 - counts.get(key, 0) / top))
               for j, (_, counts) in enumerate(runs)]
        series.append(Series(name=key, css=f"s{i}", points=" ".join(f"{x:.1f},{y:.1f}" for x, y in pts),
                             last=runs[-1][1].get(key, 0) if runs else 0))
    return TrendChart(runs=[r for r, _ in runs], series=series, height=height, max=top)


def _field_rows(report: Report) -> list[dict]:
    rows = []
    for f in report.fields:
        review = f.review
        rows.append({
            "source": f.source, "dataset": f.dataset, "field": f.field,
            "entities": [{"type": e.type, "confidence": e.confidence, "evidence": e.evidence,
                          "name_only": bool(getattr(e, "name_only", False))} for e in f.entities],
            "categories": f.categories, "declared": f.declared, "values_sampled": f.values_sampled,
            "empty": getattr(f, "empty", None), "samples": list(getattr(f, "samples", None) or []),
            "status": review.status if review else "suggested",
            "rejected": [{"type": r.type, "why": r.why, "by": r.by, "template": r.template, "slot": r.slot}
                         for r in review.rejected] if review else [],
            "changes": review.changes if review else [], "by": review.by if review else None,
        })
    return rows


def _violation_rows(report: Report, diff: ReportDiff | None) -> list[dict]:
    new = {violation_key(v) for v in diff.violations_new} if diff else set()
    rows = [{"v": v, "state": ("new" if violation_key(v) in new else "still present") if diff else "new"}
            for v in report.violations]
    rows += [{"v": v, "state": "resolved"} for v in (diff.violations_resolved if diff else [])]
    return rows


def clip(text: object, n: int = 200) -> str:
    """A scanned name or evidence cut to ``n`` characters, saying how long it was (a hostile 1 MB key name
    must not bury the page); the full text stays in report.json."""
    s = "" if text is None else str(text)
    return s if len(s) <= n else f"{s[:n]}… ({len(s):,} characters)"


def _asset(name: str) -> str:
    return resources.files("pipeline.report").joinpath("templates", name).read_text(encoding="utf-8")


def _sha(text: str) -> str:
    return "sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode()


def render_html(report: Report, previous: Report | None = None,
                trend: list[tuple[str, dict[str, int]]] | None = None, policy: PolicyMap | None = None) -> str:
    """The page for ``report``; ``previous`` gives the "since the last run" section, ``trend`` past runs' counts."""
    env = Environment(loader=PackageLoader("pipeline.report", "templates"), undefined=StrictUndefined,
                      autoescape=select_autoescape(["html", "j2"], default_for_string=True, default=True))
    env.filters["clip"] = clip
    css, js = _asset("report.css"), _asset("report.js")
    personal = [f for f in report.fields if f.entities]
    diff = diff_reports(previous, report) if previous is not None else None
    by_cat = Counter(c for f in personal for c in f.categories)
    # A field is undeclared as a whole; the policy map says which of its types made it so.
    undeclared = Counter(e.type for f in personal if not f.declared for e in f.entities
                         if policy is None or not policy.categorize([e.type])[1])
    by_rule_source = Counter(f"{v.rule} · {v.source}" for v in report.violations)
    runs = list(trend or [])
    counts = {"violations": len(report.violations), "personal fields": len(personal),
              "undeclared fields": sum(not f.declared for f in personal)}
    if not runs or runs[-1][0] != report.run.id:
        runs.append((report.run.id, counts))
    template = env.get_template("report.html.j2")
    return template.render(
        report=report, css=Markup(css), js=Markup(js),
        csp=f"default-src 'none'; style-src '{_sha(css)}'; script-src '{_sha(js)}'; img-src 'none'; "
            "font-src 'none'; connect-src 'none'; form-action 'none'; base-uri 'none'",
        personal=personal, counts=counts, diff=diff,
        accepted=sum(v.accepted is not None for v in report.violations),
        charts=[bar_chart("Personal fields per policy category", by_cat, "no personal field"),
                bar_chart("Undeclared types (fields)", undeclared, "every type found is declared"),
                bar_chart("Violations per rule and source", by_rule_source, "no violation")],
        trend=trend_chart(runs, {"violations": "s0", "personal fields": "s1", "undeclared fields": "s2"})
        if len(runs) >= 2 else None,
        fields=_field_rows(report), violations=_violation_rows(report, diff),
    )


def write_html(report: Report, out_dir: str | Path, previous: Report | None = None,
               trend: list[tuple[str, dict[str, int]]] | None = None, policy: PolicyMap | None = None) -> Path:
    """Write ``out_dir``/report.html atomically beside report.json."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    target = out / "report.html"
    fd, tmp = tempfile.mkstemp(prefix=".report-", suffix=".html", dir=out)
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        fh.write(render_html(report, previous, trend, policy))
    os.replace(tmp, target)
    return target
