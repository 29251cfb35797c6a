"""How `pdd` talks on stderr: the verbosity (`--verbose`/`--quiet`) and the format (`--log-format text|json`).

Set once by the top-level options, before any command runs, so that every
command and library logger (``pdd.*``) follows it without knowing about it.
In JSON mode stderr carries one JSON object per line and nothing else, so that
a log shipper can parse every line: log records are formatted as JSON, and the
command's own messages (which go to stderr through Rich or ``typer.echo``) are
wrapped into records too. Kept free of heavy imports: it runs for `pdd --help`.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import logging
import re
import sys
from typing import Literal, TextIO

LogFormat = Literal["text", "json"]
TEXT_FORMAT = "%(levelname)s %(name)s: %(message)s"
_ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")  # a Console made for a terminal may still colour


def level_for(verbose: bool, quiet: bool) -> int:
    """--verbose shows what pdd does (INFO, DEBUG for pdd's own loggers); --quiet only errors."""
    if verbose and quiet:
        raise ValueError("--verbose and --quiet contradict each other; give one")
    return logging.DEBUG if verbose else logging.ERROR if quiet else logging.WARNING


def record_json(level: str, logger: str, message: str, created: float | None = None,
                exc_text: str | None = None) -> str:
    """One log line as JSON: time (UTC, ISO 8601), level, logger, message[, exception]."""
    when = dt.datetime.fromtimestamp(created, dt.UTC) if created is not None else dt.datetime.now(dt.UTC)
    obj = {"time": when.isoformat(timespec="milliseconds"), "level": level, "logger": logger, "message": message}
    if exc_text:
        obj["exception"] = exc_text
    return json.dumps(obj, ensure_ascii=False)


class JsonFormatter(logging.Formatter):
    """A LogRecord as one JSON object on one line (newlines in the message stay escaped inside it)."""

    def format(self, record: logging.LogRecord) -> str:
        exc = self.formatException(record.exc_info) if record.exc_info else None
        return record_json(record.levelname, record.name, record.getMessage(), record.created, exc)


class JsonLines(io.TextIOBase):
    """A text stream that turns each line written to it into a JSON record on ``target``.

    It stands in for sys.stderr in JSON mode, so that the commands' own messages (errors, warnings, the line
    per swept dataset) are machine-readable too. Their level comes from how the command marked them: a
    leading ``warning:`` is WARNING, the words of a refusal or failure are ERROR, the rest INFO.
    """

    _ERROR_WORDS = ("error", "cannot", "refused", "not ", "no ", "give ", "unknown", "interrupted", "usage:",
                    "try ")

    def __init__(self, target: TextIO, logger: str = "pdd.cli") -> None:
        self._target = target
        self._logger = logger
        self._pending = ""

    def writable(self) -> bool:
        return True

    @property
    def encoding(self) -> str:  # type: ignore[override]  # a property where TextIOBase has an attribute
        return getattr(self._target, "encoding", "utf-8") or "utf-8"

    def isatty(self) -> bool:
        return False  # no colours, no cursor tricks: the lines are data

    def write(self, text: str) -> int:
        self._pending += text
        *lines, self._pending = self._pending.split("\n")
        for line in lines:
            self._emit(line)
        return len(text)

    def flush(self) -> None:
        self._target.flush()

    def close_pending(self) -> None:
        if self._pending:
            self._emit(self._pending)
            self._pending = ""
        self.flush()

    def _emit(self, line: str) -> None:
        text = _ANSI.sub("", line).rstrip()
        if not text.strip():
            return
        lowered = text.lstrip().lower()
        level = ("WARNING" if lowered.startswith("warning") else
                 "ERROR" if any(w in lowered.split(":", 1)[0] + " " for w in self._ERROR_WORDS) else "INFO")
        self._target.write(record_json(level, self._logger, text.strip()) + "\n")
        self._target.flush()


def quiet_requested() -> bool:
    """The top-level --quiet was given: commands leave out their summaries too."""
    return logging.getLogger("pdd").level >= logging.ERROR


class _CurrentStderr(logging.StreamHandler):
    """Writes to whatever sys.stderr is when a record comes (a test runner swaps it per command)."""

    @property
    def stream(self) -> TextIO:
        return sys.stderr

    @stream.setter
    def stream(self, value: TextIO) -> None:
        pass


class _Levels(logging.Filter):
    """pdd's own records from ``level``; other libraries' from WARNING at least (their DEBUG output, SQLAlchemy's
    or spaCy's, would drown pdd's own and can hold values read from the stores)."""

    def __init__(self, level: int) -> None:
        super().__init__()
        self.level = level

    def filter(self, record: logging.LogRecord) -> bool:
        own = record.name == "pdd" or record.name.startswith("pdd.")
        return record.levelno >= (self.level if own else max(self.level, logging.WARNING))


def configure(level: int, fmt: LogFormat) -> None:
    """Install pdd's handler on the root logger (replacing one installed before) at ``level`` in ``fmt``.

    Handlers others installed (a test runner's capture) are left alone, and so are logger levels unless
    --verbose or --quiet asks for another than the default WARNING.
    """
    if fmt not in ("text", "json"):
        raise ValueError(f"unknown log format {fmt!r} (text or json)")
    handler: logging.Handler
    if fmt == "json":
        real = sys.__stderr__ if isinstance(sys.stderr, JsonLines) else sys.stderr
        assert real is not None
        sys.stderr = JsonLines(real)
        handler = logging.StreamHandler(real)
        handler.setFormatter(JsonFormatter())
    else:
        handler = _CurrentStderr()
        handler.setFormatter(logging.Formatter(TEXT_FORMAT))
    handler.addFilter(_Levels(level))
    handler.set_name("pdd")
    root = logging.getLogger()
    for old in [h for h in root.handlers if h.get_name() == "pdd"]:
        root.removeHandler(old)
    root.addHandler(handler)
    pdd = logging.getLogger("pdd")
    if level != logging.WARNING:
        pdd.setLevel(level)  # records below the root's level are made at all
    elif pdd.level in (logging.DEBUG, logging.ERROR):
        pdd.setLevel(logging.NOTSET)  # an earlier command of this process asked for another
