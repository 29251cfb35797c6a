"""`pdd diff`, `pdd review ...`, `pdd export ...`: the stewards' commands, thin callers of the library.

Registered on the main typer app by :func:`register`, so that pipeline/cli.py
only says that they exist.
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path
from typing import Annotated

import typer

HISTORY_DEFAULT = "pdd-report/history.sqlite"
HistoryOpt = Annotated[str, typer.Option("--history", help="Run history: a SQLite file or a SQLAlchemy URL "
                                         "(the config's stewards.history).")]
DecisionsOpt = Annotated[Path, typer.Option("--decisions", help="Review decisions file (the config's "
                                            "stewards.decisions).")]

review_app = typer.Typer(add_completion=False, no_args_is_help=True, pretty_exceptions_enable=False,
                         help="Record review decisions: confirm, reject or add a field's types; accept a violation.")
export_app = typer.Typer(add_completion=False, no_args_is_help=True, pretty_exceptions_enable=False,
                         help="CSV exports for spreadsheets (the field inventory, the history's trend) and "
                              "exports to catalogs and data maps (fides, datahub).")


def _fail(message: str, code: int = 2) -> typer.Exit:
    typer.echo(message, err=True)
    return typer.Exit(code)


def _open_history(target: str):  # History, imported lazily
    from pipeline.history import History, HistoryError, history_url

    if "://" not in target and not Path(target).exists():
        raise _fail(f"history {target}: no such file (scan first, or give --history)")
    try:
        return History(history_url(target))
    except HistoryError as exc:
        raise _fail(str(exc)) from None


def _load(ref: str, history_target: str):  # Report
    """A report from a report.json path (or its folder) or a run id of the history."""
    from pipeline.history import HistoryError
    from pipeline.report import read_report

    p = Path(ref)
    if p.exists():
        try:
            return read_report(p)
        except (OSError, ValueError) as exc:
            raise _fail(f"{ref}: not a report.json ({exc.__class__.__name__}: {str(exc).splitlines()[0]})") from None
    history = _open_history(history_target)
    try:
        return history.report(ref)
    except HistoryError as exc:
        raise _fail(f"{ref}: neither a report.json path nor a run of the history ({exc})") from None
    finally:
        history.close()


def diff(
    old: Annotated[str | None, typer.Argument(help="report.json (or its folder) or a run id; default: the "
                                              "history's second-last run.")] = None,
    new: Annotated[str | None, typer.Argument(help="report.json or run id; default: the history's last run.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the changes as JSON.")] = False,
    history: HistoryOpt = HISTORY_DEFAULT,
) -> None:
    """What changed between two runs: datasets and fields added or gone, types changed, violations new and resolved.

    Exit status: 0 nothing changed, 1 something changed, 2 could not compare.
    """
    from pipeline.report.diff import diff_lines, diff_reports

    if (old is None) != (new is None):
        raise _fail("give both OLD and NEW, or neither (the history's last two runs)")
    if old is None:
        h = _open_history(history)
        try:
            runs = h.runs(limit=2)
        finally:
            h.close()
        if len(runs) < 2:
            raise _fail(f"the history {history} holds {len(runs)} run(s); two are needed to compare")
        old, new = runs[0].run_id, runs[1].run_id
    d = diff_reports(_load(old, history), _load(new, history))  # type: ignore[arg-type]  # both given, or both read above
    if as_json:
        typer.echo(json.dumps({**d.model_dump(mode="json"), "changed": d.changed}, indent=2, ensure_ascii=False))
    else:
        for line in diff_lines(d):
            typer.echo(line)
    raise typer.Exit(1 if d.changed else 0)


def _edit(decisions: Path):  # Decisions
    from pipeline.review import ReviewError, load_decisions

    try:
        return load_decisions(decisions)
    except ReviewError as exc:
        raise _fail(f"review decisions refused: {exc}") from None


def _field_decision(d, source: str, dataset: str, field: str, by: str, why: str | None):
    from pipeline.review import FieldDecision

    found = d.for_field(source, dataset, field)
    if found is None:
        found = FieldDecision(source=source, dataset=dataset, field=field, by=by, at=dt.date.today(), why=why)
        d.fields.append(found)
    found.by, found.at = by, dt.date.today()
    if why:
        found.why = why
    return found


def _save(d, decisions: Path, what: str) -> None:
    from pipeline.review import save_decisions

    save_decisions(d, decisions)
    typer.echo(f"{what}; saved in {decisions} (commit it for review)")


Src = Annotated[str, typer.Argument(help="Source name.")]
Ds = Annotated[str, typer.Argument(help="Dataset (table or file).")]
Fld = Annotated[str, typer.Argument(help="Field (column, JSON path, log variable).")]
By = Annotated[str, typer.Option("--by", help="Who decides (name or e-mail of the steward).")]


@review_app.command()
def confirm(source: Src, dataset: Ds, field: Fld, by: By,
            types: Annotated[list[str] | None, typer.Option("--type", help="A type the field holds (repeatable); "
                                                            "default: the types of --report.")] = None,
            report: Annotated[Path, typer.Option("--report", help="report.json to take the types from.")]
            = Path("pdd-report/report.json"),
            why: Annotated[str | None, typer.Option("--why")] = None, decisions: DecisionsOpt = Path("pdd-review.yaml"),
            ) -> None:
    """Confirm the field's types: the next scans say `confirmed` until the types found change."""
    from pipeline.report import read_report

    d = _edit(decisions)
    if not types:
        try:
            rep = read_report(report)
        except (OSError, ValueError) as exc:
            raise _fail(f"{report}: cannot read the types to confirm ({exc.__class__.__name__}); give --type") from None
        entry = next((f for f in rep.fields if (f.source, f.dataset, f.field) == (source, dataset, field)), None)
        if entry is None:
            raise _fail(f"{report}: no field {source}/{dataset}.{field}")
        types = [e.type for e in entry.entities if not any(e.evidence and x.startswith("added by") for x in e.evidence)]
    fd = _field_decision(d, source, dataset, field, by, why)
    fd.confirm = sorted(set(types))
    clash = set(fd.confirm) & {r.type for r in fd.reject if r.whole_field}
    if clash:
        raise _fail(f"{', '.join(sorted(clash))} is rejected for this field; a type is either confirmed or rejected")
    _save(d, decisions, f"confirmed {source}/{dataset}.{field}: {', '.join(fd.confirm) or 'no personal type'}")


