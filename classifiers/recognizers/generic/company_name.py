"""COMPANY_NAME: a name ending in a legal-form suffix (Pvt Ltd, Private Limited, LLP, Ltd, Inc, LLC, GmbH,
AG, SA, SAS, S.p.A., B.V., ...).

As the whole value: medium, weak for the short suffixes that are also
ordinary words or initials (``Co``, ``AS``, ``AB``, ``SA`` and ``AG`` in lower
case). Inside free text the long, unambiguous suffixes count (``works at Kesar
Organics Pvt Ltd``): weak, since a company named in a message is rarely the
person's employer. A whole value ending in a business word (``Masala Box
Foods``, ``Sattva Technologies``) is very weak: it agrees with a ``company``
column. Company names with neither (``UrbanKurta``) have no value evidence:
the column name decides.
"""

from __future__ import annotations

from classifiers.recognizers.base import Pattern, ValueRecognizer
from classifiers.recognizers.strength import MEDIUM, VERY_WEAK, WEAK

_WORDS = r"(?:(?:[^\W_][\w&'’.,+-]*|&)\s+){1,7}"
_LONG = (r"(?:Pvt\.?\s*Ltd\.?|Pvt\.?\s+Limited|Private\s+Limited|Public\s+Limited|LLP|Ltd\.?|Limited|Inc\.?|"
         r"Incorporated|LLC|L\.L\.C\.|Corp\.?|Corporation|GmbH(?:\s*&\s*Co\.?\s*KG)?|gGmbH|mbH|S\.p\.A\.|SpA|S\.r\.l\.|"
         r"Srl|S\.A\.S\.|SARL|S\.à\s?r\.l\.|B\.V\.|N\.V\.|Pty\.?\s+Ltd\.?|Pte\.?\s+Ltd\.?|PLC|plc|Sdn\.?\s+Bhd\.?|"
         r"S\.A\.|S\.L\.|S\.A\.U\.|Ltda\.?|KGaA|OHG|e\.V\.|Oy|Oyj|ApS|A/S|AB|Kft\.?|Zrt\.?|s\.r\.o\.|"
         r"sp\.\s?z\s?o\.o\.)")
_BUSINESS = (r"(?:Foods?|Industries|Enterprises?|Traders|Trading|Solutions|Technologies|Tech|Infotech|Labs?|Systems|"
             r"Group|Company|Holdings|Ventures|Brothers|Bros\.?|Sons|Exports|Imports|Apparel|Organics|Naturals|Works|"
             r"Studios?|Consulting|Consultants|Services|Agency|Associates|Partners|Motors|Pharma|Pharmaceuticals|"
             r"Textiles|Fashions?|Retail|Stores|Mart|Logistics|Software|Digital|Media|Capital|Finance|Bank)")
_SHORT = r"(?:AG|SA|SAS|BV|NV|KG|AS|Co\.?|& Co\.?|and Co\.?|\(OPC\)\s+Pvt\.?\s+Ltd\.?)"


class CompanyNameRecognizer(ValueRecognizer):
    ENTITY = "COMPANY_NAME"
    VALIDATOR = "legal form"
    MAX_WHOLE = 100
    PATTERNS = (
        Pattern("legal form", rf"{_WORDS}{_LONG}", MEDIUM, whole=True),
        Pattern("short legal form", rf"{_WORDS}{_SHORT}", WEAK, whole=True),
        Pattern("business word", rf"{_WORDS}{_BUSINESS}", VERY_WEAK, whole=True),
        Pattern("in text", rf"(?<![\w&])(?:[A-Z][\w&'’.-]*\s+){{1,5}}{_LONG}(?![\w])", WEAK),
    )
