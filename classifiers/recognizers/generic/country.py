"""COUNTRY: a country as a whole value: its name (ISO, official, common, native), ISO alpha-3 or alpha-2.

Names and alpha-3 codes (``IND``, ``USA``) are medium; alpha-3 codes that are
also words or time zones (``EST``, ``CAN``, ``AND``) and alpha-2 codes (``IN``)
are weak, because two or three capitals are also states, sizes, language codes
and initials; lower case ``in``/``us`` is nothing. A nationality (``Indian``,
``Emirati``) is weak. A country named inside a sentence is not matched: it
says nothing about where a person lives.

Team and nationality columns write a country with a suffix: a number, a year
or a letter (``Norway-3``, ``Norway 2``, ``Germany 1990``, ``USA (B)``,
``Sweden II``), or two countries as one side (``Czechia/Slovakia``). The
country part is checked like a whole value (names and unambiguous alpha-3
codes); the suffix is at most four digits, a Roman numeral, one capital letter
or a short note in brackets. A city or region with a suffix (``London-3``) and
a comma list of countries are not matched.
"""

from __future__ import annotations

import re
from functools import lru_cache

import pycountry

from classifiers.recognizers.base import Pattern, ValueRecognizer
from classifiers.recognizers.lexicon import fold
from classifiers.recognizers.strength import MEDIUM, WEAK

#: Names people write that ISO 3166 does not list.
_ALIASES = (
    "USA", "U.S.A.", "U.S.", "US of A", "United States of America", "America", "UK", "U.K.", "Great Britain",
    "Britain", "England", "Scotland", "Wales", "Northern Ireland", "UAE", "U.A.E.", "Emirates", "Russia",
    "South Korea", "Korea", "North Korea", "Iran", "Syria", "Vietnam", "Laos", "Czech Republic", "Czechia",
    "Turkey", "Türkiye", "Holland", "The Netherlands", "Macedonia", "Swaziland", "Burma", "Ivory Coast",
    "Cape Verde", "East Timor", "Vatican", "Bolivia", "Venezuela", "Tanzania", "Moldova", "Taiwan", "Palestine",
    "Hong Kong", "Macau", "Republic of India", "Bharat", "भारत", "Hindustan", "Deutschland", "España", "Brasil",
    "Italia", "Nederland", "Schweiz", "Suisse", "Österreich", "Sverige", "Norge", "Danmark", "Suomi", "Polska",
    "Nippon", "Nihon", "日本", "中国", "Zhongguo", "México", "Perú", "Éire", "Ellada", "Rossiya", "Россия",
)


#: Nationalities (a "nationality" column): weak, since they also name languages and cuisines.
_DEMONYMS = frozenset(fold(d) for d in (
    "Indian", "American", "British", "English", "Scottish", "Welsh", "Irish", "Emirati", "Singaporean", "German",
    "Australian", "Canadian", "French", "Spanish", "Italian", "Portuguese", "Dutch", "Belgian", "Swiss", "Austrian",
    "Swedish", "Norwegian", "Danish", "Finnish", "Polish", "Russian", "Ukrainian", "Chinese", "Japanese", "Korean",
    "South Korean", "Vietnamese", "Thai", "Malaysian", "Indonesian", "Filipino", "Pakistani", "Bangladeshi",
    "Sri Lankan", "Nepali", "Nepalese", "Bhutanese", "Afghan", "Iranian", "Iraqi", "Saudi", "Qatari", "Kuwaiti",
    "Omani", "Bahraini", "Israeli", "Turkish", "Egyptian", "Nigerian", "Kenyan", "South African", "Ghanaian",
    "Ethiopian", "Brazilian", "Mexican", "Argentinian", "Argentine", "Chilean", "Colombian", "Peruvian",
    "New Zealander", "Greek", "Czech", "Hungarian", "Romanian"))

