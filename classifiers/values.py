"""What a field's values are as a whole, beside what recognizers find in them one by one.

Name evidence is checked against this profile (classifiers/decide.py): a field
named for a person whose values are all integers (``salesRepEmployeeNumber``,
named "sales rep"), an address column that is an integer foreign key, or a
column with nothing to examine (every value null, empty, or one placeholder
such as ``-``) gets no type from its name alone.

URLs are judged as a field too (entities.md: a URL tied to a visit, a referrer
or a landing page). Visits come back to the same few sites, with paths and
queries that vary; a column where nearly every value is another site (one
organisation's home page, feed or contact form per row: ``url``, ``rss_url``,
``PurchasingWebServiceURL``) is a directory of sites, not browsing data. And
one URL that recurs in every document of a text field that holds one (a
manufacturer's site in a catalogue XML, a footer link) is boilerplate, not a
visit.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass

from classifiers.recognizers import mailboxes

#: Values that stand for "nothing here" in real stores and logs (the combined log format's ``-``).
PLACEHOLDERS = frozenset({"-", "--", "n/a", "na", "null", "none", "nil", "?", "unknown", "(null)"})
_NUMBER = re.compile(r"[+-]?\d+(?:[.,]\d+)?")
_WORDS = re.compile(r"[^\W\d_][^\W\d_.'’-]*\.?(?:[ _]+[^\W\d_][^\W\d_.'’-]*\.?){1,4}(?:\s*\([^()]{1,40}\))?")
#: a whole value that is a URL; its host is group 1, what follows the host group 2
_WHOLE_URL = re.compile(r"(?:(?:https?|ftp)://|(?=www\.))([^/?#\s:]+)(?::\d+)?(\S*)", re.IGNORECASE)
_TEXT_URL = re.compile(r"""(?<![\w.+-])(?:(?:https?|ftp)://|www\.)[^\s<>"'`]*[^\s<>"'`.,;:!?)\]]""",
                       re.IGNORECASE)
#: what comes right before an XML namespace URI (the URL recognizer drops these too)
_NAMESPACE = re.compile(r"""(?:xmlns(?::[\w.-]+)?|schemaLocation|targetNamespace)\s*=\s*["']$""", re.IGNORECASE)
#: least URL values for a directory of sites; from this many on, distinct hosts alone decide
URL_MIN = 5
URL_MANY = 20
#: least share of distinct hosts among URL values for a directory of sites
URL_DISTINCT = 0.9
#: least texts holding the same one URL for it to be boilerplate
URL_MIN_TEXTS = 3
#: a share of the values at or above which the field "is" numbers
MOSTLY = 0.9


@dataclass(frozen=True)
class ValueProfile:
    examined: int
    #: share of examined values that are plain numbers (integers or decimals)
    numeric: float
    #: share of examined values whose digit count is the field's most common one (postal codes: ~1.0)
    same_length: float
    #: why there is nothing to examine (all null or empty, or one placeholder), else None
    empty: str | None
    #: share of values written in Latin script only (the name lists' coverage; CJK names are not in them)
    latin: float = 1.0
    #: share of values that are initials ("A.", "J"): parts of names the lists cannot confirm
    initials: float = 0.0
    #: share of values that are 2-5 words of letters, optionally with a parenthesised note (``Ron Shaw
    #: (Ohio)``, ``Ana_Lima``), or display names beside addresses and lists of names (``Public, Jane
    #: </O=ACME/...>``): the shape of full names, beside lists that confirm them one by one
    multiword: float = 0.0
    #: values that are a whole URL (``https://...``, ``www....``), their distinct hosts, and how many are a
    #: site's root (no path beyond ``/``, no query)
    url_values: int = 0
    url_hosts: int = 0
    url_roots: int = 0
    #: longer texts that hold a URL (XML namespaces aside), and the distinct URLs they hold
    text_url_values: int = 0
    text_urls: int = 0
    #: share of values that are mail routes with no display name (``jane@example.com``, an X.500 path alone):
    #: in a header column they stand beside display names and cannot hold one
    nameless: float = 0.0

    @property
    def url_directory(self) -> bool:
        """Nearly every URL value is another site: links to organisations, not visits."""
        if self.url_values < URL_MIN or self.url_values < MOSTLY * self.examined:
            return False
        many = self.url_values >= URL_MANY or self.url_roots >= MOSTLY * self.url_values
        return many and self.url_hosts >= URL_DISTINCT * self.url_values

    @property
    def url_boilerplate(self) -> bool:
        """The same one URL in every text that holds one: a template's link, not a visit."""
        return self.text_url_values >= URL_MIN_TEXTS and self.text_urls == 1

    @property
    def numbers(self) -> bool:
        return self.examined > 0 and self.numeric >= MOSTLY

    @property
    def codes(self) -> bool:
        """Fixed-width numbers (postal codes, PINs), not counters or keys of varying width."""
        return self.numbers and self.same_length >= MOSTLY


