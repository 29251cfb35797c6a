"""JSON Schemas (draft 2020-12) of the files pdd reads and writes, generated from the models that load them.

Editors check a config or a contract with them; consumers of report.json get a
contract they can validate against. They are generated, never written by hand,
so that they cannot drift from what pdd actually accepts: the pydantic models
(pipeline/config/model.py plus each source kind's model, pipeline/report/model.py,
pipeline/review/decisions.py, pipeline/contracts/model.py) are the one source.
Where a model takes a looser shape than the file has (the contract's rules are
parsed from ``name`` or ``{name: arg}``; the top of a contract file is checked
before its datasets so that errors name their line), the schema here says the
file's shape. The copies checked in under docs/schemas/ are rewritten with
``python -m pipeline.schemas docs/schemas``.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated, Any, Literal, Union

from pydantic import Field, TypeAdapter, create_model

DRAFT = "https://json-schema.org/draft/2020-12/schema"
BASE_URI = "https://pdd.dev/schemas"
NAMES = ("config", "report", "decisions", "contract")


def _config() -> dict[str, Any]:
    """The sources config: Config with each source kind's own keys, told apart by `kind`."""
    from pipeline.config.model import Config
    from pipeline.sources import kinds

    variants = []
    for kind, cls in sorted(kinds().items()):
        model = cls.config_model
        variants.append(create_model(f"{model.__name__}_{kind}", __base__=model,
                                     __doc__=f"A source of kind {kind!r}. {(model.__doc__ or '').strip()}".strip(),
                                     kind=(Literal[kind], ...)))  # type: ignore[arg-type]  # a Literal built at run time
    source = Annotated[Union[tuple(variants)], Field(discriminator="kind")]  # type: ignore[valid-type]  # noqa: UP007 - a Union of run-time models
    file_model = create_model("Config", __base__=Config,
                              __doc__=Config.__doc__ or "The sources config (contract.md §1).",
                              sources=(list[source], Field(min_length=1)))  # type: ignore[valid-type]  # `source`: a run-time type
    schema = TypeAdapter(file_model).json_schema(mode="validation")
    schema["properties"].pop("base_dir", None)  # set by the loader from the file's folder, refused in the file
    return schema


def _report() -> dict[str, Any]:
    from pipeline.report.model import SCHEMA_URI, Report

    schema = Report.model_json_schema(mode="validation")
    schema["$id"] = SCHEMA_URI
    return schema


def _decisions() -> dict[str, Any]:
    from pipeline.review.decisions import Decisions

    return Decisions.model_json_schema(mode="validation")


def _contract() -> dict[str, Any]:
    """A contract file: one dataset (`dataset` + `fields`/`rules`) or several of one source (`datasets`)."""
    from pipeline.contracts.model import ContractFile, DatasetBody

    schema = ContractFile.model_json_schema(mode="validation")
    body = DatasetBody.model_json_schema(mode="validation", ref_template="#/$defs/{model}")
    fields = body["properties"]["fields"]
    fields["additionalProperties"] = {"anyOf": [fields["additionalProperties"], {"type": "null"}]}  # `email:` alone
    defs = schema.setdefault("$defs", {})
    defs.update(body.pop("$defs", {}))
    defs["DatasetBody"] = body
    props = schema["properties"]
    props["fields"] = {**body["properties"]["fields"], "description": "Fields of the dataset (with `dataset`)."}
    props["rules"] = {**body["properties"]["rules"], "description": "Dataset-level rules (with `dataset`)."}
    props["datasets"] = {"type": "object", "additionalProperties": {"anyOf": [{"$ref": "#/$defs/DatasetBody"},
                                                                             {"type": "null"}]},
                         "description": "Several datasets of one source, by name (instead of `dataset`)."}
    schema["oneOf"] = [{"required": ["dataset"], "not": {"required": ["datasets"]}},
                       {"required": ["datasets"], "not": {"anyOf": [{"required": ["dataset"]},
                                                                    {"required": ["fields"]},
                                                                    {"required": ["rules"]}]}}]
    return schema


_BUILDERS = {"config": _config, "report": _report, "decisions": _decisions, "contract": _contract}


def schema(name: str) -> dict[str, Any]:
    """The JSON Schema of one file kind (config, report, decisions, contract)."""
    if name not in _BUILDERS:
        raise ValueError(f"unknown schema {name!r} (one of {', '.join(NAMES)})")
    body = _BUILDERS[name]()
    body.setdefault("$id", f"{BASE_URI}/{name}.schema.json")
    return {"$schema": DRAFT, "$id": body.pop("$id"), **body}


def render(name: str) -> str:
    """The schema as the checked-in file holds it (stable key order, two-space indent, final newline)."""
    return json.dumps(schema(name), indent=2, ensure_ascii=False) + "\n"


def write_all(folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name in NAMES:
        path = folder / f"{name}.schema.json"
        path.write_text(render(name), encoding="utf-8")
        written.append(path)
    return written


if __name__ == "__main__":  # python -m pipeline.schemas docs/schemas
    for p in write_all(Path(sys.argv[1] if len(sys.argv) > 1 else "docs/schemas")):
        print(p)
