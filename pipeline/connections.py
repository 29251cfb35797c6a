"""A SQLAlchemy URL from the whole of an Airflow Connection: its fields and its ``extra``.

Airflow is not imported here: the Airflow hook (pipeline/airflow_provider/hooks.py) hands over the
Connection's fields, so the mapping is a plain function, tested without Airflow.

What ``extra`` carries, per store (the keys Airflow's own provider hooks read):

- PostgreSQL: every libpq connection parameter (``sslmode``, ``sslrootcert``, ``sslcert``, ``sslkey``,
  ``sslcrl``, ``options``, ``application_name``, ``connect_timeout``, ``target_session_attrs``, ...) goes
  to the driver as given; keys only Airflow's hooks understand (``cursor``, ``iam``, ``aws_conn_id``, ...)
  are left out. ``options: "-c search_path=app"`` makes ``app`` the default schema pdd scans.
- MySQL/MariaDB: ``ssl`` (an object or its JSON text: ``ca``, ``cert``, ``key``, ``capath``, ``cipher``,
  ``check_hostname``), ``ssl_mode`` (DISABLED, PREFERRED, REQUIRED, VERIFY_CA, VERIFY_IDENTITY, as the
  MySQL client names them), ``charset``, ``connect_timeout``, ``unix_socket``.
- Any type: ``sqlalchemy_scheme`` replaces pdd's driver (e.g. ``postgresql+psycopg2`` if installed), and
  ``sqlalchemy_query`` (an object) adds query parameters verbatim.

An extra key pdd cannot honour is refused with the connection id and the key, never dropped silently: a
TLS setting that never reaches the driver is exactly the failure this module exists to prevent. No error
message quotes a password or a value of ``extra``.
"""

from __future__ import annotations

import json
from typing import Any

import sqlalchemy as sa

#: Airflow connection types -> SQLAlchemy drivers (explicit: Connection.get_uri() gives postgres://,
#: which SQLAlchemy 2 rejects)
DRIVERS = {"postgres": "postgresql+psycopg", "postgresql": "postgresql+psycopg", "mysql": "mysql+pymysql",
           "mariadb": "mysql+pymysql", "sqlite": "sqlite", "mssql": "mssql+pymssql", "oracle": "oracle+oracledb"}

#: extra keys that Airflow's own hooks read and that are no driver setting
AIRFLOW_ONLY = frozenset({
    "cursor", "iam", "redshift", "redshift-serverless", "aws_conn_id", "cluster-identifier", "workgroup-name",
    "enable_log_db_messages", "azure_conn_id", "client", "local_infile", "__extra__",
})

_MYSQL_SSL = ("ca", "cert", "key", "capath", "cipher", "check_hostname")
_MYSQL_PLAIN = ("charset", "connect_timeout", "read_timeout", "write_timeout", "unix_socket", "init_command")
_MYSQL_MODES = ("DISABLED", "PREFERRED", "REQUIRED", "VERIFY_CA", "VERIFY_IDENTITY")


class ConnectionError_(ValueError):  # the builtin ConnectionError is an OSError
    """An Airflow Connection that cannot become a SQLAlchemy URL; the message names the connection and key."""


