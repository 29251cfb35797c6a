"""What a contract check found: one result per contract clause, and the readable summaries of them.

Every message here is built from names and counts only; a value read from a
store never enters one (error texts from drivers are masked before they do).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

from classifiers.cards import mask

#: accepted: failed, but covered by a steward's acceptance (pdd-review.yaml) until its date; not a failure
Status = Literal["passed", "failed", "accepted", "error", "skipped"]
DATASET = "(dataset)"


@dataclass(frozen=True)
class ClauseResult:
    source: str
    dataset: str
    #: the field, or DATASET for a clause about the whole dataset
    field: str
    clause: str
    status: Status
    #: names and counts only
    message: str
    #: where the clause was checked: "scan" (classification drift) or "gx" (Great Expectations)
    by: str = "gx"
    contract: str | None = None
    seconds: float = 0.0

    @property
    def classname(self) -> str:
        return f"{self.source}.{self.dataset}"

    @property
    def name(self) -> str:
        return f"{self.field}:{self.clause}"

    def line(self) -> str:
        where = "" if self.field == DATASET else f", field {self.field}"
        return f"{self.source}.{self.dataset}{where}, clause {self.clause}: {self.message}"


@dataclass
class CheckResult:
    as_of: str
    contracts: int
    clauses: list[ClauseResult] = field(default_factory=list)
    #: reasons the check could not run completely (a source unreachable, a dataset unreadable)
    problems: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    seconds: float = 0.0
    #: (source, dataset, GE validation result) of each expectation suite validated, for `--data-docs`
    gx_validations: list[tuple[str, str, Any]] = field(default_factory=list, repr=False)

    def count(self, status: Status) -> int:
        return sum(1 for c in self.clauses if c.status == status)

    @property
    def exit_code(self) -> int:
        """0 every clause holds, 1 a contract is broken, 2 the check could not run completely."""
        if self.problems or self.count("error"):
            return 2
        return 1 if self.count("failed") else 0

    def headline(self) -> str:
        c = Counter(x.status for x in self.clauses)
        datasets = len({(x.source, x.dataset) for x in self.clauses})
        return (f"pdd contracts: {self.contracts} contracts, {datasets} datasets, {len(self.clauses)} clauses as of "
                f"{self.as_of}: {c['passed']} passed, {c['failed']} failed, "
                + (f"{c['accepted']} accepted, " if c["accepted"] else "")
                + f"{c['error']} errors, {c['skipped']} skipped ({self.seconds:.1f} s)")

    def verdict(self) -> str:
        code = self.exit_code
        if code == 0:
            return "All contract clauses hold."
        if code == 1:
            n = len({(x.source, x.dataset) for x in self.clauses if x.status == "failed"})
            return f"Contract broken: {self.count('failed')} clauses failed in {n} datasets."
        return "The check could not run completely: " + "; ".join(
            self.problems or [f"{self.count('error')} clauses could not be evaluated"])

    def text(self, limit: int = 200) -> str:
        """The summary printed on stdout."""
        out = [self.headline()]
        shown = [c for c in self.clauses if c.status in ("failed", "error", "accepted")]
        label = {"failed": "FAILED", "error": "ERROR ", "accepted": "ACCEPTED"}
        for c in shown[:limit]:
            out.append(f"  {label[c.status]} {c.line()}")
        if len(shown) > limit:
            out.append(f"  ... and {len(shown) - limit} more (see the JUnit file)")
        out += [f"  problem: {p}" for p in self.problems]
        out += [f"  note: {n}" for n in self.notes[:20]]
        out.append(self.verdict())
        return "\n".join(out)

    def markdown(self) -> str:
        """The summary for a CI job page (e.g. $GITHUB_STEP_SUMMARY)."""
        icon = {0: "✅", 1: "❌", 2: "⚠️"}[self.exit_code]
        out = [f"## {icon} Data contracts", "", self.headline().removeprefix("pdd contracts: "), "",
               f"**{self.verdict()}**", ""]
        shown = [c for c in self.clauses if c.status in ("failed", "error", "accepted")]
        if shown:
            out += ["| dataset | field | clause | status | what |", "|---|---|---|---|---|"]
            for c in shown:
                msg = c.message.replace("|", "\\|")
                out.append(f"| {c.classname} | {c.field} | {c.clause} | {c.status} | {msg} |")
            out.append("")
        for p in self.problems:
            out.append(f"- problem: {p}")
        return "\n".join(out) + "\n"


def scrub(text: str, secrets: Sequence[str] = (), limit: int = 300) -> str:
    """A driver's or library's error text made safe to print: one line, secrets and card numbers masked."""
    first = next((ln.strip() for ln in str(text).splitlines() if ln.strip()), "")
    for s in secrets:
        if s:
            first = first.replace(s, "***")
    first = mask(first)
    return first if len(first) <= limit else first[: limit - 3] + "..."
