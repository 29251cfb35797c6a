"""Whole columns through FieldClassifier under a neutral name: the recognizers together assert the right type
and nothing for columns of look-alikes (order ids vs Aadhaar, versions vs IPs, products vs cities, ...).

Values are generated with a fixed seed; the column name says nothing ("col_x"),
so only value evidence decides (classifiers/decide.py, default threshold).
"""

from __future__ import annotations

import random
import uuid

import pytest
from stdnum import verhoeff

from classifiers.field import FieldClassifier

_RNG = random.Random(3)


def _digits(n: int) -> str:
    return "".join(_RNG.choice("0123456789") for _ in range(n))


def _pick(*choices: str) -> list[str]:
    return [_RNG.choice(choices) for _ in range(200)]


COLUMNS = {
    # look-alikes: nothing asserted
    "12-digit order ids": ([str(_RNG.randint(2 * 10**11, 10**12 - 1)) for _ in range(200)], []),
    "15-digit order ids": ([str(_RNG.randint(3 * 10**14, 4 * 10**14)) for _ in range(200)], []),
    "versions": ([f"{_RNG.randint(1, 12)}.{_RNG.randint(0, 20)}.{_RNG.randint(0, 99)}.{_RNG.randint(0, 999)}"
                  for _ in range(200)], []),
    "prices": ([f"{_RNG.randint(10, 9999)}.{_RNG.randint(0, 99):02d}" for _ in range(200)], []),
    "event timestamps": ([f"2026-{_RNG.randint(1, 12):02d}-{_RNG.randint(1, 28):02d}T{_RNG.randint(0, 23):02d}:"
                          f"{_digits(2)}:00Z" for _ in range(200)], []),
    "products with places": (_pick("Delhi Belly Snacks", "Mumbai Masala Mix", "Goa Cashews 500g", "Kashmir Saffron",
                                   "Mysore Sandal Soap", "Rose Gold Watch", "Blue Cotton Kurta"), []),
    "quantities": ([str(_RNG.randint(1, 9999)) for _ in range(200)], []),
    "unix times": ([str(_RNG.randint(1_600_000_000, 1_760_000_000)) for _ in range(200)], []),
    "uuids": ([str(uuid.UUID(int=_RNG.getrandbits(128), version=4)) for _ in range(200)], []),
    "md5 checksums": ([f"{_RNG.getrandbits(128):032x}" for _ in range(200)], []),
    "statuses": (_pick("active", "pending", "shipped", "cancelled", "IN", "US", "no", "yes"), []),
    "sizes": (_pick("10/12", "12/14", "S", "M", "L", "XL", "03-04", "1/2"), []),
    "feedback": (_pick("Thanks for the quick delivery!", "Item arrived damaged, need replacement",
                       "Where is my order? It's been 5 days", "Please cancel order 123456789012"), []),
    # the real thing: asserted on values alone
    "names": ([f"{_RNG.choice(['Ravi', 'Priya', 'Anna', 'Arjun', 'Sneha', 'Liam'])} "
               f"{_RNG.choice(['Kumar', 'Sharma', 'Iyer', 'Nair', 'Müller', 'Patel'])}" for _ in range(200)],
              ["PERSON_NAME"]),
    "indian mobiles": ([f"9{_digits(9)}" for _ in range(200)], ["PHONE_NUMBER"]),
    "aadhaar": ([(b := str(_RNG.randint(2, 9)) + _digits(10)) + verhoeff.calc_check_digit(b) for _ in range(200)],
                ["GOVERNMENT_ID"]),
    "cities": (_pick("Mumbai", "Pune", "Bengaluru", "Chennai", "Kochi", "Jaipur"), ["LOCATION"]),
    "time zones": (_pick("Asia/Kolkata", "Europe/London", "America/New_York", "Asia/Dubai"), ["TIME_ZONE"]),
    "locales": (_pick("en-IN", "hi-IN", "ta-IN", "en-US", "de-DE"), ["LANGUAGE"]),
    "ips": ([f"{_RNG.randint(11, 223)}.{_RNG.randint(0, 255)}.{_RNG.randint(0, 255)}.{_RNG.randint(1, 254)}"
             for _ in range(200)], ["IP_ADDRESS"]),
}


@pytest.fixture(scope="module")
def classifier(analyzer) -> FieldClassifier:
    return FieldClassifier(analyzer=analyzer)


@pytest.mark.parametrize("column", list(COLUMNS))
def test_column_asserts_only_its_type(column: str, classifier: FieldClassifier) -> None:
    values, expected = COLUMNS[column]
    decision = classifier.classify("col_x", values)
    assert [e.type for e in decision.entities] == expected, decision.candidates[:3]


# Mail headers, contact columns and team columns (issue 19): the names beside addresses are PERSON_NAME, the
# addresses EMAIL_ADDRESS; role and company mailboxes, product and city lists are not names.
_GIVEN = ("Phillip", "Jane", "Mary", "John", "Anna", "Ravi", "Sara", "Daniel", "Laura", "Peter")
_FAMILY = ("Allen", "Smith", "Kumar", "Müller", "Johnson", "Garcia", "Wilson", "Fischer", "Nair", "Moreno")


