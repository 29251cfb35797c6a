"""USER_AGENT: a browser, app or HTTP client user-agent string, confirmed by ua-parser.

Candidates start with a product token that user agents use (``Mozilla/5.0``,
``Dalvik/2.1.0``, ``Opera/``, ``curl/``, ``okhttp/``, ...) or carry an
``AppleWebKit/`` / ``Gecko/`` engine token; the span runs to the end of the
user agent (a quote, tab or line end). ua-parser then has to recognize an OS
or a client family (not "Other"): its OS parser is tried first because it is
~10x cheaper than its user-agent parser, and results are cached because logs
repeat the same few agents. A bare ``Mozilla/5.0`` with nothing parseable is medium.
"""

from __future__ import annotations

import re
from functools import lru_cache

import ua_parser

from classifiers.recognizers.base import Pattern, ValueRecognizer
from classifiers.recognizers.strength import MEDIUM, STRONG, WEAK

_TAIL = r"""[^"\t\n\r]*[^"\t\n\r ]"""
_BROWSER = r"(?:Mozilla|Opera)/\d"
_CLIENT = (r"(?:Dalvik|curl|Wget|okhttp|python-requests|python-urllib|Python-urllib|axios|node-fetch|Go-http-client"
           r"|Apache-HttpClient|PostmanRuntime|CFNetwork|Darwin|Googlebot|bingbot|facebookexternalhit|WhatsApp"
           r"|Instagram|FBAN|Twitterbot|Slackbot|Java|libwww-perl|HTTPie|Insomnia)/\d")


class UserAgentRecognizer(ValueRecognizer):
    ENTITY = "USER_AGENT"
    VALIDATOR = "ua-parser"
    QUICK = re.compile(r"/\d")
    PATTERNS = (
        Pattern("browser", rf"(?<![\w/]){_BROWSER}{_TAIL}", MEDIUM, validated=STRONG),
        Pattern("client", rf"(?<![\w/-]){_CLIENT}{_TAIL}", WEAK, validated=MEDIUM),
        Pattern("app with platform", r"(?<![\w/-])[A-Za-z][\w.-]{1,40}/\d[\w.]*\s\((?:iPhone|iPad|Linux|Android"
                r"|Windows|Macintosh|iOS|X11)[^)\"\n]*\)" + rf"(?:{_TAIL})?", WEAK, validated=STRONG),
    )

    def validate_result(self, pattern_text: str) -> bool | None:
        return _recognized(pattern_text[:1000]) or None


@lru_cache(maxsize=4096)
def _recognized(ua: str) -> bool:
    os_ = ua_parser.parse_os(ua)
    if os_ is not None and os_.family not in ("Other", ""):
        return True
    agent = ua_parser.parse_user_agent(ua)
    return agent is not None and agent.family not in ("Other", "")