def _text(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def sqlalchemy_url(conn_type: str | None, host: str | None = None, login: str | None = None,
                   password: str | None = None, schema: str | None = None, port: int | None = None,
                   extra: dict[str, Any] | str | None = None, conn_id: str = "") -> sa.URL:
    """The URL a source of ``conn_id`` connects with: fields as Airflow defines them (``schema`` is the
    database), ``extra`` as described in the module docstring."""
    where = f"Airflow connection {conn_id!r}"
    if isinstance(extra, str):
        try:
            extra = json.loads(extra) if extra.strip() else {}
        except ValueError:
            raise ConnectionError_(f"{where}: extra is not JSON") from None
    extra = dict(extra or {})
    if not isinstance(extra, dict):
        raise ConnectionError_(f"{where}: extra must be a JSON object")
    scheme = extra.pop("sqlalchemy_scheme", None)
    driver = scheme or DRIVERS.get((conn_type or "").lower())
    if driver is None:
        raise ConnectionError_(f"{where} has type {conn_type!r}; pdd knows {', '.join(sorted(DRIVERS))} "
                               "(or set sqlalchemy_scheme in its extra)")
    if driver == "sqlite":
        return sa.make_url(f"sqlite:///{host or schema}")
    verbatim = extra.pop("sqlalchemy_query", None) or {}
    if not isinstance(verbatim, dict):
        raise ConnectionError_(f"{where}: extra key 'sqlalchemy_query' must be an object")
    backend = driver.split("+")[0]
    if backend == "postgresql":
        query = _postgres(extra, where)
    elif backend in ("mysql", "mariadb"):
        query = _mysql(extra, where)
    else:
        query = _plain(extra, where)
    query.update({str(k): _text(v) for k, v in verbatim.items()})
    return sa.URL.create(driver, username=login or None, password=password or None, host=host or None,
                         port=int(port) if port else None, database=schema or None, query=query)


def _plain(extra: dict[str, Any], where: str) -> dict[str, str]:
    query = {}
    for key, value in extra.items():
        if key in AIRFLOW_ONLY or value is None:
            continue
        if isinstance(value, (dict, list)):
            raise ConnectionError_(f"{where}: extra key {key!r} holds a {type(value).__name__}; pdd passes "
                                   "only plain values to the driver")
        query[key] = _text(value)
    return query


def _postgres(extra: dict[str, Any], where: str) -> dict[str, str]:
    # libpq takes every connection parameter as a URL query parameter, and psycopg passes them on.
    return _plain(extra, where)


def _mysql(extra: dict[str, Any], where: str) -> dict[str, str]:
    extra = dict(extra)
    ssl = extra.pop("ssl", None) or {}
    if isinstance(ssl, str):
        try:
            ssl = json.loads(ssl)
        except ValueError:
            raise ConnectionError_(f"{where}: extra key 'ssl' is not a JSON object") from None
    if not isinstance(ssl, dict):
        raise ConnectionError_(f"{where}: extra key 'ssl' must be an object (ca, cert, key, ...)")
    unknown = sorted(set(ssl) - set(_MYSQL_SSL))
    if unknown:
        raise ConnectionError_(f"{where}: extra 'ssl' has unknown key(s) {', '.join(unknown)} "
                               f"(known: {', '.join(_MYSQL_SSL)})")
    mode = str(extra.pop("ssl_mode", "") or "").upper()
    if mode and mode not in _MYSQL_MODES:
        raise ConnectionError_(f"{where}: extra 'ssl_mode' must be one of {', '.join(_MYSQL_MODES)}")
    query = {f"ssl_{k}": _text(v) for k, v in ssl.items() if v is not None}
    if mode == "DISABLED":
        query = {}
    elif mode in ("REQUIRED", "PREFERRED") and not query:
        # PyMySQL encrypts whenever its ssl settings are not empty; without a CA it does not verify (REQUIRED).
        query["ssl_check_hostname"] = "false"
    elif mode in ("VERIFY_CA", "VERIFY_IDENTITY"):
        if "ssl_ca" not in query and "ssl_capath" not in query:
            raise ConnectionError_(f"{where}: ssl_mode {mode} needs ssl.ca (or ssl.capath) in its extra")
        query["ssl_check_hostname"] = "true" if mode == "VERIFY_IDENTITY" else "false"
    for key in list(extra):
        if key in _MYSQL_PLAIN and extra[key] is not None:
            query[key] = _text(extra.pop(key))
    left = sorted(k for k in extra if k not in AIRFLOW_ONLY)
    if left:
        raise ConnectionError_(f"{where}: extra key(s) {', '.join(left)} are not MySQL/MariaDB settings pdd "
                               "passes on (ssl, ssl_mode, " + ", ".join(_MYSQL_PLAIN) + ")")
    return query
