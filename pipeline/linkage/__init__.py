"""Linkage: which records belong to the same person, across tables, logs and exports.

Before the sweep, the engine's link step (pipeline/linkage/index.py) reads the account datasets (declared in
the config, or discovered: a termination date field, or an account-like table
that foreign keys point at) and keeps the small key sets the person-level rules
need: accounts terminated before the policy's retention window, accounts of
people under 16, a bounded sketch of every account dataset's keys, and the
declared links (foreign keys, config). The sweep of every other dataset then
checks its reference fields against those keys (rules/retention.py); a link
inferred from a field's name is confirmed by value overlap in ``finish``.
"""

from pipeline.linkage.model import AccountSet, DatasetLinks, Link, PersonIndex

__all__ = ["AccountSet", "DatasetLinks", "Link", "PersonIndex"]
