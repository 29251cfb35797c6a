"""Each export of the reviewed demo, read back by the target's own library: DataHub's file source, fideslang's
Dataset model. A rejected type is absent, a confirmed field is marked confirmed, no planted value leaves pdd."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from demo.generate import Manifest
from pipeline.cli import app
from pipeline.report import read_report
from tests.export.conftest import CONFIRMED, REJECTED
from tests.export.helpers import run_fides
from tests.helpers import leaks


def _raw(m: Manifest, text: str) -> list[str]:
    """Masked names of planted values found in ``text`` (short ones such as ages would match anything)."""
    return leaks(text, m.card_numbers) + [f"planted value #{i}" for i, v in enumerate(m.planted_values)
                                          if len(v) >= 8 and v in text]


@pytest.fixture(scope="module")
def datahub_file(reviewed_demo: tuple[Manifest, Path], tmp_path_factory: pytest.TempPathFactory) -> Path:
    manifest, out = reviewed_demo
    target = tmp_path_factory.mktemp("datahub") / "pdd-datahub.json"
    res = CliRunner().invoke(app, ["export", "datahub", str(out), "--out", str(target),
                                   "--config", str(manifest.config)])
    assert res.exit_code == 0, res.output
    return target


@pytest.fixture(scope="module")
def fides_file(reviewed_demo: tuple[Manifest, Path], tmp_path_factory: pytest.TempPathFactory) -> Path:
    _, out = reviewed_demo
    target = tmp_path_factory.mktemp("fides") / "pdd-fides.yml"
    res = run_fides("-m", "pipeline.cli.export", "fides", str(out), "--out", str(target))
    assert res.returncode == 0, res.stderr[-2000:]
    return target


def _read_back_by_datahub(path: Path, tmp: Path) -> list[dict]:
    """DataHub's own ingestion pipeline, `type: file` source, into its file sink; the records it produced."""
    os.environ.setdefault("DATAHUB_TELEMETRY_ENABLED", "false")
    from datahub.ingestion.run.pipeline import Pipeline

    sink = tmp / "read-back.json"
    pipeline = Pipeline.create({"source": {"type": "file", "config": {"path": str(path)}},
                                "sink": {"type": "file", "config": {"filename": str(sink)}}})
    pipeline.run()
    pipeline.raise_from_status()
    assert pipeline.source.get_report().failures == [] and pipeline.sink.get_report().failures == []
    return json.loads(sink.read_text())


def _ops(record: dict) -> list[dict]:
    aspect = record["aspect"]
    return aspect["json"] if "json" in aspect else json.loads(aspect["value"])


def _patched_fields(records: list[dict]) -> dict[tuple[str, str], list[dict]]:
    """(dataset urn, field path) -> the patch operations on that field's editable schema info."""
    out: dict[tuple[str, str], list[dict]] = {}
    for r in records:
        if r.get("aspectName") == "editableSchemaMetadata" and r["changeType"] == "PATCH":
            for op in _ops(r):
                field = op["path"].split("/")[2]
                out.setdefault((r["entityUrn"], field), []).append(op)
    return out


def test_datahub_file_is_read_back_by_datahubs_file_source(reviewed_demo: tuple, datahub_file: Path,
                                                             tmp_path: Path) -> None:
    _, out = reviewed_demo
    records = _read_back_by_datahub(datahub_file, tmp_path)
    report = read_report(out)
    personal = [f for f in report.fields if f.entities]
    fields = _patched_fields(records)
    tagged = {k for k, ops in fields.items() if any(o["op"] == "add" and "/glossaryTerms/" in o["path"] for o in ops)}
    assert len(tagged) == len(personal) > 50
    urns = {u for u, _ in fields}
    assert "urn:li:dataset:(urn:li:dataPlatform:sqlite,app.accounts,PROD)" in urns
    assert "urn:li:dataset:(urn:li:dataPlatform:file,web_logs/app.jsonl,PROD)" in urns
    terms = {r["entityUrn"] for r in records if r.get("aspectName") == "glossaryTermInfo"}
    assert terms == {f"urn:li:glossaryTerm:pdd.{e.type}" for f in personal for e in f.entities}
    summary = next(r for r in records if r["entityUrn"].endswith("app.accounts,PROD)")
                   and r.get("aspectName") == "datasetProperties")
    props = {o["path"].split("/")[-1]: o.get("value") for o in _ops(summary)}
    assert props["pdd.personal_fields"] == str(sum(1 for f in personal if f.dataset == "accounts"))


def test_datahub_rejected_type_absent_confirmed_marked(datahub_file: Path) -> None:
    records = json.loads(datahub_file.read_text())
    fields = _patched_fields(records)
    _, _, fld, typ = REJECTED
    note = fields[("urn:li:dataset:(urn:li:dataPlatform:sqlite,app.payments,PROD)", fld)]
    term = f"urn:li:glossaryTerm:pdd.{typ}"
    assert [o["op"] for o in note if o["path"].endswith(term)] == ["remove"]
    assert any(o["op"] == "add" and o["path"].endswith("urn:li:glossaryTerm:pdd.EMAIL_ADDRESS") for o in note)
    email = fields[("urn:li:dataset:(urn:li:dataPlatform:sqlite,app.accounts,PROD)", CONFIRMED[2])]
    added = [o["path"] for o in email if o["op"] == "add"]
    assert any(p.endswith("urn:li:tag:pdd.review.confirmed") for p in added)
    assert not any(p.endswith("urn:li:tag:pdd.review.suggested") for p in added)
    assert any(o["op"] == "remove" and o["path"].endswith("urn:li:tag:pdd.review.suggested") for o in email)


