"""USERNAME: an account name where text says it is one (log messages), never a bare value.

A handle has no shape of its own (``alice``, ``root``, ``svc_backup``), so a
whole value is no evidence and a ``username`` column is still decided by its
name. What logs write around an account name is what identifies it:

- a keyword: ``session opened for user root``, ``by user alice``,
  ``user=alice``, ``USER=root`` (sudo), ``ruser=``, ``logname=``,
  ``acct="bob"``, ``login: carol``, ``logged in as dave``: strong;
- sshd's ``Accepted password for X from``, ``Failed publickey for invalid
  user X from``, ``Invalid user X from``: strong;
- a home directory: ``/home/X/``, ``/Users/X/``, ``C:\\Users\\X\\``
  (``Default``, ``Public``, ``All Users``, ``Shared`` are no one's): strong;
- the user part of ``user@host`` when the host is not an e-mail domain (no
  public suffix): a login on a machine (``ssh alice@build-7``, Hadoop's
  ``LeaseRenewer:alice@namenode-1:9000``): medium, strong with a port (the
  userinfo of a URI authority, ``user@host:port``). Not when the host is all
  hex or digits (a Java object id ``Event@7317849d``), nor when the user part
  is a syslog facility (``local@host``, ``kern@host``): those are no account.

Numbers (``uid=0``) and words that follow these keywords without being an
account (``unknown``, ``none``, ``invalid``) are not user names. The field is
decided over all its lines by classifiers/decide.py: a user name in a few lines
of a log is strong evidence only when it recurs (two strong matches at least).
"""

from __future__ import annotations

import re

from classifiers.offline import tld_extract
from classifiers.recognizers.base import Pattern, ValueRecognizer
from classifiers.recognizers.strength import MEDIUM, STRONG

#: an account name: POSIX-style (letters, digits, ``_ . - $``), starting with a letter or ``_``
_NAME = r"[A-Za-z_][\w.$-]{0,31}(?<![.-])"
#: the end of an account name: not followed by more of a name, an e-mail's ``@``, or ``=`` (then it is the next
#: key: ``logname= uid=0``)
_END = r"(?![\w.$@=-])"
#: not account names, though they follow the same keywords
_NOT_NAMES = frozenset({
    "unknown", "none", "null", "nil", "invalid", "from", "by", "for", "with", "the", "a", "an", "is", "to", "on",
    "default", "public", "shared", "all", "n/a", "na", "user", "users", "name", "id", "ok", "failed", "failure",
    "success", "successful", "denied", "error", "true", "false", "yes", "no",
})
#: syslog facilities: ``local@host`` names where a message came from, not who
_FACILITIES = frozenset({
    "kern", "user", "mail", "daemon", "auth", "syslog", "lpr", "news", "uucp", "cron", "authpriv", "ftp", "ntp",
    "security", "console", "solaris-cron", "local", *(f"local{i}" for i in range(8)),
})
_HOST = re.compile(r"@([A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9-]+)*)(:\d{1,5}(?!\d))?")
_HEX = re.compile(r"[0-9A-Fa-f]+")


class UsernameRecognizer(ValueRecognizer):
    ENTITY = "USERNAME"
    VALIDATOR = "account context"
    QUICK = re.compile(r"user|home|logname|login|logged|signed|acct|@|Accepted|Failed", re.IGNORECASE)
    PATTERNS = (
        Pattern("keyword",
                rf"(?:\b(?:for|by)\s+user\s+|\b(?:r?user|user_?name|logname|acct|login)\s*[=:]\s*|"
                rf"\b(?:logged|signed)\s+(?:in|on)\s+as\s+)[\"'(]?(?P<value>{_NAME}){_END}",
                STRONG, flags=re.IGNORECASE),
        Pattern("sshd",
                rf"\b(?:(?:Accepted|Failed)\s+(?:password|publickey|keyboard-interactive(?:/pam)?|hostbased|none)"
                rf"\s+for\s+(?:invalid\s+user\s+)?|Invalid\s+user\s+)(?P<value>{_NAME}){_END}\s+from\b",
                STRONG),
        Pattern("home directory",
                rf"(?:^|(?<=[\s\"'=:(\[,]))(?:/home|/export/home|/usr/home|/Users|[A-Za-z]:\\Users|"
                rf"[A-Za-z]:\\Documents and Settings)[/\\](?P<value>{_NAME})(?=[/\\\s\"'):,;\]]|$)",
                STRONG),
        Pattern("user@host", r"(?<![\w.+@$-])(?P<value>[a-z_][a-z0-9_.-]{0,31}(?<![.-]))(?=@)", MEDIUM),
    )

    def validate_result(self, pattern_text: str) -> bool | None:
        if pattern_text.lower() in _NOT_NAMES or not any(c.isalpha() for c in pattern_text):
            return False
        return True

    def invalidate_context(self, text: str, start: int, end: int) -> bool:
        if end >= len(text) or text[end] != "@":
            return False
        # user@host: the host decides (an e-mail domain, an object id, a syslog facility's source)
        if text[start:end].lower() in _FACILITIES:
            return True
        m = _HOST.match(text, end)
        if m is None:
            return True
        host = m.group(1)
        if _HEX.fullmatch(host) or not any(c.isalpha() for c in host):
            return True
        if m.end(1) < len(text) and text[m.end(1)] in "@.":
            return True  # more of an address follows: not a host name we understand
        parts = tld_extract(host)
        return bool(parts.suffix and parts.domain)

    def score_match(self, pattern: Pattern, text: str, start: int, end: int):
        r = super().score_match(pattern, text, start, end)
        if r is not None and pattern.name == "user@host":
            m = _HOST.match(text, end)
            if m is not None and m.group(2):
                r.score = STRONG
        return r
