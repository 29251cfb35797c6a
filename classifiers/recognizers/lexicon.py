"""Shared helpers for recognizers that look values up in word lists: folding, data files, stop words."""

from __future__ import annotations

import unicodedata
from functools import cache, lru_cache
from importlib import resources

#: One letter of a word, in a regex: Unicode letters plus the combining marks that Indic scripts write vowel
#: signs and viramas with (``हिन्दी``, ``தமிழ்``), which Python's ``\w`` does not count as word characters.
LETTER = r"(?:[^\W\d_]|[\u0300-\u036f\u0900-\u0dff])"

#: Indian state and union-territory codes (ISO 3166-2:IN and vehicle registration series).
INDIAN_STATE_CODES = frozenset(
    "AP AR AS BR CG CT GA GJ HR HP JH JK KA KL MP MH MN ML MZ NL OD OR PB RJ SK TN TS TG TR UP UK UT WB AN CH DN DD "
    "DL LD LA PY".split())

_GERMAN = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"})


def fold(text: str) -> str:
    """Case- and accent-insensitive key: ``Sofía`` -> ``sofia``, ``MÜLLER`` -> ``muller``.

    Only marks on Latin letters are removed; in Devanagari or Tamil the vowel
    signs are combining marks too, and removing them would merge distinct names.
    """
    text = text.casefold()
    if text.isascii():
        return text
    out: list[str] = []
    for ch in unicodedata.normalize("NFKD", text):
        if unicodedata.combining(ch) and out and out[-1].isascii():
            continue
        out.append(ch)
    return unicodedata.normalize("NFC", "".join(out))


def variants(name: str) -> set[str]:
    """The keys a lexicon entry is stored under: folded, and with German umlauts spelled out (Müller, Mueller)."""
    low = name.casefold()
    return {fold(name), fold(low.translate(_GERMAN))}


@cache
def data_lines(filename: str) -> tuple[str, ...]:
    """Non-empty, non-comment lines of classifiers/data/<filename>."""
    text = resources.files("classifiers.data").joinpath(filename).read_text(encoding="utf-8")
    return tuple(s for line in text.splitlines() if (s := line.strip()) and not s.startswith("#"))


#: Common English words that are also names of people or places ("Will", "Mobile", "Reading"), plus
#: spaCy's English stop words: never enough on their own to call a value a name or a place.
_COMMON = """
    about after again all also always and any are away back bar bath be best big bill black blue bold born
    brown buy can case central chance charity city clay close cook cool could crystal day deal december
    early east faith fall federal field fine fish fisher for forest fox free friday from frost gold golden good
    grace grant green gross hall happy hardy hill holiday home hope house hunter independence industry just
    king land law lane last liberty light little long love lucky main male man manage march mark may
    media middle miles mission mobile monday moon more most much new nice north note now of officer
    opportunity orange page paradise park parker people police pool post power price pride
    reading reed rich rider river rock rose royal rush said same sale say school see shop short
    silver small smart snow south spring star start stone story street summer sunday sweet
    the time today top town trade union unity up victory violet wade walker ward water way
    well west white will winter wood woods worth young
"""


@lru_cache(maxsize=1)
def common_words() -> frozenset[str]:
    from spacy.lang.en.stop_words import STOP_WORDS  # spaCy is already loaded by Presidio

    return frozenset(STOP_WORDS) | frozenset(_COMMON.split())


#: Words that make a capitalized phrase a product, place or org rather than a name.
NOT_NAME = frozenset("""
    road street lane nagar colony city district state india limited ltd pvt inc llc gmbh company bank hospital
    school college university hotel store shop mall market foods food tea coffee chai kurta shirt watch box kit
    pack set gift card cards pro max plus mini ultra edition series phone mobile tablet laptop android ios windows
    apartment apartments residency tower towers villa house home office industries enterprises traders services
    solutions technologies labs laboratories studio studios brothers sons llp corp plc co ag sa bv pte
""".split())


@lru_cache(maxsize=1)
def person_names() -> tuple[frozenset[str], frozenset[str]]:
    """(first names, surnames) with their spelling variants, common words left out; shared by the person-name
    recognizer and the names-in-text finder (which used to reach into each other for it)."""
    firsts: set[str] = set()
    lasts: set[str] = set()
    for name in data_lines("first_names.txt"):
        firsts |= variants(name)
    for name in data_lines("surnames.txt"):
        lasts |= variants(name)
    common = common_words()
    return frozenset(firsts - common), frozenset(lasts - common)
