"""The recognizers the engine loads: one entry per recognizer, each emitting pdd entity names.

A new entity type touches four places: its recognizer file, one entry here,
one test table (tests/classifiers/recognizers/...), one row in
docs/entities.md (kept in agreement by tests/classifiers/test_registry.py).

AGE's recognizer reads only ages the value says are ages (``aged 9``, ``6 months``):
small integers say nothing on their own. USERNAME's
recognizer reads only the context logs write around an account name
(``for user root``, ``/home/alice/``, ``alice@build-7``), never a bare handle,
and USERNAME is not a CONTRADICTING_TYPE, so a well-named column whose bare
handles it does not match is not marked as contradicted (classifiers/decide.py).
"""

from presidio_analyzer import EntityRecognizer

from classifiers.recognizers.country.india.aadhaar import AadhaarRecognizer
from classifiers.recognizers.country.india.driving_licence import DrivingLicenceRecognizer
from classifiers.recognizers.country.india.pan import PanRecognizer
from classifiers.recognizers.country.india.passport import PassportRecognizer
from classifiers.recognizers.country.india.pin_code import PinCodeRecognizer
from classifiers.recognizers.country.india.voter_id import VoterIdRecognizer
from classifiers.recognizers.country.us.ssn import SsnRecognizer
from classifiers.recognizers.country.us.zip_code import ZipCodeRecognizer
from classifiers.recognizers.generic.advertising_id import AdvertisingIdRecognizer
from classifiers.recognizers.generic.age import AgeRecognizer
from classifiers.recognizers.generic.card_expiry import CardExpiryRecognizer
from classifiers.recognizers.generic.card_last_four import CardLastFourRecognizer
from classifiers.recognizers.generic.company_name import CompanyNameRecognizer
from classifiers.recognizers.generic.cookie_id import CookieIdRecognizer
from classifiers.recognizers.generic.country import CountryRecognizer
from classifiers.recognizers.generic.credential import CredentialRecognizer
from classifiers.recognizers.generic.credit_card import CreditCardRecognizer
from classifiers.recognizers.generic.date_of_birth import DateOfBirthRecognizer
from classifiers.recognizers.generic.device_info import DeviceInfoRecognizer
from classifiers.recognizers.generic.email import EmailRecognizer
from classifiers.recognizers.generic.geo_coordinates import GeoCoordinatesRecognizer
from classifiers.recognizers.generic.imei import ImeiRecognizer
from classifiers.recognizers.generic.ip_address import IpAddressRecognizer
from classifiers.recognizers.generic.language import LanguageRecognizer
from classifiers.recognizers.generic.location import LocationRecognizer
from classifiers.recognizers.generic.mac_address import MacAddressRecognizer
from classifiers.recognizers.generic.mobile_network import MobileNetworkRecognizer
from classifiers.recognizers.generic.person_name import PersonNameRecognizer
from classifiers.recognizers.generic.phone import PhoneRecognizer
from classifiers.recognizers.generic.postal_address import PostalAddressRecognizer
from classifiers.recognizers.generic.time_zone import TimeZoneRecognizer
from classifiers.recognizers.generic.url import UrlRecognizer
from classifiers.recognizers.generic.user_agent import UserAgentRecognizer
from classifiers.recognizers.generic.username import UsernameRecognizer

#: Types whose recognizers match every well-formed value, so that a column named for the type whose values never
#: match is evidence against the name (classifiers/decide.py's CONTRADICTED_NAME). For every other type an
#: unmatched value proves nothing: names, places and companies outside the lists, plaintext passwords, ids of
#: countries without a recognizer. field.py should pass these as decide()'s value_types.
CONTRADICTING_TYPES: frozenset[str] = frozenset({
    "EMAIL_ADDRESS", "PHONE_NUMBER", "IP_ADDRESS", "CREDIT_CARD", "CARD_LAST_FOUR", "CARD_EXPIRY", "MAC_ADDRESS", "URL",
    "USER_AGENT", "TIME_ZONE", "LANGUAGE", "COUNTRY", "GEO_COORDINATES",
})

RECOGNIZERS: tuple[type[EntityRecognizer], ...] = (
    # generic: any country
    PersonNameRecognizer,
    EmailRecognizer,
    PhoneRecognizer,
    PostalAddressRecognizer,
    LocationRecognizer,
    CountryRecognizer,
    GeoCoordinatesRecognizer,
    CompanyNameRecognizer,
    UsernameRecognizer,
    CredentialRecognizer,
    DateOfBirthRecognizer,
    AgeRecognizer,
    CreditCardRecognizer,
    CardLastFourRecognizer,
    CardExpiryRecognizer,
    IpAddressRecognizer,
    UserAgentRecognizer,
    UrlRecognizer,
    TimeZoneRecognizer,
    LanguageRecognizer,
    DeviceInfoRecognizer,
    ImeiRecognizer,
    AdvertisingIdRecognizer,
    MacAddressRecognizer,
    MobileNetworkRecognizer,
    CookieIdRecognizer,
    # country/india
    AadhaarRecognizer,
    PanRecognizer,
    PassportRecognizer,
    VoterIdRecognizer,
    DrivingLicenceRecognizer,
    PinCodeRecognizer,
    # country/us
    SsnRecognizer,
    ZipCodeRecognizer,
)
