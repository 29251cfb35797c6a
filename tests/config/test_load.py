"""A wrong config is refused before anything runs, naming file, line and key."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from pipeline.config.load import ConfigError, load_config

GOOD = """\
as_of: 2026-11-24
sources:
  - name: app_db
    kind: sql
    url: sqlite:///data/app.db
  - name: web_logs
    kind: logs
    path: logs/*
  - name: exports
    kind: files
    path: exports/*.csv
"""


def _write(tmp_path: Path, text: str) -> Path:
    p = tmp_path / "pdd.yaml"
    p.write_text(text)
    return p


def test_good_config_loads_typed(tmp_path: Path) -> None:
    cfg = load_config(_write(tmp_path, GOOD))
    assert cfg.as_of == dt.date(2026, 11, 24)
    assert [s.kind for s in cfg.sources] == ["sql", "logs", "files"]
    assert cfg.base_dir == tmp_path.resolve()
    assert cfg.resolve("logs/*") == tmp_path.resolve() / "logs/*"


def test_as_of_defaults_to_today_and_can_be_overridden(tmp_path: Path) -> None:
    text = GOOD.replace("as_of: 2026-11-24\n", "")
    assert load_config(_write(tmp_path, text)).as_of == dt.date.today()
    assert load_config(_write(tmp_path, GOOD), as_of=dt.date(2020, 1, 2)).as_of == dt.date(2020, 1, 2)


def test_env_expansion_keeps_secret_out_of_the_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PDD_DB_PASSWORD", "s3cret")
    text = GOOD.replace("sqlite:///data/app.db", "postgresql+psycopg://scanner:${PDD_DB_PASSWORD}@db/app")
    cfg = load_config(_write(tmp_path, text))
    assert cfg.sources[0].url.get_secret_value() == "postgresql+psycopg://scanner:s3cret@db/app"
    assert "s3cret" not in repr(cfg)


@pytest.mark.parametrize("edit,message", [
    (("kind: sql", "kind: oracle-ish"), "line 4, sources[0].kind: unknown source kind 'oracle-ish'"),
    (("name: web_logs", "name: app_db"), "line 6, sources[1].name: duplicate source name 'app_db' (first given in "
     "sources[0], line 3)"),
    (("    url: sqlite:///data/app.db\n", ""), "line 3, sources[0]: a sql source needs exactly one of url"),
    (("    path: logs/*\n", ""), "sources[1].path: required key is missing"),
    (("    path: logs/*\n", "    path: logs/*\n    colour: blue\n"), "line 9, sources[1].colour: unknown key"),
    (("as_of: 2026-11-24", "as_of: someday"), "line 1, as_of:"),
    (("sources:", "sources: [oops"), "line 3: not valid YAML"),
    (("url: sqlite:///data/app.db", "url: ${PDD_NOT_SET_ANYWHERE}"),
     "line 5, sources[0].url: environment variable PDD_NOT_SET_ANYWHERE is not set"),
    (("    kind: logs\n", "    kind: logs\n    kind: files\n"), "line 8: key 'kind' is given twice"),
])
def test_wrong_config_is_refused_with_line(tmp_path: Path, edit: tuple[str, str], message: str) -> None:
    text = GOOD.replace(*edit)
    with pytest.raises(ConfigError) as exc:
        load_config(_write(tmp_path, text))
    assert message in str(exc.value)
    assert str(tmp_path / "pdd.yaml") in str(exc.value)


def test_missing_config_file(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="no such config file"):
        load_config(tmp_path / "nope.yaml")


def test_duplicate_source_name_points_at_the_duplicate_entry_line(tmp_path: Path) -> None:
    # Issue 11: the message pointed at `sources:` instead of the entry that repeats a name.
    text = GOOD + "  - name: web_logs\n    kind: logs\n    path: more/*\n"
    with pytest.raises(ConfigError) as exc:
        load_config(_write(tmp_path, text))
    assert "line 12, sources[3].name: duplicate source name 'web_logs' (first given in sources[1], line 6)" \
        in str(exc.value)