#: alpha-3 codes that are more often something else (a time zone, a word, a month): weak like alpha-2
_AMBIGUOUS_ALPHA3 = frozenset({"EST", "CAN", "AND", "ARE", "PER", "NOR", "MAC", "MAR", "COL", "DOM", "TON", "BEN",
                               "FIN"})


@lru_cache(maxsize=1)
def _countries() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """(folded names, alpha-3 codes, alpha-2 codes)."""
    names: set[str] = {fold(a) for a in _ALIASES}
    for c in pycountry.countries:
        for attr in ("name", "official_name", "common_name"):
            if value := getattr(c, attr, None):
                names.add(fold(value))
                if ", " in value:  # "Korea, Republic of" -> "Republic of Korea"
                    head, _, tail = value.partition(", ")
                    names.add(fold(f"{tail} {head}"))
    return (frozenset(names), frozenset(c.alpha_3 for c in pycountry.countries),
            frozenset(c.alpha_2 for c in pycountry.countries))


class CountryRecognizer(ValueRecognizer):
    ENTITY = "COUNTRY"
    VALIDATOR = "ISO 3166"
    MAX_WHOLE = 60
    PATTERNS = (
        Pattern("alpha-2", r"[A-Z]{2}", 0.0, validated=WEAK, whole=True, check="is_alpha2"),
        Pattern("alpha-3", r"[A-Z]{3}", 0.0, validated=MEDIUM, whole=True, check="is_alpha3"),
        Pattern("name", r"[^\W\d_][\w.'’()&,\- ]*[\w.)]", 0.0, validated=MEDIUM, whole=True),
        Pattern("nationality", r"[^\W\d_][\w ]{2,20}", 0.0, validated=WEAK, whole=True, check="is_demonym"),
        Pattern("team", r"[^\W\d_][\w.'’()&,\- /#]*[\w)]", 0.0, validated=MEDIUM, whole=True, check="is_team"),
    )

    def validate_result(self, pattern_text: str) -> bool | None:
        return fold(pattern_text) in _countries()[0]

    def is_alpha3(self, pattern_text: str) -> bool:
        return pattern_text in _countries()[1]

    def score_match(self, pattern, text, start, end):
        r = super().score_match(pattern, text, start, end)
        if r is not None and text[start:end] in _AMBIGUOUS_ALPHA3:
            r.score = WEAK
        return r

    def is_demonym(self, pattern_text: str) -> bool:
        return fold(pattern_text) in _DEMONYMS

    def is_alpha2(self, pattern_text: str) -> bool:
        return pattern_text in _countries()[2]

    def is_team(self, pattern_text: str) -> bool:
        return is_team(pattern_text)


def is_country(text: str) -> bool:
    """A country's name (any of the forms above) or ISO alpha-2/alpha-3 code."""
    names, alpha3, alpha2 = _countries()
    return text in alpha2 or text in alpha3 or fold(text) in names


#: a country part, then a suffix: "-3", " 2", " 1990", " II", " B", "#2", " (B)", " (U23)"
_SUFFIXED = re.compile(r"(?P<country>.+?)(?:\s*[-_#]\s*|\s+)(?:\d{1,4}|[IVX]{1,4}|[A-Z])|"
                       r"(?P<bracketed>.+?)\s*\(\s*[^\W_][\w ]{0,9}\)")


def _country_part(text: str) -> bool:
    """A country's name or an unambiguous alpha-3 code, or two or three of them joined by ``/``."""
    parts = [p.strip() for p in text.split("/")]
    if not 1 <= len(parts) <= 3:
        return False
    names, alpha3, _ = _countries()
    return all(fold(p) in names or (p in alpha3 and p not in _AMBIGUOUS_ALPHA3) for p in parts)


def is_team(text: str) -> bool:
    """A country with a team, year or numbering suffix, or a pair of countries (``Czechia/Slovakia``)."""
    text = text.strip()
    if "/" in text and _country_part(text):
        return True
    m = _SUFFIXED.fullmatch(text)
    return m is not None and _country_part(m.group("country") or m.group("bracketed"))
