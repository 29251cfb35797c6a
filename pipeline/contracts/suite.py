"""Expectation suites generated from a contract, and what their results say, in names and counts.

Every listed field gets ``expect_column_to_exist`` (clause ``exists``); every
rule becomes one expectation, pdd's own or a GE built-in (data_contracts/README.md
lists them). A dataset-level ``full_card_number`` covers every field of the
store that can hold a card number, listed in the contract or not.
"""

from __future__ import annotations

from pipeline.contracts.model import Contract, RuleSpec
from pipeline.contracts.results import DATASET
from pipeline.contracts.runner import Outcome, Planned

#: rule -> the GE expectation (type name) that checks it on one field
FIELD_EXPECTATIONS = {
    "full_card_number": "expect_column_values_to_not_contain_card_number",
    "under_16": "expect_column_values_to_be_at_least_16_on",
    "card_last_four_shape": "expect_column_values_to_match_card_last_four_shape",
    "matches": "expect_column_values_to_match_regex",
    "not_null": "expect_column_values_to_not_be_null",
}
#: (what failing values do, what passing values are), for messages: "3 of 600 non-null values ..."
_SAYS = {
    "full_card_number": ("hold a full card number", "none holds a full card number"),
    "under_16": ("are a person under 16 on {as_of}", "no one under 16 on {as_of}"),
    "card_last_four_shape": ("are not exactly four digits", "all exactly four digits"),
    "matches": ("do not match the pattern {regex}", "all match the pattern {regex}"),
}


def _field_rule(name: str, r: RuleSpec, as_of: str) -> Planned:
    kw: dict = {"column": name}
    if r.name == "under_16":
        kw |= {"as_of": as_of, "value_kind": r.arg or "dob"}
    elif r.name == "matches":
        kw["regex"] = r.arg
    return Planned(name, r.name, FIELD_EXPECTATIONS[r.name], kw)


def plan_suite(contract: Contract, columns: dict[str, bool], as_of: str) -> tuple[list[Planned], list[tuple[str, str]]]:
    """The expectations for a contract, given the store's fields (name -> can hold a card number); and the
    (field, clause) pairs that cannot be checked because the field is gone."""
    planned: list[Planned] = []
    skipped: list[tuple[str, str]] = []
    for name, fc in contract.fields.items():
        planned.append(Planned(name, "exists", "expect_column_to_exist", {"column": name}))
        if name not in columns:
            skipped += [(name, r.clause) for r in fc.rules]
            continue
        planned += [_field_rule(name, r, as_of) for r in fc.rules]
    for r in contract.rules:
        if r.name == "full_card_number":
            covered = {n for n, fc in contract.fields.items() if any(x.name == r.name for x in fc.rules)}
            planned += [_field_rule(name, r, as_of) for name, can in columns.items() if can and name not in covered]
        elif r.name == "no_unlisted_fields":
            planned.append(Planned(DATASET, r.name, "expect_table_columns_to_match_set",
                                   {"column_set": list(contract.fields), "exact_match": True}))
    return planned, skipped


def _names(items: list[str]) -> str:
    return ", ".join(sorted(items))


def message(p: Planned, o: Outcome, as_of: str) -> str:
    """What a result says, from counts and field names only (never a value)."""
    r = o.result
    if p.clause == "exists":
        return "the field exists" if o.success else "the contract lists the field, the dataset has none by that name"
    if p.clause == "no_unlisted_fields":
        if o.success:
            return "the dataset has exactly the listed fields"
        mism = (r.get("details") or {}).get("mismatched") or {}
        parts = []
        if mism.get("unexpected"):
            parts.append(f"fields the contract does not list: {_names(mism['unexpected'])}")
        if mism.get("missing"):
            parts.append(f"listed fields missing: {_names(mism['missing'])}")
        return "; ".join(parts) or "the dataset's fields differ from the listed ones"
    total = int(r.get("element_count") or 0)
    bad = int(r.get("unexpected_count") or 0)
    if p.clause == "not_null":
        return f"{bad} of {total} values are null" if bad else f"{total} values, none null"
    checked = total - int(r.get("missing_count") or 0)
    fails, holds = (t.format(as_of=as_of, regex=p.kwargs.get("regex")) for t in _SAYS[p.clause])
    return f"{bad} of {checked} non-null values {fails}" if bad else f"{checked} non-null values checked: {holds}"