def _person() -> tuple[str, str, str]:
    """(given, middle initial, family)."""
    return _RNG.choice(_GIVEN), _RNG.choice("ABCDEFGHJKLMNPRSTW"), _RNG.choice(_FAMILY)


def _column(make) -> list[str]:
    return [make(*_person()) for _ in range(200)]


MAIL_COLUMNS = {
    "X-From display names": (_column(lambda g, m, f: f"{g} {m} {f}"), {"PERSON_NAME"}),
    "From name-addr": (_column(lambda g, m, f: f'"{g} {f}" <{g.lower()}.{f.lower()}@example.com>'),
                       {"PERSON_NAME", "EMAIL_ADDRESS"}),
    "X-To Exchange X.500": (_column(lambda g, m, f: f"{f}, {g} {m} </O=ACME/OU=NA/CN=RECIPIENTS/CN={g[0]}{f.upper()}>"),
                            {"PERSON_NAME"}),
    "X-To Lotus Notes": (_column(lambda g, m, f: f"{g} {m} {f} <{g} {m} {f}/HOU/ECT@ECT>"), {"PERSON_NAME"}),
    "LDAP distinguished names": (_column(lambda g, m, f: f"CN={g} {f},OU=Sales,DC=acme,DC=com"), {"PERSON_NAME"}),
    "To lists": ([", ".join(f'"{g} {f}" <{g.lower()}{i}@example.com>' for i, (g, _, f) in
                            enumerate(_person() for _ in range(_RNG.randint(1, 4)))) for _ in range(200)],
                 {"PERSON_NAME", "EMAIL_ADDRESS"}),
    "Cc lists of names": ([", ".join(f"{g} {f}" for g, _, f in (_person() for _ in range(_RNG.randint(2, 4))))
                           for _ in range(200)], {"PERSON_NAME"}),
    "mixed header forms": ([_RNG.choice([f"{g} {m} {f}", f'"{g} {f}" <{g[0].lower()}{f.lower()}@example.com>',
                                         f"{f}, {g} </O=ACME/OU=NA/CN=RECIPIENTS/CN={g[0]}{f}>",
                                         f"{g.lower()}.{f.lower()}@example.com"])
                            for g, m, f in (_person() for _ in range(200))], {"PERSON_NAME", "EMAIL_ADDRESS"}),
    # near-misses
    "role mailboxes": (_pick('"Support" <support@example.com>', "noreply@example.com",
                             '"Billing" <billing@example.com>',
                             '"Customer Service" <customer.service@example.com>', "Sales Team <sales.team@example.com>",
                             "postmaster@example.org"), {"EMAIL_ADDRESS"}),
    "company mailboxes": (_pick("Acme Ltd <sales@acme.com>", "Indigo Threads LLP <hello@indigothreads.in>",
                                "Enron Announcements <announcements@enron.com>", "Globex Corp <info@globex.com>"),
                          {"EMAIL_ADDRESS"}),
    "product lists": (_pick("Blue Cotton Kurta, Rose Gold Watch", "Masala Chai 250g, Goa Cashews 500g",
                            "Kashmir Saffron, Mysore Sandal Soap, Blue Cotton Kurta"), set()),
    "city lists": (_pick("Mumbai, Pune, Chennai", "New Delhi, Mumbai", "Kochi, Jaipur", "Pune, Bengaluru"),
                   {"LOCATION"}),
    "placeholders": (_pick("N/A", "-", "none"), set()),
    "teams": (_pick("Norway-3", "Norway 2", "Czechia/Slovakia", "Germany 1990", "USA (B)", "Sweden II",
                    "Brazil-2", "France 1998"), {"COUNTRY"}),
    "city teams": (_pick("London-3", "Paris 2", "Berlin 1990", "Oslo/Bergen", "Madrid (B)"), set()),
}


@pytest.mark.parametrize("column", list(MAIL_COLUMNS))
def test_mail_and_team_columns(column: str, classifier: FieldClassifier) -> None:
    values, expected = MAIL_COLUMNS[column]
    decision = classifier.classify("col_x", values)
    assert {e.type for e in decision.entities} == expected, decision.candidates[:3]


@pytest.mark.parametrize("field", ["team", "squad", "nationality", "national_team"])
def test_a_team_column_of_countries_is_country_whatever_its_name(field: str, classifier: FieldClassifier) -> None:
    """``team`` says "not personal" for most columns; values that are all countries say more."""
    values = _pick("Norway-3", "Norway 2", "Czechia/Slovakia", "Germany 1990", "USA (B)", "Sweden")
    assert "COUNTRY" in {e.type for e in classifier.classify(field, values).entities}


def test_a_team_column_of_clubs_is_not_country(classifier: FieldClassifier) -> None:
    values = _pick("Team A", "Team B", "Red Devils", "Blue Jays", "Squad 3", "Norway-3")
    assert "COUNTRY" not in {e.type for e in classifier.classify("team", values).entities}
