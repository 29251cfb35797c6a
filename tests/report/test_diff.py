"""`pdd diff`: what changed between two reports, from paths or run ids, with exit 0/1/2."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from pipeline.cli import app
from pipeline.history import History
from pipeline.report import write_report
from pipeline.report.diff import diff_lines, diff_reports
from tests.history.test_store import report


def test_diff_lists_fields_added_and_violations_new_and_resolved() -> None:
    old, new = report("a", 2), report("b", 1, extra_field=True)
    new.violations.append(new.violations[0].model_copy(update={"key": "9", "evidence": "VISA ending 0009"}))
    d = diff_reports(old, new)
    assert d.changed
    assert [(f.field, f.types) for f in d.fields_added] == [("dob", ["DATE_OF_BIRTH"])]
    assert [v.key for v in d.violations_new] == ["9"] and [v.key for v in d.violations_resolved] == ["1"]
    assert d.violations_still == 1
    text = "\n".join(diff_lines(d))
    assert "+ field db/users.dob [DATE_OF_BIRTH]" in text and "1 new, 1 resolved, 1 still present" in text


def test_types_changed_and_datasets_gone() -> None:
    old, new = report("a", 0, extra_field=True), report("b", 0)
    new.fields[0].entities[0].type = "PHONE_NUMBER"
    d = diff_reports(old, new)
    assert [(t.field, t.old, t.new) for t in d.types_changed] == [("email", ["EMAIL_ADDRESS"], ["PHONE_NUMBER"])]
    assert [f.field for f in d.fields_gone] == ["dob"] and d.datasets_gone == []
    assert not diff_reports(old, old).changed


def test_cli_paths_run_ids_default_and_errors(tmp_path: Path) -> None:
    a, b = write_report(report("a", 2), tmp_path / "a"), write_report(report("b", 2), tmp_path / "b")
    run = CliRunner().invoke
    assert run(app, ["diff", str(a), str(b)]).exit_code == 0
    hist = tmp_path / "history.sqlite"
    h = History(str(hist))
    h.record(report("a", 2))
    h.record(report("b", 1))
    h.close()
    res = run(app, ["diff", "--history", str(hist), "--json"])  # default: the last two runs
    assert res.exit_code == 1, res.output
    data = json.loads(res.output)
    assert data["changed"] and data["old_run"] == "a" and [v["key"] for v in data["violations_resolved"]] == ["1"]
    assert run(app, ["diff", "a", str(b), "--history", str(hist)]).exit_code == 0  # a run id and a path
    bad = run(app, ["diff", "nope", "b", "--history", str(hist)])
    assert bad.exit_code == 2 and "no run 'nope'" in bad.output
    assert run(app, ["diff", "a"]).exit_code == 2
    empty = tmp_path / "empty.sqlite"
    History(str(empty)).close()
    assert run(app, ["diff", "--history", str(empty)]).exit_code == 2
    assert run(app, ["diff", "--history", str(tmp_path / "missing.sqlite")]).exit_code == 2


def test_a_new_personal_log_template_is_named_by_its_text() -> None:
    """Issue 24: ids are per run, so templates are matched by text; the diff and the page name the new one."""
    from pipeline.report.html import render_html
    from pipeline.report.model import SlotEntry, TemplateEntry

    def with_templates(run_id: str, texts: list[str]) -> object:
        r = report(run_id, 0)
        r.fields[0].templates = [TemplateEntry(id=i + 10 * len(run_id), template=t, count=5,
                                               slots=[SlotEntry(index=1, entities=["EMAIL_ADDRESS"])])
                                 for i, t in enumerate(texts)]
        return r

    old = with_templates("a", ["mail sent to <*>"])
    new = with_templates("bb", ["mail sent to <*>", "password reset requested for <*>"])  # other ids
    d = diff_reports(old, new)
    assert [t.template for t in d.templates_added] == ["password reset requested for <*>"] and not d.templates_gone
    assert "+ new personal template db/users.email [EMAIL_ADDRESS]: password reset requested for <*>" in diff_lines(d)
    page = render_html(new, old)
    assert "personal template added" in page and "password reset requested for &lt;*&gt;" in page
    assert not diff_reports(new, new).changed
