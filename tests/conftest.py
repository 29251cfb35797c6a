"""Shared fixtures: real database servers, and a guard that no test prints a raw card number.

PostgreSQL (127.0.0.1:5432, trust) and MariaDB (127.0.0.1:3306, root) are used
for real. In CI (CI=true) a missing server fails the test; elsewhere the test
is skipped with the reason.
"""

from __future__ import annotations

import os
import secrets
from collections.abc import Iterator

import pytest
import sqlalchemy as sa

IN_CI = os.environ.get("CI", "").lower() in ("1", "true", "yes")
PG_ADMIN = os.environ.get("PDD_TEST_PG", "postgresql+psycopg://postgres@127.0.0.1:5432/test")
MARIA_ADMIN = os.environ.get("PDD_TEST_MARIADB", "mysql+pymysql://root@127.0.0.1:3306/test")


def _server(url: str, what: str) -> sa.Engine:
    engine = sa.create_engine(url, isolation_level="AUTOCOMMIT")
    try:
        with engine.connect() as conn:
            conn.execute(sa.text("SELECT 1"))
    except Exception as exc:  # noqa: BLE001 - any failure means the server is not there
        engine.dispose()
        msg = f"{what} not reachable at {url.split('@')[-1]} ({exc.__class__.__name__})"
        if IN_CI:
            pytest.fail(f"{msg}; CI=true requires it")
        pytest.skip(msg)
    return engine


def _fresh_database(admin_url: str, what: str, quote: str, drop_options: str = "") -> Iterator[str]:
    """Create an empty database on a real server, yield its URL, drop it afterwards."""
    admin = _server(admin_url, what)
    name = f"pdd_test_{secrets.token_hex(4)}"
    with admin.connect() as conn:
        conn.execute(sa.text(f"CREATE DATABASE {quote}{name}{quote}"))
    try:
        yield sa.make_url(admin_url).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as conn:
            conn.execute(sa.text(f"DROP DATABASE IF EXISTS {quote}{name}{quote}{drop_options}"))
        admin.dispose()


@pytest.fixture
def pg_database() -> Iterator[str]:
    """A fresh, empty PostgreSQL database; its URL. Dropped afterwards (with its open sessions)."""
    yield from _fresh_database(PG_ADMIN, "PostgreSQL", '"', " WITH (FORCE)")


@pytest.fixture
def mariadb_database() -> Iterator[str]:
    """A fresh, empty MariaDB database; its URL. Dropped afterwards."""
    yield from _fresh_database(MARIA_ADMIN, "MariaDB", "`")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Files holding a test marked ``slow`` run first, each file's tests kept together and in order.

    `make test` runs the suite on both cores (pytest-xdist, one file per worker at a time: ``--dist
    loadfile``): the long Airflow and install tests then start while there is still other work to share,
    instead of queueing behind each other on one worker at the end."""
    slow_files = {item.path for item in items if item.get_closest_marker("slow")}
    items.sort(key=lambda item: item.path not in slow_files)  # a stable sort: the order within each file stays
