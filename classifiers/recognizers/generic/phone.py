"""PHONE_NUMBER: libphonenumber (via Presidio) over the regions Scalejet's customers live in."""

from presidio_analyzer.predefined_recognizers import PhoneRecognizer as _PresidioPhone

#: India first; then the markets named in the policy's EEA section and common D2C export markets.
REGIONS = ("IN", "US", "GB", "DE", "FR", "ES", "IT", "NL", "PT", "BR", "CA", "AU", "SG", "AE", "ZA", "NG", "JP")


class PhoneRecognizer(_PresidioPhone):
    def __init__(self) -> None:
        super().__init__(supported_entity="PHONE_NUMBER", supported_regions=REGIONS)
        self.name = "pdd_phone"
