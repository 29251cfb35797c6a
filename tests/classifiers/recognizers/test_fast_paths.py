"""The recognizers' fast paths give the same results as their reference paths.

base.first_char_guard puts a look-ahead for the first letters of a pattern's keywords in front of it
(names_in_text.py's frames, person_name.py's in-text patterns); names_in_text.find() skips the mail frames
whose bracket the text lacks. Each property draws random text and realistic text built from the patterns'
own keywords (any case, the characters that IGNORECASE folds specially: ``ſ``, the Kelvin sign, dotted and
dotless i, ``ß``), names and punctuation, and compares every match (span and groups) and every result.

base.first_char_guard does the same for every recognizer's in-text patterns, reading the first characters
from the parsed pattern: the properties draw text around a match of each guarded pattern (Hypothesis
``from_regex`` of the pattern as written) and compare its matches and the recognizer's results with the
reference patterns (``_reference``).
"""

from __future__ import annotations

import importlib
import itertools
import pkgutil
import re
from collections.abc import Iterator
from contextlib import contextmanager
from types import ModuleType

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from classifiers import recognizers
from classifiers.recognizers import names_in_text
from classifiers.recognizers.base import ValueRecognizer, first_char_guard
from classifiers.recognizers.generic import person_name
from classifiers.recognizers.generic.person_name import PersonNameRecognizer

REC = PersonNameRecognizer()
_PAIRS = [(names_in_text, name) for name in names_in_text.REFERENCE] + [(person_name, name)
                                                                       for name in person_name.REFERENCE]


def _words(alternation: str) -> list[str]:
    """Plain words that start each keyword of a top-level alternation: ``good\\s+(?:morning...)`` gives
    ``good`` (the parsed pattern's branches, so a ``|`` inside a group or class does not split)."""
    parsed = re.compile(alternation, re.IGNORECASE)
    branches = re._parser.parse(parsed.pattern, parsed.flags).data
    alts = branches[0][1][1] if len(branches) == 1 and str(branches[0][0]) == "BRANCH" else [branches]
    out = []
    for alt in alts:
        word = "".join(chr(av) for op, av in itertools.takewhile(lambda x: str(x[0]) == "LITERAL", alt))
        if word[:1].isalpha():
            out.append(re.findall(r"^[^\W\d_]+", word)[0])
    return out


_N = names_in_text
_KEYWORDS = sorted({w for alt in (_N._alt(_N._GREETINGS), _N._alt(_N._CLOSINGS), _N._alt(_N._INTROS),
                                  _N._alt(_N._REPORTED), _N._TITLES, person_name._TITLE_RE, person_name._INTRO_WORDS)
                    for w in _words(alt)} | {"my name is", "good morning", "best regards", "Univ.-Prof.", "Dipl.-Ing.",
                                             "Dr. med.", "M.", "mit freundlichen Grüßen", "sehr geehrter"})
_NAMES = ["Anna", "Müller", "Ravi Kumar", "van der Berg", "O'Brien", "Jean-Luc", "J.", "Priya Sharma", "Team",
          "Customer", "Jürgen", "Ångström", "de la Cruz"]
_ODD = ["ſ", "K", "İ", "ı", "ß", "ẞ", "ǅ", "Ω", "µ", "\u0e2a", "1", "42", "@", "<", ">", "(", ")", "x@y.org",
        "<jm@y.de>", "\n"]
_PUNCT = [" ", "  ", ", ", ": ", "=", ".", "!", "\n", "\t", "'", '"', "-"]


def _cased(draw: st.DrawFn, word: str) -> str:
    how = draw(st.sampled_from(["same", "lower", "upper", "title", "swap"]))
    return {"same": word, "lower": word.lower(), "upper": word.upper(), "title": word.title(),
            "swap": word.swapcase()}[how]


@st.composite
def realistic(draw: st.DrawFn) -> str:
    parts = draw(st.lists(st.one_of(st.sampled_from(_KEYWORDS), st.sampled_from(_NAMES), st.sampled_from(_ODD),
                                    st.sampled_from(_PUNCT), st.text(max_size=6)), max_size=14))
    return "".join(_cased(draw, p) for p in parts)


TEXTS = st.one_of(realistic(), st.text(max_size=80))


def _matches(rx: re.Pattern[str], text: str) -> list[tuple[tuple[int, int], ...]]:
    return [tuple(m.span(g) for g in range(rx.groups + 1)) for m in rx.finditer(text)]


def _reference_of(module: ModuleType) -> dict[str, re.Pattern[str]]:
    ref: dict[str, re.Pattern[str]] = module.REFERENCE
    return ref


@contextmanager
def reference(*modules: ModuleType) -> Iterator[None]:
    """The modules' patterns as written (their REFERENCE), for the duration."""
    saved = [(m, name, getattr(m, name)) for m in modules for name in _reference_of(m)]
    for m in modules:
        for name, rx in _reference_of(m).items():
            setattr(m, name, rx)
    try:
        yield
    finally:
        for m, name, rx in saved:
            setattr(m, name, rx)


def _results(text: str) -> list[tuple[object, ...]]:
    return sorted((r.entity_type, r.start, r.end, r.score, r.recognition_metadata.get("pattern"))
                  for r in REC.analyze(text, ["PERSON_NAME"]))


