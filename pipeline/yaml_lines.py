"""YAML with the line of every key and item, so that an error can name the line a person must fix.

Shared by the sources config and the recognizers file (pipeline/config), the review decisions
(pipeline/review) and the data contracts (pipeline/contracts).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml


def where(loc: tuple[Any, ...]) -> str:
    """``("sources", 1, "url")`` -> ``sources[1].url``."""
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out or "(top level)"


class LinedYaml:
    """Plain Python data from a YAML text, and the line of every key and item.

    Bad YAML and a key given twice raise ``error`` (the caller's exception type) naming file and line.
    """

    def __init__(self, path: Path, text: str, error: type[Exception]):
        self.path = path
        self.error_type = error
        self.lines: dict[tuple[Any, ...], int] = {}
        try:
            node = yaml.compose(text, Loader=yaml.SafeLoader)
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            at = f" line {mark.line + 1}" if mark else ""
            raise error(f"{path}{at}: not valid YAML ({getattr(exc, 'problem', None) or exc})") from None
        self.data = self._build(node, ()) if node is not None else None

    @classmethod
    def read(cls, path: Path, error: type[Exception], what: str) -> LinedYaml:
        """The file at ``path``; a missing or unreadable one raises ``error`` naming it (``what``: "config file")."""
        try:
            text = path.read_text(encoding="utf-8")
        except FileNotFoundError:
            raise error(f"{path}: no such {what}") from None
        except (OSError, UnicodeDecodeError) as exc:
            raise error(f"{path}: cannot be read ({exc.__class__.__name__}: {exc})") from None
        return cls(path, text, error)

    def _build(self, node: yaml.Node, at: tuple[Any, ...]) -> Any:
        self.lines.setdefault(at, node.start_mark.line + 1)
        if isinstance(node, yaml.MappingNode):
            out: dict[Any, Any] = {}
            for knode, vnode in node.value:
                key = knode.value
                if key in out:
                    raise self.error_type(f"{self.path} line {knode.start_mark.line + 1}: key {key!r} is given twice")
                self.lines[(*at, key)] = knode.start_mark.line + 1
                out[key] = self._build(vnode, (*at, key))
            return out
        if isinstance(node, yaml.SequenceNode):
            return [self._build(item, (*at, i)) for i, item in enumerate(node.value)]
        return yaml.SafeLoader.construct_object(yaml.SafeLoader(""), node, deep=True)

    def line(self, loc: tuple[Any, ...]) -> int | None:
        """The line of ``loc``, or of its nearest parent that has one."""
        while loc:
            if loc in self.lines:
                return self.lines[loc]
            loc = loc[:-1]
        return self.lines.get(())

    def error(self, loc: tuple[Any, ...], message: str) -> Exception:
        line = self.line(loc)
        at = f"{self.path} line {line}" if line else str(self.path)
        return self.error_type(f"{at}, {where(loc)}: {message}")
