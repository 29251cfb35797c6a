"""What every pdd value recognizer shares: declarative patterns with named strengths, context words, two hooks.

A recognizer is a subclass of :class:`ValueRecognizer` that declares

- ``ENTITY``: the pdd type it emits (classifiers.entities.ENTITY_TYPES);
- ``PATTERNS``: :class:`Pattern` s, each with a strength from
  classifiers.recognizers.strength for a plain match, for a match that
  ``validate_result`` confirmed, and for a match with a context word before it;
- ``CONTEXT``: words that, just before a match in free text, lift it to the
  pattern's ``with_context`` strength ("ssn: ...", "Mr. ...");
- ``VALIDATOR``: the evidence name shown when ``validate_result`` confirms a match;
- ``QUICK``: an optional cheap regex that a text must contain before any
  pattern runs (most values are not this type; they should cost one search);
  the engine asks it once over a batch of texts (:meth:`ValueRecognizer.gate`).

and overrides the hooks it needs:

- ``validate_result(text)``: True confirms (checksum, grammar, lexicon), False
  drops the match, None leaves the plain score (a pattern may name another
  method as its ``check`` when patterns validate different things);
- ``invalidate_result(text)``: True drops the match;
- ``invalidate_context(text, start, end)``: True drops a match that the text
  around it shows to be something else (a version number shaped like an IP).

Context is handled here, once, with plain string search: pdd runs Presidio with
no NLP model by default, and Presidio's own context enhancer needs lemmas.
The recognizers give Presidio no context words, so a configured spaCy model
does not boost the same match a second time.

A pattern marked ``whole`` must cover the whole value (surrounding white space
aside): a city name or a country code is evidence as a column value, and noise
inside a sentence.
"""

from __future__ import annotations

import re
import re._parser as _sre_parser  # the stdlib's own pattern parser
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, ClassVar

from presidio_analyzer import EntityRecognizer, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

#: Metadata key whose value field.py shows as evidence ("validator Verhoeff").
VALIDATOR_KEY = "validator"
#: Metadata key set on a match that is a whole element of a value (a display name beside its address, one name
#: of a list): field.py counts it as the value, not as a match inside longer text.
ELEMENT_KEY = "element"


@dataclass(frozen=True)
class Pattern:
    name: str
    regex: str
    #: strength of a match that no hook confirmed or dropped (0 = only with context)
    score: float
    #: strength of a match that validate_result() confirmed (default: ``score``)
    validated: float | None = None
    #: strength of a match with a CONTEXT word shortly before it
    with_context: float | None = None
    #: the match must be the whole (stripped) value
    whole: bool = False
    flags: int = 0
    #: name of the recognizer method that validates this pattern's matches instead of validate_result()
    #: (for recognizers whose patterns check different things: a country code vs a country name)
    check: str | None = None


