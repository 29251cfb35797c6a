"""POSTAL_ADDRESS: street addresses: a house number beside a street word, in several languages, and
Indian address lines (flat/house/plot numbers, cross/main/sector, nagar/colony/layout, a 6-digit PIN).

- a street (``221B Baker Street``, ``Hauptstraße 5``, ``12 rue de la Paix``,
  ``Calle Mayor 3``, ``Rua Augusta 10``, ``Via Roma 1``, ``Keizersgracht 12``,
  ``Flat 12, Lotus Residency, MG Road``, ``3rd Cross, Indiranagar``): medium;
- the same with a postal code later on its line (PIN ``560038`` / ``560 038``,
  ZIP ``94105`` / ``94105-1234``, PLZ ``10115``, UK ``SW1A 1AA``): strong, and
  the span runs to the code;
- a whole value of comma-separated parts with an Indian street word and no
  number (``MG Road, Indiranagar, Bengaluru``): weak.

Street words are matched capitalized where they are also everyday words
(``Place``, ``Way``, ``Via``), so ``12 place settings`` is not an address.
A bare PIN or ZIP is country-specific and weak (country/india/pin_code.py,
country/us/zip_code.py).
"""

from __future__ import annotations

import re

from classifiers.recognizers.base import Pattern, ValueRecognizer
from classifiers.recognizers.strength import MEDIUM, STRONG, WEAK

_NUM = r"\d{1,5}[A-Za-z]?(?:[/-]\d{1,4}[A-Za-z]?)?"
_NAME = r"[A-Z][\w'’.-]*"
_EN_STREET = (r"(?:Street|St|Road|Rd|Avenue|Ave|Lane|Ln|Boulevard|Blvd|Drive|Dr|Way|Court|Ct|Place|Pl|Terrace|"
              r"Highway|Hwy|Parkway|Pkwy|Square|Sq|Close|Crescent|Gardens|Grove|Mews|Marg|Salai|Chowk|Nagar|"
              r"Colony|Layout|Enclave)\.?")
_IN_ORDINAL = r"\d{1,2}(?:st|nd|rd|th)\s+(?:Main|Cross|Stage|Block|Phase|Sector|A Cross|B Cross)(?:\s+Road)?"
_DE_STREET = r"[A-ZÄÖÜ][\w-]*(?:straße|strasse|str\.|weg|gasse|platz|allee|ring|damm|ufer|chaussee)"
_NL_STREET = r"[A-Z][\w-]*(?:straat|laan|weg|plein|gracht|kade|singel|dijk)"
_ROMANCE = (r"(?:[Rr]ue|[Aa]venue|[Bb]oulevard|[Cc]hemin|[Aa]llée|[Ii]mpasse|[Qq]uai|Place|Calle|C/|Avenida|"
            r"Avda\.?|Paseo|Plaza|Carrer|Rua|Travessa|Largo|Praça|Via|Viale|Piazza|Corso|Vicolo|Strada)")
_IN_UNIT = (r"(?i:flat(?:\s+no\.?)?|house\s+no\.?|h\.?\s?no\.?|plot(?:\s+no\.?)?|door\s+no\.?|d\.?\s?no\.?|"
            r"shop\s+no\.?|apt\.?|apartment|unit|suite|bldg\.?|building\s+no\.?|#)")
_IN_WORDS = re.compile(r"(?i)\b(?:road|rd|street|st|nagar|colony|layout|cross|main|sector|apartments?|residency|"
                       r"towers?|society|complex|enclave|lane|marg|chowk|block|phase|stage|building|bldg|floor|"
                       r"villa|niwas|nivas|bhavan|bhawan|heights|gardens?|park|salai|gali|mohalla|wadi|peth|"
                       r"taluk|district|dist|po|near|opp|behind)\b")
_POSTCODE = re.compile(r"(?<![\w-])(?:[1-9]\d{2}\s?\d{3}|\d{5}(?:-\d{4})?|[A-Z]{1,2}\d[A-Z\d]?\s?\d[A-Z]{2})(?![\w-])")
_LINE_END = re.compile(r"[\n;|]")
_REACH = 90  # how far along the line a postal code may follow the street


class PostalAddressRecognizer(ValueRecognizer):
    ENTITY = "POSTAL_ADDRESS"
    VALIDATOR = "street + postal code"
    QUICK = re.compile(r"\d|,")
    PATTERNS = (
        Pattern("street", rf"(?<![\w.]){_NUM},?\s+(?:{_NAME}\s+){{1,4}}{_EN_STREET}(?!\w)", MEDIUM),
        Pattern("indian ordinal", rf"(?<![\w.]){_IN_ORDINAL}(?!\w)", MEDIUM),
        Pattern("indian sector", r"(?<![\w.])(?:Sector|Sec\.?|Phase|Block)[\s-]?\d{1,3}[A-Z]?\s*,", MEDIUM),
        Pattern("indian unit", rf"(?<![\w]){_IN_UNIT}\s*{_NUM}\s*,\s*[^,\n;]{{2,60}}(?:,\s*[^,\n;]{{2,60}}){{0,4}}",
                0.0,
                validated=MEDIUM, check="is_indian_line"),
        Pattern("german street", rf"(?<![\w]){_DE_STREET}\s+{_NUM}(?!\w)", MEDIUM),
        Pattern("dutch street", rf"(?<![\w]){_NL_STREET}\s+{_NUM}(?!\w)", MEDIUM),
        Pattern("romance street", rf"(?<![\w.]){_NUM},?\s+{_ROMANCE}\s+(?:[\w'’.-]+\s*){{1,5}}?(?=[,\n]|$)"
                rf"|(?<![\w]){_ROMANCE}\s+(?:[\w'’.-]+\s+){{1,4}}?(?:n[º°o]\.?\s*)?{_NUM}(?!\w)", MEDIUM),
        Pattern("locality line", rf"(?:{_NAME}\s+){{1,3}}{_EN_STREET}(?:\s*,\s*[^,\n\d]+){{2,5}}", WEAK, whole=True),
    )

    def is_indian_line(self, pattern_text: str) -> bool:
        return _IN_WORDS.search(pattern_text) is not None or _POSTCODE.search(pattern_text) is not None

    def score_match(self, pattern, text, start, end):
        r = super().score_match(pattern, text, start, end)
        if r is None:
            return None
        # A postal code further along the same line: extend the span to it and count it as strong.
        stop = min(len(text), end + _REACH)
        if (nl := _LINE_END.search(text, end, stop)) is not None:
            stop = nl.start()
        # The street's own number is no postal code: look after the street (after the unit's first comma).
        after = text.find(",", start, end) + 1 if pattern.name == "indian unit" else end
        code = None
        for match in _POSTCODE.finditer(text, after, stop):
            code = match  # the last one
        if code is not None:
            r.end = code.end()  # an Indian line may run past its PIN ("..., Delhi 110016 before 6pm")
            r.score = STRONG
            r.recognition_metadata["validator"] = self.VALIDATOR
        return r
