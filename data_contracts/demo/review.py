"""The data steward's review of the demo contracts, recorded so that it can be applied again.

The contracts in this folder are `pdd contracts init` drafts of the clean demo
(`python -m demo --clean`), reviewed: categories narrowed to each dataset's purposes,
free-text fields allowed the types people type into them, the classifier's
misreadings marked, notes, owners and rules added. When the classifier
changes and the contract tests report drift, regenerate them with

    python -m data_contracts.demo.review

from the repository root (the demo generator, `demo/`, is not installed: it runs from the repo)
and read the diff before committing it: a new type on a structured field is
worth a look, not a blind accept.
"""

from __future__ import annotations

import json
import re
import tempfile
from pathlib import Path

import yaml

from demo.generate import generate
from pipeline.config.load import load_config
from pipeline.contracts.draft import draft_contracts
from pipeline.engine.run import scan
from pipeline.policy import load_policy

HERE = Path(__file__).resolve().parent

#: What people type into free text: names, e-mail addresses, phone numbers, links, a card's last four digits.
FREE_TEXT = ["PERSON_NAME", "EMAIL_ADDRESS", "PHONE_NUMBER", "URL", "CARD_LAST_FOUR"]
FREE_TEXT_NOTE = ("Free text: people write names, e-mail addresses, phone numbers, links and the last four digits of "
                  "a card in it; never a full card number.")
MASKED_CARD = "^([0-9X]{4}[ -]X{4}[ -]X{4}[ -]|[*]{12})[0-9]{4}$"
UNDECLARED = "Undeclared by the policy ({t}): kept only to enforce the age limit; under_16 guards it."

# "source.dataset": (owner, purposes (policy categories), dataset note, dataset rules, {field: edits})
# field edits: free_text (allow FREE_TEXT), allow [more types], misread [types], note, rules [extra rules]
REVIEW: dict[str, tuple[str, list[str], str | None, list, dict[str, dict]]] = {
    "app_db.accounts": ("accounts-team", ["account_creation"], "Sign-up data (Part I, account creation).",
                        ["no_unlisted_fields"], {"date_of_birth": {"note": UNDECLARED.format(t="DATE_OF_BIRTH")}}),
    "app_db.checkout_sessions": ("payments-team", ["payment_processing"], None, [], {"payload": {
        "free_text": True, "allow": ["POSTAL_ADDRESS", "LOCATION", "COUNTRY", "CARD_EXPIRY"],
        "note": "The checkout form as JSON: card details must be brand, last4 and expiry only; "
                                   "full_card_number looks inside the document."}}),
    "app_db.devices": ("mobile-team", ["app_logs_analytics", "cookies_tracking", "browser_device_server"], None, [],
                       {}),
    "app_db.gateway_settlements": ("payments-team", [], "No personal data: settlement references are gateway ids.",
                                   [], {"settlement_ref": {"note": "A numeric reference: full_card_number guards "
                                                                   "against a card number used as the reference."}}),
    "app_db.payments": ("payments-team", ["payment_processing"],
                        "Part I, payment processing: only cardholder name, address, expiry date and last four digits "
                        "may be kept.", ["no_unlisted_fields"], {
                            "card_last4": {"rules": ["not_null"]},
                            "card_expiry": {"rules": [{"matches": "^(0[1-9]|1[0-2])/[0-9]{2}$"}]},
                            "card_display": {"note": "What the receipt shows: masked, at most the first four and the "
                                                     "last four digits.",
                                             "rules": [{"matches": MASKED_CARD}]},
                            "note": {"free_text": True}}),
    "app_db.products": ("catalogue-team", [], "The product catalogue: no personal data.", [], {
        "name": {"misread": ["PERSON_NAME"], "note": "Product names (Courier Connect Starter), not people."}}),
    "app_db.support_tickets": ("support-team", ["interactions", "payment_processing"], None, [],
                               {"subject": {"free_text": True}, "body": {"free_text": True},
                                "handled_by": {"note": "The support agent's staff number (EMPLOYEE_NUMBER, the demo's "
                                                       "recognizers file): staff data the privacy policy does not "
                                                       "declare."}}),
    "app_db.survey_responses": ("growth-team", [], None, [], {"age": {"note": UNDECLARED.format(t="AGE")},
                                                             "comment": {"free_text": True}}),
    "app_db.v_active_accounts": ("accounts-team", ["account_creation"], "A view over accounts.", [], {}),
    "app_db.web_events": ("web-team", ["browser_device_server", "cookies_tracking"], None, [], {}),
    "backups.accounts-snapshot.csv": ("accounts-team", ["account_creation"],
                                      "A nightly dump of accounts (role: backup): the policy lets a backup keep a "
                                      "terminated account 3 months longer than the active database.", [], {}),
    "exports.events.parquet": ("analytics-team", ["app_logs_analytics", "browser_device_server", "cookies_tracking",
                                                  "account_creation"], None, [], {
        "event_name": {"misread": ["PERSON_NAME"], "note": "Event names (page_view, search), not people."},
        "search_term": {"free_text": True}}),
    "exports.leads.jsonl": ("marketing-team", ["form_submissions", "referrals_partners", "social_media"],
                            "Leads from web forms and partners. JSON lines: the dataset-level full_card_number also "
                            "covers keys that appear later.", ["full_card_number"],
                            {"message": {"free_text": True},
                             "date_of_birth": {"note": UNDECLARED.format(t="DATE_OF_BIRTH")}}),
    "exports.signups.csv": ("accounts-team", ["account_creation"], None, ["no_unlisted_fields"],
                            {"dob": {"note": UNDECLARED.format(t="DATE_OF_BIRTH")}}),
    "web_logs.access.log": ("platform-team", ["browser_device_server", "form_submissions"], None, [], {
        "request": {"free_text": True, "note": "Request lines: e-mail addresses in query strings of form posts "
                                               "should be POSTed, not logged; tolerated for now."}}),
    "web_logs.api.log.2.gz": ("platform-team", ["app_logs_analytics", "interactions", "account_creation"], None, [],
                              {"message": {"free_text": True}}),
    "web_logs.app.jsonl": ("platform-team", ["app_logs_analytics", "browser_device_server", "cookies_tracking",
                                             "account_creation", "payment_processing"],
                           "Application events as JSON lines: the dataset-level full_card_number also covers keys "
                           "that appear later.", ["full_card_number"], {
                               "geo.city": {"misread": ["GEO_COORDINATES"]},
                               "user.age": {"note": UNDECLARED.format(t="AGE")}}),
    "web_logs.worker.log": ("platform-team", ["interactions", "browser_device_server", "social_media"], None, [],
                            {"message": {"free_text": True}}),
}

