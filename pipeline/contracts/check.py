"""`pdd contracts check`: are the stores still what their contracts say?

Two kinds of clause, each one JUnit testcase:

- classification drift, from a pdd scan: a field holds a type its contract
  does not allow (``types``), a type is not justified by the listed policy
  categories (``categories``), a personal field that no contract lists
  (``listed``), a contracted dataset that is gone (``(dataset):exists``);
- expectations, run by Great Expectations against the store itself: the field
  exists (``exists``) and every rule of the contract (``full_card_number``,
  ``under_16``, ``card_last_four_shape``, ``matches``, ``not_null``,
  ``no_unlisted_fields``).
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.engine import make_url

from pipeline.config.model import Config, SourceConfig
from pipeline.contracts.model import RULES, Contract, ContractSet, FieldContract, load_contracts
from pipeline.contracts.results import DATASET, CheckResult, ClauseResult, Status, scrub
from pipeline.contracts.runner import Outcome, Planned
from pipeline.contracts.store import StoreDataset, open_store, values_can_hold_card
from pipeline.contracts.suite import message, plan_suite
from pipeline.policy import PolicyMap, policy_for
from pipeline.report.model import FieldEntry, Report
from pipeline.sources import SourceError

_CLAUSE_ORDER = ["exists", "types", "categories", "listed", *RULES]
#: Clauses that are scan rules too: a steward's acceptance of the rule's violations covers them.
_ACCEPTABLE = ("full_card_number", "under_16")


class CheckError(Exception):
    """The check cannot start (a contract names an unknown source, a report does not fit); says what to fix."""


@dataclass(frozen=True)
class CheckOptions:
    contracts: Path = Path("data_contracts")
    """The folder of contract files (its *.yaml; not subfolders)."""
    sources: tuple[str, ...] = ()
    """Check only these sources (and their contracts); default: every source of the config."""
    report: Path | None = None
    """A report.json of a scan of the same config, used for drift instead of scanning again."""
    workers: int = 1
    """Worker processes for that scan (pipeline/engine)."""


def _types(f: FieldEntry | None) -> list[str]:
    return [e.type for e in f.entities] if f else []


def _list(items: list[str] | set[str]) -> str:
    return ", ".join(sorted(items)) if items else "none"


def _allowed_by_templates(f: FieldEntry, fc: FieldContract, etype: str) -> bool:
    """A log field's type that the contract allows per template: the scan found it in templates only, and
    every one of them allows it (a type the field classifier found outside any template is not covered)."""
    holding = [t for t in f.templates if any(etype in s.entities for s in t.slots)]
    return bool(holding) and all(etype in fc.templates.get(t.template, ()) for t in holding)


def _where_in_templates(f: FieldEntry, fc: FieldContract, types: list[str]) -> str:
    """Which log templates hold the types the contract does not allow (their text, never a value)."""
    named = [f"`{t.template}`" for t in f.templates
             if any(e in types and e not in fc.templates.get(t.template, ()) for s in t.slots for e in s.entities)]
    return f" (in templates {', '.join(named[:5])}{' ...' if len(named) > 5 else ''})" if named else ""


class _Check:
    """One `contracts check`: its clause results, built source by source ("run" is kept for a scan run)."""

    def __init__(self, config: Config, contracts: ContractSet, report: Report, policy: PolicyMap, scope: list[str]):
        self.config = config
        self.contracts = contracts
        self.report = report
        self.policy = policy
        self.scope = scope
        self.as_of = config.as_of.isoformat()
        self.result = CheckResult(as_of=self.as_of, contracts=len(contracts.for_sources(set(scope))))
        self.scanned: dict[tuple[str, str], dict[str, FieldEntry]] = {}
        for f in report.fields:
            self.scanned.setdefault((f.source, f.dataset), {})[f.field] = f
        # Stewards' acceptances of known violations (pdd-review.yaml), as the scan's exit status honours them
        from pipeline.review import load_decisions

        self.accept = load_decisions(config.resolve(config.stewards.decisions)).accept

    def add(self, contract: Contract | None, source: str, dataset: str, fld: str, clause: str, ok: bool | None,
            message: str, by: str, seconds: float = 0.0, status: Status | None = None) -> None:
        """One clause's result: passed (ok), failed (not ok), skipped (None) or the given status."""
        status = status or ("passed" if ok else "failed" if ok is False else "skipped")
        if status == "failed" and clause in _ACCEPTABLE:
            status, message = self._accepted(source, dataset, fld, clause, message)
        self.result.clauses.append(ClauseResult(source, dataset, fld, clause, status, message, by,
                                                str(contract.file) if contract else None, seconds))

    def _accepted(self, source: str, dataset: str, fld: str, clause: str, message: str) -> tuple[Status, str]:
        """A failed rule clause that a steward's acceptance covers, until its date: ``accepted``, not failed
        (also the ``types`` clause when the only unexpected type is the CREDIT_CARD the sweep found).

        A clause counts a whole field, so only an acceptance of the field or of the whole dataset covers it;
        one of single records (``key:``) cannot, and an expired one no longer does: the notes say which.
        """
        for a in self.accept:
            if not a.names_field(clause, source, dataset, fld):
                continue
            what = f"{source}/{dataset} {clause}" + (f" field {a.field}" if a.field else "")
            note = None
            if a.key is not None:
                note = f"the acceptance of {what} record {a.key} does not cover the contract clause: it counts the " \
                       "whole field"
            elif a.until.isoformat() < self.as_of:
                note = f"the acceptance of {what} expired on {a.until}; the clause fails again"
            if note is not None:
                if note not in self.result.notes:
                    self.result.notes.append(note)
            else:
                return "accepted", f"{message} (accepted by {a.by} until {a.until}: {a.why})"
        return "failed", message

    # --- drift, from the scan -------------------------------------------------------------------
    def drift(self, cfg: SourceConfig, contract: Contract) -> None:
        scanned = self.scanned.get(contract.key, {})
        role = self.policy.effective_role(cfg.role)
        for name, fc in contract.fields.items():
            f = scanned.get(name)
            if f is None:
                self.add(contract, cfg.name, contract.dataset, name, "types", None,
                         "not checked: the scan did not list the field (see the exists clause)", "scan")
                continue
            found = _types(f)
            extra = [t for t in found if t not in fc.types and t not in fc.misread]
            by_template = [t for t in extra if _allowed_by_templates(f, fc, t)]
            extra = [t for t in extra if t not in by_template]
            if extra:
                allowed = _list(fc.types) if fc.types else "no personal type"
                text, status = f"the scan found {_list(extra)} here; the contract allows {allowed}", None
                text += _where_in_templates(f, fc, extra)
                if extra == ["CREDIT_CARD"]:  # the sweep's full numbers: accepted with their violations
                    status, text = self._accepted(cfg.name, contract.dataset, name, "full_card_number", text)
                self.add(contract, cfg.name, contract.dataset, name, "types", False, text, "scan", status=status)
            else:
                misread = [t for t in found if t in fc.misread]
                also = f" ({_list(misread)} known misreadings)" if misread else ""
                also += f" ({_list(by_template)} only in templates that allow it)" if by_template else ""
                self.add(contract, cfg.name, contract.dataset, name, "types", True,
                         f"found {_list(found) if found else 'no personal type'}; all allowed{also}", "scan")
            self._categories(contract, cfg.name, name, [*fc.types, *by_template], fc.categories,
                             [t for t in found if t not in fc.misread], role)
        for name, f in scanned.items():
            found = _types(f)
            if found and name not in contract.fields:
                self.add(contract, cfg.name, contract.dataset, name, "listed", False,
                         f"the scan found {_list(found)} in a field the contract does not list", "scan")

    def _categories(self, contract: Contract, source: str, name: str, allowed: list[str], listed: list[str],
                    found: list[str], role: str) -> None:
        problems = []
        for t in (t for t in found if t in allowed):
            declaring, declared = self.policy.categorize([t], role)
            if declared and not set(declaring) & set(listed):
                problems.append(f"{t} is justified by none of the listed categories ({_list(listed)}); the policy "
                                f"declares it under {_list(declaring)}")
        for c in listed:
            cat = self.policy.categories[c]
            if role in cat.roles and (cat.entities == "any" or set(cat.entities) & set(allowed)):
                continue
            problems.append(f"category {c} declares none of the field's types ({_list(allowed)})")
        if problems:
            self.add(contract, source, contract.dataset, name, "categories", False, "; ".join(problems), "scan")
        elif listed or any(self.policy.categorize([t], role)[1] for t in found):
            self.add(contract, source, contract.dataset, name, "categories", True,
                     f"justified by {_list(listed)}", "scan")

    def uncontracted(self, source: str) -> None:
        """Personal fields of datasets that no contract covers."""
        for (src, ds), fields in self.scanned.items():
            if src != source or self.contracts.get(src, ds) is not None:
                continue
            for name, f in fields.items():
                if f.entities:
                    self.add(None, src, ds, name, "listed", False,
                             f"no contract covers this dataset, and the scan found {_list(_types(f))} here", "scan")

    # --- expectations, by Great Expectations ----------------------------------------------------
    def plan(self, contract: Contract, columns: dict[str, bool]) -> list[Planned]:
        planned, skipped = plan_suite(contract, columns, self.as_of)
        for name, clause in skipped:
            self.add(contract, contract.source, contract.dataset, name, clause, None,
                     "not checked: the field is not in the dataset", "gx")
        return planned

    def record(self, contract: Contract, planned: list[Planned], outcomes: list[Outcome], secrets: list[str]) -> None:
        for p, o in zip(planned, outcomes, strict=True):
            if o.success is None:
                self.add(contract, contract.source, contract.dataset, p.field, p.clause, None,
                         f"could not be evaluated: {scrub(o.error or '', secrets)}", "gx", o.seconds, "error")
                continue
            self.add(contract, contract.source, contract.dataset, p.field, p.clause, o.success,
                     message(p, o, self.as_of), "gx", o.seconds)

    def gx_source(self, cfg: SourceConfig, stores: dict[str, StoreDataset], contracts: list[Contract]) -> None:
        from pipeline.contracts.runner import SourceCheck, sql_connection

        gx = SourceCheck(cfg.name)
        secrets: list[str] = []
        try:
            if cfg.kind == "sql":
                try:
                    secrets = _secrets(cfg)
                    kind, conn, kwargs = sql_connection(cfg, self.config)  # type: ignore[arg-type]  # cfg.kind == 'sql': a SqlSourceConfig
                    gx.open_sql(kind, conn, kwargs)
                except Exception as exc:  # noqa: BLE001 - GE wraps driver errors in its own types
                    self.result.problems.append(f"source {cfg.name}: Great Expectations cannot connect "
                                                f"({scrub(f'{exc.__class__.__name__}: {exc}', secrets)})")
                    return
            else:
                gx.open_frames()
            for contract in contracts:
                sd = stores[contract.dataset]
                try:
                    if sd.kind == "sql":
                        columns = sd.card_fields()
                        planned = self.plan(contract, columns)
                        outcomes = gx.validate_table(contract.dataset, sd.table or contract.dataset, sd.schema,
                                                      planned)
                    else:
                        frame = sd.frame(self.config.sweep.batch_size)
                        columns = {c: values_can_hold_card(frame[c].dropna().tolist()) for c in frame.columns}
                        planned = self.plan(contract, columns)
                        outcomes = gx.validate_frame(contract.dataset, frame, planned)
                except SourceError as exc:
                    self.result.problems.append(f"source {cfg.name}, dataset {contract.dataset}: {exc.message}")
                    continue
                except Exception as exc:  # noqa: BLE001 - a dataset GE cannot read is reported, the others go on
                    why = scrub(f"{exc.__class__.__name__}: {exc}", secrets)
                    self.result.problems.append(f"source {cfg.name}, dataset {contract.dataset}: Great Expectations "
                                                f"failed ({why})")
                    continue
                self.record(contract, planned, outcomes, secrets)
        finally:
            self.result.gx_validations += [(cfg.name, ds, res) for ds, res in gx.validations]
            gx.close()

    def source(self, cfg: SourceConfig) -> None:
        entry = next((s for s in self.report.sources if s.name == cfg.name), None)
        if entry is None:
            self.result.problems.append(f"source {cfg.name}: not in the scan report")
            return
        if entry.status != "ok":
            self.result.problems.append(f"source {cfg.name} could not be scanned: {entry.error}")
            return
        try:
            with open_store(cfg, self.config) as stores:
                self._source(cfg, stores)
        except SourceError as exc:
            self.result.problems.append(f"source {cfg.name}: {exc}")

    def _source(self, cfg: SourceConfig, stores: dict[str, StoreDataset]) -> None:
        here = []
        for c in (c for c in self.contracts.contracts if c.source == cfg.name):
            if c.dataset not in stores:
                self.add(c, cfg.name, c.dataset, DATASET, "exists", False,
                         "the contract's dataset is not in the source (dropped or renamed?)", "scan")
                continue
            self.add(c, cfg.name, c.dataset, DATASET, "exists", True, "the dataset exists", "scan")
            self.drift(cfg, c)
            here.append(c)
        self.uncontracted(cfg.name)
        if here:
            self.gx_source(cfg, stores, here)


