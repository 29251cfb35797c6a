"""PHONE_NUMBER: digit runs that libphonenumber parses as valid numbers, India first.

Presidio's phone recognizer runs libphonenumber's matcher once per region over
every value (17 regions: about 0.7 ms a value, most of pdd's classification
time). Here one regex finds candidate runs of 8-15 digits first, and each
candidate is parsed, not matched:

- ``+CC ...`` or ``00CC ...``: any country, strong when valid;
- national format, India (the default region): ``098765 43210``,
  ``9876543210``, ``080 2345 6789``. Bare digits count only as a mobile number
  (a bare 10-digit run starting 1-5 is as often a Unix time as a landline);
- national format elsewhere: the North American ``(NXX) NXX-XXXX`` forms
  (medium); numbers written with separators and a trunk ``0`` (``030 1234567``),
  tried in the regions that use one (weak). Regions without a trunk prefix (SG,
  ES, PT) count only with ``+CC``: any 8-9 digits would parse there.

Dates, times, decimals and dotted quads are not candidates. A phone word
(phone, mobile, tel, call, whatsapp, ...) just before a number makes it strong.
"""

from __future__ import annotations

import re

import phonenumbers
from phonenumbers import NumberParseException, PhoneNumberType
from presidio_analyzer import RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

from classifiers.recognizers.base import ValueRecognizer
from classifiers.recognizers.strength import MEDIUM, STRONG, WEAK

#: India first; then the markets named in the policy's EEA section and common D2C export markets.
REGIONS = ("IN", "US", "GB", "DE", "FR", "ES", "IT", "NL", "PT", "BR", "CA", "AU", "SG", "AE", "ZA", "NG", "JP")
#: Regions whose national numbers start with a trunk 0: a leading 0 makes a national number worth trying there.
#: (US/CA national numbers are tried by their NANP shape; SG, ES and PT have no trunk prefix, so any 8-9 digits
#: would do: their numbers count only with +CC.)
_TRUNK_ZERO_REGIONS = tuple(r for r in REGIONS if r in ("GB", "DE", "FR", "IT", "NL", "BR", "AU", "AE", "ZA", "NG",
                                                         "JP"))

_CANDIDATE = re.compile(r"(?<![\w+.,/-])(?:\+|00)?[ ]?\(?\d[\d \-.()]{5,20}\d(?![\w])(?![.,]\d)")
_DATE = re.compile(r"^\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|^\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}$|^\d{1,2}[-/.]\d{1,2}[-/.]\d{4}")
_NANP = re.compile(r"^(?:\+?1[ .-]?)?(?:\(\d{3}\) ?|\d{3}[ .-])\d{3}[ .-]\d{4}$")
_MOBILE = (PhoneNumberType.MOBILE, PhoneNumberType.FIXED_LINE_OR_MOBILE)


class PhoneRecognizer(ValueRecognizer):
    ENTITY = "PHONE_NUMBER"
    VALIDATOR = "libphonenumber"
    CONTEXT = ("phone", "mobile", "mob", "tel", "telephone", "cell", "call", "contact", "whatsapp", "ph",
               "mobile no", "phone no", "fon", "telefon", "telefono", "handy", "sms", "fax")
    QUICK = re.compile(r"\d[\d \-.()]{6,}\d")
    QUICK_FIRST = True

    def analyze(self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None
                ) -> list[RecognizerResult]:
        if self.QUICK.search(text) is None:
            return []
        out = []
        for m in _CANDIDATE.finditer(text):
            start, end = m.span()
            while text[start] == " ":
                start += 1
            found = text[start:end]
            score = _score(found)
            if score is None:
                continue
            if score < STRONG and self.has_context(text, start):
                score = STRONG
            out.append(self.result(start, end, score, validated=True, pattern="libphonenumber"))
        return out


def _score(found: str) -> float | None:
    digits = sum(c.isdigit() for c in found)
    if not 8 <= digits <= 15 or _DATE.match(found):
        return None
    if "." in found and not _NANP.match(found):
        return None  # decimals, dotted quads, versions
    if found.count("(") != found.count(")"):
        return None
    international = found.startswith(("+", "00"))
    try:
        number = phonenumbers.parse("+" + found[2:] if found.startswith("00") else found, "IN")
    except NumberParseException:
        number = None
    if number is not None and phonenumbers.is_valid_number(number):
        if international:
            return STRONG
        bare = found.isdigit()
        if phonenumbers.number_type(number) in _MOBILE:
            return MEDIUM
        if not bare and found.startswith("0"):
            return MEDIUM  # a landline with its trunk prefix: 080 2345 6789
    if international or found.isdigit():
        return None
    if _NANP.match(found):
        return MEDIUM if _valid(found, "US") else None
    if found.startswith(("0", "(0")):
        for region in _TRUNK_ZERO_REGIONS:
            if _valid(found, region):
                return WEAK
    return None


def _valid(found: str, region: str) -> bool:
    try:
        return phonenumbers.is_valid_number(phonenumbers.parse(found, region))
    except NumberParseException:
        return False
