"""`pdd review confirm|reject|add|accept`: a steward's review decisions, thin callers of pipeline.review that
edit the decisions file (the config's stewards.decisions) for the next scans to apply."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Annotated

import typer

from pipeline.cli.common import fail, parse_date

DecisionsOpt = Annotated[Path, typer.Option("--decisions", help="Review decisions file (the config's "
                                            "stewards.decisions).")]

app = typer.Typer(add_completion=False, no_args_is_help=True, pretty_exceptions_enable=False,
                  help="Record review decisions: confirm, reject or add a field's types; accept a violation.")


def _edit(decisions: Path):  # Decisions
    from pipeline.review import ReviewError, load_decisions

    try:
        return load_decisions(decisions)
    except ReviewError as exc:
        raise fail(f"review decisions refused: {exc}") from None


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


@app.command()
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
            raise fail(f"{report}: cannot read the types to confirm ({exc.__class__.__name__}); give --type") from None
        entry = next((f for f in rep.fields if (f.source, f.dataset, f.field) == (source, dataset, field)), None)
        if entry is None:
            raise fail(f"{report}: no field {source}/{dataset}.{field}")
        types = [e.type for e in entry.entities if not any(e.evidence and x.startswith("added by") for x in e.evidence)]
    fd = _field_decision(d, source, dataset, field, by, why)
    fd.confirm = sorted(set(types))
    clash = set(fd.confirm) & {r.type for r in fd.reject if r.whole_field}
    if clash:
        raise fail(f"{', '.join(sorted(clash))} is rejected for this field; a type is either confirmed or rejected")
    _save(d, decisions, f"confirmed {source}/{dataset}.{field}: {', '.join(fd.confirm) or 'no personal type'}")


@app.command()
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
        raise fail("--slot names a slot of a template: give --template too")
    d = _edit(decisions)
    fd = _field_decision(d, source, dataset, field, by, None)
    new = Rejection(type=type_, why=why, template=template, slot=slot)
    fd.reject = [r for r in fd.reject if r.key != new.key] + [new]
    if fd.confirm is not None and new.whole_field:
        fd.confirm = [t for t in fd.confirm if t != type_]
    where = f" in template {template!r}" + (f" slot {slot}" if slot else "") if template else ""
    _save(d, decisions, f"rejected {type_} for {source}/{dataset}.{field}{where}")


@app.command()
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


@app.command()
def accept(rule: Annotated[str, typer.Argument(help="Rule name (full_card_number, under_16, ...).")],
           source: Src, dataset: Ds, by: By,
           why: Annotated[str, typer.Option("--why", help="The named reason (required).")],
           until: Annotated[str, typer.Option("--until", help="Expiry date YYYY-MM-DD (required).")],
           field: Annotated[str | None, typer.Option("--field", help="Only this field.")] = None,
           key: Annotated[str | None, typer.Option("--key", help="Only this record.")] = None,
           decisions: DecisionsOpt = Path("pdd-review.yaml")) -> None:
    """Accept known violations until a date: reported as accepted, out of the exit status until then."""
    from pipeline.review import Acceptance

    expiry = parse_date(until)
    d = _edit(decisions)
    d.accept.append(Acceptance(rule=rule, source=source, dataset=dataset, field=field, key=key, why=why,
                               until=expiry, by=by, at=dt.date.today()))
    _save(d, decisions, f"accepted {rule} in {source}/{dataset} until {expiry}")
