"""What the logs and files source tests share: a one-source config over a folder, and writing inputs."""

from __future__ import annotations

import gzip
from pathlib import Path
from typing import Any

from pipeline.config import Config, PathSourceConfig
from pipeline.sources import Source


def path_source(cls: type[Source], name: str, base: Path, path: str, exclude: tuple[str, ...] = ()) -> Any:
    cfg = Config(sources=[PathSourceConfig(name=name, kind=cls.kind, path=path, exclude=list(exclude))],
                 base_dir=base)
    return cls(cfg.sources[0], cfg)


def write(path: Path, data: bytes, *, gz: bool = False) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(gzip.compress(data) if gz else data)
    return path
