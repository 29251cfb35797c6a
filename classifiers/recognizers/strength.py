"""Named strengths: the only scores a pdd recognizer gives.

How classifiers/decide.py reads them: a field's value evidence is the mean
score of the values that hit times the share of values that hit (full at 80% of a column, at 20% for matches
inside longer text; see decide.py for the sparse-evidence floor).
So a score says what a column of such values proves *without* its name:

- ``VERY_WEAK``: the value has the type's shape and nothing more (a bare 9-digit
  number for an SSN). Never decides anything; it only tells decide.py that the
  values agree with a column name that says the type, so the name is not
  marked as contradicted.
- ``WEAK``: plausible, but common in unrelated data (a 4-digit number as a
  card's last four, a UUID as a device id). The column name decides.
- ``MEDIUM``: likely. A column whose values mostly hit reaches the default
  threshold (0.5) on values alone; scattered hits do not.
- ``STRONG``: the value itself says the type (a dashed SSN, a bcrypt hash, an
  IANA time zone). decide.py counts scores from here up as strong: two such
  values assert the type even in a free-text field.
- ``VALIDATED``: a checksum passed (Luhn with issuer range, Verhoeff). Grammar
  and lexicon checks (zoneinfo, langcodes, ua-parser, a public suffix) give
  STRONG, never VALIDATED, so 1.0 keeps meaning "a checksum held".
"""

from typing import Final

VERY_WEAK: Final = 0.05
WEAK: Final = 0.3
MEDIUM: Final = 0.5
STRONG: Final = 0.85
VALIDATED: Final = 1.0

#: name -> score, for docs and tests that speak in bands
BANDS: Final = {"VERY_WEAK": VERY_WEAK, "WEAK": WEAK, "MEDIUM": MEDIUM, "STRONG": STRONG, "VALIDATED": VALIDATED}
