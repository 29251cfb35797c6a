"""Linkage: which records belong to the same person, across tables, logs and exports.

Before the sweep, :func:`build_index` reads the account datasets (declared in
the config, or discovered: a termination date field, or an account-like table
that foreign keys point at) and keeps the small key sets the person-level rules
need: accounts terminated before the policy's retention window, accounts of
people under 16, a bounded sketch of every account dataset's keys, and the
declared links (foreign keys, config). The sweep of every other dataset then
checks its reference fields against those keys (rules/retention.py); a link
inferred from a field's name is confirmed by value overlap in ``finish``.
"""


from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from pipeline.linkage.index import build_index
    from pipeline.linkage.model import AccountSet, DatasetLinks, Link, PersonIndex

__all__ = ["AccountSet", "DatasetLinks", "Link", "PersonIndex", "build_index"]


def __getattr__(name: str) -> Any:
    """Imported on first use (PEP 562): `pdd --help` loads pipeline.linkage.cli, which must not pull in the
    classifiers and spaCy through the index."""
    if name == "build_index":
        from pipeline.linkage.index import build_index

        return build_index
    if name in __all__:
        from pipeline.linkage import model

        return getattr(model, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
