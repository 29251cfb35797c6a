"""Values over names (issue 10): a column name alone never asserts a type its values contradict,
and a field with nothing to examine gets no type from its name. Each case is a real-schema shape."""

from __future__ import annotations

import pytest

from classifiers.dataset import reference_places
from classifiers.field import FieldClassifier


@pytest.fixture(scope="module")
def fc() -> FieldClassifier:
    return FieldClassifier()


@pytest.mark.parametrize("field,values,absent", [
    # lookup and catalogue tables: a bare "Name" of kinds, categories, products
    ("Name", ["Billing", "Home", "Main Office", "Primary", "Shipping", "Archive"], "PERSON_NAME"),
    ("Name", ["Cell", "Home", "Work"], "PERSON_NAME"),
    ("Name", ["Adjustable Race", "Bearing Ball", "BB Ball Bearing", "Headset Ball Bearings", "Blade", "LL Crankarm",
              "ML Crankarm", "HL Crankarm", "Chainring Bolts", "Chainring Nut"], "PERSON_NAME"),
    # a person's name column that holds integers (an employee number)
    ("salesRepEmployeeNumber", [1370, 1166, 1611, 1504, 1165, 1286, 1612, 1216, 1702, 1401], "PERSON_NAME"),
    # a district column of numbers is not a place name
    ("district", [str(n) for n in range(1, 30)], "LOCATION"),
    # an integer foreign key named with the Italian word for street
    ("id_via", [3, 17, 254, 9, 1203, 44, 7, 88, 310, 5], "POSTAL_ADDRESS"),
    # nothing to examine: all null, one placeholder
    ("email", [None] * 20, "EMAIL_ADDRESS"),
    ("remote_user", ["-"] * 50, "USERNAME"),
    ("first_name", ["", None, "  "], "PERSON_NAME"),
])
def test_values_contradict_the_name(fc: FieldClassifier, field: str, values: list, absent: str) -> None:
    d = fc.classify(field, values, sampled=True)
    assert absent not in [e.type for e in d.entities]
    reasons = [x for c in d.candidates if c.type == absent for x in c.evidence]
    assert any("values" in r for r in reasons), reasons


@pytest.mark.parametrize("field,values,present", [
    ("Name", ["Maria Garcia", "John Smith", "Anna Müller", "Pierre Dubois", "Li Wei", "Rahul Sharma"], "PERSON_NAME"),
    ("first_name", ["山田", "佐藤", "鈴木", "高橋", "田中", "伊藤"], "PERSON_NAME"),   # scripts the lists do not cover
    ("MiddleName", ["A.", "L", "M.", "J.", "R", "C.", "E.", "S"], "PERSON_NAME"),  # initials
    ("zip", ["02134", "10001", "94105", "60601", "73301", "98101"], "POSTAL_ADDRESS"),
])
def test_values_that_do_not_contradict_keep_the_name(fc: FieldClassifier, field: str, values: list,
                                                     present: str) -> None:
    assert present in [e.type for e in fc.classify(field, values, sampled=True).entities]


def test_empty_field_is_reported_as_such(fc: FieldClassifier) -> None:
    assert fc.classify("remote_user", ["-"] * 50, sampled=True).empty == "all 50 values are '-'"
    assert fc.classify("notes", [None] * 5, sampled=True).empty == "no non-null value in 5"
    assert fc.classify("notes", [], sampled=True).empty == "no non-null value"
    assert fc.classify("notes", ["hello"], sampled=True).empty is None


def test_name_only_marks_types_without_value_evidence(fc: FieldClassifier) -> None:
    d = fc.classify("password_hash", ["x9", "y8", "z7", "q6", "w5"], sampled=True)
    assert [e.name_only for e in d.entities if e.type == "CREDENTIAL"] == [True]
    d = fc.classify("email", ["a@example.com", "b@example.org"], sampled=True)
    assert [e.name_only for e in d.entities if e.type == "EMAIL_ADDRESS"] == [False]


def test_a_table_of_places_with_nobody_at_them_is_reference_data(fc: FieldClassifier) -> None:
    regions = {"CountryRegionCode": ["US", "CA", "FR", "DE", "AU", "GB"],
               "Name": ["United States", "Canada", "France", "Germany", "Australia", "United Kingdom"]}
    decided = reference_places({f: fc.classify(f, v, sampled=True) for f, v in regions.items()})
    assert all(d.entities == [] for d in decided.values())
    people = {**regions, "email": ["a@example.com", "b@example.org", "c@example.net", "d@example.com",
                                   "e@example.com", "f@example.com"]}
    decided = reference_places({f: fc.classify(f, v, sampled=True) for f, v in people.items()})
    assert "COUNTRY" in [e.type for e in decided["CountryRegionCode"].entities]


def test_a_company_in_a_customer_name_column_is_a_company_not_a_person(fc: FieldClassifier) -> None:
    shops = ["Atelier graphique", "Signal Gift Stores", "Australian Collectors, Co.", "La Rochelle Gifts",
             "Baane Mini Imports", "Mini Gifts Distributors Ltd.", "Havel & Zbyszek Co", "Blauer See Auto, Co.",
             "Mini Wheels Co.", "Land of Toys Inc.", "Euro+ Shopping Channel", "Volvo Model Replicas, Co",
             "Danish Wholesale Imports", "Saveley & Henriot, Co.", "Dragon Souveniers, Ltd.", "Muscle Machine Inc",
             "Diecast Classics Inc.", "Technics Stores Inc.", "Handji Gifts& Co", "Herkku Gifts",
             "King Kong Collectables, Co."]
    types = [e.type for e in fc.classify("customerName", shops, sampled=True).entities]
    assert types == ["COMPANY_NAME"]
    people = ["Maria Garcia", "John Smith", "Anna Müller", "Pierre Dubois", "Rahul Sharma"] * 5
    assert [e.type for e in fc.classify("customerName", people, sampled=True).entities] == ["PERSON_NAME"]


def test_a_name_column_of_languages_names_languages(fc: FieldClassifier) -> None:
    langs = ["Arabic", "Chinese", "English", "French", "Hebrew", "Spanish", "Thai", "German"]
    assert "PERSON_NAME" not in [e.type for e in fc.classify("Name", langs, sampled=True).entities]


def test_a_person_key_makes_places_personal(fc: FieldClassifier) -> None:
    cols = {"user_id": ["1", "2", "3", "4", "5", "6"],
            "language": ["en-IN", "hi-IN", "de-DE", "fr-FR", "en-US", "es-ES"]}
    decided = reference_places({f: fc.classify(f, v, sampled=True) for f, v in cols.items()})
    assert "LANGUAGE" in [e.type for e in decided["language"].entities]
    lookup = {"CultureID": ["ar", "en", "es", "fr", "he", "th"],
              "Name": ["Arabic", "English", "Spanish", "French", "Hebrew", "Thai"]}
    decided = reference_places({f: fc.classify(f, v, sampled=True) for f, v in lookup.items()})
    assert all(d.entities == [] for d in decided.values())
