"""CREDENTIAL: password hashes, API keys and tokens, and secrets written after a password/secret key.

Strong (the format is the evidence, nothing else looks like it):

- crypt-style hashes: bcrypt ``$2b$12$`` + 53 characters, ``$argon2id$v=19$...``,
  ``$scrypt$``, ``$7$``, yescrypt ``$y$``, sha-crypt ``$5$``/``$6$``, md5-crypt ``$1$``;
- passlib/Django PBKDF2 and friends: ``$pbkdf2-sha256$29000$...``,
  ``pbkdf2_sha256$600000$salt$hash``, ``argon2$argon2id$...``, ``bcrypt_sha256$...``;
- a JSON Web Token (``eyJ...``.``eyJ...``.sig) whose header decodes to JSON with ``alg``;
- keys with a vendor prefix (AWS ``AKIA...``, Stripe ``sk_live_``, GitHub ``ghp_``,
  Slack ``xox?-``, Google ``AIza``, GitLab ``glpat-``, OpenAI-style ``sk-``);
- ``Authorization: Bearer <token>`` / ``Basic <base64>``.

Medium: ``password=...``, ``pwd: ...``, ``api_key=...`` in text (a query string,
a log line), unless the value is masked (``****``) or a placeholder.

Weak, whole values only: a long hex string (32+) or a long base64/base64url
string (32+, mixed case and digits). MD5/SHA checksums, git hashes and
content ids look exactly the same; the column name decides.

Very weak, whole values only: one token of 6-128 characters with a lower-case
letter and a digit or symbol (not an e-mail, URL or timestamp) (``hunter2``, ``P@ssw0rd!``): what a plaintext
password looks
like, and also half the codes in any database. It proves nothing; it keeps a
``password`` column of plaintext values from being marked as contradicted by
its values (classifiers/decide.py), which would hide the worst finding there is.
"""

from __future__ import annotations

import base64
import binascii
import json
import re

from classifiers.recognizers.base import Pattern, ValueRecognizer
from classifiers.recognizers.strength import MEDIUM, STRONG, VERY_WEAK, WEAK

_B64 = r"[A-Za-z0-9+/]"
_B64URL = r"[A-Za-z0-9_-]"
_END = r"(?![\w$./+=-])"
_START = r"(?<![\w$./+=-])"
_PLACEHOLDERS = frozenset({"null", "none", "true", "false", "redacted", "[redacted]", "<redacted>", "hidden",
                           "secret", "password", "changeme", "undefined", "masked", "filtered", "[filtered]"})


class CredentialRecognizer(ValueRecognizer):
    ENTITY = "CREDENTIAL"
    VALIDATOR = "secret format"
    CONTEXT = ("authorization", "auth", "bearer")
    PATTERNS = (
        Pattern("bcrypt", rf"{_START}\$2[abxy]?\$(?:0[4-9]|[12]\d|3[01])\$[./A-Za-z0-9]{{53}}{_END}", STRONG),
        Pattern("argon2", rf"{_START}\$argon2(?:id|i|d)\$(?:v=\d+\$)?m=\d+,t=\d+,p=\d+\${_B64}+\${_B64}+{_END}",
                STRONG),
        Pattern("crypt", rf"{_START}\$(?:1|5|6|7|y|gy|scrypt|sha1|md5)\$[./A-Za-z0-9$=,+-]{{8,}}{_END}", STRONG),
        Pattern("passlib pbkdf2", rf"{_START}\$pbkdf2(?:-sha(?:1|256|512))?\$\d+\$[./A-Za-z0-9+=]+\$"
                rf"[./A-Za-z0-9+=]+{_END}", STRONG),
        Pattern("django", r"(?<![\w$])(?:pbkdf2_sha(?:1|256)\$\d+|argon2\$argon2(?:id|i|d)|bcrypt(?:_sha256)?\$\$?2"
                r"|scrypt\$\d*|sha1\$|md5\$)[./A-Za-z0-9$=,+-]{8,}" + _END, STRONG),
        Pattern("JWT", rf"(?<![\w-])eyJ{_B64URL}{{8,}}\.eyJ{_B64URL}{{8,}}\.{_B64URL}*(?![\w-])", 0.0,
                validated=STRONG, check="is_jwt"),
        Pattern("vendor key", r"(?<![\w-])(?:AKIA[0-9A-Z]{16}|ASIA[0-9A-Z]{16}|sk_(?:live|test)_[0-9A-Za-z]{16,}"
                r"|rk_(?:live|test)_[0-9A-Za-z]{16,}|gh[pousr]_[0-9A-Za-z]{36,}|github_pat_\w{40,}"
                r"|xox[abposr]-[0-9A-Za-z-]{10,}|AIza[0-9A-Za-z_-]{35}|glpat-[0-9A-Za-z_-]{20,}"
                r"|sk-(?:proj-)?[0-9A-Za-z_-]{32,}|SG\.[\w-]{16,}\.[\w-]{16,})(?![\w-])", STRONG),
        Pattern("authorization", r"(?<!\w)(?:Bearer|Basic|Token)\s+[A-Za-z0-9._~+/=-]{16,}", MEDIUM,
                with_context=STRONG),
        Pattern("key=value", r"(?<![\w])(?:password|passwd|pwd|pass|passwort|contrase[ñn]a|senha|secret|client_secret"
                r"|api[_-]?key|apikey|access[_-]?token|auth[_-]?token|token|private[_-]?key)"
                r"""["']?\s*[=:]\s*["']?(?P<value>[^\s&,;"'<>]{4,})""", MEDIUM, flags=re.IGNORECASE),
        Pattern("hex secret", r"[0-9a-fA-F]{32,}", 0.0, validated=WEAK, whole=True, check="is_one_case_hex"),
        Pattern("base64 secret", rf"(?:{_B64}{{32,}}={{0,2}}|{_B64URL}{{32,}})", 0.0, validated=WEAK, whole=True,
                check="is_random_b64"),
        Pattern("plaintext-shaped",
                r"(?!\S*@\S*\.[A-Za-z]{2,}$)(?!\S*://)(?!\d{4}-\d\d-\d\d)(?=\S*[a-z])(?=\S*[\d\W])\S{6,128}",
                VERY_WEAK, whole=True),
    )

    def invalidate_result(self, pattern_text: str) -> bool:
        # Masked or placeholder values are not the secret.
        return set(pattern_text) <= set("*xX•#.-_ ") or pattern_text.lower() in _PLACEHOLDERS

    def is_jwt(self, pattern_text: str) -> bool:
        head = pattern_text.split(".", 1)[0]
        try:
            header = json.loads(base64.urlsafe_b64decode(head + "=" * (-len(head) % 4)))
        except (binascii.Error, ValueError, UnicodeDecodeError):
            return False
        return isinstance(header, dict) and "alg" in header

    def is_one_case_hex(self, pattern_text: str) -> bool:
        if pattern_text.isdigit():
            return False  # a long decimal number is an id, not a hex secret
        return pattern_text.islower() or pattern_text.isupper()

    def is_random_b64(self, pattern_text: str) -> bool:
        core = pattern_text.rstrip("=")
        return (any(c.isdigit() for c in core) and any(c.islower() for c in core) and any(c.isupper() for c in core)
                and len(set(core)) >= 16)
