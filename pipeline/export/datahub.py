"""`pdd export datahub`: metadata change proposals built with acryl-datahub's own classes.

Vocabulary (documented in docs/architecture.md, "Exports"):
- a glossary term per entity type, `urn:li:glossaryTerm:pdd.EMAIL_ADDRESS`, defined by a `glossaryTermInfo`
  proposal in the same file; the association's context holds the confidence;
- tags `pdd.category.<policy category>`, `pdd.undeclared` (a type no category declares) and
  `pdd.review.<suggested|confirmed|changed>`, each defined by a `tagProperties` proposal;
- per dataset, custom properties `pdd.*` (run, as_of, personal and undeclared field counts, types) and
  the tag `pdd.personal` when it holds a personal field.
Fields are changed by PATCH proposals (DataHub's `DatasetPatchBuilder`), so a catalog keeps its own
tags, terms and descriptions; a type a steward rejected and the other review statuses are removed.
Dataset URNs use DataHub's platform names: the SQL ones from the source's SQLAlchemy URL by DataHub's own
mapper (postgres, mysql, sqlite, ...), `file` for logs and files.
"""

from __future__ import annotations

import logging
import os
import tempfile
from pathlib import Path
from typing import Any

from pipeline.export.base import (
    DatasetFindings,
    ExportError,
    ExportOptions,
    MissingExtra,
    datasets,
    readable,
)
from pipeline.report.model import Report

TERM_PREFIX = "pdd."
STATUSES = ("suggested", "confirmed", "changed")
TOKEN_ENV = "DATAHUB_GMS_TOKEN"


def _require() -> None:
    try:
        import datahub.emitter.mcp  # noqa: F401 - only asks whether the datahub extra is installed
    except ImportError:
        raise MissingExtra("acryl-datahub", "datahub") from None


def platform_of(driver: str) -> str:
    """DataHub's platform name for a SQLAlchemy driver name (`postgresql+psycopg` -> postgres)."""
    from datahub.ingestion.source.sql.sqlalchemy_uri_mapper import (
        get_platform_from_sqlalchemy_uri,
    )

    platform = get_platform_from_sqlalchemy_uri(driver)
    if platform == "external" and driver.startswith("mariadb"):
        return "mariadb"
    return platform


def dataset_name(d: DatasetFindings, platform: str, database: str | None) -> str:
    """The URN's name: `database.schema.table` as DataHub's SQL sources write it, `source/file` for files."""
    if platform == "file":
        return f"{d.source}/{d.dataset}"
    name = d.dataset
    if platform == "postgres" and "." not in name:
        name = f"public.{name}"  # pdd leaves the connection's default schema out; DataHub writes it
    return f"{database}.{name}" if database else name


def _urn(d: DatasetFindings, options: ExportOptions) -> str:
    from datahub.emitter.mce_builder import make_dataset_urn

    if d.kind in ("logs", "files"):
        platform = options.platforms.get(d.source, "file")
    elif d.source in options.platforms:
        platform = options.platforms[d.source]
    elif d.source in options.drivers:
        platform = platform_of(options.drivers[d.source])
    else:
        raise ExportError(f"source {d.source!r} is sql and its DataHub platform is unknown: give the scan's "
                          f"config (--config) or --platform {d.source}=postgres")
    return make_dataset_urn(platform, dataset_name(d, platform, options.databases.get(d.source)), options.env)


