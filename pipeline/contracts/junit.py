"""The check's results as JUnit XML, which every CI system shows as a test report.

One testsuite per dataset, one testcase per contract clause: classname is
``source.dataset``, name is ``field:clause`` (``(dataset):clause`` for a clause
about the whole dataset). A broken clause is a <failure>, one that could not be
evaluated an <error>; their messages name dataset, field, clause and counts. A broken
clause that a steward accepted (pdd-review.yaml, until its date) passes, its message in <system-out>.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

from pipeline.contracts.results import CheckResult, ClauseResult


def _suite(parent: ET.Element, name: str, cases: list[ClauseResult]) -> None:
    suite = ET.SubElement(parent, "testsuite", {
        "name": name, "tests": str(len(cases)),
        "failures": str(sum(c.status == "failed" for c in cases)),
        "errors": str(sum(c.status == "error" for c in cases)),
        "skipped": str(sum(c.status == "skipped" for c in cases)),
        "time": f"{sum(c.seconds for c in cases):.3f}",
    })
    for c in cases:
        case = ET.SubElement(suite, "testcase", {"classname": c.classname, "name": c.name, "time": f"{c.seconds:.3f}"})
        if c.contract:
            props = ET.SubElement(case, "properties")
            ET.SubElement(props, "property", {"name": "contract", "value": c.contract})
            ET.SubElement(props, "property", {"name": "checked_by", "value": c.by})
        if c.status == "failed":
            ET.SubElement(case, "failure", {"message": c.line(), "type": "ContractBroken"}).text = c.line()
        elif c.status == "error":
            ET.SubElement(case, "error", {"message": c.line(), "type": "CheckError"}).text = c.line()
        elif c.status == "skipped":
            ET.SubElement(case, "skipped", {"message": c.message})
        elif c.status == "accepted":  # a pass for CI, with the steward's acceptance on record
            ET.SubElement(case, "system-out").text = f"accepted: {c.line()}"


def junit_xml(result: CheckResult) -> bytes:
    root = ET.Element("testsuites", {
        "name": "pdd contracts", "tests": str(len(result.clauses)),
        "failures": str(result.count("failed")), "errors": str(result.count("error") + len(result.problems)),
        "time": f"{result.seconds:.3f}",
    })
    by_dataset: dict[str, list[ClauseResult]] = {}
    for c in result.clauses:
        by_dataset.setdefault(c.classname, []).append(c)
    for name, cases in by_dataset.items():
        _suite(root, name, cases)
    if result.problems:
        suite = ET.SubElement(root, "testsuite", {"name": "pdd contracts: could not run", "tests": str(
            len(result.problems)), "failures": "0", "errors": str(len(result.problems)), "time": "0"})
        for i, p in enumerate(result.problems):
            case = ET.SubElement(suite, "testcase", {"classname": "pdd.contracts", "name": f"problem {i + 1}"})
            ET.SubElement(case, "error", {"message": p, "type": "CouldNotRun"}).text = p
    ET.indent(root)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True) + b"\n"


def write_junit(result: CheckResult, path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(junit_xml(result))
    return path
