"""COMPANY_NAME: a legal-form suffix makes a company name; brand names alone and words like "Co." in text do not."""

from __future__ import annotations

import pytest

from classifiers.recognizers.generic.company_name import CompanyNameRecognizer
from classifiers.recognizers.strength import MEDIUM, VERY_WEAK, WEAK

NONE = 0.0


@pytest.mark.parametrize("text,score", [
    ("Kesar Organics Pvt Ltd", MEDIUM),
    ("Kesar Organics Pvt. Ltd.", MEDIUM),
    ("Infosys Private Limited", MEDIUM),
    ("Indigo Threads LLP", MEDIUM),
    ("Acme Inc.", MEDIUM),
    ("Oasis Dates Trading LLC", MEDIUM),
    ("Lumen Candles GmbH", MEDIUM),
    ("Bosch Software GmbH & Co. KG", MEDIUM),
    ("Ferrero S.p.A.", MEDIUM),
    ("Philips B.V.", MEDIUM),
    ("Harbour & Pine Pte Ltd", MEDIUM),
    ("Siemens AG", WEAK),                     # short forms are also initials
    ("Zari & Co", WEAK),
    ("Nestlé SA", WEAK),
    ("she works at Kesar Organics Pvt Ltd in Pune", WEAK),
    ("Masala Box Foods", VERY_WEAK),          # a business word: agrees with a company column, no more
    ("Sattva Technologies", VERY_WEAK),
    # near-misses
    ("UrbanKurta", NONE),                     # a brand without a legal form: the column name decides
    ("Ltd", NONE),
    ("LLC", NONE),
    ("Limited edition kurta", NONE),
    ("incorporated", NONE),
    ("ag", NONE),
    ("the inc. was removed", NONE),
])
def test_company_name(text: str, score: float, scored) -> None:
    assert scored(CompanyNameRecognizer, text)[0] == score