def proposals(report: Report, options: ExportOptions) -> list[Any]:
    """Every proposal of the export: term and tag definitions, then one patch per dataset with findings."""
    _require()
    from datahub.emitter.mce_builder import make_tag_urn, make_term_urn
    from datahub.emitter.mcp import MetadataChangeProposalWrapper
    from datahub.metadata.schema_classes import (
        GlossaryTermAssociationClass,
        GlossaryTermInfoClass,
        TagAssociationClass,
        TagPropertiesClass,
    )
    from datahub.specific.dataset import DatasetPatchBuilder

    terms: set[str] = set()
    tags: dict[str, str] = {}
    patches: list[Any] = []
    for d in datasets(report):
        urn = _urn(d, options)
        shown = [f for f in d.fields if f.personal or f.status != "suggested" or f.rejected]
        if not shown:
            continue
        b = DatasetPatchBuilder(urn)
        personal = d.personal
        for key, value in {"pdd.run": report.run.id, "pdd.as_of": report.run.as_of,
                           "pdd.personal_fields": str(len(personal)),
                           "pdd.undeclared_fields": str(sum(not f.declared for f in personal)),
                           "pdd.types": ",".join(sorted({t.type for f in personal for t in f.types}))}.items():
            b.add_custom_property(key, value)
        if personal:
            tags["pdd.personal"] = "pdd found personal data in this dataset"
            b.add_tag(TagAssociationClass(make_tag_urn("pdd.personal")))
        for f in shown:
            h = b.for_field(f.field)
            for t in f.types:
                terms.add(t.type)
                h.add_term(GlossaryTermAssociationClass(make_term_urn(TERM_PREFIX + t.type),
                                                         context=f"pdd confidence {t.confidence:.2f}"))
            for r in f.rejected:
                h.remove_term(make_term_urn(TERM_PREFIX + r))
            field_tags = [f"pdd.category.{c}" for c in f.categories] + [f"pdd.review.{f.status}"]
            if f.personal and not f.declared:
                field_tags.append("pdd.undeclared")
            for tag in field_tags:
                tags.setdefault(tag, _tag_text(tag))
                h.add_tag(TagAssociationClass(make_tag_urn(tag)))
            for other in STATUSES:
                if other != f.status:
                    h.remove_tag(make_tag_urn(f"pdd.review.{other}"))
            if f.declared or not f.personal:
                h.remove_tag(make_tag_urn("pdd.undeclared"))
        patches += b.build()
    defs: list[Any] = [MetadataChangeProposalWrapper(
        entityUrn=make_term_urn(TERM_PREFIX + t),
        aspect=GlossaryTermInfoClass(definition=f"pdd entity type {t} (personal data discovery)",
                                     termSource="EXTERNAL", name=TERM_PREFIX + t, sourceRef="pdd"))
        for t in sorted(terms)]
    defs += [MetadataChangeProposalWrapper(entityUrn=make_tag_urn(tag), aspect=TagPropertiesClass(name=tag,
                                                                                                   description=text))
             for tag, text in sorted(tags.items())]
    return defs + patches


def _tag_text(tag: str) -> str:
    if tag.startswith("pdd.category."):
        return f"privacy policy collection category {tag.removeprefix('pdd.category.')} (pdd's policy map)"
    if tag.startswith("pdd.review."):
        return f"pdd review status: {tag.removeprefix('pdd.review.')}"
    return "pdd found a personal data type that no category of the privacy policy declares"


def export_datahub(report: Report, options: ExportOptions, out: str | Path | None = None,
                   url: str | None = None, token: str | None = None) -> str:
    """Write the proposals to OUT in DataHub's file format, or send them to the GMS server at URL."""
    mcps = proposals(report, options)
    if url:
        from datahub.emitter.rest_emitter import DataHubRestEmitter

        # urllib3 logs each retry of an unreachable server with the request's address; the outcome is one line
        retries = logging.getLogger("urllib3.connectionpool")
        level = retries.level
        retries.setLevel(logging.ERROR)
        try:
            emitter = DataHubRestEmitter(gms_server=url, token=token)
            try:
                for m in mcps:
                    emitter.emit_mcp(m)
            finally:
                emitter.close()
        except Exception as exc:  # noqa: BLE001 - the client's errors may quote the request; say which and where only
            raise ExportError(f"DataHub at {url} refused the export ({exc.__class__.__name__})") from None
        finally:
            retries.setLevel(level)
        return f"sent {len(mcps)} proposal(s) to {url}"
    if out is None:
        raise ExportError("give --out FILE or --url URL")
    from datahub.ingestion.sink.file import write_metadata_file

    target = Path(out)
    tmp = None
    try:  # DataHub's own writer, to a temporary name first: a failed export leaves no half file
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".pdd-export-", dir=target.parent)
        os.close(fd)
        write_metadata_file(Path(tmp), mcps)
        readable(tmp)
        os.replace(tmp, target)
    except OSError as exc:
        if tmp and os.path.exists(tmp):
            os.unlink(tmp)
        raise ExportError(f"cannot write {target}: {exc.strerror or exc.__class__.__name__}") from None
    return f"wrote {target} ({len(mcps)} proposals)"