@settings(max_examples=800, deadline=None)
@given(text=TEXTS)
def test_guarded_patterns_match_as_written(text: str) -> None:
    for module, name in _PAIRS:
        fast, ref = getattr(module, name), _reference_of(module)[name]
        assert fast is not ref
        assert _matches(fast, text) == _matches(ref, text), name


@settings(max_examples=500, deadline=None)
@given(text=TEXTS)
def test_names_in_text_and_person_name_equal_reference(text: str) -> None:
    fast_found, fast_results = names_in_text.find(text), _results(text)
    with reference(names_in_text, person_name):
        assert names_in_text.find(text) == fast_found
        assert _results(text) == fast_results


@pytest.mark.parametrize("text", [
    "Dear Priya, thanks", "Regards,\nDaan Jansen", "bounce for anna@x.nl (Anna van der Berg)",
    'From: "Jörg Müller" <jm@y.de>', "Mit freundlichen Grüßen\nJürgen Weber", "submitted by Ravi Kumar",
    "ſincerely, Anna Müller", "Herr Mag. Huber called", "MY NAME IS Priya Sharma", "Mr. R. Iyer",
])
def test_known_frames_found_by_both_paths(text: str) -> None:
    fast = (names_in_text.find(text), _results(text))
    with reference(names_in_text, person_name):
        assert (names_in_text.find(text), _results(text)) == fast
    assert fast[1], text  # each is a name: the comparison is not between two empty lists


def test_a_guard_missing_a_letter_loses_matches() -> None:
    """The property has teeth: a guard without the letter of ``hello`` misses ``Hello Anna``; the guard read
    from the parsed pattern has it."""
    rx = re.compile(r"(?<![\w])(?:dear|hello)\s+(?=[^\W\d_])", re.IGNORECASE)
    wrong = re.compile("(?=[d])(?:" + rx.pattern + ")", rx.flags)
    guarded = first_char_guard(rx)
    assert guarded is not None
    assert _matches(guarded, "Hello Anna") == _matches(rx, "Hello Anna") != []
    assert _matches(wrong, "Hello Anna") == []


# --- every recognizer's in-text patterns (base.first_char_guard) --------------------------------------------

def _recognizer_classes() -> list[type[ValueRecognizer]]:
    for info in pkgutil.walk_packages(recognizers.__path__, recognizers.__name__ + "."):
        importlib.import_module(info.name)
    out, todo = [], list(ValueRecognizer.__subclasses__())
    while todo:
        cls = todo.pop()
        out.append(cls)
        todo += cls.__subclasses__()
    return sorted(out, key=lambda c: c.__module__ + c.__name__)


CLASSES = _recognizer_classes()
GUARDED = [(cls, i) for cls in CLASSES
           for i, ((_, ref), (_, fast)) in enumerate(zip(cls._reference, cls._compiled, strict=True))
           if fast is not ref]


def test_the_guard_applies_to_many_patterns() -> None:
    """Not an empty property: the guard covers in-text patterns of several recognizers, never a whole-value one."""
    assert len(GUARDED) >= 15 and len({cls for cls, _ in GUARDED}) >= 8
    assert all(not cls._reference[i][0].whole for cls, i in GUARDED)


@st.composite
def around_a_match(draw: st.DrawFn) -> tuple[type[ValueRecognizer], int, str]:
    """Text holding a match of one guarded pattern (drawn from the pattern itself), or random text."""
    cls, i = draw(st.sampled_from(GUARDED))
    ref = cls._reference[i][1]
    core = draw(st.one_of(st.from_regex(ref), realistic(), st.text(max_size=40)))
    before = draw(st.one_of(st.sampled_from(["", " ", "x", "ID ", "user=", "\n", ".", "_"]), st.text(max_size=8)))
    after = draw(st.one_of(st.sampled_from(["", " ", "x", ",", ".", "\n"]), st.text(max_size=8)))
    return cls, i, before + core + after


@settings(max_examples=1500, deadline=None)
@given(case=around_a_match())
def test_first_char_guard_matches_as_written(case: tuple[type[ValueRecognizer], int, str]) -> None:
    cls, i, text = case
    assert _matches(cls._compiled[i][1], text) == _matches(cls._reference[i][1], text), (cls.__name__, i)


def _analyze(rec: ValueRecognizer, text: str) -> list[tuple[object, ...]]:
    return sorted((r.entity_type, r.start, r.end, r.score, tuple(sorted(map(str, r.recognition_metadata.items()))))
                  for r in rec.analyze(text, [rec.ENTITY]))


@settings(max_examples=300, deadline=None)
@given(case=around_a_match())
def test_recognizers_give_the_same_results_with_the_patterns_as_written(
        case: tuple[type[ValueRecognizer], int, str]) -> None:
    cls, _, text = case
    rec = cls()
    rec.load()
    fast = _analyze(rec, text)
    rec._compiled = cls._reference  # this instance only: the reference path
    assert _analyze(rec, text) == fast


def test_first_chars_reads_what_a_match_starts_with() -> None:
    assert first_char_guard(re.compile(r"(?<!\w)(?:foo|Bar)\d")) is not None
    assert first_char_guard(re.compile(r"(?<!\w)\d+")) is None  # a category: no gain
    assert first_char_guard(re.compile(r"(?<!\w)(?:a?b|c)")) is None  # an optional first element: unknown
    guarded = first_char_guard(re.compile(r"foo|bar"))
    assert guarded is not None and guarded.pattern == "(?=[fb])(?:foo|bar)"
    assert first_char_guard(re.compile(r"abc")) is None  # re already scans for the literal prefix
