"""pdd for Airflow, in the shape of a provider package: ``PddScanOperator`` (a whole scan in one task) and
``PddConnectionHook`` (a SQLAlchemy URL from the whole of an Airflow Connection, ``extra`` included).

Importing this package needs Airflow (``pip install "pdd[airflow]"``); the rest of pdd does not. Airflow
finds it through the ``apache_airflow_provider`` entry point (``get_provider_info``), so it is listed by
``airflow providers list``.
"""

from __future__ import annotations

from typing import Any

__all__ = ["PddConnectionHook", "PddScanOperator", "get_provider_info"]


def __getattr__(name: str) -> Any:
    # Lazy, so that Airflow's provider manager reads get_provider_info without importing the operator.
    if name == "PddConnectionHook":
        from pipeline.airflow_provider.hooks import PddConnectionHook

        return PddConnectionHook
    if name == "PddScanOperator":
        from pipeline.airflow_provider.operators import PddScanOperator

        return PddScanOperator
    raise AttributeError(name)


def get_provider_info() -> dict[str, Any]:
    return {
        "package-name": "pdd",
        "name": "pdd",
        "description": "Personal data discovery: scans stores for personal data and privacy-policy violations.",
        "operators": [{"integration-name": "pdd",
                       "python-modules": ["pipeline.airflow_provider.operators"]}],
        "hooks": [{"integration-name": "pdd", "python-modules": ["pipeline.airflow_provider.hooks"]}],
    }
