"""URL: scheme URLs with real hosts strong; www/host+path medium; bare domains and site paths weak; filenames not."""

from __future__ import annotations

import pytest

from classifiers.recognizers.generic.url import UrlRecognizer
from classifiers.recognizers.strength import MEDIUM, STRONG, VERY_WEAK, WEAK

NONE = 0.0


@pytest.mark.parametrize("text,score,found", [
    ("https://scalejet.in/blog/gst-invoicing-basics", STRONG, "https://scalejet.in/blog/gst-invoicing-basics"),
    ('<Resume xmlns="http://schemas.microsoft.com/sqlserver/2004/07/resume">', NONE, ""),  # issue 10: a namespace
    ("<p:x xmlns:p='https://example.com/ns/1'/>", NONE, ""),
    ("see https://www.google.com/search?q=kurta.", STRONG, "https://www.google.com/search?q=kurta"),
    ("http://192.168.1.10:8080/admin", STRONG, "http://192.168.1.10:8080/admin"),
    ("http://localhost:3000/callback", MEDIUM, "http://localhost:3000/callback"),
    ("www.flipkart.com/item/123", MEDIUM, "www.flipkart.com/item/123"),
    ("ref: t.co/Xq3kLm9", MEDIUM, "t.co/Xq3kLm9"),
    ("scalejet.in", WEAK, "scalejet.in"),
    ("/features/inventory", VERY_WEAK, "/features/inventory"),
    # near-misses
    ("setup.cfg", NONE, ""),                      # not a public suffix
    ("report.final.docx", NONE, ""),
    ("12.5kg", NONE, ""),
    ("Version 2.0", NONE, ""),
    ("https://shop.example/", NONE, ""),          # reserved name, no public suffix
    ("N/A", NONE, ""),
    ("/bgl/apps/SWL/performance/MINIBEN//bandwidth.rts:", NONE, ""),  # issue 24: took minutes (backtracking)
    ("/a/b/", VERY_WEAK, "/a/b/"),
])
def test_url(text: str, score: float, found: str, scored) -> None:
    assert scored(UrlRecognizer, text) == (score, found)
