"""The recognizers the engine loads: one entry per recognizer.

A new entity type touches four places: its recognizer file, one entry here,
one test table (tests/classifiers/...), one row in docs/entities (kept in
agreement by tests/classifiers/test_registry.py).
"""

from presidio_analyzer import EntityRecognizer

from classifiers.recognizers.generic.credit_card import CreditCardRecognizer
from classifiers.recognizers.generic.email import EmailRecognizer
from classifiers.recognizers.generic.ip_address import IpAddressRecognizer
from classifiers.recognizers.generic.phone import PhoneRecognizer
from classifiers.recognizers.generic.url import UrlRecognizer

RECOGNIZERS: tuple[type[EntityRecognizer], ...] = (
    CreditCardRecognizer,
    EmailRecognizer,
    IpAddressRecognizer,
    PhoneRecognizer,
    UrlRecognizer,
)
