"""Evidence from a whole dataset: a table of places with nobody at them is reference data.

A country list, a region or state lookup, a geography dimension (city, state,
country, postal code), a list of languages or cultures holds places and
vocabulary, not anyone's: nothing in such a row ties it to a person. When no
field of a dataset holds a type that belongs to a person (a name, a contact,
an account, a device, a street address) and no field is a person's key
(``user_id``, ``customer_no``), its place and vocabulary types (LOCATION,
COUNTRY, postal codes, IP addresses, LANGUAGE, TIME_ZONE) are catalogue data
and are not asserted. A dataset of one field (a log message) is an event
stream, never a catalogue. The dropped decisions stay among the field's
candidates, with the reason in their evidence.
"""

from __future__ import annotations

from dataclasses import replace

from classifiers.column_names import name_evidence
from classifiers.field import FieldDecision

#: Types a catalogue of places holds; they are personal only beside someone they belong to.
PLACE_TYPES = frozenset({"LOCATION", "COUNTRY", "POSTAL_ADDRESS", "IP_ADDRESS", "LANGUAGE", "TIME_ZONE"})
#: Types that never tie a row to a person on their own.
NEUTRAL_TYPES = frozenset({"URL"})
#: Words of a column that keys a row to a person (``user_id``, ``CustomerNumber``, ``member_ref``).
PERSON_KEYS = frozenset({"user", "customer", "member", "person", "employee", "account", "client", "contact",
                         "patient", "student", "buyer", "subscriber", "profile", "uid", "owner", "visitor",
                         "guest", "applicant", "candidate", "emp", "cust", "usr"})
#: Name phrases of a street address (a person's address line), unlike a bare postal code.
STREET_WORDS = ("address", "street", "strasse", "rue", "calle", "rua", "via", "straat", "building", "suite")


def _anchors(field: str, d: FieldDecision) -> bool:
    """True when this field ties its row to a person (any personal type but a place; a street address;
    a person's key)."""
    if PERSON_KEYS & set(name_evidence(field).tokens):
        return True
    for e in d.entities:
        if e.type not in PLACE_TYPES | NEUTRAL_TYPES:
            return True
        if e.type == "POSTAL_ADDRESS":
            phrase = name_evidence(field).types.get("POSTAL_ADDRESS", (0.0, ""))[1]
            if any(w in phrase for w in STREET_WORDS):
                return True
    return False


def reference_places(decisions: dict[str, FieldDecision]) -> dict[str, FieldDecision]:
    """``decisions`` with place types dropped when the dataset is a catalogue of places."""
    if len(decisions) < 2 or any(_anchors(f, d) for f, d in decisions.items()):
        return decisions
    out = {}
    for f, d in decisions.items():
        keep = [e for e in d.entities if e.type not in PLACE_TYPES]
        if len(keep) == len(d.entities):
            out[f] = d
            continue
        why = "dataset holds places with no person beside them (reference data)"
        dropped = {e.type for e in d.entities} - {e.type for e in keep}
        candidates = [replace(c, evidence=[*c.evidence, why]) if c.type in dropped else c for c in d.candidates]
        out[f] = replace(d, entities=keep, candidates=candidates)
    return out


__all__ = ["PLACE_TYPES", "reference_places"]
