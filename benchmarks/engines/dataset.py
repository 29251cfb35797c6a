"""The SQL data every engine gets: realdata's databases, the demo's app.db, the synthetic large table.

:func:`sqlite_files` names the SQLite originals (source name -> file); :func:`load_all` puts them on a
server; :func:`config` makes a pdd config that scans either the originals or a server's copies under the
same source names, so that the reports can be compared source by source.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from benchmarks.classification.realdata import DEFAULT_ROOT
from benchmarks.engines import large
from benchmarks.engines.load import Loaded, drop, load_sqlite
from pipeline.config import Config, SqlSourceConfig

DEMO_SOURCE = "app_db"


def realdata_files(root: Path = DEFAULT_ROOT) -> dict[str, Path]:
    """The real-data SQLite files by their source name in realdata's sources.yaml (the file's stem)."""
    return {p.stem: p for p in sorted((root / "db").glob("*.db"))}


def demo_file(folder: Path) -> Path:
    """The demo's SQLite database, generated into ``folder`` (the generator's default seed and scale)."""
    from demo.generate import generate

    return generate(folder).config.parent / "app.db"


def sqlite_files(workdir: Path, root: Path = DEFAULT_ROOT, *, demo: bool = True, big: bool = True) -> dict[str, Path]:
    files = realdata_files(root)
    if demo:
        files[DEMO_SOURCE] = demo_file(workdir / "demo")
    if big:
        files[large.SOURCE] = large.make_sqlite(workdir / "large.db")
    return files


def load_all(dialect: str, prefix: str, files: dict[str, Path]) -> list[Loaded]:
    """Every file on ``dialect``'s server (the large one made there by the server itself)."""
    done: list[Loaded] = []
    try:
        for source, path in files.items():
            done.append(large.load(dialect, prefix) if source == large.SOURCE else load_sqlite(path, source, dialect,
                                                                                                prefix))
    except BaseException:
        for d in done:
            drop(dialect, d.database)
        raise
    return done


def config(urls: dict[str, str], as_of: dt.date, base_dir: Path) -> Config:
    """A pdd config scanning ``{source name: SQLAlchemy URL}``."""
    return Config(as_of=as_of, base_dir=base_dir,
                  sources=[SqlSourceConfig(name=n, kind="sql", url=u) for n, u in urls.items()])


def sqlite_urls(files: dict[str, Path]) -> dict[str, str]:
    return {n: f"sqlite:///{p}" for n, p in files.items()}
