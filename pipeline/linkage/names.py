"""Field names that say what a field is to the linkage: a termination date, a status, a reference to an account.

Names are compared lower-cased with every non-alphanumeric run (``.``, ``-``,
camelCase humps) turned into ``_``, so ``user.id``, ``userId`` and ``USER_ID``
are the same name.
"""

from __future__ import annotations

import re

#: a dataset whose name (singular) is one of these holds people's accounts
ACCOUNT_NOUNS = ("account", "user", "customer", "member", "client", "subscriber", "profile")
#: fields with the date an account was terminated or closed
TERMINATED = re.compile(r"^(account_)?(terminated|termination|closed|closure|cancell?ed|cancellation|deleted|"
                        r"deactivated|deactivation)(_at|_on|_date|_time|_ts)?$|^(termination|closure|close)_date$")
STATUS = re.compile(r"^(account_)?status$")
STATUS_CHANGED = re.compile(r"^(account_)?status_(changed|updated|since)(_at|_on|_date)?$")
#: status values that mean the account is terminated
TERMINATED_STATUSES = frozenset({"terminated", "closed", "deleted", "cancelled", "canceled", "deactivated"})
_REF = re.compile(r"^(?:.*_)?(" + "|".join(ACCOUNT_NOUNS) + r")s?_?(id|no|number|key|ref)$|^uid$")


def norm(name: str) -> str:
    name = re.sub(r"([a-z0-9])([A-Z])", r"\1_\2", name)
    return re.sub(r"[^a-z0-9]+", "_", name.lower()).strip("_")


def singular(name: str) -> str:
    n = norm(name.rsplit("/", 1)[-1].split(".")[0])
    return n[:-1] if n.endswith("s") and not n.endswith("ss") else n


def is_account_name(dataset: str) -> bool:
    return any(singular(dataset).endswith(noun) for noun in ACCOUNT_NOUNS)


def is_reference_name(field: str, account_dataset: str) -> bool:
    """``account_id``, ``user.id``, ``customerNo``, ``<account dataset>_id``: a field that may hold an account's key."""
    n = norm(field)
    return bool(_REF.match(n)) or n in (f"{singular(account_dataset)}_id", f"{singular(account_dataset)}id")