_PLAIN = re.compile(r"[A-Za-z_][A-Za-z0-9_.\-]*")


def _scalar(s: str) -> str:
    return s if _PLAIN.fullmatch(s) else json.dumps(s)


def _flow(items: list) -> str:
    out = []
    for i in items:
        if isinstance(i, dict):
            ((k, v),) = i.items()
            out.append(f"{{{k}: {json.dumps(v) if not _PLAIN.fullmatch(str(v)) else v}}}")
        else:
            out.append(_scalar(i))
    return "[" + ", ".join(out) + "]"


def reviewed(draft_text: str, policy) -> str:
    d = yaml.safe_load(draft_text)
    key = f"{d['source']}.{d['dataset']}"
    owner, purposes, note, drules, edits = REVIEW[key]
    unknown = set(edits) - set(d["fields"])
    if unknown:
        raise SystemExit(f"{key}: the review names fields the draft lacks: {sorted(unknown)}")
    lines = [f"# Data contract of dataset {d['dataset']} in source {d['source']}.",
             "# Drafted by `pdd contracts init` from the clean demo, reviewed by the data steward",
             "# (data_contracts/demo/review.py records the review). Format: data_contracts/README.md",
             "contract_version: 1", f"source: {_scalar(d['source'])}", f"dataset: {_scalar(d['dataset'])}",
             f"owner: {owner}"]
    if note:
        lines.append(f"note: {json.dumps(note)}")
    lines += [f"rules: {_flow(drules)}", "fields:"]
    for name, fc in d["fields"].items():
        fc, e = dict(fc or {}), edits.get(name, {})
        misread = e.get("misread", [])
        types = [t for t in fc.get("types", []) if t not in misread]
        if e.get("free_text"):
            types += [t for t in FREE_TEXT if t not in types]
        types += [t for t in e.get("allow", []) if t not in types]
        cats: list[str] = []
        for t in types:  # per type: the categories of the dataset's purposes that declare it, else all that do
            declaring = policy.categorize([t])[0]
            cats += [c for c in ([c for c in declaring if c in purposes] or declaring) if c not in cats]
        body = [f"types: {_flow(types)}"] if types else []
        body += [f"misread: {_flow(misread)}"] if misread else []
        body += [f"categories: {_flow(cats)}"] if cats else []
        rules = fc.get("rules", []) + e.get("rules", [])
        body += [f"rules: {_flow(rules)}"] if rules else []
        note = e.get("note") or (FREE_TEXT_NOTE if e.get("free_text") else None)
        body += [f"note: {json.dumps(note)}"] if note else []
        if not body:
            lines.append(f"  {_scalar(name)}: {{}}")
        elif len(body) == 1 and not types:
            lines.append(f"  {_scalar(name)}: {{{body[0]}}}")
        else:
            lines += [f"  {_scalar(name)}:", *(f"    {b}" for b in body)]
    return "\n".join(lines) + "\n"


def main() -> None:
    policy = load_policy()
    with tempfile.TemporaryDirectory() as tmp:
        manifest = generate(Path(tmp) / "clean", clean=True)
        config = load_config(manifest.config)
        drafts = draft_contracts(config, scan(config))
    missing = {f"{d.source}.{d.dataset}" for d in drafts} ^ set(REVIEW)
    if missing:
        raise SystemExit(f"the review and the drafted datasets differ: {sorted(missing)}")
    for old in HERE.glob("*.yaml"):
        old.unlink()
    for d in drafts:
        (HERE / d.filename).write_text(reviewed(d.text, policy), encoding="utf-8")
        print(f"reviewed {HERE / d.filename}")


if __name__ == "__main__":
    main()
