"""MOBILE_NETWORK: a mobile carrier name or network type, as the whole value.

Carrier names (Jio, Airtel, Vodafone Idea, BSNL, Verizon, AT&T, T-Mobile,
Vodafone, Etisalat, Singtel, ...), optionally with a country or a network
generation (``Jio 4G``, ``Airtel 5G``, ``Vodafone UK``), are medium. Names
that are also ordinary words or initials (``Vi``, ``Idea``, ``Three``,
``Orange``, ``EE``, ``O2``, ``du``, ``Smart``, ``Vivo``) and network types
(``4G``, ``LTE``, ``5G NR``) are weak. ``MCC-MNC`` codes (``404-45``) count
only after "mcc"/"mnc"/"carrier". Free text is not searched: a carrier named
in a sentence says nothing about the person's own network.
"""

from __future__ import annotations

import re

from classifiers.recognizers.base import Pattern, ValueRecognizer
from classifiers.recognizers.strength import MEDIUM, WEAK

_CARRIERS = (
    r"(?:Reliance\s+)?Jio|(?:Bharti\s+)?Airtel|Vodafone(?:\s*Idea)?|VodafoneIdea|Vi\s*\(Vodafone\s*Idea\)|BSNL|MTNL|"
    r"Aircel|Tata\s+Docomo|Telenor|Verizon(?:\s+Wireless)?|AT\s?&\s?T|T-Mobile|TMobile|Sprint|US\s+Cellular|"
    r"Cricket(?:\s+Wireless)?|Boost\s+Mobile|Metro\s*PCS|Metro\s+by\s+T-Mobile|Google\s+Fi|Mint\s+Mobile|"
    r"Deutsche\s+Telekom|Telekom|Telefónica|Telefonica|Movistar|Bouygues(?:\s+Telecom)?|SFR|Free\s+Mobile|"
    r"Wind\s*Tre|Iliad|KPN|Proximus|Swisscom|Telia|Tele2|Orange|Three\s+UK|"
    r"giffgaff|Tesco\s+Mobile|Virgin\s+Media|Virgin\s+Mobile|Sky\s+Mobile|Lycamobile|Lebara|Etisalat|e&|"
    r"Ooredoo|Zain|STC|Mobily|Singtel|StarHub|M1|Telstra|Optus|TPG|Rogers|Telus|Fido|Freedom\s+Mobile|Claro|"
    r"Tigo|Entel|Personal|MTN|Glo|Globacom|9mobile|Safaricom|Vodacom|Cell\s+C|Globe|Smart|DITO|Telkomsel|"
    r"Indosat(?:\s+Ooredoo)?|XL\s+Axiata|AIS|dtac|TrueMove(?:\s+H)?|Viettel|Mobifone|Vinaphone|Maxis|Celcom|Digi|"
    r"U\s+Mobile|NTT\s+docomo|docomo|SoftBank|KDDI|Rakuten\s+Mobile|SK\s+Telecom|KT|LG\s+U\+|China\s+Mobile|"
    r"China\s+Unicom|China\s+Telecom|Jazz|Zong|Ufone|Grameenphone|Robi|Banglalink|Dialog|Ncell|Vivo|TIM|"
    r"Vi|Idea|Three|EE|O2|du"
)
#: carrier names that are everyday words or initials: weak unless a generation or "mobile" follows
_AMBIGUOUS = frozenset({"vi", "idea", "three", "ee", "o2", "du", "smart", "vivo", "orange", "glo", "tim", "kt", "digi",
                        "globe", "sprint", "cricket",
                        "robi", "jazz", "zong", "fido", "tigo", "entel", "m1", "stc", "ais", "e&"})
_SUFFIX = r"(?:\s*[-(]?\s*(?:[2-5]G(?:\s?(?:NR|LTE|\+|Plus))?|LTE|VoLTE|True\s?5G|Mobile|Wireless|Prepaid|Postpaid|" \
          r"India|IN|UK|US|USA|DE|AU|SG|AE)\)?)*"


class MobileNetworkRecognizer(ValueRecognizer):
    ENTITY = "MOBILE_NETWORK"
    VALIDATOR = "carrier list"
    CONTEXT = ("mcc", "mnc", "mcc-mnc", "mccmnc", "carrier", "operator", "plmn")
    MAX_WHOLE = 50
    PATTERNS = (
        Pattern("carrier", rf"(?:{_CARRIERS}){_SUFFIX}", MEDIUM, whole=True, flags=re.IGNORECASE),
        Pattern("network type", r"(?:[2-5]G|LTE|4G\s?LTE|5G\s?(?:NR|SA|NSA)|3G|2G|EDGE|HSPA\+?|UMTS|GSM|CDMA|"
                r"WCDMA|VoLTE|NR)", WEAK, whole=True),
        Pattern("MCC-MNC", r"(?<![\w.-])[2-7]\d{2}[-/ ]?\d{2,3}(?![\w.-])", 0.0, with_context=MEDIUM),
    )

    def score_match(self, pattern, text, start, end):
        r = super().score_match(pattern, text, start, end)
        if r is not None and pattern.name == "carrier" and text[start:end].strip().lower() in _AMBIGUOUS:
            r.score = WEAK
        return r
