"""Load and validate a sources config, refusing a wrong one before anything runs.

Every error names the file, the key and the line, so that the fix is obvious:
``pdd.yaml line 7, sources[1].url: field required for kind 'sql'``.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from pipeline.config.model import Config, SourceConfig
from pipeline.yaml_lines import LinedYaml

_ENV = re.compile(r"\$\{([A-Za-z_][A-Za-z0-9_]*)\}")


class ConfigError(Exception):
    """The config file is wrong; the message names file, line and key."""


def _expand_env(value: Any, at: tuple[Any, ...], doc: LinedYaml) -> Any:
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


def _pydantic_errors(exc: ValidationError, doc: LinedYaml, prefix: tuple[Any, ...] = ()) -> ConfigError:
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
    doc = LinedYaml.read(path, ConfigError, "config file")
    data = doc.data
    if not isinstance(data, dict):
        raise ConfigError(f"{path}: the config must be a mapping with a 'sources' list")
    data = _expand_env(data, (), doc)

    registered = kinds()
    sources: list[SourceConfig] = []
    raw_sources = data.get("sources")
    if isinstance(raw_sources, list):
        first: dict[Any, int] = {}  # source name -> index of its first entry
        for i, raw in enumerate(raw_sources):
            at = ("sources", i)
            if not isinstance(raw, dict):
                raise doc.error(at, "each source must be a mapping with name and kind")
            name = raw.get("name")
            if isinstance(name, str) and name in first:
                j = first[name]
                raise doc.error((*at, "name"), f"duplicate source name {name!r} (first given in sources[{j}], "
                                f"line {doc.line(('sources', j, 'name'))}); names must be unique")
            first.setdefault(name, i)
            kind = raw.get("kind")
            if kind not in registered:
                known = ", ".join(sorted(registered))
                raise doc.error((*at, "kind") if "kind" in raw else at,
                                f"unknown source kind {kind!r} (known: {known})")
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
    if config.classification.recognizers:
        _check_recognizers(config, doc)
    return config


def _check_recognizers(config: Config, doc: LinedYaml) -> None:
    """The recognizers file is read and checked now, and its categories against the policy map, so that a
    mistake in it stops the scan before it starts (the scan reads it again where it classifies)."""
    from pipeline.config.recognizers import RecognizersError, load_recognizers
    from pipeline.policy import PolicyError
    from pipeline.policy.configured import policy_for

    at = ("classification", "recognizers")
    target = config.resolve(config.classification.recognizers or "")
    if not target.is_file():
        raise doc.error(at, f"no such recognizers file {target}")
    try:
        load_recognizers(target)
        policy_for(config)
    except (RecognizersError, PolicyError) as exc:
        raise ConfigError(str(exc)) from None
