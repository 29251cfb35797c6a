"""--verbose/--quiet and --log-format json: levels, and one JSON object per stderr line."""

from __future__ import annotations

import io
import json
import logging

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pipeline.cli.logs import JsonFormatter, JsonLines, level_for, record_json


@pytest.mark.parametrize(("verbose", "quiet", "level"), [
    (False, False, logging.WARNING),
    (True, False, logging.DEBUG),
    (False, True, logging.ERROR),
])
def test_level_for(verbose: bool, quiet: bool, level: int) -> None:
    assert level_for(verbose, quiet) == level


def test_verbose_and_quiet_together_are_refused() -> None:
    with pytest.raises(ValueError, match="contradict"):
        level_for(True, True)


@pytest.mark.parametrize(("line", "level"), [
    ("config refused: pdd.yaml line 3, sources[0].kind: unknown source kind 'log'", "ERROR"),
    ("cannot scan: boom", "ERROR"),
    ("warning: the history could not be written", "WARNING"),
    ("swept app_db/users: 1,000 rows", "INFO"),
    ("wrote inventory.csv", "INFO"),
    ("swept app_db/notes: 10 rows, error (see the report)", "INFO"),  # the word is after the subject's colon
    ("\x1b[31mcannot scan:\x1b[0m boom", "ERROR"),                    # a Console made for a terminal
])
def test_stderr_lines_become_records_with_a_level(line: str, level: str) -> None:
    target = io.StringIO()
    stream = JsonLines(target)
    stream.write(line + "\n\n")
    out = [json.loads(x) for x in target.getvalue().splitlines()]
    assert len(out) == 1
    assert out[0]["level"] == level and out[0]["logger"] == "pdd.cli"
    assert "\x1b" not in out[0]["message"]


def test_a_line_written_in_pieces_is_one_record_and_a_last_partial_line_is_kept() -> None:
    target = io.StringIO()
    stream = JsonLines(target)
    stream.write("swept a")
    stream.write("/b: 3 rows\nno sou")
    assert len(target.getvalue().splitlines()) == 1
    stream.write("rce named x\n")
    stream.write("tail")
    stream.close_pending()
    assert [json.loads(x)["message"] for x in target.getvalue().splitlines()] == [
        "swept a/b: 3 rows", "no source named x", "tail"]


@given(st.text())
def test_any_message_is_one_parseable_line(message: str) -> None:
    record = logging.LogRecord("pdd.scan", logging.INFO, __file__, 1, message, None, None)
    text = JsonFormatter().format(record)
    assert "\n" not in text
    assert json.loads(text)["message"] == message


def test_record_json_keys() -> None:
    obj = json.loads(record_json("INFO", "pdd", "m", 0.0, "Traceback"))
    assert obj == {"time": "1970-01-01T00:00:00.000+00:00", "level": "INFO", "logger": "pdd", "message": "m",
                   "exception": "Traceback"}
