"""Apply the stewards' decisions to an assembled report: the one hook the scan calls.

Per field (``review.status``):

- ``suggested``: no decision yet (or one that only rejects or adds types); the types are the classifier's.
- ``confirmed``: the types found (after rejections) are exactly the confirmed
  ones, plus any the steward added.
- ``changed``: a decision exists but the evidence no longer matches it (a type
  appeared that was neither confirmed nor added, or a confirmed type is no
  longer found); ``review.changes`` says which, and the field awaits a new
  decision. Rejections and additions still apply.

A rejected type is removed from the field's entities (and its log templates'
slots) in every scan and listed under ``review.rejected`` with its reason; a
rejection naming a log template (its text, and optionally a slot) removes the
type from that template's slots only: a template left with no typed slot is no
longer listed, the field keeps its types. An added type is asserted with the
steward as its evidence. Categories and ``declared`` are recomputed from the
resulting types. A violation covered by an acceptance whose ``until`` is on or
after the run's ``as_of`` carries ``accepted`` and does not count in the exit
status; an expired acceptance is ignored and said in the notes.
"""

from __future__ import annotations

import datetime as dt

from pipeline.policy import PolicyMap
from pipeline.report.model import (
    Acceptance as AcceptedEntry,
)
from pipeline.report.model import (
    EntityEntry,
    FieldEntry,
    FieldReview,
    RejectedType,
    Report,
)
from pipeline.review.decisions import Decisions, FieldDecision


def apply_decisions(report: Report, decisions: Decisions, policy: PolicyMap, roles: dict[str, str]) -> Report:
    """``report`` with the decisions applied (a new object; ``roles``: source -> controller/processor)."""
    out = report.model_copy(deep=True)
    out.fields = [_field(f, decisions.for_field(f.source, f.dataset, f.field), policy,
                         roles.get(f.source, "controller")) for f in out.fields]
    as_of = dt.date.fromisoformat(out.run.as_of)
    expired: set[tuple[str, str, str, str]] = set()
    for v in out.violations:
        for a in decisions.accept:
            if a.covers(v.rule, v.source, v.dataset, v.field, v.key):
                if a.until >= as_of:
                    v.accepted = AcceptedEntry(why=a.why, until=a.until.isoformat(), by=a.by)
                    break
                expired.add((v.rule, v.source, v.dataset, a.until.isoformat()))
    out.notes += [f"{s}/{d}: the acceptance of {r} expired on {u}; its violations count again"
                  for r, s, d, u in sorted(expired)]
    return out


def _field(f: FieldEntry, d: FieldDecision | None, policy: PolicyMap, role: str) -> FieldEntry:
    if d is None:
        f.review = FieldReview(status="suggested")
        return f
    rejected = {r.type: r.why for r in d.reject if r.whole_field}
    original = {e.type for e in f.entities}
    in_templates = _reject_in_templates(f, d)
    found = [e for e in f.entities if e.type not in rejected]
    observed = {e.type for e in found}
    confirmed, added = set(d.confirm or []), set(d.add)
    changes: list[str] = []
    if d.confirm is not None:  # a decision that only rejects or adds confirms nothing: the field stays suggested
        changes = [f"new type {t}" for t in sorted(observed - confirmed - added)]
        changes += [f"confirmed type {t} no longer found" for t in sorted(confirmed - added - observed)]
    for t in d.add:
        if t not in observed:
            found.append(EntityEntry(type=t, confidence=1.0, evidence=[f"added by {d.by} on {d.at.isoformat()}"]))
    f.entities = found
    f.categories, f.declared = policy.categorize([e.type for e in found], role)
    # Only the types this scan found are listed as rejected: a rejection of a type no longer found is silent.
    status = "suggested" if d.confirm is None else ("changed" if changes else "confirmed")
    f.review = FieldReview(status=status, by=d.by, at=d.at.isoformat(), why=d.why,
                           rejected=[RejectedType(type=t, why=w, by=d.by) for t, w in rejected.items()
                                     if t in original] + in_templates, changes=changes)
    return f


def _reject_in_templates(f: FieldEntry, d: FieldDecision) -> list[RejectedType]:
    """Take the rejected types out of the field's template slots (field-wide rejections from every template,
    a template's from its own slots); the template-level rejections that removed something, to list."""
    done: dict[tuple[str, str | None, int | None], RejectedType] = {}
    kept = []
    for t in f.templates:
        for s in t.slots:
            for r in d.reject:
                if r.type in s.entities and (r.whole_field or (r.template == t.template and r.slot in (None, s.index))):
                    s.entities = [e for e in s.entities if e != r.type]
                    if not r.whole_field:
                        done.setdefault(r.key, RejectedType(type=r.type, why=r.why, by=d.by, template=r.template,
                                                            slot=r.slot))
        t.slots = [s for s in t.slots if s.entities]
        if t.slots:
            kept.append(t)
    f.templates = kept
    return list(done.values())