@review_app.command()
def reject(source: Src, dataset: Ds, field: Fld,
           type_: Annotated[str, typer.Argument(metavar="TYPE", help="The false-positive type.")], by: By,
           why: Annotated[str, typer.Option("--why", help="Why it is wrong (required).")],
           template: Annotated[str | None, typer.Option(
               "--template", help="Only in this log template (its text as the report writes it, with <*>).")] = None,
           slot: Annotated[int | None, typer.Option("--slot", min=1, help="With --template: only this slot.")] = None,
           decisions: DecisionsOpt = Path("pdd-review.yaml")) -> None:
    """Reject a type of a field (a false positive): later scans keep it out and list it apart with the reason.

    With --template (and --slot), the type is rejected in that log template's slot only; the field keeps it."""
    from pipeline.review import Rejection

    if slot is not None and template is None:
        raise _fail("--slot names a slot of a template: give --template too")
    d = _edit(decisions)
    fd = _field_decision(d, source, dataset, field, by, None)
    new = Rejection(type=type_, why=why, template=template, slot=slot)
    fd.reject = [r for r in fd.reject if r.key != new.key] + [new]
    if fd.confirm is not None and new.whole_field:
        fd.confirm = [t for t in fd.confirm if t != type_]
    where = f" in template {template!r}" + (f" slot {slot}" if slot else "") if template else ""
    _save(d, decisions, f"rejected {type_} for {source}/{dataset}.{field}{where}")


@review_app.command()
def add(source: Src, dataset: Ds, field: Fld,
        type_: Annotated[str, typer.Argument(metavar="TYPE", help="The type the classifier missed.")], by: By,
        why: Annotated[str | None, typer.Option("--why")] = None,
        decisions: DecisionsOpt = Path("pdd-review.yaml")) -> None:
    """Add a type the classifier missed: later scans assert it with the steward as its evidence."""
    d = _edit(decisions)
    fd = _field_decision(d, source, dataset, field, by, why)
    fd.add = sorted(set(fd.add) | {type_})
    fd.reject = [r for r in fd.reject if r.type != type_ or not r.whole_field]
    _save(d, decisions, f"added {type_} to {source}/{dataset}.{field}")


@review_app.command()
def accept(rule: Annotated[str, typer.Argument(help="Rule name (full_card_number, under_16, ...).")],
           source: Src, dataset: Ds, by: By,
           why: Annotated[str, typer.Option("--why", help="The named reason (required).")],
           until: Annotated[str, typer.Option("--until", help="Expiry date YYYY-MM-DD (required).")],
           field: Annotated[str | None, typer.Option("--field", help="Only this field.")] = None,
           key: Annotated[str | None, typer.Option("--key", help="Only this record.")] = None,
           decisions: DecisionsOpt = Path("pdd-review.yaml")) -> None:
    """Accept known violations until a date: reported as accepted, out of the exit status until then."""
    from pipeline.review import Acceptance

    try:
        expiry = dt.date.fromisoformat(until)
    except ValueError:
        raise typer.BadParameter(f"{until!r} is not a date; use YYYY-MM-DD") from None
    d = _edit(decisions)
    d.accept.append(Acceptance(rule=rule, source=source, dataset=dataset, field=field, key=key, why=why,
                               until=expiry, by=by, at=dt.date.today()))
    _save(d, decisions, f"accepted {rule} in {source}/{dataset} until {expiry}")


@export_app.command()
def inventory(report: Annotated[Path, typer.Argument(help="report.json or its folder.")] = Path("pdd-report"),
              out: Annotated[Path | None, typer.Option("--out", help="CSV file; default: stdout.")] = None) -> None:
    """The field inventory of a report as CSV (one row per field)."""
    from pipeline.report import read_report
    from pipeline.report.export import inventory_csv

    try:
        text = inventory_csv(read_report(report))
    except (OSError, ValueError) as exc:
        raise _fail(f"{report}: not a report.json ({exc.__class__.__name__})") from None
    _write(text, out)


@export_app.command()
def trend(history: HistoryOpt = HISTORY_DEFAULT,
          out: Annotated[Path | None, typer.Option("--out", help="CSV file; default: stdout.")] = None) -> None:
    """The history's runs as CSV, oldest first: counts of fields, personal fields, violations by rule."""
    from pipeline.report.export import trend_csv

    h = _open_history(history)
    try:
        _write(trend_csv(h.runs()), out)
    finally:
        h.close()


def _write(text: str, out: Path | None) -> None:
    if out is None:
        sys.stdout.write(text)
    else:
        out.write_text(text, encoding="utf-8")
        typer.echo(f"wrote {out}", err=True)


def register(app: typer.Typer) -> None:
    app.command(name="diff")(diff)
    app.add_typer(review_app, name="review")
    from pipeline.export.cli import register as register_exports

    register_exports(export_app)
    app.add_typer(export_app, name="export")
