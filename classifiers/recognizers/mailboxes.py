"""Mailbox values: display names beside addresses, directory paths, and lists of them (mail headers, CRM contacts).

A ``From``/``To``/``Cc`` header, its ``X-`` display form (Enron's ``X-From:
Phillip K Allen``, ``X-To: Allen, Phillip K. </O=ENRON/OU=NA/CN=RECIPIENTS/CN=PALLEN>``)
and a CRM contact column hold values whose person part is the display name,
not the address. This module only reads the syntax; which display names are
person names is person_name.py's call (the name lists). One value is a list
of *elements*; each element is a display name, a route, or both:

- ``"Jane Public" <jane@example.com>``, ``Jane Public <jane@example.com>``: RFC 5322 name-addr;
- ``Public, Jane </O=ACME/OU=NA/CN=RECIPIENTS/CN=JPUBLIC>``: an Exchange X.500 path;
- ``Tim Belden/HOU/ECT@ECT``, ``Tim Belden <Tim Belden/HOU/ECT@ECT>``: a Lotus Notes hierarchical name;
- ``CN=Jane Public,OU=Sales,DC=acme,DC=com``: an LDAP distinguished name (the CN is the name);
- ``jane@example.com``, ``</O=ACME/.../CN=JPUBLIC>``: a route with no name.

Elements are separated by ``;`` or ``,`` outside quotes and angle brackets.
A comma is also how ``Family, Given`` is written, so two neighbouring parts are
one reversed name when the caller's ``reversed_name(family, given)`` says so
(person_name.py asks its lexicon: ``Public, Jane`` is one name, ``Tim Belden,
John Arnold`` two). A value is a mailbox value only when every element has
this shape (a few name-like words and/or a route); free text with commas is not.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

#: longest value read as a header (a long To: list); longer text is prose or a document
MAX_CHARS = 4_000
MAX_ELEMENTS = 200
#: most words in one display name
MAX_NAME_WORDS = 5
#: longest value with no route read as a list of names
MAX_BARE = 1_000
#: longest element (a display name and its route)
MAX_PART = 320

_DISPLAY_WORD = re.compile(r"[^\W\d_][\w.'’-]*\.?|[^\W\d_]")
_ADDRESS = re.compile(r"[\w.!#$%&'*+/=?^`{|}~-]+@[\w-]+(?:\.[\w-]+)*")
_X500 = re.compile(r"/\s*o=[^<>]*?/cn=([^/<>]+)\s*", re.IGNORECASE)
#: Lotus Notes: ``Tim Belden/HOU/ECT@ECT``, ``Mark Taylor/ENRON@enronxgate`` (a name, org units, a domain)
_NOTES = re.compile(r"([^\W\d_][^/@<>\"]*?)\s*(?:/[\w .&-]+)+@[\w.-]+")
_NAME_ADDR = re.compile(r"(?P<display>[^<>]*?)\s*<(?P<route>[^<>]*)>\s*(?:@[\w.-]+)?")
_LDAP = re.compile(r"\s*cn=(?P<cn>(?:\\.|[^,\\;])+)(?:\s*,\s*(?:cn|ou|o|dc|l|st|c)=(?:\\.|[^,\\;])*)+\s*",
                   re.IGNORECASE)
_ALIAS_LETTERS = re.compile(r"[\W\d_]+")
#: what a separator search skips whole: a quoted string, an angle-bracket route, an escaped character
_TOKENS = re.compile(r'"(?:\\.|[^"\\])*"?|<[^<>]*>?|\\.|[,;]')
#: a value with no route can only be a list of names: words, and the separators between them
_BARE_LIST = re.compile(r"(?:[^\W\d]|[ .'’\"-])+(?:[,;](?:[^\W\d]|[ .'’\"-])+)+")


@dataclass(frozen=True)
class Element:
    #: the display name's span in the value (start == end: no name)
    start: int
    end: int
    #: "address", "x500", "notes", "ldap" or None (a bare name)
    route: str | None = None
    #: the mailbox's own name for its owner, folded to letters: an address's local part, the X.500 CN
    alias: str = ""


def elements(text: str, reversed_name: Callable[[str, str], bool] | None = None) -> list[Element] | None:
    """The elements of a mailbox value, or None when ``text`` is not one (see the module docstring).

    A single bare name with no route (``Jane Public``, ``Public, Jane``) is not a mailbox value: it is a
    plain value, read as such."""
    stripped = text.strip()
    if not stripped or len(text) > MAX_CHARS or "\n" in stripped:
        return None
    if not any(c in stripped for c in "@<=/") and (len(stripped) > MAX_BARE or not _BARE_LIST.fullmatch(stripped)):
        return None  # no route, and not a short run of words between commas: prose, a number, a code
    out: list[Element] = []
    for a, b in _split(text, ";"):
        ldap = _LDAP.fullmatch(text, a, b) if "=" in text[a:b] else None
        if ldap:
            cn_start, cn_end = _trim(text, ldap.start("cn"), ldap.end("cn"))
            out.append(Element(cn_start, cn_end, "ldap", ""))
            continue
        parts = []
        for x, y in _split(text, ",", a, b):
            part = _element(text, x, y)
            if part is None:
                return None  # one element of another shape: not a mailbox value
            parts.append(part)
        out += _merge(text, parts, reversed_name)
        if len(out) > MAX_ELEMENTS:
            return None
    if not out or (len(out) == 1 and out[0].route is None):
        return None
    return out


def _capitalized(name: str) -> bool:
    """All words but one start with a capital (``JANE PUBLIC``, ``Jane van Dam``): a name, not a clause
    (``Hi Priya, your order has shipped`` is a sentence with a comma, not a list of names)."""
    words = name.replace(",", " ").split()
    return sum(w[0].isupper() for w in words) >= max(1, len(words) - 1)


def _split(text: str, sep: str, lo: int = 0, hi: int | None = None) -> list[tuple[int, int]]:
    """Spans of ``text[lo:hi]`` between top-level ``sep`` characters (not in quotes, angle brackets or escapes)."""
    hi = len(text) if hi is None else hi
    spans, start = [], lo
    for m in _TOKENS.finditer(text, lo, hi):
        if m.group() == sep:
            spans.append((start, m.start()))
            start = m.end()
    spans.append((start, hi))
    return [(a, b) for a, b in spans if text[a:b].strip()]


def _trim(text: str, a: int, b: int) -> tuple[int, int]:
    """``a, b`` narrowed past white space and the quotes around a display name."""
    while a < b and (text[a].isspace() or text[a] in "\"'"):
        a += 1
    while b > a and (text[b - 1].isspace() or text[b - 1] in "\"'"):
        b -= 1
    return a, b


def _element(text: str, a: int, b: int) -> Element | None:
    a, b = _trim(text, a, b)
    if b - a > MAX_PART:
        return None
    m = _NAME_ADDR.fullmatch(text, a, b) if text.endswith(">", a, b) or "@" in text[a:b] else None
    if m:
        route = _route(m.group("route").strip())
        if route is None:
            return None
        kind, alias = route
        d0, d1 = _trim(text, m.start("display"), m.end("display"))
        if kind == "notes" and d0 == d1:  # <Tim Belden/HOU/ECT@ECT>: the Notes name is the display name
            n = _NOTES.fullmatch(m.group("route").strip())
            off = m.start("route") + len(m.group("route")) - len(m.group("route").lstrip())
            d0, d1 = off + n.start(1), off + n.end(1)  # type: ignore[union-attr]  # kind 'notes' means _NOTES matched this route
        return Element(d0, d1, kind, alias) if _display(text[d0:d1]) else None
    value = text[a:b]
    if "@" in value and _ADDRESS.fullmatch(value):
        return Element(a, a, "address", _letters(value.partition("@")[0]))
    x500 = _X500.fullmatch(value) if value.startswith("/") else None
    if x500:
        return Element(a, a, "x500", _letters(x500.group(1)))
    n = _NOTES.fullmatch(value) if "/" in value and "@" in value else None
    if n and _display(n.group(1)):
        return Element(a + n.start(1), a + n.end(1), "notes", "")
    return Element(a, b, None, "") if value and _display(value) and _capitalized(value) else None


def _route(route: str) -> tuple[str, str] | None:
    """(kind, folded alias) of what stands in angle brackets, None when it is not a mail route."""
    if _ADDRESS.fullmatch(route):
        return "address", _letters(route.partition("@")[0])
    x500 = _X500.fullmatch(route)
    if x500:
        return "x500", _letters(x500.group(1))
    if _NOTES.fullmatch(route):
        return "notes", ""
    return None


def _letters(alias: str) -> str:
    return _ALIAS_LETTERS.sub("", alias).casefold()


def _display(name: str) -> bool:
    """A display name: empty, or a few words of letters (a comma inside quotes is a reversed name)."""
    words = name.replace(",", " ").split()
    return len(words) <= MAX_NAME_WORDS and all(_DISPLAY_WORD.fullmatch(w) for w in words)


def _merge(text: str, parts: list[Element], reversed_name: Callable[[str, str], bool] | None) -> list[Element]:
    """Neighbouring ``Family`` and ``Given [<route>]`` parts joined into one element when they are one name."""
    out: list[Element] = []
    i = 0
    while i < len(parts):
        p = parts[i]
        nxt = parts[i + 1] if i + 1 < len(parts) else None
        if (reversed_name is not None and nxt is not None and p.route is None and nxt.end > nxt.start
                and len(text[p.start:p.end].split()) <= 2
                and reversed_name(text[p.start:p.end], text[nxt.start:nxt.end])):
            out.append(Element(p.start, nxt.end, nxt.route, nxt.alias))
            i += 2
            continue
        out.append(p)
        i += 1
    return out
