"""Airflow's ``hostname_callable`` for the Celery test: each worker process reports its own name.

Both Celery workers of tests/dags/test_celery_run.py run on this machine, so the
real host name cannot tell them apart; the name in PDD_TEST_WORKER can, and it is
what a task instance records as its hostname.
"""

from __future__ import annotations

import os
import socket


def hostname() -> str:
    return os.environ.get("PDD_TEST_WORKER") or socket.getfqdn()
