"""LANGUAGE: BCP 47 / POSIX locale tags (langcodes), Accept-Language lists, and language names.

- ``en-IN``, ``pt_BR``, ``zh-Hant-TW``, ``en_US.UTF-8`` as the whole value:
  strong when langcodes accepts the tag and its language is one of the ~180
  with an ISO 639-1 code (pycountry);
- ``en-IN,en;q=0.9,hi;q=0.8`` anywhere: strong (an Accept-Language header);
- a tag inside free text only after lang/locale/language: strong;
- a bare code (``hi``, ``ta``, ``eng``) as the whole value: weak, very weak
  when it is also a common English word (``no``, ``it``, ``is``) or upper case
  (``EN`` is as often a country code);
- an English or native language name (``Hindi``, ``Tamil``, ``Deutsch``): medium.
"""

from __future__ import annotations

import re
from functools import lru_cache

import langcodes
import pycountry

from classifiers.recognizers.base import Pattern, ValueRecognizer
from classifiers.recognizers.lexicon import LETTER, fold
from classifiers.recognizers.strength import MEDIUM, STRONG, VERY_WEAK, WEAK

_TAG = r"(?:[a-zA-Z]{2,3}(?:[-_][A-Z][a-z]{3})?[-_](?:[A-Z]{2}|[a-z]{2}|\d{3})|[a-zA-Z]{2,3}[-_][A-Z][a-z]{3})"
_LIST_ITEM = r"[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*|\*"
_Q = r"(?:\s*;\s*q=[01](?:\.\d{1,3})?)?"
#: Autonyms and other names people type for a language, beyond ISO's English names.
_EXTRA_NAMES = {
    "hindustani": "hi", "हिन्दी": "hi", "हिंदी": "hi", "bangla": "bn", "বাংলা": "bn", "தமிழ்": "ta", "తెలుగు": "te",
    "मराठी": "mr", "ગુજરાતી": "gu", "ಕನ್ನಡ": "kn", "മലയാളം": "ml", "ਪੰਜਾਬੀ": "pa", "punjabi": "pa", "odia": "or",
    "oriya": "or", "ଓଡ଼ିଆ": "or", "اردو": "ur", "assamese": "as", "konkani": "kok", "maithili": "mai",
    "dogri": "doi", "santali": "sat", "bodo": "brx", "manipuri": "mni", "tulu": "tcy", "bhojpuri": "bho",
    "english": "en", "deutsch": "de", "français": "fr", "francais": "fr", "español": "es", "espanol": "es",
    "castellano": "es", "português": "pt", "portugues": "pt", "italiano": "it", "nederlands": "nl",
    "svenska": "sv", "norsk": "no", "dansk": "da", "suomi": "fi", "polski": "pl", "čeština": "cs",
    "русский": "ru", "українська": "uk", "türkçe": "tr", "ελληνικά": "el", "greek": "el", "العربية": "ar",
    "עברית": "he", "فارسی": "fa", "farsi": "fa", "pashto": "ps", "中文": "zh", "mandarin": "zh",
    "cantonese": "yue", "日本語": "ja", "한국어": "ko", "tiếng việt": "vi", "bahasa indonesia": "id",
    "bahasa melayu": "ms", "malay": "ms", "filipino": "fil", "tagalog": "tl", "kiswahili": "sw", "swahili": "sw",
    "nepali": "ne", "नेपाली": "ne", "sinhalese": "si", "burmese": "my", "khmer": "km",
}
#: Two-letter codes that are also everyday English words: as whole values they prove little.
_WORDLIKE = frozenset({"no", "it", "is", "to", "be", "an", "as", "or", "my", "so", "am", "he", "la", "id", "ha",
                       "na", "ia", "ie", "oc", "os", "sa", "se", "ss", "st", "ty", "wa"})


@lru_cache(maxsize=1)
def _languages() -> tuple[frozenset[str], dict[str, str]]:
    """(ISO 639-1 and matching 639-3 codes, folded name -> code) of the languages with a two-letter code."""
    codes: set[str] = set()
    names: dict[str, str] = {}
    for lang in pycountry.languages:
        two = getattr(lang, "alpha_2", None)
        if not two:
            continue
        codes.update((two, lang.alpha_3))
        name = re.sub(r"\s*\(.*\)", "", lang.name)
        for part in name.split(";"):
            names.setdefault(fold(part.strip()), two)
    for name, code in _EXTRA_NAMES.items():
        names[fold(name)] = code
    return frozenset(codes), names


class LanguageRecognizer(ValueRecognizer):
    ENTITY = "LANGUAGE"
    VALIDATOR = "langcodes"
    CONTEXT = ("lang", "language", "locale", "hl", "accept-language", "lng", "sprache", "idioma", "langue")
    PATTERNS = (
        # A tag with a region or script: en-IN, pt_BR, zh-Hant-TW, en_US.UTF-8.
        Pattern("tag", rf"{_TAG}(?:\.[\w-]+)?(?:@\w+)?", 0.0, validated=STRONG, whole=True, check="is_tag"),
        Pattern("accept-language", rf"(?<![\w-])(?:{_LIST_ITEM}){_Q}(?:\s*,\s*(?:{_LIST_ITEM}){_Q})+", 0.0,
                validated=STRONG, check="is_accept_language"),
        Pattern("tag in text", rf"(?<![\w-]){_TAG}(?![\w-])", 0.0, validated=0.0, with_context=STRONG,
                check="is_tag"),
        Pattern("code", r"[a-z]{2,3}", 0.0, validated=WEAK, whole=True, check="is_code"),
        Pattern("upper code", r"[A-Z]{2}", 0.0, validated=VERY_WEAK, whole=True, check="is_code"),
        Pattern("name", rf"{LETTER}+(?:[ -]{LETTER}+)?", 0.0, validated=MEDIUM, whole=True),
    )

    def validate_result(self, pattern_text: str) -> bool | None:
        return fold(pattern_text) in _languages()[1]

    def is_code(self, pattern_text: str) -> bool:
        return pattern_text.lower() in _languages()[0]

    def is_tag(self, pattern_text: str) -> bool:
        tag = pattern_text.split(".", 1)[0].split("@", 1)[0].replace("_", "-")
        return tag.split("-", 1)[0].lower() in _languages()[0] and langcodes.tag_is_valid(tag)

    def is_accept_language(self, pattern_text: str) -> bool:
        if "q=" not in pattern_text:
            return False  # "en, fr" could be any list; the q-weights make it a header
        first = pattern_text.split(",", 1)[0].split(";", 1)[0].strip()
        return first == "*" or self.is_code(first) or self.is_tag(first)

    def score_match(self, pattern, text, start, end):
        r = super().score_match(pattern, text, start, end)
        if r is not None and pattern.name == "code" and text[start:end] in _WORDLIKE:
            r.score = VERY_WEAK
        return r
