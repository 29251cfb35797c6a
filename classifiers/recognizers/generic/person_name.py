"""PERSON_NAME: names from word lists (classifiers/data/first_names.txt, surnames.txt), no trained model.

Why lists and not a model: see docs/names.md. What counts:

- a whole value of 2-4 name-shaped words whose first word is a known given
  name and whose last word is a known family name (``Ravi Kumar``, ``Anna
  Müller``, ``PRIYA SHARMA``), or ``Family, Given`` (``Müller, Anna``): medium;
  the same with only one end known, or in all lower case: weak;
- a whole value that is a title plus name-shaped words (``Mr. R. Iyer``,
  ``Dr Anna Weber``, ``Smt. Lakshmi``): medium;
- a single known given or family name as the whole value: weak (a first_name
  column; also ``Jackson`` the city and ``Price`` the column header);
- in free text: a title, or a known name after ``name:``, ``dear``, ``hi``,
  ``regards,``, ``my name is``: medium; two adjacent capitalized known names
  (given + family) anywhere: weak; a name in one of the frames of
  classifiers/recognizers/names_in_text.py (mail comments, labels,
  titles, salutations, closings and introductions in eight languages): medium.

A common English word (``Will``, ``May``, ``Green``, stop words) alone is not
a name, nor are two of them (``Rose Gold``); a product/place/company word
(``Kurta``, ``Road``, ``Ltd``) keeps a value from being a name.
"""

from __future__ import annotations

import re

from presidio_analyzer import RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

from classifiers.recognizers import mailboxes, names_in_text
from classifiers.recognizers.base import ValueRecognizer, first_char_guard, stripped_bounds
from classifiers.recognizers.lexicon import LETTER, NOT_NAME, common_words, fold, person_names
from classifiers.recognizers.strength import MEDIUM, WEAK

_WORD = rf"{LETTER}(?:{LETTER}|['’\-.](?=[^\W\d_]))*"
_NAME_WORD = re.compile(rf"{_WORD}\.?")
_INITIAL = re.compile(r"[^\W\d_]\.?")
_TITLES = ("mr", "mrs", "ms", "miss", "mx", "dr", "prof", "shri", "sri", "smt", "kumari", "km", "sir", "madam",
           "mme", "mlle", "herr", "frau", "sr", "sra", "srta", "dott", "ssa", "dona", "dom", "adv", "er", "capt", "col")
_TITLE_RE = "|".join(_TITLES)
_TITLED = re.compile(rf"(?<![\w.])(?:{_TITLE_RE})\.?\s+"
                     rf"(?P<value>[^\W\d_][^\W\d_.'’-]*\.?(?:\s+[^\W\d_][^\W\d_'’-]*\.?){{0,3}})", re.IGNORECASE)
_INTRO_WORDS = (r"name[\"']?\s*(?:is|:|=|-)\s*[\"']?|naam\s*(?:hai|:)|dear|hi|hello|hey|regards,?|"
                r"thanks,?|sincerely,?|attn:?|contact\s*(?:person)?:|customer:|nombre:|nom:|signed,?|from:")
_INTRO = re.compile(rf"(?<![\w])(?:{_INTRO_WORDS})\s*"
                    r"(?P<value>[^\W\d_][^\W\d_'’-]+(?:\s+[^\W\d_][^\W\d_'’-]+){0,2})", re.IGNORECASE)
#: The two in-text patterns as written above: _in_text()'s reference. _in_text() runs each behind a look-ahead
#: for the first letters of its keywords (base.first_char_guard): the same matches, checked equal by
#: tests/classifiers/recognizers/test_fast_paths.py.
REFERENCE = {"_TITLED": _TITLED, "_INTRO": _INTRO}
_TITLED = first_char_guard(_TITLED) or _TITLED
_INTRO = first_char_guard(_INTRO) or _INTRO
_PAIR = re.compile(r"(?=(?<![\w'’-])([A-Z][^\W\d_A-Z]+(?:-[A-Z][^\W\d_]+)?)\s+([A-Z][^\W\d_]*['’]?[A-Z]?[^\W\d_]+)"
                   r"(?![\w'’-]))")
