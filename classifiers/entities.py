"""The entity vocabulary of ../shared/spec/entities.md: these strings and no others."""

ENTITY_TYPES: tuple[str, ...] = (
    "PERSON_NAME", "EMAIL_ADDRESS", "PHONE_NUMBER", "POSTAL_ADDRESS", "LOCATION", "COUNTRY",
    "GEO_COORDINATES", "COMPANY_NAME", "USERNAME", "CREDENTIAL", "DATE_OF_BIRTH", "AGE",
    "GOVERNMENT_ID", "CREDIT_CARD", "CARD_LAST_FOUR", "CARD_EXPIRY", "IP_ADDRESS", "USER_AGENT",
    "URL", "TIME_ZONE", "LANGUAGE", "DEVICE_INFO", "DEVICE_ID", "MAC_ADDRESS", "MOBILE_NETWORK",
    "COOKIE_ID",
)

#: Presidio's own entity names, mapped onto ours (a Presidio or user recognizer may emit these).
PRESIDIO_TO_PDD: dict[str, str] = {
    "PERSON": "PERSON_NAME", "EMAIL_ADDRESS": "EMAIL_ADDRESS", "PHONE_NUMBER": "PHONE_NUMBER",
    "LOCATION": "LOCATION", "GPE": "LOCATION", "NRP": "", "ORG": "COMPANY_NAME", "ORGANIZATION": "COMPANY_NAME",
    "CREDIT_CARD": "CREDIT_CARD", "IP_ADDRESS": "IP_ADDRESS", "URL": "URL", "MAC_ADDRESS": "MAC_ADDRESS",
    "IN_AADHAAR": "GOVERNMENT_ID", "IN_PAN": "GOVERNMENT_ID", "IN_PASSPORT": "GOVERNMENT_ID",
    "IN_VOTER": "GOVERNMENT_ID", "US_SSN": "GOVERNMENT_ID", "US_PASSPORT": "GOVERNMENT_ID",
    "US_ITIN": "GOVERNMENT_ID", "UK_NINO": "GOVERNMENT_ID", "DATE_TIME": "", "UUID": "",
}


def to_pdd(name: str) -> str | None:
    """Our entity name for a recognizer's name, or None when it is not personal data."""
    if name in ENTITY_TYPES:
        return name
    mapped = PRESIDIO_TO_PDD.get(name)
    return mapped or None
