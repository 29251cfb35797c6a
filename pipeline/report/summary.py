"""The short terminal summary: datasets, personal fields by type, violations by rule."""

from __future__ import annotations

from collections import Counter

from rich.console import Console
from rich.table import Table

from pipeline.report.model import Report


def print_summary(report: Report, console: Console, report_path: object = None) -> None:
    datasets = sum(s.datasets for s in report.sources)
    rows = sum(s.rows_scanned for s in report.sources)
    personal = [f for f in report.fields if f.entities]
    console.print(f"[bold]pdd scan[/] {report.run.id}  as of {report.run.as_of}: "
                  f"{len(report.sources)} sources, {datasets} datasets, {len(report.fields)} fields, {rows:,} rows")

    src = Table(title="Sources", title_justify="left", show_edge=False)
    for col in ("source", "kind", "status", "datasets", "fields", "rows"):
        src.add_column(col, justify="right" if col in ("datasets", "fields", "rows") else "left")
    for s in report.sources:
        status = "[green]ok[/]" if s.status == "ok" else f"[red]{s.status}[/]"
        src.add_row(s.name, s.kind, status, str(s.datasets), str(s.fields), f"{s.rows_scanned:,}")
    console.print(src)

    by_type = Counter(e.type for f in personal for e in f.entities)
    undeclared = Counter(e.type for f in personal if not f.declared for e in f.entities)
    types = Table(title=f"Personal fields by type ({len(personal)} of {len(report.fields)} fields)",
                  title_justify="left", show_edge=False)
    types.add_column("type")
    types.add_column("fields", justify="right")
    types.add_column("in undeclared fields", justify="right")
    for t, n in sorted(by_type.items(), key=lambda kv: (-kv[1], kv[0])):
        types.add_row(t, str(n), str(undeclared.get(t, "")))
    console.print(types)

    by_rule = Counter(v.rule for v in report.violations)
    if by_rule:
        vt = Table(title="Violations by rule", title_justify="left", show_edge=False)
        vt.add_column("rule")
        vt.add_column("records", justify="right")
        vt.add_column("where")
        for rule, n in sorted(by_rule.items()):
            where = Counter(f"{v.source}/{v.dataset}" for v in report.violations if v.rule == rule)
            vt.add_row(rule, str(n), ", ".join(f"{k} ({c})" for k, c in where.most_common(4))
                       + (" ..." if len(where) > 4 else ""))
        console.print(vt)
    else:
        console.print("[green]No violations.[/]")
    for s in report.sources:
        if s.status != "ok":
            console.print(f"[red]source {s.name} failed:[/] {s.error}")
    for note in report.notes[:10]:
        console.print(f"[yellow]note:[/] {note}")
    if report_path:
        console.print(f"Report: {report_path}")