_SPLIT = re.compile(r"\s+")
_WORDS = re.compile(r"\S+")


def _known(word: str, names: frozenset[str]) -> bool:
    return fold(word.rstrip(".")) in names


class PersonNameRecognizer(ValueRecognizer):
    ENTITY = "PERSON_NAME"
    VALIDATOR = "name lists"
    MAX_WHOLE = 60

    def load(self) -> None:
        person_names()  # at engine build, not on the first value

    def analyze(self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None
                ) -> list[RecognizerResult]:
        lo, hi = stripped_bounds(text)
        if hi <= lo:
            return []
        found = mailboxes.elements(text, reversed_name)
        if found is not None:  # a mail header or contact: each display name beside its address, or in a list
            elements = [self.result(e.start, e.end, score, validated=True, element=True,
                                    pattern=f"display name ({e.route or 'list'})")
                        for e in found if (score := element_score(text, e))]
            if elements or any(e.route for e in found):
                return elements  # the lists judged each display name: "Enron Announcements" <...> is no one
        out: list[RecognizerResult] = []
        if hi - lo <= self.MAX_WHOLE:
            score = self.whole_value_score(text[lo:hi])
            if score:
                out.append(self.result(lo, hi, score, validated=True, pattern="whole value"))
                return out
        if len(text) > 12 and any(c.isupper() for c in text):
            out += self._in_text(text)
        # names in the frames of free text: mail comments, labels, titles, salutations (names_in_text.py)
        out += [self.result(a, b, MEDIUM, validated=True, pattern=p) for a, b, p in names_in_text.find(text)]
        return out if len(out) < 2 else self.remove_duplicates(out)

    @staticmethod
    def whole_value_score(value: str) -> float:
        firsts, lasts = person_names()
        common = common_words()
        if "," in value:
            family, _, given = value.partition(",")
            fam, giv = family.split(), given.split()
            shaped = 1 <= len(fam) <= 2 and 1 <= len(giv) <= 2 and all(_NAME_WORD.fullmatch(w) for w in fam + giv)
            if not shaped or any(fold(w.rstrip(".")) in NOT_NAME for w in fam + giv):
                return 0.0
            known = _known(fam[-1], lasts) and (_known(giv[0], firsts) or _INITIAL.fullmatch(giv[0]))
            return MEDIUM if known else 0.0
        lead = names_in_text.LEADING_TITLES.match(value)
        if lead:  # "Univ.-Prof. Dr. Maria Wagner", "Dipl.-Ing. Eva Gruber", "Mag.a Sabine Berger"
            title, words = True, _SPLIT.split(value[lead.end():].strip())
        else:
            words = _SPLIT.split(value)
            title = words[0].rstrip(".").lower() in _TITLES and len(words) > 1
            if title:
                words = words[1:]
        if not 1 <= len(words) <= 4 or not all(_NAME_WORD.fullmatch(w) for w in words):
            return 0.0
        low = [fold(w.rstrip(".")) for w in words]
        if any(w in NOT_NAME for w in low):
            return 0.0
        if title:
            return MEDIUM if not all(w in common for w in low) else 0.0
        if len(words) == 1:
            w = words[0]
            return WEAK if len(w) > 2 and not w.islower() and (low[0] in firsts or low[0] in lasts) else 0.0
        if low[0] in common and low[-1] in common:
            return 0.0  # "Rose Gold", "Mark Price": two everyday words; "Will Smith" still counts
        first_known = low[0] in firsts or (_INITIAL.fullmatch(words[0]) is not None and low[-1] in lasts)
        last_known = low[-1] in lasts
        if first_known and last_known:
            return WEAK if value.islower() else MEDIUM
        if first_known and len(words) > 2 and not value.islower() and words[-1][0].isupper() and any(
                w.lower() in names_in_text.PARTICLES for w in words[1:-1]):
            return MEDIUM  # "Ludwig van Beethoven", "Carla di Stefano": a particle before the family name
        if first_known and len(words) == 2 and words[1][:3].lower() in ("al-", "el-") and words[1][3:4].isupper():
            return MEDIUM  # "Abdullah al-Rashid"
        if first_known and low[-1] in firsts:
            return WEAK  # "Kavya Ishaan": two given names (some families use one as a surname)
        if (first_known or last_known) and not value.islower():
            return WEAK
        return 0.0

    def _in_text(self, text: str) -> list[RecognizerResult]:
        firsts, lasts = person_names()
        common = common_words()

        def capitalized(w: str) -> bool:
            return w[0].isupper() and fold(w.rstrip(".,")) not in common

        def known(w: str) -> bool:
            lw = fold(w.rstrip(".,"))
            return capitalized(w) and (lw in firsts or lw in lasts)

        out = []
        for rx, accept, validated, pattern in ((_TITLED, capitalized, False, "title"),
                                               (_INTRO, known, True, "introduced")):
            for m in rx.finditer(text):
                start = m.start("value")
                end = _leading(text, start, m.end("value"), accept)
                if end > start:
                    out.append(self.result(start, end, MEDIUM, validated=validated, pattern=pattern))
        for m in _PAIR.finditer(text):
            a, b = fold(m.group(1)), fold(m.group(2))
            if a in firsts and b in lasts and not (a in common and b in common):
                out.append(self.result(m.start(1), m.end(2), WEAK, validated=True, pattern="known pair"))
        return out


