"""The recognizers file: Presidio's recognizer YAML plus validator and category, refused with file and line."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from presidio_analyzer import RecognizerRegistry

from pipeline.config.load import ConfigError, load_config
from pipeline.config.recognizers import RecognizersError, load_recognizers

HEAD = "recognizers:\n  - name: staff\n"  # the entry starts on line 2


def entry(body: str) -> str:
    return HEAD + "".join(f"    {line}\n" for line in body.strip("\n").splitlines())


EMPLOYEE = entry("""
supported_entity: EMPLOYEE_NUMBER
supported_language: en
patterns:
  - {name: staff number, regex: "\\\\bSJE-\\\\d{6}\\\\b", score: 0.5}
""")


@pytest.mark.parametrize(("text", "entity", "new", "check"), [
    (EMPLOYEE, "EMPLOYEE_NUMBER", True, lambda s: s.validator == "none" and s.category is None),
    (EMPLOYEE + "    validator: luhn\n    category: interactions\n    context: [agent]\n", "EMPLOYEE_NUMBER", True,
     lambda s: (s.validator, s.category, s.context) == ("luhn", "interactions", ("agent",))),
    # Presidio's own deny-list example, as a type of the file's own
    (entry("supported_entity: TITLE\nsupported_language: en\ndeny_list: [Mr., Mrs., Dr.]"), "TITLE", True,
     lambda s: s.deny_list == ("Mr.", "Mrs.", "Dr.") and s.patterns == ()),
    # the registry-config form of languages, with per-language context
    (entry("supported_entity: EMPLOYEE_NUMBER\nsupported_languages:\n  - {language: en, context: [staff]}\n"
           "  - {language: de, context: [mitarbeiter]}\npatterns:\n  - {name: n, regex: 'SJE-\\d{6}', score: 0.5}"),
     "EMPLOYEE_NUMBER", True, lambda s: s.context == ("staff",)),
    # a built-in type (a national id pdd lacks) with any python-stdnum module as validator
    (entry("supported_entity: GOVERNMENT_ID\npatterns:\n  - {name: bsn, regex: '\\b\\d{9}\\b', score: 0.3}\n"
           "validator: stdnum.nl.bsn"), "GOVERNMENT_ID", False, lambda s: s.validator == "stdnum.nl.bsn"),
    # Presidio's own entity name maps onto pdd's type; supported_entities (plural) as Presidio accepts it
    (entry("supported_entities: [US_PASSPORT]\npatterns:\n  - {name: p, regex: '\\b\\d{9}\\b', score: 0.1}"),
     "GOVERNMENT_ID", False, lambda s: True),
    (entry("supported_entity: EMPLOYEE_NUMBER\npatterns:\n  - {name: n, regex: 'SJE-\\d{6}', score: 0.5}\n"
           "validator: mod97"), "EMPLOYEE_NUMBER", True, lambda s: s.validator == "mod97"),
])
def test_good_files(tmp_path: Path, text: str, entity: str, new: bool, check) -> None:
    path = tmp_path / "recognizers.yaml"
    path.write_text(text)
    [spec] = load_recognizers(path)
    assert (spec.entity, spec.new_type) == (entity, new)
    assert check(spec)


def test_a_file_without_pdd_keys_loads_in_presidio_too(tmp_path: Path) -> None:
    path = tmp_path / "recognizers.yaml"
    path.write_text(EMPLOYEE + "    context: [agent]\n")
    registry = RecognizerRegistry(supported_languages=["en"])
    registry.add_recognizers_from_yaml(path)
    assert [r.supported_entities for r in registry.recognizers] == [["EMPLOYEE_NUMBER"]]
    assert load_recognizers(path)[0].patterns == tuple((p.name, p.regex, p.score)
                                                       for p in registry.recognizers[0].patterns)


BAD = [
    # (file text, line named, words of the message)
    (EMPLOYEE.replace("patterns:", "patern:"), 5, ["recognizers[0].patern", "unknown key"]),
    (EMPLOYEE.replace("\\\\d{6}", "(\\\\d{6}"), 6, ["patterns[0].regex", "not a regular expression"]),
    (EMPLOYEE.replace("score: 0.5", "score: 1.5"), 6, ["patterns[0].score", "less than or equal to 1"]),
    (EMPLOYEE + "    validator: luhnn\n", 7, ["validator", "unknown validator 'luhnn'", "luhn", "stdnum.<module>"]),
    (EMPLOYEE + "    validator: stdnum.xx.nothing\n", 7, ["not a python-stdnum module"]),
    (EMPLOYEE.replace("EMPLOYEE_NUMBER", "employee number"), 3, ["supported_entity", "not a type name"]),
    (EMPLOYEE.replace("EMPLOYEE_NUMBER", "CREDIT_CARD"), 3, ["cannot be configured", "full_card_number"]),
    (EMPLOYEE.replace("EMPLOYEE_NUMBER", "DATE_TIME"), 3, ["does not count as personal"]),
    (EMPLOYEE.replace("EMPLOYEE_NUMBER", "GOVERNMENT_ID") + "    category: interactions\n", 7,
     ["category", "only for a new type"]),
    (EMPLOYEE.replace("supported_language: en", "supported_language: de"), 4, ["would never run"]),
    (EMPLOYEE.replace("    supported_entity: EMPLOYEE_NUMBER\n", ""), 2, ["exactly one entity type"]),
    (entry("supported_entity: EMPLOYEE_NUMBER"), 2, ["recognizers[0]", "needs patterns or a deny_list"]),
    (EMPLOYEE.replace("\\\\bSJE-\\\\d{6}\\\\b", "\\\\d*"), 6, ["matches the empty text"]),
    (EMPLOYEE + EMPLOYEE.removeprefix("recognizers:\n"), 7, ["recognizers[1].name", "already defined"]),
    (EMPLOYEE + "    category: interactions\n" + EMPLOYEE.removeprefix("recognizers:\n").replace("staff", "staff2"),
     8, ["recognizers[1]", "one type has one category"]),
    ("recognizers:\n  - name: a\n  name: b\n", 3, ["not valid YAML"]),
    ("recognizers:\n  - name: a\n    name: b\n", 3, ["given twice"]),
    ("- name: a\n", None, ["a recognizers file is a mapping"]),
    ("recognisers: []\n", 1, ["unknown key"]),
]


@pytest.mark.parametrize(("text", "line", "words"), BAD)
def test_bad_files_are_refused_naming_file_and_line(tmp_path: Path, text: str, line: int | None,
                                                    words: list[str]) -> None:
    path = tmp_path / "ids.yaml"
    path.write_text(text)
    with pytest.raises(RecognizersError) as info:
        load_recognizers(path)
    message = str(info.value)
    assert message.startswith(str(path)), message
    if line is not None:
        assert f"line {line}" in message.splitlines()[0], message
    for w in words:
        assert w in message, message


def _config(tmp_path: Path, recognizers: str | None, text: str | None = EMPLOYEE) -> Path:
    cfg = tmp_path / "pdd.yaml"
    doc: dict = {"sources": [{"name": "db", "kind": "sql", "url": "sqlite:///x.db"}]}
    if recognizers is not None:
        doc["classification"] = {"recognizers": recognizers}
    cfg.write_text(yaml.safe_dump(doc, sort_keys=False))
    if text is not None:
        (tmp_path / "ids.yaml").write_text(text)
    return cfg


def test_the_config_names_the_file_relative_to_its_folder(tmp_path: Path) -> None:
    cfg = load_config(_config(tmp_path, "ids.yaml"))
    assert cfg.classification.recognizers == "ids.yaml"


@pytest.mark.parametrize(("recognizers", "text", "words"), [
    ("missing.yaml", EMPLOYEE, ["pdd.yaml line 6", "classification.recognizers", "no such recognizers file"]),
    ("ids.yaml", EMPLOYEE.replace("score: 0.5", "score: 2"), ["ids.yaml line 6", "patterns[0].score"]),
    # the category must be an id of the policy map the config scans with
    ("ids.yaml", EMPLOYEE + "    category: hr_records\n", ["ids.yaml line 7", "recognizers[0].category",
                                                           "unknown policy category 'hr_records'", "interactions"]),
])
def test_a_wrong_recognizers_file_refuses_the_config_before_any_scan(tmp_path: Path, recognizers: str, text: str,
                                                                      words: list[str]) -> None:
    with pytest.raises(ConfigError) as info:
        load_config(_config(tmp_path, recognizers, text))
    for w in words:
        assert w in str(info.value), str(info.value)


def test_the_readme_example_loads_and_its_category_is_the_bundled_policys(tmp_path: Path) -> None:
    import re

    from pipeline.policy import load_policy

    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text()
    block = re.search(r"```yaml\n(recognizers:.*?)```", readme, re.S)
    assert block, "README lost its recognizers example"
    path = tmp_path / "ids.yaml"
    path.write_text(block.group(1))
    [spec] = load_recognizers(path)
    assert spec.category in load_policy().categories
