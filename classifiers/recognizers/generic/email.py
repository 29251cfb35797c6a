"""EMAIL_ADDRESS: Presidio's pattern, validated against the bundled public-suffix list (offline)."""

from presidio_analyzer.predefined_recognizers import EmailRecognizer as _PresidioEmail

from classifiers.offline import tld_extract


class EmailRecognizer(_PresidioEmail):
    def __init__(self) -> None:
        super().__init__(supported_entity="EMAIL_ADDRESS", name="pdd_email")

    def validate_result(self, pattern_text: str) -> bool:
        # Presidio's own check calls tldextract's default extractor, which fetches the suffix list online.
        return tld_extract(pattern_text).fqdn != ""