def _leading(text: str, start: int, end: int, accept) -> int:
    """End of the run of words from ``start`` that ``accept`` takes (``start`` when none)."""
    stop = start
    for w in _WORDS.finditer(text, start, end):
        if not accept(w.group()):
            break
        stop = w.end() - (1 if w.group()[-1] in ",;:" else 0)
    return stop


def reversed_name(family: str, given: str) -> bool:
    """``family`` and ``given``, two comma-separated parts of a list, are one ``Family, Given`` name.

    ``Public, Jane``, ``Allen, Phillip K`` are; ``Tim Belden, John Arnold`` (two full names) and ``Paris,
    France`` are not: the part after the comma must start with a known given name and not be a full name
    itself, and the part before it must be a family name's shape (one or two capitalized words)."""
    firsts, lasts = person_names()
    fam, giv = family.split(), given.split()
    if not (1 <= len(fam) <= 2 and 1 <= len(giv) <= 2) or not all(_NAME_WORD.fullmatch(w) for w in fam + giv):
        return False
    if not fam[-1][0].isupper() or not _known(giv[0], firsts):
        return False
    if len(fam) == 2 and _known(fam[0], firsts):
        return False  # "Tim Belden, John Arnold": the first part is a whole name
    if len(giv) == 2 and not _INITIAL.fullmatch(giv[1]) and _known(giv[1], lasts):
        return False  # "Tim, John Arnold": the second part is a whole name
    return not any(fold(w.rstrip(".")) in NOT_NAME for w in fam + giv)


def element_score(text: str, e: mailboxes.Element) -> float:
    """The name score of one element's display name; a name that the mailbox's alias spells out is medium.

    A bare name in a list counts from two words on (``Paris, France`` is not two people); beside an address
    one word does (``Jane <jane@example.com>``). ``jane.public@``, ``CN=JPUBLIC`` built from the display name's
    words confirm a name the lists only half know (``Public, Jane``: *public* is an everyday word)."""
    name = text[e.start:e.end]
    words = name.replace(",", " ").split()
    if not words or (e.route is None and len(words) < 2):
        return 0.0
    score = PersonNameRecognizer.whole_value_score(name)
    if score < MEDIUM and len(words) >= 2 and _alias_spells(name, e.alias):
        return MEDIUM
    return score


def _alias_spells(name: str, alias: str) -> bool:
    """The alias holds the family name and a known given name or its initial (``jpublic``, ``jane.public``)."""
    if "," in name:
        family, _, given = name.partition(",")
    else:
        *given_words, family = name.split()
        given = " ".join(given_words)
    if not family.split() or not given.split() or not alias:
        return False
    fam, giv = fold(family.split()[-1].strip(".")), fold(given.split()[0].strip("."))
    if len(fam) < 2 or giv not in person_names()[0] or fam in NOT_NAME:
        return False  # the given name must be one the lists know: "Support Team" <support.team@...> is a role
    return fam in alias and (giv in alias or alias.startswith(giv[0]) or alias.endswith(giv[0]))