class ValueRecognizer(EntityRecognizer):
    ENTITY: ClassVar[str] = ""
    PATTERNS: ClassVar[tuple[Pattern, ...]] = ()
    CONTEXT: ClassVar[tuple[str, ...]] = ()
    VALIDATOR: ClassVar[str | None] = None
    QUICK: ClassVar[re.Pattern[str] | None] = None
    #: an override of analyze() that, as ValueRecognizer.analyze does, returns nothing for a text QUICK does not match
    QUICK_FIRST: ClassVar[bool] = False
    #: whole-value patterns do not look at values longer than this
    MAX_WHOLE: ClassVar[int] = 120
    #: characters before a match searched for a context word
    CONTEXT_WINDOW: ClassVar[int] = 40

    _compiled: ClassVar[tuple[tuple[Pattern, re.Pattern[str]], ...]] = ()
    _reference: ClassVar[tuple[tuple[Pattern, re.Pattern[str]], ...]] = ()
    _context_re: ClassVar[re.Pattern[str] | None] = None

    def __init_subclass__(cls, **kwargs: object) -> None:
        super().__init_subclass__(**kwargs)
        # Compiled once per class: analyze() runs on every distinct value of every field.
        cls._reference = tuple((p, re.compile(p.regex, p.flags)) for p in cls.PATTERNS)
        # In-text patterns behind a look-ahead for their possible first characters (first_char_guard): the
        # same matches; analyze() runs these, tests/classifiers/recognizers/test_fast_paths.py checks them
        # equal to _reference, the patterns as written.
        cls._compiled = tuple((p, rx if p.whole else first_char_guard(rx) or rx) for p, rx in cls._reference)
        words = sorted(cls.CONTEXT, key=len, reverse=True)
        cls._context_re = (re.compile(r"(?<![^\W_])(?:" + "|".join(re.escape(w) for w in words) + r")(?![^\W_])",
                                      re.IGNORECASE) if words else None)

    def __init__(self) -> None:
        super().__init__(supported_entities=[self.ENTITY], name=self.recognizer_name(), supported_language="en")

    @classmethod
    def recognizer_name(cls) -> str:
        """``pdd_<module>``: one recognizer per module, so the module names it."""
        return "pdd_" + cls.__module__.rsplit(".", 1)[-1]

    def load(self) -> None:
        pass

    @classmethod
    def gate(cls) -> re.Pattern[str] | None:
        """QUICK when it is a necessary condition of analyze() (a text it does not match gets no result), else None.

        True of ValueRecognizer.analyze, and of an override that says so (``QUICK_FIRST``); an override that
        reads its text some other way is asked about every text."""
        if cls.QUICK is not None and (cls.analyze is ValueRecognizer.analyze or cls.QUICK_FIRST):
            return cls.QUICK
        return None

    # --- hooks -----------------------------------------------------------------------------------

    def validate_result(self, pattern_text: str) -> bool | None:
        return None

    def invalidate_result(self, pattern_text: str) -> bool:
        return False

    def invalidate_context(self, text: str, start: int, end: int) -> bool:
        return False

    # --- machinery -------------------------------------------------------------------------------

    def has_context(self, text: str, start: int) -> bool:
        """A CONTEXT word in the few characters before ``start``."""
        if self._context_re is None or start == 0:
            return False
        return self._context_re.search(text, max(0, start - self.CONTEXT_WINDOW), start) is not None

    def result(self, start: int, end: int, score: float, validated: bool = False,
               pattern: str | None = None, element: bool = False) -> RecognizerResult:
        meta: dict[str, object] = {RecognizerResult.RECOGNIZER_NAME_KEY: self.name,  # type: ignore[has-type]  # presidio sets it unannotated
                                   RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: self.id}
        if validated and self.VALIDATOR:
            meta[VALIDATOR_KEY] = self.VALIDATOR
        if element:
            meta[ELEMENT_KEY] = True
        if pattern:
            meta["pattern"] = pattern
        return RecognizerResult(self.ENTITY, start, end, score, analysis_explanation=None, recognition_metadata=meta)  # type: ignore[arg-type]  # presidio annotates it without None, and accepts None

    def score_match(self, pattern: Pattern, text: str, start: int, end: int) -> RecognizerResult | None:
        """The result for one pattern match after the hooks and context, or None when it is dropped."""
        found = text[start:end]
        if self.invalidate_result(found) or self.invalidate_context(text, start, end):
            return None
        valid = getattr(self, pattern.check)(found) if pattern.check else self.validate_result(found)
        if valid is False:
            return None
        score = pattern.score
        if valid and pattern.validated is not None:
            score = pattern.validated
        if pattern.with_context is not None and pattern.with_context > score and self.has_context(text, start):
            score = pattern.with_context
        if score <= 0:
            return None
        return self.result(start, end, score, bool(valid), pattern.name)

    def analyze(self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None
                ) -> list[RecognizerResult]:
        if self.QUICK is not None and self.QUICK.search(text) is None:
            return []
        results: list[RecognizerResult] = []
        lo = hi = -1
        matches: Iterable[re.Match[str]]
        for pattern, rx in self._compiled:
            if pattern.whole:
                if lo < 0:
                    lo, hi = stripped_bounds(text)
                if hi <= lo or hi - lo > self.MAX_WHOLE:
                    continue
                m = rx.fullmatch(text, lo, hi)
                matches = (m,) if m else ()
            else:
                matches = rx.finditer(text)
            for m in matches:
                start, end = m.span("value") if "value" in rx.groupindex else m.span()
                r = self.score_match(pattern, text, start, end)
                if r is not None:
                    results.append(r)
        return results if len(results) < 2 else EntityRecognizer.remove_duplicates(results)


