"""EMAIL_ADDRESS: local@domain; strong when the domain ends in a real public suffix."""

from __future__ import annotations

import pytest

from classifiers.recognizers.generic.email import EmailRecognizer
from classifiers.recognizers.strength import STRONG, WEAK

NONE = 0.0


@pytest.mark.parametrize("text,score,found", [
    ("ravi.kumar@gmail.com", STRONG, "ravi.kumar@gmail.com"),
    ("@RepDonBeyer@mas.to", NONE, ""),                               # issue 10: a Mastodon handle, not a mailbox
    ("priya_s+orders@yahoo.co.in", STRONG, "priya_s+orders@yahoo.co.in"),
    ("Contact: anna.mueller@firma.de, thanks", STRONG, "anna.mueller@firma.de"),
    ('{"email": "bo@example.org"}', STRONG, "bo@example.org"),
    ("ops@build-server.internal", WEAK, "ops@build-server.internal"),   # no public suffix: shape only
    # near-misses
    ("ravi.kumar@", NONE, ""),
    ("@handle", NONE, ""),
    ("user@localhost", NONE, ""),
    ("ravi.kumar(at)gmail.com", NONE, ""),
    ("a@b", NONE, ""),
    ("price@2.50", NONE, ""),
])
def test_email(text: str, score: float, found: str, scored) -> None:
    assert scored(EmailRecognizer, text) == (score, found)