def test_fides_yaml_is_loaded_by_fideslangs_dataset_model(fides_file: Path) -> None:
    script = ("import json, sys, yaml; from fideslang.models import Dataset; "
              "ds = [Dataset.model_validate(d) for d in yaml.safe_load(open(sys.argv[1]))['dataset']]; "
              "print(json.dumps({d.fides_key: {c.name: {f.name: [f.data_categories, f.description] "
              "for f in c.fields} for c in d.collections} for d in ds}))")
    res = run_fides("-c", script, str(fides_file))
    assert res.returncode == 0, res.stderr[-2000:]
    data = json.loads(res.stdout)
    assert sorted(data) == ["app_db", "backups", "exports", "web_logs"]
    src, ds, fld, typ = REJECTED
    note_cats, note_text = data[src][ds][fld]
    assert "user.contact.phone_number" not in note_cats and typ not in note_text
    assert "user.contact.email" in note_cats
    email_cats, email_text = data[CONFIRMED[0]][CONFIRMED[1]][CONFIRMED[2]]
    assert email_cats == ["user.contact.email"] and "review: confirmed by alice" in email_text
    assert data["app_db"]["accounts"]["date_of_birth"][0] == ["user.demographic.date_of_birth"]
    assert "NOT declared" in data["app_db"]["accounts"]["date_of_birth"][1]
    assert data["app_db"]["accounts"]["id"][0] is None


def test_no_planted_value_in_any_export(reviewed_demo: tuple, datahub_file: Path, fides_file: Path) -> None:
    manifest, _ = reviewed_demo
    assert manifest.planted_values and manifest.card_numbers
    for path in (datahub_file, fides_file):
        text = path.read_text(encoding="utf-8")
        assert _raw(manifest, text) == [], path.name
        assert "***" not in text  # not even a masked sample leaves pdd


def test_missing_extra_is_one_line_and_exit_2(reviewed_demo: tuple, tmp_path: Path) -> None:
    pytest.importorskip("pydantic")
    try:
        import fideslang  # noqa: F401 - only asks whether fideslang is installed here
        pytest.skip("fideslang is installed in this environment")
    except ImportError:
        pass
    _, out = reviewed_demo
    res = CliRunner().invoke(app, ["export", "fides", str(out), "--out", str(tmp_path / "f.yml")])
    assert res.exit_code == 2
    assert res.output.strip().count("\n") == 0 and "pip install 'pdd[fides]'" in res.output
    assert not (tmp_path / "f.yml").exists()


def test_sql_source_without_platform_is_refused(reviewed_demo: tuple, tmp_path: Path) -> None:
    _, out = reviewed_demo
    res = CliRunner().invoke(app, ["export", "datahub", str(out), "--out", str(tmp_path / "d.json")])
    assert res.exit_code == 2 and "--platform app_db=" in res.output
    ok = CliRunner().invoke(app, ["export", "datahub", str(out), "--out", str(tmp_path / "d.json"),
                                  "--platform", "app_db=postgres"])
    assert ok.exit_code == 0, ok.output
    assert "urn:li:dataPlatform:postgres,public.accounts,PROD" in (tmp_path / "d.json").read_text()


def test_unreadable_report_exits_2(tmp_path: Path) -> None:
    res = CliRunner().invoke(app, ["export", "datahub", str(tmp_path), "--out", str(tmp_path / "d.json")])
    assert res.exit_code == 2 and "not a readable report.json" in res.output


def test_configured_exports_name_what_failed(reviewed_demo: tuple, tmp_path: Path) -> None:
    from pipeline.config.load import load_config
    from pipeline.export import ExportError
    from pipeline.export.configured import run_configured

    manifest, out = reviewed_demo
    cfg = load_config(manifest.config).model_copy(update={"exports": []})
    from pipeline.config.model import ExportTarget

    cfg.exports.append(ExportTarget(target="datahub", out=str(tmp_path / "dh.json")))
    assert run_configured(cfg, out)[0].startswith("wrote ")
    assert (tmp_path / "dh.json").exists()
    cfg.exports.append(ExportTarget(target="datahub", out=str(tmp_path / "dh.json" / "under-a-file.json")))
    with pytest.raises(ExportError, match="datahub: cannot write"):
        run_configured(cfg, out)


def test_exports_are_readable_by_other_tools(datahub_file: Path) -> None:
    """mkstemp's 0600 would hide the file from the ingestion job's user; the umask's mode is used instead."""
    mask = os.umask(0)
    os.umask(mask)
    assert datahub_file.stat().st_mode & 0o777 == 0o666 & ~mask
