"""URL: scheme://host/path, as Presidio's URL patterns find it."""

from presidio_analyzer.predefined_recognizers import UrlRecognizer as _PresidioUrl


class UrlRecognizer(_PresidioUrl):
    def __init__(self) -> None:
        super().__init__(supported_entity="URL", name="pdd_url")
