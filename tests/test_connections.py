"""An Airflow Connection's fields and extra become the SQLAlchemy URL a source connects with
(pipeline/connections.py): one table of Connections and the URL query they give, near-misses refused."""

from __future__ import annotations

import json

import pytest
import sqlalchemy as sa

from pipeline.connections import ConnectionError_, sqlalchemy_url

PG = ("postgres", "db.internal", "scanner", "s3cret", "app", 5432)
MY = ("mysql", "maria.internal", "scanner", "s3cret", "app", 3306)


@pytest.mark.parametrize(("fields", "extra", "driver", "query"), [
    # libpq settings reach psycopg as given: TLS mode and files, options, application name
    (PG, {"sslmode": "disable", "options": "-c search_path=app"}, "postgresql+psycopg",
     {"sslmode": "disable", "options": "-c search_path=app"}),
    (PG, {"sslmode": "verify-full", "sslrootcert": "/etc/pdd/ca.pem", "sslcert": "/etc/pdd/client.pem",
          "sslkey": "/etc/pdd/client.key", "application_name": "pdd", "connect_timeout": 10},
     "postgresql+psycopg", {"sslmode": "verify-full", "sslrootcert": "/etc/pdd/ca.pem",
                            "sslcert": "/etc/pdd/client.pem", "sslkey": "/etc/pdd/client.key",
                            "application_name": "pdd", "connect_timeout": "10"}),
    # extra given as JSON text (as the Connection stores it); Airflow-only keys are no driver setting
    (PG, json.dumps({"sslmode": "require", "cursor": "dictcursor", "iam": False}), "postgresql+psycopg",
     {"sslmode": "require"}),
    (("postgresql", *PG[1:]), None, "postgresql+psycopg", {}),
    # another driver, and verbatim query parameters
    (PG, {"sqlalchemy_scheme": "postgresql+psycopg2", "sqlalchemy_query": {"gssencmode": "disable"}},
     "postgresql+psycopg2", {"gssencmode": "disable"}),
    # MariaDB/MySQL: the ssl object becomes PyMySQL's ssl_* settings
    (MY, {"ssl": {"ca": "/etc/pdd/ca.pem", "cert": "/etc/pdd/c.pem", "key": "/etc/pdd/c.key"}}, "mysql+pymysql",
     {"ssl_ca": "/etc/pdd/ca.pem", "ssl_cert": "/etc/pdd/c.pem", "ssl_key": "/etc/pdd/c.key"}),
    (("mariadb", *MY[1:]), {"ssl": json.dumps({"ca": "/ca.pem"}), "ssl_mode": "VERIFY_IDENTITY", "charset": "utf8mb4"},
     "mysql+pymysql", {"ssl_ca": "/ca.pem", "ssl_check_hostname": "true", "charset": "utf8mb4"}),
    (MY, {"ssl": {"ca": "/ca.pem"}, "ssl_mode": "verify_ca"}, "mysql+pymysql",
     {"ssl_ca": "/ca.pem", "ssl_check_hostname": "false"}),
    (MY, {"ssl_mode": "REQUIRED"}, "mysql+pymysql", {"ssl_check_hostname": "false"}),
    (MY, {"ssl": {"ca": "/ca.pem"}, "ssl_mode": "DISABLED", "client": "mysqlclient"}, "mysql+pymysql", {}),
])
def test_extra_reaches_the_url(fields: tuple, extra: object, driver: str, query: dict) -> None:
    url = sqlalchemy_url(*fields, extra=extra, conn_id="c")
    assert url.drivername == driver
    assert dict(url.query) == query
    assert (url.host, url.username, url.password, url.database, url.port) == (fields[1], fields[2], fields[3],
                                                                               fields[4], fields[5])
    # the text form (what a source's url holds) parses back to the same URL
    assert dict(sa.make_url(url.render_as_string(hide_password=False)).query) == query


def test_sqlite_connection_is_a_file() -> None:
    assert str(sqlalchemy_url("sqlite", "/data/app.db")) == "sqlite:////data/app.db"


@pytest.mark.parametrize(("conn_type", "extra", "named"), [
    ("http", None, "'http'"),
    ("postgres", "{not json", "extra is not JSON"),
    ("postgres", {"options": {"search_path": "app"}}, "'options'"),
    ("mysql", {"ssl": {"ca": "/ca.pem", "verify": True}}, "verify"),
    ("mysql", {"ssl": "[1, 2]"}, "'ssl' must be an object"),
    ("mysql", {"ssl_mode": "ON"}, "ssl_mode"),
    ("mysql", {"ssl_mode": "VERIFY_CA"}, "needs ssl.ca"),
    ("mysql", {"sslmode": "require"}, "sslmode"),  # a PostgreSQL key on MariaDB: refused, not dropped
    ("postgres", {"sqlalchemy_query": "a=b"}, "sqlalchemy_query"),
])
def test_unusable_extra_is_refused_naming_connection_and_key(conn_type: str, extra: object, named: str) -> None:
    with pytest.raises(ConnectionError_) as err:
        sqlalchemy_url(conn_type, "h", "u", "pw-never-shown", "db", 1, extra=extra, conn_id="prod_db")
    assert "'prod_db'" in str(err.value) and named in str(err.value)
    assert "pw-never-shown" not in str(err.value)


@pytest.mark.postgres
def test_postgres_connects_with_extra(pg_database: str) -> None:
    """The URL's settings reach the server: options sets the session's search_path, sslmode=disable is
    honoured (the session is not encrypted)."""
    admin = sa.make_url(pg_database)
    url = sqlalchemy_url("postgres", admin.host, admin.username, admin.password, admin.database, admin.port,
                         {"sslmode": "disable", "options": "-c search_path=app,public",
                          "application_name": "pdd-test"}, "pg")
    engine = sa.create_engine(url)
    try:
        with engine.connect() as conn:
            assert conn.execute(sa.text("SHOW search_path")).scalar() == "app,public"
            assert conn.execute(sa.text("SELECT current_setting('application_name')")).scalar() == "pdd-test"
            assert conn.execute(sa.text("SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()")).scalar() is False
    finally:
        engine.dispose()