def _secrets(cfg: SourceConfig) -> list[str]:
    """The source's URL and password, to mask in any error text (longest first)."""
    url = getattr(cfg, "url", None)
    if url is None:
        return []
    raw = url.get_secret_value()
    out = [raw]
    try:
        parsed = make_url(raw)
        out += [parsed.render_as_string(hide_password=False), parsed.password or ""]
    except Exception:  # noqa: BLE001 - not a URL: the raw text is masked anyway
        pass
    return sorted({s for s in out if s}, key=len, reverse=True)


def _scope(config: Config, options: CheckOptions, contracts: ContractSet) -> list[str]:
    names = [s.name for s in config.sources]
    if options.sources:
        unknown = sorted(set(options.sources) - set(names))
        if unknown:
            raise CheckError(f"no source named {', '.join(unknown)} in the config (it has {', '.join(names)})")
        return [n for n in names if n in options.sources]
    strangers = [c for c in contracts.contracts if c.source not in names]
    if strangers:
        c = strangers[0]
        raise CheckError(f"{c.file}: contract for source {c.source!r}, which the config does not define (it has "
                         f"{', '.join(names)}); fix the name, or pass --source to check only some sources")
    return names


def load_report(path: Path, config: Config, scope: list[str]) -> Report:
    try:
        report = Report.model_validate_json(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise CheckError(f"{path}: no such report file") from None
    except ValueError as exc:
        raise CheckError(f"{path}: not a pdd report.json ({scrub(str(exc))})") from None
    missing = [s for s in scope if s not in {x.name for x in report.sources}]
    if missing:
        raise CheckError(f"{path}: the report holds no scan of source {', '.join(missing)}")
    if report.run.as_of != config.as_of.isoformat():
        raise CheckError(f"{path}: the report is as of {report.run.as_of}, the check as of {config.as_of}; "
                         "scan again or pass --as-of")
    return report


def check(config: Config, options: CheckOptions, report: Report | None = None) -> CheckResult:
    """Check every contract in ``options.contracts`` against the config's stores.

    Raises ContractError (a contract file is wrong), CheckError or PolicyError when the check cannot start;
    a source that cannot be read during the check is a problem in the result (exit status 2).
    """
    started = time.monotonic()
    policy = policy_for(config)  # with the recognizers file's own types, which contracts may name
    contracts = load_contracts(options.contracts, policy)
    scope = _scope(config, options, contracts)
    if report is None and options.report is not None:
        report = load_report(options.report, config, scope)
    if report is None:
        from pipeline.engine.run import scan

        report = scan(config, sources=scope, workers=options.workers)
    check = _Check(config, contracts, report, policy, scope)
    for cfg in config.sources:
        if cfg.name in scope:
            check.source(cfg)
    ranks = {(c.source, c.dataset): {f: i for i, f in enumerate(c.fields)} for c in contracts.contracts}

    def order(c: ClauseResult) -> tuple:
        fields = ranks.get((c.source, c.dataset), {})
        rank = -1 if c.field == DATASET else fields.get(c.field, len(fields))
        return (c.source, c.dataset, rank, c.field, _CLAUSE_ORDER.index(c.clause))

    check.result.clauses.sort(key=order)
    check.result.seconds = time.monotonic() - started
    return check.result
