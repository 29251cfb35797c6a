"""What a configured recognizer is, before Presidio builds it: its checked entry, and the checksum it asks for.

Kept apart from classifiers/configured.py (which imports Presidio) so that
loading a config that names a recognizers file stays light: the file is checked
when the config loads, the recognizers are built only where values are classified.
Validators are python-stdnum's, chosen by name.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

#: validator name -> (python-stdnum module, what is checked). Digit checksums read the match's digits only, so
#: that a prefix (``EMP-``) or separators do not hide the number; the ISO 7064 checks read letters and digits.
VALIDATORS: dict[str, tuple[str, str]] = {
    "luhn": ("stdnum.luhn", "digits"),
    "verhoeff": ("stdnum.verhoeff", "digits"),
    "damm": ("stdnum.damm", "digits"),
    "mod97": ("stdnum.iso7064.mod_97_10", "alnum"),
    "iso7064_mod_97_10": ("stdnum.iso7064.mod_97_10", "alnum"),
    "iso7064_mod_11_2": ("stdnum.iso7064.mod_11_2", "alnum"),
    "iso7064_mod_11_10": ("stdnum.iso7064.mod_11_10", "alnum"),
    "iso7064_mod_37_2": ("stdnum.iso7064.mod_37_2", "alnum"),
    "iso7064_mod_37_36": ("stdnum.iso7064.mod_37_36", "alnum"),
}
NO_VALIDATOR = "none"
_STDNUM = re.compile(r"^stdnum\.[a-z0-9_]+(\.[a-z0-9_]+)*$")


def validator_names() -> list[str]:
    return [*VALIDATORS, NO_VALIDATOR, "stdnum.<module> (any python-stdnum module, e.g. stdnum.iban)"]


def make_validator(name: str) -> Callable[[str], bool] | None:
    """The check for a validator name; None for ``none``. Raises ValueError naming the choices."""
    if name == NO_VALIDATOR:
        return None
    if name in VALIDATORS:
        module_name, reads = VALIDATORS[name]
        module = importlib.import_module(module_name)
        if reads == "digits":
            return lambda text: bool(digits := "".join(c for c in text if c.isdigit())) and module.is_valid(digits)
        return lambda text: bool(chars := "".join(c for c in text if c.isalnum()).upper()) and module.is_valid(chars)
    if _STDNUM.match(name):
        try:
            module = importlib.import_module(name)
        except ImportError:
            raise ValueError(f"{name} is not a python-stdnum module") from None
        check = getattr(module, "is_valid", None)
        if not callable(check):
            raise ValueError(f"{name} has no is_valid()")
        return lambda text: bool(check(text))
    raise ValueError(f"unknown validator {name!r} (one of {', '.join(validator_names())})")


@dataclass(frozen=True)
class RecognizerSpec:
    """One checked entry of a recognizers file (pipeline/config/recognizers.py builds these)."""

    name: str
    entity: str
    """The pdd type the matches are: a built-in type (GOVERNMENT_ID) or the file's own (EMPLOYEE_NUMBER)."""
    patterns: Sequence[tuple[str, str, float]] = ()
    """(name, regex, score), Presidio's Pattern."""
    context: Sequence[str] = ()
    deny_list: Sequence[str] = ()
    deny_list_score: float = 1.0
    validator: str = NO_VALIDATOR
    category: str | None = None
    """For a new type: the policy category that declares it (None: the policy declares it nowhere)."""
    new_type: bool = True
    lines: dict[str, int] = field(default_factory=dict, compare=False)
    """Where the entry and its keys are in the file, for errors found later (an unknown policy category)."""
