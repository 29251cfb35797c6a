"""USERNAME: account names where log text says so (keywords, sshd, home directories, user@host); bare handles never."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from classifiers.recognizers.generic.username import UsernameRecognizer
from classifiers.recognizers.strength import MEDIUM, STRONG

NONE = 0.0


@pytest.mark.parametrize("text,score,found", [
    # keyword + value (syslog, PAM, sudo, audit)
    ("- 1131566461 2005.11.09 cn12 Nov 9 12:01:01 cn12/cn12 crond(pam_unix)[2915]: session opened for user root "
     "by (uid=0)", STRONG, "root"),
    ("pam_unix(sshd:session): session closed for user svc_backup", STRONG, "svc_backup"),
    ("authentication failure; logname= uid=0 euid=0 tty=ssh ruser= rhost=10.2.3.4  user=jdoe7", STRONG, "jdoe7"),
    ("sudo: alice : TTY=pts/0 ; PWD=/srv ; USER=root ; COMMAND=/bin/ls", STRONG, "root"),
    ('type=USER_LOGIN msg=audit(1700000000.1:42): acct="mkoch" exe="/usr/sbin/sshd"', STRONG, "mkoch"),
    ("web: logged in as carol.p", STRONG, "carol.p"),
    # sshd
    ("sshd[811]: Accepted password for devops from 203.0.113.9 port 52211 ssh2", STRONG, "devops"),
    ("sshd[811]: Accepted publickey for git-deploy from 198.51.100.4 port 40022 ssh2", STRONG, "git-deploy"),
    ("sshd[812]: Failed password for invalid user oracle from 203.0.113.77 port 4711 ssh2", STRONG, "oracle"),
    ("sshd[813]: Invalid user admin1 from 203.0.113.77", STRONG, "admin1"),
    # home directories
    ("ciod: Error loading /home/tkeller2/run/a.out: invalid or missing program image", STRONG, "tkeller2"),
    ("node map file /home/mrossi/bgl/64mps.mapfile", STRONG, "mrossi"),
    (r"Extract jar to C:\Users\pnair\AppData\Local\Temp\Jetty_0", STRONG, "pnair"),
    ("open /Users/lucia/Library/Logs/app.log", STRONG, "lucia"),
    # user@host: a login on a machine, not an e-mail
    ("WARN [LeaseRenewer:etlrunner@nn-east-2:9000] Client: Address change detected", STRONG, "etlrunner"),
    ("scp done: backup@store-3 ok", MEDIUM, "backup"),
    # near-misses: no account here
    ("alice", NONE, ""),                                   # a bare handle says nothing
    ("root", NONE, ""),
    ("INFO auth: failed password for anna.k@example.com from 203.0.113.5", NONE, ""),  # an e-mail
    ("write to priya@kesarbazaar.in", NONE, ""),            # an e-mail, public suffix
    ("TaskAttemptUnsuccessfulCompletionEvent@7317849d", NONE, ""),   # Java object id
    ("handler event@7317849d fired", NONE, ""),             # hex host: an object id
    ("local@tbird-admin1 /apps/gmetad[1682]: data_thread() got no answer", NONE, ""),  # syslog facility
    ("connector@0.0.0.0:62267", NONE, ""),                  # an IP after @
    ("session opened for user 1000", NONE, ""),             # a number is a uid, not a name
    ("login: failed", NONE, ""),
    ("user signed in", NONE, ""),
    ("/home/default/settings", NONE, ""),
    ("GLOBALROOT/Device/HarddiskVolumeShadowCopy2/Users/default/ntuser.dat", NONE, ""),
    ("checkout started for order 4417", NONE, ""),
])
def test_username(text: str, score: float, found: str, scored) -> None:
    assert scored(UsernameRecognizer, text) == (score, found)


_USER = st.from_regex(r"[a-z][a-z0-9_]{2,12}", fullmatch=True).filter(
    lambda u: u not in {"for", "from", "the", "user", "users", "none", "null", "unknown", "invalid", "default",
                        "public", "shared", "all", "name", "id", "ok", "failed", "failure", "success", "successful",
                        "denied", "error", "true", "false", "yes", "no", "nil", "na", "by", "with", "to", "on", "is",
                        "an"})


@given(user=_USER, template=st.sampled_from([
    "session opened for user {u} by (uid=0)", "Accepted password for {u} from 192.0.2.10 port 22 ssh2",
    "Error loading /home/{u}/bin/solver: no such file", "audit: user={u} op=login", "[LeaseRenewer:{u}@nn-1:9000]"]))
def test_account_in_log_context_is_found(user: str, template: str) -> None:
    """Property: whatever the account's name, the context finds exactly it, strongly."""
    text = template.format(u=user)
    results = UsernameRecognizer().analyze(text, ["USERNAME"])
    assert [(text[r.start:r.end], r.score) for r in results] == [(user, STRONG)]


@given(local=_USER, domain=st.sampled_from(["example.com", "mail.example.co.uk", "kesarbazaar.in", "web.de"]))
def test_email_addresses_are_not_logins(local: str, domain: str) -> None:
    """Property: user@host with a public-suffix host is an e-mail, never a user name."""
    text = f"INFO notify: sent to {local}@{domain} ok"
    assert UsernameRecognizer().analyze(text, ["USERNAME"]) == []