def profile(counts: Counter[str], nulls: int = 0) -> ValueProfile:
    """The profile of a sample given as distinct non-blank texts with their counts (``nulls``: the rest)."""
    examined = sum(counts.values())
    if not examined:
        return ValueProfile(0, 0.0, 0.0, f"no non-null value in {nulls}" if nulls else "no non-null value")
    if len(counts) == 1:
        only = next(iter(counts)).strip()
        if only.lower() in PLACEHOLDERS:
            return ValueProfile(examined, 0.0, 0.0, f"all {examined} values are '{only}'")
    numeric = sum(n for t, n in counts.items() if _NUMBER.fullmatch(t.strip()))
    widths: Counter[int] = Counter()
    for t, n in counts.items():
        if _NUMBER.fullmatch(t.strip()):
            widths[len(t.strip())] += n
    top = widths.most_common(1)[0][1] if widths else 0
    latin = sum(n for t, n in counts.items() if all(_latin(c) for c in t if c.isalpha()))
    initials = sum(n for t, n in counts.items() if _INITIAL.fullmatch(t.strip()))
    multiword = nameless = 0
    for t, n in counts.items():
        if _WORDS.fullmatch(t.strip()):
            multiword += n
            continue
        found = _mailboxes(t)
        if found and any(e.end > e.start for e in found):
            multiword += n
        elif found:
            nameless += n
    return ValueProfile(examined, numeric / examined, top / examined, None, latin / examined, initials / examined,
                        multiword / examined, **_urls(counts), nameless=nameless / examined)


def _urls(counts: Counter[str]) -> dict[str, int]:
    """What the URLs of a field say as a whole (see ValueProfile.url_directory and url_boilerplate)."""
    values = roots = texts = 0
    hosts: set[str] = set()
    found: set[str] = set()
    for text, n in counts.items():
        t = text.strip()
        if "/" not in t and "www" not in t.lower():
            continue
        if m := _WHOLE_URL.fullmatch(t):
            values += n
            hosts.add(m.group(1).lower().removeprefix("www."))
            roots += n if m.group(2) in ("", "/") else 0
            continue
        urls = {m.group(0).lower().rstrip("/") for m in _TEXT_URL.finditer(t)
                if not _NAMESPACE.search(t, max(0, m.start() - 40), m.start())}
        if urls:
            texts += n
            found |= urls
    return {"url_values": values, "url_hosts": len(hosts), "url_roots": roots, "text_url_values": texts,
            "text_urls": len(found)}


_INITIAL = re.compile(r"[^\W\d_]{1,2}\.?")


def _mailboxes(text: str) -> list[mailboxes.Element] | None:
    """The elements of a mail header or contact value (``Public, Jane </O=ACME/...>``, ``jane@example.com``),
    or of a list of names (``Tim Belden, John Arnold``; classifiers/recognizers/mailboxes.py); None for others.
    A display name of words counts as multi-word; a value of routes only is ``nameless``."""
    if not any(c in text for c in ",;<=/@"):
        return None
    return mailboxes.elements(text)


def _latin(c: str) -> bool:
    return c.isascii() or "LATIN" in unicodedata.name(c, "")
