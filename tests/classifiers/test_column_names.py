"""Column-name evidence (classifiers/column_names.py + name_lexicon.yaml): one table of names real schemas use."""

from __future__ import annotations

import pytest
import yaml

from classifiers.column_names import _LEXICON, MODIFIER, name_evidence, tokenize
from classifiers.entities import ENTITY_TYPES

STRONG = 0.9

NAMES = [
    # name, the type it asserts (weight >= 0.5) or None, the negative head or None
    # English and abbreviations
    ("email", "EMAIL_ADDRESS", None),
    ("emailAddr", "EMAIL_ADDRESS", None),
    ("EMAIL_ADDRESS", "EMAIL_ADDRESS", None),
    ("email_id", "EMAIL_ADDRESS", None),          # Indian English: an e-mail address
    ("usr_nm", "USERNAME", None),
    ("tel_no", "PHONE_NUMBER", None),
    ("mob_no", "PHONE_NUMBER", None),
    ("addr1", "POSTAL_ADDRESS", None),
    ("bday", "DATE_OF_BIRTH", None),
    ("dob", "DATE_OF_BIRTH", None),
    ("cust_nm", "PERSON_NAME", None),
    ("FirstName", "PERSON_NAME", None),
    ("pincode", "POSTAL_ADDRESS", None),
    ("cc_exp", "CARD_EXPIRY", None),
    ("pan_last4", "CARD_LAST_FOUR", None),
    ("remote_addr", "IP_ADDRESS", None),
    ("http_user_agent", "USER_AGENT", None),
    ("http_referer", "URL", None),
    ("tz", "TIME_ZONE", None),
    ("locale", "LANGUAGE", None),
    ("idfa", "DEVICE_ID", None),
    ("bssid", "MAC_ADDRESS", None),
    ("mcc_mnc", "MOBILE_NETWORK", None),
    ("_ga", "COOKIE_ID", None),
    ("password_hash", "CREDENTIAL", None),
    ("aadhaar_no", "GOVERNMENT_ID", None),
    ("ssn", "GOVERNMENT_ID", None),
    ("employer", "COMPANY_NAME", None),
    ("lat", "GEO_COORDINATES", None),
    ("nationality", "COUNTRY", None),
    ("city", "LOCATION", None),
    ("age", "AGE", None),
    ("card_number", "CREDIT_CARD", None),
    # German, French, Spanish, Portuguese, Italian, Dutch, Hindi (transliterated)
    ("vorname", "PERSON_NAME", None),
    ("Telefonnummer", "PHONE_NUMBER", None),
    ("geburtsdatum", "DATE_OF_BIRTH", None),
    ("Staatsangehörigkeit", "COUNTRY", None),     # umlaut written as such ...
    ("staatsangehoerigkeit", "COUNTRY", None),    # ... or spelled out
    ("Straße", "POSTAL_ADDRESS", None),
    ("eMailAdresse", "EMAIL_ADDRESS", None),      # e-mail address, not a postal one
    ("prenom", "PERSON_NAME", None),
    ("date_de_naissance", "DATE_OF_BIRTH", None),
    ("adresse_ip", "IP_ADDRESS", None),
    ("fecha_nacimiento", "DATE_OF_BIRTH", None),
    ("telefono", "PHONE_NUMBER", None),
    ("data_nascimento", "DATE_OF_BIRTH", None),
    ("cpf", "GOVERNMENT_ID", None),
    ("data_nascita", "DATE_OF_BIRTH", None),
    ("codice_fiscale", "GOVERNMENT_ID", None),
    ("achternaam", "PERSON_NAME", None),
    ("woonplaats", "LOCATION", None),
    ("janm_tithi", "DATE_OF_BIRTH", None),
    ("umar", "AGE", None),
    # the head decides: modifiers, generic heads, negative heads
    ("last_login_ip", "IP_ADDRESS", None),
    ("geo.loc_lat", "GEO_COORDINATES", None),
    ("phone_primary", "PHONE_NUMBER", None),      # an unknown tail token
    ("city_name", "LOCATION", None),              # a city's name, not a person's
    ("carrier_name", "MOBILE_NETWORK", None),
    ("company.name", "COMPANY_NAME", None),
    ("user.name", "PERSON_NAME", None),           # the user's name (user_name is a login)
    ("user_name", "USERNAME", None),
    ("device.id", "DEVICE_ID", None),             # a generic head completing the parent's phrase
    ("install_id", "DEVICE_ID", None),
    ("user.email", "EMAIL_ADDRESS", None),
    ("login_count", None, "login count"),
    ("phone_type", None, "type"),
    ("email_verified", None, "verified"),
    ("customer_id", None, "customer id"),
    ("user.id", None, "user id"),
    ("org_id", None, "id"),
    ("itemName", None, "item"),
    ("nom_produit", None, "produit"),
    ("order_number", None, "order number"),
    ("card_brand", None, "card brand"),
    ("app_version", None, "version"),
    ("created_at", None, "created at"),
    ("expires_at", None, "at"),
    ("device.battery_pct", None, "percent"),
    ("checksum", None, "checksum"),
    ("carrier_service", None, "carrier service"),  # a shipping carrier, not a mobile network
    # nothing known
    ("c1", None, None),
    ("col_7", None, None),
    ("order_notes", None, None),                  # order is a modifier here; the values decide
]


@pytest.mark.parametrize(("name", "etype", "negative"), NAMES, ids=[n[0] for n in NAMES])
def test_name(name: str, etype: str | None, negative: str | None) -> None:
    ev = name_evidence(name)
    strong = sorted(t for t, (w, _) in ev.types.items() if w >= 0.5)
    assert strong == ([etype] if etype else []), ev
    assert ev.negative == negative


@pytest.mark.parametrize(("name", "etype", "weight"), [
    ("email", "EMAIL_ADDRESS", STRONG),
    ("device.completion_pct", "DEVICE_INFO", round(0.7 * MODIFIER, 3)),   # a parent is context only
    ("geo.loc_lat", "LOCATION", round(0.7 * MODIFIER, 3)),                # so is a modifier
    ("name_first", "PERSON_NAME", round(STRONG * 0.85, 3)),               # an unknown tail token
    ("carrier", "MOBILE_NETWORK", 0.7),                                   # medium: shipping carriers too
])
def test_weights(name: str, etype: str, weight: float) -> None:
    assert name_evidence(name).types[etype][0] == pytest.approx(weight)


@pytest.mark.parametrize(("name", "tokens"), [
    ("emailAddr", ("email", "address")),
    ("customerEmailAddress", ("customer", "email", "address")),
    ("addr1", ("address", "1")),
    ("usr_nm", ("user", "name")),
    ("HTTPUserAgent", ("http", "user", "agent")),
    ("Geburtsdatum", ("geburtsdatum",)),
    ("E-Mail", ("e", "mail")),
])
def test_tokenize(name: str, tokens: tuple[str, ...]) -> None:
    assert tokenize(name) == tokens


def test_a_dotted_path_keeps_every_part_s_tokens() -> None:
    assert name_evidence("geo.lat").tokens == ("geo", "latitude")


def test_lexicon_names_only_known_types_and_strengths() -> None:
    data = yaml.safe_load(_LEXICON.read_text(encoding="utf-8"))
    assert set(data["types"]) <= set(ENTITY_TYPES)
    assert {s for spec in data["types"].values() for s in spec} <= set(data["strengths"])
    assert set(data["heads"].values()) <= {"modifier", "phrase"}
