"""CREDENTIAL: hash and token formats strong, password=... medium, bare hex/base64 weak (checksums look the same)."""

from __future__ import annotations

import pytest

from classifiers.recognizers.generic.credential import CredentialRecognizer
from classifiers.recognizers.strength import MEDIUM, STRONG, VERY_WEAK, WEAK

NONE = 0.0

BCRYPT = "$2b$12$KIXQJz1y8W9ZcWQmA6y0Ee3l0Q8t7pP2V9Vb9bG3yZQ5l1kJ8QeOa"
JWT = ("eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIy"
       "fQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c")


@pytest.mark.parametrize("text,score,found", [
    (BCRYPT, STRONG, BCRYPT),
    ("$argon2id$v=19$m=65536,t=3,p=4$c29tZXNhbHQ$RdescudvJCsgt3ub+b+dWRWJTmaaJObG",
     STRONG, "$argon2id$v=19$m=65536,t=3,p=4$c29tZXNhbHQ$RdescudvJCsgt3ub+b+dWRWJTmaaJObG"),
    ("$6$rounds=5000$saltsalt$Hq1Yc4Zb0xQ/3q7d9S2kJ8m", STRONG, "$6$rounds=5000$saltsalt$Hq1Yc4Zb0xQ/3q7d9S2kJ8m"),
    ("$pbkdf2-sha256$29000$N2ZMqZNyDmGMsbaWUmqNEQ$uJw0vJyPqBqY0l2HPsU5Mw",
     STRONG, "$pbkdf2-sha256$29000$N2ZMqZNyDmGMsbaWUmqNEQ$uJw0vJyPqBqY0l2HPsU5Mw"),
    ("pbkdf2_sha256$600000$abcdefgh1234$ZmFrZWhhc2hmYWtlaGFzaA==",
     STRONG, "pbkdf2_sha256$600000$abcdefgh1234$ZmFrZWhhc2hmYWtlaGFzaA=="),
    ("$scrypt$ln=16,r=8,p=1$aM15713r3Xsvxbi31lqr1Q$nFNh2CVHVjNldFVKDHDlm4CbdRSCdEBsjjJxD+iCs5E",
     STRONG, "$scrypt$ln=16,r=8,p=1$aM15713r3Xsvxbi31lqr1Q$nFNh2CVHVjNldFVKDHDlm4CbdRSCdEBsjjJxD+iCs5E"),
    (JWT, STRONG, JWT),
    ("AKIAIOSFODNN7EXAMPLE", STRONG, "AKIAIOSFODNN7EXAMPLE"),
    ("key sk_live_4eC39HqLyjWDarjtT1zdp7dc rotated", STRONG, "sk_live_4eC39HqLyjWDarjtT1zdp7dc"),
    ("Authorization: Bearer abcdef0123456789ABCDEF", STRONG, "Bearer abcdef0123456789ABCDEF"),
    ("Bearer abcdef0123456789ABCDEF", MEDIUM, "Bearer abcdef0123456789ABCDEF"),
    ("GET /login?user=bob&password=hunter2&next=/", MEDIUM, "hunter2"),
    ('{"api_key": "9f8e7d6c5b4a"}', MEDIUM, "9f8e7d6c5b4a"),
    ("d41d8cd98f00b204e9800998ecf8427e", WEAK, "d41d8cd98f00b204e9800998ecf8427e"),   # also an MD5
    ("MTIzNDU2Nzg5MGFiY2RlZmdoaWprbG1ub3BxcnN0dXZ3eHl6", WEAK, "MTIzNDU2Nzg5MGFiY2RlZmdoaWprbG1ub3BxcnN0dXZ3eHl6"),
    ("hunter2", VERY_WEAK, "hunter2"),                                            # plaintext-password shape only
    ("P@ssw0rd!", VERY_WEAK, "P@ssw0rd!"),
    # near-misses: broken formats keep at most the plaintext shape
    ("$2b$12$tooShort", VERY_WEAK, "$2b$12$tooShort"),
    ("$2b$99$KIXQJz1y8W9ZcWQmA6y0Ee3l0Q8t7pP2V9Vb9bG3yZQ5l1kJ8QeOa", VERY_WEAK,       # cost 99
     "$2b$99$KIXQJz1y8W9ZcWQmA6y0Ee3l0Q8t7pP2V9Vb9bG3yZQ5l1kJ8QeOa"),
    ("eyJub3RhIjoiand0In0.eyJzdWIiOiIxMjM0NTY3ODkwIn0.x", VERY_WEAK,             # header without alg
     "eyJub3RhIjoiand0In0.eyJzdWIiOiIxMjM0NTY3ODkwIn0.x"),
    ("password=********", VERY_WEAK, "password=********"),                        # masked: no secret value
    ("password: [REDACTED]", NONE, ""),
    ("ravi.kumar@gmail.com", NONE, ""),
    ("2026-11-24T10:00:00Z", NONE, ""),
    ("ORD-2024-0042", NONE, ""),
    ("password reset requested", NONE, ""),
    ("12345678901234567890123456789012", NONE, ""),                               # decimal id, not hex
    ("D41d8cd98f00b204e9800998ecf8427E", VERY_WEAK, "D41d8cd98f00b204e9800998ecf8427E"),  # mixed-case hex: no digest
    ("user_profile_settings_page_for_admins", NONE, ""),
    ("The total cost was $250 for 2 items", NONE, ""),
])
def test_credential(text: str, score: float, found: str, scored) -> None:
    assert scored(CredentialRecognizer, text) == (score, found)
