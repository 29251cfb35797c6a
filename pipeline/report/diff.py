"""What changed between two reports: datasets and fields added or gone, types changed, violations new and resolved.

Used by ``pdd diff`` (contract.md §4) and by report.html's "since the last run"
section. It compares reports, which hold masked evidence only, so its output
holds nothing raw either.
"""

from __future__ import annotations

from pydantic import BaseModel, Field

from pipeline.report.model import FieldEntry, Report, ViolationEntry


class FieldRef(BaseModel):
    source: str
    dataset: str
    field: str
    types: list[str] = Field(default_factory=list)


class TypeChange(BaseModel):
    source: str
    dataset: str
    field: str
    old: list[str]
    new: list[str]


class TemplateRef(BaseModel):
    """A log template whose slots hold personal data (matched between runs by its text: ids are per run)."""

    source: str
    dataset: str
    field: str
    template: str
    types: list[str] = Field(default_factory=list)


class ReportDiff(BaseModel):
    old_run: str
    new_run: str
    datasets_added: list[str] = Field(default_factory=list)
    datasets_gone: list[str] = Field(default_factory=list)
    fields_added: list[FieldRef] = Field(default_factory=list)
    fields_gone: list[FieldRef] = Field(default_factory=list)
    types_changed: list[TypeChange] = Field(default_factory=list)
    violations_new: list[ViolationEntry] = Field(default_factory=list)
    violations_resolved: list[ViolationEntry] = Field(default_factory=list)
    violations_still: int = 0
    templates_added: list[TemplateRef] = Field(default_factory=list)
    templates_gone: list[TemplateRef] = Field(default_factory=list)

    @property
    def changed(self) -> bool:
        return bool(self.datasets_added or self.datasets_gone or self.fields_added or self.fields_gone
                    or self.types_changed or self.violations_new or self.violations_resolved
                    or self.templates_added or self.templates_gone)


def _fkey(f: FieldEntry) -> tuple[str, str, str]:
    return (f.source, f.dataset, f.field)


def violation_key(v: ViolationEntry) -> tuple[str, ...]:
    return (v.rule, v.source, v.dataset, v.field, v.key, v.path or "")


def _types(f: FieldEntry) -> list[str]:
    return sorted(e.type for e in f.entities)


def _templates(report: Report) -> dict[tuple[str, str, str, str], TemplateRef]:
    return {(f.source, f.dataset, f.field, t.template):
            TemplateRef(source=f.source, dataset=f.dataset, field=f.field, template=t.template,
                        types=sorted({e for s in t.slots for e in s.entities}))
            for f in report.fields for t in f.templates}


def diff_reports(old: Report, new: Report) -> ReportDiff:
    out = ReportDiff(old_run=old.run.id, new_run=new.run.id)
    of, nf = {_fkey(f): f for f in old.fields}, {_fkey(f): f for f in new.fields}
    od, nd = {k[:2] for k in of}, {k[:2] for k in nf}
    out.datasets_added = [f"{s}/{d}" for s, d in sorted(nd - od)]
    out.datasets_gone = [f"{s}/{d}" for s, d in sorted(od - nd)]
    for k in sorted(nf.keys() - of.keys()):
        out.fields_added.append(FieldRef(source=k[0], dataset=k[1], field=k[2], types=_types(nf[k])))
    for k in sorted(of.keys() - nf.keys()):
        out.fields_gone.append(FieldRef(source=k[0], dataset=k[1], field=k[2], types=_types(of[k])))
    for k in sorted(of.keys() & nf.keys()):
        a, b = _types(of[k]), _types(nf[k])
        if a != b:
            out.types_changed.append(TypeChange(source=k[0], dataset=k[1], field=k[2], old=a, new=b))
    ov = {violation_key(v): v for v in old.violations}
    nv = {violation_key(v): v for v in new.violations}
    out.violations_new = [v for k, v in nv.items() if k not in ov]
    out.violations_resolved = [v for k, v in ov.items() if k not in nv]
    out.violations_still = len(nv.keys() & ov.keys())
    ot, nt = _templates(old), _templates(new)
    out.templates_added = [nt[k] for k in sorted(nt.keys() - ot.keys())]
    out.templates_gone = [ot[k] for k in sorted(ot.keys() - nt.keys())]
    return out


def diff_lines(d: ReportDiff, limit: int = 50) -> list[str]:
    """The diff as plain text lines for a terminal (``limit`` violations per list, then a count)."""
    lines = [f"pdd diff {d.old_run} -> {d.new_run}"]
    if not d.changed:
        return [*lines, f"nothing changed ({d.violations_still} violation(s) still present)"]
    for title, items in (("datasets added", d.datasets_added), ("datasets gone", d.datasets_gone)):
        lines += [f"+ dataset {x}" if "added" in title else f"- dataset {x}" for x in items]
    for f in d.fields_added:
        lines.append(f"+ field {f.source}/{f.dataset}.{f.field} [{', '.join(f.types) or 'no personal type'}]")
    for f in d.fields_gone:
        lines.append(f"- field {f.source}/{f.dataset}.{f.field} [{', '.join(f.types) or 'no personal type'}]")
    for t in d.types_changed:
        lines.append(f"~ field {t.source}/{t.dataset}.{t.field}: [{', '.join(t.old)}] -> [{', '.join(t.new)}]")
    for sign, ts in (("+ new", d.templates_added), ("- gone", d.templates_gone)):
        for tr in ts:
            lines.append(f"{sign} personal template {tr.source}/{tr.dataset}.{tr.field} [{', '.join(tr.types)}]: "
                         f"{tr.template}")
    for sign, vs in (("+ new", d.violations_new), ("- resolved", d.violations_resolved)):
        for v in vs[:limit]:
            lines.append(f"{sign} violation {v.rule} {v.source}/{v.dataset}.{v.field} key {v.key}: {v.evidence}")
        if len(vs) > limit:
            lines.append(f"{sign} ... and {len(vs) - limit} more")
    lines.append(f"{len(d.violations_new)} new, {len(d.violations_resolved)} resolved, "
                 f"{d.violations_still} still present")
    return lines
