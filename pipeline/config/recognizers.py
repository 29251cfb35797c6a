"""The recognizers file (``classification.recognizers``): a company's own identifiers, without writing Python.

Presidio's recognizer YAML (RecognizerRegistry.add_recognizers_from_yaml), so
that a file written for Presidio loads as it is, plus two pdd keys::

    recognizers:
      - name: employee_number
        supported_entity: EMPLOYEE_NUMBER     # a new type (upper case), or a built-in one (GOVERNMENT_ID)
        supported_language: en                # or supported_languages: [en] / [{language: en, context: [...]}]
        patterns:
          - {name: employee number, regex: "\\bSJE-\\d{6}\\b", score: 0.5}
        context: [agent, employee, handled by]
        deny_list: []                         # exact words, Presidio's deny_list / deny_list_score
        validator: luhn                       # pdd: luhn, verhoeff, damm, mod97, iso7064_*, stdnum.<module>, none
        category: hr_records                  # pdd, new types only: the policy category that declares it

Read once when the config is loaded, and refused with the file, the line and
the key when anything is wrong, before a long scan starts. A new type's
category is checked against the policy map by pipeline/policy/configured.py.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import regex
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from classifiers.entities import ENTITY_TYPES, PRESIDIO_TO_PDD, to_pdd
from classifiers.recognizer_spec import NO_VALIDATOR, RecognizerSpec, make_validator
from pipeline.config.model import Config
from pipeline.yaml_lines import LinedYaml

#: Presidio PatternRecognizer's default global_regex_flags: a pattern means here what it means there.
PRESIDIO_FLAGS = regex.DOTALL | regex.MULTILINE | regex.IGNORECASE
NEW_TYPE = re.compile(r"^[A-Z][A-Z0-9_]{1,63}$")
#: pdd analyses every value as English text (classifiers/engine.py); a recognizer for another language never runs.
LANGUAGE = "en"
#: Types a configured recognizer may not target, and why.
REFUSED = {"CREDIT_CARD": "the full_card_number sweep already checks every value with Luhn and the issuer ranges"}


class RecognizersError(Exception):
    """The recognizers file is wrong; the message names the file, the line and the key."""


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class _Pattern(_Strict):
    name: str = Field(min_length=1)
    regex: str = Field(min_length=1)
    score: float = Field(ge=0, le=1)


class _Language(_Strict):
    language: str
    context: list[str] = []


class _Entry(_Strict):
    name: str = Field(min_length=1)
    supported_entity: str | None = None
    supported_entities: list[str] | None = None
    supported_language: str | None = None
    supported_languages: list[str | _Language] | None = None
    patterns: list[_Pattern] = []
    context: list[str] = []
    deny_list: list[str] = []
    deny_list_score: float = Field(1.0, ge=0, le=1)
    version: str | None = None
    validator: str = NO_VALIDATOR
    category: str | None = None


class _File(_Strict):
    recognizers: list[_Entry]


def _entity(entry: _Entry, at: tuple[Any, ...], doc: LinedYaml) -> tuple[str, bool]:
    """(the pdd type, whether it is new) of an entry; refuses what cannot be one."""
    given = [entry.supported_entity] if entry.supported_entity else list(entry.supported_entities or [])
    key = "supported_entity" if entry.supported_entity or entry.supported_entities is None else "supported_entities"
    if entry.supported_entity and entry.supported_entities:
        raise doc.error((*at, "supported_entities"), "give supported_entity or supported_entities, not both")
    if len(given) != 1:
        raise doc.error((*at, key), "a recognizer finds exactly one entity type (supported_entity: NAME)")
    name = given[0]
    builtin = to_pdd(name)
    if builtin in REFUSED or name in REFUSED:
        raise doc.error((*at, key), f"{name} cannot be configured: {REFUSED[builtin or name]}")
    if builtin:
        if entry.category is not None:
            raise doc.error((*at, "category"), f"{name} is pdd's {builtin}, which the policy map already places; "
                            "category is only for a new type")
        return builtin, False
    if name in PRESIDIO_TO_PDD:
        raise doc.error((*at, key), f"{name} is Presidio's name for data pdd does not count as personal; "
                        "name a type of your own")
    if not NEW_TYPE.match(name):
        raise doc.error((*at, key), f"{name!r} is not a type name: upper-case letters, digits and _ "
                        f"(EMPLOYEE_NUMBER), or one of pdd's types ({', '.join(ENTITY_TYPES)})")
    return name, True


def _context(entry: _Entry, at: tuple[Any, ...], doc: LinedYaml) -> list[str]:
    """The English context words; refuses a recognizer that would never run (no English among its languages)."""
    words = list(entry.context)
    languages: list[str] = []
    if entry.supported_language is not None:
        languages.append(entry.supported_language)
    for item in entry.supported_languages or []:
        languages.append(item if isinstance(item, str) else item.language)
        if isinstance(item, _Language) and item.language == LANGUAGE:
            words += item.context
    if languages and LANGUAGE not in languages:
        key = "supported_language" if entry.supported_language is not None else "supported_languages"
        raise doc.error((*at, key), f"pdd reads values as {LANGUAGE!r} text; a recognizer for {', '.join(languages)} "
                        f"only would never run (add {LANGUAGE})")
    return list(dict.fromkeys(w for w in words if w.strip()))


def _spec(entry: _Entry, i: int, doc: LinedYaml) -> RecognizerSpec:
    at: tuple[Any, ...] = ("recognizers", i)
    entity, new = _entity(entry, at, doc)
    if not entry.patterns and not entry.deny_list:
        raise doc.error(at, "a recognizer needs patterns or a deny_list (Presidio's rule)")
    for j, p in enumerate(entry.patterns):
        try:
            regex.compile(p.regex, PRESIDIO_FLAGS)
        except regex.error as exc:
            raise doc.error((*at, "patterns", j, "regex"), f"not a regular expression ({exc})") from None
        if regex.fullmatch(p.regex, "", PRESIDIO_FLAGS):
            raise doc.error((*at, "patterns", j, "regex"), "the pattern matches the empty text")
    try:
        make_validator(entry.validator)
    except ValueError as exc:
        raise doc.error((*at, "validator"), str(exc)) from None
    lines = {k: doc.line((*at, k)) or 0 for k in ("name", "category", "supported_entity")}
    lines["entry"] = doc.line(at) or 0
    return RecognizerSpec(name=entry.name, entity=entity, patterns=tuple((p.name, p.regex, p.score)
                                                                         for p in entry.patterns),
                          context=tuple(_context(entry, at, doc)), deny_list=tuple(entry.deny_list),
                          deny_list_score=entry.deny_list_score, validator=entry.validator, category=entry.category,
                          new_type=new, lines=lines)


def load_recognizers(path: str | Path) -> tuple[RecognizerSpec, ...]:
    """The checked recognizers of the file at ``path``."""
    path = Path(path)
    doc = LinedYaml.read(path, RecognizersError, "recognizers file")
    if not isinstance(doc.data, dict):
        raise RecognizersError(f"{path}: a recognizers file is a mapping with a 'recognizers' list (Presidio's format)")
    try:
        parsed = _File.model_validate(doc.data)
    except ValidationError as exc:
        msgs = []
        for e in exc.errors():
            loc = tuple(x for x in e["loc"] if not (isinstance(x, str) and x in ("str", "_Language")))
            text = ("unknown key (Presidio's keys, plus validator and category)" if e["type"] == "extra_forbidden"
                    else "required key is missing" if e["type"] == "missing" else e["msg"])
            msgs.append(str(doc.error(loc, text)))
        raise RecognizersError("\n".join(dict.fromkeys(msgs))) from None
    specs: list[RecognizerSpec] = []
    names: dict[str, int] = {}
    categories: dict[str, tuple[str | None, int]] = {}
    for i, entry in enumerate(parsed.recognizers):
        if entry.name in names:
            raise doc.error(("recognizers", i, "name"), f"recognizer {entry.name!r} is already defined "
                            f"(recognizers[{names[entry.name]}])")
        names[entry.name] = i
        spec = _spec(entry, i, doc)
        if spec.new_type:
            seen = categories.setdefault(spec.entity, (spec.category, i))
            if seen[0] != spec.category:
                raise doc.error(("recognizers", i, "category"), f"{spec.entity} is placed in category {seen[0]!r} "
                                f"by recognizers[{seen[1]}]; one type has one category")
        specs.append(spec)
    return tuple(specs)


def configured_recognizers(config: Config) -> tuple[RecognizerSpec, ...]:
    """The recognizers of the config's ``classification.recognizers`` file (none when it names no file)."""
    name = config.classification.recognizers
    return load_recognizers(config.resolve(name)) if name else ()
