"""A hook that turns an Airflow Connection, whole, into the SQLAlchemy URL a pdd source connects with."""

from __future__ import annotations

from typing import TYPE_CHECKING

from airflow.sdk import BaseHook

from pipeline.connections import sqlalchemy_url

if TYPE_CHECKING:
    import sqlalchemy as sa

    from pipeline.config import Config


class PddConnectionHook(BaseHook):
    """Reads Connection ``conn_id`` (host, port, login, password, schema = database, and ``extra``: TLS files
    and modes, libpq ``options``, MariaDB ``ssl``; see pipeline/connections.py) into a SQLAlchemy URL with
    an explicit driver. Raises ``pipeline.connections.ConnectionError_`` naming the connection and key."""

    conn_name_attr = "conn_id"
    default_conn_name = "pdd_default"
    hook_name = "pdd"

    def __init__(self, conn_id: str = default_conn_name) -> None:
        super().__init__()
        self.conn_id = conn_id

    def get_url(self) -> sa.URL:
        c = self.get_connection(self.conn_id)
        return sqlalchemy_url(c.conn_type, c.host, c.login, c.password, c.schema, c.port, c.extra_dejson,
                              self.conn_id)

    def get_uri(self) -> str:
        """The URL as text, password included (Airflow masks the Connection's password in task logs)."""
        return self.get_url().render_as_string(hide_password=False)


def resolve_connections(config: Config) -> Config:
    """``config`` with every SQL source's ``conn_id`` replaced by the URL its Connection gives."""
    return config.with_connections(lambda conn_id: PddConnectionHook(conn_id).get_uri())
