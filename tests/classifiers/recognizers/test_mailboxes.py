"""Mailbox values: the display names and routes of mail headers and contact columns, element by element.

The forms are those of real headers (the Enron mail corpus's ``X-From``/``X-To``
display forms: Exchange X.500 paths and Lotus Notes names) and of directory
exports (LDAP distinguished names). Reversed ``Family, Given`` names are told
from lists with person_name.reversed_name (the name lexicon).
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from classifiers.recognizers import mailboxes
from classifiers.recognizers.generic.person_name import reversed_name


def _read(text: str) -> list[tuple[str, str | None]] | None:
    found = mailboxes.elements(text, reversed_name)
    return None if found is None else [(text[e.start:e.end], e.route) for e in found]


@pytest.mark.parametrize("text,expected", [
    ('"Jane Public" <jane@example.com>', [("Jane Public", "address")]),
    ("Jane Public <jane@example.com>", [("Jane Public", "address")]),
    ("Public, Jane </O=ACME/OU=NA/CN=RECIPIENTS/CN=JPUBLIC>", [("Public, Jane", "x500")]),
    ("Allen, Phillip K. </O=ENRON/OU=NA/CN=RECIPIENTS/CN=Pallen>", [("Allen, Phillip K.", "x500")]),
    ('"Allen, Phillip K." <phillip.allen@enron.com>', [("Allen, Phillip K.", "address")]),
    ('"Kim Ward" <kim.ward@enron.com>@ENRON', [("Kim Ward", "address")]),
    ("Tim Belden/HOU/ECT@ECT", [("Tim Belden", "notes")]),
    ("Tim Belden <Tim Belden/HOU/ECT@ECT>", [("Tim Belden", "notes")]),
    ("Mark Taylor <Mark Taylor/ENRON@enronxgate>", [("Mark Taylor", "notes")]),
    ("CN=Jane Public,OU=Sales,DC=acme,DC=com", [("Jane Public", "ldap")]),
    (r"CN=Public\, Jane,OU=Sales,DC=acme,DC=com", [(r"Public\, Jane", "ldap")]),
    # lists: per element
    ("Tim Belden, John Arnold, Mary Smith", [("Tim Belden", None), ("John Arnold", None), ("Mary Smith", None)]),
    ('jane@example.com; "Bob Jones" <bob@example.org>', [("", "address"), ("Bob Jones", "address")]),
    ("Allen, Phillip K </O=ENRON/OU=NA/CN=RECIPIENTS/CN=PALLEN>, Belden, Tim </O=ENRON/OU=NA/CN=RECIPIENTS/CN=TBELDEN>",
     [("Allen, Phillip K", "x500"), ("Belden, Tim", "x500")]),
    ("Phillip K Allen <Phillip K Allen/HOU/ECT@ECT>, Jeffrey A Shankman <Jeffrey A Shankman/HOU/ECT@ECT>",
     [("Phillip K Allen", "notes"), ("Jeffrey A Shankman", "notes")]),
    ("Smith, John; Doe, Jane", [("Smith, John", None), ("Doe, Jane", None)]),
    ("</O=ACME/OU=NA/CN=RECIPIENTS/CN=JPUBLIC>", [("", "x500")]),
    ("noreply@example.com", [("", "address")]),
    ('"Support" <support@example.com>', [("Support", "address")]),     # a mailbox; its name is person_name's call
    # not mailbox values: a plain value, prose, markup
    ("Jane Public", None),
    ("Public, Jane", None),                                            # one reversed name: a plain value
    ("Hi Priya, your order has shipped", None),                        # a sentence with a comma
    ("Regards, Karthik", None),
    ("Delivered to 12 Main St, Springfield", None),
    ("<ns:Resume xmlns:ns=\"http://schemas.example.com/r\"><ns:Name>Jane</ns:Name></ns:Resume>", None),
    ("a < b, c > d", None),
    ("Jane Public <not an address>", None),
    ("N/A", None),
    ("", None),
])
def test_elements(text: str, expected: list[tuple[str, str | None]] | None) -> None:
    assert _read(text) == expected


@pytest.mark.parametrize("family,given_,expected", [
    ("Public", "Jane", True),
    ("Allen", "Phillip K", True),
    ("van Dam", "Anna", True),
    ("Tim Belden", "John Arnold", False),    # two full names
    ("Tim", "John Arnold", False),           # the second part is a whole name
    ("Paris", "France", False),              # no known given name after the comma
    ("Acme Ltd", "Jane", False),             # a company word
    ("public", "Jane", False),               # not capitalized: a clause
])
def test_reversed_name(family: str, given_: str, expected: bool) -> None:
    assert reversed_name(family, given_) is expected


_NAME = st.sampled_from(["Jane Public", "Phillip K Allen", "Anna Müller", "Ravi Kumar", "Tim Belden"])
_LOCAL = st.from_regex(r"[a-z][a-z0-9._-]{0,15}[a-z0-9]", fullmatch=True).filter(lambda s: ".." not in s)


@settings(max_examples=150, deadline=None)
@given(names=st.lists(_NAME, min_size=1, max_size=4), local=_LOCAL, quote=st.sampled_from(['"', "'", ""]),
       sep=st.sampled_from([", ", "; ", ",", ";"]))
def test_any_header_list_gives_each_display_name(names: list[str], local: str, quote: str, sep: str) -> None:
    """However a list of name-addr mailboxes is quoted and separated, each display name is one element."""
    text = sep.join(f"{quote}{n}{quote} <{local}{i}@example.com>" for i, n in enumerate(names))
    assert _read(text) == [(n, "address") for n in names]