def stripped_bounds(text: str) -> tuple[int, int]:
    """(start, end) of ``text`` without leading and trailing white space."""
    return len(text) - len(text.lstrip()), len(text.rstrip())


_CATEGORIES = {"CATEGORY_DIGIT": r"\d", "CATEGORY_NOT_DIGIT": r"\D", "CATEGORY_SPACE": r"\s",
               "CATEGORY_NOT_SPACE": r"\S", "CATEGORY_WORD": r"\w", "CATEGORY_NOT_WORD": r"\W"}


def first_char_guard(rx: re.Pattern[str]) -> re.Pattern[str] | None:
    """``rx`` behind a look-ahead for the characters its matches can start with, or None when that does not help.

    Most in-text patterns open with a look-behind (``(?<![\\w.])``) and an alternation of words or shapes,
    which Python's ``re`` tries at every position of every text; a look-ahead for one character class
    rejects most positions in one step. The class is read from the parsed pattern (first_chars): the
    union of what its first consuming element accepts, under the pattern's own flags, so a position it
    rejects is one where the pattern cannot match. None (keep ``rx``) when the pattern starts with neither
    an assertion, an alternation nor a case-insensitive element (``re`` already scans for its literal
    prefix or character set then), when the first characters cannot be read, or when they include a range
    or a category (``[A-Z]``, ``\\d``: most positions pass, measured no faster)."""
    parsed = _sre_parser.parse(rx.pattern, rx.flags)
    data = parsed.data
    if not data:
        return None
    leading = str(data[0][0]) in ("ASSERT", "ASSERT_NOT", "AT", "BRANCH") or rx.flags & re.IGNORECASE
    chars = first_chars(data)
    literal = (c for c in chars or () if len(c) == 1 or len(c) == 2 and c[0] == "\\" and c not in _CATEGORIES.values())
    if not leading or chars is None or len(list(literal)) < len(chars):
        return None  # a range or a category (\d, \w) rejects too few positions to pay for the look-ahead
    try:
        return re.compile("(?=[" + "".join(dict.fromkeys(chars)) + "])(?:" + rx.pattern + ")", rx.flags)
    except re.error:  # a pattern with global inline flags (``(?i)...``) cannot be wrapped
        return None


def first_chars(items: list[tuple[Any, Any]]) -> list[str] | None:
    """Character-class fragments for every character a match of the parsed ``items`` can start with.

    Zero-width elements (look-arounds, anchors) are skipped; None when the first consumed character
    cannot be read for sure (an optional first element, a negated class, a scoped flag, a back
    reference): the caller then keeps the pattern as it is."""
    for op, av in items:
        name = str(op)
        if name in ("ASSERT", "ASSERT_NOT", "AT"):
            continue  # consumes nothing: the first character comes later
        if name == "LITERAL":
            return [re.escape(chr(av))]
        if name == "IN":
            out = []
            for o, a in av:
                if str(o) == "LITERAL":
                    out.append(re.escape(chr(a)))
                elif str(o) == "RANGE":
                    out.append(re.escape(chr(a[0])) + "-" + re.escape(chr(a[1])))
                elif str(o) == "CATEGORY" and str(a) in _CATEGORIES:
                    out.append(_CATEGORIES[str(a)])
                else:
                    return None  # NEGATE, or a category this does not know
            return out
        if name in ("SUBPATTERN", "ATOMIC_GROUP"):
            sub = av[3] if name == "SUBPATTERN" else av
            if name == "SUBPATTERN" and (av[1] or av[2]):
                return None  # scoped flags: (?i:...) inside a case-sensitive pattern
            if sub.getwidth()[0] == 0:
                return None
            return first_chars(sub.data)
        if name == "BRANCH":
            out = []
            for alt in av[1]:
                got = first_chars(alt.data) if alt.getwidth()[0] > 0 else None
                if got is None:
                    return None
                out += got
            return out
        if name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"):
            lo, _, sub = av
            if lo == 0 or sub.getwidth()[0] == 0:
                return None
            return first_chars(sub.data)
        return None
    return None
