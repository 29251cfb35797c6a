"""Locale profiles: what a locale's people, phones, ids and column names look like.

A profile ties a Faker locale to the region its phone numbers and national ids
come from, the language its schemas name columns in, and the carriers, time
zones and languages its users have. The two benchmark splits draw from
disjoint sets of locales (see :data:`SPLITS`), so that the test split measures
how the classifier does on countries and naming languages it was not tuned on.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Locale:
    code: str                      # Faker locale
    region: str                    # ISO 3166 alpha-2: phone numbering plan and national ids
    lang: str                      # language the schema's column names are written in (en de fr es pt it nl hi)
    country_names: tuple[str, ...]  # this country as its own people write it
    time_zones: tuple[str, ...]
    languages: tuple[str, ...]     # BCP 47 tags of the people's language preferences
    carriers: tuple[str, ...]
    mcc: str                       # mobile country code
    date_order: str                # "dmy", "mdy" or "ymd": how a birth date is written in a form
    date_sep: str
    csv_delimiter: str
    lat: tuple[float, float]
    lon: tuple[float, float]


LOCALES: dict[str, Locale] = {p.code: p for p in (
    Locale("en_IN", "IN", "en", ("India", "IN", "IND", "Bharat"), ("Asia/Kolkata", "Asia/Calcutta", "+05:30"),
           ("en-IN", "hi-IN", "ta-IN", "te-IN", "mr-IN", "bn-IN", "kn-IN"), ("Jio", "Airtel", "Vi", "BSNL"),
           "404", "dmy", "/", ",", (8.0, 32.0), (70.0, 88.0)),
    Locale("hi_IN", "IN", "hi", ("भारत", "India", "IN"), ("Asia/Kolkata", "+05:30", "IST"),
           ("hi-IN", "hi", "en-IN", "mr-IN", "bho-IN"), ("Jio", "Airtel", "Vi", "BSNL", "MTNL"),
           "405", "dmy", "-", ",", (21.0, 30.0), (74.0, 88.0)),
    Locale("en_US", "US", "en", ("United States", "US", "USA"),
           ("America/New_York", "America/Chicago", "America/Denver", "America/Los_Angeles", "America/Phoenix"),
           ("en-US", "es-US", "en"), ("Verizon", "AT&T", "T-Mobile", "US Cellular"), "310", "mdy", "/", ",",
           (30.0, 47.0), (-122.0, -72.0)),
    Locale("en_GB", "GB", "en", ("United Kingdom", "GB", "UK", "GBR"), ("Europe/London", "GMT", "+00:00"),
           ("en-GB", "cy-GB", "en"), ("EE", "Vodafone UK", "O2", "Three"), "234", "dmy", "/", ",",
           (50.5, 57.5), (-5.0, 1.5)),
    Locale("en_AU", "AU", "en", ("Australia", "AU", "AUS"),
           ("Australia/Sydney", "Australia/Melbourne", "Australia/Perth", "Australia/Brisbane"),
           ("en-AU", "en"), ("Telstra", "Optus", "Vodafone AU", "TPG"), "505", "dmy", "/", ",",
           (-38.0, -12.0), (115.0, 153.0)),
    Locale("de_DE", "DE", "de", ("Deutschland", "DE", "DEU", "Germany"), ("Europe/Berlin", "+01:00", "CET"),
           ("de-DE", "de", "en-DE", "tr-DE"), ("Telekom", "Vodafone", "O2", "1&1"), "262", "dmy", ".", ";",
           (47.5, 54.8), (6.0, 14.8)),
    Locale("de_AT", "AT", "de", ("Österreich", "AT", "AUT"), ("Europe/Vienna", "+01:00"),
           ("de-AT", "de", "en"), ("A1", "Magenta", "Drei", "HoT"), "232", "dmy", ".", ";",
           (46.5, 48.9), (9.6, 17.0)),
    Locale("fr_FR", "FR", "fr", ("France", "FR", "FRA"), ("Europe/Paris", "+01:00"),
           ("fr-FR", "fr", "en-FR", "br-FR"), ("Orange", "SFR", "Bouygues Telecom", "Free Mobile"), "208", "dmy",
           "/", ";", (43.0, 50.9), (-4.5, 7.5)),
    Locale("fr_CA", "CA", "fr", ("Canada", "CA", "CAN"), ("America/Toronto", "America/Montreal", "America/Vancouver"),
           ("fr-CA", "en-CA", "fr"), ("Bell", "Rogers", "Telus", "Vidéotron"), "302", "ymd", "-", ",",
           (43.0, 55.0), (-123.0, -64.0)),
    Locale("es_ES", "ES", "es", ("España", "ES", "ESP", "Spain"), ("Europe/Madrid", "Atlantic/Canary", "+01:00"),
           ("es-ES", "ca-ES", "es", "gl-ES", "eu-ES"), ("Movistar", "Vodafone", "Orange", "MásMóvil"), "214",
           "dmy", "/", ";", (36.0, 43.5), (-9.0, 3.0)),
    Locale("es_MX", "MX", "es", ("México", "MX", "MEX", "Mexico"),
           ("America/Mexico_City", "America/Monterrey", "America/Tijuana", "America/Cancun"),
           ("es-MX", "es", "en-US"), ("Telcel", "AT&T México", "Movistar"), "334", "dmy", "/", ",",
           (15.0, 32.0), (-117.0, -87.0)),
    Locale("pt_BR", "BR", "pt", ("Brasil", "BR", "BRA", "Brazil"),
           ("America/Sao_Paulo", "America/Manaus", "America/Recife", "America/Bahia"),
           ("pt-BR", "pt", "es", "en-US"), ("Vivo", "Claro", "TIM", "Oi"), "724", "dmy", "/", ";",
           (-30.0, -3.0), (-60.0, -35.0)),
    Locale("pt_PT", "PT", "pt", ("Portugal", "PT", "PRT"), ("Europe/Lisbon", "Atlantic/Azores", "+00:00"),
           ("pt-PT", "pt", "en"), ("MEO", "NOS", "Vodafone"), "268", "dmy", "/", ";", (37.0, 42.0), (-9.5, -6.2)),
    Locale("it_IT", "IT", "it", ("Italia", "IT", "ITA", "Italy"), ("Europe/Rome", "+01:00"),
           ("it-IT", "it", "de-IT", "en"), ("TIM", "Vodafone", "WindTre", "Iliad"), "222", "dmy", "/", ";",
           (37.0, 46.5), (7.0, 18.0)),
    Locale("nl_NL", "NL", "nl", ("Nederland", "NL", "NLD", "Netherlands"), ("Europe/Amsterdam", "+01:00"),
           ("nl-NL", "nl", "en-NL", "fy-NL"), ("KPN", "Vodafone", "Odido", "Lebara"), "204", "dmy", "-", ";",
           (50.8, 53.5), (3.4, 7.2)),
)}

#: The benchmark's splits: tune on train, report on test. Locales do not overlap.
SPLITS: dict[str, dict] = {
    "train": {"seed": 1, "locales": ("en_IN", "en_US", "de_DE", "fr_FR", "es_ES", "it_IT")},
    "test": {"seed": 2, "locales": ("hi_IN", "en_GB", "pt_BR", "nl_NL", "es_MX", "de_AT", "fr_CA", "en_AU",
                                    "pt_PT")},
}
