"""USER_AGENT: browser, app and client user agents that ua-parser recognizes; the span covers the whole agent."""

from __future__ import annotations

import pytest

from classifiers.recognizers.generic.user_agent import UserAgentRecognizer
from classifiers.recognizers.strength import MEDIUM, STRONG

NONE = 0.0

ANDROID = ("Mozilla/5.0 (Linux; Android 14; SM-M346B) AppleWebKit/537.36 (KHTML, like Gecko) "
           "Chrome/130.0.6723.102 Mobile Safari/537.36")
IPHONE = ("Mozilla/5.0 (iPhone; CPU iPhone OS 17_5_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) "
          "Version/17.5 Mobile/15E148 Safari/604.1")
FIREFOX = "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:132.0) Gecko/20100101 Firefox/132.0"
DALVIK = "Dalvik/2.1.0 (Linux; U; Android 13; Redmi Note 12 Pro Build/TKQ1)"
APP = "ScalejetApp/3.2.1 (iPhone; iOS 17.2; Scale/3.00)"


@pytest.mark.parametrize("text,score,found", [
    (ANDROID, STRONG, ANDROID),
    (IPHONE, STRONG, IPHONE),
    (FIREFOX, STRONG, FIREFOX),
    (DALVIK, STRONG, DALVIK),
    (APP, STRONG, APP),
    (f'203.0.113.7 - - [24/Nov/2026:10:00:00 +0000] "GET / HTTP/1.1" 200 512 "-" "{FIREFOX}"', STRONG, FIREFOX),
    ("curl/8.4.0", MEDIUM, "curl/8.4.0"),
    ("okhttp/4.9.0", MEDIUM, "okhttp/4.9.0"),
    ("Mozilla/5.0", MEDIUM, "Mozilla/5.0"),                 # nothing to parse beyond the token
    # near-misses
    ("Mozilla Firefox", NONE, ""),
    ("Chrome 131", NONE, ""),
    ("AppleWebKit", NONE, ""),
    ("the mozilla/5.0 token", NONE, ""),                    # lower case: not how agents are written
    ("pipeline/v2 (beta)", NONE, ""),
])
def test_user_agent(text: str, score: float, found: str, scored) -> None:
    assert scored(UserAgentRecognizer, text) == (score, found)
