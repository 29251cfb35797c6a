"""Load and validate a sources config, refusing a wrong one before anything runs.

Every error names the file, the key and the line, so that the fix is obvious:
``pdd.yaml line 7, sources[1].url: field required for kind 'sql'``.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from pipeline.config.model import Config, SourceConfig

_ENV = re.compile(r"\$\{([A-Za-z_][A-Za-z0-9_]*)\}")


class ConfigError(Exception):
    """The config file is wrong; the message names file, line and key."""


def _loc(loc: tuple[Any, ...]) -> str:
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out or "(top level)"


class _Lines:
    """Plain Python data from YAML, with the line of every key and item."""

    def __init__(self, path: Path, text: str):
        self.path = path
        self.lines: dict[tuple[Any, ...], int] = {}
        try:
            node = yaml.compose(text, Loader=yaml.SafeLoader)
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            where = f" line {mark.line + 1}" if mark else ""
            problem = getattr(exc, "problem", None) or str(exc)
            raise ConfigError(f"{path}{where}: not valid YAML ({problem})") from None
        self.data = self._build(node, ()) if node is not None else None

    def _build(self, node: yaml.Node, at: tuple[Any, ...]) -> Any:
        self.lines[at] = node.start_mark.line + 1
        if isinstance(node, yaml.MappingNode):
            out: dict[str, Any] = {}
            for knode, vnode in node.value:
                key = knode.value
                if key in out:
                    raise ConfigError(f"{self.path} line {knode.start_mark.line + 1}: key {key!r} given twice")
                self.lines[(*at, key)] = knode.start_mark.line + 1
                out[key] = self._build(vnode, (*at, key))
                self.lines[(*at, key)] = knode.start_mark.line + 1
            return out
        if isinstance(node, yaml.SequenceNode):
            return [self._build(item, (*at, i)) for i, item in enumerate(node.value)]
        return yaml.SafeLoader.construct_object(yaml.SafeLoader(""), node, deep=True)

    def line(self, loc: tuple[Any, ...]) -> int | None:
        while loc:
            if loc in self.lines:
                return self.lines[loc]
            loc = loc[:-1]
        return self.lines.get(())

    def error(self, loc: tuple[Any, ...], message: str) -> ConfigError:
        line = self.line(loc)
        where = f"{self.path} line {line}" if line else str(self.path)
        return ConfigError(f"{where}, {_loc(loc)}: {message}")


def _expand_env(value: Any, at: tuple[Any, ...], doc: _Lines) -> Any:
    if isinstance(value, dict):
        return {k: _expand_env(v, (*at, k), doc) for k, v in value.items()}
    if isinstance(value, list):
        return [_expand_env(v, (*at, i), doc) for i, v in enumerate(value)]
    if isinstance(value, str) and "${" in value:

        def sub(m: re.Match[str]) -> str:
            name = m.group(1)
            if name not in os.environ:
                raise doc.error(at, f"environment variable {name} is not set (the config refers to ${{{name}}})")
            return os.environ[name]

        return _ENV.sub(sub, value)
    return value


def _pydantic_errors(exc: ValidationError, doc: _Lines, prefix: tuple[Any, ...] = ()) -> ConfigError:
    msgs = []
    for err in exc.errors():
        loc = (*prefix, *err["loc"])
        text = err["msg"]
        if err["type"] == "extra_forbidden":
            text = "unknown key (check the spelling; see contract.md §1 for the keys)"
        elif err["type"] == "missing":
            text = "required key is missing"
        msgs.append(str(doc.error(loc, text)))
    return ConfigError("\n".join(msgs))


def load_config(path: str | Path, *, as_of: Any = None) -> Config:
    """Read, expand and validate the config at ``path``."""
    from pipeline.sources import kinds  # the registry of source kinds

    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ConfigError(f"{path}: no such config file") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot be read ({exc.__class__.__name__}: {exc})") from None
    doc = _Lines(path, text)
    data = doc.data
    if not isinstance(data, dict):
        raise ConfigError(f"{path}: the config must be a mapping with a 'sources' list")
    data = _expand_env(data, (), doc)

    registered = kinds()
    sources: list[SourceConfig] = []
    raw_sources = data.get("sources")
    if isinstance(raw_sources, list):
        for i, raw in enumerate(raw_sources):
            at = ("sources", i)
            if not isinstance(raw, dict):
                raise doc.error(at, "each source must be a mapping with name and kind")
            kind = raw.get("kind")
            if kind not in registered:
                known = ", ".join(sorted(registered))
                raise doc.error((*at, "kind") if "kind" in raw else at, f"unknown source kind {kind!r} (known: {known})")
            model = registered[kind].config_model
            try:
                src = model.model_validate(raw)
            except ValidationError as exc:
                raise _pydantic_errors(exc, doc, at) from None
            problem = registered[kind].check_config(src)
            if problem:
                raise doc.error((*at, problem[0]) if problem[0] in raw else at, problem[1])
            sources.append(src)
        data = {**data, "sources": sources}
    if as_of is not None:
        data["as_of"] = as_of
    if "base_dir" in data:
        raise doc.error(("base_dir",), "unknown key (check the spelling; see contract.md §1 for the keys)")
    try:
        config = Config.model_validate({**data, "base_dir": path.resolve().parent})
    except ValidationError as exc:
        raise _pydantic_errors(exc, doc) from None
    return config
