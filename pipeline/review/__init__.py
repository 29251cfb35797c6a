"""Review decisions: stewards confirm, reject or add a field's types and accept known violations until a date."""

from __future__ import annotations

from pipeline.review.apply import apply_decisions
from pipeline.review.decisions import (
    Acceptance,
    Decisions,
    FieldDecision,
    Rejection,
    ReviewError,
    load_decisions,
    save_decisions,
)

__all__ = ["Acceptance", "Decisions", "FieldDecision", "Rejection", "ReviewError", "apply_decisions",
           "load_decisions", "save_decisions", "review_report"]


def review_report(report, config):  # Report, Config (kept import-light)
    """The scan's hook: ``report`` with the decisions file of ``config`` applied.

    A decisions file that does not load leaves every field ``suggested`` and says why in the notes
    (the CLI refuses it before scanning; a scheduled run still writes its report).
    """
    from pipeline.policy import policy_for

    try:
        decisions = load_decisions(config.resolve(config.stewards.decisions))
    except ReviewError as exc:
        decisions = Decisions()
        report = report.model_copy(update={"notes": [*report.notes, f"review decisions not applied: {exc}"]})
    policy = policy_for(config)  # with the recognizers file's own types
    return apply_decisions(report, decisions, policy, {s.name: s.role
                                                       for s in config.sources})
